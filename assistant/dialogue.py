"""One shopper turn, from message to streamed, grounded answer.

Data flows one way: understand the message -> score intent / check escalation -> act (search,
answer from facts, compare, cart) -> let the generator phrase it -> guard the text -> store.
The turn is a generator of events so the web UI can show cards before the text streams in.
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from assistant import answers, cart
from assistant.answers import money
from assistant.grounding import GroundingGuard
from assistant.inputs import clean_message, strip_injection
from assistant.messages import ChatMessage
from assistant.reply import Reply
from catalog.models import Product
from prompts import render

if TYPE_CHECKING:
    from assistant.core import Assistant

logger = logging.getLogger(__name__)

TAKEOVER_CHECK_SECONDS = 0.3  # how often a streaming reply checks whether staff took the chat
MIN_RELEVANCE = 0.22  # a dense-only hit below this cosine is noise, not an answer


@dataclass
class Event:
    """`products` (cards, before text), `delta` (text), or `reply` (the finished Reply)."""

    kind: str
    value: Any


@dataclass
class Draft:
    """What an act decided before the model speaks: cards, a fallback answer, and a prompt if any."""

    act: str
    products: list[Product] = field(default_factory=list)
    fallback: str = ""  # the template answer, used as is when `prompt` is None or the model fails
    prompt: str | None = None  # user prompt for the generator
    prefix: str = ""  # deterministic text shown before the generated part (e.g. a comparison table)
    other_titles: list[str] = field(default_factory=list)
    allowed_amounts: list[float] = field(default_factory=list)
    unmet: bool = False  # the shopper's need was not met this turn


def run_turn(bot: "Assistant", message: object, session_id: str) -> Iterator[Event]:
    """Handle one shopper message; yields Events, the last one carrying the Reply."""
    t_start = time.perf_counter()
    timings: dict[str, float] = {}
    store = bot.sessions
    status = store.status(session_id)
    if status.mode == "closed":
        reply = Reply(session_id, "This chat has been closed. Start a new chat to keep shopping.", act="closed")
        yield Event("reply", reply)
        return
    text, problem = clean_message(message, max_chars=bot.max_message_chars)
    state = store.load_state(session_id)
    if problem:
        yield from _bad_input(bot, session_id, text, problem, state)
        return

    from assistant.understanding import Preferences, understand

    original_text = text
    text, injected = strip_injection(text)
    if injected:
        logger.warning("session %s: instruction-like text removed from a shopper message", session_id)
    if not text:
        store.append_turn(session_id, "user", original_text, meta={"injection": True})
        answer = render("injection")
        turn = store.append_turn(session_id, "assistant", answer, meta={"act": "injection"})
        yield Event("delta", answer)
        yield Event("reply", Reply(session_id, answer, act="injection", turn_id=turn.id, cart=_cart(bot, state)))
        return

    shown: list[str] = state.get("shown", [])
    shown_products = bot.retriever.store.get_many(shown)
    t = time.perf_counter()
    u = understand(text, vocab=bot.vocab, shown=[p.id for p in shown_products],
                   shown_titles=[p.title for p in shown_products])
    timings["understand"] = time.perf_counter() - t

    _count_signals(state, u)
    history = [turn.text for turn in store.turns(session_id) if turn.role == "user"][-6:]
    t = time.perf_counter()
    signals = _signals(state)
    intent = bot.intent_scorer.score(text, history=history, signals=signals) if bot.intent_scorer else 0.0
    timings["intent"] = time.perf_counter() - t

    escalation = None
    if bot.escalation_enabled and status.mode == "bot":
        from assistant.escalation import detect_escalation

        escalation = detect_escalation(text, history=history, signals=_signals(state), intent=intent,
                                       unmet_turns=state.get("unmet", 0))
    store.append_turn(session_id, "user", original_text, intent=intent, meta={"act": u.act, "injection": injected})

    if status.mode == "staff":  # a person holds the chat: the bot stays silent
        store.save_state(session_id, state)
        yield Event("reply", Reply(session_id, "", intent=intent, escalated=True, answered_by="staff",
                                   escalation_reason=status.escalation_reason, act=u.act,
                                   cart=_cart(bot, state), timings=timings))
        return
    if escalation is not None or u.act == "human":
        reason = escalation.reason if escalation is not None else "human_request"
        status = store.escalate(session_id, reason)
        answer = render("handoff") if reason != "high_value_cart" else render("handoff_cart")
        turn = store.append_turn(session_id, "assistant", answer, meta={"act": "escalate", "reason": reason})
        state["unmet"] = 0
        store.save_state(session_id, state)
        yield Event("delta", answer)
        yield Event("reply", Reply(session_id, answer, intent=intent, escalated=True, escalation_reason=reason,
                                   act="escalate", cart=_cart(bot, state), turn_id=turn.id, timings=timings))
        return

    t = time.perf_counter()
    prefs = Preferences.from_dict(state.get("preferences") or {})
    draft, prefs = _act(bot, u, text, prefs, state, shown_products)
    timings["retrieval"] = time.perf_counter() - t
    if draft.products:
        yield Event("products", draft.products)

    t_gen = time.perf_counter()
    pieces: list[str] = []
    grounding = "template"
    interrupted = False
    if draft.prefix:
        pieces.append(draft.prefix)
        yield Event("delta", draft.prefix)
    dropped_kinds: list[str] = []
    if draft.prompt is not None and bot.generator is not None:
        guard = GroundingGuard(draft.products, other_titles=draft.other_titles,
                               find_titles=lambda sentence: _titles_in(bot, sentence),
                               allowed_amounts=draft.allowed_amounts, shopper_text=text)
        messages = _messages(bot, session_id, draft.prompt)
        generated: list[str] = []
        last_check = time.perf_counter()
        first = True
        try:
            for chunk in guard.filter_stream(bot.generator.stream(messages, max_new_tokens=bot.max_new_tokens)):
                if first:
                    timings["first_text"] = time.perf_counter() - t_gen
                    first = False
                if draft.prefix and not generated:
                    chunk = "\n\n" + chunk
                generated.append(chunk)
                yield Event("delta", chunk)
                if time.perf_counter() - last_check > TAKEOVER_CHECK_SECONDS:
                    last_check = time.perf_counter()
                    if store.status(session_id).mode == "staff":
                        interrupted = True
                        break
        except Exception as exc:  # the model failed mid-answer: the template answer still serves the shopper
            logger.error("generator failed (%s): answering from the template", exc)
            generated = []
        answer_text = "".join(generated).strip()
        if interrupted:
            grounding = guard.status
        elif guard.kept == 0 or len(answer_text) < 12:
            grounding = "replaced" if guard.dropped else "template"
            generated = []
        else:
            grounding = guard.status
        dropped_kinds = sorted({v.kind for _, vs in guard.dropped for v in vs})
        if guard.dropped:
            logger.info("grounding dropped %d sentence(s): %s", len(guard.dropped),
                        [v.kind for _, vs in guard.dropped for v in vs])
        pieces.extend(generated)
    if not interrupted and (draft.prompt is None or bot.generator is None or grounding in ("replaced", "template")):
        fallback = draft.fallback
        if fallback:
            sep = "\n\n" if pieces else ""
            pieces.append(sep + fallback)
            yield Event("delta", sep + fallback)
    timings["generation"] = time.perf_counter() - t_gen

    nudge_text = None
    if bot.nudge_policy is not None and not interrupted:
        nudge_text = _nudge(bot, session_id, intent, state)
        if nudge_text:
            pieces.append("\n\n" + nudge_text)
            yield Event("delta", "\n\n" + nudge_text)

    answer = "".join(pieces).strip()
    state["preferences"] = prefs.to_dict()
    if draft.products:
        state["shown"] = [p.id for p in draft.products]
        state.setdefault("viewed", [])
        state["viewed"] = list(dict.fromkeys(state["viewed"] + state["shown"]))[-200:]
    state["unmet"] = state.get("unmet", 0) + 1 if draft.unmet else 0
    cart_view = _cart(bot, state)
    state["cart_value"] = cart_view["total"]
    turn = store.append_turn(
        session_id, "assistant", answer, product_ids=[p.id for p in draft.products],
        meta={"act": draft.act, "grounding": grounding, "interrupted": interrupted, "nudge": nudge_text,
              "dropped": dropped_kinds},
    )
    store.save_state(session_id, state)
    timings["total"] = time.perf_counter() - t_start
    status = store.status(session_id)
    yield Event("reply", Reply(
        session_id, answer, products=draft.products, intent=intent, escalated=status.mode in ("waiting", "staff"),
        escalation_reason=status.escalation_reason, act=draft.act, cart=cart_view, nudge=nudge_text,
        grounding=grounding, turn_id=turn.id, timings=timings))


# -- acts -----------------------------------------------------------------------------------------
def _act(bot, u, text, prefs, state, shown):
    """Decide what to show and say for one understood message; returns (Draft, new preferences)."""
    act = u.act
    referenced = [shown[i] for i in u.references if 0 <= i < len(shown)]
    if act in ("search", "refine"):
        return _search(bot, u, text, prefs, state, shown)
    if act == "question" and len(referenced) > 1 and u.filters_delta:
        # "do you have them in size 13?" asks to narrow the list, not about one product.
        return _search(bot, replace(u, act="refine"), text, prefs, state, shown)
    if act == "question":
        # With several products on screen and no pointer, "it" most likely means the top one;
        # the answer names the product, so the shopper sees which one was meant.
        target = referenced or _focus(bot, state, shown) or list(shown[:1])
        if not target:
            return _search(bot, u, text, prefs, state, shown)
        state["focus"] = target[0].id
        return _question(bot, u, text, target), prefs
    if act == "compare":
        items = referenced if len(referenced) >= 2 else shown[:3]
        if len(items) < 2:
            return Draft("compare", fallback="Show me a few products first, then ask me to compare them "
                                              "(for example \"compare the first two\").", unmet=True), prefs
        state["compared"] = sorted(set(state.get("compared", [])) | {p.id for p in items})
        return Draft("compare", products=items, prefix=answers.compare_table(items),
                     prompt=render("compare", products=_product_block(items), message=text)), prefs
    if act == "cart_add":
        target = referenced or _focus(bot, state, shown)
        if not target:
            return Draft("cart_add", fallback="Which product should I add? Say for example \"add the first one\".",
                         unmet=True), prefs
        product = target[0]
        if not product.in_stock:
            return Draft("cart_add", products=[product],
                         fallback=f"Sorry, the {product.title} is out of stock, so I can't add it to your cart."), prefs
        cart.add(state, product, getattr(u, "quantity", 1) or 1)
        view = _cart(bot, state)
        state["focus"] = product.id
        return Draft("cart_add", fallback=f"Added {product.title} ({money(product.price, product.currency)}) to "
                     f"your cart. Cart total: {money(view['total'], view['currency'])} for {view['count']} "
                     f"item{'s' if view['count'] != 1 else ''}."), prefs
    if act == "cart_remove":
        in_cart = {line["product_id"] for line in cart.cart_items(state)}
        target = [p for p in referenced if p.id in in_cart] or bot.retriever.store.get_many(list(in_cart))[:1] \
            if len(in_cart) == 1 else [p for p in referenced if p.id in in_cart]
        if not target:
            return Draft("cart_remove", fallback="Which item should I remove? Your cart:\n" + _cart_text(bot, state)), prefs
        cart.remove(state, target[0].id)
        view = _cart(bot, state)
        return Draft("cart_remove", fallback=f"Removed {target[0].title}. Cart total: "
                     f"{money(view['total'], view['currency'])}."), prefs
    if act == "cart_show":
        return Draft("cart_show", fallback=_cart_text(bot, state)), prefs
    templates = {"greeting": "greeting", "thanks": "thanks", "smalltalk": "off_topic", "off_topic": "off_topic"}
    if act in templates:
        return Draft(act, fallback=render(templates[act])), prefs
    return Draft("unclear", fallback=render("unclear"), unmet=True), prefs


def _search(bot, u, text, prefs, state, shown):
    prefs = prefs.apply(u, last_prices=[p.price for p in shown])
    filters = prefs.filters
    if getattr(u, "more", False) and shown:
        filters = filters.merged(exclude_ids=tuple(set(filters.exclude_ids) | {p.id for p in shown}))
    query = prefs.query or getattr(u, "query_text", "") or text
    k = bot.max_products
    hits = bot.retriever.search(query, k=k + 8, filters=filters)
    hits = _relevant(hits)
    note = ""
    if not hits and not filters.is_empty():
        # Say what does not exist instead of silently ignoring the shopper's constraint.
        relaxed = bot.retriever.search(query, k=k, filters=filters.merged(price_min=None, price_max=None,
                                                                          attributes={}, min_rating=None))
        relaxed = _relevant(relaxed)
        if relaxed:
            note = f"Nothing matches all of that ({_constraint_words(filters)}). The closest options:"
            hits = relaxed
    state.pop("focus", None)
    named = hits[0].product if hits and _names_product(query, hits[0].product) else None
    if named is not None:
        state["focus"] = named.id  # the shopper named this product: "it" now means it
    # Shoppers want what they can buy now: out-of-stock items keep their order but go last
    # (unless the shopper asked for that very product).
    hits = sorted(hits, key=lambda h: h.product is not named and not h.product.in_stock)
    products = [h.product for h in hits[:k]]
    others = [h.product.title for h in hits[k:]] + [p.title for p in shown if p not in products]
    need = query
    if not products:
        return Draft("search", fallback=answers.search_answer([], need=need), unmet=True), prefs
    amounts = [a for a in (filters.price_max, filters.price_min) if a is not None]
    prompt = render("search", products=_product_block(products), message=text,
                    note=(note + "\n") if note else "")
    fallback = answers.search_answer(products, need=need, note=note)
    return Draft(u.act if u.act in ("search", "refine") else "search", products=products, fallback=fallback,
                 prompt=prompt, other_titles=others, allowed_amounts=amounts,
                 prefix=note), prefs


def _question(bot, u, text, targets: Sequence[Product]) -> Draft:
    topic = getattr(u, "question_topic", None) or "other"
    product = targets[0]
    if topic in answers.TOPIC_KEYS or topic in ("price", "stock"):
        lines = [answers.fact_answer(p, topic) for p in targets[:3]]
        return Draft("question", products=list(targets[:3]), fallback="\n".join(lines))
    # reviews and open questions: let the model read this product's data, guarded.
    return Draft("question", products=[product], prompt=render(
        "question", products=_product_block([product], reviews=True), title=product.title, message=text),
        fallback=answers.fact_answer(product, topic) if topic == "reviews" else
        f"I checked the catalog entry for the {product.title} but it doesn't answer that, so I don't want to guess.")


# -- helpers --------------------------------------------------------------------------------------
def _bad_input(bot, session_id, text, problem, state) -> Iterator[Event]:
    answers_by_problem = {
        "empty": "Please type a message — for example \"running shoes under $100\".",
        "too_long": (f"That message is too long for me ({len(text):,} characters). Please keep it under "
                     f"{bot.max_message_chars:,} characters and tell me what you're looking for."),
        "unreadable": "Sorry, I couldn't read that message. Could you type what you're looking for?",
    }
    answer = answers_by_problem[problem]
    turn_id = None
    if problem != "empty":  # nothing is lost: the shopper's message is kept in the transcript
        bot.sessions.append_turn(session_id, "user", text, meta={"rejected": problem})
        turn_id = bot.sessions.append_turn(session_id, "assistant", answer, meta={"act": "bad_input"}).id
        bot.sessions.save_state(session_id, state)
    yield Event("delta", answer)
    yield Event("reply", Reply(session_id, answer, act="bad_input", turn_id=turn_id, cart=_cart(bot, state)))


def _messages(bot, session_id: str, prompt: str) -> list[ChatMessage]:
    """System rules (identical every turn, so a backend can cache them) + the last exchange + this prompt."""
    # No transcript: the dialogue state already resolved "cheaper"/"the second one" into the rows
    # the prompt carries, and every history token would add prefill time before the first word.
    return [ChatMessage.system(render("system")), ChatMessage.user(prompt)]


PROMPT_PRODUCTS = 3  # rows the model reads; every prompt token costs ~10 ms of prefill on 2 cores
PROMPT_SPECS = 3


def _product_block(products: Sequence[Product], *, reviews: bool = False) -> str:
    """Compact catalog rows for the model: time to first token grows with every token here."""
    rows = []
    for i, p in enumerate(products[:PROMPT_PRODUCTS], 1):
        facts = [(k, v) for k, v in p.facts().items() if k not in ("subcategory", "colors_available", "sizes_available")
                 and len(answers.value_text(v)) <= 40][:PROMPT_SPECS]
        specs = "; ".join(f"{k.replace('_', ' ')}: {answers.value_text(v)}" for k, v in facts)
        rows.append(render(
            "product", index=i, title=p.title, price=money(p.price, p.currency),
            rating=f"{p.rating:.1f}/5" if p.rating is not None else "none",
            stock="in stock" if p.in_stock else "out of stock",
            description=_first_sentence(p.description, 100), specs=specs or "-"))
        if reviews and p.reviews:
            rows.append("    reviews: " + " | ".join(
                f"{r.get('rating', '?')}/5 {str(r.get('text', ''))[:90]}" for r in p.reviews[:3]))
    return "\n".join(rows)


def _first_sentence(text: str, limit: int) -> str:
    text = " ".join(text.split())
    cut = re.split(r"(?<=[.!?。！？])\s", text, maxsplit=1)[0]
    return cut[:limit]


def _focus(bot, state, shown) -> list[Product]:
    """The product a bare "it" refers to: the last one talked about, else the only one shown."""
    if state.get("focus"):
        p = bot.retriever.store.get(state["focus"])
        if p is not None and (not shown or p.id in {s.id for s in shown}):
            return [p]
    return list(shown[:1]) if len(shown) == 1 else []


def _relevant(hits):
    """Hits the keyword side matched, or whose embedding similarity is above the noise floor."""
    return [h for h in hits if h.lexical_score is not None or (h.dense_score or 0) >= MIN_RELEVANCE]


def _titles_in(bot, sentence: str) -> list[str]:
    """Catalog titles that share words with a generated sentence (FTS), for the product check."""
    ids = [pid for pid, _ in bot.retriever.store.lexical_search(sentence, limit=8)]
    return [p.title for p in bot.retriever.store.get_many(ids)]


def _names_product(query: str, product: Product) -> bool:
    """True when the query spells out most of a product's title (at least three words of it)."""
    words = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 1]
    title = set(re.findall(r"\w+", product.title.lower()))
    return len(words) >= 3 and sum(w in title for w in words) / len(words) >= 0.8


