"""Phrase: the model writes a short recommendation around the computed answer, through the guard.

The opening (what was found, for what) is shown before the model starts, so first words appear at
once. The model's text passes the grounding guard sentence by sentence; if nothing usable survives,
or the model fails, the answer computed from rows is shown instead. A model failure is never
disguised: it is logged, counted, marked on the reply and told to the shopper in one line.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from assistant.generation.base import GeneratorSlow
from assistant.turn.deps import TurnDeps
from assistant.turn.events import Draft, Event
from assistant.turn.guard import GroundingGuard
from assistant.turn.prompt import messages
from prompts import phrase

logger = logging.getLogger(__name__)

TAKEOVER_CHECK_SECONDS = 0.3  # how often a streaming reply checks whether staff took the chat
MAX_QUEUED_PROMPTS = 3  # past this many waiting prompts, answer from the rows instead of queueing


@dataclass
class Phrased:
    """What the phrasing stage produced and how."""

    text: str = ""
    grounding: str = "template"  # ok | repaired | replaced | template | model_busy | model_slow | model_failed
    interrupted: bool = False  # staff took the chat while the model was writing
    dropped: list[str] = field(default_factory=list)  # kinds of guard violations
    generator_error: str | None = None
    slow: bool = False  # the model did not start within its first-token deadline


def phrase_draft(deps: TurnDeps, session_id: str, draft: Draft, *, shopper_text: str, lang: str,
                 timings: dict[str, float]) -> Iterator[Event]:
    """Yield the answer's text deltas; the generator's return value is the `Phrased` result."""
    out = Phrased()
    pieces: list[str] = []
    t0 = time.perf_counter()
    if draft.prefix:
        pieces.append(draft.prefix)
        timings["first_words"] = time.perf_counter() - t0
        yield Event("delta", draft.prefix)
    generator = deps.generator
    use_model = draft.prompt is not None and generator is not None
    if use_model and _queue_depth(generator) > MAX_QUEUED_PROMPTS:
        deps.metrics.count("model_skipped_busy")
        out.grounding, use_model = "model_busy", False
    if use_model:
        generated, guard = [], GroundingGuard(
            draft.products, other_titles=draft.other_titles, find_titles=lambda s: _titles_in(deps, s),
            allowed_amounts=draft.allowed_amounts, shopper_text=shopper_text, lang=lang)
        watch = _TakeoverWatch(deps, session_id)
        try:
            stream = generator.stream(messages(draft.prompt), max_new_tokens=deps.max_new_tokens)
            for chunk in guard.filter_stream(watch.follow(stream)):
                if not generated:
                    timings["first_model_text"] = time.perf_counter() - t0
                    chunk = ("\n\n" if pieces else "") + chunk.lstrip()
                generated.append(chunk)
                yield Event("delta", chunk)
            out.interrupted = watch.taken
        except GeneratorSlow as exc:  # a queue, not a fault: the rows answer, marked and counted
            out.slow = True
            deps.metrics.count("model_slow")
            logger.warning("generator slow: %s", exc)
        except Exception as exc:  # noqa: BLE001 - any engine failure is reported, never hidden
            out.generator_error = f"{type(exc).__name__}: {exc}"
            deps.metrics.count("generator_failures")
            logger.error("generator failed: %s", out.generator_error)
        out.dropped = sorted({v.kind for _, vs in guard.dropped for v in vs})
        if guard.dropped:
            deps.metrics.count("guard_dropped_sentences", len(guard.dropped))
            logger.info("grounding dropped %d sentence(s): %s", len(guard.dropped), out.dropped)
        kept_text = "".join(generated).strip()
        if out.slow:
            out.grounding = "model_slow"
        elif out.generator_error:
            out.grounding = "model_failed"
            if generated:  # what was already shown stays; the facts follow
                pieces.extend(generated)
        elif out.interrupted:
            out.grounding = guard.status
            pieces.extend(generated)
        elif guard.kept == 0 or len(kept_text) < 12:
            out.grounding = "replaced" if guard.dropped else "template"
            if generated:  # a too-short remainder was already streamed; keep the transcript honest
                pieces.extend(generated)
        else:
            out.grounding = guard.status
            pieces.extend(generated)
    if not out.interrupted and out.grounding not in ("ok", "repaired"):
        extra = _rest_of_fallback(draft)
        if out.generator_error:
            extra = phrase("generator_down", lang) + ("\n" + extra if extra else "")
        if extra:
            sep = "\n\n" if pieces else ""
            pieces.append(sep + extra)
            yield Event("delta", sep + extra)
    timings["generation"] = time.perf_counter() - t0
    out.text = "".join(pieces).strip()
    return out


class _TakeoverWatch:
    """Follows the model's raw stream and stops it as soon as staff take the chat over."""

    def __init__(self, deps: TurnDeps, session_id: str) -> None:
        self.deps, self.session_id, self.taken = deps, session_id, False

    def follow(self, chunks):
        last_check = time.perf_counter()
        for chunk in chunks:
            yield chunk
            if time.perf_counter() - last_check > TAKEOVER_CHECK_SECONDS:
                last_check = time.perf_counter()
                if self.deps.sessions.status(self.session_id).mode == "staff":
                    self.taken = True
                    close = getattr(chunks, "close", None)
                    if close is not None:
                        close()  # let the engine stop decoding now
                    return


def _rest_of_fallback(draft: Draft) -> str:
    """The computed answer that goes after the opening already shown."""
    fallback = draft.fallback
    if draft.prefix and fallback.startswith(draft.prefix):
        return fallback[len(draft.prefix):].strip()
    return fallback.strip()


def _queue_depth(generator) -> int:
    pending = getattr(generator, "pending", None)
    return int(pending()) if callable(pending) else 0


def _titles_in(deps: TurnDeps, sentence: str) -> list[str]:
    """Catalog titles that share words with a generated sentence (FTS), for the product check."""
    ids = [pid for pid, _ in deps.catalog.lexical_search(sentence, limit=8)]
    return [p.title for p in deps.rows(ids)]
