"""Text preparation for SQLite FTS5, which does not segment Chinese on its own."""
from __future__ import annotations

import re

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_FTS_TOKEN = re.compile(r"[\w\u3400-\u9fff]+", re.UNICODE)


def cjk_bigrams(text: str) -> str:
    """Rewrite each run of Chinese characters as overlapping bigrams ("登山鞋" -> "登山 山鞋").

    FTS5's unicode61 tokenizer would index a whole run as one token, so a search for
    "登山鞋" would never match "轻量防水登山鞋". Bigrams are the usual fix for CJK search.
    """

    def repl(m: re.Match[str]) -> str:
        run = m.group(0)
        if len(run) == 1:
            return f" {run} "
        return " " + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + " "

    return _CJK_RUN.sub(repl, text)


def fts_query(text: str) -> str:
    """A safe FTS5 MATCH expression: every token quoted, OR-ed, so any word can match (BM25 ranks)."""
    tokens = _FTS_TOKEN.findall(cjk_bigrams(text.lower()))
    tokens = [t for t in tokens if len(t) > 1 or not t.isascii()]
    if not tokens:
        return ""
    return " OR ".join(f'"{t}"' for t in dict.fromkeys(tokens))
