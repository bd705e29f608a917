"""A present for someone who likes a pastime ("He loves hiking", "他喜欢喝咖啡"): the things the pastime
uses, a few kinds of them, instead of whatever rows happen to say the pastime's word (a hiking
sandal, a honey that pairs with coffee, a novel whose title says "loved")."""
from __future__ import annotations

from assistant.turn.acts.kinds import kind_test


def hobby_hits(search, hobby: str, *, n: int, relevant, for_others) -> list:
    """Rows for `hobby`'s kinds of product (`language.hobbies.HOBBY_KINDS`), taken in turns, one
    kind after another in the table's order, so the first cards are of different kinds. A kind
    counts only through rows that say it (title, category or subcategory): a catalog without tents
    shows no tent-like rows. Empty when the catalog has none of the kinds.

    `search(text)` runs the catalog search (the shopper's filters applied), `relevant(hits)` keeps
    the hits that match, `for_others(product)` is true for rows meant for the other group."""
    from language.hobbies import HOBBY_KINDS

    per_kind = []
    for kind in HOBBY_KINDS.get(hobby, ()):
        of_kind = kind_test(kind, "en")
        rows = [h for h in relevant(search(kind)) if of_kind is not None and of_kind(h.product) is True
                and not for_others(h.product)]
        if rows:  # what a shopper can buy now first: a variant in stock stands for its product
            per_kind.append(sorted(rows, key=lambda h: not h.product.in_stock))
    picked, seen, groups = [], set(), set()
    depth = 0
    while len(picked) < n and any(depth < len(rows) for rows in per_kind):
        for rows in per_kind:
            if depth < len(rows) and len(picked) < n:
                h = rows[depth]
                group = h.product.group_id or h.product.id
                if h.product.id not in seen and group not in groups:
                    picked.append(h)
                    seen.add(h.product.id)
                    groups.add(group)
        depth += 1
    return picked
