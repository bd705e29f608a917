"""Cheap regex building blocks shared by every shopper-language rule.

`Rule` guards a large alternation with trigger substrings (a substring test costs nanoseconds, a
failing alternation tens of microseconds); `Scan` is a message whose consumed spans are blanked out,
so one phrase is never read twice ("size 10" never also becomes a price).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

__all__ = ["GAP", "Rule", "Scan", "compile_any", "compile_each"]

GAP = "\x00"  # stands in for consumed characters so spans keep their offsets


def compile_any(*patterns: str) -> re.Pattern:
    """One case-insensitive pattern matching any of `patterns`."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def compile_each(*patterns: str) -> tuple[re.Pattern, ...]:
    """Patterns that reuse group names, so they are compiled apart and tried in order."""
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


class Rule:
    """A regex that only runs when the message contains one of its trigger substrings.

    Python's regex engine tries every alternative at every position, so a large alternation costs
    tens of microseconds per message even when nothing matches, while a substring test costs
    nanoseconds. Every possible match must contain (case-insensitively) at least one trigger.
    """

    __slots__ = ("pattern", "triggers")

    def __init__(self, triggers: Sequence[str], *patterns: str, flags: int = re.IGNORECASE) -> None:
        self.pattern = re.compile("|".join(f"(?:{p})" for p in patterns), flags)
        self.triggers = tuple(triggers)

    def possible(self, text: str) -> bool:
        """False when no match can exist (no trigger substring in `text`)."""
        return any(map(text.lower().__contains__, self.triggers))

    def search(self, text: str) -> re.Match | None:
        """`re.search`, skipped when no trigger is present."""
        return self.pattern.search(text) if self.possible(text) else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        """`re.finditer`, skipped when no trigger is present."""
        return self.pattern.finditer(text) if self.possible(text) else iter(())

    def sub(self, replacement: str, text: str) -> str:
        """`re.sub`, skipped when no trigger is present."""
        return self.pattern.sub(replacement, text) if self.possible(text) else text


class Scan:
    """The message with consumed spans blanked out."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower()  # for cheap "could this pattern match at all?" checks

    def take(self, start: int, end: int) -> None:
        """Consume a span: later patterns never match across it."""
        self.text = self.text[:start] + GAP * (end - start) + self.text[end:]

    def mentions(self, hints: Sequence[str]) -> bool:
        """True when the original message contains one of `hints`."""
        return any(map(self.lower.__contains__, hints))

    def matches(self, pattern: re.Pattern, hints: Sequence[str] = ()) -> list[re.Match]:
        """Non-overlapping matches that touch no consumed character.

        `hints` are substrings one of which any match must contain: most messages contain none,
        and a substring test is far cheaper than running the pattern.
        """
        if hints and not self.mentions(hints):
            return []
        return [m for m in pattern.finditer(self.text) if GAP not in m.group()]
