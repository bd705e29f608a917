"""What one shopper message means in a running chat.

`understand` names the act ("search", "refine", "question", "compare", "cart_add", ...), the
constraints the message sets, and which of the products just shown it points at ("the second
one", "both", "第二个"). `Preferences.apply` folds that into the search the dialogue keeps across
turns. Rules, not a model: every turn pays for this, so it must be sub-millisecond and always give
the same answer. A separate escalation module does the full "wants a person" detection; the
"human" act here only catches plain requests.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from catalog.filters import Filters
from language.acts import (
    ABOUT_SHOWN_START, ANOTHER_THING, OTHER_BRAND, ACTS, ASKS_FOR_PRODUCTS, CART_ADD, CART_NAMED, CART_REMOVE, CART_SHOW, CHEAPER, COMPARATIVE,
    COMPARE, DETAILS, GREETING, HESITATION, MEANINGFUL, MORE, NARROWING, NEED_OPENER, OFF_TOPIC, POINTS_AT_SHOWN,
    PRICIER, REQUEST_OPENER, SET_QUANTITY, SMALLTALK, WHICH_OF_THESE, gibberish, is_question, only_ack, only_thanks,
)
from language.cart_words import named_words
from language.cjk import CJK, CJK_PARTICLES, lang_of
from language.currency import currency_in
from language.numbers import small_number
from language.fillers import STOPWORDS, present_for, strip_dialogue
from language.hobbies import as_need, liked
from language.person import asks_for_person, could_ask_for_person
from language.query import parse_query
from language.references import RE_ALL, attribute_matches, find_quantity, find_references, title_matches
from language.service import service_request
from language.spelling import respell_chinese, textspeak
from language.units import bounds
from language.topics import topic as topic_of
from language.vocabulary import Vocabulary, builtin_vocabulary

__all__ = ["ACT_MODEL_THRESHOLD", "ActModel", "Understanding", "understand"]


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
    points_beyond: bool = False  # an ordinal past the end of `shown`: the list before it may be meant
    pointed: bool = False  # an ordinal, number, title or price pointed (not only "it" / "them")
    question_topic: str | None = None  # TOPICS for "question"; SERVICE_TOPICS for "policy", "order_problem"
    quantity: int = 1  # for cart adds: "two of them" -> 2
    set_quantity: bool = False  # "make it 3": the cart line holds `quantity`, not `quantity` more
    lang: str = "en"  # "zh" when the message has Chinese characters: answer the turn in this language
    currency: str | None = None  # a currency the message states ("¥200", "两百块", "$80" -> "CNY"/"USD")
    source: str = "rules"  # "model" when `act_model` chose the act because the rules found none
    act_probability: float | None = None  # the model's probability for its act, when source == "model"
    hobby: str | None = None  # a present for someone who likes this pastime ("he loves hiking"): HOBBY_KINDS
    named: list[str] = field(default_factory=list)  # cart acts: words naming the product ("the Ridgeback boots")
    specs: list = field(default_factory=list)  # spec bounds (language.units.Bound): "at least 750ml", "under 1.5 kg"
    other_brand: bool = False  # "any from a different brand?": the kind on screen, other brands

    @property
    def language(self) -> str:
        """The old name of `lang`."""
        return self.lang

    def to_dict(self) -> dict[str, Any]:
        """Plain data, e.g. for logs and turn metadata."""
        return asdict(self)



def _need_text(text: str) -> str:
    """The parsed need minus dialogue words: "what about trail runners instead" -> "trail runners"."""
    for pattern in (CHEAPER, PRICIER, MORE):
        text = pattern.sub(" ", text)
    return strip_dialogue(text)


# "有什么颜色", "any other sizes?": a request opener followed by nothing but an option word asks what the
# product on screen comes in; it is no search for the word "colour".
_OPTIONS_ONLY = re.compile(
    r"^\W*(?:有什么|有哪些|有几种|有没有别的|有没有其他|还有什么|还有别的|还有其他)\s*(?:颜色|尺码|码数|码|尺寸|材质|款式|规格)"
    r"\s*(?:可选|可以选|呢|吗|啊|呀)*\W*$"
    r"|^\W*(?:any\s+|are\s+there\s+(?:any\s+)?|got\s+any\s+|do\s+you\s+have\s+(?:any\s+)?)(?:other\s+|more\s+)?"
    r"(?:colou?rs|sizes|materials|colou?r\s+options|size\s+options)\b\W*$", re.IGNORECASE)
_COMES_WITH = re.compile(
    r"^\W*(?:does|do|will|would)\s+(?:it|this|that|they|these|this\s+one|that\s+one)\s+(?:come|ship|arrive)\s+with\b"
    r"|\b(?:is|are)\s+(?:an?\s+|the\s+)?[a-z-]+\s+included\b|^\W*(?:送|附送|附带|带|配)[^，。？?]{1,6}吗|(?:送|附送|附带|配)不(?:送|附送|附带|配)",
    re.IGNORECASE)


def _on_screen(words: list[str], titles: Sequence[str], vocab: Vocabulary) -> bool:
    """Some word of a cart message that names no kind of product is a word of a shown title ("the
    Sonique"); "I want to buy hiking boots" names a kind, a new search."""
    if any(kind == "category" for kind, _, _, _ in vocab.find(" ".join(words))):
        return False
    said = {w for w in words if len(w) > 2 and vocab.kind(w) in (None, "brand") and w.isascii()}
    return bool(said) and any(said & set(re.findall(r"[a-z0-9][a-z0-9'-]+", t.lower())) for t in titles)


def _only_properties(content: list[str]) -> bool:
    from language.lexicon import PROPERTY_ADJECTIVES

    return all(w in PROPERTY_ADJECTIVES for w in content)


def _content_words(text: str) -> list[str]:
    """Words that name a product or property, not dialogue glue or comparatives."""
    text = COMPARATIVE.sub(" ", text)
    mixed = re.findall(r"[A-Za-z0-9]+[\u4e00-\u9fff]+|[\u4e00-\u9fff]+[A-Za-z0-9]+", text)  # "T恤", "U盘"
    for m in mixed:
        text = text.replace(m, " ")
    words = [w for w in re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower()) if w not in STOPWORDS]
    cjk = [c for c in CJK.findall(text) if c not in CJK_PARTICLES]
    return mixed + words + ([''.join(cjk)] if len(cjk) >= 2 else [])


