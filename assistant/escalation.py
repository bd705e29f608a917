"""When to hand a chat to a person: explicit requests, frustration, repeated failure, order problems
the bot cannot fix, and high-value carts.

Rules first: a request for a person must always escalate, and rules can be read, tested and fixed
the day a miss is reported. Rules alone missed most new phrasings on a blind set, so for English a
small learned head over MiniLM embeddings (assistant/intent/escalation_model.py) adds recall; its
human-request and order-problem hits pass the same negation and "hypothetical" guards as the rules.
Chinese is rules only (the packaged encoder is English-only). The `detail` of a signal never
contains shopper text, so it is safe to log.
Priority when several apply: human_request > order_problem > frustration > repeated_failure >
high_value_cart (the most specific, most actionable reason wins).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from language.person import could_ask_for_person, normalise, person_request_language

from .intent.keywords import is_mostly_chinese
from .intent.signals import SessionSignals

if TYPE_CHECKING:
    from .intent.escalation_model import EscalationModel

logger = logging.getLogger(__name__)

REASONS = ("human_request", "order_problem", "frustration", "repeated_failure", "high_value_cart")


@dataclass(frozen=True)
class EscalationSignal:
    """Why the chat should go to a person; `detail` is a fixed phrase, never shopper text."""

    reason: str  # one of REASONS
    detail: str


@dataclass(frozen=True)
class EscalationConfig:
    """Thresholds for the reasons that are not about wording."""

    unmet_turns: int = 3  # the same need unmet this many turns in a row
    high_cart_value: float = 1000.0  # in the shop's currency
    high_intent: float = 0.8  # intent score needed with a high-value cart
    use_model: bool = True  # the English escalation head (loads MiniLM once per process)


DEFAULT_CONFIG = EscalationConfig()


def _rx(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# --- requests for a person: one rule with the chat act, in language/person.py ------------------
# Questions about a product that mention people ("is this made by humans?") are not requests; only
# the learned head needs this guard, the request patterns above never match such questions.
_ABOUT_PRODUCT = _rx(
    r"^\W*(?:is|are|was|were|does|do|did)\s+(?:this|it|these|those|that|they|the)\b",
    r"\b(?:made|assembled|built|designed|written|sewn|crafted|tested|reviewed)\s+by\b", r"\bby\s+hand\b", r"\bhandmade\b",
    r"^\W*(?:do|does|did)\s+(?:humans|people)\b",
)
# --- order problems --------------------------------------------------------------------------
_ORDER_EN = (
    ("refund or money back", _rx(r"\brefund(?!\s+(?:window|period|policy|terms|timeline|time\s+frame))", r"\bmoney\s+back\b", r"\breimburs")),
    ("damaged or broken item", _rx(
        r"\bbroken\b(?!-)", r"\bbroke\b", r"\b(?:damaged|cracked|shattered|defective|faulty|torn|ripped|leaking|leaked|dented|scratched|chipped|stained|smashed|bent|mouldy|moldy|expired)\b(?!-)",
        r"\bstopped\s+working\b", r"\b(?:doesn'?t|does\s+not|isn'?t|won'?t|didn'?t)\s+(?:work|turn\s+on|charge|fit\s+together|power\s+on)\b",
        r"\bdead\s+on\s+arrival\b", r"\bmissing\s+(?:parts?|pieces?|screws?)\b", r"\bfell\s+apart\b",
    )),
    ("wrong item", _rx(
        r"\bwrong\s+(?:item|size|colou?r|product|order|one|thing|model|book|shoes?|address)\b",
        r"\b(?:sent|received|got|delivered|shipped)\s+(?:me\s+)?(?:the\s+|a\s+)?wrong\b",
        r"\bnot\s+what\s+i\s+ordered\b", r"\bsomeone\s+else'?s\s+(?:order|package|parcel)\b",
        r"\b(?:received|got|delivered|sent|came)\b.{0,40}(?:\bbut\s+(?:i\s+)?|,\s*(?:but\s+)?i\s+)ordered\b",
        r"\bordered\b.{0,40}\bbut\s+(?:i\s+)?(?:got|received)\b",
    )),
    ("missing or late package", _rx(
        r"\bnever\s+(?:arrived|came|showed\s+up|got\s+here|received|shipped)\b",
        r"\b(?:hasn'?t|has\s+not|haven'?t|have\s+not|didn'?t|did\s+not|still\s+not|not\s+yet)\s+(?:yet\s+|been\s+)?(?:arrived?|come|got|gotten|received|get|shipped|delivered|here)\b",
        r"\b(?:package|parcel|order|delivery|item|box|shipment)\s+(?:is\s+|was\s+|has\s+been\s+|got\s+)?(?:lost|missing|stolen|delayed|stuck)\b",
        r"\blost\s+(?:my|the|our)\s+(?:order|package|parcel|delivery|shipment)\b",
        r"\b(?:half|part|some)\s+of\s+my\s+order\b", r"\bmissing\s+(?:from\s+)?(?:my|the)\s+(?:order|package|parcel|box)\b",
        r"\b(?:says|said|shows|marked)\s+(?:as\s+)?delivered\b", r"\bstolen\s+from\b",
        r"\bwhere\s+is\s+my\s+(?:order|package|parcel|delivery|stuff|refund)\b",
        r"\bmy\s+(?:order|package|parcel|delivery)\s+is\s+(?:late|lost)\b", r"\bstill\s+waiting\s+(?:for|on)\b",
    )),
    ("charge dispute", _rx(
        r"\bcharged\s+(?:me\s+)?(?:twice|two\s+times|double|more|extra|wrong)", r"\b(?:double|twice)[-\s]charged\b", r"\bovercharged\b",
        r"\b(?:dispute|disputing|chargeback)\b", r"\bunauthori[sz]ed\s+(?:charge|payment)\b",
        r"\bcharge\b.{0,40}\b(?:don'?t|do\s+not)\s+recogni[sz]e\b", r"\bcharge\s+on\s+my\s+(?:card|account|statement)\b",
        r"\b(?:paid|billed|charged)\s+twice\b", r"\btwo\s+(?:payments|charges)\b", r"\b(?:got\s+)?charged\s+but\b",
        r"\bcharged\b.{0,30}\b(?:cancel+ed|never)\b",
    )),
    ("return or cancellation", _rx(
        r"\b(?:want|need|like|have|going)\s+to\s+(?:return|send\s+(?:it|them|this|these|the\s+\w+)\s+back|exchange)\b",
        r"\bsend\s+(?:it|them|this|these|the\s+\w+)\s+back\b", r"\bcancel\s+(?:my|the|this)\s+order\b",
        r"\breturn\s+(?:these|this|them|it|my)\b",
    )),
)
# Questions about policy or a hypothetical ("can I return it if it doesn't fit?") are not problems yet;
# nor is a product the shopper owned before ("the last one I had broke").
_ORDER_EN_HYPOTHETICAL = _rx(
    r"\bpolicy\b", r"\bif\b", r"\bin\s+case\b", r"\blater\b", r"\bwarranty\b", r"\bprotection\s+plan\b", r"\bwould\b",
    r"\b(?:last|previous|old|other)\s+one\b", r"\beasily\b", r"\bsturd",
)
_SOFT_ORDER = ("refund or money back", "damaged or broken item", "return or cancellation")
_ORDER_ZH = (
    ("refund or money back", _rx(r"退款|退钱|返款|钱退")),
    ("damaged or broken item", _rx(r"破了|是破的|坏了|损坏|破损|碎了|裂了|裂痕|划痕|刮花|不能用|用不了|质量问题|有瑕疵|漏了|开胶|脱线|掉色|起球|变形")),
    ("wrong item", _rx(r"发错|错发|不是我买的|不是我订的|货不对|(?:尺码|颜色|型号|款式)不对")),
    ("missing or late package", _rx(r"拿走了|被偷|被盗|没收到|没拿到|一直没到|还没到|没到货|还没发货|丢了|丢件|少发|漏发|订单到哪|快递到哪|包裹.{0,3}到哪|物流.{0,4}(?:不动|没更新|没有更新)|签收.{0,6}(?:没|但)")),
    ("charge dispute", _rx(r"(?:扣|收|付)了.{0,4}(?:两次|二次|多次)|重复扣款|多扣|乱扣|扣了我两次|两次钱|扣了.{0,6}(?:但|却|可是)|订单.{0,4}失败")),
    ("return or cancellation", _rx(r"退货|换货|退换|取消订单")),
)
_ORDER_ZH_HYPOTHETICAL = _rx(r"政策|如果|万一|可以退吗|能退吗|规定|方便吗|不容易坏")

# --- frustration -----------------------------------------------------------------------------
_ABOUT_US = (r"(?:this|that|it|you|you're|you\s+are|this\s+(?:bot|chatbot|chat|assistant|thing)|the\s+(?:bot|chatbot|chat|assistant)|"
             r"your\s+(?:site|website|service|store|shop|app|support))")
_FRUSTRATION_EN = _rx(
    r"\buseless\b", r"\bpointless\b", r"\bwast(?:e|ing)\s+(?:of\s+)?(?:my\s+)?time\b",
    r"\bworst\s+(?:\w+\s+)?(?:experience|service|support|bot|chatbot|chat|assistant|shop|store|website|site|company|ever)\b",
    rf"\b{_ABOUT_US}\s+(?:is\s+|are\s+)?(?:so\s+|really\s+|completely\s+|totally\s+|just\s+)?(?:stupid|dumb|garbage|trash|rubbish|terrible|awful|hopeless|clueless|a\s+joke|ridiculous|unacceptable|pathetic|incompetent|a\s+disaster|a\s+mess|broken|impossible)\b",
    r"\b(?:terrible|awful|horrible|bad|poor|lousy|pathetic)\s+(?:service|support|bot|chatbot|help|experience)\b",
    r"\b(?:i'?m|i\s+am|getting|so|really)\s+(?:so\s+|really\s+|very\s+)?(?:frustrated|annoyed|angry|pissed|furious|fed\s+up|sick\s+of|done\s+with|tired\s+of)",
    r"\bare\s+you\s+(?:even\s+)?(?:listening|reading|paying\s+attention)\b", r"\bnot\s+helping\b",
    r"\b(?:wtf|wth|ffs|what\s+the\s+(?:hell|heck|fuck))\b", r"\bi\s+hate\s+(?:this|you|it|the\s+bot|this\s+chat)\s*[.!]*$", r"\bgarbage\b",
    r"\bnot\s+what\s+i\s+(?:asked|said|wanted|meant)\b", r"\bread\s+what\s+i\s+(?:wrote|said)\b",
    r"\b(?:third|3rd|fourth|fifth)\s+time\b", r"\b(?:asked|told\s+you|said|explained)\b.{0,20}\b(?:twice|three\s+times|3\s+times|again\s+and\s+again|so\s+many\s+times|many\s+times)\b",
    r"\bignor(?:ed|ing)\s+(?:my|what|me)\b", r"\bforget\s+it\b", r"\bnonsense\b", r"\bdriv(?:ing|es)\s+me\s+(?:crazy|nuts|mad)\b",
    r"\byou\s+(?:clearly\s+|just\s+)?(?:don'?t|do\s+not|can'?t)\s+understand\b", r"\bwhy\s+is\s+(?:this|it)\s+so\s+(?:hard|difficult|complicated)\b",
)
# Angry faces say it without words: one 😡/🤬/👿, or a run of 😠/😤/💢; one of those alone is mild.
_FRUSTRATION_EMOJI = re.compile("[\U0001F621\U0001F92C\U0001F47F]|(?:[\U0001F620\U0001F624\U0001F4A2]\\s*){2,}")
_MILD_EMOJI = re.compile("[\U0001F620\U0001F624\U0001F4A2\U0001F644\U0001F612]")
_EXASPERATED_EN = _rx(
    r"\b(?:ridiculous|unbelievable|absurd|outrageous|insane|unacceptable|pathetic|a\s+joke|a\s+farce)\b[^.?]{0,20}!{2,}",
    r"\b(?:absolutely|utterly|totally|completely|so|just)\s+(?:ridiculous|absurd|outrageous|unacceptable|pathetic)\b",
    r"\bare\s+you\s+(?:kidding|joking|serious)\b|\byou'?(?:ve|\s+have)\s+got\s+to\s+be\s+kidding\b|\bgive\s+me\s+a\s+break\b",
)
_MILD_EN = _rx(r"\bugh\b", r"!!", r"\?\?", r"\bseriously\b", r"\bcome\s+on\b", r"\bwrong\s+again\b", r"\bstill\s+(?:wrong|not)\b", r"\bno+!")
_FRUSTRATION_ZH = _rx(
    r"太差|差劲|垃圾|没用|没什么用|一点用|什么都不懂|答非所问|气死|烦死|烦人|烦不烦|太烂|破系统|破玩意|浪费.{0,3}时间|有没有在听|"
    r"听不懂|无语|坑人|骗子|投诉|太笨|真笨|好笨|(?<!客)服了|受不了|搞什么|什么玩意|别再|生气|愤怒|废话|什么服务|没法用|失望|离谱|过分|恶心|坑爹",
)
_MILD_ZH = _rx(r"怎么回事|又错了|还是不对|到底")


def detect_escalation(
    text: str,
    *,
    history: Sequence[str] = (),
    signals: SessionSignals | None = None,
    unmet_turns: int = 0,
    intent: float | None = None,
    config: EscalationConfig = DEFAULT_CONFIG,
    model: "EscalationModel | None" = None,
) -> EscalationSignal | None:
    """The reason this turn should go to a person, or None.

    `history` = the shopper's earlier utterances (used for frustration building over two turns);
    `unmet_turns` = consecutive turns the same need went unmet (the dialogue manager counts);
    `intent` = the intent score for this turn (without it, high_value_cart uses the keyword scorer);
    `model` = an escalation head to use instead of the shared packaged one (when `config.use_model`).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    t = normalise(text)
    learned: dict[str, float] = {}
    if config.use_model and t and not is_mostly_chinese(t):
        learned = (model or _shared_model()).reasons(t)
    previous = [normalise(h) for h in history[-1:]]
    found = (
        _human_request(t)
        or _learned("human_request", learned, t)
        or _order_problem(t)
        or _learned("order_problem", learned, t)
        or _frustration(t, previous)
        or _learned("frustration", learned, t, previous=previous)
    )
    if found is None and unmet_turns >= config.unmet_turns:
        found = EscalationSignal("repeated_failure", f"same need unmet for {unmet_turns} turns")
    if found is None and signals is not None and signals.cart_value >= config.high_cart_value:
        if intent is None:
            from .intent.keywords import keyword_score

            intent = keyword_score(t)
        if intent >= config.high_intent:
            found = EscalationSignal(
                "high_value_cart", f"cart value {signals.cart_value:.2f} >= {config.high_cart_value:.2f} with intent {intent:.2f}"
            )
    if found is not None:
        logger.debug("escalation reason=%s detail=%s", found.reason, found.detail)
    return found


