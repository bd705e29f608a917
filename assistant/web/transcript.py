"""HTML for conversations (shopper and staff views), the staff queue and the audit list.

Turns come from the session store and products from the catalog, so what a page shows after a
reload or a restart is exactly what was stored. All text is escaped (see `cards.esc`).

The shopper's page speaks the language of the conversation (`chat_language`): each assistant turn's
cards and buttons in the language that turn was answered in, the greeting and header in the
chat's current one. The staff pages stay in English.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.answers import money
from assistant.web.cards import THUMB_DOWN, THUMB_UP, esc, label, product_cards, text_html
from assistant.web.redact import mask_pii
from prompts import phrase

if TYPE_CHECKING:
    from assistant.sessions.base import HandoffEvent, SessionStatus, SessionSummary, Turn
    from catalog.models import Product

GREETING = ("Hi! I'm Aisle, the shop's assistant. Tell me what you're looking for — for example "
            "\"waterproof hiking boots under $120\" — and I'll find, compare and answer questions about products.")
REASONS = {  # escalation reasons (assistant.escalation.REASONS) as staff read them
    "human_request": "Asked for a person", "order_problem": "Order problem", "frustration": "Frustrated",
    "repeated_failure": "Bot could not help", "high_value_cart": "High-value cart",
}


def staff_display_name(name: str | None, lang: str = "en") -> str:
    """`anna` -> `Anna` (login names are lower case; shoppers see a person's name)."""
    name = (name or "").strip()
    return name[:1].upper() + name[1:] if name else phrase("widget_our_team", lang)


def turn_language(turn: "Turn") -> str | None:
    """The language a stored turn was read or answered in (`meta["language"]`), if it says."""
    meta = turn.meta if isinstance(turn.meta, Mapping) else {}
    lang = meta.get("language")
    return lang if lang in ("en", "zh") else None


def chat_language(turns: Sequence["Turn"], default: str = "en") -> str:
    """The language of a chat: that of its latest turn that has one; `default` (the browser's) before any."""
    return next((lang for lang in map(turn_language, reversed(turns)) if lang), default)


def reason_text(reason: str | None) -> str:
    return REASONS.get(reason or "", label(reason) if reason else "")


def ago(seconds: float | None) -> str:
    """`45s`, `3m 05s`, `2h 10m`."""
    if seconds is None:
        return ""
    s = int(max(0, seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m {s % 60:02d}s"
    return f"{s // 3600}h {s % 3600 // 60:02d}m"


@dataclass
class Pending:
    """The turn being answered right now (not stored yet): the shopper's text and the reply so far."""

    user_text: str
    reply_text: str = ""
    products: Sequence["Product"] = field(default_factory=list)
    typing: bool = True
    lang: str = "en"  # the language the answer is expected in (cards and the typing label)


# -- shopper ---------------------------------------------------------------------------------------
def shopper_transcript(turns: Sequence["Turn"], products: Callable[[list[str]], list["Product"]], *,
                       pending: Pending | None = None, notice: str = "", lang: str = "en") -> str:
    """The shopper's chat: greeting, stored turns with cards and thumbs, then the reply in progress.

    `lang` is the chat's language now (greeting); a turn that does not say its own language (a
    hand-off answer) is in the language of the turn before it; the reply in progress is in
    `pending.lang`."""
    parts = [_bubble("assistant", text_html(GREETING if lang != "zh" else phrase("widget_greeting", lang)),
                     who="Aisle")]
    spoken = next((t for t in map(turn_language, turns) if t), lang)
    for turn in turns:
        spoken = turn_language(turn) or spoken
        if turn.role == "user":
            parts.append(_bubble("user", text_html(turn.text)))
        elif turn.role == "staff":
            name = staff_display_name(turn.meta.get("staff"), spoken)
            parts.append(_bubble("staff", text_html(turn.text), who=phrase("widget_staff_who", spoken, name=name)))
        elif turn.role == "assistant" and (turn.text.strip() or turn.product_ids):
            cards = product_cards(products(list(turn.product_ids)), lang=spoken) if turn.product_ids else ""
            parts.append(_bubble("assistant", text_html(turn.text), who="Aisle", cards=cards,
                                 feedback=_thumbs(turn.id, turn.feedback, spoken)))
        elif turn.role == "system":
            parts.append(f'<div class="aisle-system">{esc(turn.text)}</div>')
    if pending is not None:
        parts.append(_bubble("user", text_html(pending.user_text)))
        body = text_html(pending.reply_text)
        if pending.typing and not pending.reply_text:
            body = (f'<span class="aisle-typing" aria-label="{esc(phrase("widget_typing", pending.lang))}">'
                    '<i></i><i></i><i></i></span>')
        if pending.reply_text or pending.products or pending.typing:
            parts.append(_bubble("assistant", body, who="Aisle",
                                 cards=product_cards(pending.products, lang=pending.lang)))
    if notice:
        parts.append(f'<div class="aisle-system" role="status">{esc(notice)}</div>')
    return f'<div class="aisle-thread" lang="{esc(lang)}">{"".join(parts)}</div>'


def _bubble(role: str, body: str, *, who: str = "", cards: str = "", feedback: str = "") -> str:
    who_html = f'<div class="aisle-who">{esc(who)}</div>' if who and role != "user" else ""
    avatar = ""
    if role != "user":
        letter = esc((who or "A")[:1].upper())
        avatar = f'<div class="aisle-avatar aisle-avatar--{role}" aria-hidden="true">{letter}</div>'
    text = f'<div class="aisle-bubble">{body}</div>' if body else ""
    return (f'<div class="aisle-msg aisle-msg--{role}">{avatar}<div class="aisle-msg-body">{who_html}{text}'
            f'{cards}{feedback}</div></div>')


def _thumbs(turn_id: int, feedback: int | None, lang: str = "en") -> str:
    def button(value: int, glyph: str, words: str) -> str:
        pressed = "true" if feedback == value else "false"
        return (f'<button type="button" class="aisle-thumb" data-act="feedback" data-turn="{int(turn_id)}" '
                f'data-value="{value}" aria-pressed="{pressed}" aria-label="{words}" title="{words}">{glyph}</button>')
    thanks = f'<span class="aisle-thanks">{esc(phrase("widget_thanks_feedback", lang))}</span>' if feedback else ""
    helpful, unhelpful = esc(phrase("widget_helpful", lang)), esc(phrase("widget_not_helpful", lang))
    return (f'<div class="aisle-feedback">{button(1, THUMB_UP, helpful)}{button(-1, THUMB_DOWN, unhelpful)}'
            f'{thanks}</div>')


def shopper_header(status: "SessionStatus | None", lang: str = "en") -> str:
    """Who is answering: the assistant, "connecting you", or the staff member holding the chat.

    `data-offline` holds the words the page's script shows while the server is unreachable."""
    mode = status.mode if status else "bot"
    def say(key: str, **values: str) -> str:
        return phrase(f"widget_header_{key}", lang, **values)
    if mode == "staff":
        name = staff_display_name(status.held_by, lang)
        title, sub, cls = say("staff", name=name), say("staff_sub"), "staff"
        letter = name[:1]
    elif mode == "waiting":
        title, sub, cls, letter = say("assistant"), say("connecting"), "waiting", "A"
    elif mode == "closed":
        title, sub, cls, letter = say("closed"), say("closed_sub"), "closed", "A"
    else:
        title, sub, cls, letter = say("assistant"), say("online"), "bot", "A"
    return (f'<div class="aisle-header aisle-header--{cls}" lang="{esc(lang)}"><div class="aisle-avatar '
            f'aisle-avatar--{cls}" aria-hidden="true">{esc(letter)}</div><div class="aisle-header-text">'
            f'<div class="aisle-header-title" data-mode="{cls}">{esc(title)}</div>'
            f'<div class="aisle-header-sub" data-offline="{esc(say("offline"))}">{esc(sub)}</div></div></div>')


# -- staff -----------------------------------------------------------------------------------------
def queue_table(rows: Sequence["SessionSummary"], *, selected: str | None = None, me: str | None = None,
                now: float | None = None) -> str:
    """The staff queue: escalated first (as ordered by the store), with reason, intent, cart and wait."""
    now = time.time() if now is None else now
    if not rows:
        return '<div class="staff-empty">No live chats right now. New chats appear here within a few seconds.</div>'
    body = []
    for r in rows:
        if r.mode == "waiting":
            badge = f'<span class="staff-badge staff-badge--waiting">Waiting {esc(ago(r.waiting_seconds))}</span>'
        elif r.mode == "staff":
            mine = " staff-badge--mine" if me and r.held_by == me else ""
            badge = f'<span class="staff-badge staff-badge--staff{mine}">{esc(staff_display_name(r.held_by))}</span>'
        else:
            badge = '<span class="staff-badge staff-badge--bot">Bot</span>'
        intent = r.last_intent if r.last_intent is not None else 0.0
        sel = " is-selected" if r.session_id == selected else ""
        body.append(
            f'<tr class="staff-row staff-row--{esc(r.mode)}{sel}" data-act="open" data-session="{esc(r.session_id)}" '
            f'tabindex="0">'
            f'<td>{badge}</td>'
            f'<td class="staff-reason">{esc(reason_text(r.escalation_reason)) or "—"}</td>'
            f'<td class="staff-intent"><span class="staff-meter"><i style="width:{intent * 100:.0f}%"></i></span>'
            f'{intent:.2f}</td>'
            f'<td class="staff-cart">{esc(money(r.cart_value)) if r.cart_value else "—"}</td>'
            f'<td class="staff-last"><span class="staff-snippet">{esc(mask_pii(r.last_user_text)[:90]) or "—"}</span>'
            f'<span class="staff-meta">{r.turn_count} turns · active {esc(ago(now - r.last_activity))} ago</span></td>'
            f'</tr>')
    return ('<table class="staff-queue"><thead><tr><th>Status</th><th>Reason</th><th>Intent</th><th>Cart</th>'
            f'<th>Last message</th></tr></thead><tbody>{"".join(body)}</tbody></table>')


def staff_transcript(turns: Sequence["Turn"], events: Sequence["HandoffEvent"],
                     products: Callable[[list[str]], list["Product"]]) -> str:
    """The whole chat for staff: turns with the products shown (from catalog rows) and handoff events inline.

    Card numbers, e-mail addresses and phone numbers are masked (`redact.mask_pii`)."""
    items: list[tuple[float, int, str]] = []
    for t in turns:
        when = time.strftime("%H:%M", time.localtime(t.created_at))
        if t.role == "user":
            intent = f' · intent {t.intent:.2f}' if t.intent is not None else ""
            who, cls = f"Shopper · {when}{intent}", "user"
        elif t.role == "staff":
            who, cls = f"{staff_display_name(t.meta.get('staff'))} (staff) · {when}", "staff"
        else:
            act = t.meta.get("act") if isinstance(t.meta, Mapping) else None
            extra = f" · {act}" if act else ""
            thumbs = {1: " · 👍", -1: " · 👎"}.get(t.feedback or 0, "")
            who, cls = f"Bot · {when}{extra}{thumbs}", "assistant"
        shown = ""
        if t.product_ids:
            rows = products(list(t.product_ids))
            shown = "".join(f'<li>{esc(p.title)} <span class="staff-price">{esc(money(p.price, p.currency))}</span>'
                            f'{"" if p.in_stock else " <em>(out of stock)</em>"}</li>' for p in rows)
            shown = f'<ul class="staff-shown" aria-label="Products shown">{shown}</ul>'
        items.append((t.created_at, 0, f'<div class="staff-turn staff-turn--{cls}"><div class="staff-who">'
                      f'{esc(who)}</div><div class="staff-text">{text_html(mask_pii(t.text))}</div>{shown}</div>'))
    for e in events:
        items.append((e.created_at, 1, f'<div class="staff-event staff-event--{esc(e.kind)}">'
                      f'{esc(event_text(e))}</div>'))
    items.sort(key=lambda x: (x[0], x[1]))
    if not items:
        return '<div class="staff-empty">No messages yet.</div>'
    return f'<div class="staff-thread">{"".join(html for _, _, html in items)}</div>'


def event_text(e: "HandoffEvent") -> str:
    who = staff_display_name(e.staff) if e.staff else "The bot"
    when = time.strftime("%H:%M:%S", time.localtime(e.created_at))
    return {
        "escalated": f"{when} · Escalated: {reason_text(e.detail) or 'asked for a person'}",
        "taken_over": f"{when} · {who} took over",
        "handed_back": f"{when} · {who} handed back to the bot",
        "closed": f"{when} · {who if e.staff else 'Chat'} closed the chat",
        "note": f"{when} · Private note by {who}: {mask_pii(e.detail)}",
    }.get(e.kind, f"{when} · {e.kind} {e.detail}")


def audit_list(events: Sequence["HandoffEvent"]) -> str:
    """Every escalation, takeover, hand-back, close and note of a chat, newest first."""
    if not events:
        return '<div class="staff-empty">No handoff events yet.</div>'
    rows = "".join(f'<li class="staff-audit--{esc(e.kind)}">{esc(event_text(e))}</li>' for e in reversed(events))
    return f'<ul class="staff-audit">{rows}</ul>'


def chat_title(status: "SessionStatus", *, intent: float | None = None, cart_value: float = 0.0,
               me: str | None = None, now: float | None = None) -> str:
    """The detail pane's header: id, mode, holder, reason, wait, intent and cart."""
    now = time.time() if now is None else now
    mode = {"bot": "Bot is answering", "waiting": "Waiting for a person", "closed": "Closed"}.get(status.mode, "")
    if status.mode == "staff":
        mode = "You hold this chat" if status.held_by == me else f"Held by {staff_display_name(status.held_by)}"
    bits = [mode]
    if status.escalation_reason:
        bits.append(reason_text(status.escalation_reason))
    if status.mode == "waiting" and status.escalated_at:
        bits.append(f"waiting {ago(now - status.escalated_at)}")
    if intent is not None:
        bits.append(f"intent {intent:.2f}")
    if cart_value:
        bits.append(f"cart {money(cart_value)}")
    return (f'<div class="staff-title staff-title--{esc(status.mode)}"><div class="staff-title-id">Chat '
            f'<code>{esc(status.session_id[:12])}</code></div><div class="staff-title-bits">'
            f'{" · ".join(esc(b) for b in bits)}</div></div>')


def notice(text: str, *, kind: str = "info") -> str:
    """A banner above the chat: kind is info, ok or error."""
    if not text:
        return ""
    role = "alert" if kind == "error" else "status"
    return f'<div class="staff-notice staff-notice--{esc(kind)}" role="{role}">{esc(text)}</div>'
