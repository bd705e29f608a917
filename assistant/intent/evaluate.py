"""Held-out evaluation of the keyword baseline, the text-only model and the full model.

Shared by training (which stores the headline figures in the artifact) and the bench. Every set is
weighted so buying and non-buying turns count equally: the head is calibrated to that 50/50 prior,
so ECE and F1 are measured at the prior the scores claim to have.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from .data import Turn, all_turns, mgshopdial_turns, shared_data_dir, webshop_turns, written_turns
from .keywords import keyword_score
from .metrics import balanced_weights, summary
from .signals import SessionSignals

_ASKS = {
    "asked_price": re.compile(r"\b(price|how much|cost|costs|cheap|expensive|discount)\b|多少钱|价格|优惠", re.I),
    "asked_delivery": re.compile(r"\b(ship|shipping|deliver|delivery|arrive)\b|包邮|发货|配送|运费", re.I),
    "asked_stock": re.compile(r"\b(in stock|available|availability|sold out)\b|有货|库存|现货", re.I),
    "asked_size": re.compile(r"\b(size|sizes|fit|fits|medium|large|small)\b|尺码|码数|大小", re.I),
}


def signals_from_text(turns: Iterable[str]) -> SessionSignals:
    """What a dialogue manager could fill from the shopper's words alone (no cart, no product views).

    The public sets record no behaviour, so the bench's "full" model gets only these flags.
    """
    turns = list(turns)
    flags = {k: any(rx.search(t) for t in turns) for k, rx in _ASKS.items()}
    return SessionSignals(turns=len(turns), **flags)


def with_history(turns: list[Turn]) -> list[tuple[Turn, list[str]]]:
    """Each turn with the texts of the earlier shopper turns of its session, in order."""
    by_session: dict[str, list[Turn]] = defaultdict(list)
    for t in turns:
        by_session[t.session].append(t)
    out = []
    for t in turns:
        earlier = sorted((u for u in by_session[t.session] if u.index < t.index), key=lambda u: u.index)
        out.append((t, [u.text for u in earlier]))
    return out


def evaluation_sets(*, data_dir: Path | None = None) -> dict[str, list[Turn]]:
    """The held-out sets. Public sets hold buying sessions only, so each is paired with the held-out
    project-written non-buying sessions; `mg_goal` relabels MG-ShopDial turns with their public
    annotation (task goal vs `meta`) to check the score on labels the project did not write."""
    data_dir = data_dir or shared_data_dir()
    negatives = [t for t in written_turns("test") if t.label == 0]
    mg = mgshopdial_turns(data_dir, "test")
    return {
        "webshop": webshop_turns(data_dir, "test") + negatives,
        "mgshopdial": mg + negatives,
        "written": written_turns("test"),
        "all": all_turns("test", data_dir=data_dir),
        "mg_goal": [Turn(t.text, int(t.kind != "meta"), t.source, t.session, t.index, t.kind) for t in mg],
    }


def evaluate(scorer, *, data_dir: Path | None = None, sets: Iterable[str] | None = None) -> dict[str, dict[str, dict]]:
    """{set: {"keyword" | "text" | "full": {auc, f1, ece, n, positives}}} on the held-out sets."""
    all_sets = evaluation_sets(data_dir=data_dir)
    names = list(sets or all_sets)
    scorer.warm([t.text for n in names for t in all_sets[n]])
    out: dict[str, dict[str, dict]] = {}
    for name in names:
        rows = with_history(all_sets[name])
        y = [t.label for t, _ in rows]
        w = balanced_weights(y)
        kw = [keyword_score(t.text) for t, _ in rows]
        text = [scorer.text_probability(t.text) for t, _ in rows]
        full = [scorer.score(t.text, h, signals_from_text(h + [t.text])) for t, h in rows]
        out[name] = {
            "keyword": summary(y, kw, weights=w),
            "text": summary(y, text, weights=w),
            "full": summary(y, full, weights=w),
        }
    return out
