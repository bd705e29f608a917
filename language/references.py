"""Which of the products just shown a message points at: "the second one", "both", "the cheapest",
"#3", "the Ridgeback", "第二个", "前两个", "最便宜的那个"; and how many it wants ("two of them", "两个").

Indexes are 0-based into the list shown; anything out of range is dropped.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from language.cjk import CJK, MEASURE
from language.numbers import CN_DIGIT, CN_SMALL, EN_NUMBERS, ORDINALS, small_number
from language.patterns import Rule
from language.vocabulary import Vocabulary

__all__ = ["RE_ALL", "RE_QUANTITY", "References", "find_references", "find_quantity", "title_matches"]

_ORDINAL_HINTS = tuple(ORDINALS) + ("top", "penultimate", "1st", "2nd", "3rd") + tuple(f"{d}th" for d in range(10))
_NUMBER_HINTS = tuple(EN_NUMBERS) + tuple("0123456789") + tuple(CN_SMALL)
_REF_NOUNS = (r"one|ones|option|item|product|choice|result|pair|model|link|pick|listing|suggestion|set|boots?"
              r"|shoes?|pack")
_N = r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_RE_FIRST_N = Rule(("first", "top", "last", "bottom"),
                    r"\b(?:the\s+)?(?P<end>first|top|last|bottom)\s+(?P<n>two|three|four|five|[2-5])\b"
                    r"(?!\s*(?:stars?|dollars?|bucks|%|\$|of\s+(?:them|those|these)))")
_RE_ORDINAL = Rule(
    _ORDINAL_HINTS,
    rf"\b(?P<the>(?:the|my|your)\s+)?(?:(?P<pen>second|2nd)[\s-](?:to[\s-])?last|penultimate|(?P<ord>first|second|"
    rf"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|(?P<digit>\d{{1,2}})(?:st|nd|rd|th)))\b"
    r"(?!\s+(?:order|orders|purchase|time|week|month|year|night|delivery|invoice|payment|visit|message|page))"
    rf"(?P<noun>\s+(?:{_REF_NOUNS})\b)?")
_RE_NUMBERED = Rule(("#", "no.", "num", "option", "item", "product", "choice", "result"),
                     rf"(?:#\s*|\bno\.\s*|\b(?:number|num|option|item|product|choice|result)s?\s+){_N}\b"
                     r"(?!\s*(?:colou?r|shade|tone|size|hair|grit|thread|pencil|brush))")  # "in #2 colour" is a variant
_RE_BARE_NUMBER = Rule(tuple("0123456789"),
                        r"(?<![\d.$£€¥#])\b(?P<n>\d{1,2})\b(?!\s*(?:%|\$|dollars?|bucks|stars?|元|块|[.,]\d))")
_RE_LIST_GAP = re.compile(r"\s*(?:,|&|and|or|vs\.?|versus|with|to|和|与|跟|或)?\s*(?:the\s+|#\s*|number\s+)?",
                          re.IGNORECASE)
RE_ALL = Rule(("all", "them", "these", "those", "they", "它们", "这些", "那些", "几", "全部", "所有"),
                r"\b(?:all\s+(?:of\s+)?(?:them|these|those|three|four|five|\d)|them|these|those|they)\b"
                r"|它们|这些|那些|这几" + MEASURE + "|那几" + MEASURE + "|全部|所有")
_RE_BOTH = Rule(("both", "two", "两", "二"),
                 r"\b(?:both(?:\s+of\s+(?:them|these|those))?|the\s+two|these\s+two|those\s+two)\b"
                 r"|(?:这|那)\s*(?:两|二)\s*" + MEASURE + "|两" + MEASURE + "都")
_RE_SINGLE = Rule(
    ("it", "this", "that", "the one", "它", "这", "那"),
    r"\b(?:it|this\s+one|that\s+one|the\s+one)\b"
    r"|\b(?:this|that)\b(?!\s+(?:are|were|have|can|will|would|could|should|i|you|we|they|he|she|way|much|many|time"
    r"|day|week|weekend|year|month|morning|evening|season|summer|winter|christmas)\b)"
    r"|它(?!们)|(?:这|那)(?:一)?" + MEASURE)
# "the cheapest (one) (of them)", "the pricier one", "最便宜的那个", "贵的那款": by the prices shown.
_OF_THEM = r"(?:\s+(?:one|ones|option|item|pair|model))?(?:\s+of\s+(?:them|these|those|the\s+(?:lot|bunch|\w+)|all))?"
_RE_CHEAPEST = Rule(("cheap", "least expensive", "lowest", "more expensive", "most expensive", "pric", "dear",
                     "less expensive", "便宜", "贵"),
                    r"\bthe\s+(?P<lo>cheapest|least\s+expensive|lowest[\s-]priced)\b" + _OF_THEM,
                    r"\bthe\s+(?P<hi>most\s+expensive|priciest|dearest)\b" + _OF_THEM,
                    # "cheapest of them pls", "cheapest one": no "the", but a pointer follows
                    r"\b(?P<lo3>cheapest|least\s+expensive|lowest[\s-]priced)(?=\s+(?:one|of\s+(?:them|these|those|all)))"
                    + _OF_THEM,
                    r"\b(?P<hi3>most\s+expensive|priciest|dearest)(?=\s+(?:one|of\s+(?:them|these|those|all)))" + _OF_THEM,
                    r"\bthe\s+(?P<lo2>cheaper|less\s+expensive|lower[\s-]priced)\s+(?:one|option|pair|model)\b",
                    r"\bthe\s+(?P<hi2>pricier|more\s+expensive|dearer|higher[\s-]priced)\s+(?:one|option|pair|model)\b",
                    r"(?P<zlo>最便宜|便宜的那|便宜那)(?:的)?(?:一)?" + MEASURE + "?",
                    r"(?P<zhi>最贵|贵的那|贵那)(?:的)?(?:一)?" + MEASURE + "?")
_RE_ZH_ORDINAL = Rule(("第",), r"第\s*(?P<n>" + CN_DIGIT + r"|\d{1,2})\s*(?:" + MEASURE + "|家)?")
_RE_ZH_FIRST_N = Rule(("前", "头", "后"), r"(?P<end>前|头|最后|后)\s*(?P<n>[两二三四五]|[2-5])\s*" + MEASURE)
_RE_ZH_LAST = Rule(("最后",), r"最后(?:一)?(?:" + MEASURE + "|那个|这个)")
RE_QUANTITY = (
    Rule(_NUMBER_HINTS + ("couple",),
          rf"\b(?P<n>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple)\s+(?:of\s+"
          r"(?P<of>them|those|these|it|each|that|this)\b|more\b|units?\b|pieces?\b|pcs\b|copies\b|packs\b)"),
    Rule(("x", "×"), r"(?:\b|(?<=\d))(?:x|×)\s*(?P<n>\d{1,2})\b|\b(?P<n2>\d{1,2})\s*(?:x|×)(?![a-z0-9])"),
    Rule(("qty", "quantity"), r"\b(?:qty|quantity)\s*:?\s*(?P<n>\d{1,2})\b"),
    Rule(("add", "take", "buy", "order", "get", "want"),
          r"\b(?:add|take|buy|order|get|want)\s+(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b"
          r"(?!\s*(?:st|nd|rd|th)\b)"),
    Rule(tuple(CN_SMALL) + tuple("0123456789"),
          r"(?<![第前后这那])(?P<n>" + CN_DIGIT + r"|\d{1,2})\s*" + MEASURE + "(?!都)"),
)


@dataclass
class References:
    """Indexes found so far, and the spans they came from (to blank them before parsing)."""

    indexes: list[int] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    single_pronoun: bool = False  # "it"/"this one": resolved after everything explicit
    explicit: bool = False  # an ordinal, number, title or price pointed, not only "them"/"both"/"it"
    beyond: bool = False  # an explicit position past the end of what is shown ("the third" of one card)

    def add(self, indexes: Sequence[int], span: tuple[int, int], count: int, *, explicit: bool = True) -> None:
        """Point at `indexes` (negative counts from the end), found at `span`."""
        self.explicit = self.explicit or explicit
        for i in indexes:
            self.beyond = self.beyond or (explicit and i >= count)
            i = i + count if i < 0 else i
            if 0 <= i < count and i not in self.indexes:
                self.indexes.append(i)
        self.spans.append(span)

    def free(self, start: int, end: int) -> bool:
        """True when no reference found so far covers any of start..end."""
        return all(end <= s or start >= e for s, e in self.spans)


def find_references(text: str, *, count: int, prices: Sequence[float], focus: int | None,
                     quantity_spans: Sequence[tuple[int, int]], bare_numbers: bool) -> References:
    """Indexes the message points at, most explicit first; bare numbers only count when comparing."""
    refs = References(spans=list(quantity_spans))
    for m in _RE_FIRST_N.finditer(text):
        n = small_number(m.group("n")) or 0
        first = m.group("end").lower() in ("first", "top")
        refs.add(range(n) if first else range(count - n, count), m.span(), count)
    for m in _RE_ZH_FIRST_N.finditer(text):
        n = small_number(m.group("n")) or 0
        refs.add(range(n) if m.group("end") in ("前", "头") else range(count - n, count), m.span(), count)
    last_end = None
    for m in _RE_ORDINAL.finditer(text):
        if not refs.free(*m.span()):
            continue
        listed = last_end is not None and _RE_LIST_GAP.fullmatch(text[last_end:m.start()]) is not None
        if not (m.group("the") or m.group("noun") or m.group("digit") or m.group("pen") or listed):
            continue  # "first aid", "wait a second"
        if m.group("pen") or m.group(0).lower().startswith("penultimate"):
            index = -2
        elif m.group("digit"):
            index = int(m.group("digit")) - 1
        else:
            index = ORDINALS[m.group("ord").lower()]
        refs.add([index], m.span(), count)
        last_end = m.end()
    for m in _RE_ZH_ORDINAL.finditer(text):
        if refs.free(*m.span()):
            refs.add([(small_number(m.group("n")) or 0) - 1], m.span(), count)
    for m in _RE_ZH_LAST.finditer(text):
        if refs.free(*m.span()):
            refs.add([-1], m.span(), count)
    for m in _RE_NUMBERED.finditer(text):
        if refs.free(*m.span()):
            refs.add([(small_number(m.group("n")) or 0) - 1], m.span(), count)
            last_end = m.end()
    if last_end is not None or bare_numbers:
        for m in _RE_BARE_NUMBER.finditer(text):
            listed = last_end is not None and _RE_LIST_GAP.fullmatch(text[last_end:m.start()]) is not None
            if refs.free(*m.span()) and (bare_numbers or listed):
                refs.add([int(m.group("n")) - 1], m.span(), count)
                last_end = m.end()
    if len(prices) == count and count:
        for m in _RE_CHEAPEST.finditer(text):
            refs.beyond = refs.beyond or count == 1  # "the cheapest of them" with one card shown: the list
            pick = min if (m.group("lo") or m.group("lo2") or m.group("lo3") or m.group("zlo")) else max
            refs.add([pick(range(count), key=lambda i: prices[i])], m.span(), count)
    for m in _RE_BOTH.finditer(text):
        if refs.free(*m.span()):
            refs.add([0, 1] if count >= 2 else [], m.span(), count, explicit=False)
    for m in RE_ALL.finditer(text):
        if refs.free(*m.span()):
            refs.add(range(count), m.span(), count, explicit=False)
    for m in _RE_SINGLE.finditer(text):
        if refs.free(*m.span()):
            refs.single_pronoun = True
            refs.spans.append(m.span())
    if refs.single_pronoun and not refs.indexes:
        if focus is not None and 0 <= focus < count:
            refs.indexes.append(focus)
        elif count == 1:
            refs.indexes.append(0)
    return refs


_TITLE_STOP = frozenset({"the", "and", "for", "with", "men", "women", "mens", "womens", "one", "new", "pro", "set",
                         "pack", "size", "color", "colour", "black", "white", "waterproof", "wireless"})


def title_matches(text: str, titles: Sequence[str], vocab: Vocabulary) -> list[int]:
    """Shown products named by a word only their title has ("the Ridgeback", "the Sony one").

    Product-type, colour and material words do not count: "running shoes" asks for a kind of
    product even when only one shown title says "Running Shoe".
    """
    for kind, _, start, end in vocab.find(text):
        if kind != "brand":
            text = text[:start] + " " * (end - start) + text[end:]
    words_of = [{w for w in re.findall(r"[a-z0-9][a-z0-9'-]{2,}", t.lower())
                 if w not in _TITLE_STOP and vocab.kind(w) in (None, "brand")} for t in titles]
    bigrams_of = [{t[i:i + 2] for i in range(len(t) - 1) if CJK.match(t[i]) and CJK.match(t[i + 1])} for t in titles]
    said = set(re.findall(r"[a-z0-9][a-z0-9'-]{2,}", text.lower()))
    said_bigrams = {text[i:i + 2] for i in range(len(text) - 1)}
    found = []
    for i, (words, bigrams) in enumerate(zip(words_of, bigrams_of)):
        others = set().union(*(w for j, w in enumerate(words_of) if j != i))
        other_bigrams = set().union(*(b for j, b in enumerate(bigrams_of) if j != i))
        own_words = (words - others) & said
        own_bigrams = (bigrams - other_bigrams) & said_bigrams
        if any(not w.isdigit() for w in own_words) or len(own_bigrams) >= 2:
            found.append(i)
    return found


def attribute_matches(text: str, details: Sequence[str], vocab: Vocabulary) -> list[int]:
    """Shown products singled out by a colour, material or size that only some of them have ("the
    green one", "红色的那个"); `details` is each product's title with those attribute values."""
    said = [values for kind, values, _, _ in vocab.find(text) if kind in ("color", "material", "size")]
    if not said:
        return []
    low = [d.lower() for d in details]
    found = [i for i, d in enumerate(low)
             if all(any(re.search(rf"(?<![a-z0-9]){re.escape(v.lower())}(?![a-z0-9])", d) for v in values)
                    for values in said)]
    return found if 0 < len(found) < len(details) else []


_SIZE_BEFORE = re.compile(r"\b(?:size|sz|us|uk|eu)\s*$|(?:尺码|码数|号码)\s*$", re.IGNORECASE)


def find_quantity(text: str) -> tuple[int, list[tuple[int, int]], bool]:
    """(quantity, spans, refers to a single pronoun): "two of them" -> (2, ..., True)."""
    for pattern in RE_QUANTITY:
        m = pattern.search(text)
        if m is None or _SIZE_BEFORE.search(text[:m.start()]):
            continue  # "size 10 of them" names a size, not ten pairs
        raw = m.groupdict().get("n") or m.groupdict().get("n2")
        n = small_number(raw) if raw else None
        if n and 1 <= n <= 99:
            return n, [m.span()], bool(m.groupdict().get("of"))
    return 1, [], False


