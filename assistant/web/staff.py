"""The staff console (`/staff`): the queue of live chats, one chat's transcript, and the handoff actions.

`StaffConsole` is the logic, tested without a browser; `build_staff()` wires it to Gradio. The
staff member is whoever logged in (`gr.Request.username`): the console never takes a name from
the page, so one person cannot act as another.
"""
# No `from __future__ import annotations`: Gradio reads the handlers' `gr.EventData` / `gr.Request`
# hints at run time, and `gr` is imported inside the builder.
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.inputs import InvalidSessionIdError, check_session_id, clean_message
from assistant.sessions.base import HandoffConflictError, UnknownSessionError
from assistant.web.cards import esc
from assistant.web.transcript import (audit_list, chat_title, notice, queue_table, staff_display_name,
                                      staff_transcript)

if TYPE_CHECKING:
    import gradio as gr

    from assistant.core import Assistant
    from assistant.sessions.base import SessionSummary

logger = logging.getLogger(__name__)

MAX_STAFF_TEXT = 5000  # characters in one reply or note
LIVE_WITHIN = 24 * 3600.0  # bot-only chats idle longer than this leave the queue (escalated ones never do)
MAX_ROWS = 100


@dataclass
class Detail:
    """The right-hand pane for one chat, and which actions make sense now."""

    title: str
    thread: str
    audit: str
    notice: str = ""
    ok: bool = False  # the action just asked for succeeded
    can_take: bool = False
    can_hand_back: bool = False
    can_reply: bool = False
    can_close: bool = False
    signature: str = ""  # changes when anything shown changes; the refresh skips re-rendering otherwise


EMPTY = Detail(title='<div class="staff-title"><div class="staff-title-id">No chat selected</div>'
               '<div class="staff-title-bits">Pick a chat from the queue to read it and take over.</div></div>',
               thread="", audit="")


class StaffConsole:
    """Queue and handoff actions over one Assistant, for the logged-in staff member `me`."""

    def __init__(self, bot: "Assistant", *, live_within: float = LIVE_WITHIN) -> None:
        self.bot, self.live_within = bot, live_within

    def rows(self, *, now: float | None = None) -> list["SessionSummary"]:
        """Escalated and staff-held chats, then bot chats active lately, in the store's order."""
        now = time.time() if now is None else now
        keep = [s for s in self.bot.sessions_overview()
                if s.mode in ("waiting", "staff") or (s.turn_count > 0 and now - s.last_activity <= self.live_within)]
        return keep[:MAX_ROWS]

    def queue(self, selected: str | None, me: str | None) -> str:
        return queue_table(self.rows(), selected=selected, me=me)

    def _checked(self, sid: Any) -> str | None:
        try:
            sid = check_session_id(sid)
            self.bot.status(sid)
        except (InvalidSessionIdError, UnknownSessionError, TypeError):
            return None
        return sid

    def detail(self, sid: str | None, me: str, *, message: str = "", kind: str = "info") -> Detail:
        """Read one chat fresh from the store."""
        sid = self._checked(sid) if sid else None
        if sid is None:
            return Detail(EMPTY.title, EMPTY.thread, EMPTY.audit, notice=notice(message, kind=kind))
        status = self.bot.status(sid)
        turns, events = self.bot.history(sid), self.bot.events(sid)
        intent = next((t.intent for t in reversed(turns) if t.intent is not None), None)
        mine = status.mode == "staff" and status.held_by == me
        return Detail(
            title=chat_title(status, intent=intent, cart_value=self.bot.cart(sid)["total"], me=me),
            thread=staff_transcript(turns, events, self.bot.products),
            audit=audit_list(events),
            notice=notice(message, kind=kind),
            can_take=status.mode in ("bot", "waiting"),
            can_hand_back=mine,
            can_reply=mine,
            can_close=status.mode != "closed" and (status.mode != "staff" or mine),
            signature=f"{sid}:{turns[-1].id if turns else 0}:{events[-1].id if events else 0}:"
                      f"{status.mode}:{status.held_by or ''}",
        )

    def _do(self, sid: Any, me: str, action, done: str) -> Detail:
        sid = self._checked(sid)
        if sid is None:
            return self.detail(None, me, message="Pick a chat from the queue first.", kind="error")
        try:
            action(sid)
        except HandoffConflictError as exc:  # someone else holds it, or it is closed: say so plainly
            return self.detail(sid, me, message=_conflict_text(self.bot, sid, me, exc), kind="error")
        except ValueError as exc:
            return self.detail(sid, me, message=str(exc), kind="error")
        logger.info("staff %s: %s on %s", me, done, sid)
        detail = self.detail(sid, me, message=done, kind="ok")
        detail.ok = True
        return detail

    def take_over(self, sid: Any, me: str) -> Detail:
        return self._do(sid, me, lambda s: self.bot.take_over(s, staff=me),
                        "You hold this chat now: the bot stays silent until you hand it back.")

    def reply(self, sid: Any, text: str, me: str) -> Detail:
        def send(s: str) -> None:
            self.bot.staff_reply(s, _staff_text(text, "reply"), staff=me)
        return self._do(sid, me, send, "Sent.")

    def note(self, sid: Any, text: str, me: str) -> Detail:
        def add(s: str) -> None:
            self.bot.add_note(s, _staff_text(text, "note"), staff=me)
        return self._do(sid, me, add, "Note saved (only staff can see it).")

    def hand_back(self, sid: Any, me: str) -> Detail:
        return self._do(sid, me, lambda s: self.bot.hand_back(s, staff=me, wait=False),
                        "Handed back: the bot answers this chat again.")

    def close(self, sid: Any, me: str) -> Detail:
        return self._do(sid, me, lambda s: self.bot.close(s, staff=me), "Chat closed.")


