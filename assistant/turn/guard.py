"""The grounding guardrail: generated text may only state what the row of the product it talks about says.

Small models invent ("$180 shoe under $100", a warranty nobody offers, product B's feature told as
product A's). The guard releases the model's text sentence by sentence, checking each before the
shopper sees it, against the row of the product the sentence names (or the one the previous
sentence named, for "It ..."). A sentence is dropped when it states an unknown price, another
catalog product, a spec number or property that row does not have, a comparison the numbers
contradict, a warranty/discount/returns claim the rows do not support, words of the prompt
itself, or repeats itself; an unfinished last sentence is dropped too. If too little survives,
the caller shows the answer computed from the rows instead.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from assistant.inputs import unsafe_output
from assistant.turn import claims, support
from assistant.turn.claims import variant_family, variant_options
from catalog.models import Product
from language.lexicon import BUILTIN_BRAND_ALIASES

_MONEY = re.compile(
    r"(?:(?P<sym>US\$|\$|€|£|¥|￥)\s?(?P<a>\d[\d,]*(?:\.\d+)?))"
    r"|(?:(?P<b>\d[\d,]*(?:\.\d+)?)\s?(?P<word>usd|dollars?|bucks|eur|euros?|gbp|pounds?|cny|rmb|yuan|元|块))",
    re.IGNORECASE,
)
_SPEC = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)[\s-]?(kg|g|lbs?|oz|mah|wh|w|watts?|hours?|hrs?|h|inch(?:es)?|in\b|\"|cm|mm|"
    r"ml|l|liters?|litres?|gb|tb|mp|hz|db|years?|months?|days?|minutes?|mins?|%|小时|分钟|克|公斤|升|毫升|年|个月|天)"
    r"(?![a-z])",
    re.IGNORECASE,
)
_CURRENCY_OF = {"$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "bucks": "USD",
                "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pound": "GBP",
                "pounds": "GBP", "¥": "CNY", "￥": "CNY", "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "元": "CNY",
                "块": "CNY"}
# Capitalised words a sentence may use without a row saying them.
_COMMON_CAPS = frozenset("""
i it its this that these those the a an and or but if for with in on at to of from by as is are was be
my your our you we they he she his her their there here what which who why how when where yes no not
also both each every all any some many most more best great good nice perfect ideal top overall
however if so then thanks thank please hi hello sure ok okay us uk eu
""".split())
# Sentence ends: ". " after Latin text (not "4.5"), or straight after Chinese punctuation, or a newline.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])|\n+")
_FINISHED = re.compile(r"[.!?。！？)\"”'’]\s*$")
_CLAIMS = {
    "warranty": re.compile(r"\bwarrant|\bguarantee|保修|质保", re.IGNORECASE),
    "discount": re.compile(r"\bfree\b|\bdiscount|\b\d+\s?% off|\bcoupon|\bpromo|免费|折扣|优惠券", re.IGNORECASE),
    "returns": re.compile(r"\breturn(s|ed)?\b|\brefund|退货|退款", re.IGNORECASE),
}
# Words of the prompt and its rules: a sentence carrying them is the prompt leaking, not an answer.
_LEAK = re.compile(
    r"product data|catalog rows|\brows above\b|shopper:|exact title|one or two sentences|as cards|"
    r"\bthe (?:system|user) prompt\b|\binstructions?\b|\bthe rules\b|\bas an ai\b|\blanguage model\b|"
    r"reply to the shopper|商品数据|提示词", re.IGNORECASE)


@dataclass
class Violation:
    kind: str  # price | product | spec | rating | claim | property | comparison | unbacked | leak | repeat | unfinished
    text: str


@dataclass
class GroundingGuard:
    """Checks generated sentences against the rows the model was given."""

    products: Sequence[Product]
    other_titles: Iterable[str] = ()  # titles of catalog products NOT given to the model
    find_titles: Callable[[str], Iterable[str]] | None = None  # catalog titles a sentence may mention
    allowed_amounts: Iterable[float] = ()  # e.g. a cart total, or the budget the shopper named
    shopper_text: str = ""  # kept for callers; the shopper's own numbers are never facts about a product
    supported_text: str = ""  # more text that counts as fact for every product (e.g. facts in words)
    # Every content word must be the row's (assistant/turn/support.py). Product copy turns this off:
    # it is persuasive text a person reviews before publishing, checked against the catalog's terms.
    every_word: bool = True
    lang: str | None = None  # "zh": a sentence of the reply must be Chinese, bar the product names it quotes
    kept: int = 0
    dropped: list[tuple[str, list[Violation]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.products = list(self.products)
        self._budget = {round(a, 2) for a in self.allowed_amounts}
        self._given_names = {short_name(p.title) for p in self.products} | {
            p.title.lower() for p in self.products}
        self._other_titles = [t for t in self.other_titles if t.lower() not in self._given_names]
        self._subject: Product | None = self.products[0] if len(self.products) == 1 else None
        self._released: set[str] = set()
        self._terms: dict[tuple[str, ...], tuple[set[str], str]] = {}
        self.allowed_amounts = list(self.allowed_amounts)
        # Every given row's text, once: names a sentence may use come from here (checked per sentence).
        self._rows_text = " ".join(claims.row_text(p) for p in self.products)
        # The rows as written (case kept): what a quoted name must be a whole phrase of.
        self._quotable = " ".join(f"{p.title} {p.description} {' '.join(map(str, p.facts().values()))}"
                                  for p in self.products)
        self._all_rows_text = self._rows_text + " " + self.shopper_text.lower()

    def check(self, sentence: str) -> list[Violation]:
        """Everything in one sentence that the rows do not support."""
        out: list[Violation] = []
        named = claims.mentioned(sentence, self.products)
        # The product it is about: the one it names, else the one the reply last named ("It ...",
        # "The chair has ..."), else the only one given; a sentence before any name is about none.
        subject = named[0] if named else self._subject
        rows = [subject] if subject is not None and len(named) <= 1 else (named or self.products)
        fact_text = " ".join(claims.row_text(p, reviews=True) for p in rows) + " " + self.supported_text.lower()
        out += self._prices(sentence, rows)
        out += _ratings(sentence, rows)
        numbers = set(re.findall(r"\d+(?:\.\d+)?", fact_text))
        for m in _SPEC.finditer(sentence):
            number = m.group(1)
            if number not in numbers and _strip_zero(number) not in numbers:
                out.append(Violation("spec", m.group(0)))
        out += self._other_products(sentence)
        out += [Violation("name", w) for w in self._unknown_names(sentence, fact_text)]
        if subject is None and len(named) != 1 and len(self.products) > 1:
            # "It weighs 690 g" with several products given and none named: the number is nobody's.
            out += [Violation("spec", f"{m.group(0)} (no product named)") for m in _SPEC.finditer(sentence)]
        for claim, pattern in _CLAIMS.items():
            if pattern.search(sentence) and not pattern.search(fact_text):
                out.append(Violation("claim", claim))
        for target in ([subject] if subject is not None else named):
            for kind, word in claims.property_problems(sentence, target, self.products,
                                                       extra=self.supported_text.lower()):
                out.append(Violation("property", f"{kind}: {word} ({target.title})"))
        by_name = claims.named_by_name(sentence, self.products) if named else []
        target = by_name[0] if len(by_name) == 1 else (subject if not named else None)
        if target is not None:  # "The Mornroast Solo has a programmable start": the Brewster's feature
            out += [Violation("property", f"misattributed: {w} ({target.title})")
                    for w in claims.borrowed_title_words(sentence, target, self.products)]
            out += [Violation("property", f"misattributed: '{g}' ({target.title})")
                    for g in claims.borrowed_description(sentence, target, self.products)]
        for m in _STOCK_SAID.finditer(sentence):  # "库存3件", "only 3 left": the row's own stock count
            said = int(next(g for g in m.groups() if g))
            if not any(p.stock is not None and int(p.stock) == said for p in rows):
                out.append(Violation("spec", f"stock {said}"))
        for m in _BRAND_SAID.finditer(sentence):  # "它的品牌是Tidewave": the brand of the product talked about
            maker = m.group(1).strip().strip(".").lower()
            if subject is not None and maker not in f"{subject.brand} {subject.title}".lower():
                out.append(Violation("property", f"misattributed: brand {m.group(1).strip()} ({subject.title})"))
        for quality, (said, evidence) in _QUALITIES.items():  # "durable", "天然材质": the row must say so
            if said.search(sentence) and not evidence.search(fact_text):
                out.append(Violation("property", f"unsupported: {quality}"))
        # A Chinese brand name ("推荐苹果的iPhone") when no Apple product was given names another product.
        out += [Violation("product", f"{alias} ({brand})") for alias, brand in BUILTIN_BRAND_ALIASES.items()
                if alias in sentence and brand.lower() not in self._rows_text]  # the shopper naming it is no row
        if _REVIEWS.search(sentence) and not any(p.reviews for p in rows):
            out.append(Violation("claim", "reviews (the row has none)"))
        about = named or ([subject] if subject is not None else [])  # "it is the most affordable": the subject
        out += [Violation("comparison", c) for c in claims.comparative_problems(sentence, about, self.products)]
        said_stock = stock_said(sentence)
        stock_rows = rows if subject is not None or named else self.products  # none named: true of all
        if said_stock is not None and not all(p.in_stock == said_stock for p in stock_rows):
            out.append(Violation("spec", "in stock" if said_stock else "out of stock"))
        if self.every_word:
            out += [Violation("unbacked", w) for w in self._unbacked(sentence, subject, named)]
        out += [Violation("name", q) for q in _cut_quotes(sentence, self.products, self._quotable, self.shopper_text)]
        for m in _MEETS_NEEDS.finditer(sentence):  # "颜色都符合您的要求" when no colour was asked for
            unasked = [w for w in _FIELD_WORDS.findall(sentence[:m.start()] + " " + sentence[m.end():m.end() + 12])
                       if not _asked_about(w, self.shopper_text)]
            if unasked:
                out.append(Violation("claim", f"{', '.join(unasked)} said to meet needs the shopper did not state"))
        if self.shopper_text and _echoes(sentence, self.shopper_text):  # the shopper's own words sent back
            out.append(Violation("echo", sentence[:60]))
        if self.lang == "zh" and _mostly_latin(sentence, self.products):
            out.append(Violation("language", sentence[:60]))
        if _LEAK.search(sentence):
            out.append(Violation("leak", sentence[:60]))
        out += [Violation(kind, sentence[:60]) for kind in unsafe_output(sentence, system_prompt=_system_prompt())
                if not (kind == "prompt" and any(v.kind == "leak" for v in out))]
        if not out and named:
            self._subject = named[0]
        return out

    def _unbacked(self, sentence: str, subject: Product | None, named: Sequence[Product]) -> list[str]:
        """Content words no row backs: the subject's row, the rows a comparison names, else the one
        given row that backs the most of the sentence (a sentence about no product in particular)."""
        if subject is not None and len(named) <= 1:
            candidates = [[subject]]
        elif named:
            candidates = [list(named)]
        else:
            candidates = [[p] for p in self.products]
        best: list[str] | None = None
        for rows in candidates:
            key = tuple(p.id for p in rows)
            if key not in self._terms:
                self._terms[key] = support.row_terms(rows, claims.row_text, amounts=self.allowed_amounts,
                                                     extra=self.supported_text)
            missing = support.unbacked(sentence, *self._terms[key])
            if best is None or len(missing) < len(best):
                best = missing
        return best or []

    def _prices(self, sentence: str, rows: Sequence[Product]) -> list[Violation]:
        """Amounts must be a price of the product talked about (or the budget the shopper set)."""
        prices = {round(p.price, 2) for p in rows}
        currencies = {(p.currency or "USD").upper() for p in rows}
        out = []
        for m in _MONEY.finditer(sentence):
            raw = (m.group("a") or m.group("b") or "").replace(",", "")
            try:
                amount = float(raw)
            except ValueError:
                continue
            said = _CURRENCY_OF.get((m.group("sym") or m.group("word") or "").lower())
            if said and said not in currencies and not (said == "USD" and "$" in (m.group("sym") or "")
                                                        and currencies & {"AUD", "CAD", "NZD", "SGD", "HKD"}):
                out.append(Violation("price", f"{m.group(0)} (the row is in {'/'.join(sorted(currencies))})"))
                continue
            exact = any(abs(amount - p) <= 0.011 for p in prices)
            # "$120" for a $119.99 product is a rounding, not an invention.
            rounded = "." not in raw and any(abs(amount - p) < 1.0 for p in prices)
            # The shopper's budget may be repeated as a budget ("under your $150"), never as a price.
            budget = any(abs(amount - b) <= 0.011 for b in self._budget) and _is_budget_context(sentence, m)
            if not (exact or rounded or budget):
                out.append(Violation("price", m.group(0)))
        return out

    def _unknown_names(self, sentence: str, fact_text: str) -> list[str]:
        """Capitalised names (a brand, a maker: "by Amazon") that no row given to the model contains."""
        known = fact_text + " " + self._all_rows_text
        words = re.findall(r"(?<![\w'-])((?:[A-Z]|i[A-Z])[A-Za-z]{2,})(?![\w'-])", sentence)  # "Sony", "iPhone"
        first = re.match(r"\W*([A-Za-z]+)", sentence)
        return [w for w in dict.fromkeys(words) if w.lower() not in _COMMON_CAPS and w.lower() not in known
                and not (first and first.group(1) == w)]

    def _other_products(self, sentence: str) -> list[Violation]:
        low = sentence.lower()
        candidates = list(self._other_titles)
        if self.find_titles is not None:
            candidates += list(self.find_titles(sentence))
        out = []
        given_options = set().union(*(variant_options(p.title) for p in self.products))
        given_families = {_family(p.title) for p in self.products if variant_options(p.title)}
        given_text = " ".join(f"{p.title} {p.brand}" for p in self.products).lower()
        for title in dict.fromkeys(candidates):
            name = short_name(title)
            if title.lower() in self._given_names:
                continue
            lead = title.split()[0] if title.split() else ""
            if (len(lead) >= 4 and lead[:1].isupper() and lead.isalpha() and lead.lower() not in given_text
                    and lead.lower() not in _COMMON_CAPS and re.search(rf"(?<![\w-]){re.escape(lead)}(?![\w-])", sentence)):
                out.append(Violation("product", f"{lead} ({title})"))  # a maker whose products were not given
                continue
            if name not in self._given_names and (title.lower() in low or (len(name) >= 8 and name in low)):
                out.append(Violation("product", title))
            elif _family(title) in given_families and _family(title) in low:
                # Another variant of a product given ("Water Bottle (1000ml, glass, red)" when the blue
                # one was shown): its titles share the first words, so its own options tell it apart.
                options = [o for o in variant_options(title) - given_options
                           if re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", low)]
                if options:
                    out.append(Violation("product", f"{title} ({', '.join(options)})"))
        return out

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
            if _FINISHED.search(buffer):
                yield from self._release(buffer, "")
            else:  # the model ran out of tokens mid-sentence: never show half a sentence
                self.dropped.append((buffer, [Violation("unfinished", buffer[-30:])]))

    def _release(self, sentence: str, sep: str) -> Iterator[str]:
        if not sentence.strip():
            if sep:
                yield sep
            return
        key = " ".join(claims.words(sentence))
        problems = self.check(sentence)
        if key in self._released:
            problems.append(Violation("repeat", sentence[:60]))
        if problems:
            self.dropped.append((sentence, problems))
            return
        self._released.add(key)
        self.kept += 1
        yield sentence + sep

    @property
    def status(self) -> str:
        return "repaired" if self.dropped else "ok"


# Qualities a small model likes to add ("durable", "natural materials"): said only when the row says
# something that backs them (the pattern on the right, searched in the row's text).
_QUALITIES = {
    "durable": (re.compile(r"\bdurab|耐用|经久", re.IGNORECASE),
                re.compile(r"durab|耐用|耐磨|sturdy|rugged|robust|reinforced|heavy[- ]duty|long[- ]lasting")),
    "soft": (re.compile(r"\bsoft\b|柔软", re.IGNORECASE), re.compile(r"\bsoft|柔软|plush|cushion")),
    "natural material": (re.compile(r"natural materials?|自然材质|天然材(?:质|料)", re.IGNORECASE),
                         re.compile(r"natural|天然|organic|wool|cotton|leather|linen|bamboo|cork|wood")),
}
_STOCK_SAID = re.compile(r"库存(?:还有|为|是)?\s*(\d+)|\bonly\s+(\d+)\s+(?:left|in stock)\b|\b(\d+)\s+(?:units?|pieces?|pairs?|items?)"
                         r"\s+(?:left|in stock)\b|\bstock\s+(?:of|is|:)\s*(\d+)\b", re.IGNORECASE)
_OUT_OF_STOCK = re.compile(r"\b(?:out\s+of\s+stock|not\s+(?:in\s+stock|available)|sold\s+out|unavailable)\b"
                           r"|缺货|无货|没货|没有货|售罄|卖完", re.IGNORECASE)
_IN_STOCK = re.compile(r"\bin\s+stock\b|\bavailable\s+now\b|有货|现货|有库存|库存充足", re.IGNORECASE)


def stock_said(sentence: str) -> bool | None:
    """True / False when the sentence says the product is in / out of stock; None when it says neither."""
    if _OUT_OF_STOCK.search(sentence):
        return False
    return True if _IN_STOCK.search(sentence) else None


_BRAND_SAID = re.compile(r"(?:\bbrand(?:\s+is|:)|\bmade\s+by|品牌(?:都|也)?(?:是|为)|品牌[:：])\s*([A-Za-z][A-Za-z&'.-]{1,30})",
                         re.IGNORECASE)
_REVIEWS = re.compile(r"\breview(?:s|er|ers|ed)?\b|\bcustomers? (?:say|said|love|praise)|评价|评论|买家(?:说|反馈)|用户反馈",
                      re.IGNORECASE)
_RATING = re.compile(r"(?<![\d.])(\d(?:\.\d{1,2})?)\s*(?:/\s*5|out of 5|stars?|颗星|星)"
                     r"|(?:rated|rating(?: of)?|评分(?:为|是)?)\s*:?\s*(\d(?:\.\d{1,2})?)(?![\d.%])", re.IGNORECASE)


def _ratings(sentence: str, rows: Sequence[Product]) -> list[Violation]:
    """A rating ("4.7/5", "rated 4.2", "评分4.7") must be the rating of the product talked about."""
    ratings = {round(p.rating, 1) for p in rows if p.rating is not None}
    out = []
    for m in _RATING.finditer(sentence):
        value = float(m.group(1) or m.group(2))
        if value <= 5 and round(value, 1) not in ratings:
            out.append(Violation("rating", m.group(0)))
    return out


_BUDGET_BEFORE = re.compile(r"(?:under|below|less than|up to|within|budget(?: of)?|max(?:imum)?|no more than|at most|"
                            r"cap of|limit of|预算|不超过|低于|以内)\W{0,3}(?:your\W+|the\W+|a\W+)?$", re.IGNORECASE)
_BUDGET_AFTER = re.compile(r"^\s*(?:budget|limit|cap|or less|max(?:imum)?|以内|以下|之内)", re.IGNORECASE)


def _is_budget_context(sentence: str, m: re.Match) -> bool:
    """The amount is spoken of as a budget ("under your $150", "200元以内"), not as what something costs."""
    return bool(_BUDGET_BEFORE.search(sentence[max(0, m.start() - 24):m.start()])
                or _BUDGET_AFTER.match(sentence[m.end():m.end() + 12]))


_MEETS_NEEDS = re.compile(r"(?:符合|满足|适合)(?:您|你)?的?(?:要求|需求|需要)|\b(?:match(?:es)?|meets?|fits?|suits?)\s+"
                          r"(?:all\s+)?your\s+(?:needs|requirements|criteria|request|preferences)\b"
                          # "有适合的尺寸和颜色", "the right size and colour": suitability is the shopper's to say
                          r"|(?:适合|合适)的?(?=尺寸|尺码|颜色|材质|款式)"
                          r"|\b(?:suitable|right|perfect|ideal)(?=\s+(?:colou?rs?|sizes?|materials?|style)\b)",
                          re.IGNORECASE)
_QUOTED = re.compile(r"[\"“《「]([^\"”》」]{3,80})[\"”》」]")


def _cut_quotes(sentence: str, products: Sequence[Product], rows: str, shopper_text: str = "") -> list[str]:
    """Quoted names the rows do not give whole: "Full Dark, No" where the row says "Full Dark, No Stars"
    (every word the row's, the name cut short), or a capitalised name no row, title or shopper says.
    `rows`: the given rows' title, description and facts as written."""
    out = []
    low_rows, said = rows.lower(), shopper_text.lower()
    for m in _QUOTED.finditer(sentence):
        quote = m.group(1).strip().rstrip(".!?。").strip()
        q = quote.lower()
        if not q or q in said or any(q == p.title.lower() or p.title.lower() in q for p in products):
            continue
        spots = [i for i in range(len(low_rows)) if low_rows.startswith(q, i)]
        if spots and all(re.match(r"\s+[A-Z0-9]", rows[i + len(q):i + len(q) + 3]) for i in spots):
            out.append(quote)  # the row goes on naming it: a name cut short
        elif not spots and re.match(r"[A-Z]", quote) and not re.search(r"[.!?]$", m.group(1).strip()):
            out.append(quote)  # a capitalised name the rows never give
    return out


_FIELD_WORDS = re.compile(r"颜色|尺寸|尺码|材质|材料|重量|容量|款式|\b(?:colou?rs?|sizes?|materials?|weight|capacity|style)\b",
                          re.IGNORECASE)


def _echoes(sentence: str, shopper_text: str) -> bool:
    """The sentence repeats a stretch of the shopper's message ("预算可以加到120，这个价位还有别的吗"):
    eight Chinese characters or five words in a row."""
    said_cjk = "".join(re.findall(r"[\u4e00-\u9fff]+", shopper_text))
    if any(said_cjk[i:i + 8] in sentence for i in range(len(said_cjk) - 7)):
        return True
    said, words = re.findall(r"[a-z0-9']+", shopper_text.lower()), " ".join(re.findall(r"[a-z0-9']+", sentence.lower()))
    return any(f" {' '.join(said[i:i + 5])} " in f" {words} " for i in range(len(said) - 4))


def _asked_about(field_word: str, shopper_text: str) -> bool:
    """The shopper named this field or one of its values ("要蓝色的" asks about colour)."""
    from language.lexicon import BUILTIN_COLORS, BUILTIN_MATERIALS, BUILTIN_SIZES

    low, word = shopper_text.lower(), field_word.lower()
    values = {"颜色": BUILTIN_COLORS, "colour": BUILTIN_COLORS, "color": BUILTIN_COLORS, "材质": BUILTIN_MATERIALS,
              "材料": BUILTIN_MATERIALS, "material": BUILTIN_MATERIALS, "尺寸": BUILTIN_SIZES, "尺码": BUILTIN_SIZES,
              "size": BUILTIN_SIZES}.get(word.rstrip("s"), {})
    return word.rstrip("s") in low or any(v in low for v in values) or (
        word in ("尺寸", "尺码", "size", "sizes") and re.search(r"[0-9a-z]\s*(?:码|号)|\bsize\b", low) is not None)


def _mostly_latin(sentence: str, products: Sequence[Product]) -> bool:
    """More Latin letters than Chinese characters once product titles and brands are taken out: an
    English sentence inside a Chinese reply ("推荐X，因为它的3L防水 shell和20,000 mm rating，pit zips")."""
    low = claims.plain(sentence)
    for p in sorted(products, key=lambda p: -len(p.title)):
        for name in (p.title, p.brand):
            if name:
                low = low.replace(claims.plain(name), " ")
    latin = len(re.findall(r"[a-z]", low))
    return latin > 12 and latin > len(re.findall(r"[\u4e00-\u9fff]", low))


def _system_prompt() -> str:
    from prompts import render

    return render("system")


def _strip_zero(number: str) -> str:
    return number[:-2] if number.endswith(".0") else number


def _family(title: str) -> str:
    return variant_family(title).lower()


def short_name(title: str) -> str:
    """How people name a product in a sentence: its first three words ("Corvane Forge 16")."""
    words = re.findall(r"[\w'&.-]+", title.lower())
    return " ".join(words[:3])
