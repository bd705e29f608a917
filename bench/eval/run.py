"""Play the conversation evaluation through the public `Assistant` API and score it against catalog rows.

Each conversation runs in a fresh session on its catalog (imported once per run, cached by content);
every shopper turn's expectations are computed from the rows the reply shows (bench/eval/checks.py).
Prints expectations passed and conversations fully passed, per category, language and catalog, for
each split, and writes a JSONL transcript for reading.

    python bench/eval/run.py --generator none --split all --out /tmp/transcripts.jsonl
    python bench/eval/run.py --generator local --split heldout --lang zh
    python bench/eval/run.py --generator none --split all --results   # also update bench/RESULTS.md

Only `assistant.Assistant`, `Reply` fields, `catalog` and `retrieval` public functions are used, so
the runner keeps working while the assistant's internals change.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.eval.catalogs import CATALOGS, available, prepare  # noqa: E402
from bench.eval.checks import KNOWN_KEYS, Context, Outcome, check_turn  # noqa: E402

HERE = Path(__file__).resolve().parent
SPLITS = ("tune", "heldout")
STAFF = "Anna"


def load_specs(split: str, *, catalogs=None, lang=None, scenario=None) -> list[dict]:
    """The conversations of a split (`all` = both), each tagged with its split, filtered."""
    out = []
    for name in (SPLITS if split == "all" else (split,)):
        for line in (HERE / "conversations" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                conv = json.loads(line)
                conv["split"] = name
                out.append(conv)
    return [c for c in out if (not catalogs or c["catalog"] in catalogs) and (not lang or c["lang"] == lang)
            and (not scenario or c["scenario"] in scenario.split(","))]


def open_bots(names, generator: str, data_dir: Path) -> dict:
    """One Assistant per catalog, sharing one data dir for sessions (each conversation is its own session)."""
    from assistant import Assistant
    from assistant.settings import Settings

    bots, catalogs = {}, {}
    for name in names:
        t0 = time.perf_counter()
        catalogs[name] = prepare(name)
        settings = Settings.from_env()
        settings.data_dir = data_dir / name
        gen = None if generator == "none" else generator
        bots[name] = Assistant.from_catalog(catalogs[name].db, settings=settings, generator=gen)
        print(f"[{name}] {len(catalogs[name].products)} products ready in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    return {n: (bots[n], catalogs[n]) for n in names}


def play(bot, catalog, conv: dict, *, nonce: str) -> dict:
    """Run one conversation; returns its transcript with every expectation's outcome."""
    sid = "ev-" + hashlib.sha1(f"{nonce}-{conv['id']}".encode()).hexdigest()[:20]
    ctx = Context(catalog=catalog, lang=conv["lang"])
    turns = []
    for step in conv["turns"]:
        record: dict = {"src": step.get("src")}
        if "staff" in step:
            record.update(_staff_step(bot, sid, step))
            turns.append(record)
            continue
        ctx.cart_before = bot.cart(sid) if turns else {}
        t0 = time.perf_counter()
        try:
            reply = bot.chat(step["say"], session_id=sid)
        except Exception as exc:  # an error is a failed turn, not a failed run
            record.update(say=step["say"], error=repr(exc)[:300],
                          outcomes=[Outcome(k, "error", False, repr(exc)[:200]).__dict__ for k in step.get("expect", {})])
            turns.append(record)
            continue
        outcomes = check_turn(reply, step.get("expect", {}), ctx, shopper_text=step["say"])
        record.update(
            say=step["say"], text=reply.text, seconds=round(time.perf_counter() - t0, 2), act=reply.act,
            escalated=reply.escalated, answered_by=reply.answered_by, grounding=reply.grounding,
            cards=[{"id": p.id, "title": p.title, "price": p.price, "currency": p.currency, "kind": catalog.kind(p),
                    "brand": p.brand} for p in reply.products],
            cart={k: reply.cart.get(k) for k in ("count", "total", "currency")},
            outcomes=[o.__dict__ for o in outcomes])
        turns.append(record)
        if reply.products:
            ctx.lists.append(list(reply.products))
            ctx.seen_prices |= {round(p.price, 2) for p in reply.products}
    passed = all(o["passed"] for t in turns for o in t.get("outcomes", []))
    return {k: conv[k] for k in ("id", "catalog", "lang", "scenario", "split")} | {
        "session_id": sid, "passed": passed, "turns": turns}


