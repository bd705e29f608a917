"""The conversation test set, run with template answers (fast) and with the real default model."""
from __future__ import annotations

import pytest

from conversation_checks import check_grounded, check_turn
from conversations import SCRIPTS


def _bot(demo_db, tmp_path, embedder, generator):
    from assistant import Assistant
    from assistant.intent import IntentScorer
    from assistant.sessions import open_session_store
    from retrieval import Retriever

    return Assistant(retriever=Retriever.open(demo_db, embedder=embedder),
                     sessions=open_session_store(tmp_path / "sessions.db"), generator=generator,
                     intent_scorer=IntentScorer.from_defaults(embedder=embedder), nudge_policy=None)


@pytest.fixture(scope="module")
def template_bot(demo_db, tmp_path_factory, embedder):
    return _bot(demo_db, tmp_path_factory.mktemp("conv"), embedder, None)


@pytest.fixture(scope="module")
def model_bot(demo_db, tmp_path_factory, embedder):
    from assistant.generation import load_generator
    from assistant.settings import Settings

    return _bot(demo_db, tmp_path_factory.mktemp("conv-model"), embedder, load_generator(Settings(generator="local")))


def run_script(bot, name, turns):
    all_titles = [p.title for p in bot.retriever.store.iter_products()]
    sid = "conv-" + "".join(c if c.isalnum() else "-" for c in name)[:50]
    previous, history, failures, seen = [], [], [], set()
    for i, (message, expect) in enumerate(turns):
        reply = bot.chat(message, session_id=sid)
        problems = check_turn(reply, expect, previous=previous, history=history)
        problems += check_grounded(reply, user_text=message, all_titles=all_titles, earlier=seen)
        failures += [f"turn {i + 1} {message!r}: {p}" for p in problems]
        history.append(reply)
        if reply.products:
            previous = reply.products
            seen |= {p.title.lower() for p in reply.products}
    return failures


def test_the_set_has_at_least_30_multi_turn_scripts():
    assert len(SCRIPTS) >= 30
    assert sum(len(turns) > 1 for _, turns in SCRIPTS) >= 20


@pytest.mark.parametrize("name,turns", SCRIPTS, ids=[s[0] for s in SCRIPTS])
def test_conversation_with_template_answers(template_bot, name, turns):
    failures = run_script(template_bot, name, turns)
    assert not failures, "\n".join(failures)


# The scripts whose answers the model writes (search, refine, compare, open questions); the rest
# are answered from catalog rows whichever generator runs, and stay in the fast run above.
MODEL_SCRIPTS = [s for s in SCRIPTS if s[0] in {
    "budget honoured then cheaper", "colour refinement", "brand exclusion", "second one reference and warranty",
    "reviews grounded", "compare first two", "nothing fits the budget", "prompt injection does not change prices",
    "chinese budget", "red dress", "gift for a child", "show more gives new products", "range budget",
}]


@pytest.mark.slow
@pytest.mark.parametrize("name,turns", MODEL_SCRIPTS, ids=[s[0] for s in MODEL_SCRIPTS])
def test_conversation_with_the_real_model(model_bot, name, turns):
    failures = run_script(model_bot, name, turns)
    assert not failures, "\n".join(failures)
