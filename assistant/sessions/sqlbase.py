"""Session store behaviour shared by the SQL backends.

SQLite and PostgreSQL run the very same statements (written with `?` placeholders), so the two
cannot drift apart; a backend only supplies transactions, JSON columns and its migrations.
Each state change is one conditional UPDATE whose WHERE clause encodes the rule ("nobody holds
it", "you hold it"); zero rows changed means the rule failed, and only then do we read the row to
say why. That keeps take_over atomic without holding locks across round trips.
"""

from __future__ import annotations

import json
import logging
import math
import secrets
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, NamedTuple

from assistant.sessions.base import (
    ROLES,
    HandoffConflictError,
    HandoffEvent,
    SessionClosedError,
    SessionStatus,
    SessionSummary,
    Turn,
    UnknownSessionError,
)
from assistant.sessions.incentives import IncentiveLogMixin, track_cart, track_turn
from assistant.sessions.reporting import ReportingMixin
from assistant.sessions.shoppers import ShopperMixin

logger = logging.getLogger(__name__)

Clock = Callable[[], float]

_STATUS_COLUMNS = "id, mode, held_by, escalation_reason, escalated_at, created_at, last_activity"
_SUMMARY_COLUMNS = (
    "id, mode, held_by, escalation_reason, escalated_at, last_intent, cart_value, turn_count,"
    " last_activity, last_user_text"
)
_TURN_COLUMNS = "id, session_id, role, text, created_at, product_ids, intent, meta, feedback"
_EVENT_COLUMNS = "id, session_id, kind, staff, detail, created_at"
_MODE_RANK = {"waiting": 0, "staff": 1, "bot": 2, "closed": 3}


class Migration(NamedTuple):
    """A named schema step. Applied once, in order, in one transaction; never edited once shipped."""

    name: str
    statements: tuple[str, ...]


def order_summaries(summaries: list[SessionSummary]) -> list[SessionSummary]:
    """Dashboard order: waiting longest first, then staff-held, then bot chats by intent (unknown last)."""

    def key(s: SessionSummary) -> tuple:
        if s.mode == "waiting":
            primary = s.escalated_at or 0.0
        else:
            primary = -s.last_intent if s.last_intent is not None else math.inf
        return (_MODE_RANK.get(s.mode, 9), primary, -s.last_activity, s.session_id)

    return sorted(summaries, key=key)


def cart_value_of(state: dict) -> float:
    """`state["cart_value"]` as a float (0 when absent), so the dashboard can sort without loading state."""
    value = state.get("cart_value") or 0
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"state['cart_value'] must be a number, got {value!r}") from None


def _require_text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string, got {value!r}")
    return value


