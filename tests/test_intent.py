"""Intent scorer (real MiniLM model), its training reproducibility, and the nudge policy."""
from __future__ import annotations

import json
import logging
import math
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.intent import IntentScorer, SessionSignals
from assistant.intent.head import DEFAULT_PATH, IntentArtifact
from assistant.nudges import Nudge, NudgePolicy

ROOT = Path(__file__).resolve().parents[1]
BUYING = [
    "I'll take it, add the size 10 to my cart",
    "how fast can you ship the blue one to Boston?",
    "can I pay with PayPal for the black backpack?",
    "I need a waterproof jacket in large, under 150",
]
BROWSING = ["just looking around", "hi", "tell me a joke", "where is my order?", "I forgot my password"]


@pytest.fixture(scope="module")
def scorer() -> IntentScorer:
    return IntentScorer.from_defaults()


def test_buying_turns_score_above_browsing_turns(scorer):
    buying = {t: scorer.score(t) for t in BUYING}
    browsing = {t: scorer.score(t) for t in BROWSING}
    assert min(buying.values()) > max(browsing.values()), (buying, browsing)
    assert min(buying.values()) > 0.75 and max(browsing.values()) < 0.35, (buying, browsing)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "ok", "我要买这个", "随便看看", "x" * 5000, "I'll take it 🙂", "DO YOU HAVE IT IN RED???"],
)
def test_score_is_a_probability(scorer, text):
    for signals in (None, SessionSignals(), SessionSignals(turns=9, products_viewed=500, cart_items=40, cart_value=1e6,
                                                           asked_price=True, asked_delivery=True, asked_stock=True,
                                                           asked_size=True, products_compared=5)):
        s = scorer.score(text, history=["hi", "I need shoes"], signals=signals)
        assert 0.0 <= s <= 1.0 and not math.isnan(s)


def test_signals_raise_the_score(scorer):
    text, history = "is this one any good?", ["hello", "I'm looking at coffee grinders"]
    base = scorer.score(text, history)
    assert scorer.score(text, history, SessionSignals()) == pytest.approx(base)
    with_cart = scorer.score(text, history, SessionSignals(cart_items=1, cart_value=80.0))
    assert with_cart > base + 0.05
    steps = [
        SessionSignals(turns=3),
        SessionSignals(turns=3, products_viewed=4),
        SessionSignals(turns=3, products_viewed=4, asked_price=True),
        SessionSignals(turns=3, products_viewed=4, asked_price=True, asked_delivery=True),
        SessionSignals(turns=3, products_viewed=4, asked_price=True, asked_delivery=True, cart_items=1),
        SessionSignals(turns=3, products_viewed=4, asked_price=True, asked_delivery=True, cart_items=3),
    ]
    scores = [scorer.score(text, history, s) for s in steps]
    assert scores == sorted(scores) and scores[-1] > scores[0], scores


def test_history_carries_intent(scorer):
    buying = scorer.score("ok", ["I need running shoes in size 9", "how much is shipping to Denver?"])
    browsing = scorer.score("ok", ["hi", "just browsing, nothing in particular"])
    assert buying > 0.7 > 0.3 > browsing, (buying, browsing)


def test_chinese_uses_keyword_rules(scorer):
    assert scorer.score("这个多少钱，能包邮吗") > scorer.score("你好") > scorer.score("随便看看")
    assert scorer.score("加入购物车") > 0.75


def test_breakdown_parts(scorer):
    b = scorer.breakdown("add it to my cart", ["hi"], SessionSignals(cart_items=1))
    assert b.history is not None and b.behaviour_logit > 0 and 0 <= b.text <= 1
    assert b.score == pytest.approx(scorer.score("add it to my cart", ["hi"], SessionSignals(cart_items=1)))


def test_repeated_turns_score_identically(scorer):
    # Speed is measured in bench/intent.py, not asserted here; this checks the cache keeps results exact.
    text, history = "do you have the trail shoes in size 9?", ["hi", "I need trail shoes"]
    first = scorer.score(text, history=history)
    assert [scorer.score(text, history=history) for _ in range(3)] == [first] * 3


def test_a_different_embedder_is_not_used_with_the_minilm_head():
    class Other:
        name, dim = "multilingual-e5-small", 384

    s = IntentScorer(IntentArtifact.load(), embedder=Other())
    assert s._embedder is None  # falls back to loading MiniLM on first use


def test_signals_validate_and_round_trip():
    s = SessionSignals(turns=2, cart_items=1, cart_value=9.5, asked_size=True)
    assert SessionSignals.from_dict({**s.to_dict(), "added_later": 1}) == s
    with pytest.raises(ValueError, match="cart_items"):
        SessionSignals(cart_items=-1)


