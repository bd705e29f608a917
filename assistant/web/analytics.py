"""The shop's analytics page (`/staff/analytics`) and its CSV export, behind the staff console's login.

What a shop owner asks of the assistant: how many conversations a day, how ready to buy the
shoppers were, how often and why chats went to staff, which answers got a thumbs down (with the
question), which searches found nothing, and whether incentives were followed by carts. Everything
is computed from the session store; the charts are inline SVG drawn here (analytics_svg.py).

    register_analytics(app, bot)   # in create_app, next to the staff console
"""
from __future__ import annotations

import csv
import io
import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from html import escape
from typing import TYPE_CHECKING, Any

from assistant.web.analytics_svg import BAR, MUTED, bar_list, column_chart

if TYPE_CHECKING:
    from fastapi import FastAPI, Request

    from assistant.core import Assistant
    from assistant.nudges import BandReport
    from assistant.sessions.reporting import Activity

logger = logging.getLogger(__name__)

PAGE_PATH = "/staff/analytics"
CSV_PATH = "/staff/analytics.csv"
STAFF_MOUNT = "/staff"
SEARCH_ACTS = ("search", "refine")
# What the turn says when the shopper's constraints matched nothing and it shows the closest items
# instead; read until the turn records it as `meta["unmet"]` / `meta["no_exact_match"]`.
NO_EXACT_MATCH = "Nothing matches all of that"
INTENT_BINS = 10
ANSWER_CHARS = 240  # of a thumbed-down answer on the page


@dataclass
class FeedbackRow:
    """An answer a shopper marked down, with the message it answered."""

    session_id: str
    turn_id: int
    at: float
    question: str
    answer: str


@dataclass
class ShopAnalytics:
    """Figures for one window of days (UTC), ready to draw or export."""

    days: list[str]  # ISO dates, oldest first
    conversations_per_day: list[int]
    conversations: int
    intent_bins: list[int]  # sessions by last intent score, INTENT_BINS equal bins over [0, 1]
    intent_unknown: int
    escalated: int
    escalation_reasons: list[tuple[str, int]]
    thumbs_down: list[FeedbackRow]
    no_result_searches: list[tuple[str, int]]
    searches: int
    nudges: list["BandReport"] = field(default_factory=list)
    truncated: bool = False

    @property
    def escalation_rate(self) -> float | None:
        return self.escalated / self.conversations if self.conversations else None


def compute(activity: "Activity", nudges: list["BandReport"], *, start: datetime, days: int) -> ShopAnalytics:
    """Aggregate one window's sessions, turns and events (pure: no store access, easy to test)."""
    labels = [(start + timedelta(days=i)).date().isoformat() for i in range(days)]
    talked = [s for s in activity.sessions if s.turn_count > 0]
    per_day = Counter(datetime.fromtimestamp(s.created_at, timezone.utc).date().isoformat() for s in talked)
    bins = [0] * INTENT_BINS
    for s in talked:
        if s.last_intent is not None:
            bins[min(INTENT_BINS - 1, int(float(s.last_intent) * INTENT_BINS))] += 1
    first_reason: dict[str, str] = {}
    for e in activity.events:
        if e.kind == "escalated":
            first_reason.setdefault(e.session_id, e.detail or "(no reason)")
    last_question: dict[str, str] = {}
    thumbs_down: list[FeedbackRow] = []
    empty: Counter = Counter()
    searches = 0
    for t in activity.turns:
        if t.role == "user":
            last_question[t.session_id] = t.text
            continue
        if t.role != "assistant":
            continue
        if t.feedback == -1:
            thumbs_down.append(FeedbackRow(t.session_id, t.id, t.created_at, last_question.get(t.session_id, ""),
                                           t.text))
        if t.meta.get("act") in SEARCH_ACTS:
            searches += 1
            if (not t.product_ids or t.meta.get("unmet") or t.meta.get("no_exact_match")
                    or t.text.startswith(NO_EXACT_MATCH)):
                empty[" ".join(last_question.get(t.session_id, "").lower().split())] += 1
    return ShopAnalytics(
        days=labels, conversations_per_day=[per_day.get(d, 0) for d in labels], conversations=len(talked),
        intent_bins=bins, intent_unknown=sum(s.last_intent is None for s in talked),
        escalated=len(first_reason), escalation_reasons=Counter(first_reason.values()).most_common(),
        thumbs_down=sorted(thumbs_down, key=lambda r: -r.at), no_result_searches=empty.most_common(50),
        searches=searches, nudges=nudges, truncated=activity.truncated)


