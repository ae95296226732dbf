"""E-mail addresses in one form, so that the same person is always the same key.

Before any comparison or storage an address is normalised: Unicode NFC, every default-ignorable code point
removed (Unicode's Default_Ignorable_Code_Point property, through the `regex` module: zero-width spaces and
joiners, the BOM, bidi marks, soft hyphens, the combining grapheme joiner, variation selectors, Hangul
fillers, tags), white space around it removed, case ignored (as Mailchimp does), the domain in its IDNA form
(`näide.ee` → `xn--nide-loa.ee`). White space inside it (Unicode's White_Space property) and the blank
symbols Unicode gives no property to (BLANK_SYMBOLS) refuse it. It is then validated by `email-validator`
with the RFC limits (64 octets before the @, 254 in all).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex
from email_validator import EmailNotValidError, validate_email
from email_validator.syntax import validate_email_local_part

from ..messages import Message, say

LONGEST = 254  # RFC 5321: the longest address a mail server has to take
SHOWN = 80  # the most characters of a bad value repeated in a message
IGNORABLE = regex.compile(r"\p{Default_Ignorable_Code_Point}+")
WHITE = regex.compile(r"\p{White_Space}")
AROUND = regex.compile(r"^\p{White_Space}+|\p{White_Space}+$")
# Symbols that print as nothing yet are neither default-ignorable nor white space in Unicode's properties:
# the braille blank and the musical null notehead. An address with one is refused, never stored.
BLANK_SYMBOLS = frozenset("\N{BRAILLE PATTERN BLANK}\N{MUSICAL SYMBOL NULL NOTEHEAD}")
UNSHOWN = regex.compile(r"[\p{C}\p{Default_Ignorable_Code_Point}\p{White_Space}--\x20]", regex.V1)


class BadAddress(ValueError):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def _visible(text: str) -> str:
    """NFC, without default-ignorable code points and without surrounding white space (NFC again after the
    removal: a combining grapheme joiner taken out can leave a letter and its accent to compose)."""
    if text.isascii():  # the common case: nothing ignorable, already NFC
        return text.strip()
    text = IGNORABLE.sub("", unicodedata.normalize("NFC", text))
    return unicodedata.normalize("NFC", AROUND.sub("", text))


def _blank(text: str) -> bool:
    """Whether white space or a blank symbol is left inside the address."""
    return not text.isascii() and (WHITE.search(text) is not None or any(c in BLANK_SYMBOLS for c in text))


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
    if not at or not local or _blank(text):
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
    """A value from a file, safe to print: control, invisible and blank characters escaped (all but the
    space), the length bounded."""
    shown = "".join(f"\\u{ord(c):04x}" if UNSHOWN.match(c) or c in BLANK_SYMBOLS else c for c in value[:SHOWN])
    return shown + ("…" if len(value) > SHOWN else "")
