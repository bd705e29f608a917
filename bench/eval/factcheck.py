"""Fact check of generated text: every sentence the model wrote, labelled against the catalog rows.

Plays evaluation conversations with the default model (`--generator local`), keeps the replies whose
text the model wrote (grounding `ok` / `repaired`: what shoppers see, after the guard), splits them
into sentences and labels each one, independently of the assistant's own guardrail:

- `misattributed`: a stated price / number / property belongs to another row the shopper saw, not
  to the product the sentence is about;
- `unsupported`: a product that was not shown, an amount or number no row has, a yes/no property
  the row contradicts or does not mention, a comparison the numbers contradict;
- `supported`: every checkable claim matches the row it is about;
- `no claim`: nothing checkable (greetings, questions back to the shopper).

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
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|\n+|(?<=[。！？])")
_UNIT_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s?(g|kg|lbs?|mm|cm|m|ml|l|mah|w|hours?|h|years?|months?|days?|gb|tb|"
                          r"inch(?:es)?|\"|stars?|out of 5|/5|pages|人|小时|年|个月|克|毫升|毫安)(?=\W|$)", re.I)
# attribute names a sentence may state a value for ("the color is white"); checked against the row
STATED = ("color", "material", "connectivity", "warranty", "capacity", "weight", "battery life", "processor",
          "storage", "ram", "screen size", "fit", "cut", "layout", "switches", "thickness", "sleeps")


# Lines the assistant writes from templates around the model's text: comparison tables, numbered
# card lists, the nudge line. They are not generated, so they are not labelled.
_TEMPLATE_LINE = re.compile(r"^\s*(\||\d+\.\s.+—|free shipping on this order|nothing matches all of that)"
                            r"|.+ \| (US\$|\$|¥)[\d,.]+ \| rating", re.I)


def sentences(text: str) -> list[str]:
    lines = [line for line in (text or "").splitlines() if not _TEMPLATE_LINE.match(line)]
    return [s.strip() for s in _SENTENCE.split("\n".join(lines)) if s and len(s.strip()) > 3]


def mentioned(sentence: str, rows) -> list:
    """Rows whose title (or its first four words) the sentence names."""
    low = f" {normal(sentence)} "
    out = []
    for p in rows:
        title = normal(p.title)
        short = " ".join(title.split()[:4])
        if len(title.split()) < 2 and not re.search(r"[\u3400-\u9fff]", title):
            continue  # "Rice", "Glass": one common word is not a product name
        if f" {title} " in low or (len(short) >= 12 and f" {short}" in low):
            out.append(p)
    # in the order the sentence names them ("A is cheaper than B")
    return sorted(out, key=lambda p: low.find(" ".join(normal(p.title).split()[:4])))


def _vocabulary(rows) -> set[str]:
    """Every word the catalog uses (titles, brands, descriptions, facts, reviews)."""
    words: set[str] = set()
    for p in rows:
        blob = " ".join([p.title, p.brand, p.category, p.description, " ".join(map(str, p.facts().values())),
                         " ".join(str(r.get("text", "")) for r in p.reviews), " ".join(p.tags)])
        tokens = re.findall(r"[a-z][a-z0-9'-]+", blob.lower())
        words |= set(tokens) | {part for t in tokens for part in re.split(r"[-']", t) if part}
    return words


_COMMON = set("""the this that these those it its they their there here you your we our i yes no not both also
however based compared while with without and but or for from best match among products product listed catalog
shop price priced rating rated stock in out sorry please free shipping other another first second third last
option options great good model version brand brands color colour size material warranty if so""".split())


def _numbers_of(p) -> set[float]:
    values = {round(p.price, 2)} | ({round(p.rating, 2)} if p.rating is not None else set())
    blob = " ".join(str(v) for v in p.facts().values()) + " " + p.title + " " + p.description
    return values | {float(x) for x in re.findall(r"\d+(?:\.\d+)?", blob.replace(",", ""))}


def _weight(p):
    m = re.search(r"(\d+(?:\.\d+)?)\s*(kg|g)\b", str(p.attributes.get("weight", "")))
    return (float(m.group(1)) * (1000 if m.group(2) == "kg" else 1)) if m else None


def label(sentence: str, *, subject_rows: list, seen_rows: list, catalog_rows: list, shopper_text: str,
          vocabulary: set[str] | None = None) -> tuple[str, str]:
    """(label, reason) for one generated sentence; `subject_rows` are this reply's cards (or the
    referenced product), `seen_rows` every row the shopper has seen in the chat."""
    if re.search(r"PRODUCT DATA|talk to the shopper|you are a shopping assistant", sentence, re.I):
        return "unsupported", "prompt instructions leaked into the answer"
    named = mentioned(sentence, seen_rows)
    stray = [p for p in mentioned(sentence, catalog_rows) if p not in seen_rows]
    if stray:
        return "unsupported", f"names a product not shown: {stray[0].title[:50]}"
    if vocabulary is not None:
        known = vocabulary | set(re.findall(r"[a-z][a-z0-9'-]+", shopper_text.lower())) | _COMMON
        for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-zA-Z]{3,})\b", sentence.strip()):
            if m.group(1).lower() not in known:
                return "unsupported", f"names {m.group(1)!r}, which no catalog row has"
    about = named or (subject_rows[:1] if len(subject_rows) == 1 else subject_rows)
    others = [p for p in seen_rows if p not in about]
    claims = 0
    for value, _ in amounts(sentence):
        claims += 1
        if any(abs(value - p.price) < 0.011 for p in about):
            continue
        if str(value).rstrip("0").rstrip(".") in shopper_text:
            continue
        if any(abs(value - p.price) < 0.011 for p in others):
            return "misattributed", f"price {value} belongs to another product"
        return "unsupported", f"amount {value} is no shown row's price"
    text_wo_money = re.sub(r"(US\$|\$|¥|￥)\s?\d[\d,.]*", " ", sentence)
    for m in _UNIT_NUMBER.finditer(text_wo_money):
        claims += 1
        x = float(m.group(1))
        if any(x in _numbers_of(p) for p in about):
            continue
        if any(x in _numbers_of(p) for p in others):
            return "misattributed", f"{m.group(0)} belongs to another product"
        return "unsupported", f"{m.group(0)} is in no shown row"
    low = sentence.lower()
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
                    return "misattributed", f"'{word}' is true of another product, not {p.title[:40]}"
                return "unsupported", f"'{word}': the row of {p.title[:40]} does not say"
            if truth is not None and truth == negated:
                return "unsupported", f"'{word}' {'denied' if negated else 'claimed'}, row says {value!r}"
    if len(about) == 1 and not admits_unknown(sentence):
        facts = {k.replace("_", " ").lower(): v for k, v in about[0].facts().items()}
        for name in STATED:
            if not re.search(rf"\b{name}\b", low) or name not in facts:
                continue
            claims += 1
            tail = low[low.find(name):]
            if contains_value(tail, facts[name]) or contains_value(low, facts[name]):
                continue
            other = [q for q in others if contains_value(tail, q.facts().get(name.replace(" ", "_"), "\0"))]
            if other:
                return "misattributed", f"{name} stated is {other[0].title[:40]}'s, not {about[0].title[:40]}'s"
            return "unsupported", f"{name}: row says {facts[name]!r}"
    for pattern, field, sign in COMPARATIVES:
        if pattern.search(sentence) and len(named) >= 2:
            claims += 1
            a, b = named[0], named[1]
            va, vb = (a.price, b.price) if field == "price" else (a.rating, b.rating) if field == "rating" else (_weight(a), _weight(b))
            if va is None or vb is None:
                return "unsupported", f"compares {field} the rows do not give"
            if (va - vb) * sign <= 0:
                return "unsupported", f"says {a.title[:30]} is {pattern.pattern.split('|')[0]} than {b.title[:30]}: {va} vs {vb}"
    return ("supported", f"{claims} claim(s) match") if claims or named else ("no claim", "")


def _truth(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    s = str(value).strip().lower()
    if s in ("no", "false", "none", "not resistant"):
        return False
    return True


def label_transcript(transcript: dict, catalog, vocabulary: set[str]) -> list[dict]:
    """One labelled row per generated sentence of a played conversation."""
    out, seen = [], []
    for turn in transcript["turns"]:
        cards = [catalog.products[c["id"]] for c in turn.get("cards", []) if c["id"] in catalog.products]
        subject = cards or seen[:1]
        seen += [p for p in cards if p not in seen]
        if turn.get("grounding") not in ("ok", "repaired"):
            continue
        focus: list = []  # the product the previous sentence named: "It has ..." is about it
        for s in sentences(turn["text"]):
            named = mentioned(s, seen)
            focus = named[:1] or focus
            lab, why = label(s, subject_rows=focus or subject, seen_rows=seen,
                             catalog_rows=list(catalog.products.values()), shopper_text=turn["say"],
                             vocabulary=vocabulary)
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
