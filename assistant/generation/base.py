"""The generator seam: anything that turns chat messages into a stream of text deltas."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

from assistant.messages import ChatMessage


class GeneratorError(RuntimeError):
    """A generator could not load or answer; the message says how to fix it."""


@runtime_checkable
class Generator(Protocol):
    """A chat model. `stream` yields text deltas; the caller pulls and may stop early."""

    name: str

    def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_new_tokens: int = 160,
        stop: Sequence[str] = (),
    ) -> Iterator[str]:
        """Yield the reply to `messages` piece by piece (greedy, deterministic where the backend allows)."""
        ...
