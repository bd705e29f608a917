"""Customer service from the shop's own policy text: find the section, quote the sentences that answer.

`PolicyDesk.answer()` never writes a policy claim: it returns sentences copied verbatim from the
shop's policies (or the product row's own policy field), so the model may phrase around them but
the facts are the shop's. When the text does not support the question (a country, a payment
method or a case the policies never mention) the answer says `covered=False` and the turn
escalates to staff instead of guessing.

How a question finds its section: English words are stemmed, Chinese phrases are mapped to the
English words the policies use (a small bilingual lexicon below), and sections are ranked by
BM25 with the section title counted three times. A question term that appears nowhere in the
policies (and is not a product word from the catalog) makes the answer uncovered.
"""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from catalog.policies import PolicySection, load_sections

if TYPE_CHECKING:
    from catalog.models import Product
    from catalog.store import CatalogStore

logger = logging.getLogger(__name__)

# Questions that are about the shop rather than a product. Checked before a product search, so a
# returns question with no product shown is answered from the policies, not turned into a search.
_POLICY_EN = re.compile(
    r"\b(ship(?:s|ping|ped)?|deliver(?:y|ies|ed)?|postage|tracking|track my|returns?|returning|refunds?|"
    r"money back|exchanges?|warrant(?:y|ies)|guarantee|pay(?:ment|ing)?|paypal|credit card|debit card|"
    r"apple pay|google pay|klarna|afterpay|instal+ments?|gift cards?|cash on delivery|bitcoin|crypto\w*|"
    r"store hours|opening hours|open(?:ing)? (?:on|at|until|today|tomorrow)|are you open|showroom|"
    r"(?:your|the) (?:store|shop) (?:address|located|location)|where (?:is|are) (?:your|the) (?:store|shop)|"
    r"contact|customer (?:service|support)|phone number|call you|email (?:you|address)|"
    r"cancel (?:my|an|the) order|change my order|price match|sales tax|duties|customs|p\.?o\.? box|"
    r"arrived (?:damaged|broken)|damaged|defective|faulty|(?:card|i) (?:be )?charged|pick ?up|"
    r"(?:a|your|physical) (?:store|shop)|in[- ]store|send (?:it|them|this|these) back|do you (?:accept|take)|gift wrap\w*)\b",
    re.IGNORECASE)
_POLICY_ZH = re.compile(
    r"退货|退貨|退款|退钱|退換|退换|换货|换尺码|换码|运费|邮费|包邮|免运费|发货|配送|送货|快递|物流|寄到|能寄|"
    r"保修|质保|保固|付款|支付|付钱|信用卡|分期|礼品卡|营业时间|几点开门|开门|关门|门店|实体店|地址|"
    r"联系|客服|电话|邮箱|取消订单|修改订单|价格匹配|保价|关税|自提|到店取|坏了|损坏|破损|质量问题")


def is_policy_question(text: str) -> bool:
    """True for shipping, returns, refunds, exchanges, payment, warranty, store hours or contact questions (EN, ZH)."""
    return bool(text) and bool(_POLICY_EN.search(text) or _POLICY_ZH.search(text))


