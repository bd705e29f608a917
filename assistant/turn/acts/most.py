""""Which one has the most storage / the longest battery life / 哪个续航最长?" about the cards on screen,
for any field the rows list: the field is found by name, its values read as numbers with their units
(2 TB beats 512 GB, 2 years beats 6 months, 50 h beats 90 min) and compared; rows that do not give the
field, or give it in a unit that cannot be compared, are left out and said to be. When no row gives it,
the answer is that the catalog does not say (never the model's guess).
"""
from __future__ import annotations

import re
from collections import Counter

from assistant import answers
from assistant.turn.acts import ActContext
from assistant.turn.events import Draft
from catalog.models import Product
from language.units import amount
from prompts import phrase

_EN_WORDS = {"max": {"most": "most", "more": "most", "highest": "highest", "higher": "highest", "biggest": "biggest",
                     "bigger": "biggest", "largest": "largest", "larger": "largest", "longest": "longest",
                     "longer": "longest", "greatest": "greatest", "best": "best"},
             "min": {"least": "least", "less": "least", "lowest": "lowest", "lower": "lowest", "smallest": "smallest",
                     "smaller": "smallest", "shortest": "shortest", "shorter": "shortest", "fewest": "fewest",
                     "fewer": "fewest"}}


def answer(ctx: ActContext) -> Draft | None:
    """The computed answer, or None when the message is no such question about two or more cards."""
    from language.superlative import asks_most

    asked = asks_most(ctx.text)
    cards = list(ctx.shown) if len(ctx.shown) >= 2 else ctx.deps.rows(ctx.state.last_list)
    if asked is None or len(cards) < 2:
        return None
    what, end, said = asked
    lang = ctx.state.lang
    key_of = {p.id: key for p in cards if (key := field_key(p, what)) is not None}
    if not key_of:
        return Draft("question", products=cards, unmet=True,
                     fallback=phrase("most_unknown", lang, field=what))
    values = {p.id: v for p in cards if p.id in key_of and (v := amount(p.facts()[key_of[p.id]])) is not None}
    family = Counter(v[1] for v in values.values()).most_common(1)[0][0] if values else None
    values = {pid: v[0] for pid, v in values.items() if v[1] == family}
    if values:  # "No warranty" is none of it, not a row that does not say
        values.update({p.id: 0.0 for p in cards if p.id in key_of and p.id not in values
                       and _NONE.match(str(p.facts()[key_of[p.id]]).strip())})
    if not values:
        return Draft("question", products=cards, unmet=True, fallback=phrase("most_unknown", lang, field=what))
    best = (max if end == "max" else min)(values.values())
    winners = [p for p in cards if values.get(p.id) == best]
    raw = winners[0].facts()[key_of[winners[0].id]]
    shown_value = answers.value_zh(raw) if lang == "zh" else answers.value_text(raw)
    end_words = said if lang == "zh" else _EN_WORDS[end].get(said, "most" if end == "max" else "least")
    titles = ("」「" if lang == "zh" else " and ").join(p.title for p in winners)
    lines = [phrase("most_is" if len(winners) == 1 else "most_tie", lang, title=titles, end=end_words, field=what, value=shown_value)]
    missing = len(cards) - len(values)
    if missing:
        lines.append(phrase("superlative_some_missing", lang, field=what, n=missing))
    ctx.state.focus = winners[0].id
    return Draft("question", products=winners, fallback=" ".join(lines))


_NONE = re.compile(r"(?:no|none|without|n/a)\b|无|没有", re.IGNORECASE)


def field_key(p: Product, what: str) -> str | None:
    """The row's field the words name: "battery life" -> battery_life, "screen" -> "screen size",
    "续航" -> battery_life (the shop's Chinese field names), None when the row has no such field."""
    facts = p.facts()
    if re.search(r"[\u4e00-\u9fff]", what):
        wanted = {k for k, zh in answers.KEY_NAMES_ZH.items() if zh in what or what in zh}
        return next((k for k in facts if k in wanted or answers.normal_key(k) in {answers.normal_key(w) for w in wanted}), None)
    words = [w for w in re.findall(r"[a-z]+", what.lower()) if w not in ("the", "a", "of", "and")]
    for key in facts:
        tokens = set(re.findall(r"[a-z]+", key.lower()))
        if words and (all(w in tokens or w.rstrip("s") in tokens for w in words)
                      or all(t in words for t in tokens)):
            return key
    for key in facts:  # "battery" for battery_life, "screen" for "screen size"
        if words and words[0] in re.findall(r"[a-z]+", key.lower()):
            return key
    return None