def _staff_text(text: Any, what: str) -> str:
    """A reply or note without control characters; ValueError (shown as the notice) if empty or too long."""
    cleaned, problem = clean_message(text if isinstance(text, str) else "", max_chars=MAX_STAFF_TEXT)
    if problem in ("empty", "unreadable"):
        raise ValueError(f"Write the {what} first.")
    if problem == "too_long":
        raise ValueError(f"That {what} is {len(cleaned):,} characters; keep it under {MAX_STAFF_TEXT:,}.")
    return cleaned


def _conflict_text(bot: "Assistant", sid: str, me: str, exc: Exception) -> str:
    status = bot.status(sid)
    if status.mode == "closed":
        return "This chat is closed; nothing more can be done in it."
    if status.mode == "staff" and status.held_by != me:
        return (f"{staff_display_name(status.held_by)} is already handling this chat. Only one person can hold a "
                "chat: ask them to hand it back first.")
    if status.mode != "staff":
        return "Take the chat over first."
    return str(exc)


# -- Gradio ---------------------------------------------------------------------------------------
def build_staff(console: StaffConsole, *, mount_path: str = "/staff", refresh_seconds: float = 2.0) -> "gr.Blocks":
    """The console page; mount it behind a login (see `assistant.web.server`)."""
    import gradio as gr

    from assistant.web.scripts import QUEUE_JS, STAFF_THREAD_JS

    def me_of(request: gr.Request) -> str:
        name = getattr(request, "username", None)
        if not name:
            raise gr.Error("Log in to use the staff console.")
        return name

    with gr.Blocks(title="Aisle · Staff console", analytics_enabled=False) as page:
        selected = gr.State(None)
        signature = gr.State("")
        with gr.Row(elem_id="staff-top", equal_height=True):
            who = gr.HTML('<div class="staff-brand">Aisle <span>Staff console</span></div>', scale=1,
                          js_on_load=None)
            gr.Button("Log out", link=f"{mount_path.rstrip('/')}/logout", size="sm", variant="secondary", scale=0,
                      min_width=90, elem_id="staff-logout")
        with gr.Row(elem_id="staff-main"):
            with gr.Column(scale=5, min_width=340, elem_id="staff-left"):
                gr.HTML('<h2 class="staff-h">Live chats</h2><p class="staff-sub">Escalated first, then by '
                        'purchase intent. Updates every few seconds.</p>', js_on_load=None)
                queue = gr.HTML(elem_id="staff-queue", js_on_load=QUEUE_JS)
            with gr.Column(scale=7, min_width=340, elem_id="staff-right"):
                title = gr.HTML(EMPTY.title, elem_id="staff-title", js_on_load=None)
                banner = gr.HTML("", elem_id="staff-notice", js_on_load=None)
                with gr.Row(elem_id="staff-actions"):
                    take = gr.Button("Take over", variant="primary", interactive=False, elem_id="staff-take",
                                     min_width=0)
                    hand = gr.Button("Hand back to bot", interactive=False, elem_id="staff-hand-back", min_width=0)
                    close = gr.Button("Close chat", variant="stop", interactive=False, elem_id="staff-close",
                                      min_width=0)
                thread = gr.HTML("", elem_id="staff-thread", js_on_load=STAFF_THREAD_JS, max_height=520)
                with gr.Row(elem_id="staff-reply", equal_height=True):
                    reply_box = gr.Textbox(show_label=False, placeholder="Reply to the shopper…", scale=1,
                                           container=False, interactive=False, max_lines=6, elem_id="staff-reply-box")
                    reply_btn = gr.Button("Send reply", variant="primary", scale=0, min_width=110, interactive=False,
                                          elem_id="staff-send")
                with gr.Row(elem_id="staff-note", equal_height=True):
                    note_box = gr.Textbox(show_label=False, placeholder="Private note (staff only)…", scale=1,
                                          container=False, max_lines=4, elem_id="staff-note-box")
                    note_btn = gr.Button("Add note", scale=0, min_width=110, elem_id="staff-add-note")
                gr.HTML('<h3 class="staff-h3">Audit</h3>', js_on_load=None)
                audit = gr.HTML("", elem_id="staff-audit", js_on_load=None)
        timer = gr.Timer(refresh_seconds)

        detail_outputs = [title, banner, thread, audit, take, hand, close, reply_box, reply_btn, signature]

        def detail_values(d: Detail, *, keep_notice: bool = False) -> list:
            return [d.title, gr.skip() if keep_notice else d.notice, d.thread, d.audit,
                    gr.Button(interactive=d.can_take), gr.Button(interactive=d.can_hand_back),
                    gr.Button(interactive=d.can_close), gr.Textbox(interactive=d.can_reply),
                    gr.Button(interactive=d.can_reply), d.signature]

        def on_load(request: gr.Request):
            me = me_of(request)
            return (f'<div class="staff-brand">Aisle <span>Staff console</span></div>'
                    f'<div class="staff-me">Signed in as <strong>{esc(staff_display_name(me))}</strong></div>',
                    console.queue(None, me))

        def on_open(evt: gr.EventData, request: gr.Request):
            me = me_of(request)
            data = getattr(evt, "_data", None) or {}
            sid = data.get("session") if isinstance(data, dict) else None
            d = console.detail(sid, me)
            sid = sid if d.signature else None
            return [sid, console.queue(sid, me), *detail_values(d)]

        def on_tick(sid, shown, request: gr.Request):
            me = me_of(request)
            d = console.detail(sid, me) if sid else None
            rest = [gr.skip()] * len(detail_outputs) if d is None or d.signature == shown \
                else detail_values(d, keep_notice=True)
            return [console.queue(sid, me), *rest]

        def action(method):
            def run(sid, request: gr.Request):
                me = me_of(request)
                return [console.queue(sid, me), *detail_values(method(sid, me))]
            return run

        def on_reply(sid, text, request: gr.Request):
            me = me_of(request)
            d = console.reply(sid, text, me)
            return [console.queue(sid, me), *detail_values(d), "" if d.ok else gr.skip()]

        def on_note(sid, text, request: gr.Request):
            me = me_of(request)
            d = console.note(sid, text, me)
            return [*detail_values(d), "" if d.ok else gr.skip()]

        private = {"api_visibility": "private", "show_progress": "hidden"}
        page.load(on_load, None, [who, queue], **private)
        queue.click(on_open, None, [selected, queue, *detail_outputs], **private)
        timer.tick(on_tick, [selected, signature], [queue, *detail_outputs], concurrency_limit=None, **private)
        take.click(action(console.take_over), [selected], [queue, *detail_outputs], **private)
        hand.click(action(console.hand_back), [selected], [queue, *detail_outputs], **private)
        close.click(action(console.close), [selected], [queue, *detail_outputs], **private)
        for trigger in (reply_box.submit, reply_btn.click):
            trigger(on_reply, [selected, reply_box], [queue, *detail_outputs, reply_box], **private)
        for trigger in (note_box.submit, note_btn.click):
            trigger(on_note, [selected, note_box], [*detail_outputs, note_box], **private)
    return page
