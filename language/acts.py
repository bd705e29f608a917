"""What kind of thing a message does: ask for a person, change the cart, greet, thank, chat, compare,
ask, or shop; and the refinement words ("cheaper", "more", "bigger").

Patterns only; `understand` decides the act from them in a fixed order. English and Chinese.
"""
from __future__ import annotations

import re

from language.cjk import CJK, MEASURE
from language.numbers import CN_DIGIT
from language.patterns import Rule

# Customer service without a product (language/service.py): "policy" asks how the shop works ("what
# payment methods do you take", "I can't log in", "怎么修改收货地址"); "order_problem" is about an order
# already placed ("cancel my order", "I want my money back", "我要开发票"). Same labels as the learned
# act classifier (assistant/intent/act_data.py), so its guesses map one to one.
ACTS = ("search", "refine", "question", "compare", "cart_add", "cart_remove", "cart_show", "human",
        "greeting", "thanks", "smalltalk", "off_topic", "unclear", "policy", "order_problem")

MEANINGFUL = re.compile(r"[a-z0-9\u3400-\u9fff]", re.IGNORECASE)
_BAG = r"(?:my\s+|the\s+)?(?:shopping\s+)?(?:cart|basket|trolley|bag)\b"
CART_REMOVE = Rule(
    ("remove", "delete", "drop", "take", "empty", "clear", "want", "删", "移除", "去掉", "拿掉", "拿出", "清空", "不要了"),
    r"\b(?:remove|delete|drop|take)\b.*\b(?:from|out\s+of)\s+" + _BAG,
    r"^\s*(?:(?:actually|ok|okay|oh|hmm|no|nah|wait|and|then|also)[\s,]+)*(?:please\s+)?(?:remove|delete)\s+"
    r"(?:it|this|that|them|these|those|both|the\s|#|number|item|one|all)",
    r"\b(?:empty|clear)\s+(?:out\s+)?(?:my\s+|the\s+)?(?:shopping\s+)?(?:cart|basket|trolley)\b",
    r"\bdon'?t\s+want\s+(?:it|this|that|them|the\s+\w+(?:\s+one)?)\s+any\s*more\b",
    r"(?:从|把).{0,12}购物车.{0,6}(?:删除|删掉|移除|去掉|拿掉|拿出)|(?:删除|删掉|移除|去掉|拿掉)(?:这|那|它|第|购物车)",
    r"购物车.{0,6}(?:删除|删掉|移除|去掉)|清空购物车|(?:这|那|它|第.{1,2})" + MEASURE + "?不要了",
    # "take the phone case out", "把耳机删掉": a named line out of the cart
    r"^\s*(?:(?:actually|ok|okay|oh|hmm|no|nah|wait|and|then|also)[\s,]+)*(?:please\s+)?take\s+(?:the|that|this|those"
    r"|these|my)\s+[\w\s'-]{1,40}?\s+out\b",
    r"把.{1,12}(?:删除|删掉|移除|去掉|拿掉)",
)
_OBJECT = (r"(?:(?:it|this|that)\b(?!\s+in\s)|them\b|these\b|those\b|both\b|one\s+of|the\s+(?:first|second|third|"
           r"fourth|fifth|last|cheapest|\d)|(?:\d+|two|three|four|five|a\s+couple)\s+(?:of|more)\b|#\s*\d|number\s+\d"
           r"|option\s+\d|(?:\d{1,2}|two|three|four|five)\b)")
