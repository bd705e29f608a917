"""Text preparation for SQLite FTS5, which does not segment Chinese on its own."""
from __future__ import annotations

import re

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_FTS_TOKEN = re.compile(r"[\w\u3400-\u9fff]+", re.UNICODE)
# Words that say nothing about the product: matching them only adds noise to BM25.
STOPWORDS = frozenset("""
a an and any anything are as at be best buy can could do does find for from get give good great have
help i i'd i'm im in is it its just like look looking make me more my need of on one or please pretty
really recommend search see show some something that the their them then there these they thing things
this to too under want was we what which who will with would you your over than less about around
""".split())


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


def fts_tokens(text: str) -> list[str]:
    """The words of `text` worth matching, in order, each once (Chinese as bigrams, stopwords out)."""
    tokens = _FTS_TOKEN.findall(cjk_bigrams(text.lower()))
    return list(dict.fromkeys(t for t in tokens if (len(t) > 1 or not t.isascii()) and t not in STOPWORDS))


def fts_query(text: str | list[str]) -> str:
    """A safe FTS5 MATCH expression: every token quoted, OR-ed, so any word can match (BM25 ranks)."""
    tokens = fts_tokens(text) if isinstance(text, str) else text
    return " OR ".join(f'"{t}"' for t in tokens)


def script(text: str) -> str:
    """'cjk' for text with Chinese characters, else 'latin': the language group a product is written in."""
    return "cjk" if _CJK_RUN.search(text or "") else "latin"
