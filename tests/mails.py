"""Reading e-mails as a mail client does: the body of a kind (plain or html) that a message must have."""

from __future__ import annotations

from email.message import EmailMessage


def body(message: EmailMessage, kind: str) -> str:
    """The message's preferred body of this kind ("plain" or "html"), as text; fails when it has none."""
    part = message.get_body((kind,))
    assert part is not None, f"the message has no {kind} body"
    content = part.get_content()
    assert isinstance(content, str), f"the {kind} body is not text"
    return content
