"""Load on a small cluster: two app servers, one PostgreSQL, one model server (issue 10).

    python bench/load_cluster.py                       # llama.cpp server (scripts/llama_wheel.sh installs it)
    python bench/load_cluster.py --generator none      # no model: sessions and handoffs only
    python bench/load_cluster.py --write               # also write `## Load: two servers` in RESULTS.md

Starts a throwaway PostgreSQL cluster, a llama.cpp server with the packaged Qwen model (unless
`--generator none`), and two app servers (app.py's app plus the bench driver's staff routes) sharing
both. Shoppers chat through the public `POST /api/v1/chat`; staff act through the driver. 8 and
32 shoppers then chat with no sticky sessions: each message goes to the other server than the
last. Meanwhile a staff member takes chats over on one server and hands them back on the other.
At the end every session's stored turns are read back: each message sent must be stored exactly
once, and answered by the bot or handed to staff. Exits 1 on any error or broken promise.
"""
from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, today, write_section  # noqa: E402
from bench.load_client import AisleClient, record_grounding  # noqa: E402
from bench.servers import app_env, app_servers, llama_server, throwaway_postgres  # noqa: E402
from bench.shoppers import (  # noqa: E402
    TABLE_HEAD, ShopperRun, first_error, load_average, run_shoppers, summary, table_row)


def staff_desk(clients: list[AisleClient], run_sessions: dict[int, str], stop: threading.Event,
               log: list[str], every_s: float = 1.0) -> None:
    """Take a live chat over on one server, reply, and hand it back on the other; repeat until stopped."""
    rng = random.Random(7)
    while not stop.wait(every_s):
        sessions = list(run_sessions.values())
        if not sessions:
            continue
        sid = rng.choice(sessions)
        here, there = rng.sample(range(len(clients)), 2)
        try:
            if not clients[here].staff("take_over", sid, staff="Anna")["ok"]:
                log.append("take_over refused")
                continue
            clients[there].staff("reply", sid, staff="Anna", text="Anna from the shop here: how can I help?")
            stop.wait(1.0)
            ok = clients[there].staff("hand_back", sid, staff="Anna")["ok"]
            log.append("handed back" if ok else "hand_back refused")
        except Exception as exc:  # counted: the run must report staff errors too
            log.append(f"error: {type(exc).__name__}: {exc}")


