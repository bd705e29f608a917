"""Any OpenAI-compatible chat server (vLLM, llama.cpp server, a hosted API) as a generator.

One class serves them all: which server is configuration (base URL, model id, the NAME of the
environment variable holding the API key), not code. The key is read from the environment at
request time and never stored on the object, so it cannot leak into logs or reprs.
"""
from __future__ import annotations

import json
import logging
import os
import queue
import threading
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from assistant.generation.base import BaseGenerator, GeneratorError, GeneratorSlow, to_chat_dicts
from assistant.generation.stops import apply_stops
from assistant.messages import ChatMessage

if TYPE_CHECKING:
    import httpx

logger = logging.getLogger(__name__)

_SWITCH_HINT = "start it or set AISLE_GENERATOR=local"


class OpenAICompatGenerator(BaseGenerator):
    """Streams replies from `/v1/chat/completions` (server-sent events), greedy (temperature 0)."""

    def __init__(
        self,
        *,
        base_url: str,
        model: str | None = None,
        api_key_env: str = "AISLE_GENERATOR_API_KEY",
        timeout_s: float = 60.0,
        first_token_timeout_s: float | None = None,
        slots: int = 4,
        name: str | None = None,
    ) -> None:
        if not base_url:
            raise GeneratorError("No model server URL: set AISLE_GENERATOR_URL (e.g. http://127.0.0.1:8000/v1)")
        self.base_url = _api_root(base_url)
        self.model = model
        self.api_key_env = api_key_env
        self.timeout_s = timeout_s
        self.first_token_timeout_s = first_token_timeout_s
        self.slots = slots
        self._in_flight = 0
        self.name = name or f"openai:{model or self.base_url}"
        self._client: httpx.Client | None = None
        self._client_lock = threading.Lock()

    def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_new_tokens: int = 160,
        stop: Sequence[str] = (),
    ) -> Iterator[str]:
        """Yield the server's reply deltas as they arrive."""
        body: dict[str, Any] = {
            "model": self.model or self._default_model(),
            "messages": to_chat_dicts(messages),
            "max_tokens": max_new_tokens,
            "temperature": 0,
            "stream": True,
        }
        if stop:
            body["stop"] = list(stop)[:4]  # the OpenAI API accepts at most 4; the rest apply here
        # Stops are applied on our side too: servers differ in how they honour them mid-stream.
        return apply_stops(self._counted(self._deadlined(body)), stop)

    def pending(self) -> int:
        """Requests this process has sent that the server is not yet running (past its `slots`)."""
        return max(0, self._in_flight - self.slots)

    def _counted(self, deltas: Iterator[str]) -> Iterator[str]:
        with self._client_lock:
            self._in_flight += 1
        try:
            yield from deltas
        finally:
            with self._client_lock:
                self._in_flight -= 1

    def _deadlined(self, body: dict[str, Any]) -> Iterator[str]:
        """The deltas, or GeneratorSlow when the first one takes longer than the first-token deadline.

        A per-read timeout cannot bound the wait: a busy server may send keep-alive pings every few
        seconds without a word of answer. So a pump thread reads the stream and this side waits on a
        queue against one deadline; past it the request is abandoned (its connection closed).
        """
        if self.first_token_timeout_s is None:
            yield from self._deltas(body)
            return
        chunks: queue.Queue = queue.Queue()
        abandoned = threading.Event()
        response_box: list = []

        def pump() -> None:
            try:
                for delta in self._deltas(body, response_box):
                    if abandoned.is_set():
                        return
                    chunks.put(("delta", delta))
                chunks.put(("end", None))
            except BaseException as exc:  # noqa: BLE001 - handed to the reading thread
                chunks.put(("error", exc))

        threading.Thread(target=pump, name="openai-stream", daemon=True).start()
        deadline = time.monotonic() + self.first_token_timeout_s
        started = False
        try:
            while True:
                wait = None if started else max(0.0, deadline - time.monotonic())
                try:
                    kind, value = chunks.get(timeout=wait)
                except queue.Empty:
                    raise GeneratorSlow(
                        f"Model server at {self.base_url} did not start answering within "
                        f"{self.first_token_timeout_s:g} s (busy); answered from the catalog rows. "
                        "Add server capacity or raise AISLE_GENERATOR_FIRST_TOKEN_TIMEOUT") from None
                if kind == "end":
                    return
                if kind == "error":
                    raise value
                started = True
                yield value
        finally:
            abandoned.set()
            if response_box:  # closing may wait on the reading thread: never make the shopper wait for it
                threading.Thread(target=_close_quietly, args=(response_box[0],), daemon=True).start()

    def _deltas(self, body: dict[str, Any], opened: list | None = None) -> Iterator[str]:
        import httpx

        url = f"{self.base_url}/chat/completions"
        try:
            with self._http().stream("POST", url, json=body, headers=self._headers()) as response:
                if opened is not None:
                    opened.append(response)
                if response.status_code >= 400:
                    response.read()
                    raise self._http_error(response)
                for line in response.iter_lines():
                    delta = _parse_sse_line(line, url)
                    if delta is None:
                        return
                    if delta:
                        yield delta
        except httpx.ConnectError as exc:
            raise GeneratorError(f"No model server at {self.base_url}: {_SWITCH_HINT}") from exc
        except httpx.TimeoutException as exc:
            raise GeneratorError(
                f"Model server at {self.base_url} did not answer within {self.timeout_s:.0f} s: "
                "check that it is not overloaded, or raise AISLE_GENERATOR_TIMEOUT"
            ) from exc
        except httpx.HTTPError as exc:
            raise GeneratorError(f"Model server at {self.base_url} failed: {exc}: {_SWITCH_HINT}") from exc

    def _default_model(self) -> str:
        """The first model the server lists, when none is configured (llama.cpp serves just one)."""
        import httpx

        url = f"{self.base_url}/models"
        try:
            response = self._http().get(url, headers=self._headers())
        except httpx.ConnectError as exc:
            raise GeneratorError(f"No model server at {self.base_url}: {_SWITCH_HINT}") from exc
        except httpx.HTTPError as exc:
            raise GeneratorError(f"Model server at {self.base_url} failed: {exc}: {_SWITCH_HINT}") from exc
        if response.status_code >= 400:
            raise self._http_error(response)
        try:
            self.model = response.json()["data"][0]["id"]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise GeneratorError(
                f"Model server at {self.base_url} lists no models: set AISLE_GENERATOR_MODEL to its model id"
            ) from exc
        logger.info("Model server at %s serves %s", self.base_url, self.model)
        return self.model

    def _headers(self) -> dict[str, str]:
        key = os.environ.get(self.api_key_env)
        return {"Authorization": f"Bearer {key}"} if key else {}

    def _http(self) -> httpx.Client:
        import httpx

        with self._client_lock:
            if self._client is None:
                self._client = httpx.Client(timeout=httpx.Timeout(self.timeout_s, connect=5.0))
            return self._client

    def _http_error(self, response: httpx.Response) -> GeneratorError:
        message = _server_message(response)
        status = response.status_code
        if status in (401, 403):
            fix = f"set the API key in the environment variable {self.api_key_env}"
        elif status == 404:
            fix = "check AISLE_GENERATOR_URL (it should end in /v1) and AISLE_GENERATOR_MODEL"
        else:
            fix = "see the server's log"
        return GeneratorError(f"Model server at {self.base_url} answered HTTP {status}: {message}: {fix}")

    def close(self) -> None:
        """Close the pooled HTTP connections."""
        with self._client_lock:
            if self._client is not None:
                self._client.close()
                self._client = None


