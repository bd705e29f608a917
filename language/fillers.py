"""Words around a product need that are not the need: request openers ("I'm looking for", "我想买"),
dialogue glue ("what about ... instead", "有没有...的") and trailing particles ("吗", "please").

`tidy` cleans what `parse_query` leaves after consuming budget and slot phrases; `strip_dialogue`
further drops refinement glue for a follow-up turn. One list each, for English and Chinese.
"""
from __future__ import annotations

import re

from language.cjk import has_cjk, join_cjk

__all__ = ["STOPWORDS", "present_for", "strip_dialogue", "tidy"]

# Chinese request openers and glue, one list for every rule: "我想买", "帮我找一下", "有没有", "推荐".
# A classifier after a verb or numeral goes with it ("买个手机", "来一双"); 双/套/本 alone may start a
# product word (双肩包, 套装, 本子), so only 个/件/款/台/只/把/张/条 are dropped after a bare verb.
# A bare classifier goes only when a word of two characters follows it: "买个手机" -> 手机, but
# "想买台灯" keeps 台灯 (a desk lamp, not "a lamp").
_ZH_CLASSIFIER = r"(?:(?:一|两|几|三)[个双件款台只套本条把张支瓶]|[个件款台只把张条支瓶](?=[\u4e00-\u9fffA-Za-z]{2}))"
# "给我老婆买", "帮儿子挑", "为女朋友选": whom a present is for, with the verb after it, is no product word.
_ZH_FOR_WHOM = (r"(?:给|帮|替|为|送)(?:我|咱)?(?:的)?(?:老婆|老公|妻子|丈夫|太太|先生|爱人|妈妈|老妈|妈|爸爸|老爸|爸|爸妈|母亲|父亲|儿子|女儿"
                r"|孩子|小孩|宝宝|女朋友|男朋友|女友|男友|朋友|闺蜜|同事|老板|领导|老师|奶奶|爷爷|外婆|外公|姥姥|姥爷|姐姐|妹妹|哥哥"
                r"|弟弟|家人|父母|长辈|老人|侄子|侄女|外甥|外甥女)(?:买|挑|选|找|送|看看|看|准备)?")
