"""The session store seam: conversation turns, dialogue state and the human handoff, as plain data.

Every backend (SQLite for one server, PostgreSQL for several) implements `SessionStore` and passes
the same contract tests, so the app never needs to know which one it talks to.

Handoff modes, and who moves a session between them:

    bot ──escalate──> waiting ──take_over──> staff ──hand_back──> bot
     └──────────────take_over──────────────────┘
    any mode ──close──> closed   (final: no new turns, no escalation, no takeover)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

ROLES = ("user", "assistant", "staff", "system")
MODES = ("bot", "waiting", "staff", "closed")
EVENT_KINDS = ("escalated", "taken_over", "handed_back", "closed", "note")


class UnknownSessionError(KeyError):
    """No session with this id; the message says how to get one."""

    def __init__(self, session_id: str):
        self.session_id = session_id
        super().__init__(
            f"No session {session_id!r}: call create_session() first, or check the id the browser sent"
        )

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0])


class HandoffConflictError(RuntimeError):
    """A handoff step is not allowed in the session's current state (e.g. another staff member holds it)."""


class SessionClosedError(HandoffConflictError):
    """The session was closed; shoppers must start a new one. A HandoffConflictError so one except catches both."""


class SessionStoreUnavailableError(RuntimeError):
    """The configured store cannot be used (driver missing, server down); raised, never silently replaced."""


@dataclass
class Turn:
    """One shopper-visible message. Turns are append-only; only `feedback` changes later."""

    id: int  # increases within a session in commit order, so `turns(after_id=...)` never skips one
    session_id: str
    role: str  # 'user' | 'assistant' | 'staff' | 'system'
    text: str
    created_at: float  # seconds since the epoch, from the store's clock
    product_ids: list[str] = field(default_factory=list)  # products shown with this turn
    intent: float | None = None  # purchase-intent score of a user turn, 0..1
    meta: dict = field(default_factory=dict)
    feedback: int | None = None  # +1 / -1 from the shopper, assistant turns only


@dataclass
class SessionStatus:
    """Where a session is in the handoff, read fresh from the store."""

    session_id: str
    mode: str  # 'bot' | 'waiting' | 'staff' | 'closed'
    held_by: str | None  # staff member who took over; None unless mode == 'staff'
    escalation_reason: str | None  # first reason given; cleared by hand_back
    escalated_at: float | None
    created_at: float
    last_activity: float


@dataclass
class HandoffEvent:
    """An audit record of the handoff; staff notes are events too, never turns."""

    id: int
    session_id: str
    kind: str  # 'escalated' | 'taken_over' | 'handed_back' | 'closed' | 'note'
    staff: str | None
    detail: str  # escalation reason or note text; '' otherwise
    created_at: float


@dataclass
class SessionSummary:
    """One row of the staff dashboard."""

    session_id: str
    mode: str
    held_by: str | None
    escalation_reason: str | None
    escalated_at: float | None
    waiting_seconds: float | None  # only while mode == 'waiting'
    last_intent: float | None  # intent of the latest turn that had one
    cart_value: float  # state["cart_value"] as last saved, 0 if never
    turn_count: int
    last_activity: float
    last_user_text: str  # '' before the shopper says anything


