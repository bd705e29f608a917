"""When to offer an incentive: only to shoppers in the middle band of purchase intent.

Above `high` the shopper will likely buy anyway (an offer only gives margin away); below `low` an
offer is unlikely to change a browser's mind and reads as pushy. The policy keeps no state of its
own: the caller passes the nudges already offered in this session (`previous`), or the session's
state dict (`state`, where offers are recorded under "nudges"), so the "once per session" rule
holds across processes and servers as long as the caller persists what it gets back.

Incentives are measured, not assumed to work: `decide_and_record` writes each session's decision
(its intent band, offered or not) to the session store, which then tracks what followed (cart
adds, cart value, further turns). `holdout` keeps a stable share of middle-band sessions without
an offer, the comparison group that shows whether the offer changes anything.
`python -m assistant.nudges report` prints the outcome per intent band.
"""
from __future__ import annotations

import hashlib
import logging
import math
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.sessions.base import IncentiveLog, NudgeOutcome

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Nudge:
    """One offer made to one session; plain data for the session store."""

    session_id: str
    kind: str  # e.g. "free_shipping", "percent_off"
    text: str  # the configured offer text shown to the shopper (never shopper text)
    score: float  # the intent score that triggered it
    at: float  # unix seconds
    turn: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Nudge":
        return cls(**data)


@dataclass(frozen=True)
class NudgePolicy:
    """Offer `text` when `low <= score < high`, at most `max_per_session` times, `cooldown_seconds` apart."""

    low: float = 0.35
    high: float = 0.75
    kind: str = "free_shipping"
    text: str = "Free shipping on this order"
    max_per_session: int | None = 1  # None: no cap, the cooldown alone spaces offers
    cooldown_seconds: float | None = None  # None: only the cap applies
    min_turns: int = 2  # the score on a first turn rests on one utterance; wait for a second
    holdout: float = 0.0  # share of middle-band sessions kept offer-free as the comparison group (0..<1)

    def __post_init__(self) -> None:
        if not 0.0 <= self.low < self.high <= 1.0:
            raise ValueError(f"NudgePolicy needs 0 <= low < high <= 1, got low={self.low}, high={self.high}")
        if self.max_per_session is None and self.cooldown_seconds is None:
            raise ValueError("NudgePolicy would offer on every turn: set max_per_session or cooldown_seconds")
        if self.max_per_session is not None and self.max_per_session < 1:
            raise ValueError(f"max_per_session must be >= 1 or None, got {self.max_per_session}")
        if self.cooldown_seconds is not None and self.cooldown_seconds < 0:
            raise ValueError(f"cooldown_seconds must be >= 0 or None, got {self.cooldown_seconds}")
        if not 0.0 <= self.holdout < 1.0:
            raise ValueError(f"holdout must be in [0, 1), got {self.holdout}")

    def band(self, score: float) -> str:
        """'low', 'middle' or 'high': where `score` falls against the policy's thresholds."""
        return "low" if score < self.low else "middle" if score < self.high else "high"

    def held_out(self, session_id: str) -> bool:
        """Whether this session belongs to the comparison group: a hash of its id, so every server agrees."""
        if self.holdout <= 0:
            return False
        digest = hashlib.sha256(f"aisle-nudge-holdout:{session_id}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64 < self.holdout

    @classmethod
    def from_dict(cls, data: dict) -> "NudgePolicy":
        """From configuration (e.g. a JSON or TOML table); unknown keys are an error, to catch typos."""
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"Unknown NudgePolicy option(s) {sorted(unknown)}: use some of {sorted(known)}")
        return cls(**data)

    def decide(
        self,
        session_id: str,
        score: float,
        *,
        previous: Sequence[Nudge] = (),
        turn: int | None = None,
        now: float | None = None,
        state: dict | None = None,
    ) -> Nudge | None:
        """The nudge to offer now, or None.

        `previous` = nudges already offered (any session's; filtered here). With `state` (the dialogue
        manager's per-session dict), earlier offers are read from and the new one appended to
        `state["nudges"]`, and `turn` defaults to `state["turns"]`; the caller saves the state as usual.
        """
        if not isinstance(score, (int, float)) or math.isnan(score) or not 0.0 <= score <= 1.0:
            raise ValueError(f"score must be a number in [0, 1], got {score!r}")
        if state is not None:
            previous = [*previous, *(Nudge.from_dict(d) for d in state.get("nudges", []))]
            turn = state.get("turns") if turn is None else turn
        nudge = self._decide(session_id, float(score), previous, turn, now)
        if nudge is not None and state is not None:
            state.setdefault("nudges", []).append(nudge.to_dict())
        return nudge

    def decide_and_record(self, log: "IncentiveLog", session_id: str, score: float, *, state: dict,
                          cart_value: float = 0.0, now: float | None = None) -> Nudge | None:
        """`decide` with `state`, plus the decision written to the store so its outcome can be measured.

        Writes once per session when the policy first looks at it (turn >= min_turns), and again
        when an offer is made; `state["nudge_logged"]` remembers the first write across servers.
        A held-out session is written again on each middle-band turn (the store keeps the first of
        those), so it enters the comparison group at the same moment it would have been offered.
        """
        nudge = self.decide(session_id, score, state=state, now=now)
        turn = state.get("turns")
        if turn is not None and turn < self.min_turns:
            return nudge
        band = self.band(float(score))
        held_out = nudge is None and band == "middle" and self.held_out(session_id)
        if nudge is not None or held_out or not state.get("nudge_logged"):
            log.record_nudge_decision(
                session_id, band=band, score=float(score), offered=nudge is not None, held_out=held_out,
                kind=nudge.kind if nudge else None, turn=turn, cart_value=cart_value)
            state["nudge_logged"] = True
        return nudge

    def _decide(self, session_id: str, score: float, previous: Sequence[Nudge], turn: int | None, now: float | None) -> Nudge | None:
        if not (self.low <= score < self.high):
            return None
        if turn is not None and turn < self.min_turns:
            return None
        if self.held_out(session_id):
            return None
        now = time.time() if now is None else now
        mine = [n for n in previous if n.session_id == session_id]
        if self.max_per_session is not None and len(mine) >= self.max_per_session:
            return None
        if self.cooldown_seconds is not None and mine and now - max(n.at for n in mine) < self.cooldown_seconds:
            return None
        nudge = Nudge(session_id, self.kind, self.text, float(score), now, turn)
        logger.info("nudge offered session=%s kind=%s score=%.3f", session_id, self.kind, score)
        return nudge


