"""Fact check of generated text: every sentence the model wrote, labelled against the catalog rows.

Plays evaluation conversations with the default model (`--generator local`), keeps the replies whose
text the model wrote (grounding `ok` / `repaired`: what shoppers see, after the guard), splits them
into sentences and labels each one, independently of the assistant's own guardrail:

- `misattributed`: a stated price / number / property / brand, or a phrase of a description, belongs
  to another row the shopper saw, not to the product the sentence is about;
- `unsupported`: a product that was not shown, an amount or number no row has, a yes/no property or
  quality ("durable", "柔软") the row contradicts or does not mention, stock the row contradicts,
  reviewers quoted for a row without reviews, a comparison the numbers contradict;
- `supported`: every checkable claim (a shown product's name counts) matches the row it is about;
- `no claim`: nothing checkable (greetings, questions back to the shopper, the computed opener).

The product a sentence is about is the one it names, else the one the previous sentence of the reply
named ("It weighs 300 g"), else the shown card whose fields it repeats: the rules a person reading
the transcripts used (bench/RESULTS.md, manual read of the fact check).

Sentences the guard dropped are not in the text; the count of turns whose meta lists dropped kinds is
reported separately. Writes a CSV for the manual read.

    python bench/eval/factcheck.py --split heldout --limit 60 --csv /tmp/factcheck.csv
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.eval.run import load_specs, open_bots, play  # noqa: E402
from bench.eval.textcheck import admits_unknown, amounts, contains_value, normal  # noqa: E402

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
_NUMBER = r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"  # "20,000 mAh" is one number
_UNIT_NUMBER = re.compile(_NUMBER + r"[\s-]?(g|kg|lbs?|mm|cm|m|ml|l|mah|w|hours?|h|years?|months?|days?|gb|tb|db|hz|"
                          r"mp|megapixels?|°|inch(?:es)?|\"|stars?|out of 5|/5|pages|人|小时|年|个月|克|毫升|毫安)(?=\W|$)",
                          re.I)
_RATING = re.compile(r"(?:\brated|\brating(?: of| is|:)?|评分(?:为|是)?)\s*(\d(?:\.\d+)?)(?:\s?/\s?5|\s?out of 5|\s?stars?)?",
                     re.I)
# attribute names a sentence may state a value for ("the color is white"); checked against the row
STATED = ("color", "material", "connectivity", "warranty", "capacity", "weight", "battery life", "processor",
          "storage", "ram", "screen size", "fit", "cut", "layout", "switches", "thickness", "sleeps")
# qualities a sentence may claim that only the row's own words can back ("材料柔软", "durable")
QUALITIES = {"durable": (r"\bdurab|耐用|经久", r"durab|耐用|耐磨|sturdy|rugged"),
             "soft": (r"\bsoft\b|柔软", r"\bsoft|柔软"),
             "breathable": (r"\bbreathab|透气", r"breathab|透气|mesh"),
             "natural material": (r"natural material|自然材质|天然材(质|料)", r"natural|天然|organic|wool|cotton|leather")}
_REVIEWS_SAY = re.compile(r"\breview(er)?s? (say|said|state|mention|note|praise|write|describe|call)|according to (the )?"
                          r"review|customers? (say|said|love|praise|report|mention)|(评价|评论|买家|用户)(说|称|提到|表示|反馈)",
                          re.I)
_STOCK = re.compile(r"(?:库存|stock of|units? in stock:?)\s*(\d+)", re.I)
_IN_STOCK = re.compile(r"\bin stock\b|\bavailable now\b|有货|现货")
_OUT_OF_STOCK = re.compile(r"out of stock|sold out|缺货|无货|售罄")
# words that point back to the product the previous sentence named
_ANAPHOR = re.compile(r"\b(it|it's|its|they|them|their|this|these|that one|the price|the rating)\b|它|其|这款|该款|此款",
                      re.I)
# the assistant's opener ("I found 4 options for X") is computed from the cards, not written by the model
_OPENER = re.compile(r"^\s*(I found \d+ options? for |为您找到 ?\d+ ?款)", re.I)


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


def _vocabulary(rows) -> set[str]:
    """Every word the catalog uses (titles, brands, descriptions, facts, reviews)."""
    return set().union(*(_words(_text_of(p)) for p in rows))


def _words(text: str) -> set[str]:
    tokens = re.findall(r"[a-z][a-z0-9'-]+", text.lower())
    return set(tokens) | {part for t in tokens for part in re.split(r"[-']", t) if part}


def _text_of(p) -> str:
    return " ".join([p.title, p.brand, p.category, p.description, " ".join(map(str, p.facts().values())),
                     " ".join(str(r.get("text", "")) for r in p.reviews), " ".join(p.tags)])


_COMMON = set("""the this that these those it its they their there here you your we our i yes no not both also
however based compared while with without and but or for from best match among products product listed catalog
shop price priced rating rated stock in out sorry please free shipping other another first second third last
option options great good model version brand brands color colour size material warranty if so""".split())
_FUNCTION = _COMMON | set("""a an of to is are be been has have had was were as at by on into than then which who what
when very more most just only any all each one can will would should could make makes making offers offer""".split())


def _numbers_of(p) -> set[float]:
    values = {round(p.price, 2)} | ({round(p.rating, 2), round(p.rating, 1)} if p.rating is not None else set())
    blob = " ".join(str(v) for v in p.facts().values()) + " " + p.title + " " + p.description
    blob = re.sub(r"(?<=\d),(?=\d{3}\b)", "", blob)
    return values | {float(x) for x in re.findall(r"\d+(?:\.\d+)?", blob)}


def _phrases(text: str) -> list[tuple[str, set[int]]]:
    """Word runs a sentence can only have taken from a row, with the token positions they cover: four
    words, two of them content words ("a blend of design and performance"), or six Chinese characters
    ("超临界发泡材料")."""
    tokens = re.findall(r"[\u3400-\u9fff]|[^\s\u3400-\u9fff]+", _spaced(text))
    cjk = [bool(re.match(r"[\u3400-\u9fff]", t)) for t in tokens]
    out = []
    for i in range(len(tokens)):
        words = tokens[i:i + 4]
        if (len(words) == 4 and not any(cjk[i:i + 4])
                and sum(len(w) > 3 and w not in _FUNCTION for w in words) >= 2):
            out.append((" ".join(words), set(range(i, i + 4))))
        if i + 6 <= len(tokens) and all(cjk[i:i + 6]):
            out.append(("".join(tokens[i:i + 6]), set(range(i, i + 6))))
    return out


_PHRASE_CACHE: dict[tuple, tuple[set[str], set[str]]] = {}


def _row_phrases(p) -> tuple[set[str], set[str]]:
    """(phrases of everything the row says, phrases of its description and reviews alone)."""
    key = (p.id, p.title, p.description)
    if key not in _PHRASE_CACHE:
        told = p.description + " " + " ".join(str(r.get("text", "")) for r in p.reviews)
        _PHRASE_CACHE[key] = ({x for x, _ in _phrases(_text_of(p)) + _phrases(told)}, {x for x, _ in _phrases(told)})
    return _PHRASE_CACHE[key]


def _field(p, field: str):
    """Price, rating or weight in grams, for comparisons."""
    if field != "weight":
        return getattr(p, field)
    m = re.search(r"(\d+(?:\.\d+)?)\s*(kg|g)\b", str(p.attributes.get("weight", "")))
    return (float(m.group(1)) * (1000 if m.group(2) == "kg" else 1)) if m else None


_RANK = {"supported": 0, "misattributed": 1, "unsupported": 2, "no claim": 3}


def label(sentence: str, *, subject_rows: list, seen_rows: list, catalog_rows: list, shopper_text: str,
          vocabulary: set[str] | None = None, shown: list | None = None) -> tuple[str, str]:
    """(label, reason) for one generated sentence; `subject_rows` are this reply's cards (or the product
    the previous sentence named), `seen_rows` every row the shopper has seen in the chat, `shown` the
    turn's cards (default `subject_rows`).

    The product a sentence is about is the one it names, else `subject_rows` when that is one row;
    a sentence that names nothing next to several cards is about the card whose fields it repeats, so it
    is judged against each card alone and the best verdict stands."""
    if re.search(r"PRODUCT DATA|talk to the shopper|you are a shopping assistant", sentence, re.I):
        return "unsupported", "prompt instructions leaked into the answer"
    if _OPENER.match(sentence):
        return "no claim", "computed opener"
    shown = subject_rows if shown is None else shown
    named = mentioned(sentence, seen_rows, prefer=shown)
    stray = [p for p in mentioned(sentence, catalog_rows, prefer=seen_rows) if p not in seen_rows]
    if stray:
        return "unsupported", f"names a product not shown: {stray[0].title[:50]}"
    said = _words(shopper_text)
    seen_words = set().union(*(_words(_text_of(p)) for p in seen_rows)) if seen_rows else set()
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)(?<![A-Za-z])([A-Za-z]*[A-Z][A-Za-z]{2,})\b", sentence.strip()):
        word = m.group(1).lower()
        if word in _COMMON or word in said:
            continue
        if vocabulary is not None and word not in vocabulary:
            return "unsupported", f"names {m.group(1)!r}, which no catalog row has"
        if word not in seen_words and any(word in _words(p.title + " " + p.brand) for p in catalog_rows):
            return "unsupported", f"names {m.group(1)!r}, which only rows not shown have"
    if named:
        candidates = [named]
    elif len(subject_rows) <= 1 and (_ANAPHOR.search(sentence) or all(p in subject_rows for p in shown)):
        candidates = [subject_rows]  # "It weighs 300 g" after a sentence that named the product
    else:  # "The new model of Ice skates BOTAS ATTACK ...": a card it paraphrases, not the previous one
        candidates = [[p] for p in subject_rows] + [[p] for p in shown if p not in subject_rows]
    # the card the sentence fits best: one that supports it, else the one it matches longest
    verdicts = [_judge(sentence, about, seen_rows, named, shopper_text, said, shown) for about in candidates]
    lab, why, _ = min(verdicts, key=lambda v: (v[0] != "supported", -v[2], _RANK[v[0]]))
    return lab, why


def _judge(sentence: str, about: list, seen_rows: list, named: list, shopper_text: str, said: set[str],
           shown: list) -> tuple[str, str, int]:
    """Every checkable claim of the sentence against the rows it is `about`: (label, reason, how many
    claims were read, the failing one included)."""
    others = [p for p in seen_rows if p not in about]
    claims = 0
    # (what the sentence states, whether a row has it, whether the shopper said it)
    checks = [(f"price {v}", lambda p, v=v: abs(v - p.price) < 0.011, str(v).rstrip("0").rstrip(".") in shopper_text)
              for v, _ in amounts(sentence)]
    text = re.sub(r"(US\$|\$|¥|￥)\s?\d[\d,.]*", " ", sentence)
    checks += [(f"rating {m.group(1)}", lambda p, x=float(m.group(1)): p.rating is not None
                and x in (round(p.rating, 2), round(p.rating, 1)), False) for m in _RATING.finditer(text)]
    said_numbers = {float(x.replace(",", "")) for x in re.findall(_NUMBER, shopper_text)}
    for m in _UNIT_NUMBER.finditer(_RATING.sub(" ", text)):
        x = float(m.group(1).replace(",", ""))
        checks.append((m.group(0), lambda p, x=x: x in _numbers_of(p), x in said_numbers))
    for what, fits, said_by_shopper in checks:
        claims += 1
        if said_by_shopper or any(map(fits, about)):
            continue
        if any(map(fits, others)):
            return "misattributed", f"{what} belongs to another product", claims
        return "unsupported", f"{what} is in no shown row", claims
    low = sentence.lower()
    if _REVIEWS_SAY.search(sentence) and not any(p.reviews for p in about):
        return "unsupported", "cites reviews the row does not have", claims
    for m in _STOCK.finditer(low):
        claims += 1
        if not any(p.stock == int(m.group(1)) for p in about):
            return "unsupported", f"stock {m.group(1)}, the row says {about[0].stock if about else None}", claims
    stock_word = _IN_STOCK.search(low) or _OUT_OF_STOCK.search(low)
    if stock_word:  # "in stock", "is not out of stock", "sold out"
        claims += 1
        claimed = bool(_IN_STOCK.search(low)) != bool(NEGATION.search(low[max(0, stock_word.start() - 12):stock_word.start()]))
        if about and not any(p.in_stock == claimed for p in about):
            return "unsupported", f"says {'in' if claimed else 'out of'} stock, the row says {about[0].availability}", claims
    for word, keys in PROPERTIES.items():
        at = low.find(word)
        if at < 0:
            continue
        claims += 1
        negated = bool(NEGATION.search(low[max(0, at - 25):at]))
        if low.rstrip().endswith("?"):
            continue
        for p in about:
            value = next((p.facts()[k] for k in keys if k in p.facts()), None)
            said_in_text = word in (p.title + " " + p.description).lower()
            truth = _truth(value) if value is not None else (True if said_in_text else None)
            if truth is None and not negated:
                if any(_truth(next((q.facts()[k] for k in keys if k in q.facts()), None)) for q in others):
                    return "misattributed", f"'{word}' is true of another product, not {p.title[:40]}", claims
                return "unsupported", f"'{word}': the row of {p.title[:40]} does not say", claims
            if truth is not None and truth == negated:
                return "unsupported", f"'{word}' {'denied' if negated else 'claimed'}, row says {value!r}", claims
    for quality, (claimed, backed) in QUALITIES.items():
        at = re.search(claimed, low)
        if not at or NEGATION.search(low[max(0, at.start() - 25):at.start()]) or re.search(claimed, shopper_text.lower()):
            continue
        claims += 1
        if not any(re.search(backed, _text_of(p).lower()) for p in about):
            if any(re.search(claimed, q.description.lower()) for q in others):
                return "misattributed", f"'{quality}' is said of another product", claims
            return "unsupported", f"'{quality}': the row does not say", claims
    brand = re.search(r"\bbrand\b|品牌", low)
    if brand and len(about) == 1 and about[0].brand:  # "its brand is Tidewave" said of a Vellum Sound speaker
        near = low[max(0, brand.start() - 30):brand.end() + 30]
        claims += 1
        if not contains_value(near, about[0].brand):
            stated = [q.brand for q in others if q.brand and q.brand != about[0].brand and contains_value(near, q.brand)]
            if stated:
                return "misattributed", f"brand stated is {stated[0]}, not {about[0].brand}", claims
    if len(about) == 1 and not admits_unknown(sentence):
        facts = {k.replace("_", " ").lower(): v for k, v in about[0].facts().items()}
        for name in STATED:
            found = re.search(rf"\b{name}\b", low)
            if not found or name not in facts:
                continue
            before = low[:found.start()].split()[-1:] or [""]
            if not low[found.end():].strip(" .!?。！？") and before[0] in _FUNCTION:
                continue  # "... and processor.": the attribute named, no value stated
            claims += 1
            tail = low[found.start():]
            if contains_value(tail, facts[name]) or contains_value(low, facts[name]):
                continue
            other = [q for q in others if contains_value(tail, q.facts().get(name.replace(" ", "_"), "\0"))]
            if other:
                return "misattributed", f"{name} stated is {other[0].title[:40]}'s, not {about[0].title[:40]}'s", claims
            return "unsupported", f"{name}: row says {facts[name]!r}", claims
    # words taken from a row: the row's own back the sentence; another card's description said of
    # this product is misattributed
    # (a phrase next to the row's own words is the model's link between them: "a fragrance with notes of")
    mine = set().union(*(_row_phrases(p)[0] for p in about)) if about else set()
    phrases = [(x, at) for x, at in _phrases(sentence) if not set(x.split()) <= said]
    covered = set().union(*(at for x, at in phrases if x in mine)) if phrases else set()
    claims += bool(covered)
    for phrase, at in phrases:
        if len(at - covered) >= 3 and any(phrase in _row_phrases(q)[1] for q in others):
            return "misattributed", f"'{phrase}' is another product's description", claims
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)(?<![A-Za-z])([A-Za-z]*[A-Z][A-Za-z]{2,})\b", sentence.strip()):
        word = m.group(1).lower()
        if word in _COMMON or word in said:
            continue
        if any(word in _words(_text_of(p)) for p in about):
            claims += any(word in _words(p.title) for p in about)  # names the product
            continue
        if any(word in _words(q.title + " " + q.brand) for q in others):
            return "misattributed", f"{m.group(1)!r} is in another product's title", claims
    for pattern, field, sign in SUPERLATIVES:  # "the most affordable" among the cards on screen
        if pattern.search(sentence) and len(about) == 1 and len(shown) > 1:
            claims += 1
            value = {p.id: _field(p, field) for p in shown}
            if value.get(about[0].id) is None or any(v is not None and (v - value[about[0].id]) * sign > 0
                                                     for v in value.values()):
                return "unsupported", f"says {about[0].title[:30]} has the {'highest' if sign > 0 else 'lowest'} {field}", claims
    for pattern, field, sign in COMPARATIVES:
        if pattern.search(sentence) and len(named) >= 2:
            claims += 1
            a, b = named[0], named[1]
            va, vb = _field(a, field), _field(b, field)
            if va is None or vb is None:
                return "unsupported", f"compares {field} the rows do not give", claims
            if (va - vb) * sign <= 0:
                return "unsupported", f"says {a.title[:30]} is {pattern.pattern.split('|')[0]} than {b.title[:30]}: {va} vs {vb}", claims
    return ("supported", f"{claims} claim(s) match", claims) if claims or named else ("no claim", "", 0)


def _truth(value):
    if value is None or isinstance(value, bool):
        return value
    return str(value).strip().lower() not in ("no", "false", "none", "not resistant")


def label_transcript(transcript: dict, catalog, vocabulary: set[str]) -> list[dict]:
    """One labelled row per generated sentence of a played conversation."""
    out, seen, rows = [], [], list(catalog.products.values())
    for turn in transcript["turns"]:
        cards = [catalog.products[c["id"]] for c in turn.get("cards", []) if c["id"] in catalog.products]
        subject = cards or seen[:1]
        seen += [p for p in cards if p not in seen]
        if turn.get("grounding") not in ("ok", "repaired"):
            continue
        focus: list = []  # the product the previous sentence named: "It has ..." is about it
        for s in sentences(turn["text"]):
            named = mentioned(s, seen, prefer=cards)
            focus = named[:1] or focus
            lab, why = label(s, subject_rows=focus or subject, seen_rows=seen, catalog_rows=rows,
                             shopper_text=turn["say"], vocabulary=vocabulary, shown=cards or subject)
            out.append({"conversation": transcript["id"], "lang": transcript["lang"], "shopper": turn["say"],
                        "sentence": s, "label": lab, "reason": why, "grounding": turn["grounding"],
                        "rows": " || ".join(f"{p.id}: {p.title} {p.price} {p.currency}" for p in subject[:4])})
    return out


def main(argv=None) -> int:
    import json

    from bench.eval.catalogs import prepare

    ap = argparse.ArgumentParser(description="Label generated sentences supported / unsupported / misattributed.")
    ap.add_argument("--split", default="heldout", choices=("tune", "heldout", "all"))
    ap.add_argument("--catalog", action="append")
    ap.add_argument("--lang", choices=("en", "zh"))
    ap.add_argument("--limit", type=int, help="at most this many conversations")
    ap.add_argument("--generator", default="local")
    ap.add_argument("--csv", type=Path, default=Path("factcheck.csv"))
    ap.add_argument("--transcripts", type=Path, help="also write the transcripts (JSONL)")
    ap.add_argument("--from-transcripts", type=Path, help="label transcripts written earlier instead of playing")
    args = ap.parse_args(argv)
    rows_out, dropped_turns, model_turns = [], None, 0
    if args.from_transcripts:
        transcripts = [json.loads(x) for x in args.from_transcripts.read_text(encoding="utf-8").splitlines() if x.strip()]
        catalogs = {name: prepare(name) for name in sorted({t["catalog"] for t in transcripts})}
        vocab = {name: _vocabulary(c.products.values()) for name, c in catalogs.items()}
        for t in transcripts:
            rows_out += label_transcript(t, catalogs[t["catalog"]], vocab[t["catalog"]])
            model_turns += sum(turn.get("grounding") in ("ok", "repaired") for turn in t["turns"])
    else:
        specs = load_specs(args.split, catalogs=args.catalog, lang=args.lang)
        # Conversations whose answers the model writes (search, refine, compare, questions), mixed by scenario.
        order = ["brand-out-compare", "compare-after-one", "spec-questions", "yes-no", "budget-cheaper-cart",
                 "brand-in-price", "more-options", "no-more-than", "variant-cart", "policy-dont-know"]
        specs = sorted([c for c in specs if c["scenario"] in order],
                       key=lambda c: (order.index(c["scenario"]) % 5, c["id"]))
        specs = specs[: args.limit] if args.limit else specs
        dropped_turns = 0
        with tempfile.TemporaryDirectory(prefix="aisle-factcheck-") as tmp:
            bots = open_bots(sorted({c["catalog"] for c in specs}), args.generator, Path(tmp))
            vocab = {name: _vocabulary(cat.products.values()) for name, (_, cat) in bots.items()}
            tf = args.transcripts.open("w", encoding="utf-8") if args.transcripts else None
            for i, conv in enumerate(specs, 1):
                bot, cat = bots[conv["catalog"]]
                transcript = play(bot, cat, conv, nonce="fc")
                if tf:
                    tf.write(json.dumps(transcript, ensure_ascii=False) + "\n")
                    tf.flush()
                rows_out += label_transcript(transcript, cat, vocab[conv["catalog"]])
                model_turns += sum(turn.get("grounding") in ("ok", "repaired") for turn in transcript["turns"])
                dropped_turns += sum(1 for t in bot.history(transcript["session_id"]) if t.meta.get("dropped"))
                print(f"  {i}/{len(specs)} conversations, {len(rows_out)} sentences", file=sys.stderr, flush=True)
                _write(args.csv, rows_out)
    _write(args.csv, rows_out)
    counts = Counter(r["label"] for r in rows_out)
    print(f"{len(rows_out)} generated sentences from {model_turns} model-written turns: "
          + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    if dropped_turns is not None:
        print(f"turns whose guard dropped sentences (not in the text above): {dropped_turns}")
    for lang in ("en", "zh"):
        c = Counter(r["label"] for r in rows_out if r["lang"] == lang)
        print(f"  {lang}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    return 0


def _write(path: Path, rows: list[dict]) -> None:
    if not rows:
        return
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    raise SystemExit(main())
