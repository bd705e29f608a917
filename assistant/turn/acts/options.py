""""Does it come in red?", "do they come in size 12?", "what colours does it come in?": answered
from the rows, never by the model.

A product's options are what its row lists (`colors_available`, `sizes_available`, a plain `color`)
and, for a product sold as variants (rows sharing a `group_id`, like tau-bench's T-shirts), what
every variant of its group lists: "it" is the T-shirt, not only the one variant on screen. A yes
shows the variants that match as cards; a no says what the product does come in; a row that lists
no such option gets "the catalog doesn't say".
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from assistant import answers
from assistant.turn import claims
from assistant.turn.acts import ActContext
from assistant.turn.events import Draft
from catalog.models import Product
from prompts import phrase

# The options a shopper asks about, and the attribute keys that list them (a list before a single value).
OPTION_KEYS: dict[str, tuple[str, ...]] = {
    "color": ("colors_available", "colors", "colours", "color", "colour"),
    "size": ("sizes_available", "sizes", "size"),
    "material": ("materials", "material"),
}
_SAME = {"gray": "grey", "extra large": "xl", "large": "l", "medium": "m", "small": "s", "extra small": "xs"}


# "what colours does it come in?", "有什么尺码": the range a product is sold in, not the row's one value
# ("what material is this?", "这个是什么材质的" are answered from the row itself).
RANGE = re.compile(r"\bcomes?\s+in\b|\bavailable\s+in\b|\b(?:what|which)\s+(?:other\s+)?(?:colou?rs|sizes|materials)\b"
                   r"|\b(?:options|choices|variants)\b|\bother\s+(?:colou?rs|sizes)\b|有哪些|有什么(?:颜色|尺码|码|材质)|几种"
                   r"|哪几种|哪些(?:颜色|尺码|码|材质)|什么尺码|多少码|几个颜色|别的颜色|其他颜色", re.IGNORECASE)


def asked(ctx: ActContext) -> tuple[str, str] | None:
    """(option, value) a question asks about ("color", "red"), or None when it names no option value."""
    wanted = (ctx.u.filters_delta or {}).get("attributes") or {}
    for name in OPTION_KEYS:
        if name in wanted:
            value = wanted[name]
            return name, str(value[0] if isinstance(value, (list, tuple)) else value)
    return None


def family(p: Product) -> str:
    """A variant's product name without its options: "T-Shirt" of "T-Shirt (red, L, cotton)"."""
    return (claims.variant_family(p.title) or p.title) if p.group_id else p.title


def siblings(ctx: ActContext, p: Product) -> list[Product]:
    """Every variant of the product's group (the product alone when it has none), cheapest first."""
    if not p.group_id:
        return [p]
    rows = ctx.deps.rows([v.id for v in ctx.deps.catalog.variants(p.group_id)])
    return rows or [p]


def values_of(rows: Sequence[Product], name: str) -> list[str]:
    """The option values the rows list, in the catalog's words, each once (first key present per row)."""
    seen: dict[str, str] = {}
    for row in rows:
        for key in OPTION_KEYS[name]:
            value = row.attributes.get(key)
            if value in (None, "", [], ()):
                continue
            for v in value if isinstance(value, (list, tuple)) else [value]:
                seen.setdefault(_norm(v), answers.value_text(v))
            break
    return list(seen.values())


def has(row: Product, name: str, value: str) -> bool:
    """True when the row lists `value` among its `name` options."""
    return _norm(value) in {_norm(v) for v in values_of([row], name)}


def _norm(value: object) -> str:
    text = " ".join(str(value).strip().lower().split())
    try:
        return f"{float(text):g}"  # "12" and "12.0" are one size
    except ValueError:
        return _SAME.get(text, text)


def answer(ctx: ActContext, targets: Sequence[Product], name: str, value: str | None) -> Draft:
    """Per product asked about: yes (with the matching variants as cards), no (with what it comes in),
    or "the catalog doesn't say"; `value` None lists what each comes in."""
    lang, lines, cards, yes = ctx.state.lang, [], [], []
    for p in targets[:4]:
        rows = siblings(ctx, p)
        values = values_of(rows, name)
        title = family(p)
        if not values:
            lines.append(answers.fact_answer(p, name, lang=lang) if not p.group_id
                         else phrase("doesnt_say", lang, what=answers.TOPIC_WORDS[_lang(lang)][name], title=title))
            cards.append(p)
        elif value is None:
            lines.append(phrase("option_list", lang, title=title, values=_say(values, name, lang)))
            cards.append(p)
        else:
            matching = [r for r in rows if has(r, name, value)]
            if matching and not any(r.in_stock for r in matching):  # listed, but none to sell now
                lines.append(phrase("option_sold_out", lang, title=title, value=_say([value], name, lang)))
            elif matching:
                yes.append(p)
                lines.append(phrase("option_yes", lang, title=title, value=_say([value], name, lang)))
                cards.extend(r for r in ([p] if p in matching else []) + matching if r not in cards)
            else:
                lines.append(phrase("option_no", lang, title=title, value=_say([value], name, lang),
                                    values=_say(values, name, lang)))
                cards.append(p)
    if value is not None and len(yes) > 1 and len(yes) == len(targets[:4]):
        lines = [phrase("option_all_yes", lang, n=len(yes), value=_say([value], name, lang))]
    unmet = value is not None and not any(has(c, name, value) for c in cards)
    return Draft("question", products=_unique(cards)[:6], fallback="\n".join(lines), unmet=unmet)


def _say(values: Sequence[str], name: str, lang: str) -> str:
    """Option values as a shopper reads them: "size 12", "red, blue"; Chinese colour names in Chinese."""
    if lang == "zh":
        words = [answers.value_zh(v) if name == "color" else str(v) for v in values]
        return "、".join(f"{w}码" if name == "size" and re.fullmatch(r"[\d.]+|[XSML]{1,4}", w, re.I) else w
                        for w in words)
    text = ", ".join(values)
    if name == "size":
        return ("size " if len(values) == 1 else "sizes ") + text
    return text


def _lang(lang: str) -> str:
    return "zh" if lang == "zh" else "en"


def _unique(products: Sequence[Product]) -> list[Product]:
    seen: set[str] = set()
    return [p for p in products if not (p.id in seen or seen.add(p.id))]