# Chinese phrase -> the English words a policy written in English uses for it. Longest first.
ZH_TERMS: dict[str, str] = {
    "退货": "return", "退貨": "return", "退回": "return", "退换": "return exchange", "退款": "refund",
    "退钱": "refund", "换货": "exchange", "换尺码": "exchange size", "换码": "exchange size", "尺码": "size",
    "颜色": "colour", "运费": "shipping cost", "邮费": "shipping cost", "包邮": "free shipping",
    "免运费": "free shipping", "免费": "free", "快递": "express shipping", "加急": "express", "发货": "ship leave",
    "配送": "shipping", "送货": "shipping delivery", "寄到": "ship", "能寄": "ship", "寄": "ship", "送到": "ship",
    "物流": "tracking", "单号": "tracking number", "跟踪": "tracking", "多久": "days", "多长时间": "days",
    "几天": "days", "多少天": "days", "天内": "days", "国际": "countries", "海外": "countries",
    "国外": "countries", "美国": "united states", "加拿大": "canada", "英国": "united kingdom", "保修": "warranty",
    "质保": "warranty", "保固": "warranty", "保修期": "warranty period", "坏了": "defect", "损坏": "damaged",
    "破损": "damaged", "质量问题": "defect", "付款": "pay", "支付": "pay", "付钱": "pay", "信用卡": "card visa",
    "现金": "cash", "货到付款": "cash on delivery", "比特币": "cryptocurrency", "加密货币": "cryptocurrency",
    "分期": "instalments", "礼品卡": "gift cards", "过期": "expire", "营业时间": "showroom open",
    "几点开门": "open", "开门": "open", "关门": "closed", "营业": "open", "周日": "sundays", "星期天": "sundays",
    "星期日": "sundays", "周六": "saturday", "节假日": "holidays", "门店": "showroom", "实体店": "showroom",
    "地址": "street showroom", "在哪": "showroom", "电话": "phone", "邮箱": "email", "邮件": "email",
    "联系": "contact email phone", "客服": "customer service", "取消订单": "cancel order",
    "修改订单": "change order", "取消": "cancel", "订单": "order", "价格匹配": "price match", "保价": "price match",
    "关税": "duties taxes", "税": "tax", "自提": "pick up showroom", "到店取": "pick up showroom",
    "鞋": "footwear", "食品": "grocery", "化妆品": "beauty", "穿过": "worn", "拆封": "opened", "标签": "tags",
    "包装": "packaging", "银行": "bank", "账户": "statement", "几点": "open",
    # Names the demo policies do not mention map to their English names, so they stay unsupported.
    "支付宝": "alipay", "微信": "wechat", "银联": "unionpay", "日本": "japan", "澳大利亚": "australia",
}
_ZH_KEYS = sorted(ZH_TERMS, key=len, reverse=True)
# Chinese words that carry no policy meaning; what is left after these and ZH_TERMS is a term to check.
_ZH_FILLER = sorted("""你们 你 我们 我 的 吗 呢 了 是 有 没有 可以 能不能 可不可以 能 怎么 怎样 如何 什么 多少 请问 吧 啊 要
想 如果 这个 这 那个 一下 还 会 在 和 或者 或 请 需要 收到 买 东西 商品 产品 政策 规定 时候 时间 就 都 也 吗 么 哪些 哪里
哪 个 件 后 以后 之后 给 用 多 少 该 应该 得 被 从 到 对 不 能否 是否 一 些 么 呀 哦 嘛 谁 怎么办 办 接受 收""".split(),
                    key=len, reverse=True)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")

# English words that say nothing about which policy or what case: never a reason to escalate.
_STOP = frozenset("""
a about after again all also am an and any anything are as at be been before being but by can can't cannot
could did do does doesn't don't done for from get gets getting got had has have how i i'd i'll i'm if in
into is it it's its just know let like long many me might more most much my need no not now of off on
once one only or other our out please policy policies question questions really so some still take
takes than that the their them then there these they this those to too up us use want was we
what when where which while who why will with within would yes you your yours i've ok okay thanks
thank hi hello hey quick tell say said want wanted go going come make sure happen happens
something offer offered different another able possible until fit fits
u ur ya y'all yall guys folks mate buddy pls plz lol btw hmm um uh
dont doesnt didnt cant wont isnt im ive id hate dislike
item items thing things stuff product products buy bought purchase purchased
""".split())
# English synonyms folded onto the words policies are written with.
_EN_SYNONYMS = {
    "bitcoin": "cryptocurrency", "crypto": "cryptocurrency", "ethereum": "cryptocurrency", "cod": "cash",
    "amex": "american express", "uk": "united kingdom", "britain": "united kingdom", "england": "united kingdom",
    "usa": "united states", "us": "united states", "america": "united states", "international": "countries",
    "abroad": "countries", "overseas": "countries", "worldwide": "countries", "delivery": "shipping",
    "deliver": "shipping", "postage": "shipping", "money": "refund", "reimburse": "refund", "hours": "open",
    "sunday": "sundays", "weekend": "saturday sundays", "call": "phone", "telephone": "phone",
    "cheque": "cheques", "check": "cheques", "cost": "costs", "fee": "costs", "charge": "costs",
    "price": "costs", "swap": "exchange", "broken": "defective", "faulty": "defective", "defect": "defective",
    "located": "showroom", "location": "showroom", "store": "showroom",
    "installment": "instalments", "installments": "instalments", "shoes": "footwear", "boots": "footwear",
    "cosmetics": "beauty", "makeup": "beauty", "food": "grocery", "groceries": "grocery", "fast": "express",
    "quickly": "express", "overnight": "express", "track": "tracking", "duty": "duties", "customs": "duties",
    "wore": "worn", "outside": "indoors", "outdoors": "indoors", "lipstick": "beauty",
}
# Phrases folded before splitting into words.
_EN_PHRASES = (("how long", "days"), ("how soon", "days"), ("how much", "costs"), ("send it back", "return"),
               ("send back", "return"), ("money back", "refund"), ("pick up", "pick"), ("pickup", "pick"))
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9$])|\n+")
# Per-product policy fields (see catalog.importer.PROMOTED) and the section topics they answer.
PRODUCT_FIELDS = {"warranty": "warranty", "return_policy": "return", "shipping": "ship"}


