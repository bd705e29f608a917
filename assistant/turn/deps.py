"""Everything a turn needs, passed explicitly (instead of reaching into the `Assistant`)."""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.generation.base import Generator
    from assistant.sessions.base import SessionStore
    from catalog.models import Product
    from catalog.store import CatalogStore
    from retrieval.retriever import Retriever


class TurnMetrics:
    """Process-wide counters (generator failures, guard drops, ...) a health page or bench can read."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()

    def count(self, name: str, n: int = 1) -> None:
        with self._lock:
            self._counts[name] += n

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return dict(self._counts)


@dataclass
class TurnDeps:
    """The seams one turn uses: catalog rows, search, session store, generator, scorers and limits."""

    catalog: "CatalogStore"
    retriever: "Retriever"
    sessions: "SessionStore"
    generator: "Generator | None"
    vocab: Any  # language Vocabulary built from the catalog
    intent_scorer: Any = None
    nudge_policy: Any = None
    policies: Any = None  # a PolicyDesk answering shipping/returns/... from the shop's text, if any
    act_model: Any = None  # (text) -> (act, probability) | None: the learned act heads, asked when rules find nothing
    escalation_enabled: bool = True
    max_products: int = 4
    max_new_tokens: int = 72
    max_message_chars: int = 2000
    metrics: TurnMetrics = field(default_factory=TurnMetrics)

    def rows(self, ids: list[str]) -> list["Product"]:
        """Catalog rows for ids, in order, skipping ids no longer in the catalog (prose cleaned)."""
        from assistant.turn.rows import safe_all

        return safe_all(self.catalog.get_many(ids))

    def row(self, product_id: str | None) -> "Product | None":
        from assistant.turn.rows import safe

        product = self.catalog.get(product_id) if product_id else None
        return safe(product) if product is not None else None
