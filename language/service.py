"""Customer-service requests without a product: how the shop works ("policy") or an order already
placed ("order_problem"), each with a topic. "cancel my last order" must never run a product search.

A message about a product shown ("does it ship to Canada?") is a question, not service; the caller
checks that first. The first rule that matches wins, most specific first.
"""
from __future__ import annotations

import re

from language.patterns import Rule

__all__ = ["SERVICE_TOPICS", "destination", "service_request"]

# "ship to the Cayman Islands", "deliver to canada", "寄到开曼群岛": a place the answer must name.
_DEST_EN = re.compile(
    r"\b(?:ship|ships|shipped|shipping|deliver|delivers|delivered|delivery|send|sent|post|mail)\b[^.?!。？！]{0,40}?"
    r"\b(?:to|into)\s+(?:the\s+)?(?P<place>[a-z][\w'-]*(?:\s+(?!(?:and|or|for|by|in|within|from|how|what|please|"
    r"too|as|cost|costs|take|takes)\b)[a-z][\w'-]*){0,3})", re.IGNORECASE)
_NOT_PLACES = frozenset("""me my us our you your him her them it this that here there home house door doorstep
address office work buy be get pay arrive reach anywhere everywhere other another""".split())
_DEST_ZH = re.compile(r"(?:寄|运|送|发|邮|配送|快递)(?:到|往|去|至)(?P<place>[\u4e00-\u9fff]{2,8}?)"
                      r"(?=的|运费|邮费|要|多|需|吗|么|可以|能|得|是|[，,。？?！!]|$)")


def destination(text: str) -> str | None:
    """The place a shipping question names ("the Cayman Islands", "开曼群岛"), or None."""
    m = _DEST_ZH.search(text)
    if m:
        place = m.group("place")
        return None if place in ("家里", "这里", "那里", "我家", "家") else place
    m = _DEST_EN.search(text)
    if not m:
        return None
    words = m.group("place").split()
    while words and words[-1].lower() in _NOT_PLACES | {"the"}:
        words.pop()
    if not words or words[0].lower() in _NOT_PLACES:
        return None
    return " ".join(words)

