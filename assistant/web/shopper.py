"""The shopper chat widget: a thin Gradio view over `Assistant`.

`ShopperChat` holds the logic (which session a browser may use, what to render after each step)
and is tested without a browser; `build_shopper()` wires it to Gradio components.

The browser keeps `{"sid", "sig"}` in local storage (`gr.BrowserState`). `sig` is an HMAC of the
session id made with the server's key, so a page can only ever read the chat it was given:
anything else it sends is ignored and a fresh chat starts instead.
"""
# No `from __future__ import annotations`: Gradio reads the handlers' `gr.EventData` / `gr.Request`
# hints at run time, and `gr` is imported inside the builder.
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.inputs import InvalidSessionIdError, check_session_id, new_session_id
from assistant.web.cards import cart_panel
from assistant.web.intake import Intake
from assistant.web.storage_faults import STORAGE_SORRY, is_storage_failure
from assistant.web.transcript import Pending, shopper_header, shopper_transcript

if TYPE_CHECKING:
    import gradio as gr

    from assistant.core import Assistant
    from assistant.web.auth import SessionSigner

logger = logging.getLogger(__name__)

QUICK_REPLIES = ("Cheaper", "Compare the first two", "Show my cart", "Talk to a person")
MAX_TURNS_SHOWN = 200  # older turns stay in the store; a page shows the recent ones
STREAM_FRAME_SECONDS = 0.05  # send the growing reply to the browser at most this often
SORRY = "Sorry, something went wrong on our side. Please try again in a moment."


@dataclass
class View:
    """What a step hands back to the page. `None` fields leave that part of the page as it is."""

    thread: str | None = None
    cart: str | None = None
    header: str | None = None
    stored: dict | None = None  # new browser-state value, written only when `store` is True
    store: bool = False
    last_seen: int | None = None  # id of the newest stored turn on the page
    mode: str | None = None  # "mode:holder" shown in the header, to notice takeovers and hand-backs
    clear_input: bool = False


