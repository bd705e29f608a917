"""Words around a product need that are not the need: request openers ("I'm looking for", "我想买"),
dialogue glue ("what about ... instead", "有没有...的") and trailing particles ("吗", "please").

`tidy` cleans what `parse_query` leaves after consuming budget and slot phrases; `strip_dialogue`
further drops refinement glue for a follow-up turn. One list each, for English and Chinese.
"""
from __future__ import annotations

import re

from language.cjk import join_cjk

__all__ = ["STOPWORDS", "strip_dialogue", "tidy"]

_LEADING = re.compile(
    r"^(?:(?:hi|hello|hey)(?:\s+there)?(?![a-z])[\s,!.]*|(?:please|pls|kindly)\s+|(?:can|could|would|will)\s+you"
    r"\s+(?:please\s+)?(?:show|find|get|give|recommend|suggest)\s+(?:me\s+)?|(?:i'?m|i\s+am|we'?re|we\s+are)\s+"
    r"(?:looking|searching|shopping|hunting)\s+for\s+|(?:looking|searching|shopping)\s+for\s+|i(?:'d|\s+would)"
    r"\s+like\s+(?:to\s+(?:buy|get|see|find)\s+)?|i\s+(?:want|need)(?:\s+to\s+(?:buy|get|see|find))?\s+"
    r"|(?:show|find|get|give|recommend|suggest)\s+(?:me|us)\s+|(?:do|have)\s+you\s+(?:have|got|sell|carry|stock)"
    r"\s+|(?:search|look)\s+for\s+|recommend\s+|(?:a|an|some|any)\s+|(?:something|anything)(?:\s+|$)"
    r"|(?:and|or|but|with|for)\s+"
    r"|请问|请|我想买|我想要|我要买|我要|我需要|我想找|想买|想要|帮我找|帮我推荐|给我推荐|推荐一下|推荐|有没有|有什么"
    r"|找一下|来一?[个双件款台]|的|在|和|或)",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s+(?:please|pls|thanks|thank\s+you|and|or|with|for|in|that\s+(?:are|is)|which\s+(?:are|is)|at|of|the|a"
    r"|an|to|but|from|by|on|is|are)|[\s?.!,;:。？！，、~～…]+|的|吗|呢|吧|啊|呀|哦|一下|和|或)$",
    re.IGNORECASE,
)
_ORPHAN_PUNCT = re.compile(r"\s*([,;，、])(?:\s*[,;，、])+\s*")
_GAPS = re.compile(r"\s*\x00+\s*")




def tidy(text: str) -> str:
    """Blanked-out spans, request openers ("I'm looking for") and dangling words removed."""
    text = _GAPS.sub(" ", text)
    text = join_cjk(text)
    text = _ORPHAN_PUNCT.sub(r"\1 ", text)
    for _ in range(8):
        before = text
        text = _LEADING.sub("", text).lstrip(" ,.;:!?，。、")
        end = _TRAILING.search(text, max(0, len(text) - 24))
        text = (text[:end.start()] if end else text).rstrip()
        if text == before:
            break
    return text


_EDGE_WORDS = (
    r"something|anything|any|some|ones?|instead|please|pls|also|too|just|only|then|else|maybe|perhaps|actually"
    r"|rather|now|again|ok|okay|so|well|hmm|those|these|them|it|this|that|there|options?|choices?|results?"
    r"|stuff|what\s+about|how\s+about|what|about|do\s+you\s+have|have\s+you\s+got|is\s+there|are\s+there|got"
    r"|can\s+i\s+see|let\s+me\s+see|i'?d\s+prefer|i\s+prefer|preferably|same|yes|no|sure|but|and|or|the|a|an"
    r"|are|is|do|does|you|i|me|my|want|need|show|see|like|more|less|make|go|try|get|find|give|look|looking"
    r"|search|prefer|would|could|can|will|should|let'?s|let|thanks|thank\s+you|thx|cheers|great|cool|perfect"
    r"|nice|hi|hello|hey|probably|i\s+think|think|to|keep|oh|wow|hm+|yeah|unfortunately|sadly|honestly|really"
    r"|though|tho|recommendations?|suggestions?|ideas?|am|i'?m"
)
_LEADING_FILLER = re.compile(rf"(?:(?:{_EDGE_WORDS})(?![a-z'])\s*|(?:有没有|还有|再|换成|换个|换|改成|来点|来个"
                             rf"|我要|我想要|要|看看|给我看看|只要|就要|这种|那种)\s*)", re.IGNORECASE)
_TRAILING_FILLER = re.compile(rf"(?:(?<![a-z'])(?:{_EDGE_WORDS})|的|吗|呢|吧|一点|点|些|一些|一下|看看|[\s?!.,？！。，])$",
                              re.IGNORECASE)
STOPWORDS = frozenset(re.findall(r"[a-z']+", _EDGE_WORDS) + [
    "with", "for", "of", "in", "on", "to", "at", "by", "from", "without", "which", "would", "could", "can",
    "have", "has", "get", "find", "give", "let", "look", "looking", "other", "others", "different",
    "similar", "available", "i'm", "i'd", "we", "us", "your", "will", "should", "one", "its", "it's", "be",
])


def strip_dialogue(text: str) -> str:
    """`text` without dialogue words at either edge: "what about trail runners instead" -> "trail runners"."""
    text = tidy(text)
    for _ in range(12):
        before = text
        lead = _LEADING_FILLER.match(text)
        text = text[lead.end():].strip() if lead else text
        trail = _TRAILING_FILLER.search(text, max(0, len(text) - 24))
        text = text[:trail.start()].strip() if trail else text
        if text == before:
            break
    return tidy(text)
