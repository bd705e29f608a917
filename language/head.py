"""The kind of product a need names: its head noun ("speaker" in "bluetooth speaker for the garden").

Search engines rank a row that matches a modifier ("Bluetooth" in an LED bulb's title) next to rows
of the kind asked for. When some rows say the head noun in their title or category, rows that do
not are another kind of product, whatever else they match.

Rows without a category say their kind only in the title, which in many feeds is a string of
phrases ("SAMSUNG Galaxy S20 FE 5G Cell Phone, Factory Unlocked Android Smartphone, 128GB ..."). Each
phrase ends on its head noun; what follows "with", "for" or "compatible" is about other products.
"""
from __future__ import annotations

import re

from language.vocabulary import number_forms

__all__ = ["compound_forms", "head_forms", "names_a_field", "kind_in_title", "names_kind", "says_compound", "title_heads"]

# Words after which the need stops naming the product: "microphone for our support team".
_CUT = re.compile(r"\b(?:for|with|without|under|over|below|above|between|from|in|on|at|to|that|which|who|like|"
                  r"near|around|less|more|than|by|of)\b.*$", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z0-9'-]*")
# Words that end a need without naming a kind of product.
_NOT_HEADS = frozenset("""something anything stuff things thing items item products product options option ones one
gift gifts present presents idea ideas set sets kit kits accessories gear goods deal deals brand brands model models
pair pairs pack packs style styles version versions type types kind kinds color colour size cheap cheaper
equipment supplies essentials
best good nice new men women mens womens kids please""".split())
# In a title, what comes after these words names what the product comes with or fits, not what it is.
_TITLE_CUT = re.compile(r"\s(?:with|w/|for|compatible with|fits|by|includes|including)\s.*$|\s\(.*$", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r",|\s[-–—|/]\s|\||;|:")
# Words that end a title phrase without being its noun: sizes, packs, editions, marketing words.
_TITLE_NOT_HEADS = frozenset("""inch inches pack count pcs piece pieces set edition version new pro plus max mini lite
ultra unlocked renewed replacement remanufactured black white grey gray blue red green pink silver gold purple large small medium
daily weekly monthly yearly annual""".split())


def _need_words(phrase: str) -> list[str]:
    """The words of a need up to where it stops naming the product ("microphone for our team")."""
    return [w.strip("'") for w in _WORD.findall(_CUT.sub("", phrase.lower()))]


def head_forms(need: str, english: list[str] | None = None) -> set[str]:
    """Spellings of the need's head noun; for a Chinese need, the heads of its English product words."""
    heads: set[str] = set()
    for phrase in english or [need]:
        words = [w for w in _need_words(phrase) if w not in _NOT_HEADS and not w.isdigit()]
        if words and len(words[-1]) > 2:
            heads |= number_forms(words[-1])
    return heads


# Modifiers that describe a product rather than name a kind of it ("red dress", "cheap laptop").
_NOT_KIND_MODIFIERS = frozenset("""men's women's mens womens men women kids kid's boys girls unisex cheap cheaper
affordable budget good best great nice new cool cute simple basic quality premium top small large big little mini
light lightweight heavy durable comfortable waterproof portable some any other winter summer spring autumn fall""".split())


def compound_forms(need: str, english: list[str] | None = None) -> set[str]:
    """The need's kind as modifier + head ("action camera", "electric kettle", "wireless earbuds"),
    in both numbers, when the modifier names a kind of the head rather than a colour, size or taste.
    A catalog whose titles are product types (tau-bench) tells an action camera from a digital one
    only this way."""
    from language.lexicon import BUILTIN_COLORS, BUILTIN_MATERIALS

    skip = _NOT_KIND_MODIFIERS | {w for w in (*BUILTIN_COLORS, *BUILTIN_MATERIALS) if w.isascii()}
    out: set[str] = set()
    for phrase in english or [need]:
        words = [w for w in _need_words(phrase.replace("-", " ")) if w not in _NOT_HEADS and not w.isdigit()]
        if len(words) >= 2 and len(words[-1]) > 2 and words[-2] not in skip and len(words[-2]) > 2:
            out |= {f"{words[-2]} {form}" for form in number_forms(words[-1])}
    return out


def says_compound(compounds: set[str], text: str) -> bool:
    """True when the text says one of the compounds as words ("Action Camera (4K, ...)")."""
    flat = " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "
    return any(f" {c} " in flat for c in compounds)


def names_a_field(need: str, english: list[str] | None = None) -> bool:
    """True when the need ends on a word for a whole field of products ("ice hockey gear", "camping
    equipment"): its kind word ("hockey") is then said anywhere in a title, not as its head noun."""
    for phrase in english or [need]:
        words = _need_words(phrase)
        if len(words) >= 2 and words[-1] in _NOT_HEADS and words[-1] not in ("one", "ones", "please"):
            return True
    return False


def names_kind(heads: set[str], text: str) -> bool:
    """True when the text (a title, category, tags) says one of the head's spellings as a word."""
    words = set(re.findall(r"[a-z][a-z0-9]*", text.lower().replace("-", "")))
    words |= set(re.findall(r"[a-z][a-z0-9]*", text.lower()))
    return bool(heads & words) or any(h.replace("-", "") in words for h in heads)


def title_heads(title: str) -> list[str]:
    """The head noun of each phrase of a title, in order, up to where it starts naming other
    products: ["phone", "smartphone"] for "SAMSUNG Galaxy S20 FE 5G Cell Phone, Factory Unlocked
    Android Smartphone with ..."; words with digits (model numbers, sizes) are never heads."""
    heads = []
    for phrase in _TITLE_SPLIT.split(_TITLE_CUT.sub("", title)):
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9'-]*", phrase)
                 if len(w) > 2 and not any(c.isdigit() for c in w) and w.lower() not in _TITLE_NOT_HEADS]
        if words:
            heads.append(words[-1].lower().strip("'"))
    return heads


def kind_in_title(heads: set[str], title: str, product_nouns: frozenset[str]) -> bool | None:
    """For a row with no category: True when a phrase of its title ends on the need's head noun
    ("... Android Smartphone"), False when the title is plainly another kind of product (its first
    phrase ends on another product noun: "... Noise Canceling Headphones", or an accessory that names
    the need as a modifier, "Vlogging Kit, Smartphone Video Rig Kit"), None when it cannot tell (a
    novel's title is its name; "Badminton Racket 2018 ... Steel Shaft")."""
    found = title_heads(title)
    spelt = heads | {h.replace("-", "") for h in heads}
    if any(t in spelt for t in found):
        return True
    if found and found[0] in product_nouns:
        return False
    return None