class ShopperChat:
    """The widget's logic over one Assistant; every method takes the browser's stored value."""

    def __init__(self, bot: "Assistant", signer: "SessionSigner", intake: Intake | None = None) -> None:
        self.bot, self.signer = bot, signer
        self.intake = intake or Intake(max_chars=bot.max_message_chars)  # shared with the API in the app
        self._streaming: set[str] = set()  # sessions whose reply is being streamed by this server

    # -- sessions ----------------------------------------------------------------------------------
    def session(self, stored: Any) -> str | None:
        """The session id in the browser's storage if the server signed it and it exists; else None."""
        if not isinstance(stored, dict) or not stored.get("sid"):
            return None
        sid, sig = stored.get("sid"), stored.get("sig")
        if not self.signer.verify(sid, sig):
            logger.warning("ignored a browser session token that does not verify")
            return None
        try:
            self.bot.status(check_session_id(sid))
        except (InvalidSessionIdError, KeyError):  # signed by us, but the store was reset since
            return None
        return sid

    def token(self, session_id: str) -> dict:
        return {"sid": session_id, "sig": self.signer.sign(session_id)}

    # -- rendering ---------------------------------------------------------------------------------
    def _turns(self, sid: str | None) -> list:
        if sid is None:
            return []
        return self.bot.history(sid)[-MAX_TURNS_SHOWN:]

    def _mode_key(self, sid: str | None) -> tuple[str, Any]:
        if sid is None:
            return "bot:", None
        status = self.bot.status(sid)
        return f"{status.mode}:{status.held_by or ''}", status

    def render(self, sid: str | None, *, pending: Pending | None = None, turns: list | None = None,
               notice: str = "") -> str:
        turns = self._turns(sid) if turns is None else turns
        return shopper_transcript(turns, self.bot.products, pending=pending, notice=notice)

    def full_view(self, sid: str | None, **extra: Any) -> View:
        """Everything on the page, read fresh from the store."""
        turns = self._turns(sid)
        key, status = self._mode_key(sid)
        notice = "This chat has ended. Press “New chat” to keep shopping." if key.startswith("closed") else ""
        view = View(thread=self.render(sid, turns=turns, notice=notice),
                    cart=cart_panel(self.bot.cart(sid) if sid else None), header=shopper_header(status),
                    last_seen=turns[-1].id if turns else 0, mode=key)
        for name, value in extra.items():
            setattr(view, name, value)
        return view

    # -- steps -------------------------------------------------------------------------------------
    def open(self, stored: Any) -> View:
        """Page load: the chat this browser had (after a reload or a server restart), or a blank one."""
        sid = self.session(stored)
        # A token that does not verify is dropped, so the browser stops sending it.
        return self.full_view(sid, stored=None, store=sid is None and stored is not None)

    def new_chat(self) -> View:
        """Forget the browser's chat; the next message starts a new session."""
        return self.full_view(None, stored=None, store=True)

    def send(self, message: str, stored: Any) -> Iterator[View]:
        """Stream the answer: the shopper's bubble at once, cards before text, then the stored result.

        A message the intake refuses (empty, too long, too fast) is not sent: the page shows why,
        and the text stays in the box so nothing the shopper typed is lost.
        """
        message = message.strip() if isinstance(message, str) else ""
        sid = self.session(stored)
        refusal = self.intake.check(message, sid)
        if refusal is not None:
            yield View(thread=self.render(sid, notice=refusal.message))
            return
        fresh = sid is None
        if fresh:
            sid = self.bot.sessions.create_session(new_session_id())
            self.intake.limiter.hit(sid)
        before = self._turns(sid)
        pending = Pending(message)
        yield View(thread=self.render(sid, pending=pending, turns=before), clear_input=True,
                   stored=self.token(sid) if fresh else None, store=fresh)
        self._streaming.add(sid)
        events: Iterator[Any] = iter(())
        try:
            events = self.bot.stream(message, session_id=sid).events()
            last_frame = 0.0
            for event in events:
                if event.kind == "products":
                    pending.products = list(event.value)
                elif event.kind == "delta":
                    pending.reply_text += event.value
                else:
                    continue
                if time.monotonic() - last_frame >= STREAM_FRAME_SECONDS or event.kind == "products":
                    last_frame = time.monotonic()
                    yield View(thread=self.render(sid, pending=pending, turns=before))
        except GeneratorExit:  # the page went away mid-answer: finish it anyway, so a reload shows it
            finish_in_background(events, sid)
            raise
        except Exception as exc:  # the shopper gets an apology, the log gets the traceback (never the message)
            if is_storage_failure(exc):  # disk full or read-only: say so, and that the message was not sent
                logger.error("answering session %s: the store cannot write (%s)", sid, exc)
                yield self.full_view(sid, thread=self.render(sid, notice=STORAGE_SORRY))
                return
            logger.exception("answering session %s failed", sid)
            yield self.full_view(sid, thread=self.render(sid, notice=SORRY))
            return
        finally:
            self._streaming.discard(sid)
        yield self.full_view(sid)

    def poll(self, stored: Any, last_seen: int | None, mode: str | None) -> View | None:
        """Timer tick: new turns (a staff reply) or a takeover / hand-back since the page last looked."""
        sid = self.session(stored)
        if sid is None or sid in self._streaming:
            return None
        key, status = self._mode_key(sid)
        fresh = self.bot.history(sid, after_id=int(last_seen or 0))
        if not fresh and key == mode:
            return None
        return self.full_view(sid)

    def act(self, stored: Any, data: Any) -> View | None:
        """A button inside the chat: `add` a product to the cart, or `feedback` on an answer."""
        data = data if isinstance(data, dict) else {}
        sid = self.session(stored)
        if sid is None:
            return None
        if data.get("act") == "add":
            return self.add_to_cart(sid, str(data.get("product") or ""))
        if data.get("act") == "feedback":
            try:
                turn_id, value = int(data.get("turn")), int(data.get("value"))
                self.bot.feedback(sid, turn_id, value)
            except (TypeError, ValueError) as exc:  # a stale or forged button: nothing to record
                logger.info("feedback ignored: %s", exc)
                return None
            return View(thread=self.render(sid))
        return None

    def add_to_cart(self, sid: str, product_id: str) -> View:
        try:
            cart = self.bot.add_to_cart(sid, product_id)
        except KeyError:
            return View(cart=cart_panel(self.bot.cart(sid), note="That product is no longer in the catalog."))
        except ValueError as exc:  # out of stock: the message names the product
            return View(cart=cart_panel(self.bot.cart(sid), note=str(exc)))
        title = next((line["title"] for line in cart["items"] if line["product_id"] == product_id), "Item")
        return View(cart=cart_panel(cart, note=f"Added {title} to your cart."))


def finish_in_background(events: Iterator[Any], sid: str) -> None:
    """The page or client went away mid-answer: finish it in a thread, so a reload shows it."""
    threading.Thread(target=_drain, args=(events, sid), name="aisle-finish-answer", daemon=True).start()


def _drain(events: Iterator[Any], sid: str) -> None:
    """Run an abandoned answer to the end: the dialogue stores the turn when its stream is exhausted."""
    try:
        for _ in events:
            pass
    except Exception:
        logger.exception("finishing an abandoned answer in session %s failed", sid)


