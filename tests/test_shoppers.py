"""Returning shoppers: linked sessions (SQLite and a real PostgreSQL), recommendations from their history,
and "delete my data" removing every trace."""
from __future__ import annotations

import sqlite3

import pytest
from contracts import FakeClock
from fixtures_postgres import postgres_dsn, postgres_server  # noqa: F401 (fixtures)
from sql_stores import OnPostgres, OnSQLite

from assistant.sessions import ShopperLog, UnknownSessionError
from assistant.shoppers import ShopperProfile, personalise, recommend


class ShopperLogContract:
    @pytest.fixture
    def clock(self) -> FakeClock:
        return FakeClock()

    def _visit(self, store, clock, shopper, text, *, viewed=(), cart=()):
        sid = store.create_session()
        store.link_shopper(sid, shopper)
        store.append_turn(sid, "user", text, meta={"act": "search"})
        store.append_turn(sid, "user", "thanks", meta={"act": "chitchat"})
        reply = store.append_turn(sid, "assistant", "here", product_ids=list(viewed))
        store.save_state(sid, {"viewed": list(viewed), "cart": [{"product_id": p, "quantity": 1} for p in cart],
                               "cart_value": 10.0 * len(cart)})
        clock.advance(60)
        return sid, reply

    def test_is_a_shopper_log(self, store):
        assert isinstance(store, ShopperLog)

    def test_history_spans_the_shoppers_sessions_newest_first(self, store, clock):
        first, _ = self._visit(store, clock, "cust-1", "trail  boots", viewed=["b1", "b2"], cart=["b2"])
        second, _ = self._visit(store, clock, "cust-1", "rain jacket", viewed=["j1", "b1"])
        self._visit(store, clock, "cust-2", "tent", viewed=["t1"], cart=["t1"])
        store.create_session("anonymous")
        h = store.shopper_history("cust-1")
        assert h.session_ids == [second, first]
        assert h.searches == ["rain jacket", "trail boots"]
        assert h.viewed == ["b1", "j1", "b2"] and h.carted == ["b2"]
        assert store.shopper_history("cust-1", sessions=1).searches == ["rain jacket"]
        empty = store.shopper_history("nobody")
        assert (empty.session_ids, empty.searches, empty.viewed, empty.carted) == ([], [], [], [])

    def test_a_session_belongs_to_one_shopper(self, store):
        sid = store.create_session()
        store.link_shopper(sid, "cust-1")
        store.link_shopper(sid, "cust-1")  # again: harmless
        with pytest.raises(ValueError, match="another shopper"):
            store.link_shopper(sid, "cust-2")
        with pytest.raises(UnknownSessionError):
            store.link_shopper("ghost", "cust-1")
        with pytest.raises(ValueError, match="shopper_id"):
            store.link_shopper(sid, "  ")

    def test_forget_removes_everything_of_that_shopper_only(self, store, clock):
        mine, reply = self._visit(store, clock, "cust-1", "boots", viewed=["b1"], cart=["b1"])
        store.set_feedback(mine, reply.id, -1)
        store.escalate(mine, "human_request")
        store.add_note(mine, staff="anna", text="called back")
        store.record_nudge_decision(mine, band="middle", score=0.5, offered=True)
        other, _ = self._visit(store, clock, "cust-2", "tent", viewed=["t1"])
        assert store.forget_shopper("cust-1") == 1
        assert not store.session_exists(mine) and store.session_exists(other)
        with pytest.raises(UnknownSessionError):
            store.turns(mine)
        assert store.shopper_history("cust-1").session_ids == []
        assert [o.session_id for o in store.nudge_outcomes()] == []
        assert all(s.session_id != mine for s in store.list_sessions(include_closed=True))
        assert store.forget_shopper("cust-1") == 0
        assert [t.text for t in store.turns(other)][0] == "tent"


class TestSQLiteShoppers(ShopperLogContract, OnSQLite):
    def test_forgotten_text_is_gone_from_the_file_tables(self, store, clock, tmp_path):
        self._visit(store, clock, "cust-1", "my secret search", viewed=["b1"])
        store.forget_shopper("cust-1")
        db = sqlite3.connect(tmp_path / "sessions.db")
        for table in ("sessions", "turns", "session_state", "handoff_events", "nudge_outcomes"):
            rows = db.execute(f"SELECT * FROM {table}").fetchall()
            assert not any("secret" in str(r) or "cust-1" in str(r) for r in rows), table
        db.close()


class TestPostgresShoppers(ShopperLogContract, OnPostgres):
    """The same contract on a real PostgreSQL server."""


# -- recommendations over the real demo catalog and the real assistant --------------------------------
@pytest.fixture(scope="module")
def bot(demo_db, tmp_path_factory):
    from assistant import Assistant
    from assistant.settings import Settings

    settings = Settings(data_dir=tmp_path_factory.mktemp("shoppers-data"))
    return Assistant.from_catalog(demo_db, settings=settings, generator=None, nudge_policy=None)


