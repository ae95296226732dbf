"""E-mail addresses in one form, so that the same person is always the same key.

Before any comparison or storage an address is normalised: Unicode NFC, invisible formatting characters
(zero-width spaces and joiners, the BOM, bidi marks, soft hyphens) removed, spaces around it removed, case
ignored (as Mailchimp does), the domain in its IDNA form (`näide.ee` → `xn--nide-loa.ee`). It is then
validated by `email-validator` with the RFC limits (64 octets before the @, 254 in all).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email
from email_validator.syntax import validate_email_local_part

from ..messages import Message, say

LONGEST = 254  # RFC 5321: the longest address a mail server has to take
SHOWN = 80  # the most characters of a bad value repeated in a message


class BadAddress(ValueError):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def _visible(text: str) -> str:
    """NFC, without formatting characters (category Cf) and without surrounding spaces."""
    if text.isascii():  # the common case: no formatting character, already NFC
        return text.strip()
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if unicodedata.category(c) != "Cf").strip()


@lru_cache(maxsize=4096)
def _domain(domain: str) -> str:
    """The domain's IDNA (ASCII) form; validated once per domain (most addresses share a few)."""
    return validate_email("x@" + domain, check_deliverability=False, strict=True).ascii_domain.lower()


def normalise(raw: str) -> str:
    """The address's one form, or BadAddress with a message that quotes it."""
    if len(raw) > LONGEST * 4:
        raise BadAddress(say("nl_address_long", value=printable(raw)))
    text = _visible(raw)
    local, at, domain = text.rpartition("@")
    if not at or not local:
        raise BadAddress(say("email_format", value=printable(text)))
    try:
        local = validate_email_local_part(
            local.lower(), allow_smtputf8=True, allow_empty_local=False, quoted_local_part=False, strict=True
        )["local_part"]
        ascii_domain = _domain(domain.lower())
    except EmailNotValidError as error:
        key = "nl_address_long" if "too long" in str(error) else "email_format"
        raise BadAddress(say(key, value=printable(text))) from None
    address = f"{local}@{ascii_domain}"
    if len(address.encode("utf-8")) > LONGEST:
        raise BadAddress(say("nl_address_long", value=printable(text)))
    return address


def key(raw: str) -> str:
    """The form to compare by, also for an address kept from before (one that may no longer validate)."""
    try:
        return normalise(raw)
    except BadAddress:
        return _visible(raw).lower()


def printable(value: str) -> str:
    """A value from a file, safe to print: control and formatting characters escaped, the length bounded."""
    shown = "".join(c if unicodedata.category(c)[0] != "C" else f"\\u{ord(c):04x}" for c in value[:SHOWN])
    return shown + ("…" if len(value) > SHOWN else "")
