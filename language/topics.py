"""What a question about a product is about: warranty, weight, reviews, size, shipping, ... ("保修多久")."""
from __future__ import annotations

from language.patterns import Rule

__all__ = ["TOPICS", "TOPIC_RULES", "topic"]

TOPICS = ("warranty", "weight", "reviews", "size", "color", "material", "battery", "shipping", "returns",
          "stock", "price", "dimensions", "waterproof", "other")

TOPIC_RULES: tuple[tuple[str, Rule], ...] = tuple((name, Rule(triggers, pattern)) for name, triggers, pattern in (
    ("warranty", ("warrant", "guarantee", "保修", "质保", "三包"), r"warrant|guarantee|保修|质保|三包"),
    ("returns", ("return", "refund", "exchange", "back", "退", "换货"),
     r"\breturn(?:s|ed|able|ing)?\b|refund|exchange|send\s+(?:it|them)\s+back|money[\s-]back|退货|退款|换货|退换"
     r"|(?:能|可以|可|能不能|可不可以)退(?!出|休|役|烧)|退(?:吗|么|不了|得了)"),
    ("shipping", ("ship", "deliver", "arriv", "postage", "dispatch", "发货", "快递", "运费", "包邮", "配送", "物流",
                  "到货"),
     r"\bship(?:s|ping|ped)?\b|deliver|arriv|postage|dispatch|发货|快递|运费|包邮|配送|物流|到货"),
    ("reviews", ("review", "rating", "rated", "say", "feedback", "opinion", "评", "口碑", "买家"),
     r"review|rating|\brated\b|people\s+say|customers?\s+say|others?\s+say|buyers?\s+say|feedback|opinions?"
     r"|评价|评论|口碑|好评|差评|评分|买家"),
    ("battery", ("batter", "charg", "runtime", "run time", "电池", "续航", "充电", "电量", "待机"),
     r"batter|charg(?!er)|runtime|run\s+time|电池|续航|充电(?!器)|电量|待机"),
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



def topic(text: str) -> str | None:
    """The first topic whose words the message uses, in `TOPIC_RULES` order; None when none does."""
    for name, rule in TOPIC_RULES:
        if rule.search(text):
            return name
    return None
