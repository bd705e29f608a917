"""Contracts every vector index and every embedder must keep; backends inherit them in test_retrieval.py.

A new backend (another FAISS index type, a vector database, another model) subclasses the contract,
says how to make one, and gets the whole suite: the Retriever relies on exactly these behaviours.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

DIM = 32


def unit(x: np.ndarray) -> np.ndarray:
    x = np.atleast_2d(np.asarray(x, np.float32))
    return x / np.linalg.norm(x, axis=1, keepdims=True)


class VectorIndexContract:
    """Subclasses set `make(directory, model)` -> a VectorIndex over DIM-dimensional unit vectors."""

    n = 600  # enough rows for an approximate index to have cells of its own

    def make(self, directory: Path, model: str = "m"):
        raise NotImplementedError

    @pytest.fixture
    def data(self):
        rng = np.random.default_rng(7)
        return [f"p{i}" for i in range(self.n)], unit(rng.normal(size=(self.n, DIM)))

    @pytest.fixture
    def index(self, tmp_path, data):
        ids, vectors = data
        index = self.make(tmp_path / "idx")
        index.update(ids, ["h0"] * len(ids), vectors)
        return index

    @staticmethod
    def exact_top(ids, vectors, query, k):
        scores = vectors @ query
        return [ids[i] for i in np.argsort(-scores)[:k]]

    def test_an_empty_index_finds_nothing(self, tmp_path):
        index = self.make(tmp_path / "empty")
        assert len(index) == 0
        assert index.search(unit(np.ones(DIM))[0], k=5) == []
        assert index.score_ids(unit(np.ones(DIM))[0], ["p1"]) == []

    def test_search_returns_the_nearest_best_first_with_cosines(self, index, data):
        ids, vectors = data
        rng = np.random.default_rng(1)
        for _ in range(10):
            q = unit(vectors[rng.integers(len(ids))] + 0.3 * rng.normal(size=DIM))[0]
            got = index.search(q, k=10)
            assert [p for p, _ in got] == self.exact_top(ids, vectors, q, 10)
            scores = [s for _, s in got]
            assert scores == sorted(scores, reverse=True)
            assert np.allclose(scores, [float(vectors[ids.index(p)] @ q) for p, _ in got], atol=1e-4)

    def test_k_larger_than_the_index_returns_every_product_once(self, tmp_path, data):
        ids, vectors = data
        index = self.make(tmp_path / "small")
        index.update(ids[:7], ["h"] * 7, vectors[:7])
        got = [p for p, _ in index.search(vectors[0], k=50)]
        assert sorted(got) == sorted(ids[:7])

    def test_score_ids_scores_exactly_those_ids_and_keeps_the_best_k(self, index, data):
        ids, vectors = data
        q = vectors[3]
        wanted = ids[100:140] + ["not-in-the-index"]
        got = index.score_ids(q, wanted, k=5)
        assert [p for p, _ in got] == self.exact_top(ids[100:140], vectors[100:140], q, 5)
        assert len(index.score_ids(q, wanted)) == 40

    def test_stale_names_changed_new_and_removed_products(self, index, data):
        ids, _ = data
        current = {pid: "h0" for pid in ids[1:]}
        current[ids[5]] = "h1"
        current["brand-new"] = "h0"
        to_embed, to_drop = index.stale(current)
        assert sorted(to_embed) == sorted([ids[5], "brand-new"])
        assert to_drop == [ids[0]]

    def test_update_replaces_adds_and_drops_in_place(self, index, data):
        ids, vectors = data
        rng = np.random.default_rng(2)
        changed = ids[10:20]
        new_vectors = unit(rng.normal(size=(13, DIM)))
        dropped = [ids[0], ids[-1], ids[300], ids[12]]  # ids[12] is also changed: dropping wins last
        index.update(changed + ["n1", "n2", "n3"], ["h1"] * 13, new_vectors, drop=dropped)
        truth = {pid: v for pid, v in zip(ids, vectors)}
        truth.update(zip(changed + ["n1", "n2", "n3"], new_vectors))
        for pid in dropped:
            truth.pop(pid, None)
        truth[ids[12]] = new_vectors[2]  # changed after being dropped in the same call: it stays, new vector
        assert len(index) == len(truth)
        t_ids, t_vecs = list(truth), np.stack(list(truth.values()))
        for v in (new_vectors[0], new_vectors[11], vectors[50]):
            assert [p for p, _ in index.search(v, k=10)] == self.exact_top(t_ids, t_vecs, v, 10)
        to_embed, to_drop = index.stale({pid: ("h1" if pid in changed or pid.startswith("n") else "h0") for pid in truth})
        assert to_embed == [] and to_drop == []

    def test_reopening_gives_the_same_answers(self, tmp_path, index, data):
        ids, vectors = data
        index.update(["n1"], ["h1"], vectors[:1] * -1, drop=[ids[7]])
        again = self.make(tmp_path / "idx")
        assert len(again) == len(index)
        for v in vectors[:5]:
            a, b = again.search(v, k=10), index.search(v, k=10)
            assert [p for p, _ in a] == [p for p, _ in b]
            assert [s for _, s in a] == pytest.approx([s for _, s in b], abs=1e-5)

    def test_vectors_of_another_model_are_not_reused(self, tmp_path, index):
        other = self.make(tmp_path / "idx", model="another-model")
        assert len(other) == 0
        assert other.stale({"p1": "h0"}) == (["p1"], [])


class EmbedderContract:
    """Subclasses provide an `embedder` fixture (a real model)."""

    def test_names_itself_and_its_dimension(self, embedder):
        assert isinstance(embedder.name, str) and embedder.name
        assert isinstance(embedder.dim, int) and embedder.dim > 0

    @pytest.mark.parametrize("side", ["embed_queries", "embed_documents"])
    def test_vectors_are_float32_unit_rows_one_per_text(self, embedder, side):
        texts = ["waterproof hiking boots", "a red cotton t-shirt", "waterproof hiking boots"]
        out = getattr(embedder, side)(texts)
        assert out.shape == (3, embedder.dim) and out.dtype == np.float32
        assert np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-4)
        assert np.allclose(out[0], out[2], atol=1e-5)  # same text, same vector (cached or not)
        assert not np.allclose(out[0], out[1], atol=1e-2)

    @pytest.mark.parametrize("side", ["embed_queries", "embed_documents"])
    def test_no_texts_gives_an_empty_matrix(self, embedder, side):
        assert getattr(embedder, side)([]).shape == (0, embedder.dim)

    def test_a_query_is_nearer_its_product_than_unrelated_ones(self, embedder):
        docs = embedder.embed_documents([
            "Trailmark Ridgeback Mid Waterproof Hiking Boot. Seam-sealed leather boot for wet trails.",
            "Sonique Hush 700 Wireless Noise-Cancelling Headphones. 30 hours of battery.",
            "Bread, Simply: Sourdough and Beyond. A baking book for beginners.",
        ])
        scores = docs @ embedder.embed_queries(["boots for muddy mountain walks"])[0]
        assert scores.argmax() == 0, scores

    def test_a_query_vector_does_not_depend_on_its_batch(self, embedder):
        alone = embedder.embed_queries(["noise cancelling earbuds"])[0]
        batched = embedder.embed_queries(["a kettle", "noise cancelling earbuds"])[1]
        assert np.allclose(alone, batched, atol=1e-4)


class MultilingualEmbedderContract(EmbedderContract):
    """For embedders that claim Chinese: Chinese and English meet in one space."""

    def test_chinese_query_finds_the_chinese_product(self, embedder):
        docs = embedder.embed_documents(["山岚 男款中帮轻量防水登山鞋", "声屿 头戴式无线降噪耳机", "茶语山房 明前龙井绿茶 100g"])
        assert (docs @ embedder.embed_queries(["想买一双防水的登山鞋"])[0]).argmax() == 0

    def test_english_query_finds_the_chinese_product_and_back(self, embedder):
        zh = embedder.embed_documents(["山岚 男款中帮轻量防水登山鞋", "声屿 头戴式无线降噪耳机", "茶语山房 明前龙井绿茶 100g"])
        assert (zh @ embedder.embed_queries(["noise cancelling headphones"])[0]).argmax() == 1
        en = embedder.embed_documents(["Waterproof hiking boot", "Noise-cancelling headphones", "Longjing green tea"])
        assert (en @ embedder.embed_queries(["绿茶"])[0]).argmax() == 2
