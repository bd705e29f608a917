"""The generator seam: anything that turns chat messages into a stream of text deltas."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

from assistant.messages import ChatMessage, ChatRole


class GeneratorError(RuntimeError):
    """A generator could not load or answer; the message says how to fix it."""


class GeneratorSlow(GeneratorError):
    """The generator did not start answering within its first-token deadline (a queue, not a fault).

    The turn answers from the rows instead and marks the reply `model_slow`: a shopper never waits
    behind a model server's queue for longer than the deadline.
    """


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


class BaseGenerator:
    """Shared behaviour for backends: subclasses implement `stream`, and get `complete` for free.

    Mirrors simonw/llm's `Model`: one method to write per backend, conveniences in the base class.
    """

    name: str = "generator"

    def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_new_tokens: int = 160,
        stop: Sequence[str] = (),
    ) -> Iterator[str]:
        """Yield the reply to `messages` piece by piece."""
        raise NotImplementedError

    def complete(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_new_tokens: int = 160,
        stop: Sequence[str] = (),
    ) -> str:
        """The whole reply as one string (joins `stream`), for callers that do not stream."""
        return "".join(self.stream(messages, max_new_tokens=max_new_tokens, stop=stop))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


def chat_role(message: ChatMessage) -> str:
    """The OpenAI/chat-template role for a message: staff replies read to the model as the assistant's."""
    return "assistant" if message.role is ChatRole.STAFF else message.role.value


def to_chat_dicts(messages: Sequence[ChatMessage]) -> list[dict[str, str]]:
    """Messages as `{"role", "content"}` dicts for chat templates and OpenAI-compatible servers."""
    return [{"role": chat_role(m), "content": m.content} for m in messages]
