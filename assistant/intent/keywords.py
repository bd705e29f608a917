"""A hand-written keyword scorer: the baseline the trained head must beat, and the Chinese path.

MiniLM is English-only, so for text that is mostly Chinese the scorer uses these rules instead of
the embedding head. All weights here are hand-set, not learned; the bench reports how they do.
"""
from __future__ import annotations

import math
import re

# (pattern, weight): positive = buying cue, negative = not-buying cue. Checked case-insensitively.
_EN_RULES: tuple[tuple[str, float], ...] = (
    (r"\b(buy|buying|purchase|purchasing)\b", 1.5),
    (r"\b(add|put)\b.{0,30}\b(cart|basket|bag|order)\b", 2.0),
    (r"\b(check ?out|pay now|place (the|my|an) order|complete (my|the) (order|purchase))\b", 2.0),
    (r"\bi('ll| will)? (take|get|go with|go for)\b", 1.5),
    (r"\b(order (it|them|this|that|one|two)|to order|like to order|reorder)\b", 1.5),
    (r"\b(how much|price|cost|costs|discount|coupon|promo)\b", 0.8),
    (r"\b(ship|shipping|deliver|delivery|arrive)\b", 0.7),
    (r"\b(in stock|available|availability)\b", 0.7),
    (r"\b(size|sizes|fit|colou?r)\b", 0.6),
    (r"\b(looking for|i need|i want|i'd like|i would like|searching for)\b", 0.9),
    (r"\b(budget|under \$?\d+|less than \$?\d+)\b", 0.6),
    (r"\b(just (looking|browsing|curious)|browsing|window shopping|not (buying|shopping))\b", -2.5),
    (r"\b(refund|return(ed|ing)?|exchange|cancel|replacement|money back|charged)\b", -1.5),
    (r"\b(my|the) (order|package|parcel|delivery)\b", -1.2),
    (r"\b(track|tracking|where is my)\b", -1.2),
    (r"\b(password|log ?in|account|unsubscribe|email address)\b", -1.5),
    (r"^\W*(hi|hello|hey|yo|thanks|thank you|ok|okay|bye|lol|cool)\W*$", -1.0),
    (r"\b(weather|joke|poem|homework|recipe|movie)\b", -1.5),
)
_ZH_RULES: tuple[tuple[str, float], ...] = (
    (r"买|购买|下单|订购|要了|拍下", 1.5),
    (r"加入购物车|加购|购物车|结账|结算|付款|支付", 2.0),
    (r"多少钱|价格|价钱|优惠|折扣|打折|便宜", 0.8),
    (r"包邮|运费|发货|配送|送到|几天到|快递到", 0.7),
    (r"有货|库存|现货|有没有", 0.7),
    (r"尺码|尺寸|码|颜色|大小|型号", 0.6),
    (r"想要|需要|找一|推荐", 0.9),
    (r"随便看看|看看而已|只是看看|逛逛|不买", -2.5),
    (r"退货|退款|换货|取消订单|扣款|赔偿", -1.5),
    (r"我的订单|物流|快递.{0,4}没到|查.{0,2}订单", -1.2),
    (r"密码|账号|登录|注销", -1.5),
    (r"^\W*(你好|您好|谢谢|再见|好的|嗯|哈哈)\W*$", -1.0),
    (r"天气|笑话|作业", -1.5),
)
_EN = tuple((re.compile(p, re.IGNORECASE), w) for p, w in _EN_RULES)
_ZH = tuple((re.compile(p), w) for p, w in _ZH_RULES)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_BIAS = 0.0  # an utterance with no cue at all says nothing either way


def cjk_share(text: str) -> float:
    """Share of non-space characters that are CJK ideographs."""
    chars = [c for c in text if not c.isspace()]
    return sum(1 for c in chars if _CJK.match(c)) / len(chars) if chars else 0.0


def is_mostly_chinese(text: str) -> bool:
    """True when the embedding model (English-only) cannot be trusted with this text."""
    return cjk_share(text) >= 0.3


def keyword_logit(text: str) -> float:
    """Sum of the weights of every rule that matches, plus a bias; English and Chinese rules both apply."""
    z = _BIAS
    for rx, w in _EN + _ZH:
        if rx.search(text):
            z += w
    return z


def keyword_score(text: str) -> float:
    """The keyword baseline as a number in (0, 1); hand-set, not calibrated."""
    z = keyword_logit(text)
    return 1.0 / (1.0 + math.exp(-z))
