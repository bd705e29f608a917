"""Does a message ask to talk to a person? One rule for the chat act ("human") and for escalation.

A request names a person AND asks for one: "can I talk to a human", "get me a real person",
"转人工", "找客服". A person mentioned in passing is not a request: "a gift for our support team at
work", "is this a real human answering?", "my brother works in customer service", "the live chat
was helpful". Negations cover their own clause only ("I need a person, not a machine").
"""
from __future__ import annotations

import re

__all__ = ["asks_for_person", "clauses", "could_ask_for_person", "normalise", "person_request_language"]


def _rx(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


PERSON = (
    r"(?:(?:a|an|the|your|some|any|one|to)\s+)?(?:real\s+|live\s+|actual\s+|human\s+)?"
    r"(?:human(?:\s+being)?s?|person|people|agent|representative|rep|operator|manager|supervisor|"
    r"someone|somebody|anyone|anybody|staff(?:\s+member)?|employee|team\s+member|"
    r"sales\s*(?:rep|person|team)|customer\s+(?:service|support|care)(?:\s+(?:rep|representative|agent|team|person))?|"
    r"support\s+(?:team|staff|agent|person))\b"
)
_ASK = r"(?:talk|speak|chat|deal|communicate|converse)(?:ing)?\s+(?:to|with)"
_HUMAN_EN = _rx(
    rf"\b{_ASK}\s+{PERSON}",
    rf"\b(?:connect|transfer|put|pass|switch|hand|route|forward|send|escalate)\s+(?:me\s+|this\s+|it\s+)?(?:over\s+|through\s+|back\s+|on\s+)?(?:to|with)\s+.{{0,20}}?{PERSON}",
    r"\b(?:connect|transfer|put|hand)\s+me\s+(?:over\s+|through\s+)?(?:to|with)\s+(?:live\s+chat|support|a\s+human)",
    rf"\b(?:get|give|find|bring|send)\s+(?:me\s+)?{PERSON}(?!\s+(?:who|that)\s+(?:has|likes|loves|needs))",
    rf"\b(?:want|need|would\s+like|'d\s+like|prefer|demand|request|require)\s+(?:to\s+(?:have|get|reach|see)\s+)?{PERSON}\s*(?:$|[.!?,]|please|pls|now|asap|to\s+(?:help|call|contact|look|check|talk|speak)|on\s+the\s+(?:line|phone))",
    rf"\b(?:is|are)\s+there\s+{PERSON}.{{0,40}}\b(?:talk|speak|chat|reach|contact|help)",
    rf"\b(?:reach|contact|call|phone|ring)(?:ing)?\s+{PERSON}",
    rf"\bhelp\s+(?:me\s+)?(?:with\s+)?(?:talk|speak|chat|reach|contact|call|get\s+through\s+to)(?:ing)?\s+(?:to\s+|with\s+)?"
    rf"(?:\w+\s+)?{PERSON}",
    r"\b(?:anyone|anybody|someone|somebody)\s+(?:available|free|around)\s+(?:at|in|from|on)\s+(?:customer\s+)?"
    r"(?:service|support|care)\b",
    rf"\b(?:can|could|may)\s+i\s+(?:get|have)\s+{PERSON}",
    rf"{PERSON}.{{0,30}}\b(?:call|contact|email|ring|get\s+back\s+to)\s+me\b",
    rf"\b(?:can|could|would)\s+{PERSON}\s+(?:from\s+\w+\s+)?(?:help|call|contact|look|check|assist|review|handle)",
    r"\bwho\s+(?:can|could|should|do)\s+i\s+(?:talk|speak|chat|contact|call|reach)\b",
    r"\b(?:call\s*back|callback)\b(?!\s+(?:function|feature|mode|button))",
    # "live chat" asks for one only as a request: "connect me to live chat", "live support please", "live agent?"
    r"(?:^\W*|\b(?:want|need|get|give|connect|transfer|put|use|open|start|try|can\s+i|is\s+there|any|to)\s+(?:me\s+)?"
    r"(?:a\s+|an\s+|the\s+|to\s+|some\s+)?)live\s+(?:agent|person|chat|support|human)\b",
    r"\bescalate\b",
    r"^\W*(?:(?:a|an|the)\s+)?(?:real\s+|live\s+)?(?:human|agent|operator|representative|person|manager|supervisor|"
    r"customer\s+(?:service|support|care))(?:\s+(?:please|pls|plz|now|asap))?\W*$",
    r"^\W*(?:(?:talk|speak|chat)\s+(?:to\s+|with\s+)?)?human\W*$",
    r"\b(?:human|agent|representative|operator|customer\s+(?:service|support|care))\s+(?:please|pls|plz|asap)\b",
    r"\breal\s+person\s+please\b",
)
# Negated or hypothetical mentions: "I don't want to talk to a human", "do I need to talk to someone".
_HUMAN_EN_NOT = _rx(
    r"\b(?:don'?t|do\s+not|doesn'?t|no\s+need|never|not)\s+(?:\w+\s+){0,4}?(?:want|need|wanna|have|require|talk|speak|transfer|connect|send)\b",
    r"\bno\s+need\s+for\b",
    r"^\s*(?:do|would|will)\s+i\s+(?:need|have)\s+to\b",
)
_HUMAN_ZH = _rx(
    r"转人工|人工客服|人工服务|人工坐席|转接人工|真人客服|人工台|接通人工",
    r"(?:转|找|要|接|接通|换|叫|联系|请|安排|让|转给|转到)[^，。？！?!,]{0,6}?(?:人工|真人|客服|经理|主管|负责人|工作人员|店长)(?!智能|缝|制|做|发的)",
    r"(?:和|跟|与|同|找)\s*(?:你们的?)?\s*(?:真人|人工|客服|人|经理|老板|负责人|店长|主管)\s*(?:说|聊|沟通|谈|讲|对话)",
    r"有没有\s*(?:人工|真人|客服|工作人员).{0,4}(?:帮|处理|看|解决|回答)",
    r"(?:工作人员|客服|人工|经理).{0,4}(?:联系|回电|打给|打电话)",
    r"找个?人(?:来|帮|处理|解决)", r"人工(?:帮忙|处理|介入)",
    r"客服.{0,2}电话|人工.{0,2}电话",
    r"^\W*(?:人工|真人|客服)\W*$", r"^\W*(?:人工|真人|客服)(?:呢|在吗|在不在|在哪)\W*$",
)
_HUMAN_ZH_NOT = re.compile(r"(?:不用|不需要|不要|不想|别|无需|不必)[^，。？！?!,]{0,4}(?:人工|真人|客服)")
_HUMAN_ZH_NOT = re.compile(r"(?:不用|不需要|不要|不想|别|无需|不必)[^，。？！?!,]{0,4}(?:人工|真人|客服)")
# A person in passing: shopping for people ("a gift for our support team", "buying for my manager"),
# people's jobs ("my brother works in customer service"), products ("human hair"), or asking what the
# bot is ("is this a real human answering?", "are you a person?").
_MENTION = _rx(
    r"\b(?:gift|present|presents|gifts|something|anything|buy(?:ing)?|get(?:ting)?|shopping|order(?:ing)?)\s+(?:\w+\s+){0,4}?"
    r"for\s+(?:my|our|a|an|the|his|her|their|your)\s+(?:\w+\s+){0,3}?(?:team|staff|colleagues?|co-?workers?|reps?|"
    r"agents?|managers?|boss|employees?|people|persons?|humans?|operators?|supervisors?)\b",
    r"\bworks?\s+(?:in|at|for|as)\b|\bworking\s+(?:in|at|as)\b",
    r"\bhuman\s+(?:hair|body|anatomy|skin|rights|resources|nature|error)\b",
    r"^\W*(?:are|is)\s+(?:you|this|it|that)\s+(?:\w+\s+){0,2}?(?:a\s+|an\s+)?(?:real\s+|actual\s+|live\s+)?"
    r"(?:human|person|bot|robot|ai|machine|people)\b",
    r"\b(?:no|any|every)\s+real\s+(?:human|person)\s+would\b",
    r"\bwas\s+(?:helpful|great|useless|good|bad|slow|quick|fast|rude|nice|friendly)\b",
)
# A word for a person or for reaching one; a request for a person always has one.
_PERSONISH = re.compile(
    r"\b(humans?|persons?|people|someone|somebody|agents?|reps?|representatives?|staff|support|operators?|"
    r"managers?|advisors?|advisers?|assistants?|consultants?|specialists?|real|live|employees?|customer service|"
    r"call|phone|speak|talk|chat with|anyone|team|through to|transfer)\b",
    re.IGNORECASE,
)
# What a request looks like when a learned head says "wants a person": a verb of contact or desire,
# or a bare noun phrase ("live support", "Representative.").
_REQUEST_SHAPE = _rx(
    r"\b(?:talk(?:ing)?|speak(?:ing)?|chat(?:ting)?\s+with|connect|transfer|put\s+me|pass\s+me|hand\s+me|reach|contact"
    r"|call|ring|phone|message\s+me|get\s+me|give\s+me|get\s+(?:a|an|some)|want|wanna|need(?:ed)?|would\s+like|'d\s+like"
    r"|'d\s+prefer|'d\s+rather|'d\s+feel|prefer|demand|request|can\s+i|could\s+i|may\s+i|any\s+chance|is\s+there|are\s+there"
    r"|(?:can|could|would|will)\s+(?:someone|somebody|a|an|any)|who\s+can|please|pls|plz|escalate|let\s+(?:me|a)"
    r"|take\s+over|join|in\s+touch)\b",
)
_ZH_CLAUSE = re.compile(r"[，,。.;；!！?？]")


def normalise(text: str) -> str:
    """Curly quotes and full-width question marks as ASCII, whitespace collapsed."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").replace("\uff1f", "?").split())


def clauses(text: str) -> list[str]:
    """Split on sentence punctuation and contrast words, so a negation only covers its own clause
    ("I need a person, not a machine"; "this is useless, give me a human")."""
    parts = re.split(r"[.;!?,]+|\b(?:but|instead|rather\s+than)\b", text, flags=re.IGNORECASE)
    return [p.strip() for p in parts if p and p.strip()] or [text]


def person_request_language(text: str) -> str | None:
    """"en" or "zh" when the message asks to talk to a person (in that language's rules), else None."""
    t = normalise(text)
    for clause in clauses(t):
        if _HUMAN_EN.search(clause) and not _HUMAN_EN_NOT.search(clause) and not _MENTION.search(clause):
            return "en"
    # "我不要机器人，我要人工": the negation covers the bot, the request still stands.
    for clause in [t, *_ZH_CLAUSE.split(t)]:
        if _HUMAN_ZH.search(clause) and not _HUMAN_ZH_NOT.search(clause):
            return "zh"
    return None


def asks_for_person(text: str) -> bool:
    """True when the message asks to talk to a person: "can I talk to a human", "转人工"."""
    return person_request_language(text) is not None


def could_ask_for_person(text: str) -> bool:
    """False when a learned "wants a person" guess must be wrong: the message names nobody ("show me a
    coffee grinder"), has no request shape (no verb of contact or desire and more than four words), or
    it is negated or a passing mention."""
    t = normalise(text)
    if not _PERSONISH.search(t) or _MENTION.search(t) or any(_HUMAN_EN_NOT.search(c) for c in clauses(t)):
        return False
    return _REQUEST_SHAPE.search(t) is not None or len(t.split()) <= 4