# "Do you have wall calendar?", "Actually, never mind. Do you sell X?": a sentence that asks whether the
# shop sells something the catalog's titles name is a search, whatever a learned act guesses from its
# shape ("do you have gift cards / student discounts?" name no product of the catalog: the act decides).
_ASKS_TO_BUY = re.compile(r"(?:^|[.!?;。！？；]\s*)(?:(?:do|does)\s+(?:you|u)\s+(?:have|sell|carry|stock)|have\s+you\s+got"
                          r"|(?:do|does)\s+(?:the\s+)?(?:shop|store)\s+(?:have|sell|carry))\b|有没有|有卖|卖不卖",
                          re.IGNORECASE)


def _asks_to_buy(text: str, content: list[str], vocab: Vocabulary) -> bool:
    from language.vocabulary import number_forms

    words = [w for w in content if len(w) >= 4 and w.isascii()]
    return (_ASKS_TO_BUY.search(text) is not None and bool(words)
            and all(number_forms(w) & vocab.words for w in words))


ActModel = Callable[[str], "tuple[str, float] | None"]
ACT_MODEL_THRESHOLD = 0.7  # a learned act below this probability never overrides the rules (hand-set)


def understand(
    text: str,
    *,
    vocab: Vocabulary | None = None,
    shown: Sequence[str] = (),
    shown_titles: Sequence[str] = (),
    shown_prices: Sequence[float] = (),
    focus: int | str | None = None,
    act_model: ActModel | None = None,
    act_threshold: float = ACT_MODEL_THRESHOLD,
    shown_details: Sequence[str] = (),
) -> Understanding:
    """Understand one shopper message.

    `shown` are the product ids of the last answer, in order; references index into it and are
    dropped when out of range. `shown_titles` lets "the Ridgeback" point at a product and
    `shown_prices` lets "the cheapest one" / "the pricier one" do so. `focus` is the product the
    shopper is talking about (an index into `shown`, or a product id in it): a bare "it"/"that one"
    means it, else the only product shown, else nothing (ambiguous). `shown_details` (each shown
    product's title with its colour, material and size) lets "the green one" point at a product.
    `filters_delta` is set only for "search", "refine" and "question"; other acts carry none.

    `act_model(text) -> (act, probability)` is consulted only where the rules find nothing: the
    message is "unclear", or a "search" that names no known product type and sets no filter. Its
    act wins when the probability reaches `act_threshold` and it is not a search (the rules' reading
    of a search is kept, with its need words); the result then says `source="model"`. A "human" guess
    passes the same guard as escalation's learned head. `ActClassifier.act` (assistant/intent/act_head.py)
    has this signature and these labels.

    The act is decided in a fixed order, most specific first, so one message never gets two:
    human, cart remove/add/show, greeting, thanks, compare, customer service (policy, order problem), off-topic/
    smalltalk (only when no product type is named), question (a topic, asked about shown products),
    then search or refine by whether new product words remain, then a bare "the second one" as a
    question, else unclear.
    """
    vocab = vocab or builtin_vocabulary()
    if isinstance(focus, str):
        focus = list(shown).index(focus) if focus in shown else None
    u, weak = _by_rules(text, vocab=vocab, shown=shown, shown_titles=shown_titles, shown_prices=shown_prices,
                        focus=focus, shown_details=shown_details or shown_titles)
    if act_model is None or not weak:
        return u
    guess = act_model(text)
    if not guess or guess[0] not in ACTS or guess[0] in ("search", "refine") or guess[1] < act_threshold:
        return u
    act, probability = guess
    if act == "human" and not could_ask_for_person(text):
        return u  # the same guard as escalation's learned head: a person named in passing is no request
    # What the message points at stays the rules' reading ("the 2nd one" past a one-card answer).
    keep = ({"references": u.references, "quantity": u.quantity, "points_beyond": u.points_beyond,
             "pointed": u.pointed} if act in _POINTING_ACTS else {})
    return Understanding(act=act, text=text, lang=u.lang, currency=u.currency, source="model",
                         act_probability=round(float(probability), 4), **keep)


