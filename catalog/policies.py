"""The shop's own policy text (shipping, returns, warranty, payment, store): parsed into sections, kept in the catalog DB.

A shop writes its policies once, as markdown: each `##` heading starts a section, `{#id}` after
the heading names it (otherwise the heading's slug does), and `{#id lang=zh}` marks a section
written in another language. The text is stored as written, because the assistant answers
policy questions by quoting it, never by paraphrasing it (see `assistant/policies.py`).

    python -m catalog import-policies policies.md --db catalog.db

A JSON catalog may carry the same text under a `policies` key: a markdown string, a list of
{"id", "title", "text"} objects, or {title: text}.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from catalog.store import CatalogStore

TABLE = "policies"
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{([^}]*)\})?\s*$")
_ATTR_ID = re.compile(r"#([\w\-]+)")
_ATTR_LANG = re.compile(r"\blang=([A-Za-z\-]+)")


class PolicyFormatError(ValueError):
    """The policy text cannot be read as sections; the message says how to write it."""


@dataclass(frozen=True)
class PolicySection:
    """One titled part of the shop's policies, its text exactly as the shop wrote it."""

    id: str
    title: str
    text: str
    lang: str = "en"
    position: int = 0

    def to_row(self) -> dict[str, Any]:
        return {**asdict(self), "content_hash": hashlib.sha1(self.text.encode()).hexdigest()}


def demo_policies_path() -> Path:
    """The demo shop's policies, shipped beside the demo catalog."""
    return Path(__file__).resolve().parent / "demo" / "policies.md"


def parse_markdown(text: str, *, lang: str = "en") -> list[PolicySection]:
    """Split markdown into sections at `##`-or-deeper headings; text before the first one is an intro, skipped.

    A `#` heading is the document title. Sections without any text are dropped; two sections
    with one id is an error, since answers cite sections by id.
    """
    sections: list[PolicySection] = []
    current: dict[str, Any] | None = None
    body: list[str] = []

    def flush() -> None:
        if current is not None:
            content = "\n".join(body).strip()
            if content:
                sections.append(PolicySection(current["id"], current["title"], content, current["lang"],
                                              len(sections)))

    for line in text.splitlines():
        m = _HEADING.match(line)
        if m and len(m.group(1)) >= 2:
            flush()
            title, attrs = m.group(2).strip(), m.group(3) or ""
            sid = (_ATTR_ID.search(attrs) or [None, None])[1] or slug(title)
            lang_m = _ATTR_LANG.search(attrs)
            current, body = {"id": sid, "title": title, "lang": lang_m.group(1) if lang_m else lang}, []
        elif m:  # the document title
            continue
        elif current is not None:
            body.append(line)
    flush()
    _check_unique(sections)
    if not sections:
        raise PolicyFormatError("No policy sections found: start each one with a `## Heading` line "
                                "(e.g. `## Returns`) followed by its text")
    return sections


def sections_from_json(value: Any) -> list[PolicySection]:
    """A JSON catalog's `policies` value: markdown text, a list of {id, title, text}, or {title: text}."""
    if isinstance(value, str):
        return parse_markdown(value)
    items: list[tuple[str | None, str, Any]]
    if isinstance(value, dict):
        items = [(None, str(k), v) for k, v in value.items()]
    elif isinstance(value, list):
        items = []
        for i, v in enumerate(value, 1):
            if not isinstance(v, dict) or not (v.get("title") or v.get("id")):
                raise PolicyFormatError(f"policies[{i}] must be an object with a title (or id) and text")
            items.append((v.get("id"), str(v.get("title") or v.get("id")), v.get("text") or v.get("body")))
    else:
        raise PolicyFormatError(f"`policies` must be markdown text, a list or an object, got {type(value).__name__}")
    sections = []
    for pos, (sid, title, text) in enumerate(items):
        if not isinstance(text, str) or not text.strip():
            raise PolicyFormatError(f"policy {title!r} has no text")
        sections.append(PolicySection(sid or slug(title), title, text.strip(), "en", pos))
    _check_unique(sections)
    return sections


def slug(title: str) -> str:
    return re.sub(r"[^\w]+", "-", title.lower(), flags=re.UNICODE).strip("-") or "policy"


def _check_unique(sections: list[PolicySection]) -> None:
    seen: set[str] = set()
    for s in sections:
        if s.id in seen:
            raise PolicyFormatError(f"Two policy sections are called {s.id!r}: give one a different heading "
                                    "or an explicit id, e.g. `## Returns (EU) {#returns-eu}`")
        seen.add(s.id)


# -- storage ------------------------------------------------------------------------------------
def save_sections(store: CatalogStore, sections: list[PolicySection], *, source: str) -> int:
    """Replace the shop's policies with `sections` in one transaction (policies are one document)."""
    db = store.db
    now = time.time()
    with db.conn:
        db.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (id TEXT PRIMARY KEY, title TEXT NOT NULL, "
                   "text TEXT NOT NULL, lang TEXT NOT NULL, position INTEGER NOT NULL, content_hash TEXT NOT NULL, "
                   "source TEXT NOT NULL, updated_at REAL NOT NULL)")
        db.execute(f"DELETE FROM {TABLE}")
        db.conn.executemany(
            f"INSERT INTO {TABLE} (id, title, text, lang, position, content_hash, source, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?)",
            [(r["id"], r["title"], r["text"], r["lang"], r["position"], r["content_hash"], source, now)
             for r in (s.to_row() for s in sections)])
    return len(sections)


def load_sections(store: CatalogStore) -> list[PolicySection]:
    """The stored policies in the shop's order; [] when none were imported."""
    if TABLE not in store.db.table_names():
        return []
    return [PolicySection(r["id"], r["title"], r["text"], r["lang"], r["position"])
            for r in store.db.query(f"SELECT id, title, text, lang, position FROM {TABLE} ORDER BY position")]


def import_policies(store: CatalogStore, path: str | Path) -> int:
    """Import a markdown (or JSON) policy file, replacing the stored policies; returns the section count."""
    path = Path(path)
    if not path.is_file():
        raise PolicyFormatError(f"No such policy file: {path}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise PolicyFormatError(f"{path} is not UTF-8 text: save the policies as UTF-8 markdown") from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise PolicyFormatError(f"{path} is not valid JSON ({exc.msg} at line {exc.lineno})") from None
        sections = sections_from_json(data.get("policies", data) if isinstance(data, dict) else data)
    else:
        sections = parse_markdown(text)
    return save_sections(store, sections, source=path.name)


def import_json_policies(store: CatalogStore, path: str | Path) -> int:
    """The `policies` key of a JSON catalog, if it has one, replacing the stored policies; 0 when absent."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return 0  # the product import has already reported what is wrong with the file
    if not isinstance(data, dict) or "policies" not in data:
        return 0
    return save_sections(store, sections_from_json(data["policies"]), source=Path(path).name)


def ensure_demo_policies(db_path: str | Path) -> Path:
    """Import the demo shop's policies into `db_path` unless that catalog already has them at this version."""
    store = CatalogStore(db_path)
    stamp = hashlib.sha1(demo_policies_path().read_bytes()).hexdigest()
    try:
        current = store.db["aisle_meta"].get("demo_policies_stamp")["value"]
    except sqlite_utils.db.NotFoundError:
        current = None
    if current != stamp:
        import_policies(store, demo_policies_path())
        store.db["aisle_meta"].upsert({"key": "demo_policies_stamp", "value": stamp}, pk="key")
    return Path(db_path)
