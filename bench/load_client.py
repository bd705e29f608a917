"""The one HTTP client the load benches and multi-server tests use to act as shoppers and staff.

Shoppers go through the public API, exactly as a shop's own front end would (docs/api.md):
`POST /api/v1/chat` streams `session`, `products`, `delta`..., then `reply` (or `error`), and
`GET /api/v1/sessions/{id}/history` reads a chat back. Session ids are the signed tokens the API
hands out. Staff actions, the staff queue and a bare retriever search have no public API (staff
work in the Gradio console at /staff), so those stay on the bench driver's routes (bench/app_driver.py),
which take the same signed ids.

The public reply does not say whether the model wrote an answer; `record_grounding` reads that from
the session store (the bench owns the database) after a run.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx

CHAT_PATH = "/api/v1/chat"
HISTORY_PATH = "/api/v1/sessions/{session_id}/history"


@dataclass
class Answer:
    """One shopper message and what came back, with the two times a shopper feels."""

    session_id: str | None  # the signed id the API gave (pass it back as it is)
    text: str = ""
    first_words_s: float | None = None  # request sent -> first non-blank text arrived
    total_s: float = 0.0  # request sent -> the stream ended
    reply: dict[str, Any] = field(default_factory=dict)  # the `reply` event, with `products` as ids
    rows: list[dict[str, Any]] = field(default_factory=list)  # the `products` event's catalog rows
    grounding: str | None = None  # filled by record_grounding(): ok | repaired | replaced | template | ...
    error: str | None = None

    @property
    def generated(self) -> bool:
        """The model wrote (part of) this answer; False when it came from catalog rows / templates."""
        return self.grounding in ("ok", "repaired")


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
        body: dict[str, Any] = {"message": message}
        if session_id is not None:
            body["session_id"] = session_id
        t0 = time.perf_counter()
        try:
            with self.http.stream("POST", CHAT_PATH, json=body) as r:
                if r.status_code >= 400:  # e.g. 429 rate_limited: docs/api.md lists the codes
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

    def history(self, session_id: str) -> list[dict]:
        """The stored turns (role, text, products, ...) through the public API."""
        return self._json("GET", HISTORY_PATH.format(session_id=session_id))["turns"]

    # -- staff and inspection: no public API, the bench driver's routes ----------------------------
    def queue(self) -> list[dict]:
        return self._json("GET", "/_driver/queue")

    def staff(self, action: str, session_id: str, staff: str = "Anna", text: str = "") -> dict:
        return self._json("POST", f"/_driver/staff/{action}", json={"session_id": session_id, "staff": staff,
                                                                    "text": text})

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
            if event == "session":
                answer.session_id = data["session_id"]
            elif event == "products":
                answer.rows = data["products"]
            elif event == "delta":
                if answer.first_words_s is None and data["text"].strip():
                    answer.first_words_s = time.perf_counter() - t0
                answer.text += data["text"]
            elif event == "reply":
                answer.reply = dict(data, products=[p["id"] for p in data.get("products") or ()])
                answer.session_id = data.get("session_id") or answer.session_id
            elif event == "error":
                answer.error = (data.get("error") or {}).get("message", "error")


def record_grounding(answers: Iterable[Answer], database: str) -> None:
    """Set each answer's `grounding` from its stored turn (meta), read from the servers' session store
    (a SQLite path or a postgresql:// URL): whether the model wrote it is not part of the public reply."""
    from assistant.sessions import open_session_store

    store = open_session_store(database)
    try:
        by_session: dict[str, list[Answer]] = {}
        for a in answers:
            if a.session_id and a.reply.get("turn_id") is not None:
                by_session.setdefault(a.session_id.rpartition(".")[0], []).append(a)
        for sid, mine in by_session.items():
            meta = {t.id: t.meta for t in store.turns(sid)}
            for a in mine:
                a.grounding = (meta.get(a.reply["turn_id"]) or {}).get("grounding", "template")
    finally:
        store.dispose()