# -- measurement --------------------------------------------------------------------------------
@dataclass(frozen=True)
class GroupOutcome:
    """What followed the decision for one group of sessions (offered, held out, or not offered)."""

    sessions: int
    cart_added: int
    cart_add_rate: float | None  # None for an empty group
    mean_cart_value: float | None  # cart value as last saved since the decision
    mean_turns_after: float | None  # further shopper turns: staying in the chat


@dataclass(frozen=True)
class BandReport:
    """One intent band: how many sessions, and the outcome with and without an offer."""

    band: str
    sessions: int
    offered: GroupOutcome
    held_out: GroupOutcome  # middle band only: eligible, deliberately not offered
    not_offered: GroupOutcome  # every session without an offer (held-out ones included)


def _group(rows: Sequence["NudgeOutcome"]) -> GroupOutcome:
    n = len(rows)
    added = sum(r.cart_added for r in rows)
    if not n:
        return GroupOutcome(0, 0, None, None, None)
    return GroupOutcome(n, added, added / n, sum(r.cart_value_after for r in rows) / n,
                        sum(r.turns_after for r in rows) / n)


def incentive_report(outcomes: Sequence["NudgeOutcome"]) -> list[BandReport]:
    """Per intent band (low, middle, high): outcomes of offered vs. not-offered sessions."""
    from assistant.sessions.base import BANDS

    reports = []
    for band in BANDS:
        rows = [o for o in outcomes if o.band == band]
        reports.append(BandReport(band, len(rows), _group([o for o in rows if o.offered]),
                                  _group([o for o in rows if o.held_out]),
                                  _group([o for o in rows if not o.offered])))
    return reports


def format_report(reports: Sequence[BandReport]) -> str:
    """A plain-text table of `incentive_report` for the command line."""
    def cell(value: float | None, fmt: str) -> str:
        return "-" if value is None else format(value, fmt)

    lines = ["band     group        sessions  cart adds  add rate  mean cart  turns after"]
    for r in reports:
        for name, g in (("offered", r.offered), ("held out", r.held_out), ("not offered", r.not_offered)):
            if name == "held out" and not g.sessions:
                continue
            lines.append(f"{r.band:<8} {name:<12} {g.sessions:>8}  {g.cart_added:>9}  "
                         f"{cell(g.cart_add_rate, '8.1%')}  {cell(g.mean_cart_value, '9.2f')}  "
                         f"{cell(g.mean_turns_after, '11.2f')}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """`python -m assistant.nudges report [--store URL] [--days N] [--json]`."""
    import argparse
    import json
    import sys

    from assistant.sessions import open_session_store
    from assistant.settings import Settings

    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="python -m assistant.nudges", description="Incentive outcomes.")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="cart adds, cart value and further turns per intent band, offer vs. none")
    rep.add_argument("--store", default=settings.session_store_url or str(settings.sessions_path),
                     help="session store: a SQLite path or postgresql:// URL (default: AISLE_SESSION_STORE)")
    rep.add_argument("--days", type=float, default=None, help="only decisions from the last N days")
    rep.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    store = open_session_store(args.store)
    try:
        since = time.time() - args.days * 86400 if args.days else None
        reports = incentive_report(store.nudge_outcomes(since=since))
    finally:
        store.dispose()
    if args.json:
        sys.stdout.write(json.dumps([asdict(r) for r in reports], indent=2) + "\n")
    else:
        sys.stdout.write(format_report(reports) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
