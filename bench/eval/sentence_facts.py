"""What the fact check reads in a sentence and in a row: claim words and patterns, product names,
numbers with units, description phrases. `bench/eval/factcheck.py` labels sentences with these."""
from __future__ import annotations

import re

from bench.eval.textcheck import normal

# yes/no properties a sentence may claim, with the row keys that decide them
PROPERTIES = {
    "waterproof": ("waterproof", "water_resistant", "water resistance", "water_resistance", "ip_rating",
                   "waterproof_rating"),
    "noise cancelling": ("noise_cancelling",), "noise-cancelling": ("noise_cancelling",),
    "wireless charging": ("wireless_charging",), "dishwasher safe": ("dishwasher_safe_parts", "dishwasher_safe"),
    "foldable": ("foldable",), "vegan": ("vegan",), "bpa free": ("bpa_free",), "bpa-free": ("bpa_free",),
    "backlit": ("backlight",), "touchscreen": ("touchscreen",), "fast charging": ("fast_charging",),
    "programmable": ("programmable",), "adjustable": ("adjustable", "height_adjustable"),
    "防水": ("waterproof", "water_resistant", "water resistance", "ip_rating"), "降噪": ("noise_cancelling",),
}
NEGATION = re.compile(r"\b(not|no|isn't|doesn't|without|non)\b|不|没有|无", re.I)
COMPARATIVES = [(re.compile(r"cheaper|less expensive|more affordable|更便宜|便宜一些", re.I), "price", -1),
                (re.compile(r"more expensive|pricier|costs more|更贵", re.I), "price", 1),
                (re.compile(r"higher[- ]rated|better rated|评分更高", re.I), "rating", 1),
                (re.compile(r"lighter|更轻", re.I), "weight", -1), (re.compile(r"heavier|更重", re.I), "weight", 1)]
SUPERLATIVES = [(re.compile(r"\bcheapest|most affordable|lowest[- ]priced|lowest price|最便宜|价格最低", re.I), "price", -1),
                (re.compile(r"highest[- ]rated|best[- ]rated|highest rating|评分最高", re.I), "rating", 1),
                (re.compile(r"\blightest\b|最轻", re.I), "weight", -1)]
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|\n+|(?<=[。！？])")
NUMBER = r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"  # "20,000 mAh" is one number
UNIT_NUMBER = re.compile(NUMBER + r"[\s-]?(g|kg|lbs?|mm|cm|m|ml|l|mah|w|hours?|h|years?|months?|days?|gb|tb|db|hz|"
                          r"mp|megapixels?|°|inch(?:es)?|\"|stars?|out of 5|/5|pages|人|小时|年|个月|克|毫升|毫安)(?=\W|$)",
                          re.I)
RATING = re.compile(r"(?:\brated|\brating(?: of| is|:)?|评分(?:为|是)?)\s*(\d(?:\.\d+)?)(?:\s?/\s?5|\s?out of 5|\s?stars?)?",
                     re.I)
# attribute names a sentence may state a value for ("the color is white"); checked against the row
STATED = ("color", "material", "connectivity", "warranty", "capacity", "weight", "battery life", "processor",
          "storage", "ram", "screen size", "fit", "cut", "layout", "switches", "thickness", "sleeps")
# qualities a sentence may claim that only the row's own words can back ("材料柔软", "durable")
QUALITIES = {"durable": (r"\bdurab|耐用|经久", r"durab|耐用|耐磨|sturdy|rugged"),
             "soft": (r"\bsoft\b|柔软", r"\bsoft|柔软"),
             "breathable": (r"\bbreathab|透气", r"breathab|透气|mesh"),
             "natural material": (r"natural material|自然材质|天然材(质|料)", r"natural|天然|organic|wool|cotton|leather")}
REVIEWS_SAY = re.compile(r"\breview(er)?s? (say|said|state|mention|note|praise|write|describe|call)|according to (the )?"
                          r"review|customers? (say|said|love|praise|report|mention)|(评价|评论|买家|用户)(说|称|提到|表示|反馈)",
                          re.I)
STOCK = re.compile(r"(?:库存|stock of|units? in stock:?)\s*(\d+)", re.I)
IN_STOCK = re.compile(r"\bin stock\b|\bavailable now\b|有货|现货")
OUT_OF_STOCK = re.compile(r"out of stock|sold out|缺货|无货|售罄")
# praise of a rating, of a price, and uniqueness: true only against the other cards shown (manual read)
RATING_PRAISE = re.compile(r"\b(?:good|great|high|excellent|solid|strong|decent|impressive|positive|very good)\s+"
                           r"(?:customer\s+)?(?:ratings?|scores?)\b|\b(?:highly|well)[\s-]rated\b|评分(?:很|较|非常)?高|好评",
                           re.I)
AFFORDABLE = re.compile(r"\baffordabl|\bbudget[\s-]friendly\b|\binexpensive\b|\breasonably priced\b|实惠|性价比高|价格合理|便宜",
                        re.I)
ONLY_ONE = re.compile(r"\bthe only (?:one|option|product|item|model|choice)\b|唯一", re.I)
# words that point back to the product the previous sentence named
ANAPHOR = re.compile(r"\b(it|it's|its|they|them|their|this|these|that one|the price|the rating)\b|它|其|这款|该款|此款",
                      re.I)
# the assistant's opener ("I found 4 options for X") is computed from the cards, not written by the model
OPENER = re.compile(r"^\s*(I found \d+ options? for |为您找到 ?\d+ ?款)", re.I)


