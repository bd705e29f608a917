"""A scheduler thread that serves concurrent streams with batched model calls.

Decoding one token of a 0.5B model on a CPU is bound by reading the weights; decoding a token for
four conversations reads them once, so it costs little more than for one. Every `stream()` call
becomes a `BatchRequest` on a queue; one thread takes the waiting requests that can share a model
call, runs them as one batch, and routes each generated token to its request's own queue, where
the caller's thread picks it up. A request that arrives while a batch runs waits for the next
batch (CTranslate2 cannot add a sequence to a running batch); `pending()` tells the dialogue how
long that queue is, so it can answer from catalog rows instead of waiting.
"""
from __future__ import annotations

import atexit
import logging
import queue
import threading
import time
import weakref
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field

from assistant.generation.base import GeneratorError

logger = logging.getLogger(__name__)

_DONE = object()
# Schedulers still running at interpreter exit: each is closed (its running batch allowed to end)
# before Python tears down, since a model call killed mid-batch aborts the whole process.
_LIVE: "weakref.WeakSet[BatchScheduler]" = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    for scheduler in list(_LIVE):
        scheduler.close()


@dataclass(eq=False)
class BatchRequest:
    """One stream's prompt and limits, and the queue its tokens arrive on."""

    group: Hashable  # only requests of the same group share a batch (e.g. the same static prompt)
    prompt: Sequence[str]  # the part of the prompt after the group's shared prefix
    max_new_tokens: int
    out: queue.SimpleQueue = field(default_factory=queue.SimpleQueue)
    cancelled: bool = False  # set by the caller's thread when it stops reading
    produced: int = 0
    batch_size: int = 0  # set when the request starts: how many requests shared its batch

    def deliver(self, token: int) -> bool:
        """Called by the model for each token; True asks the model to stop this sequence."""
        if self.cancelled:
            return True
        self.produced += 1
        self.out.put(token)
        return self.produced >= self.max_new_tokens

    def tokens(self) -> Iterator[int]:
        """The caller's side: token ids as they arrive; raises the model's error if it failed."""
        try:
            while True:
                item = self.out.get()
                if item is _DONE:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            self.cancelled = True  # stopped early (stop string, closed stream): free the slot


RunBatch = Callable[[Sequence[BatchRequest]], None]


class BatchScheduler:
    """Runs `run_batch` on groups of waiting requests, one batch at a time, in a daemon thread.

    `max_batch` caps the requests per model call. `max_spread` caps the difference in prompt
    length inside a batch: CTranslate2 prefills the shortest prompt's length for all at once and
    feeds the rest token by token, which for a long difference costs more than waiting.
    `gather_s` is how long an idle scheduler waits after the first request for others to join.
    """

    def __init__(self, run_batch: RunBatch, *, max_batch: int = 8, max_spread: int = 64,
                 gather_s: float = 0.01, name: str = "generator") -> None:
        if max_batch < 1:
            raise ValueError(f"max_batch must be at least 1, got {max_batch}")
        self._run_batch = run_batch
        self.max_batch, self.max_spread, self.gather_s = max_batch, max_spread, gather_s
        self._waiting: list[BatchRequest] = []
        self._running = 0
        self._closed = False
        self._cond = threading.Condition()
        self.batches_run = 0
        self.largest_batch = 0
        self._thread = threading.Thread(target=self._loop, name=f"{name}-batches", daemon=True)
        self._thread.start()
        _LIVE.add(self)

    def submit(self, request: BatchRequest) -> BatchRequest:
        """Queue a request; its tokens arrive on `request.tokens()`."""
        with self._cond:
            if self._closed:
                raise GeneratorError("The generator was closed: load it again with load_generator")
            self._waiting.append(request)
            self._cond.notify()
        return request

    def pending(self) -> int:
        """Requests waiting for a batch to start (not counting those being generated now)."""
        with self._cond:
            return len(self._waiting)

    def busy(self) -> int:
        """Requests being generated right now (0 when idle)."""
        with self._cond:
            return self._running

    def close(self) -> None:
        """Stop the thread after the running batch; waiting requests fail with GeneratorError."""
        with self._cond:
            self._closed = True
            waiting, self._waiting = self._waiting, []
            self._cond.notify()
        for request in waiting:
            request.out.put(GeneratorError("The generator was closed before this request ran"))
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=30)

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._waiting and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
            if self.gather_s > 0:
                time.sleep(self.gather_s)  # let requests of the same burst join this batch
            with self._cond:
                batch = self._take()
                self._running = len(batch)
            self._run(batch)

    def _take(self) -> list[BatchRequest]:
        """The oldest waiting request and the requests that can share its batch (skipping cancelled ones)."""
        live = [r for r in self._waiting if not r.cancelled]
        for r in self._waiting:
            if r.cancelled:
                r.out.put(_DONE)
        if not live:
            self._waiting = []
            return []
        first = live[0]
        same = sorted((r for r in live[1:] if r.group == first.group),
                      key=lambda r: abs(len(r.prompt) - len(first.prompt)))
        batch, lo, hi = [first], len(first.prompt), len(first.prompt)
        for r in same:
            if len(batch) == self.max_batch:
                break
            n = len(r.prompt)
            if max(hi, n) - min(lo, n) <= self.max_spread:
                batch.append(r)
                lo, hi = min(lo, n), max(hi, n)
        chosen = set(map(id, batch))
        self._waiting = [r for r in live if id(r) not in chosen]
        return batch

    def _run(self, batch: list[BatchRequest]) -> None:
        if not batch:
            return
        for r in batch:
            r.batch_size = len(batch)
        self.batches_run += 1
        self.largest_batch = max(self.largest_batch, len(batch))
        try:
            self._run_batch(batch)
        except Exception as exc:  # one failed call fails its own streams loudly, never the thread
            logger.exception("Batch of %d requests failed", len(batch))
            error = exc if isinstance(exc, GeneratorError) else GeneratorError(
                f"The model failed while generating ({exc}): restart the server; if it persists, "
                "delete the converted model folder in the model cache to rebuild it"
            )
            for r in batch:
                r.out.put(error)
        finally:
            with self._cond:
                self._running = 0
            for r in batch:
                r.out.put(_DONE)
