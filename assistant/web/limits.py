"""Sliding-window rate limits: messages per shopper session, failed staff logins per client address.

In memory and per process: several servers behind a load balancer each count their own share,
which still stops one browser or script from flooding a chat or guessing passwords.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

MESSAGES_PER_MINUTE = 20  # a person types far slower; a script does not
LOGIN_FAILURES_PER_WINDOW, LOGIN_WINDOW = 20, 300.0  # failed staff logins per client address


class RateLimiter:
    """At most `limit` hits per `window` seconds for each key; `hit()` says how long to wait if over."""

    def __init__(self, limit: int, window: float, *, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 100_000) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("a rate limit needs limit >= 1 and window > 0")
        self.limit, self.window, self._clock, self._max_keys = limit, window, clock, max_keys
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        hits = self._hits.setdefault(key, deque())
        while hits and now - hits[0] >= self.window:
            hits.popleft()
        return hits

    def retry_after(self, key: str) -> float:
        """Seconds until `key` may go again (0 when it may go now); records nothing."""
        now = self._clock()
        with self._lock:
            hits = self._recent(key, now)
            return 0.0 if len(hits) < self.limit else max(0.0, self.window - (now - hits[0]))

    def hit(self, key: str) -> float:
        """Record one hit if allowed and return 0; return the seconds to wait (recording nothing) if not."""
        now = self._clock()
        with self._lock:
            if len(self._hits) > self._max_keys:  # bounded memory: forget idle keys
                for k in [k for k, v in self._hits.items() if not v or now - v[-1] >= self.window]:
                    del self._hits[k]
            hits = self._recent(key, now)
            if len(hits) >= self.limit:
                return max(0.0, self.window - (now - hits[0]))
            hits.append(now)
            return 0.0

    def record(self, key: str) -> None:
        """Count a hit regardless of the limit (e.g. a failed login that already happened)."""
        now = self._clock()
        with self._lock:
            self._recent(key, now).append(now)


def wait_text(seconds: float) -> str:
    """`a few seconds`, `about 40 seconds`, `about 2 minutes`."""
    s = int(seconds + 0.999)
    if s <= 5:
        return "a few seconds"
    if s < 90:
        return f"about {s} seconds"
    return f"about {round(s / 60)} minutes"


class LoginThrottle:
    """ASGI middleware: after too many failed staff logins from one address, refuse its logins for a while.

    `StaffAuth` already locks a name after repeated failures; this stops one address from trying
    many names. Only `POST <login_path>` is looked at; everything else passes straight through.
    """

    def __init__(self, app, login_path: str, *, limiter: RateLimiter | None = None) -> None:
        self.app, self.login_path = app, login_path
        self.limiter = limiter or RateLimiter(LOGIN_FAILURES_PER_WINDOW, LOGIN_WINDOW)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST" or scope.get("path") != self.login_path:
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("?", 0))[0]
        wait = self.limiter.retry_after(client)
        if wait:
            import json

            body = json.dumps({"error": {"code": "rate_limited", "retry_after": round(wait, 1),
                                         "message": f"Too many failed logins from this address. Try again in "
                                                    f"{wait_text(wait)}."}}).encode()
            await send({"type": "http.response.start", "status": 429,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"retry-after", str(int(wait) + 1).encode())]})
            await send({"type": "http.response.body", "body": body})
            return

        async def watch(message) -> None:
            if message["type"] == "http.response.start" and message["status"] >= 400:
                self.limiter.record(client)
            await send(message)

        await self.app(scope, receive, watch)
