"""The words that mean a brand, category, colour, size or material in one catalog, and finding them in text."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from catalog.filters import ATTRIBUTE_ALIASES
from language.cjk import CJK
from language.lexicon import (
    BUILTIN_BRAND_ALIASES, BUILTIN_COLORS, BUILTIN_MATERIALS, BUILTIN_SIZES, BUILTIN_SYNONYMS, VAGUE_HEADS,
)

__all__ = ["Vocabulary", "builtin_vocabulary", "tokens"]

_KIND_ORDER = ("brand", "color", "material", "size", "category")  # who wins when a term is both
_TOKEN = re.compile(r"[0-9a-z]+(?:['’.&+\-][0-9a-z]+)*|[^\s0-9a-z]")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens (lowercase, possessive 's dropped) with their spans; each CJK character is a token."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowercased; keep offsets true
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    out = []
    for m in _TOKEN.finditer(lowered):
        tok = m.group()
        if len(tok) > 2 and tok[-2] in "'’" and tok[-1] == "s":
            tok = tok[:-2]
        out.append((tok, m.start(), m.end()))
    return out


def _term_key(term: str) -> tuple[str, ...]:
    return tuple(t for t, _, _ in tokens(term))


def _spellings(term: str) -> set[str]:
    """A term and its everyday spellings: "T-Shirt" -> t-shirt, t shirt, tshirt; "Levi's" -> levis."""
    t = " ".join(term.lower().split())
    out = {t}
    if "-" in t:
        out |= {t.replace("-", " "), t.replace("-", "")}
    if "'" in t or "’" in t:
        out.add(t.replace("'", "").replace("’", ""))
    if " & " in t:
        out.add(t.replace(" & ", " and "))
    return out


def number_forms(word: str) -> set[str]:
    """Singular and plural of an English noun, good enough for product words (boot/boots, box/boxes)."""
    if not word.isascii() or not word[-1:].isalpha() or len(word) < 3:
        return {word}
    forms = {word}
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith(("ches", "shes", "sses", "xes")):
        forms.add(word[:-2])
    elif word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        forms.add(word[:-1] + "ies")
    elif word.endswith(("ch", "sh", "ss", "x")):
        forms.add(word + "es")
    else:
        forms.add(word + "s")
    return forms


def _phrase_number_forms(phrase: str) -> set[str]:
    head, _, last = phrase.rpartition(" ")
    return {f"{head} {w}".strip() for w in number_forms(last)}


def _as_tuple(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _attr_values(attributes: Mapping[str, Any], keys: Sequence[str]) -> list[str]:
    out = []
    for key in keys:
        value = attributes.get(key)
        for v in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip():
                out.append(str(v).strip())
    return out


def _contains_word(haystack: str, needle: str) -> bool:
    if CJK.search(needle):
        return needle in haystack
    return re.search(rf"(?<![a-z]){re.escape(needle)}(?![a-z])", haystack) is not None


class Vocabulary:
    """The words that mean a brand, category, colour, size or material in this catalog.

    Build it once per catalog with `from_products`; `parse_query` then only does dictionary lookups.
    Mappings go from what a shopper may type to the filter value(s) it stands for. Matching is
    whole-word and case-insensitive (CJK terms match anywhere), longest term first.
    """

    def __init__(
        self,
        *,
        brands: Iterable[str] = (),
        brand_aliases: Mapping[str, str] | None = None,
        categories: Mapping[str, str | Iterable[str]] | None = None,
        colors: Mapping[str, str | Iterable[str]] | None = None,
        materials: Mapping[str, str | Iterable[str]] | None = None,
        sizes: Mapping[str, str] | None = None,
    ) -> None:
        """`colors`/`materials`/`sizes` default to the built-in English and Chinese words."""
        self._by_kind: dict[str, dict[str, tuple[str, ...]]] = {kind: {} for kind in _KIND_ORDER}
        for brand in brands:
            for spelling in _spellings(brand):
                self._by_kind["brand"][spelling] = (brand,)
        for alias, brand in (brand_aliases or {}).items():
            for spelling in _spellings(alias):
                self._by_kind["brand"][spelling] = (brand,)
        # Without a catalog a colour word stands for its first spelling only ("gray" -> "grey").
        builtin_colors = {term: _as_tuple(values)[:1] for term, values in BUILTIN_COLORS.items()}
        for kind, table in (("color", builtin_colors if colors is None else colors),
                            ("material", BUILTIN_MATERIALS if materials is None else materials),
                            ("size", BUILTIN_SIZES if sizes is None else sizes),
                            ("category", categories or {})):
            for term, value in table.items():
                for spelling in _spellings(term):
                    self._by_kind[kind][spelling] = _as_tuple(value)
        self.words: frozenset[str] = frozenset()  # the catalog's title and category words (for typos)
        self._index: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {}
        self._longest: dict[str, int] = {}  # first token -> longest term starting with it
        for kind in _KIND_ORDER:
            for term, values in self._by_kind[kind].items():
                key = _term_key(term)
                if key and key not in self._index:
                    self._index[key] = (kind, values)
                    self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    @classmethod
    def from_products(
        cls,
        products: Iterable[Any],
        *,
        category_terms: Mapping[str, str | Iterable[str]] | None = None,
        brand_aliases: Mapping[str, str] | None = None,
    ) -> "Vocabulary":
        """Collect brands, categories, colours, sizes and materials from a catalog.

        `products` are `catalog.models.Product`s (only `brand`, `category` and `attributes` are read).

        Categories are reachable by their own name, by subcategory ("headphones" -> "electronics"
        when a product says so), by a subcategory's head noun ("boots" from "hiking boots"), and by
        built-in synonyms whose subcategory the catalog has ("耳机" -> headphones' category).
        A colour or material word stands for every catalog value that contains it ("leather" ->
        "full-grain leather", ...), so the hard filter matches what the catalog actually says;
        built-in material words the catalog never uses are left out and stay search words.
        `category_terms` adds or overrides term -> category mappings. Chinese names of the catalog's
        brands ("苹果" -> "Apple") are known without being given; `brand_aliases` adds or overrides.
        """
        brands: set[str] = set()
        categories: dict[str, set[str]] = {}
        sub_to_cats: dict[str, set[str]] = {}
        catalog_colors: set[str] = set()
        catalog_materials: set[str] = set()
        catalog_sizes: set[str] = set()
        title_words: set[str] = set()
        for p in products:
            title_words.update(re.findall(r"[a-z]{4,}", " ".join(
                [getattr(p, "title", "") or "", p.category or "", *_attr_values(p.attributes or {}, ("subcategory",))]).lower()))
            if p.brand:
                brands.add(p.brand.strip())
            elif maker := title_brand(getattr(p, "title", "")):
                brands.add(maker)
            attrs = p.attributes or {}
            if p.category:
                categories.setdefault(p.category.lower(), set()).add(p.category)
                for sub in _attr_values(attrs, ("subcategory",)):
                    sub_to_cats.setdefault(sub.lower(), set()).add(p.category)
            catalog_colors.update(v.lower() for v in _attr_values(attrs, ATTRIBUTE_ALIASES["color"]))
            catalog_materials.update(v.lower() for v in _attr_values(attrs, ATTRIBUTE_ALIASES["material"]))
            catalog_sizes.update(_attr_values(attrs, ATTRIBUTE_ALIASES["size"]))

        # A feed that files "stainless steel" under colour still means a material by it: a word that is a
        # material (built in, or some row's material) is read as one.
        catalog_colors -= {c for c in catalog_colors if c in catalog_materials or c in BUILTIN_MATERIALS}
        terms: dict[str, set[str]] = {}
        for name, cats in categories.items():
            for form in _phrase_number_forms(name):
                terms.setdefault(form, set()).update(cats)
        heads: dict[str, set[str]] = {}
        for sub, cats in sub_to_cats.items():
            for form in _phrase_number_forms(sub):
                terms.setdefault(form, set()).update(cats)
            head = sub.rpartition(" ")[2]
            if " " in sub and head not in VAGUE_HEADS and len(head) > 3:
                for form in number_forms(head):
                    heads.setdefault(form, set()).update(cats)
        for head, cats in heads.items():
            terms.setdefault(head, cats)
        for word, subs in BUILTIN_SYNONYMS.items():
            cats = set().union(*(sub_to_cats.get(s, set()) | categories.get(s, set()) for s in subs))
            if cats and word not in terms:
                terms[word] = cats
        merged: dict[str, tuple[str, ...]] = {t: tuple(sorted(c)) for t, c in terms.items()}
        for term, value in (category_terms or {}).items():
            merged[term.lower()] = _as_tuple(value)

        by_lower = {b.lower(): b for b in brands}
        aliases = {alias: by_lower[brand.lower()] for alias, brand in BUILTIN_BRAND_ALIASES.items()
                   if brand.lower() in by_lower}
        vocabulary = cls(
            brands=sorted(brands),
            brand_aliases={**aliases, **(brand_aliases or {})},
            categories=merged,
            colors=_catalog_terms(BUILTIN_COLORS, catalog_colors, keep_unused=True),
            materials=_catalog_terms(BUILTIN_MATERIALS, catalog_materials, keep_unused=False),
            sizes={**BUILTIN_SIZES, **{s.lower(): s for s in catalog_sizes if _is_standalone_size(s)}},
        )
        vocabulary.words = frozenset(title_words)
        return vocabulary

    @property
    def brands(self) -> tuple[str, ...]:
        """Every brand as the catalog spells it."""
        return tuple(sorted({v for vs in self._by_kind["brand"].values() for v in vs}))

    @property
    def categories(self) -> tuple[str, ...]:
        """Every category a term can stand for."""
        return tuple(sorted({v for vs in self._by_kind["category"].values() for v in vs}))

    def values(self, attribute: str) -> tuple[str, ...]:
        """Every filter value known for "color", "material" or "size"."""
        return tuple(sorted({v for vs in self._by_kind.get(attribute, {}).values() for v in vs}))

    def kind(self, term: str) -> str | None:
        """"brand", "category", "color", "material" or "size" for a known term, else None."""
        entry = self._index.get(_term_key(term))
        return entry[0] if entry else None

    def complement(self, attribute: str, excluded: Iterable[str]) -> tuple[str, ...]:
        """Known values of an attribute other than `excluded`: how "not red" becomes a filter."""
        drop = {e.lower() for e in excluded}
        return tuple(v for v in self.values(attribute) if v.lower() not in drop)

    def find(self, text: str) -> list[tuple[str, tuple[str, ...], int, int]]:
        """Known terms in `text`, leftmost-longest, as (kind, values, start, end)."""
        toks = tokens(text)
        hits = []
        i = 0
        while i < len(toks):
            longest = min(self._longest.get(toks[i][0], 0), len(toks) - i)
            for n in range(longest, 0, -1):
                entry = self._index.get(tuple(t for t, _, _ in toks[i:i + n]))
                if entry is not None:
                    hits.append((entry[0], entry[1], toks[i][1], toks[i + n - 1][2]))
                    i += n
                    break
            else:
                i += 1
        return hits

    def __repr__(self) -> str:
        sizes = {k: len(v) for k, v in self._by_kind.items()}
        return f"Vocabulary({', '.join(f'{k}={n}' for k, n in sizes.items())})"


def _catalog_terms(
    builtin: Mapping[str, str | tuple[str, ...]], catalog_values: set[str], *, keep_unused: bool
) -> dict[str, tuple[str, ...]]:
    """Built-in words mapped onto the catalog's own values, plus those values themselves.

    `keep_unused` keeps a built-in word's own value even when no product has it (a colour is a
    colour); otherwise a word the catalog never uses maps to nothing and stays a search word.
    """
    out: dict[str, tuple[str, ...]] = {}
    for term, canonicals in builtin.items():
        canonicals = _as_tuple(canonicals)
        matches = [c for i, c in enumerate(canonicals) if c in catalog_values or (keep_unused and i == 0)]
        matches += sorted(v for v in catalog_values if v not in matches
                          and any(_contains_word(v, c) for c in canonicals))
        if matches:
            out[term] = tuple(matches)
    for value in catalog_values:
        if len(value.split()) <= 4:
            out.setdefault(value, (value,))
    return out


_KNOWN_MAKERS = frozenset(b.lower() for b in BUILTIN_BRAND_ALIASES.values())
# Capitalised words that start titles without being a maker's name.
_NOT_MAKERS = frozenset("""usb led lcd hd uhd tv pc usa uk us eu diy xl xxl ac dc pu pvc abs gps nfc ssd hdd
rgb uv ce iso new the""".split())


def title_brand(title: str) -> str | None:
    """The maker a title starts with, for rows without a brand column, when the first word looks
    like a name and not like a word: written in capitals ("SAMSUNG", "YONEX"), with a capital inside
    ("OnePlus"), or a maker known worldwide ("Sony", "adidas"). "Portable 40 Inch ..." and
    "USB Microphone" name none."""
    m = re.match(r"\s*([A-Za-z][A-Za-z0-9&'.-]*[A-Za-z0-9])\b", title or "")
    if m is None:
        return None
    word = m.group(1)
    letters = re.sub(r"[^A-Za-z]", "", word)
    if word.lower() in _NOT_MAKERS or any(c.isdigit() for c in word):
        return None
    if (len(letters) >= 2 and letters.isupper()) or re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]*", word):
        return word
    return word if word.lower() in _KNOWN_MAKERS else None


def _is_standalone_size(size: str) -> bool:
    """Catalog sizes a shopper could say alone ("3-4Y", "28x30", "XXL").

    Plain numbers and S/M/L need "size ...", and words ("long", "regular") are too common alone.
    """
    s = size.strip().lower()
    return re.fullmatch(r"\d[\d.\-]*[a-z][\w.\-]*|x+[sl]|\dxl", s) is not None


@lru_cache(maxsize=1)
def builtin_vocabulary() -> Vocabulary:
    """The built-in colour, material and size words alone (no catalog: no brands or categories)."""
    return Vocabulary()

