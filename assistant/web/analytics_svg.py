"""Bar charts as inline SVG, drawn on the server: no plotting library, no script, nothing to download.

Every label passes through `html.escape`, since labels include shopper text (search queries).
"""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

BAR = "#0f766e"
MUTED = "#94a3b8"
TEXT = "#334155"


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def column_chart(labels: Sequence[str], values: Sequence[float], *, title: str, width: int = 720,
                 height: int = 220, every: int = 1, colors: Sequence[str] | None = None,
                 show_zero: bool = False) -> str:
    """Vertical bars (one per label), value on top of each; `every` thins the x labels for long series
    (counting back from the last bar, so the newest day is always labelled)."""
    n = max(1, len(values))
    top = (max([*values, 0]) or 1) * 1.1  # headroom for the value printed above the tallest bar
    left, bottom, head = 8, 34, 30
    plot_h = height - bottom - head
    slot = (width - 2 * left) / n
    bar_w = max(2.0, slot * 0.72)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" '
             f'viewBox="0 0 {width} {height}" width="100%" class="chart">',
             f'<title>{escape(title)}</title>',
             f'<text x="{left}" y="16" font-size="13" font-weight="600" fill="{TEXT}">{escape(title)}</text>',
             f'<line x1="{left}" y1="{head + plot_h}" x2="{width - left}" y2="{head + plot_h}" stroke="{MUTED}"/>']
    for i, (label, value) in enumerate(zip(labels, values)):
        h = plot_h * value / top
        x = left + i * slot + (slot - bar_w) / 2
        y = head + plot_h - h
        color = (colors[i] if colors else BAR)
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{color}" rx="2">'
                     f'<title>{escape(str(label))}: {_fmt(value)}</title></rect>')
        if (value or show_zero) and n <= 40:  # show_zero: a 0 that is a result, not an empty day
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" font-size="10" text-anchor="middle" '
                         f'fill="{TEXT}">{_fmt(value)}</text>')
        if (n - 1 - i) % every == 0:  # thinned from the newest end: the latest bar always has its label
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{head + plot_h + 14}" font-size="10" '
                         f'text-anchor="middle" fill="{TEXT}">{escape(str(label))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bar_list(labels: Sequence[str], values: Sequence[float], *, title: str, width: int = 720,
             row: int = 22, suffix: str = "") -> str:
    """Horizontal bars, one row per label, longest first as given: for reasons and queries."""
    label_w, head = min(260, int(width * 0.45)), 26  # a narrow (phone) chart keeps room for the bars
    height = head + row * max(1, len(values)) + 6
    top = max([*values, 0]) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" '
             f'viewBox="0 0 {width} {height}" width="100%" class="chart">',
             f'<title>{escape(title)}</title>',
             f'<text x="8" y="16" font-size="13" font-weight="600" fill="{TEXT}">{escape(title)}</text>']
    if not values:
        parts.append(f'<text x="8" y="{head + 14}" font-size="12" fill="{MUTED}">Nothing in this period.</text>')
    for i, (label, value) in enumerate(zip(labels, values)):
        y = head + i * row
        w = (width - label_w - 70) * value / top
        fits = max(8, label_w // 6)  # characters that fit at font size 11
        text = str(label) if len(str(label)) <= fits else str(label)[:fits - 1] + "…"
        parts.append(f'<text x="{label_w - 8}" y="{y + 14}" font-size="11" text-anchor="end" fill="{TEXT}">'
                     f'{escape(text)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1):.1f}" height="{row - 8}" fill="{BAR}" rx="2"/>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 14}" font-size="11" fill="{TEXT}">'
                     f'{_fmt(value)}{escape(suffix)}</text>')
    parts.append("</svg>")
    return "".join(parts)
