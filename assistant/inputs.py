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


# Text that instructs the assistant instead of telling it what the shopper wants. Each alternative
# is an instruction form (an imperative aimed at the assistant, a spoofed role, a request for the
# prompt); plain questions about prices, links or staff ("is it $89?", "can I talk to a person?")
# do not match. Measured on attacks and on benign shopper and catalog text: bench/injection.py.
_ROLE = r"(?:system|staff|admin(?:istrator)?|developer|moderator|operator|assistant|ai|bot|chatbot|model)"
_INJECTION = re.compile(
    # override the rules
    r"\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|rules?|prompts?|guidelines"
    r"|polic(?:y|ies)|product data|system prompt)"
    r"|\b(?:you are now|from now on,? you|act as|pretend (?:to be|you are|you're)|roleplay as|new instructions"
    r"|system (?:prompt|override|message)|developer mode|jailbreak|DAN mode)\b"
    # spoofed roles and markup: "[SYSTEM]", "<staff>", "Staff Anna:", "Note to assistant"
    r"|[\[<(]\s*/?\s*" + _ROLE + r"\b[^\]>)]{0,30}[\]>)]"
    r"|^\s*" + _ROLE + r"(?: [A-Z][a-z]+)?\s*:"
    r"|\b(?:note|message|instructions?|reminder) (?:to|for) (?:the )?(?:assistant|ai|bot|model|chatbot)\b"
    r"|^\s*(?:ai |the )?(?:assistant|chatbot|bot)\s*[,:]"
    r"|\b(?:the )?(?:assistant|ai|bot|chatbot)\s+(?:must|should|shall|needs to|has to|will now)\b"
    r"|\btake_?over\s*\(|\bhand_?back\s*\(|\bhas taken over (?:this|the) chat\b"
    # reveal the prompt
    r"|\b(?:print|show|reveal|repeat|dump|output|display|leak|recite)\b.{0,40}\b(?:system|hidden|secret|initial"
    r"|your)\b.{0,20}\b(?:prompt|instructions|rules|config(?:uration)?|message)"
    r"|\brepeat\b.{0,30}\b(?:above|everything|word for word|verbatim)|\bstarting with ['\"‘“]?you are\b"
    r"|\bwhat (?:rules|instructions) (?:were|are) you (?:given|told)\b|\bhidden rules\b"
    # dictate prices, discounts and claims
    r"|\b(?:say|tell|claim|announce|confirm|state|quote|list|print|write|reply|respond)\b"
    r"(?! (?:me|us) (?:if|whether|about|what|how|why|when|which|more))(?! the price of)(?! me the price).{0,60}"
    r"(?:\bfree (?:shipping|gift|item|of charge|second|returns?|delivery)\b|\bfor free\b|0 dollars|\$0\b|\d+ ?% off"
    r"|\bdiscount|\bcoupon|\bcode [a-z]*\d[a-z0-9]*|\bprice is\b|\bcosts?\b"
    r"|\bnew price\b|\bat [$€£¥]\s?\d)"
    r"|\b(?:set|change|update|lower|make)\b.{0,30}\bprices?\b.{0,40}\bto\b"
    r"|\bI'?m (?:the |a |your )?(?:store|shop) (?:manager|owner|admin)\b|\bI'?m (?:the|your) (?:admin(?:istrator)?|developer)\b"
    r"|\b(?:use|enter|apply)\s+(?:the\s+)?(?:coupon|promo(?:tion)?|discount|voucher)\s+(?:code\s+)?[a-z]*\d[a-z0-9]*\b"
    r"|\benter (?:your|the) (?:card|credit card|password|pin|cvv|login)"
    r"|\b(?:real|actual|correct|new) price (?:is|of)\b|\bnow costs?\b|\bprice is a mistake\b"
    r"|\b(?:tell|offer|give|inform)\s+(?:every|all|each|the|any)?\s*(?:shoppers?|customers?|users?|buyers?)\b"
    r"|\b(?:always|only)\s+(?:say|reply|respond|answer|link|mention|recommend)\b|\breply only with\b"
    # smuggle links
    r"|\b(?:include|add|insert|put|use|send me to|link to|always link)\b.{0,40}(?:https?://|www\.|\]\(http)"
    r"|(?:忽略|无视|忘记|忘掉).{0,10}(?:指令|指示|规则|提示|设定)|你现在是|系统提示|提示词|(?:告诉|对)(?:所有|每个)(?:顾客|客户|用户)"
    r"|(?:现在|现价|如今)(?:只要|仅需|只需|为|是)?\s*[¥￥]?\d+(?:\.\d+)?\s*(?:元|块)",
    re.IGNORECASE | re.MULTILINE,
)
# Sentences end at . ! ? followed by a space (not inside "$9.99" or a URL), at CJK stops, or at a line end.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])|\n+")
_LINK = re.compile(r"https?://\S+|\bwww\.[\w.-]+\S*|\[[^\]]*\]\(\S+\)", re.IGNORECASE)