def _staff_step(bot, sid: str, step: dict) -> dict:
    """take_over / reply / hand_back; after hand_back, the shopper's pending message must get an answer."""
    action = step["staff"]
    try:
        if action == "take_over":
            bot.take_over(sid, staff=STAFF)
        elif action == "reply":
            bot.staff_reply(sid, step["text"], staff=STAFF)
        elif action == "hand_back":
            bot.hand_back(sid, staff=STAFF)
    except Exception as exc:
        return {"staff": action, "error": repr(exc)[:300],
                "outcomes": [Outcome(k, "handback", False, repr(exc)[:200]).__dict__ for k in step.get("expect", {})]}
    out: dict = {"staff": action, "outcomes": []}
    if "handback_answered" in step.get("expect", {}):
        history = bot.history(sid)
        last_user = max((t.id for t in history if t.role == "user"), default=0)
        answers = [t for t in history if t.role == "assistant" and t.id > last_user and t.text.strip()]
        out["answer"] = answers[-1].text if answers else ""
        out["outcomes"].append(Outcome("handback_answered", "handback", bool(answers),
                                       "" if answers else "pending shopper message left unanswered").__dict__)
    return out


# -- tables ---------------------------------------------------------------------------------------
def summarise(transcripts: list[dict]) -> dict:
    """{split: {"all"|"en"|"zh": {...counts}, "by_category": {...}, "by_catalog": {...}}}."""
    out: dict = {}
    for split in sorted({t["split"] for t in transcripts}) + ["all"]:
        rows = [t for t in transcripts if split == "all" or t["split"] == split]
        block = {"overall": _count(rows)}
        for lang in ("en", "zh"):
            block[lang] = _count([t for t in rows if t["lang"] == lang])
        cats: dict = defaultdict(lambda: {"en": [0, 0], "zh": [0, 0]})
        for t in rows:
            for turn in t["turns"]:
                for o in turn.get("outcomes", []):
                    cell = cats[o["category"]][t["lang"]]
                    cell[0] += o["passed"]
                    cell[1] += 1
        block["by_category"] = {k: cats[k] for k in sorted(cats)}
        block["by_catalog"] = {c: _count([t for t in rows if t["catalog"] == c]) for c in CATALOGS
                               if any(t["catalog"] == c for t in rows)}
        out[split] = block
    return out


def _count(rows: list[dict]) -> dict:
    outs = [o for t in rows for turn in t["turns"] for o in turn.get("outcomes", [])]
    return {"expectations": [sum(o["passed"] for o in outs), len(outs)],
            "conversations": [sum(t["passed"] for t in rows), len(rows)]}


def _pct(cell) -> str:
    ok, n = cell
    return f"{ok}/{n} ({100 * ok / n:.1f}%)" if n else "-"


def render(summary: dict, *, label: str) -> str:
    lines = [f"### {label}", ""]
    for split, block in summary.items():
        lines += [f"**{split}**", "", "| | expectations passed | conversations fully passed |", "|---|---|---|"]
        for key in ("en", "zh", "overall"):
            c = block[key]
            lines.append(f"| {key} | {_pct(c['expectations'])} | {_pct(c['conversations'])} |")
        for cat, c in block["by_catalog"].items():
            lines.append(f"| catalog {cat} | {_pct(c['expectations'])} | {_pct(c['conversations'])} |")
        lines += ["", "| category | en | zh |", "|---|---|---|"]
        for cat, cells in block["by_category"].items():
            lines.append(f"| {cat} | {_pct(cells['en'])} | {_pct(cells['zh'])} |")
        lines.append("")
    return "\n".join(lines)


