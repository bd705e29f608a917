"""The OpenAI-compatible generator against a real model server: llama.cpp's, started here on loopback.

The server (llama-cpp-python[server], installed by scripts/llama_wheel.sh) serves the packaged
Qwen GGUF. The tests stream through `OpenAICompatGenerator`, freeze the server (SIGSTOP) to hit
the timeout, and SIGKILL it mid-answer: the error must name the server and the fix, and a chat
in progress must still get an answer, stored once.
"""
from __future__ import annotations

import importlib.util
import logging
import os
import signal
import threading

import pytest

from assistant.generation import GeneratorError, OpenAICompatGenerator
from assistant.messages import ChatMessage
from assistant.settings import ConfigurationError, Settings
from bench.servers import llama_server

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("llama_cpp") is None or importlib.util.find_spec("sse_starlette") is None,
    reason="llama-cpp-python[server] is not installed: run scripts/llama_wheel.sh (make test does)",
)

LONG = [ChatMessage.user("Count from 1 to 200, one number per line, and nothing else.")]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One llama.cpp server for the tests that leave it running."""
    with llama_server(log_dir=tmp_path_factory.mktemp("llama")) as s:
        yield s


@pytest.fixture
def doomed_server(tmp_path):
    """A server of its own, for tests that freeze or kill it."""
    with llama_server(log_dir=tmp_path) as s:
        yield s


def test_streams_a_reply_in_pieces(server):
    gen = OpenAICompatGenerator(base_url=server.url)
    pieces = list(gen.stream([ChatMessage.user("Name three colours.")], max_new_tokens=24))
    gen.close()
    assert len(pieces) > 1, "the server sent the whole reply at once instead of streaming it"
    assert "".join(pieces).strip()
    assert gen.model == "qwen2.5-0.5b"  # learnt from GET /v1/models when not configured


def test_the_startup_check_reaches_the_server(server):
    [line] = Settings(generator="openai", generator_base_url=server.url + "/v1").check()
    assert "qwen2.5-0.5b" in line


def test_a_frozen_server_times_out_with_a_clear_message(doomed_server):
    gen = OpenAICompatGenerator(base_url=doomed_server.url, model="qwen2.5-0.5b", timeout_s=1.0)
    os.killpg(doomed_server.proc.pid, signal.SIGSTOP)
    try:
        with pytest.raises(GeneratorError, match=r"did not answer within 1 s") as err:
            list(gen.stream(LONG, max_new_tokens=8))
        assert doomed_server.url in str(err.value) and "AISLE_GENERATOR_TIMEOUT" in str(err.value)
        with pytest.raises(ConfigurationError, match="AISLE_GENERATOR_URL"):
            Settings(generator="openai", generator_base_url=doomed_server.url, generator_timeout_s=1.0).check()
    finally:
        os.killpg(doomed_server.proc.pid, signal.SIGCONT)
    gen.close()
    patient = OpenAICompatGenerator(base_url=doomed_server.url, model="qwen2.5-0.5b")
    assert "".join(patient.stream([ChatMessage.user("Say hi.")], max_new_tokens=4)).strip()  # it recovers
    patient.close()


def test_a_server_killed_mid_answer_raises_naming_the_server(doomed_server):
    gen = OpenAICompatGenerator(base_url=doomed_server.url, model="qwen2.5-0.5b")
    stream = gen.stream(LONG, max_new_tokens=200)
    first = next(stream)
    assert first
    doomed_server.kill(signal.SIGKILL)
    with pytest.raises(GeneratorError) as err:
        for _ in stream:
            pass
    assert doomed_server.url in str(err.value) and "AISLE_GENERATOR" in str(err.value)
    with pytest.raises(GeneratorError, match="No model server at"):  # and the next request says it is gone
        list(gen.stream(LONG, max_new_tokens=4))
    gen.close()


def test_the_chat_goes_on_when_the_server_dies_mid_answer(doomed_server, demo_db, caplog):
    """The shopper gets the catalog answer; the log names the failure; each message is stored once."""
    from assistant import Assistant

    gen = OpenAICompatGenerator(base_url=doomed_server.url, model="qwen2.5-0.5b")
    killed = threading.Event()

    class KilledAfterFirstToken:
        """The real generator; the server is SIGKILLed as its first token arrives (mid-answer)."""

        name = gen.name

        def stream(self, messages, **options):
            for delta in gen.stream(messages, **options):
                if not killed.is_set():
                    doomed_server.kill(signal.SIGKILL)
                    killed.set()
                yield delta

    bot = Assistant.from_catalog(demo_db, settings=Settings.from_env(), generator=KilledAfterFirstToken())
    caplog.set_level(logging.ERROR)
    reply = bot.chat("Is the Trailmark Ridgeback boot good for wet trails?", session_id="s-kill")
    assert killed.is_set(), "the model never started writing, so nothing was killed mid-answer"
    assert reply.text and reply.grounding == "model_failed"  # the catalog answer, not half a sentence
    assert any(doomed_server.url in r.getMessage() for r in caplog.records), "the failure is not in the log"
    again = bot.chat("and how much is it?", session_id="s-kill")  # the chat goes on with the server gone
    assert again.text
    roles = [t.role for t in bot.history("s-kill")]
    assert roles == ["user", "assistant", "user", "assistant"]
    gen.close()
