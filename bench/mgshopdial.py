"""MG-ShopDial: which catalog items did the Wizard recommend, and what had the Client said before?

The rules (image id, name keys, brand, price) are documented in `bench/retrieval.py`'s module doc;
they turn 32 human shopper/assistant dialogues into recommendation queries with known answers.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

MG_FILES = {"Books": "Books", "Cellphones&Accessories": "CellphonesAccessories",
            "Officeproducts": "Officeproducts", "SportsandOutdoors": "SportsandOutdoors"}

# -- 1. MG-ShopDial: which item did the Wizard recommend? ------------------------------------------
_STOP = frozenset("a an and the of for with to in on by is it its your you my our at from or as we this that no".split())
_IMAGE = re.compile(r"/images/I/([A-Za-z0-9+%-]+)\.")
_PRICE = re.compile(r"\$\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:\$|dollars|usd)", re.I)
_SEGMENT = re.compile(r",|\||\s[-–]\s")


@dataclass(frozen=True)
class Recommendation:
    """One moment a Wizard named catalog items, and what the Client had said before it."""

    dialogue: str
    turn: int  # utterance_id of the first Wizard utterance of the run
    query_all: str  # every Client utterance before the run, in order
    query_last: str  # the last Client utterance before the run
    relevant: tuple[str, ...]  # names of the items newly named in the run (= catalog titles)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _content(word: str) -> bool:
    if word in _STOP:
        return False
    has_digit, has_alpha = any(c.isdigit() for c in word), any(c.isalpha() for c in word)
    return (word.isalpha() and len(word) >= 3) or (has_digit and has_alpha) or (word.isdigit() and len(word) >= 4)


def _head(name: str) -> list[str]:
    if " by " in name:  # "Billy Summers by Stephen King": the title is the name
        return _words(name.split(" by ")[0])
    out: list[str] = []
    for segment in _SEGMENT.split(name):
        out += _words(segment)
        if len(out) >= 4:
            break
    return out[:12]


def _price(item: dict) -> float:
    return float(re.sub(r"[^\d.]", "", str(item["price"])))


class ItemNamer:
    """Finds the items of one MG-ShopDial item file that an utterance names (rules a-d above)."""

    def __init__(self, items: list[dict], all_items: list[dict]) -> None:
        self.items = items
        df: dict[str, int] = {}
        for it in all_items:
            for w in {_stem(w) for w in _words(it["name"])}:
                df[w] = df.get(w, 0) + 1
        self._rare = lambda w: df.get(_stem(w), 0) == 1
        self.keys: dict[str, set[str]] = {}
        self.brand: dict[str, str | None] = {}
        for it in items:
            name, head = it["name"], _head(it["name"])
            keys = {" ".join(head[i:i + n]) for n in (2, 3) for i in range(len(head) - n + 1)
                    if sum(map(_content, head[i:i + n])) >= 2 and any(map(self._rare, head[i:i + n]))}
            keys |= {w for w in head if self._rare(w) and _content(w) and any(c.isdigit() for c in w)}
            if " by " in name:
                keys.add(" ".join(head))
            others = [f" {' '.join(_words(o['name']))} " for o in items if o is not it]
            self.keys[name] = {k for k in keys if not any(f" {k} " in o for o in others)}
            first = _words(name)[0]
            ok = " by " not in name and first.isalpha() and len(first) >= 2 and first not in _STOP and self._rare(first)
            self.brand[name] = first if ok else None

    def named(self, utterance: str) -> list[str]:
        words = _words(utterance)
        padded = f" {' '.join(words)} "
        joined = {"".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}
        images = set(_IMAGE.findall(utterance))
        prices = [float(a or b) for a, b in (m.groups() for m in _PRICE.finditer(utterance.replace(",", "")))]
        found = []
        for it in self.items:
            name, price, brand = it["name"], _price(it), self.brand[it["name"]]
            if images & set(_IMAGE.findall(it.get("images") or "")):
                found.append(name)
            elif any(f" {k} " in padded or (" " in k and k.replace(" ", "") in joined) for k in self.keys[name]):
                found.append(name)
            elif brand and (f" {brand} " in padded or (len(brand) >= 5 and brand in joined)) and (
                    not prices or any(abs(p - price) <= 0.2 * price for p in prices)):
                found.append(name)
            elif any(abs(p - price) <= 0.01 * price for p in prices) and any(
                    self._rare(w) and _content(w) for w in set(_head(name)) & set(words)):
                found.append(name)
        return found


def load_mg_items(data: Path) -> dict[str, list[dict]]:
    return {cat: json.loads((data / f"mgshopdial_items_{f}.json").read_text()) for cat, f in MG_FILES.items()}


def mg_recommendations(data: Path) -> list[Recommendation]:
    """Every recommendation of a catalog item in the MG-ShopDial dev dialogues (rule in the module doc)."""
    items = load_mg_items(data)
    all_items = [it for its in items.values() for it in its]
    namers = {cat: ItemNamer(its, all_items) for cat, its in items.items()}
    out: list[Recommendation] = []
    for dialogue in json.loads((data / "mgshopdial_dev.json").read_text()):
        namer = namers[dialogue["id"].split(":")[0]]
        client: list[str] = []
        seen: set[str] = set()
        run_start, run_new = None, []
        for u in dialogue["utterances"] + [{"participant": "Client", "utterance": "", "utterance_id": -1}]:
            if u["participant"] == "Wizard":
                new = [n for n in namer.named(u["utterance"]) if n not in seen and n not in run_new]
                if run_start is None:
                    run_start = u["utterance_id"]
                run_new += new
                continue
            if run_new and client:  # a Wizard run just ended and named something new
                out.append(Recommendation(dialogue["id"], run_start, " ".join(client), client[-1],
                                          tuple(n.strip() for n in run_new)))
            seen.update(run_new)
            run_start, run_new = None, []
            if u["utterance"].strip():
                client.append(u["utterance"].strip())
    return out
