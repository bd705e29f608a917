"""The typed session state one turn reads and writes (stored as a plain dict by the session store).

Before, six modules wrote untyped keys into one dict; here every key has a field, a type and one
owner, and keys this version does not know (written by a newer server or a plugin) are kept as they
are, so two app versions can share a store without losing each other's data.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field, fields
from typing import Any

# Topics a shopper asked about; each is a purchase-intent signal ("asked_price", ...).
ASKED_TOPICS = ("price", "delivery", "stock", "size")


@dataclass
class SessionState:
    """What the assistant remembers between turns of one chat."""

    shown: list[str] = field(default_factory=list)  # product ids on the cards of the last answer
    viewed: list[str] = field(default_factory=list)  # every product id shown in this chat (last 200)
    last_list: list[str] = field(default_factory=list)  # the last list answered ("compare the first two"):
    # several cards, or the one card a search found ("I found 1 option" within a new budget is a list of one)
    older_list: list[str] = field(default_factory=list)  # the several-card answer before it ("the third one" of two)
    compared: list[str] = field(default_factory=list)
    focus: str | None = None  # the product "it" refers to
    preferences: dict[str, Any] = field(default_factory=dict)  # language.Preferences.to_dict()
    cart: list[dict[str, Any]] = field(default_factory=list)  # [{"product_id", "quantity"}]
    cart_value: float = 0.0  # kept as a column too, so the staff list sorts without loading state
    unmet: int = 0  # consecutive turns whose need was not met (escalates at 3)
    turns: int = 0
    started_at: float | None = None
    asked: list[str] = field(default_factory=list)  # of ASKED_TOPICS
    nudges: list[dict[str, Any]] = field(default_factory=list)  # offers made (NudgePolicy)
    lang: str = "en"  # the language the shopper writes in
    answer_act: str = ""  # the act of the answer being stored (a search's cards are a list, even one;
    # "more" when it showed more of the list above)
    shopper_id: str | None = None  # a returning shopper's id, when the shop linked one
    extra: dict[str, Any] = field(default_factory=dict)  # unknown keys, kept verbatim

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "SessionState":
        """Read a stored dict; legacy `asked_<topic>` flags become `asked`."""
        data = dict(data or {})
        known = {f.name for f in fields(cls)} - {"extra"}
        asked = [t for t in ASKED_TOPICS if data.pop(f"asked_{t}", False)]
        state = cls(**{k: data.pop(k) for k in list(data) if k in known})
        state.asked = list(dict.fromkeys([*state.asked, *asked]))
        state.cart_value = float(state.cart_value or 0.0)
        state.extra = data
        return state

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data for the session store."""
        data = asdict(self)
        extra = data.pop("extra")
        return {**extra, **data}

    def count_turn(self, topic: str | None) -> None:
        """One more shopper turn; remember which buying question it asked."""
        self.turns += 1
        if self.started_at is None:
            self.started_at = time.time()
        flag = {"shipping": "delivery"}.get(topic or "", topic)
        if flag in ASKED_TOPICS and flag not in self.asked:
            self.asked.append(flag)

    def remember_shown(self, ids: list[str]) -> None:
        """The cards of this answer; they are the list later positions count in when there are
        several, or when a search found them (a one-card answer about a shown product is not)."""
        self.shown = list(ids)
        if len(ids) >= 2 or (ids and self.answer_act in ("search", "refine")):
            if list(ids) != self.last_list:
                self.older_list = self.last_list
            self.last_list = list(ids)
        self.viewed = list(dict.fromkeys(self.viewed + self.shown))[-200:]