def shop_analytics(bot: "Assistant", *, days: int = 30, now: float | None = None) -> ShopAnalytics:
    """The last `days` days (today included, UTC) of this shop's conversations."""
    from assistant.nudges import incentive_report

    store = bot.sessions
    if not hasattr(store, "activity"):
        raise TypeError(f"{type(store).__name__} cannot report activity: use the SQLite or PostgreSQL session store")
    today = datetime.fromtimestamp(time.time() if now is None else now, timezone.utc).date()
    start = datetime(today.year, today.month, today.day, tzinfo=timezone.utc) - timedelta(days=days - 1)
    since = start.timestamp()
    return compute(store.activity(since=since), incentive_report(store.nudge_outcomes(since=since)),
                   start=start, days=days)


# -- output -----------------------------------------------------------------------------------------
def to_csv(a: ShopAnalytics) -> str:
    """Long format (metric, key, value, detail): one file a spreadsheet can pivot."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["metric", "key", "value", "detail"])
    for day, n in zip(a.days, a.conversations_per_day):
        w.writerow(["conversations", day, n, ""])
    for i, n in enumerate(a.intent_bins):
        w.writerow(["intent_sessions", f"{i / INTENT_BINS:.1f}-{(i + 1) / INTENT_BINS:.1f}", n, ""])
    w.writerow(["intent_sessions", "unknown", a.intent_unknown, ""])
    w.writerow(["escalation_rate", "all", "" if a.escalation_rate is None else f"{a.escalation_rate:.4f}",
                f"{a.escalated} of {a.conversations} conversations"])
    for reason, n in a.escalation_reasons:
        w.writerow(["escalation_reason", reason, n, ""])
    for r in a.thumbs_down:
        w.writerow(["thumbs_down", f"{r.session_id}#{r.turn_id}", datetime.fromtimestamp(r.at, timezone.utc)
                    .isoformat(timespec="seconds"), f"Q: {r.question} | A: {r.answer}"])
    w.writerow(["searches", "all", a.searches, ""])
    for query, n in a.no_result_searches:
        w.writerow(["no_result_search", query, n, ""])
    for band in a.nudges:
        for group in ("offered", "held_out", "not_offered"):
            g = getattr(band, group)
            w.writerow(["nudge_sessions", f"{band.band}/{group}", g.sessions, ""])
            w.writerow(["nudge_cart_adds", f"{band.band}/{group}", g.cart_added, ""])
            w.writerow(["nudge_mean_cart_value", f"{band.band}/{group}",
                        "" if g.mean_cart_value is None else f"{g.mean_cart_value:.2f}", ""])
            w.writerow(["nudge_mean_turns_after", f"{band.band}/{group}",
                        "" if g.mean_turns_after is None else f"{g.mean_turns_after:.2f}", ""])
    return out.getvalue()


def _clip(text: str, limit: int) -> str:
    """The start of a long answer (the whole one is in the chat and the CSV)."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.0%}"


def _sized(draw: Any, *args: Any, every: tuple[int, int] | None = None, **options: Any) -> str:
    """A chart drawn twice, at desktop and at phone width; CSS shows the one that fits, so its text stays legible."""
    wide = draw(*args, width=720, **({"every": every[0]} if every else {}), **options)
    narrow = draw(*args, width=340, **({"every": every[1]} if every else {}), **options)
    return f'<div class="on-wide">{wide}</div><div class="on-narrow">{narrow}</div>'


