"""The one HTTP client the load benches and multi-server tests use to act as shoppers and staff.

Everything that knows the app's URLs and event format is here: `CHAT_PATH` and `_read_chat` speak
the chat stream (products, delta, reply events), the rest the bench driver's staff routes (see
bench/app_driver.py). Moving to the public `POST /api/v1/chat` changes this file only.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

CHAT_PATH = "/_driver/chat"


@dataclass
class Answer:
    """One shopper message and what came back, with the two times a shopper feels."""

    session_id: str | None
    text: str = ""
    first_words_s: float | None = None  # request sent -> first non-blank text arrived
    total_s: float = 0.0  # request sent -> the stream ended
    reply: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    @property
    def generated(self) -> bool:
        """The model wrote (part of) this answer; False when it came from catalog rows / templates."""
        return self.reply.get("grounding") in ("ok", "repaired")


class AisleClient:
    """One app server, reached over loopback HTTP."""

    def __init__(self, base_url: str, *, timeout_s: float = 120.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = httpx.Client(base_url=self.base_url, timeout=httpx.Timeout(timeout_s, connect=5.0))

    def close(self) -> None:
        self.http.close()

    def chat(self, message: str, session_id: str | None = None) -> Answer:
        """Send one message and read the whole streamed answer; errors are recorded, not raised."""
        answer = Answer(session_id)
        t0 = time.perf_counter()
        try:
            with self.http.stream("POST", CHAT_PATH, json={"message": message, "session_id": session_id}) as r:
                if r.status_code >= 400:
                    r.read()
                    answer.error = f"HTTP {r.status_code}: {r.text[:200]}"
                else:
                    _read_chat(r, answer, t0)
        except httpx.HTTPError as exc:
            answer.error = f"{type(exc).__name__}: {exc}"
        answer.total_s = time.perf_counter() - t0
        if answer.error is None and not answer.reply:
            answer.error = "the stream ended without a reply event"
        return answer

    # -- staff and inspection --------------------------------------------------------------------
    def queue(self) -> list[dict]:
        return self._json("GET", "/_driver/queue")

    def staff(self, action: str, session_id: str, staff: str = "Anna", text: str = "") -> dict:
        return self._json("POST", f"/_driver/staff/{action}", json={"session_id": session_id, "staff": staff,
                                                                    "text": text})

    def history(self, session_id: str) -> list[dict]:
        return self._json("GET", "/_driver/history", params={"session_id": session_id})

    def search(self, query: str) -> list[str]:
        return self._json("GET", "/_driver/search", params={"q": query})

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        r = self.http.request(method, path, **kwargs)
        r.raise_for_status()
        return r.json()


def _read_chat(response: httpx.Response, answer: Answer, t0: float) -> None:
    event = ""
    for line in response.iter_lines():
        if line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data = json.loads(line[5:])
            if event == "delta":
                if answer.first_words_s is None and data.strip():
                    answer.first_words_s = time.perf_counter() - t0
                answer.text += data
            elif event == "reply":
                answer.reply = data
                answer.session_id = data.get("session_id") or answer.session_id
            elif event == "error":
                answer.error = data.get("message", "error")