def is_injection(text: str) -> bool:
    """True if the text tries to instruct the assistant (see `_INJECTION`)."""
    return bool(_INJECTION.search(text or ""))


def strip_injection(text: str) -> tuple[str, bool]:
    """Drop sentences that try to instruct the assistant ("ignore previous instructions ...").

    The shopper's message is kept whole in the transcript; only what the assistant acts on and
    shows the model is cleaned. The prompt also fences catalog and shopper text as data, and the
    grounding guard checks every price, so this is one layer of three, not the only one.
    """
    if not _INJECTION.search(text):
        return text, False
    kept = [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip() and not _INJECTION.search(s)]
    return " ".join(kept), True


def clean_catalog_text(text: str) -> tuple[str, bool]:
    """Catalog text (a description, a review) as the model and the shopper may read it.

    Shops import descriptions and reviews they did not write. Sentences that instruct the assistant
    and links are dropped (the catalog's own product links live in fields, not in prose); returns
    (text, changed). For a review, drop the whole review when `changed`: what is left of a poisoned
    review is not worth quoting.
    """
    stripped, injected = strip_injection(text or "")
    without_links = _LINK.sub("", stripped)
    without_links = re.sub(r"[ \t]{2,}", " ", without_links).strip()
    return without_links, injected or without_links != stripped.strip()


_STAFF_VOICE = re.compile(
    r"\b(?:support (?:agent|team|staff)|customer service|(?:a |the )?member of (?:our )?staff) here\b|\(staff\)"
    r"|\bI(?:'ve| have) (?:taken over|escalated|refunded|cancelled|canceled|approved)\b|\bhas taken over\b"
    r"|\b(?:refund|return|cancellation) (?:of [^.]{0,20})?(?:is|has been) (?:approved|processed|confirmed)\b"
    r"|\border (?:is|has been) (?:cancelled|canceled|refunded)\b", re.IGNORECASE)
_MARKUP = re.compile(r"</?[a-z][^>]*>", re.IGNORECASE)


def unsafe_output(sentence: str, *, system_prompt: str = "", known_links: str = "") -> list[str]:
    """What a sentence of generated text must not do whatever the rows say: the kinds it does.

    * `link`: a URL, `www.` address, markdown link or HTML tag not found in `known_links` (the
      catalog's own link fields); catalog prose and shopper text never add links;
    * `prompt`: six or more words in a row from `system_prompt`, or talk of its rules/instructions;
    * `staff`: the assistant speaking as a person or reporting a staff-only action (refund approved,
      order cancelled, chat taken over) — only staff do those, through the console.

    For the grounding guard: drop the sentence when this returns anything (see bench/injection.py).
    """
    kinds = []
    for m in list(_LINK.finditer(sentence)) + list(_MARKUP.finditer(sentence)):
        if m.group(0).lower() not in known_links.lower():
            kinds.append("link")
            break
    words = re.findall(r"\w+", sentence.lower())
    rules = " ".join(re.findall(r"\w+", system_prompt.lower()))
    quotes_rules = bool(rules) and any(" ".join(words[i:i + 6]) in rules for i in range(len(words) - 5))
    if quotes_rules or re.search(r"(?i:\b(?:my|hidden|secret|system) (?:instructions|rules|prompt)\b)|\bPRODUCT DATA\b",
                                 sentence):
        kinds.append("prompt")
    if _STAFF_VOICE.search(sentence):
        kinds.append("staff")
    return kinds
