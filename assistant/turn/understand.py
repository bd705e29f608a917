"""Stage 1, understand: clean the message, set instruction-like text aside, read the shopper's need."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from assistant.inputs import clean_message, strip_injection
from assistant.turn.deps import TurnDeps
from assistant.turn.state import SessionState
from catalog.models import Product

logger = logging.getLogger(__name__)



_CHATTER = ("smalltalk", "off_topic", "greeting", "thanks", "unclear")
_CLAUSES = re.compile(r"[?？!！。;；]+|,?\s*\b(?:anyway|anyways|btw|by the way|also)\b,?|先问下|先问一下|顺便问一下|另外|对了",
                      re.IGNORECASE)


@dataclass
class Heard:
    """One message as the rest of the turn sees it."""

    original: str  # as received (kept in the transcript)
    text: str  # cleaned, instruction-like sentences removed
    problem: str | None = None  # empty | too_long | unreadable
    injected: bool = False
    u: Any = None  # language Understanding (None when there is nothing to understand)
    lang: str = "en"


def hear(deps: TurnDeps, message: object, session_id: str, state: SessionState,
         shown: list[Product]) -> Heard:
    """Clean and understand one message against what is on the shopper's screen."""
    text, problem = clean_message(message, max_chars=deps.max_message_chars)
    heard = Heard(original=text, text=text, problem=problem, lang=_language(text, state.lang))
    if problem:
        return heard
    heard.text, heard.injected = strip_injection(text)
    if heard.injected:
        logger.warning("session %s: instruction-like text removed from a shopper message", session_id)
    if not heard.text:
        return heard
    from language import understand

    ids = [p.id for p in shown]
    focus = ids.index(state.focus) if state.focus in ids else None

    def read(text: str):
        return understand(text, vocab=deps.vocab, shown=ids, shown_titles=[p.title for p in shown],
                          shown_prices=[p.price for p in shown], focus=focus, act_model=deps.act_model,
                          shown_details=[_details(p) for p in shown])

    heard.u = read(heard.text)
    if heard.u.act in _CHATTER:
        # "are you a bot? anyway, how much is the first one?": answer the shopping part.
        for clause in reversed([c.strip() for c in _CLAUSES.split(heard.text) if c and c.strip()][1:] or []):
            u = read(clause)
            if u.act not in _CHATTER:
                heard.text, heard.u = clause, u
                break
    heard.lang = heard.u.lang if heard.u.lang == "zh" or re.search(r"[A-Za-z]{2,}", heard.text) else heard.lang
    return heard


def _details(p: Product) -> str:
    """A product's title with its colour, material and size: what "the green one" can point at."""
    values = [p.attributes.get(k) for k in ("color", "colour", "material", "size")]
    flat = [", ".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v) for v in values if v]
    return " | ".join([p.title, *flat])


def _language(text: str, previous: str) -> str:
    """Chinese when the message has Chinese characters; a message of only digits/emoji keeps the last one."""
    from language.cjk import has_cjk

    if has_cjk(text):
        return "zh"
    return "en" if re.search(r"[A-Za-z]{2,}", text) else previous