def stem(word: str) -> str:
    """A light English stemmer: "returns", "returned", "returning" meet, as do "shipping"/"ship" and "arrives"/"arrived"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
                word = word[:-1]  # shipp -> ship
            return word
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")) and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _terms(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower())]


@dataclass(frozen=True)
class PolicyAnswer:
    """Verbatim policy sentences for a question, or `covered=False` with what the text does not cover."""

    covered: bool
    section_id: str | None  # the policy section quoted, None when nothing matched
    section_title: str = ""
    sentences: tuple[str, ...] = ()  # copied from the section text, in its order
    product_id: str | None = None  # set when the product row's own policy answered
    product_fact: tuple[str, str] | None = None  # (field, value) verbatim from the product row
    unsupported: tuple[str, ...] = ()  # question terms no policy text mentions
    lang: str = "en"  # language of the quoted text (the shop may have written it in one language only)
    score: float = 0.0

    @property
    def text(self) -> str:
        """The quoted answer as one paragraph (product fact first); the reply may phrase around it."""
        parts = []
        if self.product_fact:
            parts.append(f"{self.product_fact[0].replace('_', ' ').capitalize()} for this product: "
                         f"{self.product_fact[1]}.")
        parts.extend(self.sentences)
        return " ".join(parts)


@dataclass
class _Doc:
    section: PolicySection
    sentences: list[str]
    tf: Counter = field(default_factory=Counter)
    length: int = 0


class PolicyDesk:
    """Answers shop questions from policy sections; build it once per catalog and share it."""

    def __init__(self, sections: Sequence[PolicySection], *, neutral_terms: Iterable[str] = ()) -> None:
        self.sections = list(sections)
        self._docs = []
        for s in self.sections:
            sentences = [x.strip(" -*\t") for x in _SENTENCE_END.split(s.text) if x.strip(" -*\t")]
            tf = Counter(_terms(s.title) * 3 + _terms(s.id.replace("-", " ")) * 3 + _terms(s.text))
            self._docs.append(_Doc(s, sentences, tf, sum(tf.values())))
        self._df = Counter(t for d in self._docs for t in set(d.tf))
        self._avg = sum(d.length for d in self._docs) / max(1, len(self._docs))
        self._vocab = set(self._df)
        # Product words ("jacket", "laptop") name what the question is about, not a policy case.
        self._neutral = {stem(t) for w in neutral_terms for t in _WORD.findall(str(w).lower())}

    @classmethod
    def from_store(cls, store: "CatalogStore") -> "PolicyDesk":
        """The desk over a catalog's imported policies, with its category and tag words as product words."""
        neutral: set[str] = set()
        for category, _ in store.categories():
            neutral.update((category or "").split())
        for row in store.db.query("SELECT DISTINCT value FROM products, json_each(products.tags) LIMIT 5000"):
            neutral.update(str(row["value"]).split())
        return cls(load_sections(store), neutral_terms=neutral)

    # -- answering ------------------------------------------------------------------------------
    def answer(self, question: str, *, product: "Product | None" = None, lang: str = "en") -> PolicyAnswer | None:
        """The quoted policy answer, `covered=False` when the text does not support it, None if not a shop question."""
        if not question or not is_policy_question(question) and not self._topical(question):
            return None
        terms, residual = self._query_terms(question)
        if product is not None:  # "can I return this?" about groceries is answered by the grocery rule
            terms += [t for t in _terms(f"{product.category} {product.attributes.get('subcategory', '')}")
                      if t in self._vocab]
        unsupported = tuple(dict.fromkeys(
            [t for t in terms if t not in self._vocab and t not in self._neutral and t not in _STOP_STEMS]
            + residual))
        docs = [d for d in self._docs if d.section.lang == lang] or self._docs
        ranked = sorted(((self._bm25(d, terms), i) for i, d in enumerate(docs)), reverse=True)
        if not ranked or ranked[0][0] <= 0:
            return PolicyAnswer(False, None, unsupported=unsupported or ("(no matching policy)",), lang=lang)
        score, best = ranked[0]
        doc = docs[best]
        fact = self._product_fact(product, doc.section)
        sentences = self._pick_sentences(doc, terms, has_fact=fact is not None)
        # Any question word the policies never use (a country, a payment service, "gift wrapping") is a
        # case they do not cover: the turn escalates rather than stretch a neighbouring rule.
        covered = bool(sentences or fact) and not unsupported
        logger.debug("policy answer: section=%s score=%.2f covered=%s", doc.section.id, score, covered)
        return PolicyAnswer(covered, doc.section.id, doc.section.title, tuple(sentences),
                            product.id if fact and product is not None else None, fact, unsupported,
                            doc.section.lang, round(score, 3))

    def _topical(self, question: str) -> bool:
        """A question that names a section title ("what about price match?") is a shop question too."""
        terms = set(self._query_terms(question)[0])
        return any(set(_terms(d.section.title)) <= terms for d in self._docs if _terms(d.section.title))

    def _query_terms(self, question: str) -> tuple[list[str], list[str]]:
        """(English terms, leftover Chinese words the lexicon does not know)."""
        text = re.sub(r"'(?:s|re|ll|ve|d)\b", "", question.lower())
        english: list[str] = []
        residual: list[str] = []
        for run in _CJK.findall(text):
            for key in _ZH_KEYS:
                if key in run:
                    english.append(ZH_TERMS[key])
                    run = run.replace(key, " ")
            for filler in _ZH_FILLER:
                run = run.replace(filler, " ")
            residual.extend(w for w in run.split() if len(w) >= 2 and w not in self._raw_text())
        text = _CJK.sub(" ", text)
        for phrase, replacement in _EN_PHRASES:
            text = text.replace(phrase, replacement)
        words = []
        for w in _WORD.findall(text + " " + " ".join(english)):
            w = _EN_SYNONYMS.get(w, w)
            words.extend(w.split())
        terms = [stem(w) for w in words if w not in _STOP and w.replace("'", "") not in _STOP]
        return terms, residual

    def _raw_text(self) -> str:
        return "".join(s.text for s in self.sections)

    def _bm25(self, doc: _Doc, terms: Sequence[str], k1: float = 1.2, b: float = 0.5) -> float:
        n = len(self._docs)
        score = 0.0
        for t in set(terms):
            tf = doc.tf.get(t, 0)
            if not tf:
                continue
            idf = math.log(1 + (n - self._df[t] + 0.5) / (self._df[t] + 0.5))
            score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc.length / self._avg))
        # A question that names the section ("returns", "warranty") is about that section first.
        title = set(_terms(doc.section.title)) | set(_terms(doc.section.id.replace("-", " ")))
        return score + 1.5 * len(title & set(terms)) if score else 0.0

    def _pick_sentences(self, doc: _Doc, terms: Sequence[str], *, has_fact: bool) -> list[str]:
        """The sentences that share the question's specific words; the section's opening when none do."""
        topic = set(_terms(doc.section.title)) | set(_terms(doc.section.id.replace("-", " ")))
        specific = {t for t in terms if t not in topic}
        n = len(self._docs)
        scored = []
        for i, sentence in enumerate(doc.sentences):
            words = set(_terms(sentence))
            score = sum(math.log(1 + n / self._df.get(t, n)) for t in specific & words)
            score += 0.1 * len(topic & words & set(terms))
            scored.append((score, i))
        best = max((s for s, _ in scored), default=0.0)
        if best < 0.5:  # only the topic matched ("what is your return policy?"): the section's opening
            return [] if has_fact else doc.sentences[:2]
        keep = sorted(i for s, i in sorted(scored, reverse=True)[:3] if s >= 0.6 * best)
        return [doc.sentences[i] for i in keep]

    @staticmethod
    def _product_fact(product: "Product | None", section: PolicySection) -> tuple[str, str] | None:
        if product is None:
            return None
        for key, topic in PRODUCT_FIELDS.items():
            value = product.attributes.get(key)
            if value not in (None, "") and topic in _terms(f"{section.id} {section.title}"):
                return key, str(value)
        return None


_STOP_STEMS = frozenset(stem(w) for w in _STOP)