def _constraint_words(filters) -> str:
    bits = []
    if filters.price_max is not None:
        bits.append(f"under {money(filters.price_max, filters.currency or 'USD')}")
    if filters.price_min is not None:
        bits.append(f"over {money(filters.price_min, filters.currency or 'USD')}")
    for k, v in filters.attributes.items():
        bits.append(f"{k} {answers.value_text(v)}")
    if filters.min_rating is not None:
        bits.append(f"rated {filters.min_rating}+")
    return ", ".join(bits) or "your filters"


def _cart(bot, state) -> dict:
    return cart.summary(state, bot.retriever.store.get_many)


def _cart_text(bot, state) -> str:
    view = _cart(bot, state)
    if not view["items"]:
        return "Your cart is empty."
    lines = [f"- {line['quantity']} × {line['title']} — {money(line['subtotal'], line['currency'])}"
             for line in view["items"]]
    return "Your cart:\n" + "\n".join(lines) + f"\nTotal: {money(view['total'], view['currency'])}"


_TOPIC_SIGNAL = {"price": "asked_price", "shipping": "asked_delivery", "stock": "asked_stock", "size": "asked_size"}


def _count_signals(state: dict, u) -> None:
    state["turns"] = state.get("turns", 0) + 1
    state.setdefault("started_at", time.time())
    flag = _TOPIC_SIGNAL.get(getattr(u, "question_topic", None) or "")
    if flag:
        state[flag] = True


def _signals(state: dict):
    from assistant.intent.signals import SessionSignals

    lines = cart.cart_items(state)
    return SessionSignals(
        turns=state.get("turns", 0), products_viewed=len(state.get("viewed", [])),
        products_compared=len(state.get("compared", [])), asked_price=bool(state.get("asked_price")),
        asked_delivery=bool(state.get("asked_delivery")), asked_stock=bool(state.get("asked_stock")),
        asked_size=bool(state.get("asked_size")), cart_items=sum(line["quantity"] for line in lines),
        cart_value=float(state.get("cart_value", 0.0)),
        seconds_since_start=max(0.0, time.time() - state.get("started_at", time.time())),
    )


def _nudge(bot, session_id: str, intent: float, state: dict) -> str | None:
    nudge = bot.nudge_policy.decide(session_id=session_id, score=intent, state=state)
    return nudge.text if nudge is not None else None
