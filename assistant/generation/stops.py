"""Stop strings applied to a stream of text deltas, the same way for every backend.

A stop string can straddle two deltas ("</" then "answer>"), so text that could be the start of
one is held back until the next delta decides; the caller never sees any part of a stop string.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence


class StopScanner:
    """Cuts a stream of text deltas at the first stop string."""

    def __init__(self, stop: Sequence[str] = ()) -> None:
        self._stops = tuple(s for s in stop if s)
        self._pending = ""
        self.stopped = False

    def feed(self, delta: str) -> str:
        """Return the text that is safe to emit now; sets `stopped` once a stop string appears."""
        if self.stopped:
            return ""
        if not self._stops:
            return delta
        text = self._pending + delta
        hits = [i for i in (text.find(s) for s in self._stops) if i >= 0]
        if hits:
            self.stopped = True
            self._pending = ""
            return text[: min(hits)]
        keep = max((self._partial_len(text, s) for s in self._stops), default=0)
        self._pending = text[len(text) - keep :] if keep else ""
        return text[: len(text) - keep]

    def flush(self) -> str:
        """Text held back when the stream ended without reaching a stop string."""
        rest, self._pending = self._pending, ""
        return "" if self.stopped else rest

    @staticmethod
    def _partial_len(text: str, stop: str) -> int:
        """Length of the longest suffix of `text` that is a proper prefix of `stop`."""
        for k in range(min(len(stop) - 1, len(text)), 0, -1):
            if text.endswith(stop[:k]):
                return k
        return 0


def apply_stops(deltas: Iterable[str], stop: Sequence[str] = ()) -> Iterator[str]:
    """Yield `deltas` up to (not including) the first stop string, dropping empty pieces."""
    scanner = StopScanner(stop)
    # Closing the source at once (not at garbage collection) lets a model backend stop decoding
    # and release its cache as soon as a stop string, or the caller, ends the stream.
    closer = contextlib.closing(deltas) if hasattr(deltas, "close") else contextlib.nullcontext()
    with closer:
        for delta in deltas:
            out = scanner.feed(delta)
            if out:
                yield out
            if scanner.stopped:
                return
    tail = scanner.flush()
    if tail:
        yield tail