def _close_quietly(response: Any) -> None:
    """Close an abandoned response: frees the server's slot when it notices the closed connection."""
    try:
        response.close()
    except Exception:  # noqa: BLE001 - closing a dead connection may fail; nothing to do
        pass


def _api_root(base_url: str) -> str:
    """`http://host:8000`, `.../v1` and `.../v1/` all mean the same API root."""
    root = base_url.rstrip("/")
    return root if root.endswith("/v1") else f"{root}/v1"


def _parse_sse_line(line: str, url: str) -> str | None:
    """The text delta in one SSE line: "" for lines without text, None at the end of the stream."""
    if not line.startswith("data:"):
        return ""  # blank separators, comments (": ping"), "event:" lines
    payload = line[len("data:"):].strip()
    if payload == "[DONE]":
        return None
    try:
        chunk = json.loads(payload)
    except ValueError as exc:
        raise GeneratorError(f"Model server at {url} sent a malformed stream chunk: {payload[:200]!r}") from exc
    if "error" in chunk:
        error = chunk["error"]
        message = error.get("message", error) if isinstance(error, dict) else error
        raise GeneratorError(f"Model server at {url} reported an error mid-stream: {message}")
    choices = chunk.get("choices") or []
    if not choices:
        return ""  # usage-only chunks
    return (choices[0].get("delta") or {}).get("content") or ""


def _server_message(response: httpx.Response) -> str:
    """The server's own error text: OpenAI-style `{"error": {"message": ...}}`, else the body."""
    try:
        data = response.json()
    except ValueError:
        return response.text.strip()[:500] or response.reason_phrase
    if isinstance(data, dict):
        error = data.get("error", data.get("detail", data.get("message")))
        if isinstance(error, dict):
            return str(error.get("message", error))
        if error is not None:
            return str(error)
    return str(data)[:500]
