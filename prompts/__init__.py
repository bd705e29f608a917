"""Prompt templates live here as text files (`$name` placeholders), not as strings in code."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from string import Template

_DIR = Path(__file__).resolve().parent


LANGUAGES = ("en", "zh")


@lru_cache(maxsize=None)
def template(name: str, lang: str = "en") -> Template:
    """The template `prompts/<name>.txt`, or `prompts/zh/<name>.txt` for Chinese shoppers."""
    path = _DIR / f"{name}.txt" if lang == "en" else _DIR / lang / f"{name}.txt"
    return Template(path.read_text(encoding="utf-8"))


def render(name: str, *, lang: str = "en", **values: object) -> str:
    """Fill a template; a missing value is an error, not a silent blank."""
    return template(name, _lang(lang)).substitute({k: str(v) for k, v in values.items()}).strip()


@lru_cache(maxsize=1)
def _phrasebook() -> dict[str, dict[str, str]]:
    return json.loads((_DIR / "phrases.json").read_text(encoding="utf-8"))


def phrase(name: str, lang: str = "en", /, **values: object) -> str:
    """A short fixed sentence in the shopper's language (`prompts/phrases.json`), filled with values."""
    return _phrasebook()[name][_lang(lang)].format(**values)


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"