_PUT = r"(?:add|put|throw|pop|place|stick|chuck|bung|toss|shove|slap|drop|load|whack|stuff|get)"
CART_ADD = Rule(
    ("add", "put", "throw", "pop", "place", "stick", "chuck", "bung", "toss", "shove", "slap", "drop", "load",
     "whack", "stuff", "take", "buy", "order", "purchase", "grab", "get", "have", "go with", "go for", "as well",
     "too", "like", "want", "give", "gimme", "购物车", "加购", "下单", "我要了", "就它了", "就这个", "买", "要", "拍", "来", "拿"),
    r"\b" + _PUT + r"\b.*\b(?:to|in|into|onto|in\s+to)\s+" + _BAG,
    r"^\s*(?:(?:great|ok|okay|cool|nice|perfect|awesome|alright|sure|yes|yeah|yep|thanks|thank\s+you|then|and)[\s,!.]+)*"
    r"(?:please\s+)?(?:add|put)\s+(?:it|this|that|them|these|those|both|the\s+\w+|#\s*\d|number|item|one|\d"
    r"|two|three|a\s+couple)",
    r"\b(?:i'?ll|i\s+will|i'?d\s+like\s+to|i\s+would\s+like\s+to|i\s+want\s+to|let\s+me|i\s+wanna|gonna|can\s+i"
    r"|could\s+i|i'?m\s+going\s+to|i'?ll\s+go\s+with)\s+(?:take|buy|order|purchase|grab|get|have)\s+" + _OBJECT,
    r"^\s*(?:please\s+)?(?:buy|order|purchase)\s+" + _OBJECT,
    r"\b(?:i'?ll|i\s+will|i'?m\s+going\s+to|let'?s)\s+go\s+(?:with|for)\s+" + _OBJECT,
    r"\b(?:make|place)\s+(?:an?\s+)?order\b",
    # "I'd like 2 of those", "give me a couple of them": a number of what is shown is a purchase
    r"\b(?:i'?d\s+like|i\s+would\s+like|i\s+want|i'?ll\s+have|give\s+me|gimme|can\s+i\s+(?:get|have))\s+"
    r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|a\s+couple)\s+of\s+(?:them|those|these|that|it)\b",
    # "that one as well", "and this one too": another pick, like the one before
    r"^\W*(?:and\s+)?(?:(?:that|this|the\s+\w+)\s+one|that|this|it|them|those|these|both)\s+(?:as\s+well|too)\W*$",
    r"加入购物车|加到购物车|加进购物车|放进购物车|放入购物车|放到购物车|放购物车|装进购物车|加购物车|加购|下单|我要了|就它了|就这个|买了"
    r"|(?:我要|我买|就买|买|要|就要|拍)(?:这|那|它|第)|(?:这|那|它)(?:一)?" + MEASURE + "?也(?:要|买|来)"
    # "买两件", "给我来两个" name no product, so they take the one in focus; "买一双登山鞋" is a search
    r"|(?:买|来|要|拿)\s*(?:" + CN_DIGIT + r"|\d){1,2}\s*" + MEASURE + r"(?=\s*[吧了啊呀吗]?\s*[。！!，,]?\s*$)"
    # "加两个到购物车", "放3件进购物车": a number of what is on screen into the cart
    r"|(?:加|放|装)\s*(?:" + CN_DIGIT + r"|\d){1,2}\s*" + MEASURE + r"?\s*(?:到|进|入)\s*购物车"
    # "加一个登山包到购物车", "把耳机放进购物车": a named product into the cart
    r"|(?:加|放|装|把).{1,16}?(?:加|放|装)?(?:到|进|入)\s*购物车",
)
# "make it 3", "actually just 1", "改成两个": the quantity of the line in the cart, not one more.
SET_QUANTITY = Rule(
    ("make", "change", "just", "only", "改成", "改为", "只要"),
    r"^\W*(?:(?:actually|ok|okay|no|nah|hmm|wait|oh|sorry|then)[\s,]+)*(?:make\s+(?:it|that|them|this)"
    r"|change\s+(?:it|that|the\s+quantity)\s+to|(?:i\s+)?(?:just|only)(?:\s+(?:want|need))?)\s+"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?:\s+(?:please|pls|of\s+(?:them|those|it)|instead|then))?\W*$",
    r"(?:改成|改为|只要)\s*(?P<zn>" + CN_DIGIT + r"{1,2}|\d{1,2})\s*" + MEASURE + r"?(?:就行|就好|吧)?\W*$",
)
# "then I will buy the Senston racquet", "I'll go for the Pixel": a cart add when the words name a shown product.
CART_NAMED = Rule(
    ("i'll", "i will", "i would", "i'd", "i want", "let me", "gonna", "going to", "i'm taking", "i take"),
    r"\b(?:i'?ll|i\s+will|i'?d\s+like\s+to|i\s+would\s+like\s+to|i\s+want\s+to|let\s+me|gonna|i'?m\s+going\s+to)"
    r"\s+(?:definitely\s+|probably\s+|just\s+)?(?:take|buy|order|purchase|grab|get|have|go\s+(?:with|for))\b",
    r"\bi'?m\s+taking\b|\bi\s+take\b",
)
# "Chuck it in the basket", "我想买跑鞋": with a product named, 买/要 is a search, not a cart add; only
# pointing at what is shown ("买第二个", "就这个") or a cart word ("加入购物车") adds.
CART_SHOW = Rule(
    ("cart", "basket", "trolley", "bag", "check", "total", "together", "damage", "owe", "购物车", "结算", "结账",
     "总价", "多少钱", "买单", "一共", "总共", "合计", "总计", "加起来"),
    r"\b(?:what'?s|what\s+is|whats)\s+in\s+(?:my|the)\s+(?:shopping\s+)?(?:cart|basket|bag|trolley)\b",
    r"\b(?:show|view|see|open|check|display|review)\s+(?:me\s+)?(?:my\s+|the\s+)?(?:shopping\s+)?(?:cart|basket"
    r"|trolley)\b",
    r"\bcheck\s*out\b|\b(?:cart|basket|order)\s+(?:total|summary)\b|\bmy\s+total\b|\b(?:grand\s+)?total\s+so\s+far\b",
    r"\bhow\s+much\s+(?:is|does)\s+(?:my|the)\s+(?:cart|basket|total|order)\b",
    r"\bhow\s+much\s+(?:(?:is|are|does|will|would|do)\s+)?(?:it|that|this|everything|they|them|all\s+of\s+(?:it|them|that)"
    r"|the\s+lot|i\s+owe)?\s*(?:all\s+)?(?:come\s+to\s+)?(?:cost\s+)?(?:all\s+)?(?:together|altogether|in\s+total)\b",
    r"\bwhat'?s\s+the\s+damage\b|\bwhat\s+do\s+i\s+owe\b|\bhow\s+much\s+do\s+i\s+owe\b|\bwhat'?s\s+the\s+total\b"
    r"|\b(?:makes?|bring|brings|comes?\s+to)\s+the\s+total\b|\bthe\s+total\s+(?:cost|price|amount)\b",
    r"^\s*(?:my\s+)?(?:shopping\s+)?(?:cart|basket)\s*[?!.]*\s*$",
    r"购物车|结算|结账|总价|(?:一共|总共|合计|总计|加起来)(?:是|要|需要)?多少|买单",
)
GREETING = re.compile(
    r"^\s*(?:(?:(?:hi|hello|hey|hiya|heya|howdy|yo|hei|hallo|hola|greetings|g'?day|morning|evening|afternoon"
    r"|good\s+(?:morning|afternoon|evening|day))(?:\s+(?:hi|hey|hei|hello|there|aisle|team|everyone|all|again|folks"
    r"|guys|friend|mate|you))*(?:[\s,!.?]+(?:(?:is\s+)?(?:anyone|anybody|somebody)|you)\s+(?:there|around|home|here)\??)?"
    r"|(?:你好|您好|嗨|哈喽|哈啰|早上好|下午好|晚上好|早安|在吗|在不在|有人吗)(?:呀|啊|哇|吖|哈|呢|~)*)[\W_]*)+$",
    re.IGNORECASE,
)
THANKS = Rule(("thank", "thx", "ty", "cheers", "appreciate", "ta", "obliged", "thnx", "thanx", "tks", "tq",
               "gracias", "merci", "danke", "谢", "3q"),
              r"\b(?:thanks|thank\s+(?:you|u)|thx|thnx|thanx|tks|tq|ty|tysm|tyvm|ta|cheers|much\s+appreciated"
              r"|appreciate\s+it|appreciated|(?:much\s+)?obliged|gracias|merci|danke)\b",
              r"谢谢|多谢|感谢|谢啦|谢了|3q")
