"""Simulated shoppers for the load benches: short multi-turn scripts, bounded in count and in time.

Each shopper is a thread that plays one script, one message at a time (a person waits for the
answer before typing the next), against one or several app servers. Nothing here knows URLs:
shoppers talk through `bench.load_client.AisleClient`.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench.common import percentile
from bench.load_client import AisleClient, Answer

SCRIPTS: tuple[tuple[str, ...], ...] = (
    ("waterproof hiking boots under ${budget}", "tell me about the second one", "do they come in size 10?", "cheaper"),
    ("I need a {colour} rain jacket", "which one is the lightest?", "is it breathable?"),
    ("a tent for {people} people", "compare the first two", "what is your return policy?"),
    ("warm {colour} gloves for winter", "any under ${budget}?", "show my cart"),
    ("do you have any backpacks under ${budget}", "what else do you have", "how long is shipping?"),
    ("{colour} running shoes for women", "the first one", "does it come in size 8?", "thanks"),
)
COLOURS = ("black", "blue", "green", "red", "grey", "white", "brown", "yellow")


def script_for(shopper: int) -> list[str]:
    """The shopper's script with its own budget, colour and party size, so no two shoppers send the
    same first message (identical messages would measure caches, not the app)."""
    script = SCRIPTS[shopper % len(SCRIPTS)]
    fill = {"budget": 40 + (shopper * 7) % 160, "colour": COLOURS[(shopper // len(SCRIPTS)) % len(COLOURS)],
            "people": 1 + shopper % 6}
    return [text.format(**fill) for text in script]


@dataclass
class Sent:
    """One message a shopper sent, where, and what came back."""

    shopper: int
    server: int
    text: str
    answer: Answer


@dataclass
class ShopperRun:
    """Everything the shoppers of one load level sent and got."""

    shoppers: int
    wall_s: float = 0.0
    sent: list[Sent] = field(default_factory=list)
    sessions: dict[int, str] = field(default_factory=dict)  # shopper -> session id

    @property
    def answers(self) -> list[Answer]:
        return [s.answer for s in self.sent]


def run_shoppers(clients: Sequence[AisleClient], shoppers: int, *, max_turns: int = 4, max_seconds: float = 120.0,
                 sticky: bool = False, think_s: float = 0.0, first: int = 0,
                 on_session: Callable[[int, str], None] | None = None) -> ShopperRun:
    """`shoppers` threads, each playing a script for at most `max_turns` messages; no message starts after
    `max_seconds`. Non-sticky: a shopper's next message goes to the next server (any may answer any chat).
    `first`: number of the first shopper (give each level new shoppers). `think_s`: a pause between an
    answer and the next message. `on_session(shopper, session_id)` is called as chats start."""
    run = ShopperRun(shoppers)
    lock = threading.Lock()
    deadline = time.monotonic() + max_seconds

    def shopper(i: int) -> None:
        script = script_for(first + i)[:max_turns]
        sid = None
        for turn, text in enumerate(script):
            if turn and think_s:
                time.sleep(think_s)  # reading the answer before typing the next message
            if time.monotonic() > deadline:
                return
            server = i % len(clients) if sticky else (i + turn) % len(clients)
            answer = clients[server].chat(text, sid)
            sid = answer.session_id or sid
            with lock:
                run.sent.append(Sent(i, server, text, answer))
                if sid and i not in run.sessions:
                    run.sessions[i] = sid
                    if on_session is not None:
                        on_session(i, sid)
            if answer.error:
                return

    threads = [threading.Thread(target=shopper, args=(i,), name=f"shopper-{i}") for i in range(shoppers)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
        time.sleep(0.05)  # shoppers arrive over a moment, not in one instant
    for t in threads:
        t.join()
    run.wall_s = time.perf_counter() - t0
    return run


def summary(run: ShopperRun) -> dict:
    """Counts and p50/p95 of first words and whole answers (seconds), over answers without errors."""
    ok = [a for a in run.answers if a.error is None]
    bot = [a for a in ok if a.reply.get("answered_by") != "staff"]
    first = [a.first_words_s for a in bot if a.first_words_s is not None]
    whole = [a.total_s for a in bot]
    return {
        "shoppers": run.shoppers,
        "requests": len(run.answers),
        "errors": len(run.answers) - len(ok),
        "to_staff": len(ok) - len(bot),
        "generated": sum(a.generated for a in bot),
        "from_rows": sum(not a.generated for a in bot),
        "first_p50": percentile(first, 50), "first_p95": percentile(first, 95),
        "whole_p50": percentile(whole, 50), "whole_p95": percentile(whole, 95),
        "answers_per_s": len(ok) / run.wall_s if run.wall_s else 0.0,
        "wall_s": run.wall_s,
    }


def first_error(run: ShopperRun) -> str | None:
    return next((f"{s.text!r} on server {s.server}: {s.answer.error}" for s in run.sent if s.answer.error), None)


TABLE_HEAD = ("| shoppers | requests | errors | model wrote / from rows | first words p50 / p95 s | "
              "whole answer p50 / p95 s | p50 vs 1 shopper | answers/s | wall s |\n"
              "|---|---|---|---|---|---|---|---|---|")


def table_row(s: dict, base: dict) -> str:
    ratio = s["whole_p50"] / base["whole_p50"] if base["whole_p50"] else float("nan")
    staff = f" (+{s['to_staff']} to staff)" if s["to_staff"] else ""
    return (f"| {s['shoppers']} | {s['requests']}{staff} | {s['errors']} | {s['generated']} / {s['from_rows']} | "
            f"{s['first_p50']:.2f} / {s['first_p95']:.2f} | {s['whole_p50']:.2f} / {s['whole_p95']:.2f} | "
            f"{ratio:.1f}x | {s['answers_per_s']:.2f} | {s['wall_s']:.1f} |")


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"
