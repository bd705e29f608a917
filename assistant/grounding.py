"""The grounding guardrail: generated text may only state prices, products and specs from the catalog rows.

Small models invent ("$180 shoe under $100", a warranty nobody offers). The guard releases the
model's text sentence by sentence, checking each before the shopper sees it; a sentence that
states an unknown price, another catalog product, a spec number the rows do not contain, or a
warranty/discount claim the rows do not support is dropped. If too little survives, the caller
replaces the whole answer with a template built from the rows.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from catalog.models import Product

_MONEY = re.compile(
    r"(?:(?P<sym>US\$|\$|€|£|¥|￥)\s?(?P<a>\d[\d,]*(?:\.\d+)?))"
    r"|(?:(?P<b>\d[\d,]*(?:\.\d+)?)\s?(?P<word>usd|dollars?|bucks|eur|euros?|gbp|pounds?|cny|rmb|yuan|元|块))",
    re.IGNORECASE,
)
_SPEC = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s?(kg|g|lbs?|oz|mah|wh|w|watts?|hours?|hrs?|h|inch(?:es)?|in\b|\"|cm|mm|"
    r"ml|l|liters?|litres?|gb|tb|mp|hz|years?|months?|days?|小时|克|公斤|年)(?![a-z])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+")
_CLAIMS = {
    "warranty": re.compile(r"\bwarrant|\bguarantee|保修|质保", re.IGNORECASE),
    "discount": re.compile(r"\bfree\b|\bdiscount|\b\d+\s?% off|\bcoupon|\bpromo|免费|折扣|优惠券", re.IGNORECASE),
    "returns": re.compile(r"\breturn(s|ed)?\b|\brefund|退货|退款", re.IGNORECASE),
}


@dataclass
class Violation:
    kind: str  # price | product | spec | claim
    text: str


@dataclass
class GroundingGuard:
    """Checks generated sentences against the rows the model was given."""

    products: Sequence[Product]
    other_titles: Iterable[str] = ()  # titles of catalog products NOT given to the model
    find_titles: Callable[[str], Iterable[str]] | None = None  # catalog titles a sentence may mention
    allowed_amounts: Iterable[float] = ()  # e.g. a cart total, or the budget the shopper named
    shopper_text: str = ""  # numbers the shopper said may be repeated back
    kept: int = 0
    dropped: list[tuple[str, list[Violation]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._prices = {round(p.price, 2) for p in self.products} | {round(a, 2) for a in self.allowed_amounts}
        facts = " ".join(
            f"{p.title} {p.description} {p.facts()} {[r.get('text') for r in p.reviews]}" for p in self.products)
        self._fact_text = (facts + " " + self.shopper_text).lower()
        self._fact_numbers = set(re.findall(r"\d+(?:\.\d+)?", self._fact_text))
        self._given_names = {short_name(p.title) for p in self.products} | {p.title.lower() for p in self.products}
        self._other_titles = [t for t in self.other_titles if short_name(t) not in self._given_names]

    def check(self, sentence: str) -> list[Violation]:
        """Everything in one sentence that the rows do not support."""
        out: list[Violation] = []
        low = sentence.lower()
        for m in _MONEY.finditer(sentence):
            raw = (m.group("a") or m.group("b") or "").replace(",", "")
            try:
                amount = float(raw)
            except ValueError:
                continue
            if not self._known_amount(amount, has_decimals="." in raw) and raw not in self.shopper_text:
                out.append(Violation("price", m.group(0)))
        for m in _SPEC.finditer(sentence):
            number = m.group(1)
            if number not in self._fact_numbers and _strip_zero(number) not in self._fact_numbers:
                out.append(Violation("spec", m.group(0)))
        candidates = list(self._other_titles)
        if self.find_titles is not None:
            candidates += list(self.find_titles(sentence))
        for title in dict.fromkeys(candidates):
            name = short_name(title)
            if name not in self._given_names and (title.lower() in low or (len(name) >= 8 and name in low)):
                out.append(Violation("product", title))
        for claim, pattern in _CLAIMS.items():
            if pattern.search(sentence) and not pattern.search(self._fact_text):
                out.append(Violation("claim", claim))
        return out

    def _known_amount(self, amount: float, *, has_decimals: bool) -> bool:
        if any(abs(amount - p) <= 0.011 for p in self._prices):
            return True
        # "$120" for a $119.99 product is a rounding, not an invention.
        return not has_decimals and any(abs(amount - p) < 1.0 for p in self._prices)

    def filter_stream(self, chunks: Iterable[str]) -> Iterator[str]:
        """Yield the generated text sentence by sentence, leaving out unsupported sentences."""
        buffer = ""
        for chunk in chunks:
            buffer += chunk
            while True:
                m = _SENTENCE_END.search(buffer)
                if not m:
                    break
                sentence, sep, buffer = buffer[: m.start()], buffer[m.start(): m.end()], buffer[m.end():]
                yield from self._release(sentence, sep)
        if buffer.strip():
            yield from self._release(buffer, "")

    def _release(self, sentence: str, sep: str) -> Iterator[str]:
        if not sentence.strip():
            if sep:
                yield sep
            return
        problems = self.check(sentence)
        if problems:
            self.dropped.append((sentence, problems))
            return
        self.kept += 1
        yield sentence + sep

    @property
    def status(self) -> str:
        return "repaired" if self.dropped else "ok"


def _strip_zero(number: str) -> str:
    return number[:-2] if number.endswith(".0") else number


def short_name(title: str) -> str:
    """How people name a product in a sentence: its first three words ("Corvane Forge 16")."""
    words = re.findall(r"[\w'&.-]+", title.lower())
    return " ".join(words[:3])
