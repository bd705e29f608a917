"""Aisle's assistant: `from assistant import Assistant`. Heavy libraries load on first use."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.core import Assistant, ReplyStream
    from assistant.reply import Reply

__all__ = ["Assistant", "Reply", "ReplyStream"]


def __getattr__(name: str) -> Any:
    if name in ("Assistant", "ReplyStream"):
        from assistant import core

        return getattr(core, name)
    if name == "Reply":
        from assistant.reply import Reply

        return Reply
    raise AttributeError(name)