def check_stored(client: AisleClient, run: ShopperRun) -> list[str]:
    """Each message stored once, in order, then answered by the bot or by staff; returns the problems.

    A message whose client gave up (timeout) may or may not have reached a server: it may be stored
    once, or not at all, but never twice; every message that got its answer must be stored.
    """
    problems = []
    for shopper, sid in run.sessions.items():
        sent = [s for s in run.sent if s.shopper == shopper]
        turns = client.history(sid)
        users = [t["text"] for t in turns if t["role"] == "user"]
        answered = [s.text for s in sent if s.answer.error is None]
        if users not in ([s.text for s in sent], answered):  # a shopper stops after an error: it is the last
            problems.append(f"session {sid}: sent {[s.text for s in sent]}, stored {users}")
            continue
        starts = [i for i, t in enumerate(turns) if t["role"] == "user"] + [len(turns)]
        for k, (here, following) in enumerate(zip(starts, starts[1:])):
            answer = sent[k].answer  # the k-th stored message is the k-th sent (checked above)
            replies = {t["role"] for t in turns[here + 1:following]}  # a takeover may come before the answer
            handled = replies & {"assistant", "staff"} or answer.reply.get("answered_by") == "staff"
            if not handled and answer.error is None:  # a message whose client gave up may still be answering
                problems.append(f"session {sid}: {turns[here]['text']!r} was neither answered nor handed to staff")
    return problems


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--levels", default="8,32")
    p.add_argument("--max-turns", type=int, default=3)
    p.add_argument("--max-seconds", type=float, default=90.0, help="no message starts later than this, per level")
    p.add_argument("--think-seconds", type=float, default=2.0, help="pause between an answer and the next message")
    p.add_argument("--generator", default="openai", help="openai (a llama.cpp server started here) or none")
    p.add_argument("--write", action="store_true", help="write `## Load: two servers` in bench/RESULTS.md")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="aisle-cluster-"))
    load_before = load_average()
    rows, summaries, problems, staff_log = [], [], [], []
    staff_errors = 0
    with contextlib.ExitStack() as stack:
        import psycopg

        admin = stack.enter_context(throwaway_postgres())
        name = f"cluster_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        overrides = {"AISLE_DATA_DIR": str(work / "data"), "AISLE_DATABASE_URL": admin.rsplit("/", 1)[0] + "/" + name,
                     "AISLE_SECRET_KEY": uuid.uuid4().hex, "AISLE_GENERATOR": args.generator,
                     "AISLE_LOG_LEVEL": "WARNING"}
        if args.generator == "openai":
            model = stack.enter_context(llama_server(log_dir=work / "logs"))
            overrides["AISLE_GENERATOR_URL"] = model.url + "/v1"
            overrides["AISLE_GENERATOR_SLOTS"] = "1"  # llama-cpp-python's server runs one request at a time
        # The first server builds the shared data dir (catalog, vectors, key) alone; then both start.
        with app_servers(1, app_env(**overrides), log_dir=work / "logs" / "warm", timeout_s=600):
            pass
        servers = stack.enter_context(app_servers(2, app_env(**overrides), log_dir=work / "logs", timeout_s=600))
        clients = [AisleClient(s.url) for s in servers]
        for c in clients:
            c.chat("hello")  # one-off warm-up per server, not measured
        levels = [int(x) for x in args.levels.split(",")]
        for i, n in enumerate(levels):
            stop, log = threading.Event(), []
            run_box: dict[int, str] = {}
            desk = threading.Thread(target=staff_desk, args=(clients, run_box, stop, log), name="staff")
            desk.start()
            run = run_shoppers(clients, n, max_turns=args.max_turns, max_seconds=args.max_seconds,
                               first=sum(levels[:i]),
                               think_s=args.think_seconds, on_session=run_box.__setitem__)
            stop.set()
            desk.join()
            record_grounding(run.answers, overrides["AISLE_DATABASE_URL"])  # who wrote each answer
            s = summary(run)
            summaries.append(s)
            rows.append(table_row(s, summaries[0]))
            level_problems = check_stored(clients[0], run)
            problems += level_problems
            staff_errors += sum(x.startswith("error") for x in log)
            staff_log.append(f"{n} shoppers: {len(log)} takeovers ({sum(x == 'handed back' for x in log)} handed "
                             f"back, {sum(x.startswith('error') for x in log)} errors); stored-once check: "
                             f"{'ok' if not level_problems else f'{len(level_problems)} problems'}")
            print(rows[-1], "|", staff_log[-1], flush=True)
            if s["errors"]:
                print(f"  first error: {first_error(run)}", file=sys.stderr)
        for c in clients:
            c.close()
    for p in problems[:20]:
        print("PROBLEM", p, file=sys.stderr)
    gen = "llama.cpp server (Qwen2.5-0.5B Q4_K_M, 2 threads)" if args.generator == "openai" else "none"
    body = "\n".join([
        f"`python bench/load_cluster.py --levels {args.levels} --max-turns {args.max_turns} --max-seconds "
        f"{args.max_seconds:.0f}`: two app servers, one PostgreSQL, generator {gen}, no sticky sessions "
        f"(a shopper's messages alternate servers), staff taking over on one server and handing back on the "
        f"other every ~2 s, shoppers pausing {args.think_seconds:.0f} s between messages; {today()}, {machine()}; "
        f"load average {load_before} before, {load_average()} after.",
        "",
        TABLE_HEAD,
        *rows,
        "",
        *[f"- {line}" for line in staff_log],
    ])
    print(body)
    if args.write:
        write_section("Load: two servers", body)
    return 1 if staff_errors or problems or any(s["errors"] for s in summaries) else 0


if __name__ == "__main__":
    sys.exit(main())