_MY = r"(?:my|our|an|the|a|this|last|recent|previous)"
# (act, topic, rule), in order.
_RULES: tuple[tuple[str, str, Rule], ...] = (
    ("policy", "price_match", Rule(("price match", "price-match", "match", "保价", "比价"),
                                   r"\bprice[\s-]?match(?:ing|es)?\b|\bmatch\s+(?:a|the|their|a\s+lower)\s+price\b"
                                   r"|保价|比价")),
    ("policy", "returns", Rule(("refund", "money back", "return", "退款", "退货"),
                               r"\b(?:refund|return|money[\s-]back)\s+(?:policy|rules|terms|window|period)\b"
                               r"|\bin\s+what\s+cases\b.{0,40}\bmoney\s+back\b",
                               r"退(?:款|货)(?:政策|规则)")),
    ("order_problem", "refund", Rule(("refund", "money back", "reimburs", "退款", "退钱"),
                                     r"\brefunds?\b|\bmoney\s+back\b|\breimburs", r"退款|退钱")),
    # Something already bought going back: "how do I send back a jacket I bought last week", 我想退货.
    ("order_problem", "return", Rule(
        ("back", "return", "bought", "ordered", "purchased", "退货", "退掉"),
        r"\b(?:send|ship|take|bring|post|mail)\w*\s+(?:\w+\s+){0,4}?back\b.{0,60}\b(?:i|we)\s+(?:bought|ordered|purchased"
        r"|got|received)\b",
        r"\b(?:return|send\s+back)\s+(?:a|an|the|my|this|these|those)\s+(?:\w+\s+){0,3}?(?:i|we)\s+(?:bought|ordered"
        r"|purchased|got|received)\b",
        r"^\W*(?:i|we)\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+(?:return|send\s+back)\s+(?:(?:my|an?|the)\s+)?"
        r"(?:order|purchase|item|something|stuff)\b",
        r"^\W*(?:我|咱)?(?:想|要|需要|申请)退货|退掉(?:我|之前|上次|刚)")),
    ("order_problem", "order", Rule(
        ("order", "purchase", "where is my", "订单", "取消"),
        r"\b(?:cancel\w*|track\w*|chang\w*|modify\w*|edit\w*|updat\w*|status|remove|add\w*|includ\w*"
        r"|forgot)\b.{0,40}\b" + _MY + r"\s+(?:\w+\s+)?(?:order|orders|purchase)\b",
        r"\b(?:order|purchase)\s+(?:status|number|history|confirmation)\b|\bwhere\s+is\s+my\b",
        r"订单|取消订单")),
    ("order_problem", "payment", Rule(
        ("invoice", "receipt", "bill", "payment", "charged", "发票", "扣款", "付款"),
        r"\binvoices?\b|\breceipts?\b|\bbilling\b|\bbill\b|\bpayment\s+(?:issues?|problems?|errors?|failed|help)\b"
        r"|\b(?:issues?|problems?|trouble)\s+with\s+(?:my\s+|the\s+)?payment\b|\breport\s+(?:a\s+)?payment\b"
        r"|^\W*payment\s+help\W*$",
        r"发票|扣款|付款(?:失败|问题)")),
    ("order_problem", "complaint", Rule(("complain", "reclamation", "投诉"),
                                        r"\bcomplain\w*|\breclamation\b", r"投诉")),
    ("policy", "delivery", Rule(
        ("deliver", "shipping", "ship", "arrive", "address", "send", "post", "物流", "快递", "地址", "发货", "到货", "寄",
         "配送", "送货"),
        r"\b(?:delivery|shipping)\s+(?:options?|methods?|period|times?|address(?:es)?|status|costs?|fees?)\b"
        r"|\b(?:options?|methods?)\s+(?:for|of)\s+(?:delivery|shipping)\b|\bshipping\s+address\b"
        r"|\bhow\s+long\s+(?:does|will)\s+(?:the\s+)?delivery\b|\bwhen\s+(?:will|does|is)\s+my\s+\w+"
        r"|\b(?:set\s+up|change|add|modify\w*)\s+(?:\w+\s+){0,2}address\b"
        # "do u guys ship to canada?", "can you deliver to Hawaii": where the shop sends things
        r"|\b(?:do|does|can|will|would)\s+(?:you|u|y'?all)(?:\s+(?:guys|all|folks))?\s+(?:ship|deliver|send|post)"
        r"(?:\s+(?:internationally|abroad|overseas|worldwide|outside|to|into|anywhere))",
        r"物流|快递到哪|什么时候发货|什么时候到|收货地址|改地址|修改地址|(?:能|可以|支持|能不能|可不可以)(?:寄|发货|配送|邮寄|送货)(?:到|往)"
        r"|(?:寄|发货|配送|邮寄|送货)(?:到|往)(?:国外|海外|[\u4e00-\u9fff]{2,6}(?:吗|么))")),
    ("policy", "payment", Rule(
        ("pay", "fee", "penalt", "charge", "支付", "付款方式"),
        r"\bpayment\s+(?:methods?|options?|types?)\b|\bpay\s+(?:with|by|in|via)\b"
        r"|\b(?:cancellation|termination|early\s+exit)\s+(?:fees?|penalt(?:y|ies)|charges?)\b",
        r"支付方式|付款方式|怎么付款|怎么支付")),
    ("policy", "account", Rule(
        ("account", "profile", "password", "sign", "log", "regist", "newsletter", "subscri", "key",
         "账号", "账户", "密码", "注册", "登录", "会员"),
        r"\b(?:user\s+|online\s+|gold\s+|new\s+|another\s+|my\s+)?(?:account|profile)s?\b|\bpassword\b"
        r"|\bsign[\s-]?(?:up|in)\b|\bsignup\b|\blog[\s-]?in\b|\bregistration\b|\bregister\b|\bnewsletter\b"
        r"|\bunsubscribe\b|\bsubscription\b|\b(?:key|access\s+key)\s+(?:reset|retrieval|recovery)\b",
        r"账号|账户|密码|注册|登录|会员")),
    ("policy", "feedback", Rule(("feedback", "review"), r"\b(?:submit|leave|give|send|write)\s+(?:some\s+|a\s+|my\s+)?"
                                                        r"(?:feedback|review)\b")),
    ("policy", "contact", Rule(("customer", "support", "contact", "客服"),
                               r"\bcustomer\s+(?:service|support|assistance|care)\b"
                               r"|\bcontact\s+(?:you|your|the\s+shop|support)\b", r"客服")),
)
SERVICE_TOPICS = tuple(dict.fromkeys(topic for _, topic, _ in _RULES))


def service_request(text: str) -> tuple[str, str] | None:
    """("policy" | "order_problem", topic) when the message is a customer-service request, else None."""
    for act, topic, rule in _RULES:
        if rule.search(text):
            return act, topic
    return None
