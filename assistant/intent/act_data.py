"""Labelled shopper messages for the dialogue-act classifier, built at training time, with frozen splits.

What may train and what may only measure follows each source's license (see the shared data README):
- train: `act_examples.json` (English and Chinese messages written by the project, plus Chinese
  translations the project wrote of a sample of WebShop training instructions) and WebShop
  instructions and queries (MIT) as `search`;
- measure only: Bitext customer-service utterances and MG-ShopDial shopper turns (no license:
  evaluation only), WebShop's tune and held-out parts, and the project's Chinese translations of a
  sample of those records (`act_eval_labels.json`, keyed by record, never by copied text).
Every public record belongs to one part, `tune` or `heldout`, fixed by hashing its id (per label, so
the parts are stratified): a record and its translation always fall in the same part. No random
generator anywhere, so every run and every machine builds the same sets.
"""
from __future__ import annotations

import csv
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .data import _unit_hash, shared_data_dir

# "smalltalk" covers chat with the assistant and off-topic requests ("ok", "bye", "tell me a joke").
ACTS = ("search", "refine", "question", "compare", "cart_add", "cart_remove", "cart_show", "policy",
        "order_problem", "human", "greeting", "thanks", "smalltalk")
PARTS = ("train", "tune", "heldout")
EXAMPLES_PATH = Path(__file__).with_name("act_examples.json")
EVAL_LABELS_PATH = Path(__file__).with_name("act_eval_labels.json")

# Bitext intents as acts. Account, newsletter and address help are store questions without a product
# (policy); invoices, refunds, cancellations and changes are about an order already placed.
BITEXT_ACTS = {
    "contact_human_agent": "human", "contact_customer_service": "human",
    "check_refund_policy": "policy", "delivery_options": "policy", "delivery_period": "policy",
    "check_payment_methods": "policy", "check_cancellation_fee": "policy", "newsletter_subscription": "policy",
    "create_account": "policy", "delete_account": "policy", "edit_account": "policy",
    "recover_password": "policy", "registration_problems": "policy", "switch_account": "policy",
    "set_up_shipping_address": "policy", "change_shipping_address": "policy",
    "track_order": "order_problem", "cancel_order": "order_problem", "change_order": "order_problem",
    "get_refund": "order_problem", "track_refund": "order_problem", "payment_issue": "order_problem",
    "complaint": "order_problem", "check_invoice": "order_problem", "get_invoice": "order_problem",
}
# Left out, not forced into an act: "help me place an order" (cart_add or search?) and "leave a review".
BITEXT_UNMAPPED = ("place_order", "review")
BITEXT_PER_INTENT = 20  # per part; the set repeats templates, more rows add little
WEBSHOP_TRAIN, WEBSHOP_QUERIES_TRAIN = 240, 80
WEBSHOP_EVAL, WEBSHOP_QUERIES_EVAL = 60, 20  # per part
WEBSHOP_ZH_SAMPLE = 40  # training instructions the project translated into Chinese


@dataclass(frozen=True)
class Example:
    """One labelled message. `record` names the public record (or written example) it comes from."""

    text: str
    act: str
    lang: str  # en | zh
    source: str  # written | webshop | webshop_query | bitext | mgshopdial, with "+zh" for translations
    record: str
    part: str  # train | tune | heldout


def text_key(text: str) -> str:
    """Short stable id for a public utterance (the translations file refers to records by it)."""
    return hashlib.sha1(text.strip().lower().encode("utf-8")).hexdigest()[:12]


def _eval_part(key: str) -> str:
    return "heldout" if _unit_hash("acts-split:" + key) < 0.5 else "tune"


