"""Is a row of the kind of product the shopper asked for? Head nouns, compounds, titles of feeds without
categories, and the closeness that lets a row which cannot tell stay (used by search and "similar")."""
from __future__ import annotations

import re
from functools import lru_cache

from catalog.models import Product

# How far below the best keyword-matched hit a dense-only hit may score, as a share of the
# embedder's usable range (1 - its noise floor): 0.04 for E5, 0.16 for MiniLM.
DENSE_MARGIN = 0.2


def with_english_terms(query: str) -> str:
    """A Chinese need plus the English product words it stands for, so an English catalog can match
    it ("笔记本电脑" also searches "laptops"); Chinese titles still match the Chinese words."""
    extra = english_terms(query)
    return " ".join([query, *extra]) if extra else query


def english_terms(query: str) -> list[str]:
    """The English product, colour and material words a Chinese need names, longest Chinese word
    first and each character used once: "蓝牙音箱" is a Bluetooth speaker, not something blue."""
    extra: list[str] = []
    rest = query
    for word, values in _chinese_words():
        if word in rest:
            rest = rest.replace(word, "\x00")
            extra += [v for v in values if v.isascii()]
    return list(dict.fromkeys(extra))


@lru_cache(maxsize=1)
def _chinese_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The lexicon's Chinese words and their values, longest first (sorted once, not per message)."""
    from language.lexicon import BUILTIN_COLORS, BUILTIN_MATERIALS, BUILTIN_SYNONYMS

    words = [(w, (v,) if isinstance(v, str) else tuple(v)) for table in (BUILTIN_SYNONYMS, BUILTIN_COLORS,
                                                                        BUILTIN_MATERIALS)
             for w, v in table.items() if not w.isascii()]
    return tuple(sorted(words, key=lambda wv: len(wv[0]), reverse=True))


def as_close_as(found, anchors, need: str, lang: str, *, floor: float):
    """Rows of a filtered search whose embedding comes as close to the need as the relevant rows
    of the same search without the budget do. With a budget, the rows a keyword matches may all be
    past it ("12块以内的悬疑小说": the titles that say "Novel" cost more), which leaves the relevance
    test without an anchor; the unfiltered matches give it one (a $9.71 novel stays, copy paper
    does not)."""
    of_kind = kind_test(need, lang)
    # Anchors: rows that say the kind, and keyword matches whose titles cannot tell it (a novel's
    # title is its name; "Confess: A Novel" alone would set the bar above "1922 by Stephen King").
    typed = [h for h in anchors if of_kind is not None and (of_kind(h.product) is True or (
        of_kind(h.product) is None and h.lexical_score is not None))] or list(anchors)
    scores = [h.dense_score for h in typed if h.dense_score is not None]
    if not scores:
        return []
    bar = min(scores) - (1.0 - floor) * DENSE_MARGIN
    near = [h for h in found if (h.dense_score or 0.0) >= bar and (of_kind is None or of_kind(h.product) is not False)]
    return of_the_kind(near, need, lang, floor=floor)


def of_the_kind(hits, need: str, lang: str, *, floor: float = 0.22, shown: list | None = None, vocab=None):
    """Keep the rows that name the kind of product asked for, when some do: for "bluetooth speaker"
    the speakers, not an LED bulb whose title also says Bluetooth. A row whose kind cannot be told (a
    novel's title is its name) stays when its embedding comes as close to the need as the rows that
    say their kind do (another novel does; an ink cartridge among microphones does not).

    `shown`: the cards a refinement ("cheaper", "more", "other brands") narrows. A catalog without
    categories cannot keep their kind by a filter, so rows of another kind are left out even when
    no row of the kind is left ("nothing cheaper" is then the honest answer, not a tripod)."""
    of_kind = kind_test(need, lang)
    if of_kind is None:
        return hits
    verdict = {id(h): of_kind(h.product) for h in hits}
    compound = compound_test(need, lang)
    # The catalog's own words name the compound ("running shoes" is one of its kinds): it holds even
    # when no row of it is left under the budget (a hiking shoe is no answer to "running shoes").
    known = compound is not None and vocab is not None and _names_known_kind(need, lang, vocab)
    other = set()  # rows of the head's kind that are not the compound asked for
    for feed in (True, False):  # rows without a category, then rows with one: each judged among its own
        if compound is not None and (
                (known and not feed)
                or any(verdict[id(h)] and titled(h.product) is feed and compound(h.product) for h in hits)
                or any(of_kind(p) and titled(p) is feed and compound(p) for p in shown or [])):
            # Some rows say "action camera" / "mechanical keyboard": a "Digital Camera" or a slim
            # multi-device keyboard only shares the head noun.
            other |= {id(h) for h in hits if verdict[id(h)] and titled(h.product) is feed and not compound(h.product)}
    verdict.update({i: False for i in other})
    typed = [h for h in hits if verdict[id(h)]]
    if shown:
        # Rows that cannot tell their kind may stay when the cards narrowed mostly could not either
        # (novels); among calendars that say so, a novel is another kind.
        told = [of_kind(p) for p in shown if titled(p)]
        unknown_ok = told.count(None) >= told.count(True)
        return [h for h in hits if verdict[id(h)] or (not titled(h.product) and id(h) not in other)
                or (verdict[id(h)] is None and unknown_ok)]
    if not typed and known:  # none of the kind the catalog itself names: nothing here, relax the budget
        return [h for h in hits if id(h) not in other and verdict[id(h)] is not False]
    if not typed:  # a title that plainly names another kind of product is left out all the same
        return [h for h in hits if not (verdict[id(h)] is False and titled(h.product))]
    scores = [h.dense_score for h in typed if h.dense_score is not None]
    bar = min(scores) - (1.0 - floor) * DENSE_MARGIN if scores else 0.0
    return [h for h in hits if verdict[id(h)] is True
            or (verdict[id(h)] is None and (h.dense_score or 0.0) >= bar)]