# -- Gradio ---------------------------------------------------------------------------------------
def build_shopper(chat: ShopperChat, *, storage_secret: str, poll_seconds: float = 1.0,
                  concurrency: int = 4) -> "gr.Blocks":
    """The widget page. `storage_secret` must stay the same across restarts for the chat to survive them."""
    import gradio as gr

    from assistant.web.scripts import HEADER_JS, SHOPPER_THREAD_JS

    def outputs_of(view: View | None, parts: dict[str, Any]) -> dict:
        if view is None:
            return {c: gr.skip() for c in parts.values()}
        out = {
            parts["thread"]: view.thread if view.thread is not None else gr.skip(),
            parts["cart"]: view.cart if view.cart is not None else gr.skip(),
            parts["header"]: view.header if view.header is not None else gr.skip(),
            parts["stored"]: view.stored if view.store else gr.skip(),
            parts["last_seen"]: view.last_seen if view.last_seen is not None else gr.skip(),
            parts["mode"]: view.mode if view.mode is not None else gr.skip(),
        }
        if "box" in parts:
            out[parts["box"]] = "" if view.clear_input else gr.skip()
        return out

    def list_or_skip(views: Iterator[View]) -> Iterator[View | None]:
        """The views as they come; one no-op when there are none (an empty message), so Gradio gets an update."""
        empty = True
        for view in views:
            empty = False
            yield view
        if empty:
            yield None

    with gr.Blocks(title="Shop assistant", fill_height=True, analytics_enabled=False) as page:
        stored = gr.BrowserState(None, storage_key="aisle-chat", secret=storage_secret)
        last_seen = gr.State(0)
        mode = gr.State("bot:")
        with gr.Row(elem_id="aisle-top", equal_height=True):
            header = gr.HTML(shopper_header(None), elem_id="aisle-header", js_on_load=HEADER_JS, scale=1)
            new = gr.Button("New chat", elem_id="aisle-new", size="sm", variant="secondary", scale=0, min_width=80)
        cart = gr.HTML(cart_panel(None), elem_id="aisle-cart", js_on_load=None)
        thread = gr.HTML(chat.render(None), elem_id="aisle-thread", js_on_load=SHOPPER_THREAD_JS, scale=1)
        with gr.Row(elem_id="aisle-quick"):
            quick = [gr.Button(text, size="sm", variant="secondary", elem_classes=["aisle-chip"], scale=0, min_width=0)
                     for text in QUICK_REPLIES]
        with gr.Row(elem_id="aisle-compose", equal_height=True):
            box = gr.Textbox(show_label=False, placeholder="Ask about a product…", container=False, scale=1,
                             max_lines=4, elem_id="aisle-input", submit_btn=False)  # no max_length: the
            # browser would cut a long paste mid-word without a word; the server refuses it with a notice
            send = gr.Button("Send", variant="primary", scale=0, min_width=72, elem_id="aisle-send")
        timer = gr.Timer(poll_seconds)

        parts = {"thread": thread, "cart": cart, "header": header, "stored": stored, "last_seen": last_seen,
                 "mode": mode}
        with_box = dict(parts, box=box)
        all_outputs = list(parts.values())

        def on_load(value):
            return outputs_of(chat.open(value), parts)

        def on_send(message, value):
            for view in list_or_skip(chat.send(message, value)):
                yield outputs_of(view, with_box)

        def quick_reply(text: str):
            def on_quick(value):
                for view in list_or_skip(chat.send(text, value)):
                    yield outputs_of(view, parts)
            return on_quick

        def on_tick(value, seen, shown_mode):
            return outputs_of(chat.poll(value, seen, shown_mode), parts)

        def on_act(value, evt: gr.EventData):
            return outputs_of(chat.act(value, getattr(evt, "_data", None)), parts)

        def on_new():
            return outputs_of(chat.new_chat(), parts)

        private = {"api_visibility": "private", "show_progress": "hidden"}
        page.load(on_load, [stored], all_outputs, **private)
        for trigger in (box.submit, send.click):
            trigger(on_send, [box, stored], all_outputs + [box], concurrency_limit=concurrency,
                    concurrency_id="aisle-send", **private)
        for button, text in zip(quick, QUICK_REPLIES):
            button.click(quick_reply(text), [stored], all_outputs, concurrency_limit=concurrency,
                         concurrency_id="aisle-send", **private)
        timer.tick(on_tick, [stored, last_seen, mode], all_outputs, concurrency_limit=None, **private)
        thread.click(on_act, [stored], all_outputs, concurrency_limit=None, **private)
        new.click(on_new, None, all_outputs, **private)
    return page
