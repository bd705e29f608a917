"""Product retrieval: `from retrieval import Retriever`; heavy libraries load on first use."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from catalog.filters import Filters

if TYPE_CHECKING:
    from retrieval.retriever import Hit, Retriever

__all__ = ["Filters", "Hit", "Retriever"]


def __getattr__(name: str) -> Any:
    if name in ("Retriever", "Hit"):
        from retrieval import retriever

        return getattr(retriever, name)
    raise AttributeError(name)