_MODEL: "EscalationModel | None" = None


def _shared_model() -> "EscalationModel":
    global _MODEL
    if _MODEL is None:
        from .intent.escalation_model import EscalationModel

        _MODEL = EscalationModel.load()
    return _MODEL


# A lone "ugh" or "seriously?" is not worth a person's time: below this probability the learned
# head's frustration needs the previous turn to have been negative too (hand-set).
FRUSTRATION_ALONE = 0.85


def _learned(reason: str, learned: dict[str, float], t: str, *, previous: Sequence[str] = ()) -> EscalationSignal | None:
    """A reason from the learned head, unless the same guards that stop the rules apply."""
    if reason not in learned:
        return None
    if reason == "frustration" and learned[reason] < FRUSTRATION_ALONE:
        p = previous[-1] if previous else ""
        if not (p and (_FRUSTRATION_EN.search(p) or _FRUSTRATION_ZH.search(p) or _MILD_EN.search(p) or _MILD_ZH.search(p))):
            return None
        return EscalationSignal(reason, f"learned head (p={learned[reason]:.2f}) after a negative turn")
    if reason == "human_request" and (_ABOUT_PRODUCT.search(t) or not could_ask_for_person(t)):
        # A request for a person names one and asks for one: "show me a coffee grinder" names none,
        # "a gift for our support team" asks for none.
        return None
    if reason == "order_problem" and _ORDER_EN_HYPOTHETICAL.search(t):
        return None
    return EscalationSignal(reason, f"learned head (p={learned[reason]:.2f})")


