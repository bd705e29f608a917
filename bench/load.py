"""Load on one app server: 1, 8 and 32 simulated shoppers chatting at once (issue 9).

    python bench/load.py                                  # the configured generator (AISLE_GENERATOR)
    python bench/load.py --generator none --levels 1,8    # catalog-row answers only
    python bench/load.py --write                          # also write `## Load` in bench/RESULTS.md

Starts a plain `python app.py` on a loopback port with SQLite sessions in a temporary data dir;
shoppers chat through the public `POST /api/v1/chat` (bench/load_client.py), the API a shop's
front end uses. The API's limits (20 messages a minute per session, 300 new sessions a minute per
address) are fixed in code, not settings: a level of N shoppers opens N sessions and each sends at
most `--max-turns` messages, so keep levels under 300 per minute (a 429 counts as an error).
Each level is bounded in messages (`--max-turns` per shopper) and in time (`--max-seconds`: no
message starts later); the bench prints requests, errors,
p50/p95 time to first words and to the whole answer, and how many answers the model wrote versus
answered from catalog rows. The 1-shopper level is the baseline the others are compared against.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, today, write_section  # noqa: E402
from bench.load_client import AisleClient, record_grounding  # noqa: E402
from bench.servers import app_env, app_servers  # noqa: E402
from bench.shoppers import TABLE_HEAD, first_error, load_average, run_shoppers, summary, table_row  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--levels", default="1,8,32", help="shoppers at once, per level (default 1,8,32)")
    p.add_argument("--max-turns", type=int, default=3, help="messages per shopper (default 3)")
    p.add_argument("--max-seconds", type=float, default=90.0, help="no message starts later than this, per level")
    p.add_argument("--generator", default=None, help="AISLE_GENERATOR for the server (default: the environment's)")
    p.add_argument("--write", action="store_true", help="write the table to bench/RESULTS.md under '## Load'")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    levels = [int(n) for n in args.levels.split(",")]
    work = Path(tempfile.mkdtemp(prefix="aisle-load-"))
    overrides = {"AISLE_DATA_DIR": str(work / "data"), "AISLE_LOG_LEVEL": "WARNING"}
    if args.generator:
        overrides["AISLE_GENERATOR"] = args.generator
    env = app_env(**overrides)
    generator = env.get("AISLE_GENERATOR", "local")
    load_before = load_average()
    rows, summaries, notes = [], [], []
    with app_servers(1, env, log_dir=work / "logs", timeout_s=600, driver=False) as [server]:
        client = AisleClient(server.url)
        client.chat("hello")  # the first answer pays one-off costs (model warm-up, caches); not measured
        for i, n in enumerate(levels):
            run = run_shoppers([client], n, max_turns=args.max_turns, max_seconds=args.max_seconds,
                               first=sum(levels[:i]))
            record_grounding(run.answers, str(work / "data" / "sessions.db"))  # who wrote each answer
            s = summary(run)
            summaries.append(s)
            rows.append(table_row(s, summaries[0]))
            kinds = Counter(a.grounding for a in run.answers if a.grounding)
            notes.append(f"- {n} shoppers, how each answer was phrased: "
                         + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
            print(rows[-1], flush=True)
            if s["errors"]:
                print(f"  first error: {first_error(run)}", file=sys.stderr)
        client.close()
    body = "\n".join([
        f"`python bench/load.py --levels {args.levels} --max-turns {args.max_turns} --max-seconds "
        f"{args.max_seconds:.0f}`, generator `{generator}`, one plain `python app.py`, SQLite sessions, "
        "shoppers on the public `POST /api/v1/chat` over loopback HTTP; "
        f"{today()}, {machine()}; load average (1/5/15 min) {load_before} before, {load_average()} after "
        "(the 2 cores are shared with other jobs).",
        "",
        TABLE_HEAD,
        *rows,
        "",
        *notes,
    ])
    print(body)
    if args.write:
        write_section("Load", body)
    return 1 if any(s["errors"] for s in summaries) else 0


if __name__ == "__main__":
    sys.exit(main())
