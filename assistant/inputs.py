"""Checks on what callers hand the assistant: message text and session ids."""
from __future__ import annotations

import re
import secrets
import unicodedata

MAX_MESSAGE_CHARS = 2000
_SESSION_ID = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")


def new_session_id() -> str:
    """32 hex characters from 128 random bits: not guessable, and within what `check_session_id` accepts."""
    return secrets.token_hex(16)


class InvalidSessionIdError(ValueError):
    """A session id the store cannot hold; the message says what ids look like."""


def check_session_id(session_id: str) -> str:
    if not isinstance(session_id, str) or not _SESSION_ID.match(session_id):
        raise InvalidSessionIdError(
            f"Invalid session id {str(session_id)[:80]!r}: use 1-64 letters, digits, '-' or '_' "
            "(or pass session_id=None to start a new session)")
    return session_id


def clean_message(message: object, *, max_chars: int = MAX_MESSAGE_CHARS) -> tuple[str, str | None]:
    """(cleaned text, problem) where problem is None, 'empty', 'too_long' or 'unreadable'.

    Control characters and invalid bytes are dropped; a message that is mostly junk is
    'unreadable' rather than sent to the model.
    """
    if isinstance(message, bytes):
        message = message.decode("utf-8", errors="replace")
    text = "" if message is None else str(message)
    cleaned = "".join(
        ch for ch in text
        if ch in "\n\t" or (unicodedata.category(ch)[0] != "C" and ch != "\ufffd")
    ).strip()
    if not cleaned:
        return "", ("unreadable" if text.strip() else "empty")
    if len(cleaned) > max_chars:
        return cleaned, "too_long"
    junk = len(text) - len(cleaned)
    if len(text) >= 8 and junk / len(text) > 0.3:
        return cleaned, "unreadable"
    return cleaned, None


_INJECTION = re.compile(
    r"(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules?|prompts?|guidelines|polic(y|ies))"
    r"|\b(you are now|from now on you|act as|pretend (to be|you are)|new instructions|system prompt|developer mode"
    r"|jailbreak)\b"
    r"|\b(say|tell|claim|announce)\b.{0,40}\b(free|0 dollars|\$0|100% off)\b"
    r"|(忽略|无视|忘记).{0,10}(指令|指示|规则|提示)|你现在是|系统提示",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"[^.!?。！？\n]+[.!?。！？]*")


def strip_injection(text: str) -> tuple[str, bool]:
    """Drop sentences that try to instruct the assistant ("ignore previous instructions ...").

    The shopper's message is kept whole in the transcript; only what the assistant acts on and
    shows the model is cleaned. The prompt also fences catalog and shopper text as data, and the
    grounding guard checks every price, so this is one layer of three, not the only one.
    """
    if not _INJECTION.search(text):
        return text, False
    kept = [s.strip() for s in _SENTENCES.findall(text) if s.strip() and not _INJECTION.search(s)]
    return " ".join(kept), True
