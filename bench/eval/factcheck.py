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
from bench.eval.textcheck import admits_unknown, amounts, contains_value  # noqa: E402
from bench.eval.sentence_facts import (  # noqa: E402
    COMPARATIVES,
    NEGATION,
    PROPERTIES,
    QUALITIES,
    STATED,
    SUPERLATIVES,
    AFFORDABLE,
    ANAPHOR,
    COMMON_WORDS,
    ONLY_ONE,
    RATING_PRAISE,
    FUNCTION_WORDS,
    IN_STOCK,
    NUMBER,
    OPENER,
    OUT_OF_STOCK,
    RATING,
    REVIEWS_SAY,
    STOCK,
    UNIT_NUMBER,
    field_of,
    numbers_of,
    phrases_of,
    row_phrases,
    text_of,
    vocabulary_of,
    words_of,
    mentioned,
    sentences,
)


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
    if OPENER.match(sentence):
        return "no claim", "computed opener"
    shown = subject_rows if shown is None else shown
    named = mentioned(sentence, seen_rows, prefer=shown)
    stray = [p for p in mentioned(sentence, catalog_rows, prefer=seen_rows) if p not in seen_rows]
    if stray:
        return "unsupported", f"names a product not shown: {stray[0].title[:50]}"
    said = words_of(shopper_text)
    seen_words = set().union(*(words_of(text_of(p)) for p in seen_rows)) if seen_rows else set()
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)(?<![A-Za-z])([A-Za-z]*[A-Z][A-Za-z]{2,})\b", sentence.strip()):
        word = m.group(1).lower()
        if word in COMMON_WORDS or word in said:
            continue
        if vocabulary is not None and word not in vocabulary:
            return "unsupported", f"names {m.group(1)!r}, which no catalog row has"
        if word not in seen_words and any(word in words_of(p.title + " " + p.brand) for p in catalog_rows):
            return "unsupported", f"names {m.group(1)!r}, which only rows not shown have"
    if named:
        candidates = [named]
    elif len(subject_rows) <= 1 and (ANAPHOR.search(sentence) or all(p in subject_rows for p in shown)):
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
                and x in (round(p.rating, 2), round(p.rating, 1)), False) for m in RATING.finditer(text)]
    said_numbers = {float(x.replace(",", "")) for x in re.findall(NUMBER, shopper_text)}
    for m in UNIT_NUMBER.finditer(RATING.sub(" ", text)):
        x = float(m.group(1).replace(",", ""))
        checks.append((m.group(0), lambda p, x=x: x in numbers_of(p), x in said_numbers))
    for what, fits, said_by_shopper in checks:
        claims += 1
        if said_by_shopper or any(map(fits, about)):
            continue
        if any(map(fits, others)):
            return "misattributed", f"{what} belongs to another product", claims
        return "unsupported", f"{what} is in no shown row", claims
    low = sentence.lower()
    if REVIEWS_SAY.search(sentence) and not any(p.reviews for p in about):
        return "unsupported", "cites reviews the row does not have", claims
    for m in STOCK.finditer(low):
        claims += 1
        if not any(p.stock == int(m.group(1)) for p in about):
            return "unsupported", f"stock {m.group(1)}, the row says {about[0].stock if about else None}", claims
    stock_word = IN_STOCK.search(low) or OUT_OF_STOCK.search(low)
    if stock_word:  # "in stock", "is not out of stock", "sold out"
        claims += 1
        claimed = bool(IN_STOCK.search(low)) != bool(NEGATION.search(low[max(0, stock_word.start() - 12):stock_word.start()]))
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
        if not any(re.search(backed, text_of(p).lower()) for p in about):
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
        # the row's own text-valued fields too ("armrest: none"), not yes/no ones ("waterproof: true")
        names = list(STATED) + [k for k, v in facts.items() if k not in STATED and 3 <= len(k) <= 24
                                and len(k.split()) <= 3 and isinstance(v, str)
                                and v.strip().lower() not in ("yes", "no", "true", "false", "none", "")]
        untitled = low.replace(about[0].title.lower(), " ")  # "Four-Season" in the title states no season
        for name in names:
            found = re.search(rf"\b{re.escape(name)}\b", low)
            if not found or name not in facts or (name not in STATED and not re.search(rf"\b{re.escape(name)}\b", untitled)):
                continue
            before = low[:found.start()].split()[-1:] or [""]
            if not low[found.end():].strip(" .!?。！？") and before[0] in FUNCTION_WORDS:
                continue  # "... and processor.": the attribute named, no value stated
            claims += 1
            tail = low[found.start():]
            if contains_value(tail, facts[name]) or contains_value(low, facts[name]):
                continue
            other = [q for q in others if contains_value(tail, _fact_of(q, name, "\0"))
                     or contains_value(low, _fact_of(q, name, "\0"))]
            if other:
                return "misattributed", f"{name} stated is {other[0].title[:40]}'s, not {about[0].title[:40]}'s", claims
            return "unsupported", f"{name}: row says {facts[name]!r}", claims
    # praise and comparisons read against the cards shown with it (the manual read's rules)
    if len(about) == 1 and len(shown) > 1:
        me, rest = about[0], [p for p in shown if p is not about[0]]
        if RATING_PRAISE.search(sentence):
            claims += 1
            best = max((p.rating for p in shown if p.rating is not None), default=None)
            if me.rating is None or me.rating < 4.0 or (best is not None and me.rating < best):
                return "unsupported", f"praises the rating {me.rating} while {best} is shown", claims
        if AFFORDABLE.search(sentence) and not re.search(AFFORDABLE.pattern, shopper_text, re.I):
            claims += 1
            cheaper = [p for p in rest if p.currency == me.currency and p.price < me.price]
            if cheaper:
                return "unsupported", f"calls {me.title[:30]} affordable while {len(cheaper)} shown cost less", claims
    if ONLY_ONE.search(sentence) and len(shown) > 1:
        return "unsupported", f"'the only one' with {len(shown)} products shown", claims + 1
    # words taken from a row: the row's own back the sentence; another card's description said of
    # this product is misattributed
    # (a phrase next to the row's own words is the model's link between them: "a fragrance with notes of")
    mine = set().union(*(row_phrases(p)[0] for p in about)) if about else set()
    phrases = [(x, at) for x, at in phrases_of(sentence) if not set(x.split()) <= said]
    covered = set().union(*(at for x, at in phrases if x in mine)) if phrases else set()
    claims += bool(covered)
    for phrase, at in phrases:
        if len(at - covered) >= 3 and any(phrase in row_phrases(q)[1] for q in others):
            return "misattributed", f"'{phrase}' is another product's description", claims
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)(?<![A-Za-z])([A-Za-z]*[A-Z][A-Za-z]{2,})\b", sentence.strip()):
        word = m.group(1).lower()
        if word in COMMON_WORDS or word in said:
            continue
        if any(word in words_of(text_of(p)) for p in about):
            claims += any(word in words_of(p.title) for p in about)  # names the product
            continue
        if any(word in words_of(q.title + " " + q.brand) for q in others):
            return "misattributed", f"{m.group(1)!r} is in another product's title", claims
    for pattern, field, sign in SUPERLATIVES:  # "the most affordable" among the cards on screen
        if pattern.search(sentence) and len(about) == 1 and len(shown) > 1:
            claims += 1
            value = {p.id: field_of(p, field) for p in shown}
            if value.get(about[0].id) is None or any(v is not None and (v - value[about[0].id]) * sign > 0
                                                     for v in value.values()):
                return "unsupported", f"says {about[0].title[:30]} has the {'highest' if sign > 0 else 'lowest'} {field}", claims
    for pattern, field, sign in COMPARATIVES:
        if pattern.search(sentence) and len(named) >= 2:
            claims += 1
            a, b = named[0], named[1]
            va, vb = field_of(a, field), field_of(b, field)
            if va is None or vb is None:
                return "unsupported", f"compares {field} the rows do not give", claims
            if (va - vb) * sign <= 0:
                return "unsupported", f"says {a.title[:30]} is {pattern.pattern.split('|')[0]} than {b.title[:30]}: {va} vs {vb}", claims
    return ("supported", f"{claims} claim(s) match", claims) if claims or named else ("no claim", "", 0)


def _fact_of(p, name: str, default):
    facts = {k.replace("_", " ").lower(): v for k, v in p.facts().items()}
    return facts.get(name, default)


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
        vocab = {name: vocabulary_of(c.products.values()) for name, c in catalogs.items()}
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
            vocab = {name: vocabulary_of(cat.products.values()) for name, (_, cat) in bots.items()}
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
