"""When to offer an incentive: only to shoppers in the middle band of purchase intent.

Above `high` the shopper will likely buy anyway (an offer only gives margin away); below `low` an
offer is unlikely to change a browser's mind and reads as pushy. The policy keeps no state of its
own: the caller passes the nudges already offered in this session (`previous`), or the session's
state dict (`state`, where offers are recorded under "nudges"), so the "once per session" rule
holds across processes and servers as long as the caller persists what it gets back.
"""
from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass

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

    def __post_init__(self) -> None:
        if not 0.0 <= self.low < self.high <= 1.0:
            raise ValueError(f"NudgePolicy needs 0 <= low < high <= 1, got low={self.low}, high={self.high}")
        if self.max_per_session is None and self.cooldown_seconds is None:
            raise ValueError("NudgePolicy would offer on every turn: set max_per_session or cooldown_seconds")
        if self.max_per_session is not None and self.max_per_session < 1:
            raise ValueError(f"max_per_session must be >= 1 or None, got {self.max_per_session}")
        if self.cooldown_seconds is not None and self.cooldown_seconds < 0:
            raise ValueError(f"cooldown_seconds must be >= 0 or None, got {self.cooldown_seconds}")

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

    def _decide(self, session_id: str, score: float, previous: Sequence[Nudge], turn: int | None, now: float | None) -> Nudge | None:
        if not (self.low <= score < self.high):
            return None
        if turn is not None and turn < self.min_turns:
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
