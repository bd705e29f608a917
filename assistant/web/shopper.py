"""The shopper chat widget: a thin Gradio view over `Assistant`.

`ShopperChat` holds the logic (which session a browser may use, what to render after each step)
and is tested without a browser; `build_shopper()` wires it to Gradio components.

The browser keeps `{"sid", "sig"}` in local storage (`gr.BrowserState`). `sig` is an HMAC of the
session id made with the server's key, so a page can only ever read the chat it was given:
anything else it sends is ignored and a fresh chat starts instead.

The page speaks the chat's language (`transcript.chat_language`: that of its latest turn; before
any, the browser's `Accept-Language`): quick replies, buttons, placeholder, header and notices
come from the phrasebook, and each quick reply sends words the assistant understands in it.
"""
# No `from __future__ import annotations`: Gradio reads the handlers' `gr.EventData` / `gr.Request`
# hints at run time, and `gr` is imported inside the builder.
import logging
import math
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.inputs import InvalidSessionIdError, check_session_id, clean_message, new_session_id
from assistant.web.cards import cart_panel
from assistant.web.intake import Intake, Refusal
from assistant.web.limits import wait_text
from assistant.web.storage_faults import STORAGE_SORRY, is_storage_failure
from assistant.web.transcript import Pending, chat_language, shopper_header, shopper_transcript
from prompts import phrase

if TYPE_CHECKING:
    import gradio as gr

    from assistant.core import Assistant
    from assistant.web.auth import SessionSigner

logger = logging.getLogger(__name__)

QUICK_REPLIES = ("Cheaper", "Compare the first two", "Show my cart", "Talk to a person")
_QUICK_KEYS = ("widget_chip_cheaper", "widget_chip_compare", "widget_chip_cart", "widget_chip_person")
MAX_TURNS_SHOWN = 200  # older turns stay in the store; a page shows the recent ones
STREAM_FRAME_SECONDS = 0.05  # send the growing reply to the browser at most this often
SORRY = "Sorry, something went wrong on our side. Please try again in a moment."


def quick_replies(lang: str = "en") -> tuple[str, ...]:
    """The quick-reply chips in `lang`: each label is also the message it sends (refine to cheaper,
    compare the first two, show the cart, ask for a person)."""
    return tuple(phrase(key, lang) for key in _QUICK_KEYS)


def browser_language(accept_language: str | None) -> str:
    """"zh" when the browser's first preferred language is Chinese (`zh-CN,zh;q=0.9,en;q=0.8`), else "en"."""
    first = (accept_language or "").split(",")[0].strip().lower()
    return "zh" if first.startswith("zh") else "en"