def to_html(a: ShopAnalytics, *, days: int, user: str) -> str:
    """The page: headline figures, charts, and the rows behind them (thumbs down, empty searches)."""
    from assistant.web.transcript import reason_text

    per_day = (max(1, len(a.days) // 10), max(1, len(a.days) // 4))
    charts = [
        _sized(column_chart, [d[5:] for d in a.days], a.conversations_per_day, title="Conversations per day",
               every=per_day),
        _sized(column_chart, [f"{i / INTENT_BINS:.1f}–{(i + 1) / INTENT_BINS:.1f}" for i in range(INTENT_BINS)],
               a.intent_bins, title="Purchase intent of conversations (last score)", every=(1, 3)),
        _sized(bar_list, [reason_text(r) for r, _ in a.escalation_reasons], [n for _, n in a.escalation_reasons],
               title="Escalations to staff by reason"),
        _sized(bar_list, [q or "(empty)" for q, _ in a.no_result_searches[:15]],
               [n for _, n in a.no_result_searches[:15]], title="Searches with no result"),
    ]
    nudge_rows = "".join(
        f"<tr><td>{escape(b.band)}</td><td>{name}</td><td>{g.sessions}</td><td>{g.cart_added}</td>"
        f"<td>{_pct(g.cart_add_rate)}</td><td>{'–' if g.mean_cart_value is None else f'{g.mean_cart_value:.2f}'}</td>"
        f"<td>{'–' if g.mean_turns_after is None else f'{g.mean_turns_after:.1f}'}</td></tr>"
        for b in a.nudges for name, g in (("offered", b.offered), ("held out", b.held_out),
                                           ("not offered", b.not_offered)) if g.sessions)
    # Band by band: offered next to its comparison group (held out when there is one, else not offered).
    groups = [(f"{b.band} {name}", g, name == "offered") for b in a.nudges
              for name, g in (("offered", b.offered), ("held out" if b.held_out.sessions else "none",
                                                      b.held_out if b.held_out.sessions else b.not_offered))
              if g.sessions]
    if any(offer for _, _, offer in groups):
        charts.append(_sized(column_chart, [label for label, _, _ in groups],
                             [round(100 * (g.cart_add_rate or 0)) for _, g, _ in groups],
                             colors=[BAR if offer else MUTED for _, _, offer in groups], show_zero=True,
                             title="Cart adds after the decision (% of sessions)")
                      + "<p class='legend'>Green: offered the incentive. Grey: held out, or no offer (the "
                        "policy offers only in the middle band).</p>")
    down = "".join(
        f"<tr><td>{datetime.fromtimestamp(r.at, timezone.utc):%Y-%m-%d %H:%M}</td><td>{escape(r.question)}</td>"
        f"<td>{escape(_clip(r.answer, ANSWER_CHARS))}</td><td><code>{escape(r.session_id[:12])}</code></td></tr>"
        for r in a.thumbs_down[:50])
    note = "<p class='warn'>Only the first turns of this period were read; figures are partial.</p>" \
        if a.truncated else ""
    day_links = " · ".join(f'<a href="?days={d}">{d} days</a>' for d in (7, 30, 90))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Aisle · Shop analytics</title>
<style>body{{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;background:#f6f7f9;
color:#0f172a}}main{{max-width:960px;margin:0 auto;padding:20px}}h1{{font-size:22px}}
.kpis{{display:flex;gap:12px;flex-wrap:wrap}}.kpi{{background:#fff;border-radius:10px;padding:12px 16px;
flex:1 1 130px}}.kpi b{{display:block;font-size:24px}}.card{{background:#fff;border-radius:10px;padding:12px;
margin:14px 0;overflow-x:auto}}h2{{font-size:15px;margin:2px 0 10px;color:#334155}}table{{border-collapse:collapse;
width:100%;font-size:13px}}td,th{{border-bottom:1px solid #e2e8f0;padding:6px;text-align:left;vertical-align:top}}
.warn{{color:#b45309}}a{{color:#0f766e}}.wide{{min-width:520px}}.on-narrow{{display:none}}.legend{{font-size:12px;color:#475569;margin:4px 8px}}
@media (max-width:640px){{main{{padding:12px}}.on-wide{{display:none}}.on-narrow{{display:block}}}}
</style></head><body><main>
<p><a href="/staff/">← Staff console</a> · Signed in as {escape(user)} · <a href="{CSV_PATH}?days={days}">
Download CSV</a></p><h1>Shop analytics, last {days} days</h1><p>{day_links}</p>{note}
<div class="kpis"><div class="kpi">Conversations<b>{a.conversations}</b></div>
<div class="kpi">Escalation rate<b>{_pct(a.escalation_rate)}</b>{a.escalated} to staff</div>
<div class="kpi">Thumbs down<b>{len(a.thumbs_down)}</b></div>
<div class="kpi">Searches with no result<b>{sum(n for _, n in a.no_result_searches)}</b>of {a.searches}</div></div>
{"".join(f'<div class="card">{c}</div>' for c in charts)}
<div class="card"><h2>Incentives and what followed</h2><table class="wide"><tr><th>intent band</th><th>group</th><th>sessions</th>
<th>cart adds</th><th>add rate</th><th>mean cart</th><th>turns after</th></tr>{nudge_rows or
'<tr><td colspan=7>No incentive decisions in this period.</td></tr>'}</table></div>
<div class="card"><h2>Answers with a thumbs down</h2><table class="wide"><tr><th>when (UTC)</th><th>shopper asked</th>
<th>assistant answered</th><th>chat</th></tr>{down or '<tr><td colspan=4>None in this period.</td></tr>'}</table></div>
</main></body></html>"""


# -- routes -----------------------------------------------------------------------------------------
def staff_user(app: "FastAPI", request: "Request") -> str | None:
    """The staff member logged in to the console (Gradio's login cookie for the /staff mount), or None."""
    from starlette.routing import Mount

    for route in app.routes:
        if isinstance(route, Mount) and route.path == STAFF_MOUNT:
            console = route.app
            cookie_id = getattr(console, "cookie_id", None)
            tokens = getattr(console, "tokens", None) or {}
            token = request.cookies.get(f"access-token-{cookie_id}") or request.cookies.get(
                f"access-token-unsecure-{cookie_id}")
            return tokens.get(token) if token else None
    return None


def register_analytics(app: "FastAPI", bot: "Assistant") -> None:
    """Add /staff/analytics and /staff/analytics.csv, served only to a logged-in staff member."""
    from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
    from starlette.routing import Route

    def window(days: Any) -> int:
        try:
            return min(365, max(1, int(days)))
        except (TypeError, ValueError):
            return 30

    async def page(request: "Request") -> Response:
        user = staff_user(app, request)
        if user is None:
            return RedirectResponse(STAFF_MOUNT + "/", status_code=303)
        days = window(request.query_params.get("days", 30))
        return HTMLResponse(to_html(shop_analytics(bot, days=days), days=days, user=user),
                            headers={"Cache-Control": "no-store"})

    async def export(request: "Request") -> Response:
        if staff_user(app, request) is None:
            return PlainTextResponse("Log in to the staff console first: /staff/", status_code=401)
        days = window(request.query_params.get("days", 30))
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d")
        return PlainTextResponse(to_csv(shop_analytics(bot, days=days)), media_type="text/csv",
                                 headers={"Content-Disposition": f'attachment; filename="aisle-analytics-{stamp}.csv"',
                                          "Cache-Control": "no-store"})

    # The console is mounted at /staff and a mount answers every path below it: these routes go first.
    app.router.routes[0:0] = [Route(PAGE_PATH, page, methods=["GET"]), Route(CSV_PATH, export, methods=["GET"])]
