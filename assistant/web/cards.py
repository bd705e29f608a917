"""HTML for product cards, the cart and message text, built from catalog rows and always escaped.

Catalog text comes from shops' feeds, so every value goes through `esc()`; the only markup
in the output is written here. Buttons carry `data-act` attributes that the widget's script turns
into events (`add` a product to the cart, `feedback` on an answer); nothing runs inline.

Every word the widget itself writes comes from the phrasebook (`prompts/phrases.json`, keys
`widget_*`) in the language of the turn it belongs to (`lang`, "en" or "zh"); catalog text is
shown as the shop wrote it.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from assistant.answers import KEY_NAMES_ZH, money, value_text, value_zh
from prompts import phrase

if TYPE_CHECKING:
    from catalog.models import Product

# Attributes that say little on a small card (or are long lists) are left to the chat.
_SKIP_ATTRIBUTES = {"subcategory", "colors_available", "sizes_available", "gender", "dimensions", "description",
                    "includes", "key_ingredients", "compatible_with", "ports", "language"}
MAX_CARD_ATTRIBUTES = 3
# Inline icons (no emoji: not every system has an emoji font, and nothing is downloaded).
CART_ICON = ('<svg class="aisle-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" '
             'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
             '<circle cx="9" cy="20" r="1.5"/><circle cx="18" cy="20" r="1.5"/>'
             '<path d="M2 3h3l2.6 12.2a1.5 1.5 0 0 0 1.5 1.2h8.7a1.5 1.5 0 0 0 1.5-1.1L21 8H6.2"/></svg>')
THUMB_UP = ('<svg class="aisle-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" '
            'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
            '<path d="M7 10v11H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h3z"/>'
            '<path d="M7 10l4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.1 21H7"/></svg>')
THUMB_DOWN = THUMB_UP.replace('class="aisle-icon"', 'class="aisle-icon aisle-icon--down"')
LOW_STOCK = 5  # "Only 3 left" below this


def esc(value: Any) -> str:
    """Text as HTML text or attribute value (quotes escaped too)."""
    return html.escape("" if value is None else str(value), quote=True)


def label(key: str) -> str:
    """`battery_life` -> `Battery life`."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(key)).replace("_", " ").strip()
    return words[:1].upper() + words[1:].lower()


def key_attributes(product: "Product", *, limit: int = MAX_CARD_ATTRIBUTES, lang: str = "en") -> list[tuple[str, str]]:
    """Up to `limit` short (label, value) pairs worth a glance, in catalog order.

    For a Chinese card only fields with a Chinese name (`answers.KEY_NAMES_ZH`) are shown, so a
    label never reads half in English."""
    out: list[tuple[str, str]] = []
    for key, value in product.attributes.items():
        if key in _SKIP_ATTRIBUTES or value in (None, "", [], False):
            continue
        if isinstance(value, dict) or (isinstance(value, list) and len(value) > 3):
            continue
        if lang == "zh" and key not in KEY_NAMES_ZH:
            continue
        # Chinese words where they are certain (colour names, yes/no, durations), else the catalog's own.
        text = phrase("widget_yes", lang) if value is True else value_zh(value) if lang == "zh" else value_text(value)
        if len(text) > 32:
            continue
        out.append((KEY_NAMES_ZH[key] if lang == "zh" else label(key), text))
        if len(out) == limit:
            break
    return out


def availability(product: "Product", lang: str = "en") -> tuple[str, str]:
    """(css class, words) for the stock badge."""
    if product.availability == "preorder":
        return "preorder", phrase("widget_preorder", lang)
    if not product.in_stock:
        return "out", phrase("widget_out_of_stock", lang)
    if product.stock is not None and product.stock < LOW_STOCK:
        return "low", phrase("widget_low_stock", lang, n=product.stock)
    return "in", phrase("widget_in_stock", lang)


def stars(rating: float | None, lang: str = "en") -> str:
    if rating is None:
        return f'<span class="aisle-rating aisle-rating--none">{esc(phrase("widget_no_ratings", lang))}</span>'
    filled = max(0, min(5, round(rating)))
    words = esc(phrase("widget_rated_aria", lang, rating=f"{rating:.1f}"))
    return (f'<span class="aisle-rating" aria-label="{words}">'
            f'<span class="aisle-stars" aria-hidden="true">{"★" * filled}{"☆" * (5 - filled)}</span> '
            f'{rating:.1f}</span>')