# Words that make up "ok", "that sounds great", "no problem", "好的": replies that ask for nothing.
_ACK = re.compile(
    r"\b(?:(?:good|great|nice)\s+(?:idea|deal|choice)|ok(?:ay)?|great|cool|perfect|awesome|nice|good|brilliant"
    r"|lovely|fine|alright|all\s+right|got\s+it"
    r"|amazing|wonderful|excellent|interesting|helpful|fair|true|right|exactly|indeed|of\s+course|definitely"
    r"|so\s+much|very\s+much|a\s+lot|absolutely|totally|really|very|quite|so|too|also|wow|o+h+|a+h+|aha|hm+|haha|lol"
    r"|i\s+see|bingo|nah|anyway|anyways|mate|buddy|pal|heaps|loads|a\s+(?:bunch|ton|million)|dear|friend|guys|x+|xo+"
    r"|no\s+(?:problem|worries)"
    r"|that\s+(?:helps|works|would\s+work)|that(?:'?s|\s+is)?|it(?:'?s|\s+is)|this\s+is|sounds?|looks?|seems?"
    r"|(?:that'?s\s+)?all|it|bye|goodbye|see\s+you|again|for\s+(?:the|your|you)\s+"
    r"(?:help|kindness|time)|for\s+helping|you\s+too|same\s+to\s+you|yes|yeah|yep|sure|no|nope|please|you|a|an|the)\b"
    r"|好的|太好了|辛苦了|嗯+|好|行|明白了|知道了|没问题|不错|可以|你|您|啦|了|哦|呢|吧|拜拜|再见",
    re.IGNORECASE,
)
HESITATION = re.compile(r"\s*(?:h+m+|u+m+|u+h+|e+r+m*|额+|呃+)[\s.!?…]*$", re.IGNORECASE)
_ACK_MAX_CHARS = 60  # acknowledgements are short; longer messages skip the (costly) check
_LEFTOVER = re.compile(r"[\W_]+")  # punctuation and emoji
SMALLTALK = Rule(
    ("who", "what", "are you", "how", "bye", "see you", "nice to meet", "you", "service", "experience", "support",
     "is this", "你", "再见", "拜拜", "怎么样", "在吗", "好吗", "忙吗", "吃了"),
    r"\b(?:who|what)\s+are\s+you\b|\bare\s+you\s+(?:a\s+)?(?:bot|robot|human|real|an?\s+ai|ai|person|machine)\b",
    r"^\W*is\s+(?:this|it)\s+(?:\w+\s+)?(?:a\s+)?(?:real\s+)?(?:human|person|bot|robot|machine|ai)\b",
    r"\bwhat(?:'s|\s+is)\s+your\s+name\b|\bhow\s+are\s+you\b|\bhow'?s\s+it\s+going\b|\bwhat\s+can\s+you\s+do\b",
    r"^\s*(?:good)?bye\b|\bsee\s+you\b|\bnice\s+to\s+meet\s+you\b|\byou'?re\s+(?:great|awesome|funny|useless|stupid)\b",
    # feedback on the service, no request: "Professional service.", "worst experience ever"
    r"^\W*(?:(?:simply|just|really|very|truly|such\s+an?|the)\s+)?(?:awesome|amazing|great|excellent|professional"
    r"|terrible"
    r"|awful|horrible|worst|best|bad|poor|good|friendly|helpful|useless|fantastic)\s+(?:service|experience|support|help"
    r"|chat|bot|assistant)(?:\s+ever)?\W*$",
    r"你是谁|你叫什么|你是机器人|你是真人|你好吗|你能做什么|再见|拜拜",
    r"^\W*(?:最近|今天|这几天)?(?:怎么样|过得怎么样|还好吗|好吗|忙吗)\W*$|^\W*在吗\W*$|吃了吗|最近怎么样",
)
OFF_TOPIC = Rule(
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
COMPARE = Rule(
    ("compar", "vs", "versus", "differen", "which", "how do", "than", "对比", "比较", "哪", "区别", "不同", "差别",
     "比"),
    r"\bcompare\b|\bcomparison\b|\b(?:vs\.?|versus)\s|\b(?:differences?)\s+between\b|\bwhat'?s\s+the\s+difference\b",
    r"\bwhich\s+(?:one\s+|of\s+(?:these|those|them|the\s+\w+)\s+)?(?:is|would|should|do|does|has|'s)\b.*\b(?:better"
    r"|best|recommend|cheaper|lighter|heavier|bigger|smaller|warmer|longer|quieter|more|less)\b",
    r"\bwhich\s+(?:one\s+)?(?:should|would)\s+(?:i|you)\b|\bwhich\s+(?:do|would)\s+you\s+recommend\b",
    r"\bhow\s+do\s+(?:they|these|those|the\s+\w+)\s+compare\b",
    r"\b(?:better|cheaper|lighter|heavier|bigger|smaller|warmer)\s+than\s+(?:the\s+)?(?:first|second|third|other|last"
    r"|#?\d|one)\b",
    r"对比|比较(?:一下|下)|比较(?:这|那|它|第|前)|哪个好|哪个更|哪款好|哪款更|区别|有什么不同|差别|选哪个|推荐哪个|哪个值得",
    # "跟第二个比一下", "和它比比": set against another card
    r"(?:跟|和|与)\s*(?:第|这|那|它|前|后|最)[^，。,.!?？！]{0,6}?(?:比一下|比一比|比比|比下|相比|比较)",
)
WHICH_OF_THESE = Rule(("which", "哪"), r"\bwhich\s+(?:one|ones|of\s+(?:these|those|them))\b", r"哪个|哪款|哪一个|哪一款")
QUESTION_START = re.compile(
    r"\s*(?:does|do|is|are|can|could|will|would|how|what|what'?s|whats|which|where|when|why|who|has|have|should"
    r"|tell\s+me|any\s+idea)\b", re.IGNORECASE)
QUESTION_ZH = Rule(("吗", "么", "呢", "多", "怎", "如何", "几", "是不是", "有没有", "能不能", "可不可以", "可以", "什么", "哪"),
                     r"吗|么|呢|多少|多久|怎么样|怎样|如何|几|是不是|有没有|能不能|可不可以|可以吗|什么|哪|多[重大长宽高厚]")
DETAILS = Rule(("tell me", "more", "details", "what about", "how about", "describe", "详细", "介绍", "说说", "讲讲",
                  "怎么样"),
                 r"\b(?:tell\s+me\s+(?:more\s+)?about|more\s+(?:details|info|information)\s+(?:on|about)|details\s+"
                 r"(?:on|of|about)|what\s+about|how\s+about|describe)\b",
                 r"^\W*(?:tell\s+me\s+more|more\s+(?:details|info))\W*$",
                 r"详细|介绍一下|介绍下|说说|讲讲|怎么样")
# Asking for products without saying which: "any recommendations?", "what do you have?", "有什么推荐".
ASKS_FOR_PRODUCTS = Rule(
    ("recommend", "suggest", "idea", "pick", "have", "got", "any", "推荐", "有什么", "有哪些"),
    r"\b(?:any|some|your)\s+(?:recommendations?|suggestions?|ideas?|picks?)\b|\brecommend\s+(?:me\s+)?(?:something"
    r"|anything)\b|\bwhat\s+(?:else\s+)?(?:do\s+you\s+have|have\s+you\s+got|can\s+you\s+(?:recommend|suggest|offer))\b"
    r"|^\W*(?:(?:do|did)\s+you\s+have|have\s+you\s+got|got)\s+any(?:thing)?\W*$|\bwhat\s+(?:would|do)\s+you\s+"
    r"(?:recommend|suggest)\b",
    r"推荐(?:一下|下)?\W*$|有什么推荐|有哪些推荐|有什么好的",
)
# "Do you have ...", "有没有 ...": asking for products, not about the ones shown (unless "do you have it ...").
# "I need ...", "I'm looking for ...": a new need in the shopper's words, never a narrowing of the last one.
_NEED = (r"(?:(?:hello|hi|hey)[\s,!]*)?i(?:'?m|\s+am)?\s+(?:need|want|would\s+like|'d\s+like|looking\s+for"
         r"|searching\s+for)"
         r"(?!\s+to\s+(?:know|ask|check|see\s+if|find\s+out))")
NEED_OPENER = re.compile(r"\s*" + _NEED, re.IGNORECASE)
REQUEST_OPENER = re.compile(r"\s*(?:(?:do|does)\s+(?:you|u|aisle)\s+(?:also\s+|even\s+|still\s+)?(?:have|sell|carry|stock|do)|have\s+you\s+got"
                            r"|got\s+any|is\s+there|are\s+there|any\b|有没有|有什么|有卖|有哪些|(?:can|could|would)\s+you"
                            r"\s+(?:please\s+)?(?:help\s+me\s+)?(?:find|show|get|recommend|suggest)|" + _NEED + ")"
                            r"(?!\s+(?:it|this|that|them|these|those)\b)", re.IGNORECASE)
ABOUT_SHOWN_START = re.compile(r"\s*(?:and\s+)?(?:what(?:'s|\s+is|\s+are)\s+(?:the|its|their)|how\s+(?:is|are)\s+the"
                                r"|tell\s+me\s+about\s+the)\b", re.IGNORECASE)
POINTS_AT_SHOWN = Rule(("it", "this", "that", "they", "them", "these", "those", "它", "这", "那"),
                         r"\b(?:it|its|it's|this|that|they|them|these|those)\b",
                         r"它|这个|那个|这款|那款|这双|那双|这件|那件")


CHEAPER = Rule(
    ("cheap", "less", "afford", "lower", "too", "budget", "便宜", "太贵", "实惠", "价格低", "低价", "划算"),
    r"\bcheap(?:er|est)\b|\bless\s+(?:expensive|pricey|costly)\b|\bmore\s+affordable\b",
    r"\blower[\s-](?:price[ds]?|cost)\b",
    r"\btoo\s+(?:expensive|pricey|much|dear)\b|\bover\s+(?:my\s+)?budget\b|\bbudget[\s-]friendly\b",
    r"\bon\s+a\s+(?:tight\s+)?budget\b|\bbudget\s+is\s+(?:a\s+bit\s+|quite\s+|very\s+|pretty\s+)?tight\b",
    r"便宜(?:点|一点|些|一些)|更便宜|最便宜|太贵|实惠(?:点|一点|些)|价格低|低价|划算(?:点|一点)",
)
PRICIER = Rule(
    ("more", "most", "pric", "high", "quality", "fancier", "top", "premium", "better", "贵", "高端", "质量", "好一点",
     "更好", "档次"),
    r"\b(?:more|most)\s+(?:premium|expensive|upscale|luxurious|high[\s-]end)\b|\bpricie(?:r|st)\b",
    r"\bhigh(?:er)?[\s-]end\b",
    r"\b(?:better|higher|top)\s+quality\b|\bfancier\b|\btop[\s-]of[\s-]the[\s-]line\b|\bpremium\b",
    r"\bsomething\s+better\b|\bbetter\s+ones?\b",
    r"贵一点|贵点|更贵|最贵|更高端|高端|质量更好|好一点的|更好的|档次高",
)
MORE = Rule(
    ("more", "other", "else", "different", "next", "similar", "load", "see", "更多", "还有", "换一批", "其他", "别的",
     "再", "类似", "相似"),
    r"\bshow\s+(?:me\s+)?(?:some\s+)?more\b|\bmore\s+(?:options|results|choices|products|suggestions|like)\b",
    r"\b(?:see|load)\s+more\b|\bother\s+(?:options|ones|choices|results|products|suggestions|recommendations|models|items)\b",
    r"\bany(?:thing)?\s+(?:else|others?)\b|\bwhat\s+else\b|\bsomething\s+else\b|\bdifferent\s+ones\b",
    r"\bnext\s+(?:page|ones|few|results)\b|\bmore\s+please\b|\bothers\b|\bsimilar(?:\s+ones)?\b",
    r"^\s*(?:some\s+)?(?:more|next|else|others?)\s*[?!.]*\s*$",
    r"更多|还有(?:别|其他|吗|没有)|换一批|其他|别的|再来(?:几|一些)|再看看|类似|相似",
)
_COMPARATIVE_WORDS = frozenset((
    "bigger smaller larger lighter heavier warmer cooler longer shorter thinner thicker wider narrower softer harder "
    "firmer quieter louder faster slower newer simpler sturdier stronger brighter darker comfier roomier tougher "
    "lighter-weight").split())
COMPARATIVE = Rule(
    tuple(_COMPARATIVE_WORDS) + ("more ", "less ", "更", "再", "点", "些"),
    r"\b(?:" + "|".join(sorted(_COMPARATIVE_WORDS, key=len, reverse=True)) + r")\b",
    r"\b(?:more|less)\s+[a-z]+(?:able|ful|ive|ant|ent|ous|al|ic|y|ed|ing|proof)\b",
    r"(?:更|再)[大小轻重薄厚暖长短宽窄软硬静快新亮]|[大小轻重薄厚暖长短宽窄软硬静快新亮](?:一点|一些|点|些)",
)
# Refining the current results rather than asking for something new: "waterproof ones", "只要防水的".
# "any from a different brand?", "别的牌子的呢": the same kind of product, not by the brands on screen.
OTHER_BRAND = re.compile(r"\b(?:different|other|another|else)\s+(?:brands?|makers?|manufacturers?|makes|labels?)\b"
                         r"|\bbrands?\s+other\s+than\s+(?:this|that|these|those|it|them)\b"
                         r"|(?:别的|其他|其它|换个|换一个|不同的?|另外的?)(?:牌子|品牌)", re.IGNORECASE)
# "also a tripod", "and a ring light?", "plus some socks": one more thing to buy, not a narrower list.
ANOTHER_THING = re.compile(r"^\W*(?:and|also|plus|oh\s+and)\s+(?:also\s+)?(?:an?|some)\s+(?!bit\b|little\b)[a-z]"
                           r"|^\W*(?:do|does)\s+(?:you|u)\s+(?:also\s+)?(?:have|sell|carry|stock)\s+(?!any\b|it\b|them\b|ones?\b"
                           r"|those\b|these\b|that\b|this\b)[a-z][a-z -]{1,30}\s+(?:too|as\s+well)\W*$"
                           r"|\b(?:also|too|as\s+well)\b.{0,30}\b(?:need|want|get|buy|have)\s+(?:an?|some)\s+[a-z]"
                           r"|\b(?:need|want|get|buy)\s+(?:an?|some)\s+[a-z][a-z -]{1,30}\s+(?:too|as\s+well)\b",
                           re.IGNORECASE)
NARROWING = Rule(
    ("one", "only", "just", "also", "too", "any", "those", "these", "them", "in", "with", "from", "and", "but",
     "maybe", "prefer", "的", "只要", "换成", "改成"),
    r"\b(?:ones?|only|just|also|too|any|those|these|them)\b",
    r"^\s*(?:in|with|without|from|and|but|maybe|preferably)\b",
    r"的\s*[吗呢吧？?。！!]*\s*$|只要|换成|改成",
)


def is_question(text: str) -> bool:
    """Phrased as a question: "?", an opening like "does"/"how", or a Chinese question word."""
    return (text.endswith(("?", "？")) or QUESTION_START.match(text) is not None
            or (CJK.search(text) is not None and QUESTION_ZH.search(text) is not None))


def only_ack(text: str) -> bool:
    """Nothing but "ok", "great", "好的" and punctuation."""
    return len(text) <= _ACK_MAX_CHARS and not _LEFTOVER.sub("", _ACK.sub(" ", text))


def only_thanks(text: str) -> bool:
    """Thanks and nothing else that asks for something: "thanks a lot!", "谢谢"."""
    return len(text) <= _ACK_MAX_CHARS and THANKS.search(text) is not None and only_ack(THANKS.sub(" ", text))


def gibberish(word: str) -> bool:
    """Keyboard mash: no vowel, five consonants in a row, a run of one letter, or a keyboard row."""
    if not word.isascii() or not word.isalpha() or len(word) < 4:
        return False
    return (not re.search(r"[aeiouy]", word) or re.search(r"[^aeiouy]{5}", word) is not None
            or re.search(r"(.)\1\1", word) is not None
            or any(word in row for row in ("qwertyuiop", "asdfghjkl", "zxcvbnm")))
