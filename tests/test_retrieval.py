"""Hybrid retrieval with the real embedding model and the real FAISS index."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from catalog import CatalogStore, import_file
from retrieval import Filters, Retriever
from retrieval.embedder import load_embedder
from retrieval.index import FaissIndex
from tests.contracts_retrieval import DIM, unit, EmbedderContract, MultilingualEmbedderContract, VectorIndexContract

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def retriever(dummyjson_db, embedder) -> Retriever:
    return Retriever.open(dummyjson_db, embedder=embedder)


def titles(hits):
    return [h.product.title for h in hits]


def test_exact_product_name_ranks_first(retriever):
    assert titles(retriever.search("Essence Mascara Lash Princess", k=3))[0] == "Essence Mascara Lash Princess"


def test_a_description_without_shared_words_still_finds_the_product(retriever):
    # No word overlap with "mascara": only the dense side can find it.
    hits = retriever.search("something to make my eyelashes look longer", k=5)
    assert "Essence Mascara Lash Princess" in titles(hits)


def test_price_filter_is_honoured_for_every_hit(retriever):
    hits = retriever.search("smartphone", k=10, filters={"price_max": 300})
    assert hits and all(h.product.price <= 300 for h in hits)
    assert any("iPhone" in t for t in titles(hits))


def test_brand_category_rating_and_exclusion_filters(retriever):
    apple = retriever.search("phone", k=10, filters=Filters(brands=("apple",)))
    assert apple and {h.product.brand for h in apple} == {"Apple"}
    not_apple = retriever.search("phone", k=10, filters=Filters(exclude_brands=("Apple",), categories=("smartphones",)))
    assert not_apple and all(h.product.brand != "Apple" and h.product.category == "smartphones" for h in not_apple)
    good = retriever.search("perfume", k=10, filters={"min_rating": 4.5})
    assert good and all(h.product.rating >= 4.5 for h in good)


def test_in_stock_filter_drops_out_of_stock_products(retriever):
    store = retriever.store
    out_ids = {p.id for p in store.iter_products() if not p.in_stock}
    assert out_ids, "the DummyJSON catalog has out-of-stock products"
    hits = retriever.search("", k=500, filters={"in_stock": True})
    assert hits and not ({h.product.id for h in hits} & out_ids)


def test_attribute_filters_match_variant_options(tmp_path, shared_data, embedder):
    db = tmp_path / "tau.db"
    import_file(CatalogStore(db), shared_data / "tau_bench_retail_products.json")
    r = Retriever.open(db, embedder=embedder)
    hits = r.search("t-shirt", k=5, filters={"attributes": {"color": "red", "size": "L"}})
    assert hits and hits[0].product.title.startswith("T-Shirt (red, L")
    assert all(h.product.attributes.get("color") == "red" for h in hits)
    # variants collapse: one card per product group first; other variants only fill free slots
    many = r.search("t-shirt", k=10)
    groups = [h.product.group_id for h in many]
    distinct = len(set(groups))
    assert len(set(groups[:distinct])) == distinct
    assert all(h.product.in_stock or not any(o.product.in_stock for o in r.search(
        "t-shirt", k=200, collapse_variants=False) if o.product.group_id == h.product.group_id)
        for h in many[:distinct]), "a group's card is a variant a shopper can buy when it has one"


def test_variant_fill_shows_more_of_a_few_products(tmp_path, shared_data, embedder):
    """A catalog of few products in many variants: the free slots show other variants, distinct ones."""
    from retrieval.retriever import collapse_variants

    db = tmp_path / "tau.db"
    import_file(CatalogStore(db), shared_data / "tau_bench_retail_products.json")
    r = Retriever.open(db, embedder=embedder)
    shirts = [h for h in r.search("t-shirt", k=60, collapse_variants=False) if h.product.title.startswith("T-Shirt")]
    assert len({h.product.group_id for h in shirts}) == 1 and len(shirts) > 4
    shown = collapse_variants(shirts, 4)
    assert len(shown) == 4 and len({h.product.id for h in shown}) == 4
    assert shown[0].product.in_stock


def test_reimporting_ten_changed_products_reembeds_only_those(tmp_path, dummyjson_db, embedder, shared_data):
    db = tmp_path / "c.db"
    with sqlite3.connect(dummyjson_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)  # WAL-safe copy
    shutil.copytree(Path(str(dummyjson_db) + ".vectors-all-minilm-l6-v2"), Path(str(db) + ".vectors-all-minilm-l6-v2"))
    r = Retriever.open(db, embedder=embedder)
    assert r.sync() == (0, 0)
    src = json.loads((shared_data / "dummyjson_products.json").read_text())
    for p in src[:10]:
        p["description"] += " Now with a lifetime guarantee."
    f = tmp_path / "changed.json"
    f.write_text(json.dumps(src))
    report = import_file(r.store, f)
    assert report.updated == 10
    assert r.sync() == (10, 0)
    # and both sides answer with the new text: only the changed products mention a guarantee
    changed = {p.id for p in r.store.iter_products() if "lifetime guarantee" in p.description}
    assert len(changed) == 10
    assert {pid for pid, _ in r.store.lexical_search("guarantee", limit=50)} == changed
    some = r.store.get(sorted(changed)[0])
    stored = r.index.score_ids(embedder.embed_documents([some.embedding_text()])[0], [some.id])
    assert stored[0][1] == pytest.approx(1.0, abs=1e-4)  # the vector of the new text, not the old one


def test_cli_search_parses_the_budget_and_prints_json_lines(dummyjson_db):
    out = subprocess.run(
        [sys.executable, "-m", "retrieval", "search", "iphone under 300", "--db", str(dummyjson_db), "--json", "-k", "5"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and all(r["product"]["price"] <= 300 for r in rows)
    assert "iPhone" in rows[0]["product"]["title"]


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Retriever:
    """The demo catalog searched as `make run` searches it: the default embedder and fusion."""
    from catalog import ensure_demo_catalog

    return Retriever.open(ensure_demo_catalog(tmp_path_factory.mktemp("shipped") / "catalog.db"))


def test_the_default_embedder_is_multilingual(shipped):
    assert shipped.embedder.name == "multilingual-e5-small"


def test_chinese_shopper_queries_find_the_chinese_products(shipped):
    # The project's own queries in shoppers' words (bench/data/retrieval_zh.json), never the titles.
    rows = json.loads((ROOT / "bench" / "data" / "retrieval_zh.json").read_text())["queries"]
    zh = [r for r in rows if r["kind"] == "zh-zh"]
    found = [r["relevant"][0] in [h.product.id for h in shipped.search(r["query"], k=5)] for r in zh]
    assert sum(found) >= 0.95 * len(zh), [r["query"] for r, ok in zip(zh, found) if not ok]


def test_an_english_query_finds_a_chinese_product_with_no_english_twin(shipped):
    # The demo catalog sells mooncakes and pu-erh only under Chinese titles.
    assert "demo-0389" in [h.product.id for h in shipped.search("mooncake gift box", k=10)]
    assert "demo-0388" in [h.product.id for h in shipped.search("pu-erh tea cake", k=10)]


# -- contracts: every index and embedder backend ------------------------------------------------------
class TestExactIndex(VectorIndexContract):
    def make(self, directory, model="m"):
        return FaissIndex(directory, dim=DIM, model=model, ann_threshold=10**9)

    def test_is_exact(self, index):
        assert index.kind == "IndexFlatIP"


class TestInvertedFileIndex(VectorIndexContract):
    """The approximate index large catalogs get; probing every cell makes its answers exact."""

    def make(self, directory, model="m"):
        return FaissIndex(directory, dim=DIM, model=model, ann_threshold=100, nprobe=10_000)

    def test_is_approximate_and_edits_in_place(self, index, data):
        ids, vectors = data
        assert index.kind == "IndexIVFFlat"
        before = index._index()
        index.update(ids[:3], ["h9"] * 3, vectors[3:6])
        assert index._index() is before  # a re-sync of a few products does not rebuild the index


class TestJournaledIndex(VectorIndexContract):
    """A large index: small updates go to the change journal and are replayed on reopening."""

    def make(self, directory, model="m"):
        return FaissIndex(directory, dim=DIM, model=model, ann_threshold=100, nprobe=10_000, journal_from=1)

    def test_small_updates_are_journaled_and_a_full_save_folds_them_in(self, tmp_path, data):
        from retrieval import journal

        ids, vectors = data
        index = self.make(tmp_path / "j")
        index.update(ids, ["h0"] * len(ids), vectors)  # the first save is a full one
        assert not journal.entries(tmp_path / "j")
        moved = unit(np.random.default_rng(9).normal(size=(2, DIM)))  # new vectors for the first two
        index.update(ids[:2], ["h1"] * 2, moved, drop=[ids[-1]])
        assert len(journal.entries(tmp_path / "j")) == 1
        reopened = self.make(tmp_path / "j")
        assert reopened.search(moved[0], k=1)[0][0] == ids[0] and ids[-1] not in reopened.ids
        assert reopened.stale(dict(zip(ids[:-1], ["h1", "h1"] + ["h0"] * (len(ids) - 3)))) == ([], [])
        reopened.label_languages({})  # any full save
        assert not journal.entries(tmp_path / "j")
        assert self.make(tmp_path / "j").search(moved[1], k=1)[0][0] == ids[1]


def test_a_second_language_is_not_ranked_below_the_first_wholesale(tmp_path):
    # Two languages: every vector of one carries the same offset, as a multilingual model's do.
    rng = np.random.default_rng(3)
    meaning = unit(np.hstack([rng.normal(size=(20, DIM - 4)), np.zeros((20, 4))]))
    offset = np.zeros(DIM, np.float32)
    offset[-4:] = 0.5  # a language direction, apart from what products mean
    en = unit(meaning + 0.05 * np.hstack([rng.normal(size=(20, DIM - 4)), np.zeros((20, 4))]))
    zh = unit(meaning[::-1][:10] + 2.0 * offset)  # ten of the meanings, in the other language
    index = FaissIndex(tmp_path / "i", dim=DIM, model="m")
    index.update([f"en{i}" for i in range(20)] + [f"zh{i}" for i in range(10)], ["h"] * 30, np.vstack([en, zh]),
                 languages=["latin"] * 20 + ["cjk"] * 10)
    for i in range(20):  # a "Chinese" query with one English product's meaning (raw cosine: every
        q = unit(meaning[i] + 2.0 * offset)[0]  # Chinese product scores 0.8, that English one 0.45)
        assert index.search(q, k=1)[0][0] == f"en{i}"
        assert index.score_ids(q, index.ids, k=1)[0][0] == f"en{i}"
    assert FaissIndex(tmp_path / "i", dim=DIM, model="m").langs == index.langs  # persisted


class TestMiniLMEmbedder(EmbedderContract):
    pass  # the session's `embedder` fixture is the packaged MiniLM


class TestE5Embedder(MultilingualEmbedderContract):
    @pytest.fixture(scope="class")
    def embedder(self):
        return load_embedder("e5")