def test_head_is_json_with_the_training_record():
    doc = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    assert doc["format"] == "aisle-intent-head/1" and len(doc["text_head"]["coef"]) == 384
    held = doc["training"]["held_out"]
    assert held["all"]["full"]["auc"] >= 0.95 and held["all"]["full"]["ece"] <= 0.1
    assert held["all"]["text"]["auc"] > held["all"]["keyword"]["auc"]


def test_training_reproduces_the_shipped_fast_fingerprint(scorer, shared_data, monkeypatch):
    """Fast mode (200 WebShop rows) retrains in ~20 s; the full run is `python -m assistant.intent train --check`."""
    monkeypatch.setenv("AISLE_SHARED_DATA", str(shared_data))  # skips above when the public data is absent
    from assistant.intent.train import fingerprint, train

    got = fingerprint(train(fast=True, evaluate_sets=False))
    want = IntentArtifact.load().training["fast_fingerprint"]
    assert got.keys() == want.keys()
    for key in want:
        assert got[key] == pytest.approx(want[key], abs=2e-3), key


def test_held_out_evaluation_reproduces(scorer, shared_data, monkeypatch):
    monkeypatch.setenv("AISLE_SHARED_DATA", str(shared_data))  # skips above when the public data is absent
    from assistant.intent.evaluate import evaluate

    got = evaluate(scorer, sets=("mgshopdial",))["mgshopdial"]
    want = scorer.artifact.training["held_out"]["mgshopdial"]
    for model in ("keyword", "text", "full"):
        for metric in ("auc", "f1", "ece"):
            assert got[model][metric] == pytest.approx(want[model][metric], abs=1e-3), (model, metric)
    assert got["full"]["auc"] > got["text"]["auc"] > got["keyword"]["auc"]


def test_import_is_light():
    code = "import sys, assistant.intent, assistant.nudges; print('torch' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


# --- nudges ------------------------------------------------------------------------------------


def test_nudge_only_in_the_middle_band():
    policy = NudgePolicy(low=0.35, high=0.75)
    assert policy.decide("s1", 0.5, turn=3, now=100.0) is not None
    assert policy.decide("s1", 0.34, turn=3) is None
    assert policy.decide("s1", 0.75, turn=3) is None
    assert policy.decide("s1", 0.95, turn=3) is None


def test_nudge_once_per_session_and_logged_without_text(caplog):
    policy = NudgePolicy(text="10% off today", kind="percent_off")
    with caplog.at_level(logging.INFO, logger="assistant.nudges"):
        first = policy.decide("sess-42", 0.6, turn=2, now=10.0)
    assert isinstance(first, Nudge) and first.text == "10% off today" and first.kind == "percent_off"
    assert Nudge.from_dict(first.to_dict()) == first
    assert policy.decide("sess-42", 0.6, previous=[first], turn=3) is None
    assert policy.decide("other", 0.6, previous=[first], turn=3) is not None
    record = [r for r in caplog.records if r.name == "assistant.nudges"][0]
    assert "sess-42" in record.getMessage() and "0.600" in record.getMessage()
    assert "10% off" not in record.getMessage()


def test_nudge_cooldown_and_first_turn():
    policy = NudgePolicy(max_per_session=None, cooldown_seconds=600)
    a = policy.decide("s", 0.5, turn=2, now=1000.0)
    assert a is not None
    assert policy.decide("s", 0.5, previous=[a], turn=3, now=1300.0) is None
    assert policy.decide("s", 0.5, previous=[a], turn=4, now=1700.0) is not None
    assert NudgePolicy().decide("s", 0.5, turn=1) is None


def test_nudge_records_itself_in_the_session_state():
    policy, state = NudgePolicy(), {"turns": 3}
    first = policy.decide(session_id="s", score=0.5, state=state)
    assert first is not None and state["nudges"] == [first.to_dict()]
    assert policy.decide(session_id="s", score=0.5, state=state) is None
    assert policy.decide(session_id="s2", score=0.5, state={"turns": 1}) is None  # first turn: too early


def test_nudge_policy_rejects_bad_configuration():
    with pytest.raises(ValueError, match="low < high"):
        NudgePolicy(low=0.8, high=0.5)
    with pytest.raises(ValueError, match="every turn"):
        NudgePolicy(max_per_session=None)
    with pytest.raises(ValueError, match="Unknown NudgePolicy"):
        NudgePolicy.from_dict({"hgih": 0.9})
    with pytest.raises(ValueError, match="score"):
        NudgePolicy().decide("s", float("nan"))
