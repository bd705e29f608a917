"""Write one product's description: the model phrases the fields, the fact check keeps it honest.

Without a generator (or when the model's copy does not survive the check) the description comes
from a template over the same facts, so the command always produces something true.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from assistant.copywriting.factcheck import SENTENCE_END, CatalogVocabulary, fact_check
from assistant.copywriting.facts import LABELS_ZH, product_facts
from assistant.grounding import Violation
from assistant.messages import ChatMessage
from catalog.models import Product

logger = logging.getLogger(__name__)

STYLES = ("concise", "persuasive")
LANGS = ("en", "zh")
MIN_KEPT_CHARS = 60  # less than this after the check reads as a fragment: use the template
_SYSTEM = {
    "concise": "You write short, plain product descriptions for an online shop: 2 or 3 sentences, no hype.",
    "persuasive": "You write warm, persuasive product descriptions for an online shop: 3 or 4 sentences that "
                  "make the product appealing.",
}
_RULES = ("Use ONLY the facts listed. Do not add materials, numbers, colours, features, prices, discounts, "
          "warranties or comparisons that are not listed. Do not mention the price. Write plain text, no lists.")


@dataclass
class Copy:
    """A description and where it came from."""

    product_id: str
    text: str
    source: str  # "model" | "template"
    dropped: list[tuple[str, list[Violation]]] = field(default_factory=list)  # model sentences the check removed


class Copywriter:
    """Descriptions for a catalog's products; `generator=None` writes from templates only."""

    def __init__(self, vocabulary: CatalogVocabulary, *, generator=None, max_new_tokens: int = 160) -> None:
        self.vocabulary, self.generator, self.max_new_tokens = vocabulary, generator, max_new_tokens

    def describe(self, product: Product, *, style: str = "concise", lang: str = "en") -> Copy:
        """One description in `style` and `lang`, every sentence checked against the product's fields."""
        if style not in STYLES:
            raise ValueError(f"style must be one of {STYLES}, got {style!r}")
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
        if self.generator is not None:
            copy = self._from_model(product, style, lang)
            if copy is not None:
                return copy
        return Copy(product.id, template(product, style=style, lang=lang), "template")

    def _from_model(self, product: Product, style: str, lang: str) -> Copy | None:
        facts = "\n".join(f"- {k.replace('_', ' ')}: {v}" for k, v in product_facts(product))
        ask = (f"Product: {product.title}\nBrand: {product.brand or '-'}\nCategory: {product.category or '-'}\n"
               f"Facts:\n{facts or '- (none)'}\n\n{_RULES}\n"
               + ("Write the description in Simplified Chinese." if lang == "zh" else "Write it in English."))
        try:
            text = self.generator.complete([ChatMessage.system(_SYSTEM[style]), ChatMessage.user(ask)],
                                           max_new_tokens=self.max_new_tokens)
        except Exception as exc:  # a failing model still leaves the shop a true description
            logger.error("copywriting: the generator failed for %s (%s); using the template", product.id, exc)
            return None
        kept, dropped = [], []
        for sentence in re.split(SENTENCE_END, " ".join(text.split())):
            if not sentence.strip():
                continue
            problems = fact_check(sentence, product, self.vocabulary)
            (dropped.append((sentence, problems)) if problems else kept.append(sentence))
        joined = ("" if lang == "zh" else " ").join(kept).strip()
        if len(joined) < MIN_KEPT_CHARS:
            logger.info("copywriting: %s: model copy too short after the fact check, using the template", product.id)
            return None
        return Copy(product.id, joined, "model", dropped)


def template(product: Product, *, style: str = "concise", lang: str = "en") -> str:
    """A description built from the fields alone (always true; plainer than a model's)."""
    facts = dict(product_facts(product))
    tags = facts.pop("tags", "")
    named = [(k, v) for k, v in facts.items() if v not in ("yes", "no")]
    flags = [k.replace("_", " ") for k, v in facts.items() if v == "yes"]
    who = f"{product.brand} " if product.brand and not product.title.lower().startswith(product.brand.lower()) else ""
    if lang == "zh":
        parts = [f"{who}{product.title}" + (f"（{product.category}）" if product.category else "") + "。"]
        parts += [f"{LABELS_ZH.get(k, k.replace('_', ' '))}：{v}。" for k, v in named[:6]]
        if flags:
            parts.append("特点：" + "、".join(LABELS_ZH.get(f, f) for f in flags) + "。")
        if style == "persuasive" and tags:
            parts.append(f"适合：{tags}。")
        return "".join(parts)
    by = f" by {product.brand}" if who else ""
    parts = [f"The {product.title}{by}" + (f", from our {product.category} range" if product.category else "") + "."]
    if flags:
        parts.append("Features: " + ", ".join(flags) + ".")
    details = [f"{k.replace('_', ' ')}: {v}" for k, v in named[:6]]
    if details:
        parts.append("Details: " + "; ".join(details) + ".")
    if style == "persuasive" and tags:
        parts.append(f"A good choice for {tags}.")
    return " ".join(parts)
