"""Number words: English ("two", "a couple"), Chinese numerals ("两百", "一千五") and ordinals.

Every rule that reads a count, an index or an amount goes through here, so "两" means 2 everywhere.
"""
from __future__ import annotations

__all__ = ["CN_DIGIT", "CN_NUMERAL", "CN_SMALL", "NUMBER_CHAR", "EN_NUMBERS", "ORDINALS", "cn_number", "small_number"]

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUMERAL = "[零一二两三四五六七八九十百千万]+"  # a regex for a Chinese numeral of any size
NUMBER_CHAR = "[0-9零一二两三四五六七八九十百千万]"  # any character of a number, Arabic or Chinese
CN_DIGIT = "[一二两三四五六七八九十]"  # a Chinese count or position from one to ten
# Counts a shopper says in words: "two of them", "a couple more", "两个".
EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10, "a couple": 2, "a pair": 2}
CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# Positions in a list, 0-based; negative counts from the end.
ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "seventh": 6,
            "eighth": 7, "ninth": 8, "tenth": 9, "last": -1, "final": -1, "bottom": -1}


def cn_number(text: str) -> float | None:
    """"两百" -> 200, "一千五" -> 1500, "三万" -> 30000; None if not a Chinese numeral."""
    total = section = number = 0
    last_unit = 1
    for ch in text:
        if ch in _CN_DIGITS:
            number = _CN_DIGITS[ch]
        elif ch == "万":
            total += (section + number) * 10000
            section = number = 0
            last_unit = 10000
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            section += (number or (1 if unit == 10 else 0)) * unit
            number = 0
            last_unit = unit
        else:
            return None
    if number and last_unit >= 100 and len(text) >= 3 and text[-2] in _CN_UNITS:
        number *= last_unit // 10  # "一千五" is 1500, not 1005
    value = total + section + number
    return float(value) if value else None


def small_number(word: str) -> int | None:
    """A count or position said as digits, an English word or a Chinese numeral: "3", "two", "两"."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    if word in EN_NUMBERS:
        return EN_NUMBERS[word]
    value = cn_number(word)
    return int(value) if value is not None else None