class SQLSessionStore(IncentiveLogMixin, ReportingMixin, ShopperMixin):
    """A `SessionStore`, `IncentiveLog` and activity reader over a DB-API-like cursor; subclasses add the rest."""

    def __init__(self, *, clock: Clock):
        self._clock = clock

    # -- backend hooks -------------------------------------------------------------------------

    def _transaction(self, *, write: bool) -> AbstractContextManager[Any]:
        """A transaction yielding a cursor that takes `?` placeholders and returns rows by column name."""
        raise NotImplementedError

    def _json(self, value: Any) -> Any:
        """Python value -> parameter for a JSON column."""
        raise NotImplementedError

    def _unjson(self, value: Any) -> Any:
        """JSON column value -> Python value."""
        raise NotImplementedError

    _migration_lock_sql: str | None = None  # serialises concurrent first opens where BEGIN does not

    def _apply_migrations(self, migrations: Sequence[Migration]) -> None:
        """Apply the migrations this database has not seen yet, each in its own transaction."""
        for migration in migrations:
            with self._transaction(write=True) as cur:
                if self._migration_lock_sql:
                    cur.execute(self._migration_lock_sql)
                cur.execute(
                    "CREATE TABLE IF NOT EXISTS migrations"
                    " (name TEXT PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)"
                )
                if cur.execute("SELECT 1 FROM migrations WHERE name = ?", (migration.name,)).fetchone():
                    continue
                for statement in migration.statements:
                    cur.execute(statement)
                cur.execute(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (migration.name, self._clock())
                )
                logger.info("Applied session store migration %s", migration.name)

    # -- sessions and turns --------------------------------------------------------------------

    def create_session(self, session_id: str | None = None) -> str:
        """Create a session (128 random bits as 32 hex when None) and return its id; an existing id is left as is."""
        session_id = secrets.token_hex(16) if session_id is None else _require_text("session_id", session_id)
        now = self._clock()
        with self._transaction(write=True) as cur:
            cur.execute(
                "INSERT INTO sessions (id, mode, created_at, last_activity) VALUES (?, 'bot', ?, ?)"
                " ON CONFLICT (id) DO NOTHING",
                (session_id, now, now),
            )
        return session_id

    def session_exists(self, session_id: str) -> bool:
        """True if the session was created (closed ones included)."""
        with self._transaction(write=False) as cur:
            return self._exists(cur, session_id)

    def append_turn(
        self,
        session_id: str,
        role: str,
        text: str,
        *,
        product_ids: Sequence[str] = (),
        intent: float | None = None,
        meta: dict | None = None,
    ) -> Turn:
        """Append a shopper-visible turn; raises UnknownSessionError, or SessionClosedError once closed."""
        role = str(getattr(role, "value", role))  # accept ChatRole too
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, got {role!r}")
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, got {type(text).__name__}")
        if isinstance(product_ids, str):
            raise TypeError("product_ids must be a list of ids, not one string: wrap it as [product_id]")
        ids = [str(p) for p in product_ids]
        meta = dict(meta or {})
        intent = None if intent is None else float(intent)
        now = self._clock()
        # Touch the session row first: on PostgreSQL that row lock orders concurrent appends to one
        # session, so turn ids commit in increasing order and `after_id` polling never skips a turn.
        sets = ["last_activity = ?", "turn_count = turn_count + 1"]
        params: list[Any] = [now]
        if intent is not None:
            sets.append("last_intent = ?")
            params.append(intent)
        if role == "user":
            sets.append("last_user_text = ?")
            params.append(text)
        with self._transaction(write=True) as cur:
            cur.execute(
                f"UPDATE sessions SET {', '.join(sets)} WHERE id = ? AND mode <> 'closed'",
                (*params, session_id),
            )
            if cur.rowcount == 0:
                self._raise_missing_or_closed(cur, session_id, "append a turn to")
            if role == "user":
                track_turn(cur, session_id)
            row = cur.execute(
                "INSERT INTO turns (session_id, role, text, created_at, product_ids, intent, meta)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (session_id, role, text, now, self._json(ids), intent, self._json(meta)),
            ).fetchall()[0]  # fetch all: SQLite will not commit while RETURNING is unfinished
        return Turn(row["id"], session_id, role, text, now, ids, intent, meta, None)

    def turns(self, session_id: str, *, after_id: int = 0, limit: int | None = None) -> list[Turn]:
        """Turns with id > after_id, oldest first, at most `limit`; a browser polls with its last id."""
        sql = f"SELECT {_TURN_COLUMNS} FROM turns WHERE session_id = ? AND id > ? ORDER BY id"
        params: list[Any] = [session_id, int(after_id)]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._transaction(write=False) as cur:
            rows = cur.execute(sql, params).fetchall()
            if not rows and not self._exists(cur, session_id):
                raise UnknownSessionError(session_id)
        return [self._turn(r) for r in rows]

    def set_feedback(self, session_id: str, turn_id: int, value: int) -> None:
        """Record +1/-1 on an assistant turn; a second call replaces the first."""
        if value not in (1, -1) or isinstance(value, bool):
            raise ValueError(f"feedback must be +1 or -1, got {value!r}")
        with self._transaction(write=True) as cur:
            cur.execute(
                "UPDATE turns SET feedback = ? WHERE id = ? AND session_id = ? AND role = 'assistant'",
                (int(value), int(turn_id), session_id),
            )
            if cur.rowcount:
                cur.execute("UPDATE sessions SET last_activity = ? WHERE id = ?", (self._clock(), session_id))
                return
            if not self._exists(cur, session_id):
                raise UnknownSessionError(session_id)
            row = cur.execute(
                "SELECT role FROM turns WHERE id = ? AND session_id = ?", (int(turn_id), session_id)
            ).fetchone()
        if row is None:
            raise ValueError(f"No turn {turn_id} in session {session_id!r}: use an id from turns()")
        raise ValueError(f"Turn {turn_id} is a {row['role']} turn: feedback applies to assistant turns only")

    def load_state(self, session_id: str) -> dict:
        """The dialogue manager's JSON state as last saved; {} before the first save."""
        with self._transaction(write=False) as cur:
            row = cur.execute(
                "SELECT state FROM session_state WHERE session_id = ?", (session_id,)
            ).fetchone()
            if row is None:
                if not self._exists(cur, session_id):
                    raise UnknownSessionError(session_id)
                return {}
        return self._unjson(row["state"])

    def save_state(self, session_id: str, state: dict) -> None:
        """Replace the dialogue state (kept apart from turns, so saving never loses a turn)."""
        if not isinstance(state, dict):
            raise TypeError(f"state must be a dict, got {type(state).__name__}")
        try:
            json.dumps(state)
        except (TypeError, ValueError) as exc:
            raise TypeError(
                f"state must be JSON-serialisable (turn sets and objects into lists/dicts): {exc}"
            ) from None
        cart_value = cart_value_of(state)
        now = self._clock()
        with self._transaction(write=True) as cur:
            cur.execute(
                "UPDATE sessions SET cart_value = ?, last_activity = ? WHERE id = ?",
                (cart_value, now, session_id),
            )
            if cur.rowcount == 0:
                raise UnknownSessionError(session_id)
            track_cart(cur, session_id, cart_value)
            cur.execute(
                "INSERT INTO session_state (session_id, state, version, updated_at) VALUES (?, ?, 1, ?)"
                " ON CONFLICT (session_id) DO UPDATE SET state = excluded.state,"
                " version = session_state.version + 1, updated_at = excluded.updated_at",
                (session_id, self._json(state), now),
            )

    # -- handoff -------------------------------------------------------------------------------

    def status(self, session_id: str) -> SessionStatus:
        """Current handoff mode and holder."""
        with self._transaction(write=False) as cur:
            return self._status(cur, session_id)

    def escalate(self, session_id: str, reason: str) -> SessionStatus:
        """Ask for a human: bot -> waiting. Repeats keep mode, first reason and time, and are logged as events."""
        reason = _require_text("reason", reason)
        now = self._clock()
        with self._transaction(write=True) as cur:
            # The first reason and time stay, so the queue shows how long the shopper has really waited.
            cur.execute(
                "UPDATE sessions SET mode = CASE WHEN mode = 'bot' THEN 'waiting' ELSE mode END,"
                " escalation_reason = COALESCE(escalation_reason, ?), escalated_at = COALESCE(escalated_at, ?),"
                " last_activity = ? WHERE id = ? AND mode <> 'closed'",
                (reason, now, now, session_id),
            )
            if cur.rowcount == 0:
                self._raise_missing_or_closed(cur, session_id, "escalate")
            self._insert_event(cur, session_id, "escalated", None, reason, now)
            status = self._status(cur, session_id)
        logger.info("Session %s escalated (mode %s)", session_id, status.mode)
        return status

    def take_over(self, session_id: str, *, staff: str) -> SessionStatus:
        """Atomically claim the chat for `staff` from bot or waiting; HandoffConflictError if another holds it."""
        staff = _require_text("staff", staff)
        for _ in range(3):  # only repeats if the holder handed back between our UPDATE and SELECT
            now = self._clock()
            with self._transaction(write=True) as cur:
                cur.execute(
                    "UPDATE sessions SET mode = 'staff', held_by = ?, last_activity = ?"
                    " WHERE id = ? AND mode IN ('bot', 'waiting') AND held_by IS NULL",
                    (staff, now, session_id),
                )
                if cur.rowcount == 1:
                    self._insert_event(cur, session_id, "taken_over", staff, "", now)
                    logger.info("Session %s taken over by %s", session_id, staff)
                    return self._status(cur, session_id)
                status = self._status(cur, session_id)
            if status.mode == "closed":
                raise SessionClosedError(f"Session {session_id!r} is closed: nothing to take over")
            if status.held_by == staff:
                return status
            if status.held_by is not None:
                raise HandoffConflictError(
                    f"Session {session_id!r} is already held by {status.held_by!r}:"
                    " ask them to hand it back, or pick another chat"
                )
        raise HandoffConflictError(f"Session {session_id!r} kept changing hands: try taking it over again")

    def hand_back(self, session_id: str, *, staff: str) -> SessionStatus:
        """The holder returns the chat to the bot and clears the escalation."""
        staff = _require_text("staff", staff)
        now = self._clock()
        with self._transaction(write=True) as cur:
            cur.execute(
                "UPDATE sessions SET mode = 'bot', held_by = NULL, escalation_reason = NULL,"
                " escalated_at = NULL, last_activity = ? WHERE id = ? AND mode = 'staff' AND held_by = ?",
                (now, session_id, staff),
            )
            if cur.rowcount == 1:
                self._insert_event(cur, session_id, "handed_back", staff, "", now)
                logger.info("Session %s handed back to the bot by %s", session_id, staff)
                return self._status(cur, session_id)
            status = self._status(cur, session_id)
        if status.mode == "closed":
            raise SessionClosedError(f"Session {session_id!r} is closed: nothing to hand back")
        if status.held_by is None:
            raise HandoffConflictError(
                f"Session {session_id!r} is not held by anyone (mode {status.mode!r}): take_over() it first"
            )
        raise HandoffConflictError(
            f"Session {session_id!r} is held by {status.held_by!r}, not {staff!r}: only the holder can hand it back"
        )

    def close(self, session_id: str, *, staff: str | None = None) -> SessionStatus:
        """End the session for good; a staff member may only close a chat nobody else holds."""
        if staff is not None:
            staff = _require_text("staff", staff)
        now = self._clock()
        sql = "UPDATE sessions SET mode = 'closed', held_by = NULL, last_activity = ? WHERE id = ? AND mode <> 'closed'"
        params: list[Any] = [now, session_id]
        if staff is not None:  # the shopper or a timeout (staff=None) may end a chat whoever holds it
            sql += " AND (held_by IS NULL OR held_by = ?)"
            params.append(staff)
        with self._transaction(write=True) as cur:
            cur.execute(sql, params)
            if cur.rowcount == 1:
                self._insert_event(cur, session_id, "closed", staff, "", now)
                logger.info("Session %s closed", session_id)
                return self._status(cur, session_id)
            status = self._status(cur, session_id)
        if status.mode == "closed":
            return status  # closing twice is harmless
        raise HandoffConflictError(
            f"Session {session_id!r} is held by {status.held_by!r}: only they can close it (or hand it back first)"
        )

    def add_note(self, session_id: str, *, staff: str, text: str) -> HandoffEvent:
        """A private staff note: recorded as an event, never shown to the shopper."""
        staff = _require_text("staff", staff)
        text = _require_text("text", text)
        now = self._clock()
        with self._transaction(write=True) as cur:
            if not self._exists(cur, session_id):
                raise UnknownSessionError(session_id)
            event_id = self._insert_event(cur, session_id, "note", staff, text, now)
        return HandoffEvent(event_id, session_id, "note", staff, text, now)

    def events(self, session_id: str) -> list[HandoffEvent]:
        """Every escalation, takeover, hand-back, close and note, oldest first."""
        with self._transaction(write=False) as cur:
            rows = cur.execute(
                f"SELECT {_EVENT_COLUMNS} FROM handoff_events WHERE session_id = ? ORDER BY id", (session_id,)
            ).fetchall()
            if not rows and not self._exists(cur, session_id):
                raise UnknownSessionError(session_id)
        return [
            HandoffEvent(r["id"], r["session_id"], r["kind"], r["staff"], r["detail"], r["created_at"])
            for r in rows
        ]

    def list_sessions(
        self, *, include_closed: bool = False, active_within: float | None = None
    ) -> list[SessionSummary]:
        """Dashboard rows: waiting (longest first), then staff-held, then by purchase intent, highest first."""
        now = self._clock()
        where, params = [], []
        if not include_closed:
            where.append("mode <> 'closed'")
        if active_within is not None:
            where.append("last_activity >= ?")
            params.append(now - float(active_within))
        sql = f"SELECT {_SUMMARY_COLUMNS} FROM sessions"
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._transaction(write=False) as cur:
            rows = cur.execute(sql, params).fetchall()
        summaries = [
            SessionSummary(
                session_id=r["id"],
                mode=r["mode"],
                held_by=r["held_by"],
                escalation_reason=r["escalation_reason"],
                escalated_at=r["escalated_at"],
                waiting_seconds=max(0.0, now - r["escalated_at"]) if r["mode"] == "waiting" else None,
                last_intent=r["last_intent"],
                cart_value=float(r["cart_value"]),
                turn_count=int(r["turn_count"]),
                last_activity=r["last_activity"],
                last_user_text=r["last_user_text"],
            )
            for r in rows
        ]
        return order_summaries(summaries)

    # -- helpers -------------------------------------------------------------------------------

    def _exists(self, cur: Any, session_id: str) -> bool:
        return cur.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is not None

    def _status(self, cur: Any, session_id: str) -> SessionStatus:
        r = cur.execute(f"SELECT {_STATUS_COLUMNS} FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if r is None:
            raise UnknownSessionError(session_id)
        return SessionStatus(
            r["id"],
            r["mode"],
            r["held_by"],
            r["escalation_reason"],
            r["escalated_at"],
            r["created_at"],
            r["last_activity"],
        )

    def _raise_missing_or_closed(self, cur: Any, session_id: str, action: str) -> None:
        if not self._exists(cur, session_id):
            raise UnknownSessionError(session_id)
        raise SessionClosedError(f"Cannot {action} session {session_id!r}: it is closed; start a new session")

    def _insert_event(
        self, cur: Any, session_id: str, kind: str, staff: str | None, detail: str, now: float
    ) -> int:
        row = cur.execute(
            "INSERT INTO handoff_events (session_id, kind, staff, detail, created_at)"
            " VALUES (?, ?, ?, ?, ?) RETURNING id",
            (session_id, kind, staff, detail, now),
        ).fetchall()[0]
        return int(row["id"])

    def _turn(self, r: Any) -> Turn:
        return Turn(
            id=int(r["id"]),
            session_id=r["session_id"],
            role=r["role"],
            text=r["text"],
            created_at=r["created_at"],
            product_ids=list(self._unjson(r["product_ids"])),
            intent=r["intent"],
            meta=dict(self._unjson(r["meta"])),
            feedback=r["feedback"],
        )