def message_language(message: str, current: str) -> str:
    """The language an answer to `message` will be in, to draw it while it is coming: Chinese when it
    has a Chinese character, English when it has English words, else the chat's current one."""
    from language.cjk import has_cjk

    if has_cjk(message):
        return "zh"
    return "en" if re.search(r"[A-Za-z]{2,}", message) else current


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
    lang: str | None = None  # the chat's language: chips, buttons and placeholder are redrawn in it


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
               notice: str = "", lang: str = "en") -> str:
        """The thread; `lang` is the browser's language, used until the chat has a turn in one."""
        turns = self._turns(sid) if turns is None else turns
        return shopper_transcript(turns, self.bot.products, pending=pending, notice=notice,
                                  lang=chat_language(turns, lang))

    def language(self, sid: str | None, lang: str = "en") -> str:
        """The chat's language now: its latest turn's, or the browser's `lang` before any."""
        return chat_language(self._turns(sid), lang)

    def full_view(self, sid: str | None, *, lang: str = "en", **extra: Any) -> View:
        """Everything on the page, read fresh from the store; `lang` is the browser's language."""
        turns = self._turns(sid)
        key, status = self._mode_key(sid)
        spoken = chat_language(turns, lang)
        notice = phrase("widget_chat_ended", spoken) if key.startswith("closed") else ""
        view = View(thread=self.render(sid, turns=turns, notice=notice, lang=lang),
                    cart=cart_panel(self.bot.cart(sid) if sid else None, lang=spoken),
                    header=shopper_header(status, spoken), last_seen=turns[-1].id if turns else 0, mode=key,
                    lang=spoken)
        for name, value in extra.items():
            setattr(view, name, value)
        return view

    # -- steps -------------------------------------------------------------------------------------
    def open(self, stored: Any, lang: str = "en") -> View:
        """Page load: the chat this browser had (after a reload or a server restart), or a blank one."""
        sid = self.session(stored)
        # A token that does not verify is dropped, so the browser stops sending it.
        return self.full_view(sid, lang=lang, stored=None, store=sid is None and stored is not None)

    def new_chat(self, lang: str = "en") -> View:
        """Forget the browser's chat; the next message starts a new session."""
        return self.full_view(None, lang=lang, stored=None, store=True)

    def refusal_text(self, refusal: "Refusal", message: str, lang: str) -> str:
        """Why a message was not sent, in the chat's language (the intake's own words in English, and
        for a refusal the phrasebook has no `widget_refused_<code>` entry for yet)."""
        if lang != "zh":
            return refusal.message
        cleaned, _ = clean_message(message, max_chars=self.intake.max_chars)
        try:
            return phrase(f"widget_refused_{refusal.code}", lang, n=len(cleaned), limit=self.intake.max_chars,
                          seconds=max(1, math.ceil(refusal.retry_after)), wait=wait_text(refusal.retry_after))
        except KeyError:
            logger.warning("no Chinese words for the intake refusal %r: add widget_refused_%s to prompts/phrases.json",
                           refusal.code, refusal.code)
            return refusal.message

    def send(self, message: str, stored: Any, lang: str = "en") -> Iterator[View]:
        """Stream the answer: the shopper's bubble at once, cards before text, then the stored result.

        A message the intake refuses (empty, too long, too fast) is not sent: the page shows why,
        and the text stays in the box so nothing the shopper typed is lost. `lang` is the browser's language.
        """
        message = message.strip() if isinstance(message, str) else ""
        sid = self.session(stored)
        refusal = self.intake.check(message, sid)
        if refusal is not None:
            yield View(thread=self.render(sid, notice=self.refusal_text(refusal, message, self.language(sid, lang)), lang=lang))
            return
        fresh = sid is None
        if fresh:
            sid = self.bot.sessions.create_session(new_session_id())
            self.intake.limiter.hit(sid)
        before = self._turns(sid)
        pending = Pending(message, lang=message_language(message, chat_language(before, lang)))
        yield View(thread=self.render(sid, pending=pending, turns=before, lang=lang), clear_input=True,
                   stored=self.token(sid) if fresh else None, store=fresh, lang=pending.lang)
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
                    yield View(thread=self.render(sid, pending=pending, turns=before, lang=lang))
        except GeneratorExit:  # the page went away mid-answer: finish it anyway, so a reload shows it
            finish_in_background(events, sid)
            raise
        except Exception as exc:  # the shopper gets an apology, the log gets the traceback (never the message)
            if is_storage_failure(exc):  # disk full or read-only: say so, and that the message was not sent
                logger.error("answering session %s: the store cannot write (%s)", sid, exc)
                yield self.full_view(sid, lang=lang, thread=self.render(sid, notice=STORAGE_SORRY, lang=lang))
                return
            logger.exception("answering session %s failed", sid)
            sorry = phrase("widget_sorry", pending.lang) if pending.lang == "zh" else SORRY
            yield self.full_view(sid, lang=lang, thread=self.render(sid, notice=sorry, lang=lang))
            return
        finally:
            self._streaming.discard(sid)
        yield self.full_view(sid, lang=lang)

    def poll(self, stored: Any, last_seen: int | None, mode: str | None, lang: str = "en") -> View | None:
        """Timer tick: new turns (a staff reply) or a takeover / hand-back since the page last looked."""
        sid = self.session(stored)
        if sid is None or sid in self._streaming:
            return None
        key, status = self._mode_key(sid)
        fresh = self.bot.history(sid, after_id=int(last_seen or 0))
        if not fresh and key == mode:
            return None
        return self.full_view(sid, lang=lang)

    def act(self, stored: Any, data: Any, lang: str = "en") -> View | None:
        """A button inside the chat: `add` a product to the cart, or `feedback` on an answer."""
        data = data if isinstance(data, dict) else {}
        sid = self.session(stored)
        if sid is None:
            return None
        if data.get("act") == "add":
            return self.add_to_cart(sid, str(data.get("product") or ""), lang=self.language(sid, lang))
        if data.get("act") == "feedback":
            try:
                turn_id, value = int(data.get("turn")), int(data.get("value"))
                self.bot.feedback(sid, turn_id, value)
            except (TypeError, ValueError) as exc:  # a stale or forged button: nothing to record
                logger.info("feedback ignored: %s", exc)
                return None
            return View(thread=self.render(sid, lang=lang))
        return None

    def add_to_cart(self, sid: str, product_id: str, lang: str = "en") -> View:
        """The Add button on a card; `lang` is the chat's language (the cart's words and its note)."""
        try:
            cart = self.bot.add_to_cart(sid, product_id)
        except KeyError:
            return View(cart=cart_panel(self.bot.cart(sid), note=phrase("widget_cart_gone", lang), lang=lang))
        except ValueError as exc:  # out of stock: the message names the product
            note = str(exc)
            if lang == "zh":
                note = phrase("cant_add_oos", lang, title=next((p.title for p in self.bot.products([product_id])), ""))
            return View(cart=cart_panel(self.bot.cart(sid), note=note, lang=lang))
        title = next((line["title"] for line in cart["items"] if line["product_id"] == product_id), "Item")
        return View(cart=cart_panel(cart, note=phrase("widget_cart_added", lang, title=title), lang=lang))


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
            return {c: gr.skip() for v in parts.values() for c in (v if isinstance(v, list) else [v])}
        out = {
            parts["thread"]: view.thread if view.thread is not None else gr.skip(),
            parts["cart"]: view.cart if view.cart is not None else gr.skip(),
            parts["header"]: view.header if view.header is not None else gr.skip(),
            parts["stored"]: view.stored if view.store else gr.skip(),
            parts["last_seen"]: view.last_seen if view.last_seen is not None else gr.skip(),
            parts["mode"]: view.mode if view.mode is not None else gr.skip(),
        }
        relabel = view.lang is not None and "quick" in parts
        if "box" in parts:
            box_update = {"value": ""} if view.clear_input else {}
            if relabel:
                box_update["placeholder"] = phrase("widget_placeholder", view.lang)
            out[parts["box"]] = gr.update(**box_update) if box_update else gr.skip()
        if "quick" in parts:  # the page's own words, redrawn in the chat's language
            labels = dict(zip(parts["quick"], quick_replies(view.lang or "en")))
            labels[parts["send"]] = phrase("widget_send", view.lang or "en")
            labels[parts["new"]] = phrase("widget_new_chat", view.lang or "en")
            out.update({c: gr.update(value=text) if relabel else gr.skip() for c, text in labels.items()})
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
        browser_lang = gr.State("en")  # from the page request's Accept-Language, set on load
        with gr.Row(elem_id="aisle-top", equal_height=True):
            header = gr.HTML(shopper_header(None), elem_id="aisle-header", js_on_load=HEADER_JS, scale=1)
            new = gr.Button(phrase("widget_new_chat", "en"), elem_id="aisle-new", size="sm", variant="secondary",
                            scale=0, min_width=80)
        cart = gr.HTML(cart_panel(None), elem_id="aisle-cart", js_on_load=None)
        thread = gr.HTML(chat.render(None), elem_id="aisle-thread", js_on_load=SHOPPER_THREAD_JS, scale=1)
        with gr.Row(elem_id="aisle-quick"):
            quick = [gr.Button(text, size="sm", variant="secondary", elem_classes=["aisle-chip"], scale=0, min_width=0)
                     for text in QUICK_REPLIES]
        with gr.Row(elem_id="aisle-compose", equal_height=True):
            box = gr.Textbox(show_label=False, placeholder=phrase("widget_placeholder", "en"), container=False,
                             scale=1, max_lines=4, elem_id="aisle-input", submit_btn=False)  # no max_length: the
            # browser would cut a long paste mid-word without a word; the server refuses it with a notice
            send = gr.Button(phrase("widget_send", "en"), variant="primary", scale=0, min_width=72,
                             elem_id="aisle-send")
        timer = gr.Timer(poll_seconds)

        parts = {"thread": thread, "cart": cart, "header": header, "stored": stored, "last_seen": last_seen,
                 "mode": mode}
        # Steps that may change the chat's language also redraw the chips, buttons and placeholder.
        speaking = dict(parts, box=box, quick=quick, send=send, new=new)
        all_outputs = list(parts.values())
        speaking_outputs = all_outputs + [box, *quick, send, new]

        def on_load(value, request: gr.Request):
            lang = browser_language(request.headers.get("accept-language") if request is not None else None)
            return {**outputs_of(chat.open(value, lang), speaking), browser_lang: lang}

        def on_send(message, value, lang):
            for view in list_or_skip(chat.send(message, value, lang)):
                yield outputs_of(view, speaking)

        def on_quick(label, value, lang):
            # The chip's label is the message: what the shopper reads is what the assistant reads.
            for view in list_or_skip(chat.send(label, value, lang)):
                yield outputs_of(view, speaking)

        def on_tick(value, seen, shown_mode, lang):
            return outputs_of(chat.poll(value, seen, shown_mode, lang), parts)

        def on_act(value, lang, evt: gr.EventData):
            return outputs_of(chat.act(value, getattr(evt, "_data", None), lang), parts)

        def on_new(lang):
            return outputs_of(chat.new_chat(lang), speaking)

        private = {"api_visibility": "private", "show_progress": "hidden"}
        page.load(on_load, [stored], speaking_outputs + [browser_lang], **private)
        for trigger in (box.submit, send.click):
            trigger(on_send, [box, stored, browser_lang], speaking_outputs, concurrency_limit=concurrency,
                    concurrency_id="aisle-send", **private)
        for button in quick:
            button.click(on_quick, [button, stored, browser_lang], speaking_outputs, concurrency_limit=concurrency,
                         concurrency_id="aisle-send", **private)
        timer.tick(on_tick, [stored, last_seen, mode, browser_lang], all_outputs, concurrency_limit=None, **private)
        thread.click(on_act, [stored, browser_lang], all_outputs, concurrency_limit=None, **private)
        new.click(on_new, [browser_lang], speaking_outputs, **private)
    return page
