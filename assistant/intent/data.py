"""Labelled utterances for training and evaluating the intent head, with fixed splits.

The label is session-level: did this turn come from a *buying session* (a shopper who is shopping to
buy something now)? WebShop instructions and MG-ShopDial dialogues are buying sessions only, so
non-buying sessions (browsing, small talk, order status, returns, account help, off-topic) come from
`written_sessions.json`, written by the project. Splits are fixed by hashing ids, so every run and
every machine sees the same train/test rows without a random generator.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

WRITTEN_PATH = Path(__file__).with_name("written_sessions.json")

# How many WebShop rows to use: the set has 11,587 instructions, all positive; more adds embedding
# time but little signal once the project-written negatives are the bottleneck.
WEBSHOP_TRAIN, WEBSHOP_TEST = 1200, 600
WEBSHOP_QUERIES_TRAIN, WEBSHOP_QUERIES_TEST = 300, 150
MG_TEST_DIALOGUES = 10  # of 32
WRITTEN_TEST_FRACTION = 0.25


def shared_data_dir() -> Path:
    """The public data folder: `AISLE_SHARED_DATA`, else `../shared/data/` next to the repository."""
    env = os.environ.get("AISLE_SHARED_DATA")
    path = Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
    if not (path / "webshop_goals_500_on.json").exists():
        raise FileNotFoundError(
            f"Public data not found in {path}: set AISLE_SHARED_DATA to the folder that holds "
            "webshop_goals_500_on.json, mgshopdial_dev.json and uci_online_shoppers_intention.csv"
        )
    return path


@dataclass(frozen=True)
class Turn:
    """One shopper utterance with its session, position and label."""

    text: str
    label: int  # 1 = from a buying session
    source: str  # webshop | webshop_query | mgshopdial | written
    session: str  # group id: turns of one session never straddle train and test
    index: int  # 0-based position among the shopper's turns in the session
    kind: str = ""  # written sessions: browsing, returns, ...; MG: the utterance's annotated goal


def _unit_hash(key: str) -> float:
    """Stable value in [0, 1) from a string; the split and the sampling order depend only on it."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:12], 16) / float(1 << 48)


def webshop_turns(data_dir: Path, split: str) -> list[Turn]:
    """WebShop instructions (and, separately tagged, the search queries typed for them)."""
    goals = json.loads((data_dir / "webshop_goals_500_on.json").read_text(encoding="utf-8"))
    qmap = json.loads((data_dir / "webshop_goal_query_map_500_on.json").read_text(encoding="utf-8"))
    uniq = sorted({g.strip() for g in goals if g and g.strip()}, key=lambda g: (_unit_hash(g), g))
    # 20% of instructions, chosen by hash, are held out; their queries follow them.
    test = [g for g in uniq if _unit_hash("split:" + g) < 0.2]
    train = [g for g in uniq if _unit_hash("split:" + g) >= 0.2]
    chosen = test[:WEBSHOP_TEST] if split == "test" else train[:WEBSHOP_TRAIN]
    out = [Turn(g, 1, "webshop", "ws:" + g, 0) for g in chosen]
    want = WEBSHOP_QUERIES_TEST if split == "test" else WEBSHOP_QUERIES_TRAIN
    pool = test if split == "test" else train
    pool_set = set(pool)
    queries = []
    for goal in sorted(qmap, key=lambda g: (_unit_hash(g), g)):
        if goal.strip() in pool_set and qmap[goal]:
            queries.append(Turn(str(qmap[goal][0]).strip(), 1, "webshop_query", "ws:" + goal.strip(), 0))
        if len(queries) >= want:
            break
    return out + queries


def mgshopdial_dialogues(data_dir: Path) -> list[dict]:
    """The MG-ShopDial dev dialogues as published."""
    return json.loads((data_dir / "mgshopdial_dev.json").read_text(encoding="utf-8"))


def mg_test_ids(dialogues: list[dict]) -> set[str]:
    """Which dialogues are held out: a fixed hash order, so the choice never depends on a seed."""
    ordered = sorted((d["id"] for d in dialogues), key=lambda i: (_unit_hash("mg:" + i), i))
    return set(ordered[:MG_TEST_DIALOGUES])


def mgshopdial_turns(data_dir: Path, split: str) -> list[Turn]:
    """Client turns of MG-ShopDial: every dialogue is a shopper given a purchase task (label 1)."""
    dialogues = mgshopdial_dialogues(data_dir)
    held = mg_test_ids(dialogues)
    out = []
    for d in dialogues:
        if (d["id"] in held) != (split == "test"):
            continue
        k = 0
        for u in d["utterances"]:
            text = (u.get("utterance") or "").strip()
            if u.get("participant") != "Client" or not text:
                continue
            out.append(Turn(text, 1, "mgshopdial", "mg:" + d["id"], k, u.get("goal", "")))
            k += 1
    return out


def written_sessions() -> list[dict]:
    """The project-written sessions shipped in the package."""
    return json.loads(WRITTEN_PATH.read_text(encoding="utf-8"))["sessions"]


def written_turns(split: str) -> list[Turn]:
    """Project-written turns; a fixed share of each kind (browsing, returns, ...) is held out."""
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for s in written_sessions():
        by_kind[s["kind"]].append(s)
    out = []
    for kind, sessions in sorted(by_kind.items()):
        ordered = sorted(sessions, key=lambda s: (_unit_hash("w:" + s["id"]), s["id"]))
        n_test = max(1, round(len(ordered) * WRITTEN_TEST_FRACTION))
        chosen = ordered[:n_test] if split == "test" else ordered[n_test:]
        for s in chosen:
            for k, text in enumerate(s["turns"]):
                out.append(Turn(text, int(bool(s["buying"])), "written", s["id"], k, kind))
    return out


def all_turns(split: str, *, data_dir: Path | None = None) -> list[Turn]:
    """Every labelled turn of one split (`train` or `test`), public and project-written."""
    if split not in ("train", "test"):
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    data_dir = data_dir or shared_data_dir()
    return webshop_turns(data_dir, split) + mgshopdial_turns(data_dir, split) + written_turns(split)


def uci_rows(data_dir: Path | None = None) -> list[dict]:
    """UCI Online Shoppers Purchasing Intention sessions as dicts of strings (header row included)."""
    path = (data_dir or shared_data_dir()) / "uci_online_shoppers_intention.csv"
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))