def bitext_examples(data_dir: Path) -> list[Example]:
    """Bitext utterances of the mapped intents, de-duplicated; per intent, alternate records by hash
    order go to tune and held-out (stratified), and the first BITEXT_PER_INTENT of each part are kept."""
    path = data_dir / "bitext_customer_service_training_8k.csv"
    by_intent: dict[str, set[str]] = defaultdict(set)
    with path.open(newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            text = " ".join((row.get("utterance") or "").split())
            if row.get("intent") in BITEXT_ACTS and text:
                by_intent[row["intent"]].add(text)
    out = []
    for intent in sorted(by_intent):
        texts = sorted(by_intent[intent], key=lambda t: (_unit_hash("acts-bitext:" + t), t))
        for part, chosen in (("heldout", texts[0::2]), ("tune", texts[1::2])):
            for t in chosen[:BITEXT_PER_INTENT]:
                out.append(Example(t, BITEXT_ACTS[intent], "en", "bitext", "bitext:" + text_key(t), part))
    return out


def webshop_examples(data_dir: Path) -> list[Example]:
    """WebShop instructions (and the queries typed for them) as `search`: 60% train, 20% tune, 20% held-out."""
    goals = json.loads((data_dir / "webshop_goals_500_on.json").read_text(encoding="utf-8"))
    qmap = json.loads((data_dir / "webshop_goal_query_map_500_on.json").read_text(encoding="utf-8"))
    uniq = sorted({" ".join(g.split()) for g in goals if g and g.strip()}, key=lambda g: (_unit_hash("acts-ws:" + g), g))

    def part_of(goal: str) -> str:
        u = _unit_hash("acts-ws-split:" + goal)
        return "heldout" if u < 0.2 else "tune" if u < 0.4 else "train"

    want = {"train": WEBSHOP_TRAIN, "tune": WEBSHOP_EVAL, "heldout": WEBSHOP_EVAL}
    want_q = {"train": WEBSHOP_QUERIES_TRAIN, "tune": WEBSHOP_QUERIES_EVAL, "heldout": WEBSHOP_QUERIES_EVAL}
    out, taken = [], defaultdict(int)
    for g in uniq:
        p = part_of(g)
        if taken[p] < want[p]:
            out.append(Example(g, "search", "en", "webshop", "webshop:" + text_key(g), p))
            taken[p] += 1
    taken_q: dict[str, int] = defaultdict(int)
    for goal in sorted(qmap, key=lambda g: (_unit_hash("acts-wsq:" + g), g)):
        g = " ".join(goal.split())
        p = part_of(g)
        if qmap[goal] and str(qmap[goal][0]).strip() and taken_q[p] < want_q[p]:
            q = " ".join(str(qmap[goal][0]).split())
            out.append(Example(q, "search", "en", "webshop_query", "webshop:" + text_key(g), p))
            taken_q[p] += 1
    return out


def mgshopdial_examples(data_dir: Path) -> list[Example]:
    """MG-ShopDial shopper turns the project labelled with acts (labels keyed by dialogue and turn id).

    Whole dialogues go to one part. Turns that only make sense in context ("Indigi please") were left
    unlabelled rather than guessed."""
    labels = json.loads(EVAL_LABELS_PATH.read_text(encoding="utf-8"))["mgshopdial"]
    dialogues = {d["id"]: d for d in json.loads((data_dir / "mgshopdial_dev.json").read_text(encoding="utf-8"))}
    out = []
    for did, turns in sorted(labels["dialogues"].items()):
        part = labels["parts"][did]
        utts = {str(u["utterance_id"]): u for u in dialogues[did]["utterances"]}
        for uid, act in turns.items():
            text = " ".join((utts[uid].get("utterance") or "").split())
            out.append(Example(text, act, "en", "mgshopdial", f"mg:{did}:{uid}", part))
    return out


def public_examples(data_dir: Path | None = None) -> list[Example]:
    """Every public example of every part (English)."""
    data_dir = data_dir or shared_data_dir()
    return webshop_examples(data_dir) + bitext_examples(data_dir) + mgshopdial_examples(data_dir)


def written_examples() -> list[Example]:
    """Project-written training messages, both languages."""
    doc = json.loads(EXAMPLES_PATH.read_text(encoding="utf-8"))
    out = []
    for lang in ("en", "zh"):
        for act in ACTS:
            for i, t in enumerate(doc[lang].get(act, [])):
                out.append(Example(t, act, lang, "written", f"written:{lang}:{act}:{i}", "train"))
    return out


def translated_examples(public: list[Example]) -> list[Example]:
    """The project's Chinese translations of public records, in the part of the record they translate."""
    train_zh = json.loads(EXAMPLES_PATH.read_text(encoding="utf-8"))["zh_webshop"]
    eval_zh = json.loads(EVAL_LABELS_PATH.read_text(encoding="utf-8"))["zh"]
    by_record: dict[str, Example] = {}
    for e in public:
        by_record.setdefault(e.record, e)
    out = []
    for record, zh in sorted({**train_zh["translations"], **eval_zh["translations"]}.items()):
        src = by_record.get(record)
        if src is None:
            raise ValueError(f"translation of unknown record {record}: the public files or the splits changed")
        out.append(Example(zh, src.act, "zh", src.source + "+zh", record, src.part))
    return out


def webshop_zh_sample(public: list[Example]) -> list[Example]:
    """Which WebShop training instructions the project translated (the first by hash order)."""
    ws = [e for e in public if e.source == "webshop" and e.part == "train"]
    return ws[:WEBSHOP_ZH_SAMPLE]


def all_examples(data_dir: Path | None = None) -> list[Example]:
    """Written, public and translated examples of every part."""
    public = public_examples(data_dir)
    return written_examples() + public + translated_examples(public)


def examples(part: str, *, data_dir: Path | None = None, langs: tuple[str, ...] = ("en", "zh")) -> list[Example]:
    """The examples of one part (`train`, `tune` or `heldout`) in the given languages."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, got {part!r}")
    return [e for e in all_examples(data_dir) if e.part == part and e.lang in langs]
