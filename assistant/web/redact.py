"""Mask card numbers, e-mail addresses and phone numbers in what staff read (rule: docs/security.md).

Shoppers sometimes paste a card number or their contact details into the chat. The store keeps
what they typed (nothing is lost, and the shopper sees their own words); the staff console shows
it masked, so a screen share or a shoulder never leaks it:

* a card number: 13-19 digits (spaces or dashes between groups) that pass the Luhn check,
  shown as `•••• 4242` (the last four digits only);
* an e-mail address: the first character of the name and the whole domain, `j•••@example.com`;
* a phone number: 9-15 digits, optionally with `+`, spaces, dots, dashes or brackets, shown with
  its last two digits, `•••• 67`. Prices (`$120`), sizes, dates and order numbers of up to 8 digits
  have a currency sign or fewer digits and are left alone; a longer reference number is masked
  like a phone number (staff can ask the shopper to read it out).
"""
from __future__ import annotations

import re

MASK = "•"
_EMAIL = re.compile(r"(?<![A-Za-z0-9_.+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")
# A run of digits with single separators between them, not glued to letters, a currency sign or a decimal point.
_NUMBER = re.compile(r"(?<![A-Za-z0-9_$€£¥.,])\+?\(?\d(?:\d|[ .\-()]{1,2}(?=\d))*\d(?![A-Za-z0-9_%]|[.,]\d)")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def _number(match: re.Match) -> str:
    text = match.group(0)
    digits = re.sub(r"\D", "", text)
    if 13 <= len(digits) <= 19 and luhn_ok(digits):
        return f"{MASK * 4} {digits[-4:]}"
    if 9 <= len(digits) <= 15:
        return f"{MASK * 4} {digits[-2:]}"
    return text


def mask_pii(text: str) -> str:
    """The text with card numbers, e-mail addresses and phone numbers masked (see the module docstring)."""
    if not text:
        return text or ""
    text = _EMAIL.sub(lambda m: f"{m.group(1)}{MASK * 3}@{m.group(2)}", text)
    return _NUMBER.sub(_number, text)