def _names_known_kind(need: str, lang: str, vocab) -> bool:
    from language.head import compound_forms

    forms = compound_forms(need, english_terms(need) if lang == "zh" else None)
    return any(vocab.kind(f) == "category" for f in forms)


def titled(p: Product) -> bool:
    """The row's kind is in its title only (no category column)."""
    return not (p.category or p.attributes.get("subcategory"))


def compound_test(need: str, lang: str):
    """A test "does this row say the need's compound kind?" ("mechanical keyboard"), or None when the
    need names none. A row without a category says it in its title; a row with one may also say it
    by its category, or by the modifier in its title, tags or attribute values ("mechanical"); a
    Chinese need also by the shopper's own words ("机械键盘" in a title or tag)."""
    from language.head import compound_forms, says_compound

    compounds = compound_forms(need, english_terms(need) if lang == "zh" else None)
    if not compounds:
        return None
    modifiers = {c.split()[0] for c in compounds}
    said = re.sub(r"[^\u4e00-\u9fff]", "", need) if lang == "zh" else ""

    def says(p: Product) -> bool:
        if says_compound(compounds, p.title) or (len(said) >= 2 and (said in p.title or said in p.tags)):
            return True
        if titled(p):
            return False
        subcategory = str(p.attributes.get("subcategory") or "")
        if says_compound(compounds, f"{p.category} {subcategory}"):
            return True
        values = [str(x) for v in p.attributes.values() if isinstance(v, (str, list)) for x in ([v] if isinstance(v, str) else v)]
        values += [str(t) for t in p.tags] + [p.title]  # ("connectivity": ["bluetooth 5.3"], tags: ["mechanical"],
        # "Sports Sneakers" in the sports shoes category)
        return bool(modifiers & set(re.findall(r"[a-z]+", " ".join(values).lower())))

    return says


def kind_test(need: str, lang: str):
    """A test "is this row of the kind the need names?" -> True, False, or None when the row does not
    say; None itself when the need names no kind. A row with a category is judged by the need's head
    noun in its title or category; a row without one by the head nouns of its title's phrases (see
    `language.head.kind_in_title`); a Chinese need also by the shopper's own words in the title."""
    from language.head import head_forms, kind_in_title, names_a_field, names_kind
    from language.lexicon import PRODUCT_NOUNS

    if not need:
        return None
    english = english_terms(need) if lang == "zh" else None
    heads = head_forms(need, english)
    field = names_a_field(need, english)
    said = re.sub(r"[^\u4e00-\u9fff]", "", need) if lang == "zh" else ""
    if not heads and len(said) < 2:
        return None

    def of_kind(p: Product) -> bool | None:
        if len(said) >= 2 and said in p.title:
            return True
        if not heads:
            return None
        subcategory = str(p.attributes.get("subcategory") or "")
        if p.category or subcategory:
            return names_kind(heads, " ".join([p.title, p.category, subcategory]))
        if field and names_kind(heads, p.title):  # "ice hockey gear": pants that say "Ice Hockey"
            return True
        told = kind_in_title(heads, p.title, PRODUCT_NOUNS)
        # A variant family's title names the family ("Hiking Boots (12, leather)"): its kind is known.
        return False if told is None and p.group_id else told

    return of_kind