def test_a_returning_shoppers_history_shapes_recommendations(bot):
    first = bot.chat("waterproof hiking boots")
    bot.sessions.link_shopper(first.session_id, "cust-42")
    bot.add_to_cart(first.session_id, first.products[0].id)
    carted = bot.retriever.store.get(first.products[0].id)
    history = bot.sessions.shopper_history("cust-42")
    assert history.searches == ["waterproof hiking boots"] and history.carted == [carted.id]
    profile = ShopperProfile.build(history, bot.retriever.store)
    assert profile.categories.most_common(1)[0][0] == carted.category
    picks = recommend(bot.retriever, profile, k=4)
    assert picks and carted.id not in {p.id for p in picks}
    assert sum(p.category == carted.category for p in picks) >= 3

    # The same search from someone else vs. this shopper: their favourite brand moves up, at most 2 places.
    found = bot.chat("hiking boots").products
    mine = personalise(found, profile)
    assert sorted(p.id for p in mine) == sorted(p.id for p in found)
    for p in mine:
        assert mine.index(p) >= found.index(p) - 2
    assert personalise(found, None) == found


def test_delete_my_data_through_the_store_the_assistant_uses(bot):
    reply = bot.chat("a camping stove")
    bot.sessions.link_shopper(reply.session_id, "cust-delete")
    assert bot.sessions.forget_shopper("cust-delete") == 1
    assert not bot.sessions.session_exists(reply.session_id)
    assert ShopperProfile.build(bot.sessions.shopper_history("cust-delete"), bot.retriever.store).empty


# -- history that changes what a returning shopper sees first ---------------------------------------
def _distinct(bot, n: int):
    """n in-stock demo products of n different categories and brands (real catalog rows)."""
    picked, cats, brands = [], set(), set()
    for p in bot.retriever.store.iter_products():
        if p.in_stock and p.category not in cats and p.brand and p.brand not in brands:
            picked.append(p)
            cats.add(p.category)
            brands.add(p.brand)
        if len(picked) == n:
            return picked
    raise AssertionError("the demo catalog has too few categories")


def test_rerank_lifts_what_suits_the_shopper_among_near_ties_only(bot):
    from collections import Counter
    from dataclasses import replace

    from assistant.shoppers import TIE_MARGIN, rerank
    from retrieval.retriever import Hit

    rows = _distinct(bot, 6)
    scores = [0.0330, 0.0325, 0.0322, 0.0320, 0.0318, 0.0200]  # five near-tied, one far behind
    hits = [Hit(p, s) for p, s in zip(rows, scores)]
    ids = [p.id for p in rows]
    near, far = rows[4], rows[5]
    likes = ShopperProfile("cust-7", categories=Counter({near.category: 3, far.category: 3}),
                           brands=Counter({near.brand: 3, far.brand: 3}))
    mine = [p.id for p in rerank(hits, likes, k=4)]
    assert mine[0] == near.id  # from fifth (out of the cards) to first: it was within the margin
    assert far.id not in mine  # a clearly worse match stays out, whatever the shopper likes
    assert scores[5] / scores[0] + TIE_MARGIN < scores[3] / scores[0]
    # Anonymous shoppers, or ones with no history, see the hits' own order.
    assert [p.id for p in rerank(hits, None, k=4)] == ids[:4]
    assert [p.id for p in rerank(hits, ShopperProfile("new"), k=4)] == ids[:4]
    # An out-of-stock product stays behind the in-stock ones, however well it suits.
    gone = [Hit(replace(h.product, stock=0), h.score) if h.product.id == near.id else h for h in hits]
    assert [p.id for p in rerank(gone, likes, k=6)][-1] == near.id


def test_rerank_leaves_an_anonymous_search_of_the_real_catalog_unchanged(bot):
    from assistant.shoppers import rerank

    hits = bot.retriever.search("hiking boots", k=12)
    assert [p.id for p in rerank(hits, None, k=4)] == [h.product.id for h in hits[:4]]


@pytest.mark.parametrize("text", [
    "show me something like what I bought last time", "anything new for me?", "what would you recommend for me?",
    "similar to last time please", "recommend me something", "surprise me", "给我推荐点东西", "像上次那样的",
])
def test_vague_return_requests_are_recognised(text):
    from assistant.shoppers import wants_picks

    assert wants_picks(text)


@pytest.mark.parametrize("text", [
    "waterproof hiking boots", "the last time I bought boots they leaked", "anything cheaper?",
    "recommend a tent for two", "do you have anything like that in blue?", "有类似的便宜点的吗", "",
])
def test_ordinary_messages_are_not_vague_requests(text):
    from assistant.shoppers import wants_picks

    assert not wants_picks(text)


def test_a_vague_return_request_is_answered_from_history_only_for_a_known_shopper(bot):
    from assistant.shoppers import picks_for

    first = bot.chat("a camping stove")
    bot.sessions.link_shopper(first.session_id, "cust-stove")
    bot.add_to_cart(first.session_id, first.products[0].id)
    carted = bot.retriever.store.get(first.products[0].id)
    picks = picks_for("anything new for me?", "cust-stove", bot.sessions, bot.retriever, k=4)
    assert picks and carted.id not in {p.id for p in picks}
    assert sum(p.category == carted.category for p in picks) >= 2
    assert picks_for("anything new for me?", None, bot.sessions, bot.retriever) is None  # anonymous
    assert picks_for("anything new for me?", "never-seen", bot.sessions, bot.retriever) is None  # no history
    assert picks_for("a camping stove", "cust-stove", bot.sessions, bot.retriever) is None  # an ordinary search
