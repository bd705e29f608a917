"""What a person likes, as the need of a present: "a present for my father. He loves hiking" asks
for things a hiker uses, not for rows that happen to say "loved" or "hiking" (a hiking sandal, a
novel about a dinosaur who loved pancakes).

`liked` finds the liked thing in a message ("he loves coffee", "她喜欢爬山", "my son is into
cycling") and says whether the rest of the message names a product of its own ("a watch for my
dad, he loves hiking" asks for a watch). `HOBBY_KINDS` names the kinds of product each common
pastime uses, in the order a present for it is usually chosen; the search looks for each kind.
Plain tables and rules, no model.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from language.fillers import ZH_PEOPLE

__all__ = ["HOBBY_KINDS", "Liked", "as_need", "hobby_kinds", "hobby_of", "liked"]

# A pastime -> the kinds of product a present for it is chosen from (English product words, as
# catalogs name them), most typical first. Only pastimes whose word is not itself the product's
# head noun need a row here: "he loves badminton" finds badminton rackets by that word alone.
HOBBY_KINDS: dict[str, tuple[str, ...]] = {
    "hiking": ("hiking boots", "backpack", "tent", "trekking poles", "sleeping bag", "headlamp", "water bottle"),
    "camping": ("tent", "sleeping bag", "camp stove", "headlamp", "camp chair", "water filter"),
    "coffee": ("coffee", "coffee maker", "espresso machine", "coffee grinder"),
    "tea": ("tea", "teapot", "kettle"),
    "cooking": ("cookware", "pan", "knife", "cutting board", "kitchen utensils"),
    "baking": ("bakeware", "stand mixer", "baking pan"),
    "running": ("running shoes", "fitness tracker", "running socks"),
    "cycling": ("bicycle", "cycling helmet", "bike light"),
    "fishing": ("fishing rod", "fishing reel", "tackle box"),
    "photography": ("camera", "lens", "tripod"),
    "reading": ("book", "e-reader", "reading light"),
    "fitness": ("dumbbells", "fitness tracker", "yoga mat"),
    "yoga": ("yoga mat", "yoga block"),
    "swimming": ("swimsuit", "swim goggles"),
    "gaming": ("game console", "controller", "gaming headset"),
    "music": ("headphones", "speaker"),
    "gardening": ("garden tools", "gloves", "watering can"),
}
# The words shoppers use for each pastime, English and Chinese.
_HOBBY_WORDS: dict[str, str] = {
    "hiking": "hiking", "hike": "hiking", "hikes": "hiking", "trekking": "hiking", "hillwalking": "hiking",
    "the outdoors": "hiking", "mountaineering": "hiking", "爬山": "hiking", "登山": "hiking", "徒步": "hiking",
    "camping": "camping", "露营": "camping",
    "coffee": "coffee", "咖啡": "coffee", "tea": "tea", "茶": "tea",
    "cooking": "cooking", "cook": "cooking", "做饭": "cooking", "烹饪": "cooking", "下厨": "cooking", "做菜": "cooking",
    "baking": "baking", "bake": "baking", "烘焙": "baking",
    "running": "running", "jogging": "running", "跑步": "running", "慢跑": "running",
    "cycling": "cycling", "biking": "cycling", "骑行": "cycling", "骑车": "cycling", "骑自行车": "cycling",
    "fishing": "fishing", "钓鱼": "fishing",
    "photography": "photography", "taking photos": "photography", "摄影": "photography", "拍照": "photography",
    "reading": "reading", "books": "reading", "看书": "reading", "读书": "reading", "阅读": "reading",
    "fitness": "fitness", "working out": "fitness", "the gym": "fitness", "健身": "fitness",
    "yoga": "yoga", "瑜伽": "yoga", "swimming": "swimming", "游泳": "swimming",
    "gaming": "gaming", "video games": "gaming", "games": "gaming", "游戏": "gaming",
    "music": "music", "音乐": "music", "gardening": "gardening", "园艺": "gardening", "种花": "gardening",
}

# Sports and games whose word is no product's head noun: "he loves badminton" asks for badminton
# gear (rackets and shuttlecocks), which a field need finds by the word anywhere in a title.
_FIELDS = frozenset("""badminton tennis golf basketball football soccer baseball softball hockey volleyball cricket
rugby squash skiing snowboarding skateboarding surfing climbing bouldering boxing karate judo archery chess
table-tennis ping-pong pickleball lacrosse kayaking canoeing sailing diving snorkeling skating""".split())

_EN_LIKES = re.compile(
    r"\b(?:he|she|they|him|her|my\s+[a-z]+)\s+(?:(?:really|also|just|absolutely|totally)\s+)?"
    r"(?:loves?|likes?|enjoys?|adores?|is\s+(?:really\s+)?(?:into|crazy\s+about|passionate\s+about|a\s+fan\s+of|fond\s+of)"
    r"|are\s+(?:really\s+)?into|(?:'s|is)\s+big\s+on)\s+(?P<what>[^.!?;,]+)", re.IGNORECASE)
_ZH_LIKES = re.compile(r"(?:他|她|ta|TA|他们|她们|" + ZH_PEOPLE + r")(?:很|特别|比较|平时|一直|超)?(?:喜欢|爱|热爱|迷|爱好)"
                       r"(?:喝|玩|打|吃|看|去|做|听|踢|弹)?(?P<what>[\u4e00-\u9fff]{1,8})")
_POINTING = re.compile(r"^(?:it|them|this|that|these|those|one|both|the\s+(?:first|second|third|last|other|cheap|pric)\w*)\b",
                       re.IGNORECASE)
_EN_FILLER = re.compile(r"^(?:to\s+go\s+|going\s+|to\s+)|\s+(?:a\s+lot|so\s+much|very\s+much|too|as\s+well)$", re.IGNORECASE)
# What is left of a message once the liked clause is out, when it asks for nothing but a present.
_JUST_A_PRESENT = re.compile(
    r"^\W*(?:(?:hi|hello|hey)\W+)?(?:i'?m|i\s+am|we'?re|i\s+was)?\s*(?:also\s+)?(?:looking|searching|shopping)?\s*(?:for\s+)?"
    r"(?:(?:i\s+)?(?:want|need|would\s+like|'d\s+like)\s+(?:to\s+(?:buy|get|find)\s+)?)?(?:a|an|some|any)?\s*"
    r"(?:(?:birthday\s+)?(?:present|gift)(?:\s+(?:ideas?|suggestions?))?|something)?\s*"
    r"(?:for\s+(?:my|our)\s+[a-z]+|for\s+him|for\s+her)?"
    r"(?:\s*,?\s*(?:any\s+ideas|ideas|suggestions|any\s+suggestions|help\s+me|can\s+you\s+help))?\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class Liked:
    """The thing a person likes ("coffee", "爬山"), its pastime when known, and whether the message
    asks for nothing but a present for them (then the liked thing is the need)."""

    what: str
    hobby: str | None
    only_present: bool
    rest: str = ""  # the message without the liked clause ("a watch for my dad")


def as_need(what: str) -> str:
    """The need a liked thing stands for: a sport or pastime ("badminton", "skateboarding") is its
    gear; a pastime of the table ("hiking", "cooking") and anything else ("chocolate") is itself."""
    return f"{what} gear" if _is_field(what) and hobby_of(what) not in HOBBY_KINDS else what


def _is_field(what: str) -> bool:
    words = what.lower().split()
    return len(words) <= 2 and bool(words) and (words[-1] in _FIELDS or (words[-1].endswith("ing") and len(words[-1]) > 5))


def hobby_of(words: str) -> str | None:
    """The pastime `words` name ("hiking", "爬山" -> "hiking"; "badminton", a sport without a row
    of its own, is itself), or None."""
    key = words.strip().lower()
    key = re.sub(r"^(?:the|a|an)\s+", "", key) if key not in _HOBBY_WORDS else key
    return _HOBBY_WORDS.get(key) or (key if _is_field(key) else None)


def hobby_kinds(hobby: str) -> tuple[str, ...]:
    """The kinds of product a present for `hobby` is chosen from; a sport's own gear when the table
    has no row for it ("badminton gear": rows that say badminton)."""
    return HOBBY_KINDS.get(hobby) or (f"{hobby} gear",)


def liked(text: str) -> Liked | None:
    """What the person a present is for likes, as the message says it; None when it says none."""
    m = _EN_LIKES.search(text)
    if m is not None:
        what = _EN_FILLER.sub("", m.group("what").strip()).strip()
        if _POINTING.match(what):
            return None  # "she likes the first one", "he loves it": about a product, not a pastime
        rest = (text[:m.start()] + " " + text[m.end():]).strip()
        rest = re.sub(r"\b(?:my\s+)?(?:father|dad|mother|mom|mum|son|daughter|husband|wife|friend|brother|sister)\b\s*$",
                      "", rest, flags=re.IGNORECASE) if m.group(0).lower().startswith("my ") else rest
        only = not rest or _JUST_A_PRESENT.match(rest) is not None
        return Liked(what=what, hobby=hobby_of(what), only_present=only, rest=rest) if what else None
    m = _ZH_LIKES.search(text)
    if m is not None:
        what = re.sub(r"[的了吧呢啊呀]+$", "", m.group("what"))
        return Liked(what=what, hobby=hobby_of(what), only_present=True) if what else None
    return None
