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
    then: Any = None  # a second request in the same message ("add the second one and show me socks")
    then_text: str = ""


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
    elif heard.u.act in _FIRST_OF_TWO:
        parts = _THEN.split(heard.text, maxsplit=1)
        if len(parts) == 2 and parts[0].strip() and parts[1].strip():
            first, then = read(parts[0]), read(parts[1])
            if first.act in _FIRST_OF_TWO and then.act in _SECOND_OF_TWO:
                heard.text, heard.u, heard.then, heard.then_text = parts[0].strip(), first, then, parts[1].strip()
    heard.lang = heard.u.lang if heard.u.lang == "zh" or re.search(r"[A-Za-z]{2,}", heard.text) else heard.lang
    return heard


# "add the second one and show me some socks", "加入购物车，然后看看袜子": two requests, answered in order.
_FIRST_OF_TWO = ("cart_add", "cart_remove")
_SECOND_OF_TWO = ("search", "refine", "cart_show", "question", "compare", "policy")
_THEN = re.compile(
    r"\s*[,;]?\s*\b(?:and(?:\s+then)?|then|also|plus)\s+(?=(?:also\s+)?(?:show|find|get\s+me|search|look|give\s+me|what"
    r"|how|do\s+you|can\s+you|could\s+you|i\s+(?:also\s+)?(?:need|want)|check\s*out|compare|tell\s+me|let\s+me\s+see"
    r"|any)\b)"
    r"|\s*[，,；;]\s*(?:然后|再|顺便|另外|还有|接着)?(?=(?:给我|帮我)?(?:看看|看一下|找|推荐|搜|结账|比较|有没有|还有没有|多少钱))"
    r"|\s*(?:然后|再)(?=(?:给我|帮我)?(?:看看|看一下|找|推荐|搜|结账|比较))",
    re.IGNORECASE)


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
