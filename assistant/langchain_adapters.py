"""Drop Aisle into a LangChain app: the catalog as a retriever, the assistant as a Runnable.

These wrap the same objects the app uses; nothing on Aisle's own hot path goes through LangChain.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableConfig


class AisleRetriever(BaseRetriever):
    """Hybrid catalog search as LangChain Documents (page_content = product text, metadata = the row)."""

    retriever: Any  # retrieval.Retriever
    k: int = 5
    filters: dict | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.retriever.search(query, k=self.k, filters=self.filters)
        return [
            Document(page_content=h.product.embedding_text(), id=h.product.id,
                     metadata={**h.product.to_dict(), "score": h.score})
            for h in hits
        ]


class AisleRunnable(Runnable[Any, Any]):
    """`invoke({"message": ..., "session_id": ...})` -> Reply as a dict; `stream(...)` -> text deltas.

    A plain string input is accepted too (a new session each call unless `session_id` is bound via
    `config={"configurable": {"session_id": ...}}`).
    """

    def __init__(self, assistant: Any) -> None:
        self.assistant = assistant

    @staticmethod
    def _parse(input: Any, config: RunnableConfig | None) -> tuple[str, str | None]:
        configurable = (config or {}).get("configurable", {})
        if isinstance(input, str):
            return input, configurable.get("session_id")
        if isinstance(input, dict) and "message" in input:
            return input["message"], input.get("session_id") or configurable.get("session_id")
        raise TypeError("AisleRunnable takes a message string or {'message': str, 'session_id': str | None}")

    def invoke(self, input: Any, config: RunnableConfig | None = None, **kwargs: Any) -> dict:
        message, session_id = self._parse(input, config)
        return self.assistant.chat(message, session_id=session_id).to_dict()

    def stream(self, input: Any, config: RunnableConfig | None = None, **kwargs: Any) -> Iterator[str]:
        message, session_id = self._parse(input, config)
        yield from self.assistant.stream(message, session_id=session_id)
