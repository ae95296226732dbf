"""A test certificate authority made with `openssl` (no third-party package): a CA, a server certificate for
127.0.0.1 and localhost signed by it, one signed by it for another host name only, and one for 127.0.0.1
signed by a CA nobody trusts. Made once per test process, in a temporary folder removed at exit."""

from __future__ import annotations

import atexit
import shutil
import ssl
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SERVER_NAMES = "IP:127.0.0.1,DNS:localhost"
OTHER_NAME = "DNS:mail.example.org"


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context


@dataclass(frozen=True)
class Certificates:
    ca_file: Path  # SMTP_CA_FILE
    server: Certificate  # 127.0.0.1 and localhost, signed by the CA
    other_host: Certificate  # mail.example.org only, signed by the CA
    unknown_ca: Certificate  # 127.0.0.1, signed by another CA


def _openssl(folder: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)


def _ca(folder: Path, name: str) -> None:
    _openssl(
        folder,
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", f"{name}.key", "-out", f"{name}.pem", "-days", "2", "-subj", f"/CN=projectsite {name}",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    )  # fmt: skip


def _signed(folder: Path, name: str, ca: str, names: str) -> Certificate:
    (folder / f"{name}.ext").write_text(
        f"subjectAltName={names}\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid,issuer\n",
        encoding="utf-8",
    )
    _openssl(
        folder,
        "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", f"{name}.key", "-out", f"{name}.csr", "-subj", f"/CN={name}",
    )  # fmt: skip
    _openssl(
        folder,
        "x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key", "-CAcreateserial",
        "-out", f"{name}.pem", "-days", "2", "-extfile", f"{name}.ext",
    )  # fmt: skip
    return Certificate(folder / f"{name}.pem", folder / f"{name}.key")


@cache
def certificates() -> Certificates:
    folder = Path(tempfile.mkdtemp(prefix="projectsite-ca-"))
    atexit.register(shutil.rmtree, folder, True)
    _ca(folder, "ca")
    _ca(folder, "stranger-ca")
    return Certificates(
        ca_file=folder / "ca.pem",
        server=_signed(folder, "server", "ca", SERVER_NAMES),
        other_host=_signed(folder, "other", "ca", OTHER_NAME),
        unknown_ca=_signed(folder, "stranger", "stranger-ca", SERVER_NAMES),
    )