@runtime_checkable
class SessionStore(Protocol):
    """Conversations and their handoff to staff. Safe to share between a web server's threads."""

    def create_session(self, session_id: str | None = None) -> str:
        """Create a session (a new uuid4 hex id when None) and return its id; an existing id is left as is."""
        ...

    def session_exists(self, session_id: str) -> bool:
        """True if the session was created (closed ones included)."""
        ...

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
        ...

    def turns(self, session_id: str, *, after_id: int = 0, limit: int | None = None) -> list[Turn]:
        """Turns with id > after_id, oldest first, at most `limit`; a browser polls with its last id."""
        ...

    def set_feedback(self, session_id: str, turn_id: int, value: int) -> None:
        """Record +1/-1 on an assistant turn; a second call replaces the first."""
        ...

    def load_state(self, session_id: str) -> dict:
        """The dialogue manager's JSON state as last saved; {} before the first save."""
        ...

    def save_state(self, session_id: str, state: dict) -> None:
        """Replace the dialogue state (kept apart from turns, so saving never loses a turn)."""
        ...

    def status(self, session_id: str) -> SessionStatus:
        """Current handoff mode and holder."""
        ...

    def escalate(self, session_id: str, reason: str) -> SessionStatus:
        """Ask for a human: bot -> waiting. Repeats keep mode, first reason and time, and are logged as events."""
        ...

    def take_over(self, session_id: str, *, staff: str) -> SessionStatus:
        """Atomically claim the chat for `staff` from bot or waiting; HandoffConflictError if another holds it."""
        ...

    def hand_back(self, session_id: str, *, staff: str) -> SessionStatus:
        """The holder returns the chat to the bot and clears the escalation."""
        ...

    def close(self, session_id: str, *, staff: str | None = None) -> SessionStatus:
        """End the session for good; a staff member may only close a chat nobody else holds."""
        ...

    def add_note(self, session_id: str, *, staff: str, text: str) -> HandoffEvent:
        """A private staff note: recorded as an event, never shown to the shopper."""
        ...

    def events(self, session_id: str) -> list[HandoffEvent]:
        """Every escalation, takeover, hand-back, close and note, oldest first."""
        ...

    def list_sessions(
        self, *, include_closed: bool = False, active_within: float | None = None
    ) -> list[SessionSummary]:
        """Dashboard rows: waiting (longest first), then staff-held, then by purchase intent, highest first."""
        ...

    def dispose(self) -> None:
        """Release connections; the store must not be used afterwards. (`close` ends a chat, not the store.)"""
        ...


BANDS = ("low", "middle", "high")  # purchase-intent bands of the nudge policy


@dataclass
class NudgeOutcome:
    """One session's incentive decision and what followed it: the measurement behind the nudge policy.

    A row is written the first time the policy looks at a session (its band then), and rewritten
    when an offer is made later; `cart_*` and `turns_after` are then kept up to date by the store
    itself as the shopper goes on (save_state, user turns), so the turn code records decisions only.
    """

    session_id: str
    band: str  # 'low' | 'middle' | 'high'
    score: float  # the intent score at the decision
    offered: bool  # an incentive was shown
    held_out: bool  # eligible (middle band) but deliberately not offered, as the comparison group
    kind: str | None  # the incentive's kind when offered
    decided_at: float
    turn: int | None
    cart_value_at: float  # cart value when the decision was made
    cart_value_after: float  # cart value as last saved since
    cart_added: bool  # the cart grew after the decision
    turns_after: int  # shopper turns after the decision (staying in the chat)


@runtime_checkable
class IncentiveLog(Protocol):
    """Where nudge decisions and their outcomes are kept (both SQL session stores implement it)."""

    def record_nudge_decision(
        self,
        session_id: str,
        *,
        band: str,
        score: float,
        offered: bool,
        held_out: bool = False,
        kind: str | None = None,
        turn: int | None = None,
        cart_value: float = 0.0,
    ) -> None:
        """Record the session's first decision; a later offer or held-out look replaces a plain not-offered one (never the reverse)."""
        ...

    def nudge_outcomes(self, *, since: float | None = None) -> list[NudgeOutcome]:
        """Every session's decision and outcome, decided at or after `since`, oldest first."""
        ...


@dataclass
class ShopperHistory:
    """What a returning shopper did in their earlier sessions, most recent first (ids and their own words)."""

    shopper_id: str
    session_ids: list[str]
    searches: list[str]  # the shopper's search messages, newest first, no repeats
    viewed: list[str]  # product ids shown to them, newest session first
    carted: list[str]  # product ids they put in a cart


@runtime_checkable
class ShopperLog(Protocol):
    """Sessions linked by an optional shopper id, and the right to be forgotten (both SQL stores)."""

    def link_shopper(self, session_id: str, shopper_id: str) -> None:
        """Tie a session to a shopper; a session belongs to one shopper for good."""
        ...

    def shopper_history(self, shopper_id: str, *, sessions: int = 20) -> ShopperHistory:
        """Searches, viewed and carted products from the shopper's latest `sessions` sessions."""
        ...

    def forget_shopper(self, shopper_id: str) -> int:
        """Delete every session of the shopper with all it holds; returns how many sessions went."""
        ...
