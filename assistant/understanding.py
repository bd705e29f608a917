"""What one shopper message means in a running chat, and how it changes what they are looking for.

`understand` names the act ("search", "refine", "question", "compare", "cart_add", ...), the
constraints the message sets, and which of the products just shown it points at ("the second
one", "both", "第二个"). `Preferences.apply` folds that into the search the dialogue keeps across
turns. Rules, not a model: every turn pays for this, so it must be sub-millisecond and always give
the same answer. A separate escalation module does the full "wants a person" detection; the
"human" act here only catches plain requests.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from retrieval.filters import Filters
from retrieval.query import Vocabulary, parse_query, tidy

__all__ = ["ACTS", "TOPICS", "Preferences", "Understanding", "understand"]

# "smalltalk" is chat with the assistant ("who are you", "ok", "bye"); "off_topic" asks for something
# that is not shopping (weather, jokes, news); "unclear" is empty-ish or keyboard mash.
ACTS = ("search", "refine", "question", "compare", "cart_add", "cart_remove", "cart_show", "human",
        "greeting", "thanks", "smalltalk", "off_topic", "unclear")
TOPICS = ("warranty", "weight", "reviews", "size", "color", "material", "battery", "shipping", "returns",
          "stock", "price", "dimensions", "waterproof", "other")


@dataclass
class Understanding:
    """One message, understood. Plain data: the dialogue reads it, `Preferences.apply` folds it in."""

    act: str  # one of ACTS
    text: str = ""  # the message as received
    query_text: str = ""  # product need words, constraints removed; for "refine", words to add ("bigger")
    filters_delta: dict[str, Any] = field(default_factory=dict)  # Filters fields this message sets
    excluded: dict[str, list[str]] = field(default_factory=dict)  # attribute values ruled out ("not red")
    cheaper: bool = False
    pricier: bool = False
    more: bool = False  # "show me more": the same search, past what was shown
    references: list[int] = field(default_factory=list)  # 0-based indexes into `shown`
    question_topic: str | None = None  # one of TOPICS when act == "question"
    quantity: int = 1  # for cart adds: "two of them" -> 2
    language: str = "en"  # "zh" when the message has Chinese characters

    def to_dict(self) -> dict[str, Any]:
        """Plain data, e.g. for logs and turn metadata."""
        return asdict(self)


# -- patterns -------------------------------------------------------------------------------------
class _Rule:
    """A regex that only runs when the message contains one of its trigger substrings.

    Python's regex engine tries every alternative at every position, so a large alternation costs
    tens of microseconds per message even when nothing matches, while a substring test costs
    nanoseconds. Every possible match must contain (case-insensitively) at least one trigger.
    """

    __slots__ = ("pattern", "triggers")

    def __init__(self, triggers: Sequence[str], *patterns: str, flags: int = re.IGNORECASE) -> None:
        self.pattern = re.compile("|".join(f"(?:{p})" for p in patterns), flags)
        self.triggers = tuple(triggers)

    def possible(self, text: str) -> bool:
        return any(map(text.lower().__contains__, self.triggers))

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(text) if self.possible(text) else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self.pattern.finditer(text) if self.possible(text) else iter(())

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text) if self.possible(text) else text


_CJK = re.compile(r"[\u3400-\u9fff]")
_MEANINGFUL = re.compile(r"[a-z0-9\u3400-\u9fff]", re.IGNORECASE)
_BAG = r"(?:my\s+|the\s+)?(?:shopping\s+)?(?:cart|basket|trolley|bag)\b"
_HUMAN = _Rule(
    ("talk", "speak", "chat", "connect", "transfer", "put me", "real", "live", "actual", "human", "customer",
     "agent", "representative", "operator", "人工", "真人", "客服"),
    r"\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+|an\s+|some\s+|the\s+|your\s+)?(?:real\s+|actual\s+|live\s+)?"
    r"(?:human|person|people|agent|representative|rep|someone|somebody|staff|operator|manager|customer\s+"
    r"(?:service|support))\b",
    r"\b(?:connect|transfer|put)\s+me\s+(?:to|through\s+to|with)\s+(?:a\s+|an\s+|the\s+)?(?:human|person|agent|"
    r"representative|someone|operator)\b",
    r"\b(?:real|live|actual)\s+(?:person|human|agent)\b",
    r"\bhuman\s+(?:agent|being|please)\b|\bcustomer\s+(?:service|support)\b",
    r"^\s*(?:an?\s+)?(?:agent|human|representative|operator)(?:\s+please)?\s*[.!?]*\s*$",
    r"转人工|人工客服|人工服务|找人工|要人工|真人|客服",
)
_CART_REMOVE = _Rule(
    ("remove", "delete", "drop", "take", "empty", "clear", "want", "删", "移除", "去掉", "拿掉", "拿出", "清空", "不要了"),
    r"\b(?:remove|delete|drop|take)\b.*\b(?:from|out\s+of)\s+" + _BAG,
    r"^\s*(?:please\s+)?(?:remove|delete)\s+(?:it|this|that|them|these|those|both|the\s|#|number|item|one|all)",
    r"\b(?:empty|clear)\s+(?:out\s+)?(?:my\s+|the\s+)?(?:shopping\s+)?(?:cart|basket|trolley)\b",
    r"\bdon'?t\s+want\s+(?:it|this|that|them|the\s+\w+(?:\s+one)?)\s+any\s*more\b",
    r"(?:从|把).{0,12}购物车.{0,6}(?:删除|删掉|移除|去掉|拿掉|拿出)|(?:删除|删掉|移除|去掉|拿掉)(?:这|那|它|第|购物车)",
    r"购物车.{0,6}(?:删除|删掉|移除|去掉)|清空购物车|(?:这|那|它|第.{1,2})(?:个|款|件|双|台)?不要了",
)
_OBJECT = (r"(?:(?:it|this|that)\b(?!\s+in\s)|them\b|these\b|those\b|both\b|one\s+of|the\s+(?:first|second|third|"
           r"fourth|fifth|last|cheapest|\d)|(?:\d+|two|three|four|five|a\s+couple)\s+(?:of|more)\b|#\s*\d|number\s+\d"
           r"|option\s+\d|(?:\d{1,2}|two|three|four|five)\b)")
_CART_ADD = _Rule(
    ("add", "put", "throw", "pop", "place", "take", "buy", "order", "purchase", "grab", "get", "have", "go with",
     "go for", "购物车", "加购", "下单", "我要了", "就它了", "就这个", "买", "要", "拍"),
    r"\b(?:add|put|throw|pop|place)\b.*\b(?:to|in|into)\s+" + _BAG,
    r"^\s*(?:please\s+)?(?:add|put)\s+(?:it|this|that|them|these|those|both|the\s+\w+|#\s*\d|number|item|one|\d"
    r"|two|three|a\s+couple)",
    r"\b(?:i'?ll|i\s+will|i'?d\s+like\s+to|i\s+want\s+to|let\s+me|i\s+wanna|gonna|can\s+i|could\s+i|i'?m\s+going\s+to"
    r"|i'?ll\s+go\s+with)\s+(?:take|buy|order|purchase|grab|get|have)\s+" + _OBJECT,
    r"^\s*(?:please\s+)?(?:buy|order|purchase)\s+" + _OBJECT,
    r"\bi'?ll\s+go\s+(?:with|for)\s+" + _OBJECT,
    r"\b(?:make|place)\s+(?:an?\s+)?order\b",
    r"加入购物车|加到购物车|加进购物车|放进购物车|放入购物车|加购物车|加购|下单|我要了|就它了|就这个|买了"
    r"|(?:我要|我买|就买|买|要|就要|拍)(?:这|那|它|第)|买\s*[一二两三四五六七八九十\d]{1,2}\s*(?:个|件|双|份|台|套|本|瓶|盒|只|条|支|把|张)",
)
_CART_SHOW = _Rule(
    ("cart", "basket", "trolley", "bag", "check", "total", "购物车", "结算", "结账", "总价", "多少钱", "买单"),
    r"\b(?:what'?s|what\s+is|whats)\s+in\s+(?:my|the)\s+(?:shopping\s+)?(?:cart|basket|bag|trolley)\b",
    r"\b(?:show|view|see|open|check|display|review)\s+(?:me\s+)?(?:my\s+|the\s+)?(?:shopping\s+)?(?:cart|basket"
    r"|trolley)\b",
    r"\bcheck\s*out\b|\b(?:cart|basket|order)\s+(?:total|summary)\b|\bmy\s+total\b",
    r"\bhow\s+much\s+(?:is|does)\s+(?:my|the)\s+(?:cart|basket|total|order)\b",
    r"^\s*(?:my\s+)?(?:shopping\s+)?(?:cart|basket)\s*[?!.]*\s*$",
    r"购物车|结算|结账|总价|一共多少钱|总共多少钱|买单",
)
_GREETING = re.compile(
    r"^\s*(?:(?:hi|hello|hey|hiya|howdy|yo|hei|hallo|hola|greetings|good\s+(?:morning|afternoon|evening|day))"
    r"(?:\s+(?:hi|hey|hei|there|aisle"
    r"|team|everyone|all|again))*|你好|您好|嗨|哈喽|哈啰|早上好|下午好|晚上好|在吗|在不在)[^\w]*$",
    re.IGNORECASE,
)
_THANKS = _Rule(("thank", "thx", "ty", "cheers", "appreciate", "谢"),
                r"\b(?:thanks|thank\s+(?:you|u)|thx|ty|cheers|much\s+appreciated|appreciate\s+it|appreciated)\b",
                r"谢谢|多谢|感谢|谢啦|谢了")
# Words that make up "ok", "that sounds great", "no problem", "好的": replies that ask for nothing.
_ACK = re.compile(
    r"\b(?:(?:good|great|nice)\s+(?:idea|deal|choice)|ok(?:ay)?|great|cool|perfect|awesome|nice|good|brilliant"
    r"|lovely|fine|alright|all\s+right|got\s+it"
    r"|amazing|wonderful|excellent|interesting|helpful|fair|true|right|exactly|indeed|of\s+course|definitely"
    r"|so\s+much|very\s+much|a\s+lot|absolutely|totally|really|very|quite|so|too|also|wow|o+h+|a+h+|aha|hm+|haha|lol"
    r"|i\s+see|bingo|nah"
    r"|no\s+(?:problem|worries)"
    r"|that\s+(?:helps|works|would\s+work)|that(?:'?s|\s+is)?|it(?:'?s|\s+is)|this\s+is|sounds?|looks?|seems?"
    r"|(?:that'?s\s+)?all|it|bye|goodbye|see\s+you|again|for\s+(?:the|your|you)\s+"
    r"(?:help|kindness|time)|for\s+helping|you\s+too|same\s+to\s+you|yes|yeah|yep|sure|no|nope|please|you)\b"
    r"|好的|太好了|辛苦了|嗯+|好|行|明白了|知道了|没问题|不错|可以|你|您|啦|了|哦|呢|吧|拜拜|再见",
    re.IGNORECASE,
)
_HESITATION = re.compile(r"\s*(?:h+m+|u+m+|u+h+|e+r+m*|额+|呃+)[\s.!?…]*$", re.IGNORECASE)
_ACK_MAX_CHARS = 60  # acknowledgements are short; longer messages skip the (costly) check
_LEFTOVER = re.compile(r"[\s!,.~。！，?？:;)(-]+")
_SMALLTALK = _Rule(
    ("who", "what", "are you", "how", "bye", "see you", "nice to meet", "you", "你", "再见", "拜拜"),
    r"\b(?:who|what)\s+are\s+you\b|\bare\s+you\s+(?:a\s+)?(?:bot|robot|human|real|an?\s+ai|ai|person|machine)\b",
    r"\bwhat(?:'s|\s+is)\s+your\s+name\b|\bhow\s+are\s+you\b|\bhow'?s\s+it\s+going\b|\bwhat\s+can\s+you\s+do\b",
    r"^\s*(?:good)?bye\b|\bsee\s+you\b|\bnice\s+to\s+meet\s+you\b|\byou'?re\s+(?:great|awesome|funny|useless|stupid)\b",
    r"你是谁|你叫什么|你是机器人|你是真人|你好吗|你能做什么|再见|拜拜",
)
_OFF_TOPIC = _Rule(
    ("weather", "rain", "snow", "forecast", "joke", "laugh", "news", "who won", "time is it", "homework",
     "meaning of life", "write", "capital of", "president", "天气", "笑话", "新闻", "几点", "写", "故事"),
    r"\bweather\s+(?:like|today|tomorrow|forecast|in|outside|now|this)\b|\b(?:what|how)'?s\s+the\s+weather\b",
    r"\bweather\s*\?\s*$|\bis\s+it\s+(?:going\s+to\s+)?(?:rain|snow)(?:ing)?\b|\bforecast\b",
    r"\b(?:tell|know|say)\s+(?:me\s+)?(?:a\s+|any\s+|another\s+)?(?:good\s+|funny\s+)?jokes?\b",
    r"^\s*(?:a\s+)?jokes?\s*\??$",
    r"\bmake\s+me\s+laugh\b|\bnews\b|\bwho\s+won\b|\bwhat\s+time\s+is\s+it\b|\bhomework\b|\bmeaning\s+of\s+life\b",
    r"\bwrite\s+(?:me\s+)?(?:a\s+|an\s+)?(?:poem|song|story|essay|code|program)\b|\bcapital\s+of\b|\bpresident\b",
    r"天气|笑话|新闻|几点了|写一首|写首诗|讲个故事|讲故事",
)
_COMPARE = _Rule(
    ("compar", "vs", "versus", "differen", "which", "how do", "than", "对比", "比较", "哪", "区别", "不同", "差别"),
    r"\bcompare\b|\bcomparison\b|\b(?:vs\.?|versus)\s|\b(?:differences?)\s+between\b|\bwhat'?s\s+the\s+difference\b",
    r"\bwhich\s+(?:one\s+|of\s+(?:these|those|them|the\s+\w+)\s+)?(?:is|would|should|do|does|has|'s)\b.*\b(?:better"
    r"|best|recommend|cheaper|lighter|heavier|bigger|smaller|warmer|longer|quieter|more|less)\b",
    r"\bwhich\s+(?:one\s+)?(?:should|would)\s+(?:i|you)\b|\bwhich\s+(?:do|would)\s+you\s+recommend\b",
    r"\bhow\s+do\s+(?:they|these|those|the\s+\w+)\s+compare\b",
    r"\b(?:better|cheaper|lighter|heavier|bigger|smaller|warmer)\s+than\s+(?:the\s+)?(?:first|second|third|other|last"
    r"|#?\d|one)\b",
    r"对比|比较(?:一下|下)|比较(?:这|那|它|第|前)|哪个好|哪个更|哪款好|哪款更|区别|有什么不同|差别|选哪个|推荐哪个|哪个值得",
)
_WHICH_OF_THESE = _Rule(("which", "哪"), r"\bwhich\s+(?:one|ones|of\s+(?:these|those|them))\b", r"哪个|哪款|哪一个|哪一款")
_QUESTION_START = re.compile(
    r"\s*(?:does|do|is|are|can|could|will|would|how|what|what'?s|whats|which|where|when|why|who|has|have|should"
    r"|tell\s+me|any\s+idea)\b", re.IGNORECASE)
_QUESTION_ZH = _Rule(("吗", "么", "呢", "多", "怎", "如何", "几", "是不是", "有没有", "能不能", "可不可以", "可以", "什么", "哪"),
                     r"吗|么|呢|多少|多久|怎么样|怎样|如何|几|是不是|有没有|能不能|可不可以|可以吗|什么|哪|多[重大长宽高厚]")
_DETAILS = _Rule(("tell me", "more", "details", "what about", "how about", "describe", "详细", "介绍", "说说", "讲讲",
                  "怎么样"),
                 r"\b(?:tell\s+me\s+(?:more\s+)?about|more\s+(?:details|info|information)\s+(?:on|about)|details\s+"
                 r"(?:on|of|about)|what\s+about|how\s+about|describe)\b", r"详细|介绍一下|介绍下|说说|讲讲|怎么样")
# "Do you have ...", "有没有 ...": asking for products, not about the ones shown (unless "do you have it ...").
_REQUEST_OPENER = re.compile(r"\s*(?:(?:do|does)\s+(?:you|u|aisle)\s+(?:have|sell|carry|stock|do)|have\s+you\s+got"
                             r"|got\s+any|is\s+there|are\s+there|any\b|有没有|有什么|有卖)"
                             r"(?!\s+(?:it|this|that|them|these|those)\b)", re.IGNORECASE)
_ABOUT_SHOWN_START = re.compile(r"\s*(?:and\s+)?(?:what(?:'s|\s+is|\s+are)\s+(?:the|its|their)|how\s+(?:is|are)\s+the"
                                r"|tell\s+me\s+about\s+the)\b", re.IGNORECASE)
_POINTS_AT_SHOWN = _Rule(("it", "this", "that", "they", "them", "these", "those", "它", "这", "那"),
                         r"\b(?:it|its|it's|this|that|they|them|these|those)\b",
                         r"它|这个|那个|这款|那款|这双|那双|这件|那件")

_TOPIC_RULES: tuple[tuple[str, _Rule], ...] = tuple((name, _Rule(triggers, pattern)) for name, triggers, pattern in (
    ("warranty", ("warrant", "guarantee", "保修", "质保", "三包"), r"warrant|guarantee|保修|质保|三包"),
    ("returns", ("return", "refund", "exchange", "back", "退", "换货"),
     r"\breturn(?:s|ed|able|ing)?\b|refund|exchange|send\s+(?:it|them)\s+back|退货|退款|换货|退换"),
    ("shipping", ("ship", "deliver", "arriv", "postage", "dispatch", "发货", "快递", "运费", "包邮", "配送", "物流",
                  "到货"),
     r"\bship(?:s|ping|ped)?\b|deliver|arriv|postage|dispatch|发货|快递|运费|包邮|配送|物流|到货"),
    ("reviews", ("review", "rating", "rated", "say", "feedback", "opinion", "评", "口碑", "买家"),
     r"review|rating|\brated\b|people\s+say|customers?\s+say|others?\s+say|buyers?\s+say|feedback|opinions?"
     r"|评价|评论|口碑|好评|差评|评分|买家"),
    ("battery", ("batter", "charg", "runtime", "run time", "电池", "续航", "充电", "电量", "待机"),
     r"batter|charg|runtime|run\s+time|电池|续航|充电|电量|待机"),
    ("waterproof", ("water", "rain", "wet", "ip", "防水", "防泼水"),
     r"water[\s-]?proof|water[\s-]resist|\brain(?:proof|y)?\b|\bwet\b|\bip[x0-9]\d|防水|防泼水"),
    ("weight", ("weigh", "heav", "light", "重", "几斤", "多少克", "轻吗"),
     r"\bweigh|\bheavy\b|heaviness|how\s+light|lightweight|重量|多重|重不重|重吗|几斤|多少克|轻吗"),
    ("dimensions", ("dimension", "how", "measurement", "length", "width", "height", "depth", "fit in", "尺寸", "多",
                    "大小", "体积"),
     r"dimension|how\s+(?:big|large|small|long|wide|tall|high|deep|thick)\b|measurements?|\blength\b|\bwidth\b"
     r"|\bheight\b|\bdepth\b|fit\s+in(?:to)?\s+(?:my|a|the)\b|尺寸|多大|多长|多宽|多高|大小|体积"),
    ("size", ("siz", "fit", "run", "尺码", "码", "偏大", "偏小", "合脚"),
     r"\bsiz(?:e|es|ing)\b|\bfits?\b|true\s+to\s+size|runs?\s+(?:small|large|big)|尺码|码数|码子|偏大|偏小|合脚|几码"),
    ("color", ("colo", "颜色", "色"), r"colou?rs?\b|颜色|什么色|几种色"),
    ("material", ("material", "made", "fabric", "材质", "面料", "材料", "做的"),
     r"material|made\s+(?:of|from|out\s+of)|fabric|材质|面料|材料|什么做的"),
    ("stock", ("stock", "availab", "sold out", "有货", "库存", "现货", "缺货"),
     r"in[\s-]stock|\bavailab|sold\s+out|out\s+of\s+stock|有货|库存|现货|缺货"),
    ("price", ("how much", "price", "cost", "expensive", "cheap", "discount", "sale", "deal", "钱", "价", "贵",
               "便宜", "打折", "优惠"),
     r"how\s+much|\bprice|\bcost|expensive|\bcheap|discount|on\s+sale|\bdeal\b|多少钱|价格|价钱|贵|便宜|打折|优惠"),
))

_CHEAPER = _Rule(
    ("cheap", "less", "afford", "lower", "too", "budget", "便宜", "太贵", "实惠", "价格低", "低价", "划算"),
    r"\bcheap(?:er|est)\b|\bless\s+(?:expensive|pricey|costly)\b|\bmore\s+affordable\b",
    r"\blower[\s-](?:price[ds]?|cost)\b",
    r"\btoo\s+(?:expensive|pricey|much|dear)\b|\bover\s+(?:my\s+)?budget\b|\bbudget[\s-]friendly\b",
    r"\bon\s+a\s+(?:tight\s+)?budget\b|\bbudget\s+is\s+(?:a\s+bit\s+|quite\s+|very\s+|pretty\s+)?tight\b",
    r"便宜(?:点|一点|些|一些)|更便宜|最便宜|太贵|实惠(?:点|一点|些)|价格低|低价|划算(?:点|一点)",
)
_PRICIER = _Rule(
    ("more", "most", "pric", "high", "quality", "fancier", "top", "premium", "better", "贵", "高端", "质量", "好一点",
     "更好", "档次"),
    r"\b(?:more|most)\s+(?:premium|expensive|upscale|luxurious|high[\s-]end)\b|\bpricie(?:r|st)\b",
    r"\bhigh(?:er)?[\s-]end\b",
    r"\b(?:better|higher|top)\s+quality\b|\bfancier\b|\btop[\s-]of[\s-]the[\s-]line\b|\bpremium\b",
    r"\bsomething\s+better\b|\bbetter\s+ones?\b",
    r"贵一点|贵点|更贵|最贵|更高端|高端|质量更好|好一点的|更好的|档次高",
)
_MORE = _Rule(
    ("more", "other", "else", "different", "next", "similar", "load", "see", "更多", "还有", "换一批", "其他", "别的",
     "再", "类似", "相似"),
    r"\bshow\s+(?:me\s+)?(?:some\s+)?more\b|\bmore\s+(?:options|results|choices|products|suggestions|like)\b",
    r"\b(?:see|load)\s+more\b|\bother\s+(?:options|ones|choices|results|products|suggestions)\b",
    r"\bany(?:thing)?\s+(?:else|others?)\b|\bwhat\s+else\b|\bsomething\s+else\b|\bdifferent\s+ones\b",
    r"\bnext\s+(?:page|ones|few|results)\b|\bmore\s+please\b|\bothers\b|\bsimilar(?:\s+ones)?\b",
    r"^\s*(?:some\s+)?(?:more|next|else|others?)\s*[?!.]*\s*$",
    r"更多|还有(?:别|其他|吗|没有)|换一批|其他|别的|再来(?:几|一些)|再看看|类似|相似",
)
_COMPARATIVE_WORDS = frozenset((
    "bigger smaller larger lighter heavier warmer cooler longer shorter thinner thicker wider narrower softer harder "
    "firmer quieter louder faster slower newer simpler sturdier stronger brighter darker comfier roomier tougher "
    "lighter-weight").split())
_COMPARATIVE = _Rule(
    tuple(_COMPARATIVE_WORDS) + ("more ", "less ", "更", "再", "点", "些"),
    r"\b(?:" + "|".join(sorted(_COMPARATIVE_WORDS, key=len, reverse=True)) + r")\b",
    r"\b(?:more|less)\s+[a-z]+(?:able|ful|ive|ant|ent|ous|al|ic|y|ed|ing|proof)\b",
    r"(?:更|再)[大小轻重薄厚暖长短宽窄软硬静快新亮]|[大小轻重薄厚暖长短宽窄软硬静快新亮](?:一点|一些|点|些)",
)
# Refining the current results rather than asking for something new: "waterproof ones", "只要防水的".
_NARROWING = _Rule(
    ("one", "only", "just", "also", "too", "any", "those", "these", "them", "in", "with", "from", "and", "but",
     "maybe", "prefer", "的", "只要", "换成", "改成"),
    r"\b(?:ones?|only|just|also|too|any|those|these|them)\b",
    r"^\s*(?:in|with|without|from|and|but|maybe|preferably)\b",
    r"的\s*[吗呢吧？?。！!]*\s*$|只要|换成|改成",
)
_EDGE_WORDS = (
    r"something|anything|any|some|ones?|instead|please|pls|also|too|just|only|then|else|maybe|perhaps|actually"
    r"|rather|now|again|ok|okay|so|well|hmm|those|these|them|it|this|that|there|options?|choices?|results?"
    r"|stuff|what\s+about|how\s+about|what|about|do\s+you\s+have|have\s+you\s+got|is\s+there|are\s+there|got"
    r"|can\s+i\s+see|let\s+me\s+see|i'?d\s+prefer|i\s+prefer|preferably|same|yes|no|sure|but|and|or|the|a|an"
    r"|are|is|do|does|you|i|me|my|want|need|show|see|like|more|less|make|go|try|get|find|give|look|looking"
    r"|search|prefer|would|could|can|will|should|let'?s|let|thanks|thank\s+you|thx|cheers|great|cool|perfect"
    r"|nice|hi|hello|hey|probably|i\s+think|think|to|keep|oh|wow|hm+|yeah|unfortunately|sadly|honestly|really"
    r"|though|tho|recommendations?|suggestions?|ideas?|am|i'?m"
)
_LEADING_FILLER = re.compile(rf"(?:(?:{_EDGE_WORDS})(?![a-z'])\s*|(?:有没有|还有|再|换成|换个|换|改成|来点|来个"
                             rf"|我要|我想要|要|看看|给我看看|只要|就要|这种|那种)\s*)", re.IGNORECASE)
_TRAILING_FILLER = re.compile(rf"(?:(?<![a-z'])(?:{_EDGE_WORDS})|的|吗|呢|吧|一点|点|些|一些|一下|看看|[\s?!.,？！。，])$",
                              re.IGNORECASE)
_STOPWORDS = frozenset(re.findall(r"[a-z']+", _EDGE_WORDS) + [
    "with", "for", "of", "in", "on", "to", "at", "by", "from", "without", "which", "would", "could", "can",
    "have", "has", "get", "find", "give", "let", "look", "looking", "other", "others", "different",
    "similar", "available", "i'm", "i'd", "we", "us", "your", "will", "should", "one", "its", "it's", "be",
])
_CJK_PARTICLES = frozenset("的吗呢吧啊呀了哦点些个一这那它有没要我你想给看再换还就只和或么")


# -- references -------------------------------------------------------------------------------------
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "a couple": 2, "a pair": 2}
_CN_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "seventh": 6,
             "eighth": 7, "ninth": 8, "tenth": 9, "last": -1, "final": -1, "bottom": -1}
_ORDINAL_HINTS = tuple(_ORDINALS) + ("top", "penultimate", "1st", "2nd", "3rd") + tuple(f"{d}th" for d in range(10))
_NUMBER_HINTS = tuple(_WORD_NUMBERS) + tuple("0123456789") + tuple(_CN_NUMBERS)
_REF_NOUNS = (r"one|ones|option|item|product|choice|result|pair|model|link|pick|listing|suggestion|set|boots?"
              r"|shoes?|pack")
_N = r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_RE_FIRST_N = _Rule(("first", "top", "last", "bottom"),
                    r"\b(?:the\s+)?(?P<end>first|top|last|bottom)\s+(?P<n>two|three|four|five|[2-5])\b"
                    r"(?!\s*(?:stars?|dollars?|bucks|%|\$|of\s+(?:them|those|these)))")
_RE_ORDINAL = _Rule(
    _ORDINAL_HINTS,
    rf"\b(?P<the>(?:the|my|your)\s+)?(?:(?P<pen>second|2nd)[\s-](?:to[\s-])?last|penultimate|(?P<ord>first|second|"
    rf"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|(?P<digit>\d{{1,2}})(?:st|nd|rd|th)))\b"
    rf"(?P<noun>\s+(?:{_REF_NOUNS})\b)?")
_RE_NUMBERED = _Rule(("#", "no.", "num", "option", "item", "product", "choice", "result", "pick"),
                     rf"(?:#\s*|\bno\.\s*|\b(?:number|num|option|item|product|choice|result|pick)s?\s+){_N}\b")
_RE_BARE_NUMBER = _Rule(tuple("0123456789"),
                        r"(?<![\d.$£€¥#])\b(?P<n>\d{1,2})\b(?!\s*(?:%|\$|dollars?|bucks|stars?|元|块|[.,]\d))")
_RE_LIST_GAP = re.compile(r"\s*(?:,|&|and|or|vs\.?|versus|with|to|和|与|跟|或)?\s*(?:the\s+|#\s*|number\s+)?",
                          re.IGNORECASE)
_RE_ALL = _Rule(("all", "them", "these", "those", "they", "它们", "这些", "那些", "几", "全部", "所有"),
                r"\b(?:all\s+(?:of\s+)?(?:them|these|those|three|four|five|\d)|them|these|those|they)\b"
                r"|它们|这些|那些|这几(?:个|款)|那几(?:个|款)|全部|所有")
_RE_BOTH = _Rule(("both", "two", "两", "二"),
                 r"\b(?:both(?:\s+of\s+(?:them|these|those))?|the\s+two|these\s+two|those\s+two)\b"
                 r"|(?:这|那)\s*(?:两|二)\s*(?:个|款|件|双|台)|两(?:个|款|件|双|台)都")
_RE_SINGLE = _Rule(
    ("it", "this", "that", "the one", "它", "这", "那"),
    r"\b(?:it|this\s+one|that\s+one|the\s+one)\b"
    r"|\b(?:this|that)\b(?!\s+(?:are|were|have|can|will|would|could|should|i|you|we|they|he|she|way|much|many|time"
    r"|day|week|weekend|year|month|morning|evening|season|summer|winter|christmas)\b)"
    r"|它(?!们)|(?:这|那)(?:一)?(?:个|款|件|双|台|本|只|支|套|把)")
_RE_CHEAPEST = _Rule(("cheapest", "least expensive", "lowest", "most expensive", "priciest", "dearest", "最便宜", "最贵"),
                     r"\bthe\s+(?P<lo>cheapest|least\s+expensive|lowest[\s-]priced)\b|\bthe\s+(?P<hi>most\s+"
                     r"expensive|priciest|dearest)\b|(?P<zlo>最便宜)|(?P<zhi>最贵)")
_RE_ZH_ORDINAL = _Rule(("第",), r"第\s*(?P<n>[一二两三四五六七八九十]|\d{1,2})\s*(?:个|款|件|双|台|本|项|条|种|家|只|支|套|把|张)?")
_RE_ZH_FIRST_N = _Rule(("前", "头", "后"), r"(?P<end>前|头|最后|后)\s*(?P<n>[两二三四五]|[2-5])\s*(?:个|款|件|双|台|本|种)")
_RE_ZH_LAST = _Rule(("最后",), r"最后(?:一)?(?:个|款|件|双|台|本|那个|这个)")
_RE_QUANTITY = (
    _Rule(_NUMBER_HINTS + ("couple",),
          rf"\b(?P<n>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple)\s+(?:of\s+"
          r"(?P<of>them|those|these|it|each|that|this)\b|more\b|units?\b|pieces?\b|pcs\b|copies\b|packs\b)"),
    _Rule(("x", "×"), r"(?:\b|(?<=\d))(?:x|×)\s*(?P<n>\d{1,2})\b|\b(?P<n2>\d{1,2})\s*(?:x|×)(?![a-z0-9])"),
    _Rule(("qty", "quantity"), r"\b(?:qty|quantity)\s*:?\s*(?P<n>\d{1,2})\b"),
    _Rule(("add", "take", "buy", "order", "get", "want"),
          r"\b(?:add|take|buy|order|get|want)\s+(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b"
          r"(?!\s*(?:st|nd|rd|th)\b)"),
    _Rule(tuple(_CN_NUMBERS) + tuple("0123456789"),
          r"(?<![第前后这那])(?P<n>[一二两三四五六七八九十]|\d{1,2})\s*(?:个|件|双|份|台|套|本|瓶|盒|只|条|支|把|张)(?!都)"),
)


def _number(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return _WORD_NUMBERS.get(word) or _CN_NUMBERS.get(word)


@dataclass
class _Refs:
    """Indexes found so far, and the spans they came from (to blank them before parsing)."""

    indexes: list[int] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    single_pronoun: bool = False  # "it"/"this one": resolved after everything explicit

    def add(self, indexes: Sequence[int], span: tuple[int, int], count: int) -> None:
        for i in indexes:
            i = i + count if i < 0 else i
            if 0 <= i < count and i not in self.indexes:
                self.indexes.append(i)
        self.spans.append(span)

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.spans)


def _find_references(text: str, *, count: int, prices: Sequence[float], focus: int | None,
                     quantity_spans: Sequence[tuple[int, int]], bare_numbers: bool) -> _Refs:
    """Indexes the message points at, most explicit first; bare numbers only count when comparing."""
    refs = _Refs(spans=list(quantity_spans))
    for m in _RE_FIRST_N.finditer(text):
        n = _number(m.group("n")) or 0
        first = m.group("end").lower() in ("first", "top")
        refs.add(range(n) if first else range(count - n, count), m.span(), count)
    for m in _RE_ZH_FIRST_N.finditer(text):
        n = _number(m.group("n")) or 0
        refs.add(range(n) if m.group("end") in ("前", "头") else range(count - n, count), m.span(), count)
    last_end = None
    for m in _RE_ORDINAL.finditer(text):
        if not refs.free(*m.span()):
            continue
        listed = last_end is not None and _RE_LIST_GAP.fullmatch(text[last_end:m.start()]) is not None
        if not (m.group("the") or m.group("noun") or m.group("digit") or m.group("pen") or listed):
            continue  # "first aid", "wait a second"
        if m.group("pen") or m.group(0).lower().startswith("penultimate"):
            index = -2
        elif m.group("digit"):
            index = int(m.group("digit")) - 1
        else:
            index = _ORDINALS[m.group("ord").lower()]
        refs.add([index], m.span(), count)
        last_end = m.end()
    for m in _RE_ZH_ORDINAL.finditer(text):
        if refs.free(*m.span()):
            refs.add([(_number(m.group("n")) or 0) - 1], m.span(), count)
    for m in _RE_ZH_LAST.finditer(text):
        if refs.free(*m.span()):
            refs.add([-1], m.span(), count)
    for m in _RE_NUMBERED.finditer(text):
        if refs.free(*m.span()):
            refs.add([(_number(m.group("n")) or 0) - 1], m.span(), count)
            last_end = m.end()
    if last_end is not None or bare_numbers:
        for m in _RE_BARE_NUMBER.finditer(text):
            listed = last_end is not None and _RE_LIST_GAP.fullmatch(text[last_end:m.start()]) is not None
            if refs.free(*m.span()) and (bare_numbers or listed):
                refs.add([int(m.group("n")) - 1], m.span(), count)
                last_end = m.end()
    if len(prices) == count and count:
        for m in _RE_CHEAPEST.finditer(text):
            pick = min if (m.group("lo") or m.group("zlo")) else max
            refs.add([pick(range(count), key=lambda i: prices[i])], m.span(), count)
    for m in _RE_BOTH.finditer(text):
        if refs.free(*m.span()):
            refs.add([0, 1] if count >= 2 else [], m.span(), count)
    for m in _RE_ALL.finditer(text):
        if refs.free(*m.span()):
            refs.add(range(count), m.span(), count)
    for m in _RE_SINGLE.finditer(text):
        if refs.free(*m.span()):
            refs.single_pronoun = True
            refs.spans.append(m.span())
    if refs.single_pronoun and not refs.indexes:
        if focus is not None and 0 <= focus < count:
            refs.indexes.append(focus)
        elif count == 1:
            refs.indexes.append(0)
    return refs


_TITLE_STOP = frozenset({"the", "and", "for", "with", "men", "women", "mens", "womens", "one", "new", "pro", "set",
                         "pack", "size", "color", "colour", "black", "white", "waterproof", "wireless"})


def _title_matches(text: str, titles: Sequence[str], vocab: Vocabulary) -> list[int]:
    """Shown products named by a word only their title has ("the Ridgeback", "the Sony one").

    Product-type, colour and material words do not count: "running shoes" asks for a kind of
    product even when only one shown title says "Running Shoe".
    """
    for kind, _, start, end in vocab.find(text):
        if kind != "brand":
            text = text[:start] + " " * (end - start) + text[end:]
    words_of = [{w for w in re.findall(r"[a-z0-9][a-z0-9'-]{2,}", t.lower())
                 if w not in _TITLE_STOP and vocab.kind(w) in (None, "brand")} for t in titles]
    bigrams_of = [{t[i:i + 2] for i in range(len(t) - 1) if _CJK.match(t[i]) and _CJK.match(t[i + 1])} for t in titles]
    said = set(re.findall(r"[a-z0-9][a-z0-9'-]{2,}", text.lower()))
    said_bigrams = {text[i:i + 2] for i in range(len(text) - 1)}
    found = []
    for i, (words, bigrams) in enumerate(zip(words_of, bigrams_of)):
        others = set().union(*(w for j, w in enumerate(words_of) if j != i))
        other_bigrams = set().union(*(b for j, b in enumerate(bigrams_of) if j != i))
        own_words = (words - others) & said
        own_bigrams = (bigrams - other_bigrams) & said_bigrams
        if any(not w.isdigit() for w in own_words) or len(own_bigrams) >= 2:
            found.append(i)
    return found


def _quantity(text: str) -> tuple[int, list[tuple[int, int]], bool]:
    """(quantity, spans, refers to a single pronoun): "two of them" -> (2, ..., True)."""
    for pattern in _RE_QUANTITY:
        m = pattern.search(text)
        if m is None:
            continue
        raw = m.groupdict().get("n") or m.groupdict().get("n2")
        n = _number(raw) if raw else None
        if n and 1 <= n <= 99:
            return n, [m.span()], bool(m.groupdict().get("of"))
    return 1, [], False


# -- topic, need words ------------------------------------------------------------------------------
def _asks(text: str) -> bool:
    """Phrased as a question: "?", an opening like "does"/"how", or a Chinese question word."""
    return (text.endswith(("?", "？")) or _QUESTION_START.match(text) is not None
            or (_CJK.search(text) is not None and _QUESTION_ZH.search(text) is not None))


def _only_ack(text: str) -> bool:
    """Nothing but "ok", "great", "好的" and punctuation."""
    return len(text) <= _ACK_MAX_CHARS and not _LEFTOVER.sub("", _ACK.sub(" ", text))


def _only_thanks(text: str) -> bool:
    return len(text) <= _ACK_MAX_CHARS and _THANKS.search(text) is not None and _only_ack(_THANKS.sub(" ", text))


def _topic(text: str) -> str | None:
    for name, rule in _TOPIC_RULES:
        if rule.search(text):
            return name
    return None


def _need_text(text: str) -> str:
    """The parsed need minus dialogue words: "what about trail runners instead" -> "trail runners"."""
    for pattern in (_CHEAPER, _PRICIER, _MORE):
        text = pattern.sub(" ", text)
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


def _content_words(text: str) -> list[str]:
    """Words that name a product or property, not dialogue glue or comparatives."""
    text = _COMPARATIVE.sub(" ", text)
    words = [w for w in re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower()) if w not in _STOPWORDS]
    cjk = [c for c in _CJK.findall(text) if c not in _CJK_PARTICLES]
    return words + ([''.join(cjk)] if len(cjk) >= 2 else [])


def _gibberish(word: str) -> bool:
    """Keyboard mash: no vowel, five consonants in a row, a run of one letter, or a keyboard row."""
    if not word.isascii() or not word.isalpha() or len(word) < 4:
        return False
    return (not re.search(r"[aeiouy]", word) or re.search(r"[^aeiouy]{5}", word) is not None
            or re.search(r"(.)\1\1", word) is not None
            or any(word in row for row in ("qwertyuiop", "asdfghjkl", "zxcvbnm")))


# -- the entry point --------------------------------------------------------------------------------
def understand(
    text: str,
    *,
    vocab: Vocabulary,
    shown: Sequence[str] = (),
    shown_titles: Sequence[str] = (),
    shown_prices: Sequence[float] = (),
    focus: int | None = None,
) -> Understanding:
    """Understand one shopper message.

    `shown` are the product ids of the last answer, in order; references index into it and are
    dropped when out of range. `shown_titles` lets "the Ridgeback" point at a product and
    `shown_prices` lets "the cheapest one" do so. `focus` is the index the shopper last singled out:
    a bare "it"/"that one" means it, else the only product shown, else nothing (ambiguous).
    `filters_delta` is set only for "search", "refine" and "question"; other acts carry none.

    The act is decided in a fixed order, most specific first, so one message never gets two:
    human, cart remove/add/show, greeting, thanks, compare, off-topic/smalltalk (only when no
    product type is named), question (a topic, asked about shown products), then search or refine
    by whether new product words remain, then a bare "the second one" as a question, else unclear.
    """
    raw = " ".join(text.split())
    language = "zh" if _CJK.search(raw) else "en"
    count = len(shown)

    def result(act: str, **kw: Any) -> Understanding:
        return Understanding(act=act, text=text, language=language, **kw)

    if not _MEANINGFUL.search(raw) or _HESITATION.match(raw):
        return result("unclear")
    if _HUMAN.search(raw):
        return result("human")

    quantity, quantity_spans, quantity_pronoun = _quantity(raw)
    is_compare = _COMPARE.search(raw) is not None
    refs = _find_references(raw, count=count, prices=shown_prices, focus=focus,
                            quantity_spans=quantity_spans, bare_numbers=is_compare)
    if quantity_pronoun and not refs.indexes:
        refs.indexes = [focus] if focus is not None and 0 <= focus < count else [0] if count == 1 else []
    references = refs.indexes

    def pointed(indexes: list[int]) -> list[int]:
        """Title words count only for acts about shown products: "not Trailmark" names no product."""
        if indexes or not shown_titles:
            return indexes
        return [i for i in _title_matches(raw, shown_titles[:count], vocab) if i < count]

    if _CART_REMOVE.search(raw):
        return result("cart_remove", references=pointed(references))
    if _CART_ADD.search(raw):
        return result("cart_add", references=pointed(references), quantity=quantity)
    if _CART_SHOW.search(raw):
        return result("cart_show")
    if _GREETING.match(raw):
        return result("greeting")
    if _only_thanks(raw):
        return result("thanks")
    if is_compare:
        references = pointed(references)
        if not references and (_RE_ALL.search(raw) or _WHICH_OF_THESE.search(raw)):
            references = list(range(count))
        return result("compare", references=references)

    blanked = raw
    for start, end in refs.spans:
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    parsed = parse_query(blanked, vocab=vocab)
    names_product = bool(parsed.filters.categories)
    if not names_product:
        if _OFF_TOPIC.search(raw):
            return result("off_topic")
        if _SMALLTALK.search(raw):
            return result("smalltalk")
        if _only_ack(raw):
            return result("smalltalk")  # "ok", "yes", "好的": acknowledgements

    delta = {f.name: getattr(parsed.filters, f.name) for f in fields(Filters)
             if getattr(parsed.filters, f.name) not in (None, (), {}, False)}
    excluded = {k: list(v) for k, v in parsed.excluded_attributes.items()}

    flags_text = parsed.text
    cheaper = _CHEAPER.search(flags_text) is not None
    pricier = _PRICIER.search(flags_text) is not None and not cheaper
    more = _MORE.search(flags_text) is not None

    singles_out = bool(references) or refs.single_pronoun
    asked = _asks(raw) and not (_REQUEST_OPENER.match(raw) and not references)
    asks = asked or (bool(references) and not (cheaper or pricier or more))
    topic = _topic(raw) if asks or singles_out else None
    if topic is None and singles_out:
        attributes = parsed.filters.attributes
        topic = "color" if "color" in attributes else "size" if "size" in attributes else None
    points_at_shown = singles_out or _POINTS_AT_SHOWN.search(raw) is not None
    if topic == "price" and (cheaper or pricier):
        topic = None  # "can you make it cheaper?" asks for other products, not about this price
    if topic and asks and (points_at_shown or (count and not names_product)
                           or not (count or names_product or parsed.filters.brands)):
        references = pointed(references)
        if not references and _WHICH_OF_THESE.search(raw):
            references = list(range(count))
        return result("question", references=references, question_topic=topic, filters_delta=delta,
                      excluded=excluded)

    if _DETAILS.search(raw):
        target = pointed(references)
        if target or refs.single_pronoun:
            return result("question", references=target, question_topic=topic or "other")
    about_shown = points_at_shown or _ABOUT_SHOWN_START.match(raw) is not None
    if asked and about_shown and count and not (names_product or delta or excluded or cheaper or pricier or more):
        return result("question", references=pointed(references), question_topic="other")  # "does it have a hood?"

    need = _need_text(parsed.text)
    comparative = _COMPARATIVE.search(need) is not None
    content = _content_words(need)
    if content and all(_gibberish(w) for w in content) and not (delta or excluded):
        return result("unclear")

    if content:
        refining = not names_product and (comparative or (len(content) <= 3 and _NARROWING.search(raw) is not None))
        return result("refine" if refining else "search", query_text=need, filters_delta=delta, excluded=excluded,
                      cheaper=cheaper, pricier=pricier, more=more, references=references)
    if delta or excluded or cheaper or pricier or more or comparative:
        return result("refine", query_text=need if comparative else "", filters_delta=delta, excluded=excluded,
                      cheaper=cheaper, pricier=pricier, more=more, references=references)
    if references:  # "the second one", "第二个": the shopper singles one out
        return result("question", references=references, question_topic=topic or "other")
    return result("unclear")


# -- preferences across turns -----------------------------------------------------------------------
_BUDGET_FIELDS = ("price_min", "price_max", "currency")


@dataclass(frozen=True)
class Preferences:
    """What the shopper is looking for so far: the need in words and the hard filters.

    Rules `apply` follows, in order (kept simple so a shopper can predict them):

    1. Only "search" and "refine" change preferences; questions, cart acts and chit-chat keep them.
    2. A "search" for the same need (one need's words contain the other's: "boots" ->
       "hiking boots") is treated as a refinement and the query becomes the new wording.
    3. A "search" for a different need starts fresh. It keeps the shopper-wide choices:
       excluded brands, "in stock" and a minimum rating. It keeps the budget too, unless both old
       and new needs name categories and they share none (a boot budget says nothing about
       tents). It drops brands, categories and attributes (colour, size and material belong to
       the old product). Whatever the new message says then applies on top.
    4. A "refine" merges the message into the current filters:
       - a stated budget replaces the whole old budget (both bounds);
       - named brands replace the brand choice and leave the exclusions; "not X" adds X to the
         exclusions (they accumulate) and removes it from the brand choice;
       - a named colour/size/material replaces that attribute; a ruled-out value ("not red")
         narrows the current choice ("red or black" -> black), or, when nothing would remain,
         takes the message's own value (every other colour);
       - categories, minimum rating and "in stock" replace or switch on;
       - extra need words ("bigger", "with a hood") are appended to the query.
    5. "cheaper" (no budget stated in the same message) sets price_max just below the cheapest
       product shown: min(last_prices) - 0.01, or 80% of it when that is under a cent; with no
       prices shown it lowers an existing cap by 20%. A floor at or above the new cap is dropped.
       "pricier" sets price_min just above the dearest shown (max + 0.01) and drops a cap at or
       below it; with no prices shown it raises an existing floor by 20%, or else lifts the cap.
       Both are ignored on a fresh search: prices of another kind of product are no yardstick.
    """

    query: str = ""
    filters: Filters = field(default_factory=Filters)

    def apply(self, u: Understanding, *, last_prices: Sequence[float] = ()) -> "Preferences":
        """The preferences after message `u`; `last_prices` are the prices of the products just shown."""
        if u.act == "search" and u.query_text and not _same_need(self.query, u.query_text):
            return Preferences(query=u.query_text, filters=_merge(self._carried_over(u), u))
        if u.act not in ("search", "refine"):
            return self
        query = u.query_text if u.act == "search" and u.query_text else _with_words(self.query, u.query_text)
        filters = _merge(self.filters, u)
        filters = _price_flags(filters, u, last_prices)
        return Preferences(query=query, filters=filters)

    def _carried_over(self, u: Understanding) -> Filters:
        old = self.filters
        keep_budget = not (old.categories and u.filters_delta.get("categories")
                           and not set(old.categories) & set(u.filters_delta["categories"]))
        budget = {k: getattr(old, k) for k in _BUDGET_FIELDS} if keep_budget else {}
        return Filters(exclude_brands=old.exclude_brands, in_stock=old.in_stock, min_rating=old.min_rating, **budget)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data for the session store."""
        return {"query": self.query, "filters": self.filters.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Preferences":
        """Inverse of `to_dict`; an empty or missing dict gives empty preferences."""
        data = data or {}
        return cls(query=data.get("query", "") or "", filters=Filters.from_any(data.get("filters")))


def _words(text: str) -> set[str]:
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in re.findall(r"[a-z0-9]+", text.lower())}