def failures(transcripts: list[dict], *, per_category: int = 3) -> str:
    """The failing expectations grouped by category, a few examples each (for reading, not for tables)."""
    groups: dict = defaultdict(list)
    for t in transcripts:
        for turn in t["turns"]:
            for o in turn.get("outcomes", []):
                if not o["passed"]:
                    groups[o["category"]].append((t["id"], turn.get("say") or turn.get("staff"), o["why"],
                                                  (turn.get("text") or "")[:160].replace("\n", " | ")))
    lines = []
    for cat, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"- {cat}: {len(items)} failing")
        for cid, say, why, text in items[:per_category]:
            lines.append(f"    {cid}: {say!r} -> {why} || {text!r}")
    return "\n".join(lines)


def machine_line() -> str:
    import datetime
    import subprocess

    from bench.common import machine

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=HERE).stdout.strip()
    except OSError:
        commit = "?"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{machine()}; load average {load}; {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; commit {commit}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Conversation evaluation over the four catalogs.")
    ap.add_argument("--generator", default="none", help="none (template answers) or local (the default model)")
    ap.add_argument("--split", default="all", choices=("tune", "heldout", "all"))
    ap.add_argument("--catalog", action="append", choices=CATALOGS, help="repeat to pick several (default: all)")
    ap.add_argument("--lang", choices=("en", "zh"))
    ap.add_argument("--scenario", help="one scenario name, or several separated by commas")
    ap.add_argument("--limit", type=int, help="at most this many conversations (first by id), for quick runs")
    ap.add_argument("--out", type=Path, help="write transcripts (JSONL) here")
    ap.add_argument("--results", action="store_true", help="record the tables in bench/eval/results.json and RESULTS.md")
    ap.add_argument("--label", help="name of this run in the results (default: generator/split)")
    ap.add_argument("--from-transcripts", type=Path, nargs="+", metavar="JSONL",
                    help="score transcripts written earlier (e.g. by factcheck.py) instead of playing")
    args = ap.parse_args(argv)
    if args.from_transcripts:
        transcripts = [json.loads(line) for path in args.from_transcripts
                       for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return report(transcripts, args, label=args.label or "transcripts")

    specs = load_specs(args.split, catalogs=args.catalog, lang=args.lang, scenario=args.scenario)
    unknown = {k for c in specs for s in c["turns"] for k in s.get("expect", {})} - KNOWN_KEYS
    if unknown:
        raise SystemExit(f"spec uses unknown expectation keys {sorted(unknown)}")
    missing = sorted({c["catalog"] for c in specs if not available(c["catalog"])})
    if missing:
        print(f"skipping catalogs without their public data: {missing} (set AISLE_SHARED_DATA)", file=sys.stderr)
        specs = [c for c in specs if c["catalog"] not in missing]
    specs = sorted(specs, key=lambda c: c["id"])[: args.limit] if args.limit else specs
    if not specs:
        raise SystemExit("no conversations selected")
    with tempfile.TemporaryDirectory(prefix="aisle-eval-") as tmp:
        bots = open_bots(sorted({c["catalog"] for c in specs}), args.generator, Path(tmp))
        nonce, transcripts, t0 = hashlib.sha1(str(time.time()).encode()).hexdigest()[:6], [], time.perf_counter()
        for i, conv in enumerate(specs, 1):
            bot, catalog = bots[conv["catalog"]]
            transcripts.append(play(bot, catalog, conv, nonce=nonce))
            if i % 20 == 0:
                print(f"  {i}/{len(specs)} conversations, {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    if args.out:
        args.out.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in transcripts), encoding="utf-8")
    label = args.label or f"{'template answers' if args.generator == 'none' else args.generator + ' model'}, split {args.split}"
    return report(transcripts, args, label=label)


def report(transcripts: list[dict], args, *, label: str) -> int:
    summary = summarise(transcripts)
    print(render(summary, label=label))
    print("Failing expectations by category:\n" + failures(transcripts))
    if args.results:
        from bench.eval.report import record

        record(label, summary, machine_line(), len(transcripts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