_POINTING_ACTS = ("question", "compare", "cart_add", "cart_remove")


def _by_rules(text: str, *, vocab: Vocabulary, shown: Sequence[str], shown_titles: Sequence[str],
              shown_prices: Sequence[float], focus: int | None,
              shown_details: Sequence[str] = ()) -> tuple[Understanding, bool]:
    """The rules' reading, and whether it is weak (nothing recognised: a learned act may do better)."""
    raw = textspeak(" ".join(text.split()))
    lang = lang_of(raw)
    currency = currency_in(raw)
    count = len(shown)
    refs = None

    def result(act: str, **kw: Any) -> Understanding:
        return Understanding(act=act, text=text, lang=lang, currency=currency,
                             points_beyond=bool(refs is not None and refs.beyond),
                             pointed=bool(refs is not None and refs.explicit), **kw)

    if not MEANINGFUL.search(raw) or HESITATION.match(raw):
        return result("unclear"), True
    if asks_for_person(raw):
        return result("human"), False

    quantity, quantity_spans, quantity_pronoun = find_quantity(raw)
    is_compare = COMPARE.search(raw) is not None
    specs = bounds(raw)  # "under 600ml", "at least 10 hours": bounds on a spec, a refinement or a search
    refs = find_references(raw, count=count, prices=shown_prices, focus=focus,
                           quantity_spans=quantity_spans, bare_numbers=is_compare)
    if quantity_pronoun and not refs.indexes:
        refs.indexes = [focus] if focus is not None and 0 <= focus < count else [0] if count == 1 else []
    if REQUEST_OPENER.match(raw) and not refs.explicit:
        # "I need jars with white lids, I want them in amber": the pronoun is the thing asked for.
        refs.indexes, refs.single_pronoun = [], False
    references = refs.indexes

    def pointed(indexes: list[int]) -> list[int]:
        """Title words count only for acts about shown products: "not Trailmark" names no product."""
        if indexes or not shown_titles:
            return indexes
        by_title = [i for i in title_matches(raw, shown_titles[:count], vocab) if i < count]
        return by_title or [i for i in attribute_matches(raw, shown_details[:count], vocab) if i < count]

    named = named_words(raw, spans=[*refs.spans, *quantity_spans], vocab=vocab)
    if CART_REMOVE.search(raw):
        return result("cart_remove", references=pointed(references), named=named), False
    setting = SET_QUANTITY.search(raw) if count else None
    if setting is not None and (n := small_number(setting.group("n") or setting.group("zn") or "")):
        return result("cart_add", references=pointed(references), quantity=n, set_quantity=True), False
    if CART_ADD.search(raw):
        return result("cart_add", references=pointed(references), quantity=quantity, named=named), False
    if CART_NAMED.search(raw) and (pointed(references) or _on_screen(named, shown_titles[:count], vocab)):
        # "I'll go with the Sonique" with two Sonique cards: a purchase; the turn asks which one
        return result("cart_add", references=pointed(references), quantity=quantity, named=named), False
    if CART_SHOW.search(raw):
        return result("cart_show"), False
    if GREETING.match(raw):
        return result("greeting"), False
    if only_thanks(raw):
        return result("thanks"), False
    if is_compare:
        references = pointed(references)
        if not references and (RE_ALL.search(raw) or WHICH_OF_THESE.search(raw)):
            references = list(range(count))
        return result("compare", references=references), False

    blanked = raw
    for start, end in [*refs.spans, *(b.span for b in specs)]:
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    # A Chinese product word typed as its homophone ("台登" for 台灯) is read as the word.
    parsed = parse_query(respell_chinese(blanked) if lang == "zh" else blanked, vocab=vocab)
    names_product = bool(parsed.filters.categories)
    service = service_request(raw) if not (refs.explicit or refs.single_pronoun) else None
    if service and (not names_product or service[0] == "order_problem"):
        return result(service[0], question_topic=service[1]), False
    if not names_product:
        if OFF_TOPIC.search(raw):
            return result("off_topic"), False
        if SMALLTALK.search(raw):
            return result("smalltalk"), False
        if only_ack(raw):
            return result("smalltalk"), False  # "ok", "yes", "好的": acknowledgements

    delta = {f.name: getattr(parsed.filters, f.name) for f in fields(Filters)
             if getattr(parsed.filters, f.name) not in (None, (), {}, False)}
    excluded = {k: list(v) for k, v in parsed.excluded_attributes.items()}
    if count and OTHER_BRAND.search(raw) and not (refs.explicit or parsed.filters.brands or parsed.filters.exclude_brands):
        return result("refine", other_brand=True, more=True), False  # no brand named: not the ones on screen

    flags_text = parsed.text
    cheaper = CHEAPER.search(flags_text) is not None
    pricier = PRICIER.search(flags_text) is not None and not cheaper
    # "还有别的吗": tidy drops those words from the parsed text, so Chinese is read as written.
    more = MORE.search(flags_text) is not None or (lang == "zh" and MORE.search(raw) is not None)

    singles_out = bool(references) or refs.single_pronoun
    asked = is_question(raw) and not (REQUEST_OPENER.match(raw) and not references and not _OPTIONS_ONLY.match(raw))
    asks = asked or (bool(references) and not (cheaper or pricier or more))
    topic = topic_of(raw) if asks or singles_out else None
    if topic is None and singles_out:
        attributes = parsed.filters.attributes
        topic = "color" if "color" in attributes else "size" if "size" in attributes else None
    points_at_shown = singles_out or POINTS_AT_SHOWN.search(raw) is not None
    if specs and not singles_out:
        topic = None  # "what about under 600ml?" sets a bound on the list; it asks about no product
    if topic == "price" and (cheaper or pricier):
        topic = None  # "can you make it cheaper?" asks for other products, not about this price
    if topic and asks and (points_at_shown or (count and not names_product)
                           or not (count or names_product or parsed.filters.brands)):
        references = pointed(references)
        if not references and WHICH_OF_THESE.search(raw):
            references = list(range(count))
        return result("question", references=references, question_topic=topic, filters_delta=delta,
                      excluded=excluded), False

    if count and _COMES_WITH.search(raw):  # "does it come with a charger?": about the product, not a search
        return result("question", references=pointed(references), question_topic="other"), False
    need = _need_text(parsed.text)
    hobby = None
    likes = liked(raw if lang == "zh" else parsed.text)
    if likes is not None and likes.only_present:
        # "a present for my father. He loves coffee": what he loves is the need, not the present talk.
        hobby = likes.hobby if lang == "en" or need == likes.what else None
        what = as_need(likes.what)  # "badminton" -> "badminton gear"
        need = _need_text(f"{what} {present_for(raw)}") if lang == "en" else need
        if hobby:  # the pastime's kinds of product are searched, not the one its word names ("coffee")
            delta.pop("categories", None)
    elif likes is not None and lang == "en":  # "a watch for my dad, he loves hiking": the watch
        need = _need_text(likes.rest)
    content = _content_words(need)
    if DETAILS.search(raw) and not specs:
        target = pointed(references)
        if target or refs.single_pronoun or (count and not content):
            return result("question", references=target, question_topic=topic or "other"), False
    about_shown = points_at_shown or ABOUT_SHOWN_START.match(raw) is not None
    if asked and about_shown and count and not (names_product or delta or excluded or cheaper or pricier or more
                                                or specs):
        return result("question", references=pointed(references), question_topic="other"), False

    comparative = COMPARATIVE.search(need) is not None
    if content and all(gibberish(w) for w in content) and not (delta or excluded):
        return result("unclear"), True

    if content:
        refining = not (names_product or NEED_OPENER.match(raw) or ANOTHER_THING.search(raw)) and (
            comparative or (len(content) <= 3 and NARROWING.search(raw) is not None))
        # "waterproof is a must": a property alone narrows what is on screen.
        refining = refining or bool(count and not REQUEST_OPENER.match(raw) and _only_properties(content))
        refining = refining and likes is None
        weak = not (names_product or delta or excluded or parsed.filters.brands or hobby
                    or _asks_to_buy(raw, content, vocab))
        return result("refine" if refining else "search", query_text=need, filters_delta=delta, excluded=excluded,
                      cheaper=cheaper, pricier=pricier, more=more, references=references, hobby=hobby,
                      specs=specs), weak and not specs
    if delta or excluded or cheaper or pricier or more or comparative or specs:
        return result("refine", query_text=need if comparative else "", filters_delta=delta, excluded=excluded,
                      cheaper=cheaper, pricier=pricier, more=more, references=references, specs=specs), False
    if references:  # "the second one", "第二个": the shopper singles one out
        return result("question", references=references, question_topic=topic or "other"), False
    if ASKS_FOR_PRODUCTS.search(raw):  # "any recommendations?", "what do you have?": the current search
        return result("refine"), False
    return result("unclear"), True
