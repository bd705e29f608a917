"""What the widget and the HTTP API check before a message reaches the assistant.

Both entry points refuse the same things with the same polite words: an empty message, one
longer than the assistant reads (refused whole, never cut mid-word: the widget keeps the text in
the box so the shopper can shorten it), and a session sending faster than a person types.
"""
from __future__ import annotations

from dataclasses import dataclass

from assistant.inputs import MAX_MESSAGE_CHARS, clean_message
from assistant.web.limits import MESSAGES_PER_MINUTE, RateLimiter, wait_text


@dataclass
class Refusal:
    """Why a message was not sent: `code` for programs, `message` for the shopper, `status` for HTTP."""

    code: str  # empty | too_long | rate_limited
    message: str
    status: int = 400
    retry_after: float = 0.0


class Intake:
    """The checks, with one rate limiter per server process."""

    def __init__(self, *, max_chars: int = MAX_MESSAGE_CHARS, per_minute: int = MESSAGES_PER_MINUTE,
                 limiter: RateLimiter | None = None) -> None:
        self.max_chars = max_chars
        self.limiter = limiter or RateLimiter(per_minute, 60.0)

    def check(self, message: object, session_id: str | None) -> Refusal | None:
        """None when the message may go to the assistant (and counts towards the session's rate)."""
        text = message if isinstance(message, str) else ""
        if not text.strip():
            return Refusal("empty", "Please type a message first, for example “running shoes under $100”.")
        cleaned, _ = clean_message(text, max_chars=self.max_chars)
        if len(cleaned) > self.max_chars:
            return Refusal("too_long", f"Your message is {len(cleaned):,} characters; I can read up to "
                                       f"{self.max_chars:,}. Please shorten it and send it again.")
        if session_id is not None:
            wait = self.limiter.hit(session_id)
            if wait:
                return Refusal("rate_limited", f"You're sending messages faster than I can answer them. "
                                               f"Please wait {wait_text(wait)} and try again.",
                               status=429, retry_after=wait)
        return None
