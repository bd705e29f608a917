"""`Assistant`: the object developers, the web app and the staff console all use."""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.inputs import MAX_MESSAGE_CHARS, check_session_id
from assistant.reply import Reply

if TYPE_CHECKING:
    from assistant.generation.base import Generator
    from assistant.sessions.base import HandoffEvent, SessionStatus, SessionStore, SessionSummary, Turn
    from assistant.settings import Settings
    from catalog.models import Product
    from retrieval.retriever import Retriever

logger = logging.getLogger(__name__)


class ReplyStream:
    """Text deltas of one reply, pulled by the caller. `.products` is set before the first delta
    (cards can render while the text streams); `.reply` once the stream is exhausted."""

    def __init__(self, events: Iterator[Any]) -> None:
        self._events = events
        self.products: list[Product] = []
        self.reply: Reply | None = None

    def __iter__(self) -> Iterator[str]:
        for event in self._events:
            if event.kind == "delta":
                yield event.value
            elif event.kind == "products":
                self.products = list(event.value)
            elif event.kind == "reply":
                self.reply = event.value

    def events(self) -> Iterator[Any]:
        """The raw events (products / delta / reply), for UIs that render cards before text."""
        for event in self._events:
            if event.kind == "products":
                self.products = list(event.value)
            elif event.kind == "reply":
                self.reply = event.value
            yield event


def _delegated(name: str, doc: str) -> property:
    """An Assistant attribute that lives on its `TurnDeps`."""
    return property(lambda self: getattr(self.deps, name), lambda self, value: setattr(self.deps, name, value), doc=doc)