# Lines the assistant writes from templates around the model's text: comparison tables, numbered
# card lists, the nudge line. They are not generated, so they are not labelled.
_TEMPLATE_LINE = re.compile(r"^\s*(\||\d+\.\s.+—|free shipping on this order|nothing matches all of that)"
                            r"|.+ \| (US\$|\$|¥)[\d,.]+ \| rating", re.I)


def sentences(text: str) -> list[str]:
    lines = [line for line in (text or "").splitlines() if not _TEMPLATE_LINE.match(line)]
    return [s.strip() for s in _SENTENCE.split("\n".join(lines)) if s and len(s.strip()) > 3]


def _spaced(text: str) -> str:
    """`normal` with Latin words kept apart from Chinese ones: "推荐Corvane Forge" names "Corvane Forge"."""
    return normal(re.sub(r"(?<=[\u3400-\u9fff])(?=[a-z0-9])|(?<=[a-z0-9])(?=[\u3400-\u9fff])", " ", str(text).lower()))


def mentioned(sentence: str, rows, prefer=()) -> list:
    """Rows whose title (or its first four words) the sentence names, in the order it names them.

    Variants share their first words ("Bluetooth Speaker (blue, 10 hours, yes)" / "(..., no)"): words read
    as a longer title are that title, not a shorter one inside them, and rows named by the very same
    words are those in `prefer` (the turn's cards, the rows the shopper saw) when any of them is."""
    low = f" {_spaced(sentence)} "
    hits = []  # (start, end, row)
    for p in rows:
        title = _spaced(p.title)
        short = " ".join(title.split()[:4])
        if len(title.split()) < 2 and not re.search(r"[\u3400-\u9fff]", title):
            continue  # "Rice", "Glass": one common word is not a product name
        at = low.find(f" {title} ")
        if at >= 0:
            hits.append((at, at + len(title) + 1, p))
        elif len(short) >= 12 and (at := low.find(f" {short}")) >= 0:
            hits.append((at, at + len(short) + 1, p))
    hits = [h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0] for o in hits)]
    preferred = {(h[0], h[1]) for h in hits if h[2] in prefer}
    out = []
    for start, end, p in sorted(hits, key=lambda h: h[0]):
        if (p in prefer or (start, end) not in preferred) and p not in out:
            out.append(p)
    return out


def vocabulary_of(rows) -> set[str]:
    """Every word the catalog uses (titles, brands, descriptions, facts, reviews)."""
    return set().union(*(words_of(text_of(p)) for p in rows))


def words_of(text: str) -> set[str]:
    tokens = re.findall(r"[a-z][a-z0-9'-]+", text.lower())
    return set(tokens) | {part for t in tokens for part in re.split(r"[-']", t) if part}


def text_of(p) -> str:
    return " ".join([p.title, p.brand, p.category, p.description, " ".join(map(str, p.facts().values())),
                     " ".join(str(r.get("text", "")) for r in p.reviews), " ".join(p.tags)])


COMMON_WORDS = set("""the this that these those it its they their there here you your we our i yes no not both also
however based compared while with without and but or for from best match among products product listed catalog
shop price priced rating rated stock in out sorry please free shipping other another first second third last
option options great good model version brand brands color colour size material warranty if so""".split())
FUNCTION_WORDS = COMMON_WORDS | set("""a an of to is are be been has have had was were as at by on into than then which who what
when very more most just only any all each one can will would should could make makes making offers offer""".split())


def numbers_of(p) -> set[float]:
    values = {round(p.price, 2)} | ({round(p.rating, 2), round(p.rating, 1)} if p.rating is not None else set())
    blob = " ".join(str(v) for v in p.facts().values()) + " " + p.title + " " + p.description
    blob = re.sub(r"(?<=\d),(?=\d{3}\b)", "", blob)
    return values | {float(x) for x in re.findall(r"\d+(?:\.\d+)?", blob)}


def phrases_of(text: str) -> list[tuple[str, set[int]]]:
    """Word runs a sentence can only have taken from a row, with the token positions they cover: four
    words, two of them content words ("a blend of design and performance"), or six Chinese characters
    ("超临界发泡材料")."""
    tokens = re.findall(r"[\u3400-\u9fff]|[^\s\u3400-\u9fff]+", _spaced(text))
    cjk = [bool(re.match(r"[\u3400-\u9fff]", t)) for t in tokens]
    out = []
    for i in range(len(tokens)):
        words = tokens[i:i + 4]
        if (len(words) == 4 and not any(cjk[i:i + 4])
                and sum(len(w) > 3 and w not in FUNCTION_WORDS for w in words) >= 2):
            out.append((" ".join(words), set(range(i, i + 4))))
        if i + 6 <= len(tokens) and all(cjk[i:i + 6]):
            out.append(("".join(tokens[i:i + 6]), set(range(i, i + 6))))
    return out


_PHRASE_CACHE: dict[tuple, tuple[set[str], set[str]]] = {}


def row_phrases(p) -> tuple[set[str], set[str]]:
    """(phrases of everything the row says, phrases of its description and reviews alone)."""
    key = (p.id, p.title, p.description)
    if key not in _PHRASE_CACHE:
        told = p.description + " " + " ".join(str(r.get("text", "")) for r in p.reviews)
        _PHRASE_CACHE[key] = ({x for x, _ in phrases_of(text_of(p)) + phrases_of(told)}, {x for x, _ in phrases_of(told)})
    return _PHRASE_CACHE[key]


def field_of(p, field: str):
    """Price, rating or weight in grams, for comparisons."""
    if field != "weight":
        return getattr(p, field)
    m = re.search(r"(\d+(?:\.\d+)?)\s*(kg|g)\b", str(p.attributes.get("weight", "")))
    return (float(m.group(1)) * (1000 if m.group(2) == "kg" else 1)) if m else None
