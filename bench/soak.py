"""Soak: 32 shoppers chat with one app server for 10 minutes while staff take chats over and hand them back.

    python bench/soak.py                          # 10 minutes, 32 shoppers, no model (AISLE_GENERATOR=none)
    python bench/soak.py --minutes 1              # a short check
    python bench/soak.py --generator local        # the local model in the app process (slow on a CPU)
    python bench/soak.py --write                  # also write `## Soak` in bench/RESULTS.md

Starts the app (`app.py`'s app plus the bench driver's staff routes, bench/app_driver.py) on a loopback
port with SQLite in a temporary data dir. Shoppers come in waves: each of `--shoppers` threads plays
one script (bench/shoppers.py) in a new session, pausing `--think-seconds` between messages, then
the next wave starts with new shoppers, until `--minutes` have passed (no message starts later).
Meanwhile a staff member takes a live chat over, replies and hands it back, about every 2 s
(`load_cluster.staff_desk`). The app's resident memory (RSS) is read at the start, every minute and
at the end. At the end every session is read back through the public API: each message sent must be
stored exactly once, in order, and answered by the bot or handed to staff (`load_cluster.check_stored`).
Exits 1 on any lost or doubled message, request error, staff error or traceback in the app's log.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, percentile, today, write_section  # noqa: E402
from bench.load_client import AisleClient  # noqa: E402
from bench.load_cluster import check_stored, staff_desk  # noqa: E402
from bench.servers import app_env, app_servers  # noqa: E402
from bench.shoppers import ShopperRun, first_error, load_average, run_shoppers  # noqa: E402


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class MemoryLog:
    """RSS of the app process at the start, every `every_s` seconds, and at the end (in a thread)."""

    def __init__(self, pid: int, every_s: float = 60.0) -> None:
        self.pid, self.every_s, self.t0 = pid, every_s, time.monotonic()
        self.samples: list[tuple[float, float, str]] = []  # (seconds since start, MiB, load average)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="rss", daemon=True)

    def sample(self) -> None:
        self.samples.append((time.monotonic() - self.t0, rss_mb(self.pid), load_average()))

    def _run(self) -> None:
        while not self.stop.wait(self.every_s):
            self.sample()

    def __enter__(self) -> "MemoryLog":
        self.sample()
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()
        self.sample()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--minutes", type=float, default=10.0, help="how long shoppers keep coming (default 10)")
    p.add_argument("--shoppers", type=int, default=32, help="shoppers chatting at once (default 32)")
    p.add_argument("--think-seconds", type=float, default=3.0,
                   help="pause between an answer and the next message (default 3; keeps new sessions under the "
                        "API's 300 a minute per address)")
    p.add_argument("--generator", default="none", help="AISLE_GENERATOR for the app: none (default) or local")
    p.add_argument("--write", action="store_true", help="write `## Soak` in bench/RESULTS.md")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="aisle-soak-"))
    overrides = {"AISLE_DATA_DIR": str(work / "data"), "AISLE_GENERATOR": args.generator,
                 "AISLE_SECRET_KEY": uuid.uuid4().hex, "AISLE_LOG_LEVEL": "WARNING"}
    load_before = load_average()
    waves: list[ShopperRun] = []
    staff_log: list[str] = []
    with app_servers(1, app_env(**overrides), log_dir=work / "logs", timeout_s=900) as [server]:
        clients = [AisleClient(server.url), AisleClient(server.url)]  # staff_desk acts on "two" servers
        clients[0].chat("hello")  # one-off warm-up (caches, model), not counted
        live: dict[int, str] = {}  # the current wave's sessions, for the staff desk
        stop = threading.Event()
        desk = threading.Thread(target=staff_desk, args=(clients, live, stop, staff_log), name="staff")
        deadline = time.monotonic() + args.minutes * 60
        t0 = time.perf_counter()
        with MemoryLog(server.proc.pid) as memory:
            desk.start()
            while time.monotonic() < deadline:
                live.clear()
                run = run_shoppers([clients[0]], args.shoppers, max_seconds=deadline - time.monotonic(),
                                   first=len(waves) * args.shoppers, think_s=args.think_seconds,
                                   on_session=live.__setitem__)
                waves.append(run)
                print(f"wave {len(waves)}: {len(run.sent)} messages, "
                      f"{sum(s.answer.error is not None for s in run.sent)} errors, "
                      f"{time.perf_counter() - t0:.0f} s, RSS {rss_mb(server.proc.pid):.0f} MiB", flush=True)
            stop.set()
            desk.join()
        wall = time.perf_counter() - t0
        problems = [p for run in waves for p in check_stored(clients[0], run)]
        stored = sum(sum(t["role"] == "user" for t in clients[0].history(sid))
                     for run in waves for sid in run.sessions.values())
        for c in clients:
            c.close()
        log = server.log_tail(10_000_000)
    sent = [s for run in waves for s in run.sent]
    errors = [s for s in sent if s.answer.error is not None]
    to_staff = sum(s.answer.reply.get("answered_by") == "staff" for s in sent if s.answer.error is None)
    whole = [s.answer.total_s for s in sent if s.answer.error is None and s.answer.reply.get("answered_by") != "staff"]
    staff_errors = [x for x in staff_log if x.startswith("error")]
    tracebacks = log.count("Traceback")
    for p in problems[:20]:
        print("PROBLEM", p, file=sys.stderr)
    if errors:
        print(f"first error: {first_error(next(r for r in waves if any(s.answer.error for s in r.sent)))}",
              file=sys.stderr)
    growth = memory.samples[-1][1] - memory.samples[0][1]
    mid = min(memory.samples, key=lambda x: abs(x[0] - memory.samples[-1][0] / 2))[1]  # bounded: the second
    halves = f"{mid - memory.samples[0][1]:+.0f} / {memory.samples[-1][1] - mid:+.0f} MiB"  # half grows less
    rows = [f"| {t / 60:.1f} | {mb:.0f} | {load} |" for t, mb, load in memory.samples]
    body = "\n".join([
        f"`python bench/soak.py --minutes {args.minutes:g} --shoppers {args.shoppers} --think-seconds "
        f"{args.think_seconds:g} --generator {args.generator}`: one app server (`app.py`'s app plus the bench "
        f"driver's staff routes), SQLite sessions, shoppers on the public `POST /api/v1/chat` over loopback, "
        f"{args.shoppers} at a time in waves of new sessions (one script each), a staff member taking a live "
        f"chat over, replying and handing it back about every 2 s; {today()}, {machine()}; load average "
        f"(1/5/15 min) {load_before} before, {load_average()} after (the 2 cores are shared with other jobs).",
        "",
        "| | |",
        "|---|---|",
        f"| wall time | {wall / 60:.1f} min |",
        f"| sessions | {sum(len(r.sessions) for r in waves)} in {len(waves)} waves |",
        f"| messages sent | {len(sent)} |",
        f"| messages stored (user turns read back) | {stored} |",
        f"| answered by the bot / held by staff | {len(sent) - len(errors) - to_staff} / {to_staff} |",
        f"| request errors | {len(errors)} |",
        f"| stored-once check (lost, doubled, out of order or unanswered) | {len(problems)} problems |",
        f"| takeovers / handed back / staff errors | {len(staff_log)} / "
        f"{sum(x == 'handed back' for x in staff_log)} / {len(staff_errors)} |",
        f"| whole answer p50 / p95 | {percentile(whole, 50):.2f} / {percentile(whole, 95):.2f} s |",
        f"| tracebacks in the app's log | {tracebacks} |",
        f"| app RSS start / end (growth) | {memory.samples[0][1]:.0f} / {memory.samples[-1][1]:.0f} MiB "
        f"({growth:+.0f} MiB) |",
        f"| RSS growth first half / second half | {halves} |",
        "",
        "Resident memory of the app process:",
        "",
        "| minute | RSS MiB | load average |",
        "|---|---|---|",
        *rows,
    ])
    print(body)
    if args.write:
        write_section("Soak", body)
    return 1 if problems or errors or staff_errors or tracebacks or stored != len(sent) else 0


if __name__ == "__main__":
    sys.exit(main())