class Assistant:
    """Multi-turn shopping assistant over one catalog, with sessions, intent and a human handoff."""

    def __init__(
        self,
        *,
        retriever: "Retriever",
        sessions: "SessionStore",
        generator: "Generator | None",
        intent_scorer: Any = None,
        nudge_policy: Any = None,
        escalation_enabled: bool = True,
        max_products: int = 4,
        max_new_tokens: int = 72,
        max_message_chars: int = MAX_MESSAGE_CHARS,
        policies: Any = None,
        act_model: Any = None,
    ) -> None:
        from language import Vocabulary

        self.retriever, self.sessions = retriever, sessions
        self.vocab = Vocabulary.from_products(retriever.store.iter_products())
        from assistant.turn.deps import TurnDeps

        # Everything a turn touches, passed explicitly: the turn never reaches back into this object.
        self.deps = TurnDeps(
            catalog=retriever.store, retriever=retriever, sessions=sessions, generator=generator,
            vocab=self.vocab, intent_scorer=intent_scorer, nudge_policy=nudge_policy, policies=policies,
            act_model=act_model,
            escalation_enabled=escalation_enabled, max_products=max_products, max_new_tokens=max_new_tokens,
            max_message_chars=max_message_chars)
        self._locks: dict[str, threading.Lock] = {}
        self._background: dict[str, threading.Thread] = {}
        self._locks_guard = threading.Lock()
        warm_up = getattr(generator, "warm_up", None)
        if warm_up is not None:  # the system rules are the same every turn: prefill them once, now
            from assistant.messages import ChatMessage
            from prompts import render

            try:
                warm_up([ChatMessage.system(render("system"))])
            except Exception as exc:  # a cold first turn is slower, not wrong
                logger.warning("could not pre-compute the system prompt (%s); the first turn starts cold", exc)

    # The turn reads these from `deps`; setting them on the Assistant changes what the next turn uses.
    generator = _delegated("generator", "The model that phrases answers (None: answers from catalog rows only).")
    intent_scorer = _delegated("intent_scorer", "Scores each shopper message's purchase intent.")
    nudge_policy = _delegated("nudge_policy", "Decides when to offer an incentive.")
    policies = _delegated("policies", "Answers shipping/returns/... questions from the shop's policy text.")
    escalation_enabled = _delegated("escalation_enabled", "Whether the bot may hand chats to staff.")
    max_products = _delegated("max_products", "Cards per answer.")
    max_new_tokens = _delegated("max_new_tokens", "Longest generated recommendation, in tokens.")
    max_message_chars = _delegated("max_message_chars", "Longest shopper message accepted.")
    act_model = _delegated("act_model", "Learned dialogue-act heads, asked where the rules find nothing.")

    # -- construction ----------------------------------------------------------------------------
    @classmethod
    def from_defaults(cls, *, settings: "Settings | None" = None, generator: "Generator | None | str" = "auto",
                      **options: Any) -> "Assistant":
        """The demo catalog, local models and SQLite sessions in the data dir (AISLE_DATA_DIR or ~/.aisle)."""
        from assistant.settings import Settings
        from catalog import ensure_demo_catalog

        settings = settings or Settings.from_env()
        db = ensure_demo_catalog(settings.catalog_path)
        return cls.from_catalog(db, settings=settings, generator=generator, **options)

    @classmethod
    def from_catalog(cls, db_path: str | Path, *, settings: "Settings | None" = None,
                     generator: "Generator | None | str" = "auto", **options: Any) -> "Assistant":
        """A shop's own imported catalog (`python -m catalog import ...`), everything else as configured."""
        from assistant.generation import load_generator
        from assistant.intent import IntentScorer
        from assistant.nudges import NudgePolicy
        from assistant.sessions import open_session_store
        from assistant.settings import Settings
        from retrieval.retriever import Retriever

        settings = settings or Settings.from_env()
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        retriever = Retriever.open(db_path, embedder=settings.embedder)
        sessions = open_session_store(settings.session_store_url or settings.sessions_path)
        if generator == "auto" and settings.generator == "none":
            generator = None  # answers come from catalog-row templates only
        elif generator == "auto":
            generator = load_generator(settings)  # raises GeneratorError with the fix when it cannot load
        elif isinstance(generator, str):
            settings.generator = generator
            generator = load_generator(settings)
        from retrieval.embedder import load_embedder

        # The intent head was trained on MiniLM vectors, whatever embedder the product index uses.
        options.setdefault("intent_scorer", IntentScorer.from_defaults(embedder=load_embedder("minilm")))
        options.setdefault("nudge_policy", NudgePolicy())
        if "act_model" not in options:
            from assistant.intent.act_head import ActClassifier

            options["act_model"] = ActClassifier.from_defaults().act  # consulted only where the rules find nothing
        if "policies" not in options:
            from assistant.policies import PolicyDesk

            options["policies"] = PolicyDesk.from_store(retriever.store)  # empty when the shop has none
        return cls(retriever=retriever, sessions=sessions, generator=generator, **options)

    # -- shopper side ----------------------------------------------------------------------------
    def new_session(self) -> str:
        """A fresh session id (the web widget keeps it in the browser)."""
        return self.sessions.create_session()

    def chat(self, message: str, session_id: str | None = None) -> Reply:
        """Answer one message and return the whole Reply."""
        stream = self.stream(message, session_id=session_id)
        for _ in stream:
            pass
        assert stream.reply is not None
        return stream.reply

    def stream(self, message: str, session_id: str | None = None) -> ReplyStream:
        """Answer one message as text deltas; iterate it, then read `.reply` / `.products`."""
        from assistant.turn import run_turn

        session_id = self._session(session_id)
        return ReplyStream(self._locked(session_id, run_turn(self.deps, message, session_id)))

    def _locked(self, session_id: str, events: Iterator[Any]) -> Iterator[Any]:
        # One turn at a time per session: a double-clicked send must not interleave two turns' state.
        with self._lock_for(session_id):
            yield from events

    def _lock_for(self, session_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(session_id, threading.Lock())

    def _session(self, session_id: str | None) -> str:
        if session_id is None:
            return self.sessions.create_session()
        check_session_id(session_id)
        if not self.sessions.session_exists(session_id):
            self.sessions.create_session(session_id)
        return session_id

    def history(self, session_id: str, *, after_id: int = 0) -> list["Turn"]:
        """Shopper-visible turns (user, assistant, staff), oldest first; poll with `after_id`."""
        return self.sessions.turns(check_session_id(session_id), after_id=after_id)

    def products(self, ids: list[str]) -> list["Product"]:
        """Catalog rows for ids (e.g. the cards of a stored turn)."""
        return self.retriever.store.get_many(ids)

    def cart(self, session_id: str) -> dict:
        """The session's cart with catalog prices and total."""
        from assistant import cart
        from assistant.turn.state import SessionState

        state = SessionState.from_dict(self.sessions.load_state(check_session_id(session_id)))
        return cart.summary(state.cart, self.retriever.store.get_many)

    def add_to_cart(self, session_id: str, product_id: str, *, quantity: int = 1) -> dict:
        """Add a product by id (the card's button); returns the cart."""
        from assistant import cart
        from assistant.turn.state import SessionState

        session_id = self._session(session_id)
        product = self.retriever.store.get(product_id)
        if product is None:
            raise KeyError(f"No product {product_id!r} in the catalog")
        if not product.in_stock:
            raise ValueError(f"{product.title} is out of stock")
        with self._lock_for(session_id):
            state = SessionState.from_dict(self.sessions.load_state(session_id))
            cart.add(state.cart, product, quantity)
            view = cart.summary(state.cart, self.retriever.store.get_many)
            state.cart_value = view["total"]
            state.focus = product.id
            self.sessions.save_state(session_id, state.to_dict())
        return view

    def feedback(self, session_id: str, turn_id: int, value: int) -> None:
        """Thumbs up (+1) or down (-1) on an answer, stored with the turn."""
        if value not in (1, -1):
            raise ValueError("feedback value must be 1 (thumbs up) or -1 (thumbs down)")
        self.sessions.set_feedback(check_session_id(session_id), turn_id, value)

    def status(self, session_id: str) -> "SessionStatus":
        return self.sessions.status(check_session_id(session_id))

    def link_shopper(self, session_id: str, shopper_id: str) -> None:
        """Tie a chat to a returning shopper (the shop's own customer id), so history shapes recommendations."""
        from assistant.turn.state import SessionState

        session_id = self._session(session_id)
        self.sessions.link_shopper(session_id, shopper_id)
        with self._lock_for(session_id):
            state = SessionState.from_dict(self.sessions.load_state(session_id))
            state.shopper_id = shopper_id.strip()
            self.sessions.save_state(session_id, state.to_dict())

    def forget_shopper(self, shopper_id: str) -> int:
        """Delete everything kept about a shopper, everywhere (a delete-my-data request); returns sessions removed."""
        return self.sessions.forget_shopper(shopper_id)

    # -- staff side ------------------------------------------------------------------------------
    def sessions_overview(self, *, include_closed: bool = False) -> list["SessionSummary"]:
        """Live chats: escalated first (longest waiting first), then held by staff, then by intent."""
        return self.sessions.list_sessions(include_closed=include_closed)

    def escalations(self) -> list["SessionSummary"]:
        """Chats waiting for or held by a person."""
        return [s for s in self.sessions.list_sessions() if s.mode in ("waiting", "staff")]

    def escalate(self, session_id: str, reason: str = "human_request") -> "SessionStatus":
        return self.sessions.escalate(check_session_id(session_id), reason)

    def take_over(self, session_id: str, *, staff: str) -> "SessionStatus":
        """A person takes the chat; the bot stops answering it at once (a reply in progress stops too)."""
        return self.sessions.take_over(check_session_id(session_id), staff=_staff(staff))

    def staff_reply(self, session_id: str, text: str, *, staff: str) -> "Turn":
        """A message from the person holding the chat."""
        from assistant.inputs import clean_message
        from assistant.sessions import HandoffConflictError

        session_id, staff = check_session_id(session_id), _staff(staff)
        status = self.sessions.status(session_id)
        if status.mode != "staff" or status.held_by != staff:
            raise HandoffConflictError(
                f"{staff} does not hold chat {session_id} (held by {status.held_by or 'nobody'}): take it over first")
        cleaned, problem = clean_message(text, max_chars=10_000)
        if problem in ("empty", "unreadable"):
            raise ValueError("A staff reply needs some text")
        return self.sessions.append_turn(session_id, "staff", cleaned, meta={"staff": staff})

    def hand_back(self, session_id: str, *, staff: str, wait: bool = True) -> "SessionStatus":
        """Give the chat back to the bot: the shopper is told, and a message they sent after staff's
        last reply is answered now (it would otherwise wait forever)."""
        session_id, staff = check_session_id(session_id), _staff(staff)
        status = self.sessions.hand_back(session_id, staff=staff)
        # Answering may take the model a few seconds: a staff console passes wait=False.
        worker = threading.Thread(target=self._after_hand_back, args=(session_id, staff),
                                  name=f"hand-back-{session_id[:8]}", daemon=True)
        self._background[session_id] = worker
        worker.start()
        if wait:  # the Python API returns once the left message is answered; the web console doesn't wait
            worker.join()
        return status

    def wait(self, session_id: str, timeout: float | None = None) -> None:
        """Block until background work for a chat (answering after a hand-back) is done."""
        worker = self._background.get(session_id)
        if worker is not None:
            worker.join(timeout)

    def _after_hand_back(self, session_id: str, staff: str) -> None:
        from assistant.sessions import SessionClosedError

        try:
            with self._lock_for(session_id):
                self._answer_left_message(session_id, staff)
        except SessionClosedError:  # staff closed the chat right after handing it back: nothing to say
            pass
        except Exception:  # the hand-back itself succeeded; the shopper can still ask again
            logger.exception("could not answer the message left during the takeover")

    def _answer_left_message(self, session_id: str, staff: str) -> None:
        from assistant.turn import SessionState, run_turn
        from prompts import phrase

        turns = self.sessions.turns(session_id)
        lang = SessionState.from_dict(self.sessions.load_state(session_id)).lang
        self.sessions.append_turn(session_id, "assistant", phrase("staff_left", lang, staff=staff),
                                  meta={"act": "handed_back", "staff": staff})
        pending = None
        for turn in reversed(turns):
            if turn.role in ("staff", "assistant"):
                break
            if turn.role == "user" and not (turn.meta or {}).get("rejected"):
                pending = turn
                break
        if pending is None:
            return
        for _ in run_turn(self.deps, pending.text, session_id, already_stored=True):
            pass

    def close(self, session_id: str, *, staff: str | None = None) -> "SessionStatus":
        return self.sessions.close(check_session_id(session_id), staff=staff)

    def add_note(self, session_id: str, text: str, *, staff: str) -> "HandoffEvent":
        """A private staff note; shoppers never see it."""
        return self.sessions.add_note(check_session_id(session_id), staff=_staff(staff), text=text)

    def events(self, session_id: str) -> list["HandoffEvent"]:
        """Every escalation, takeover, hand-back, close and note of a chat."""
        return self.sessions.events(check_session_id(session_id))


def _staff(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 80:
        raise ValueError("staff must be a name of 1-80 characters (it is shown to the shopper)")
    return name
