"""A generator that replays queued replies: fast, deterministic control-flow tests without a model."""
from __future__ import annotations

import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence

from assistant.generation.base import BaseGenerator
from assistant.generation.stops import apply_stops
from assistant.messages import ChatMessage

DEFAULT_REPLY = "Sorry, I have no scripted reply for that."


class ScriptedGenerator(BaseGenerator):
    """Streams queued replies word by word and records every prompt it was given.

    `enqueue(["first reply", "second reply"])`; once the queue is empty every call answers
    `default`. Stop strings and `max_new_tokens` (counted in words) apply as for a real model, so
    tests of the dialogue manager exercise the same paths. A queued exception (say a
    GeneratorError) is raised when that call's stream is read, as a failing model would.
    """

    name = "scripted"

    def __init__(self, replies: Iterable[str | BaseException] = (), *, default: str = DEFAULT_REPLY) -> None:
        self._queue: deque[str | BaseException] = deque(replies)
        self._lock = threading.Lock()
        self.default = default
        self.prompts: list[list[ChatMessage]] = []

    def enqueue(self, replies: Iterable[str | BaseException]) -> None:
        """Add replies to answer the next calls with, in order."""
        with self._lock:
            self._queue.extend(replies)

    @property
    def last_prompt(self) -> list[ChatMessage]:
        """The messages of the most recent call (empty before any call)."""
        return self.prompts[-1] if self.prompts else []

    def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_new_tokens: int = 160,
        stop: Sequence[str] = (),
    ) -> Iterator[str]:
        """Yield the next queued reply (or the default) word by word, whitespace kept."""
        with self._lock:
            self.prompts.append(list(messages))
            reply = self._queue.popleft() if self._queue else self.default
        if isinstance(reply, BaseException):
            return _raising(reply)
        # Each word carries its leading whitespace, so joining the deltas gives the reply back exactly.
        words = re.findall(r"\s*\S+|\s+$", reply)[:max_new_tokens]
        return apply_stops(iter(words), stop)


def _raising(error: BaseException) -> Iterator[str]:
    raise error
    yield ""  # unreachable: makes this a generator, so the error comes when the stream is read