def _same_need(old: str, new: str) -> bool:
    if not old or not new:
        return not new
    if _CJK.search(old) or _CJK.search(new):
        return old in new or new in old
    a, b = _words(old), _words(new)
    return bool(a and b) and (a <= b or b <= a)


def _with_words(query: str, extra: str) -> str:
    if not extra:
        return query
    if _CJK.search(extra):
        return query if extra in query else f"{query} {extra}".strip()
    have = _words(query)
    new = [w for w in extra.split() if not _words(w) <= have]
    return " ".join([query, *new]).strip() if new else query


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def _single_or_list(values: list[str]) -> Any:
    return values[0] if len(values) == 1 else list(values)


def _merge(filters: Filters, u: Understanding) -> Filters:
    delta = u.filters_delta
    changes: dict[str, Any] = {}
    if "price_min" in delta or "price_max" in delta:
        changes.update({k: delta.get(k) for k in _BUDGET_FIELDS})
    if delta.get("categories"):
        changes["categories"] = tuple(delta["categories"])
    excluded = tuple(dict.fromkeys(filters.exclude_brands + tuple(delta.get("exclude_brands", ()))))
    brands = tuple(delta["brands"]) if delta.get("brands") else filters.brands
    named = {b.lower() for b in delta.get("brands", ())}
    changes["exclude_brands"] = tuple(b for b in excluded if b.lower() not in named)
    dropped = {b.lower() for b in changes["exclude_brands"]}
    changes["brands"] = tuple(b for b in brands if b.lower() not in dropped)
    if delta.get("min_rating") is not None:
        changes["min_rating"] = delta["min_rating"]
    if delta.get("in_stock"):
        changes["in_stock"] = True
    attributes = dict(filters.attributes)
    for name, value in delta.get("attributes", {}).items():
        current = _as_list(attributes.get(name))
        if name in u.excluded and current:
            kept = [v for v in current if v in _as_list(value)]
            attributes[name] = _single_or_list(kept) if kept else value
        else:
            attributes[name] = value
    for name, ruled_out in u.excluded.items():
        if name not in delta.get("attributes", {}) and name in attributes:
            kept = [v for v in _as_list(attributes[name]) if v.lower() not in {r.lower() for r in ruled_out}]
            if kept:
                attributes[name] = _single_or_list(kept)
            else:
                del attributes[name]
    changes["attributes"] = attributes
    return filters.merged(**changes)


def _price_flags(filters: Filters, u: Understanding, last_prices: Sequence[float]) -> Filters:
    prices = [float(p) for p in last_prices if p is not None and p > 0]
    if u.cheaper and "price_max" not in u.filters_delta:
        if prices:
            lowest = min(prices)
            cap = round(lowest - 0.01, 2) if lowest >= 0.02 else round(lowest * 0.8, 2)
        elif filters.price_max is not None:
            cap = round(filters.price_max * 0.8, 2)
        else:
            return filters
        floor = filters.price_min if filters.price_min is not None and filters.price_min < cap else None
        return filters.merged(price_max=cap, price_min=floor)
    if u.pricier and "price_min" not in u.filters_delta:
        if prices:
            floor = round(max(prices) + 0.01, 2)
        elif filters.price_min is not None:
            floor = round(filters.price_min * 1.2, 2)
        else:
            return filters.merged(price_max=None)
        cap = filters.price_max if filters.price_max is not None and filters.price_max > floor else None
        return filters.merged(price_min=floor, price_max=cap)
    return filters