ZH_OPENERS = (
    _ZH_FOR_WHOM + r"|想(?=给|帮|替|为|送)|(?:还|也|再)(?:想要|需要|要|想买|买|来)|请问|请|麻烦(?:你|您)?|您好|你好|我(?:正)?在找|正在找|(?:帮|给)我(?:找|推荐|看看|看|选|挑|搜)?(?:一下|下)?|我(?:还)?(?:想|要|需要|打算|准备)"
    r"(?:买|找|看看|看|要|入手|换)?|想(?:买|要|找|看看|看|入手)|要买|需要|买|找(?:一下|下)?|推荐(?:一下|下)?|有没有|有什么"
    r"|有哪些|有哪|有没|有无(?!线|人机|糖|限)|有(?![机线氧效名趣用点些])|看看|来|还有|别的|其他|其它" + r"|" + _ZH_CLASSIFIER + r"|的|在|和|或|那种|这种|一些"
)
ZH_TRAILERS = (
    r"吗|呢|吧|啊|呀|哦|嘛|哈|的|一下|有吗|有没有|有不|有哪些|有什么|推荐(?:一下|下)?|可以吗|好吗|行吗|谢谢|和|或"
    r"|(?:别的|其他|其它)?(?:牌子|品牌|款式|型号|款|选择)"
)
_LEADING = re.compile(
    r"^(?:(?:hi|hello|hey)(?:\s+there)?(?![a-z])[\s,!.]*|(?:please|pls|kindly)\s+|(?:can|could|would|will)\s+you"
    r"\s+(?:please\s+)?(?:help\s+me\s+)?(?:show|find|get|give|recommend|suggest)\s+(?:me\s+)?"
    r"|(?:i'?m|i\s+am|we'?re|we\s+are|i\s+was|we\s+were)\s+"
    r"(?:looking|searching|shopping|hunting)\s+for\s+|(?:looking|searching|shopping)\s+for\s+|i(?:'d|\s+would)"
    r"\s+like\s+(?:to\s+(?:buy|get|see|find)\s+)?|i\s+(?:want|need)(?:\s+to\s+(?:buy|get|see|find))?\s+"
    r"|(?:i'?ll|i\s+will|i'?m\s+going\s+to|let\s+me)\s+(?:take\s+a\s+look\s+at|look\s+at|buy|take|get|grab|order|have|go\s+(?:with|for))\s+"
    r"|(?:show|find|get|give|recommend|suggest)\s+(?:me|us)\s+|(?:do|have)\s+you\s+(?:also\s+)?(?:have|got|sell|carry|stock)"
    r"\s+|(?:search|look)\s+for\s+|recommend\s+|(?:a|an|some|any)\s+|(?:something|anything)(?:\s+|$)"
    r"|(?:and|or|but|with|for)\s+|" + ZH_OPENERS + ")",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s+(?:please|pls|thanks|thank\s+you|and|or|with|for|in|that\s+(?:are|is)|which\s+(?:are|is)|at|of|the|a"
    r"|an|to|but|from|by|on|is|are)|[\s?.!,;:。？！，、~～…]+|" + ZH_TRAILERS + ")$",
    re.IGNORECASE,
)
_ORPHAN_PUNCT = re.compile(r"\s*([,;，、])(?:\s*[,;，、])+\s*")
_GAPS = re.compile(r"\s*\x00+\s*")
# In Chinese a consumed phrase or a comma ends a clause: "我想买个手机，有没有[两千以内]的" is the
# clauses "我想买个手机" and "有没有", "的"; each is cleaned alone and empty ones are dropped.
_ZH_CLAUSE = re.compile(r"\x00+|[，,。！？!?；;、~～…]+")


# Talk about the budget or the conversation itself, anywhere in a message: what is left after it
# (and the amounts, already blanked) is the need, or nothing ("the budget will be arround $150").
_TALK = re.compile(
    r"\b(?:i|we)\s+(?:have|'ve\s+got|got)\s+(?=(?:a|my|the)\s+budget\b)|\b(?:i|we)\s+(?:have|'ve\s+got|got)\s*[.!?]*$"
    r"|\bout\s+there\b"
    r"|\b(?:(?:my|the|our|a)\s+)?budget(?:\s+(?:is|will\s+be|would\s+be|of|was))?(?:\s+(?:a\s+bit|kind\s+of|quite|very))?"
    r"(?:\s+(?:limited|tight|small))?|\b(?:a\s+bit\s+)?limited\b|\b(?:around|arround|about|approximately|approx|roughly)\b"
    r"|\b(?:i\s+think\s+)?(?:i|we)\s+can\s+(?:go|spend|pay)(?:\s+(?:a\s+bit\s+)?(?:higher|more|up|lower))?\b"
    r"|\bgo\s+(?:a\s+bit\s+)?(?:higher|lower|up)\b|\b(?:within|in)\s+(?:(?:that|this|the|my)\s+)?(?:range|budget|price\s+range)\b"
    r"|\bprice\s+range\b|\bhappen\s+to\s+have\b|\bis\s+a\s+must\b|\b(?:actually,?\s+)?never\s*mind\b"
    r"|\bwhat(?:'s|\s+is)\s+your\b|\bhow\s+about\b|\bif\s+possible\b"
    r"|\bas\s+an?\s+(?:gift|present)(?:\s+(?:to|for)\s+(?:my|our|a|the)\s+[a-z]+)?\b"
    r"|\b(?:to|for)\s+my\s+(?:friend|boss|partner|parents?|colleague|coworker|teacher)\b",
    re.IGNORECASE)
# A Chinese clause that takes back the last need ("算了，不要跑鞋了，帮我看看羽毛球拍").
_ZH_TAKEN_BACK = re.compile(r"^(?:算了|不要.{0,12}了|不想要.{0,12}了|不用了|别.{0,8}了)$")
# "想给我爸买个礼物，他喜欢喝咖啡": the present clause names no product; what the person likes does.
# Whom a present is for, or who likes something: "我爸", "老婆", "我儿子".
ZH_PEOPLE = (r"(?:我的?)?(?:爸爸?|妈妈?|老公|老婆|男朋友|女朋友|朋友|孩子|儿子|女儿|同事|老板|爷爷|奶奶|父亲|母亲|哥哥|弟弟"
             r"|姐姐|妹妹|先生|太太)")
_ZH_GIFT = re.compile(r"^(?:我)?(?:想|要|打算)?(?:给|帮|送)(?:我)?(?:的)?" + ZH_PEOPLE + r"?(?:买|挑|选|送)?(?:个|件|份|一份|一个|一件)?"
                      r"(?:生日|新年|圣诞)?礼物$|^送(?:他|她|ta|TA)?(?:点)?什么(?:好|呢|比较好)?$")
# "想给老婆买个降噪耳机当礼物": a product inside the present talk is the need.
_ZH_GIFT_FRAME = re.compile(r"^(?:我)?(?:想|要|打算|准备)?(?:给|帮|送)(?:我)?(?:的)?" + ZH_PEOPLE + r"?"
                            r"(?:买|挑|选)(?:一)?(?:个|件|份|双|台|款|套|本)?(?P<need>.+?)(?:当|作为|做)(?:生日|新年|圣诞)?礼物$")
_ZH_LIKES = re.compile(r"^(?:他|她|我|ta|TA|他们|她们|" + ZH_PEOPLE + r")?(?:很|特别|比较|平时|一直)?(?:喜欢|爱|热爱|迷)(?:喝|玩|打|吃|看|去|做|听|踢|弹)?")
_ZH_MUST = re.compile(r"(?:一定要|必须(?:是|要)?|最好(?:是)?|务必|其实|预算(?:有限|不多|紧张|比较少)|预算(?:可以|能|能够)?(?:加到|提到|提高到|放宽到|增加到|到)?"
                      r"|(?:这个|这|那个)?价位|价格区间)")


def _trim(text: str) -> str:
    for _ in range(8):
        before = text
        text = _LEADING.sub("", text).lstrip(" ,.;:!?，。、")
        end = _TRAILING.search(text, max(0, len(text) - 24))
        text = (text[:end.start()] if end else text).rstrip()
        if text == before:
            break
    return text


def tidy(text: str) -> str:
    """Blanked-out spans, request openers ("I'm looking for", "我想买") and dangling words removed."""
    if has_cjk(text):
        raw = [c for c in _ZH_CLAUSE.split(text) if c.strip()]
        kept = [c for c in raw if not _ZH_TAKEN_BACK.match(c.strip()) and not _ZH_GIFT.match(c.strip())] or raw
        kept = [_ZH_LIKES.sub("", c.strip()) for c in kept]  # "他喜欢喝咖啡" -> "咖啡"
        kept = [_ZH_GIFT_FRAME.sub(r"\g<need>", c) for c in kept]  # "给老婆买个降噪耳机当礼物" -> "降噪耳机"
        clauses = (_trim(join_cjk(_ZH_MUST.sub("", c))) for c in kept)
        return join_cjk(" ".join(c for c in clauses if c))
    text = _GAPS.sub(" ", text)
    text = join_cjk(text)
    text = _ORPHAN_PUNCT.sub(r"\1 ", text)
    return _trim(text)


_EDGE_WORDS = (
    r"something|anything|any|some|ones?|instead|please|pls|also|too|just|only|then|else|maybe|perhaps|actually"
    r"|rather|now|again|ok|okay|so|well|hmm|those|these|them|it|this|that|there|options?|choices?|results?"
    r"|stuff|what\s+about|how\s+about|what|about|do\s+you\s+have|have\s+you\s+got|is\s+there|are\s+there|got"
    r"|can\s+i\s+see|let\s+me\s+see|i'?d\s+prefer|i\s+prefer|preferably|same|yes|no|sure|but|and|or|the|a|an"
    r"|are|is|do|does|you|i|me|my|want|need|show|see|like|more|less|make|go|try|get|find|give|look|looking"
    r"|search|prefer|would|could|can|will|should|let'?s|let|thanks|thank\s+you|thx|cheers|great|cool|perfect"
    r"|nice|hi|hello|hey|probably|i\s+think|think|to|keep|oh|wow|hm+|yeah|unfortunately|sadly|honestly|really"
    r"|though|tho|recommendations?|suggestions?|ideas?|am|i'?m"
    r"|other|another|different|models?|brands?|makes?|kinds?|types?|styles?|versions?|had|before|much"
    r"|didn'?t|don'?t|doesn'?t"
)
# Refinement glue on top of the openers: "换成...", "还有...吗", "只要...的", "...一点".
_LEADING_FILLER = re.compile(rf"(?:(?:{_EDGE_WORDS})(?![a-z'])\s*|(?:还有|再|换成|换个|换|改成|来点|来个|要|给我看看"
                             rf"|只要|就要|{ZH_OPENERS})\s*)", re.IGNORECASE)
_TRAILING_FILLER = re.compile(rf"(?:(?<![a-z'])(?:{_EDGE_WORDS})|一点|点|些|一些|看看|{ZH_TRAILERS}|[\s?!.,？！。，])$",
                              re.IGNORECASE)
STOPWORDS = frozenset(re.findall(r"[a-z']+", _EDGE_WORDS) + [
    "with", "for", "of", "in", "on", "to", "at", "by", "from", "without", "which", "would", "could", "can",
    "have", "has", "get", "find", "give", "let", "look", "looking", "other", "others", "different",
    "similar", "available", "i'm", "i'd", "we", "us", "your", "will", "should", "one", "its", "it's", "be",
    "tell", "details", "info", "information", "several", "item", "items", "help", "recommend", "suggest",
    # intensifiers around "cheaper" / "too expensive": "even cheaper", "WAY too expensive", "a bit cheaper"
    "even", "way", "too", "bit", "little", "lot", "much", "super", "really", "so", "still", "lil",
])


# Who the present is for says which group it is for ("gloves for my wife" -> for her).
_FOR_HER = re.compile(r"\b(?:to|for)\s+my\s+(?:wife|mom|mother|mum|girlfriend|sister|grandma|grandmother|aunt)\b", re.I)
_FOR_HIM = re.compile(r"\b(?:to|for)\s+my\s+(?:husband|dad|father|boyfriend|brother|grandpa|grandfather|uncle)\b", re.I)


def present_for(text: str) -> str:
    """ "for him" / "for her" when the message says whom a present is for, else ""."""
    return "for her" if _FOR_HER.search(text) else "for him" if _FOR_HIM.search(text) else ""


def strip_dialogue(text: str) -> str:
    """`text` without dialogue words at either edge: "what about trail runners instead" -> "trail runners"."""
    if not has_cjk(text):
        text = _FOR_HIM.sub(" for him", _FOR_HER.sub(" for her", text))
        text = _TALK.sub(" ", text)
    text = tidy(text)
    for _ in range(12):
        before = text
        lead = _LEADING_FILLER.match(text)
        text = text[lead.end():].strip() if lead else text
        trail = _TRAILING_FILLER.search(text, max(0, len(text) - 24))
        text = text[:trail.start()].strip() if trail else text
        if text == before:
            break
    return tidy(text)