def product_card(product: "Product", *, index: int | None = None, actions: bool = True, lang: str = "en") -> str:
    """One card: brand, title, price, rating, stock, key attributes and (for shoppers) Add to cart.

    The Add button carries its own words for the script's "adding" / "added" states."""
    cls, stock_words = availability(product, lang)
    attrs = "".join(f'<li><span class="aisle-attr-k">{esc(k)}</span> {esc(v)}</li>'
                    for k, v in key_attributes(product, lang=lang))
    number = f'<span class="aisle-card-index">{index}</span>' if index is not None else ""
    button = ""
    if actions:
        if product.in_stock:
            add = esc(phrase("widget_add", lang))
            button = (f'<button type="button" class="aisle-add" data-act="add" data-product="{esc(product.id)}" '
                      f'data-label="{add}" data-adding="{esc(phrase("widget_adding", lang))}" '
                      f'data-added="{esc(phrase("widget_added_button", lang))}" '
                      f'aria-label="{esc(phrase("widget_add_aria", lang, title=product.title))}">{add}</button>')
        else:
            button = f'<button type="button" class="aisle-add" disabled>{esc(phrase("widget_out_of_stock", lang))}</button>'
    brand = f'<div class="aisle-card-brand">{esc(product.brand)}</div>' if product.brand else ""
    return (
        f'<article class="aisle-card" data-product-id="{esc(product.id)}">'
        f'<div class="aisle-card-top">{number}{brand}</div>'
        f'<h4 class="aisle-card-title">{esc(product.title)}</h4>'
        f'<div class="aisle-card-meta">{stars(product.rating, lang)}'
        f'<span class="aisle-stock aisle-stock--{cls}">{esc(stock_words)}</span></div>'
        f'<ul class="aisle-attrs">{attrs}</ul>'
        f'<div class="aisle-card-foot"><span class="aisle-price">{esc(money(product.price, product.currency))}</span>'
        f'{button}</div></article>'
    )


def product_cards(products: Sequence["Product"], *, actions: bool = True, lang: str = "en") -> str:
    """A row of cards (scrolls sideways on a phone); numbered so "the first two" is obvious."""
    if not products:
        return ""
    numbered = len(products) > 1
    cards = "".join(product_card(p, index=i if numbered else None, actions=actions, lang=lang)
                    for i, p in enumerate(products, 1))
    return f'<div class="aisle-cards">{cards}</div>'


def cart_panel(cart: Mapping[str, Any] | None, *, note: str = "", lang: str = "en") -> str:
    """The cart as a collapsible bar: count and total, items inside."""
    cart = cart or {}
    items = cart.get("items") or []
    count = int(cart.get("count") or 0)
    total = money(float(cart.get("total") or 0.0), cart.get("currency") or "USD")
    flash = f'<div class="aisle-cart-note" role="status">{esc(note)}</div>' if note else ""
    if not items:
        return (f'<div class="aisle-cart aisle-cart--empty"><div class="aisle-cart-bar">'
                f'<span class="aisle-cart-icon">{CART_ICON}</span> {esc(phrase("widget_cart_empty", lang))}</div>{flash}</div>')
    lines = "".join(
        f'<li><span class="aisle-cart-qty">{int(line["quantity"])} ×</span> '
        f'<span class="aisle-cart-title">{esc(line["title"])}</span>'
        f'<span class="aisle-cart-sub">{esc(money(float(line["subtotal"]), line.get("currency") or "USD"))}</span></li>'
        for line in items)
    others = {c: v for c, v in (cart.get("totals") or {}).items() if c != cart.get("currency")}
    extra = "".join(f" + {esc(money(float(v), c))}" for c, v in others.items())
    return (
        f'<details class="aisle-cart"><summary class="aisle-cart-bar">'
        f'<span class="aisle-cart-icon">{CART_ICON}</span>'
        f'<span class="aisle-cart-count">{esc(phrase("widget_cart_count", lang, n=count, s="s" if count != 1 else ""))}</span>'
        f'<span class="aisle-cart-total">{esc(total)}{extra}</span></summary>'
        f'<ul class="aisle-cart-lines">{lines}</ul>'
        f'<div class="aisle-cart-sum">{esc(phrase("widget_cart_total", lang))} <strong>{esc(total)}{extra}</strong></div></details>{flash}'
    )


# -- message text ---------------------------------------------------------------------------------
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def text_html(text: str) -> str:
    """Answer text as HTML: paragraphs, bullet and numbered lines, **bold** and pipe tables; escaped first."""
    blocks: list[str] = []
    lines = (text or "").strip().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_table_row(line):
            rows = []
            while i < len(lines) and _is_table_row(lines[i]):
                rows.append(lines[i])
                i += 1
            blocks.append(_table(rows))
            continue
        if _BULLET.match(line):
            ordered = bool(re.match(r"^\s*\d", line))
            items = []
            while i < len(lines) and _BULLET.match(lines[i]):
                items.append(f"<li>{_inline(_BULLET.sub('', lines[i], count=1))}</li>")
                i += 1
            tag = "ol" if ordered else "ul"
            blocks.append(f"<{tag}>{''.join(items)}</{tag}>")
            continue
        para = []
        while i < len(lines) and lines[i].strip() and not _is_table_row(lines[i]) and not _BULLET.match(lines[i]):
            para.append(_inline(lines[i].strip()))
            i += 1
        if para:
            blocks.append(f"<p>{'<br>'.join(para)}</p>")
        else:
            i += 1
    return "".join(blocks)


def _inline(line: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", esc(line))


def _is_table_row(line: str) -> bool:
    s = line.strip()
    return len(s) > 2 and s.startswith("|") and s.endswith("|")


def _table(rows: Iterable[str]) -> str:
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-{2,}:?", c) for c in r if c)]
    if not cells:
        return ""
    head, body = cells[0], cells[1:]
    th = "".join(f"<th>{_inline(c)}</th>" for c in head)
    trs = "".join("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in r) + "</tr>" for r in body)
    return f'<div class="aisle-table-wrap"><table><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table></div>'