def _human_request(t: str) -> EscalationSignal | None:
    language = person_request_language(t)
    return EscalationSignal("human_request", f"explicit request for a person ({language})") if language else None


def _order_problem(t: str) -> EscalationSignal | None:
    hypothetical_en = _ORDER_EN_HYPOTHETICAL.search(t)
    for detail, rx in _ORDER_EN:
        if rx.search(t) and not (hypothetical_en and detail in _SOFT_ORDER):
            return EscalationSignal("order_problem", detail)
    if _ORDER_ZH_HYPOTHETICAL.search(t):
        return None
    for detail, rx in _ORDER_ZH:
        if rx.search(t):
            return EscalationSignal("order_problem", detail)
    return None


def _frustration(t: str, previous: list[str]) -> EscalationSignal | None:
    if _FRUSTRATION_EN.search(t) or _FRUSTRATION_ZH.search(t) or _EXASPERATED_EN.search(t):
        return EscalationSignal("frustration", "strongly negative wording about the service")
    if _FRUSTRATION_EMOJI.search(t):
        return EscalationSignal("frustration", "angry emoji")
    shouting = sum(1 for w in re.findall(r"[A-Za-z]{3,}", t) if w.isupper()) >= 2
    mild = bool(_MILD_EN.search(t) or _MILD_ZH.search(t) or _MILD_EMOJI.search(t) or shouting)
    if mild and previous:
        p = previous[-1]
        if _FRUSTRATION_EN.search(p) or _FRUSTRATION_ZH.search(p) or _MILD_EN.search(p) or _MILD_ZH.search(p):
            return EscalationSignal("frustration", "negative wording in consecutive turns")
    return None
