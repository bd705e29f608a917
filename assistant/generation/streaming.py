"""What every in-process backend needs between token ids and the caller's text deltas.

`IncrementalDecoder` turns token ids into text as they arrive without ever emitting half a
character: byte-level tokenizers (Qwen's) split one Chinese character or emoji over two or three
tokens, and decoding such a prefix gives U+FFFD until the last byte arrives. `StreamStats` is what
one call cost, for logs and the benchmark.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.generation.base import GeneratorError, to_chat_dicts
from assistant.messages import ChatMessage

REPLACEMENT = "\ufffd"
# Chat templates end a turn with a token that is not always the tokenizer's eos.
END_MARKERS = ("<|im_end|>", "<|endoftext|>", "<|eot_id|>")


def chat_prompt_ids(tokenizer: Any, messages: Sequence[ChatMessage], *, add_generation_prompt: bool = True) -> list[int]:
    """Token ids of the chat prompt (the model's own chat template), ending where the reply begins."""
    text = tokenizer.apply_chat_template(
        to_chat_dicts(messages), add_generation_prompt=add_generation_prompt, tokenize=False
    )
    return list(tokenizer(text, add_special_tokens=False)["input_ids"])


def end_token_ids(tokenizer: Any, generation_eos: int | list[int] | None = None) -> frozenset[int]:
    """Every token id that ends the reply: the tokenizer's eos, the generation config's, turn markers."""
    ids = {tokenizer.eos_token_id}
    ids.update(generation_eos if isinstance(generation_eos, list) else [generation_eos])
    for marker in END_MARKERS:
        tok_id = tokenizer.convert_tokens_to_ids(marker)
        if isinstance(tok_id, int) and tok_id != tokenizer.unk_token_id:
            ids.add(tok_id)
    return frozenset(i for i in ids if i is not None)


def check_context(prompt_tokens: int, max_new_tokens: int, limit: int) -> None:
    """Refuse a call that cannot fit the model's context, with the fix for the caller."""
    if prompt_tokens + max_new_tokens > limit:
        raise GeneratorError(
            f"Prompt of {prompt_tokens} tokens + {max_new_tokens} new exceeds the model's {limit}: "
            "send fewer products or less history"
        )


class IncrementalDecoder:
    """Detokenises a growing list of ids in O(tokens), holding back incomplete characters.

    Only the ids since the last emitted character are decoded each time (`_prefix` keeps one
    already-emitted stretch in front, so tokenizers that drop a leading space when decoding a
    fragment, like SentencePiece, still give the right text).
    """

    def __init__(self, tokenizer: Any) -> None:
        self._decode = tokenizer.decode
        self._ids: list[int] = []
        self._prefix = 0  # ids[_prefix:_read] were emitted already and are decoded again for context
        self._read = 0

    def push(self, token: int) -> str:
        """Add one token; return the text it completes ("" while a character is still partial)."""
        self._ids.append(token)
        return self._advance(final=False)

    def flush(self) -> str:
        """Text still held back at the end of the reply; bytes that never completed a character are dropped."""
        return self._advance(final=True)

    def _advance(self, *, final: bool) -> str:
        if self._read == len(self._ids):
            return ""
        before = self._decode(self._ids[self._prefix : self._read], skip_special_tokens=True)
        text = self._decode(self._ids[self._prefix :], skip_special_tokens=True)
        if final:
            text = text.rstrip(REPLACEMENT)
        elif text.endswith(REPLACEMENT):
            return ""
        if len(text) <= len(before):
            return ""
        self._prefix, self._read = self._read, len(self._ids)
        return text[len(before) :]


def detokenize(tokenizer: Any, tokens: Iterable[int]) -> Iterator[str]:
    """Text deltas for a stream of token ids (see IncrementalDecoder)."""
    decoder = IncrementalDecoder(tokenizer)
    # Closed at once when the caller stops early, so a backend can stop decoding for this stream.
    with contextlib.closing(tokens) if hasattr(tokens, "close") else contextlib.nullcontext():
        for token in tokens:
            delta = decoder.push(token)
            if delta:
                yield delta
    tail = decoder.flush()
    if tail:
        yield tail


@dataclass
class StreamStats:
    """What the last call cost, for logs and the benchmark."""

    prompt_tokens: int = 0
    reused_tokens: int = 0  # prompt tokens whose KV came from a cache (prefix slots, static prompt)
    new_tokens: int = 0
    first_token_s: float = 0.0  # from call to first token (queueing + prefill)
    decode_s: float = 0.0  # from first token to the last
    batch_size: int = 1  # how many streams shared the model call (batched backends)

    @property
    def tokens_per_s(self) -> float:
        return (self.new_tokens - 1) / self.decode_s if self.new_tokens > 1 and self.decode_s > 0 else 0.0
