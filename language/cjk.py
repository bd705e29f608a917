"""Chinese text: detection, the language of a message, and joining segments back together.

Aisle's Chinese is Simplified Chinese written without spaces; a rule that blanks out a phrase
leaves spaces between characters that `join_cjk` closes again.
"""
from __future__ import annotations

import re

__all__ = ["CJK", "CJK_PARTICLES", "MEASURE", "has_cjk", "join_cjk", "lang_of"]

CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")
# Measure words that count products ("两个", "这款", "第三双"): one list for every rule.
MEASURE = "(?:个|款|件|双|台|本|只|支|套|把|张|条|份|瓶|盒|项|种)"
# Function characters that name no product ("的", "吗", "这", "要"...): never a need on their own.
CJK_PARTICLES = frozenset("的吗呢吧啊呀了哦点些个一这那它有没要我你想给看再换还就只和或么")


def has_cjk(text: str) -> bool:
    """True when `text` contains a Chinese character."""
    return CJK.search(text) is not None


def lang_of(text: str) -> str:
    """"zh" when the message has Chinese characters, else "en": the language the turn answers in.

    One Chinese character is enough ("iPhone 15 有货吗" is a Chinese message): a shopper who types
    any Chinese reads Chinese, while English words inside Chinese text are usually brand names.
    """
    return "zh" if has_cjk(text) else "en"


def join_cjk(text: str) -> str:
    """Whitespace collapsed, and removed between two Chinese characters."""
    return _CJK_SPACE.sub("", " ".join(text.split()))
