"""A present for someone who likes a pastime ("He loves hiking", "他喜欢喝咖啡"): the things the pastime
uses, a few kinds of them, instead of whatever rows happen to say the pastime's word (a hiking
sandal, a honey that pairs with coffee, a novel whose title says "loved")."""
from __future__ import annotations

from assistant.turn.acts.kinds import compound_test, kind_test


def hobby_hits(search, hobby: str, *, n: int, relevant, for_others, for_kids=None) -> list:
    """Rows for `hobby`'s kinds of product (`language.hobbies.hobby_kinds`), taken in turns, one
    kind after another in the table's order, so the first cards are of different kinds. A kind
    counts only through rows that say it (title, category or subcategory; a compound kind, "garden
    tools", as a whole): a catalog without tents shows no tent-like rows, and none at all when it
    has none of the kinds (the honest answer, not whatever the pastime's word happens to find).

    `search(text)` runs the catalog search (the shopper's filters applied), `relevant(hits)` keeps
    the hits that match, `for_others(product)` is true for rows meant for the other group, and
    `for_kids(product)` for children's rows, which go last (a present for a father is not a kids'
    backpack); None when the present is for a child."""
    from language.hobbies import hobby_kinds

    per_kind = []
    for kind in hobby_kinds(hobby):
        of_kind, compound = kind_test(kind, "en"), compound_test(kind, "en")
        rows = [h for h in relevant(search(kind)) if of_kind is not None and of_kind(h.product) is True
                and (compound is None or compound(h.product)) and not for_others(h.product)]
        if rows:  # what a shopper can buy now first: a variant in stock stands for its product
            per_kind.append(sorted(rows, key=lambda h: (for_kids is not None and for_kids(h.product),
                                                        not h.product.in_stock)))
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
