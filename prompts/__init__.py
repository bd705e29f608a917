"""Prompt templates live here as text files (`$name` placeholders), not as strings in code."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from string import Template

_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def template(name: str) -> Template:
    """The template `prompts/<name>.txt`."""
    return Template((_DIR / f"{name}.txt").read_text(encoding="utf-8"))


def render(name: str, **values: object) -> str:
    """Fill a template; a missing value is an error, not a silent blank."""
    return template(name).substitute({k: str(v) for k, v in values.items()}).strip()
