"""Behaviour every generator backend must show; each backend's test class inherits the mixin.

A backend's test class provides two fixtures:
- `generator`: a working generator (real models: load once per class, they are slow to load);
- `broken_generator`: a zero-argument callable that builds a backend whose model or server is
  broken and reads one reply from it; it must raise GeneratorError with a message naming a fix.

Greedy decoding is deterministic, so several tests compare two replies to the same prompt; none
pins the words a model writes.
"""
from __future__ import annotations

import re

import pytest

from assistant.generation import Generator, GeneratorError
from assistant.messages import ChatMessage
from contracts import race

SHOP = """You are the shopping assistant of an online store. Answer using only these products; quote prices exactly.
| name | price | stock |
|---|---|---|
| Nike Air Zoom Pegasus 40 | $129.99 | 23 |
| Adidas Ultraboost Light | $179.99 | 8 |
| ASICS Gel-Nimbus 25 | $159.00 | 12 |"""

CJK = re.compile(r"[\u4e00-\u9fff]")
FIX_WORDS = ("install", "delete", "set ", "start", "send", "reinstall", "restart", "load")


def ask(question: str) -> list[ChatMessage]:
    return [ChatMessage.system(SHOP), ChatMessage.user(question)]


LIST_ALL = ask("List every product with its price, one per line.")
CHINESE = ask("请用中文回答：Adidas Ultraboost Light 多少钱？")


class GeneratorContract:
    """Tests any Generator must pass; subclasses supply `generator` and `broken_generator`."""

    def generated_tokens(self, generator: Generator, text: str) -> int:
        """How many tokens the last call produced (backends that count words override this)."""
        return generator.last_stats.new_tokens

    def test_is_a_generator(self, generator):
        assert isinstance(generator, Generator) and generator.name

    def test_streams_non_empty_text_chunks(self, generator):
        chunks = list(generator.stream(LIST_ALL, max_new_tokens=16))
        assert len(chunks) > 1, chunks
        assert all(isinstance(c, str) and c for c in chunks), chunks

    def test_respects_max_new_tokens(self, generator):
        short = "".join(generator.stream(LIST_ALL, max_new_tokens=4))
        assert self.generated_tokens(generator, short) == 4
        longer = "".join(generator.stream(LIST_ALL, max_new_tokens=12))
        assert self.generated_tokens(generator, longer) == 12
        assert short and longer.startswith(short) and len(longer) > len(short), (short, longer)

    def test_stops_before_a_stop_string(self, generator):
        full = "".join(generator.stream(LIST_ALL, max_new_tokens=20))
        stop = full.strip()[len(full.strip()) // 2 :][:3]
        assert len(stop) == 3, full
        cut = "".join(generator.stream(LIST_ALL, max_new_tokens=20, stop=[stop]))
        assert cut == full[: full.index(stop)]

    def test_chinese_arrives_whole(self, generator):
        chunks = list(generator.stream(CHINESE, max_new_tokens=24))
        reply = "".join(chunks)
        assert CJK.search(reply), reply
        assert not any("\ufffd" in c for c in chunks), chunks  # no half character, ever

    def test_concurrent_streams_each_get_their_own_reply(self, generator):
        prompts = [ask("How much is the Nike Air Zoom Pegasus 40?"), ask("What does the ASICS Gel-Nimbus 25 cost?"),
                   LIST_ALL]
        serial = ["".join(generator.stream(p, max_new_tokens=12)) for p in prompts]
        together = race(*[lambda p=p: "".join(generator.stream(p, max_new_tokens=12)) for p in prompts])
        assert together == serial

    def test_a_stream_left_early_does_not_disturb_the_next(self, generator):
        expected = "".join(generator.stream(LIST_ALL, max_new_tokens=8))
        stream = generator.stream(LIST_ALL, max_new_tokens=40)
        next(stream)
        stream.close()  # the shopper closed the tab mid-reply
        assert "".join(generator.stream(LIST_ALL, max_new_tokens=8)) == expected

    def test_a_broken_model_or_server_raises_an_error_naming_the_fix(self, broken_generator):
        with pytest.raises(GeneratorError) as err:
            broken_generator()
        message = str(err.value).lower()
        assert any(word in message for word in FIX_WORDS), message
