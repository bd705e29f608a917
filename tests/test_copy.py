"""Product copy from a product's own fields, fact-checked: the demo catalog, the command, and the model path."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.copywriting import CatalogVocabulary, Copywriter, fact_check
from assistant.copywriting.writer import template
from assistant.generation import GeneratorError, ScriptedGenerator
from catalog import CatalogStore, ensure_demo_catalog, import_file

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> CatalogStore:
    return CatalogStore(ensure_demo_catalog(tmp_path_factory.mktemp("copy") / "catalog.db"))


@pytest.fixture(scope="module")
def vocabulary(demo) -> CatalogVocabulary:
    return CatalogVocabulary.from_store(demo)


@pytest.mark.parametrize("style", ["concise", "persuasive"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_template_copy_for_every_demo_product_passes_the_fact_check(demo, vocabulary, style, lang):
    failures = {}
    for p in demo.iter_products():
        text = template(p, style=style, lang=lang)
        assert p.title in text
        problems = fact_check(text, p, vocabulary)
        if problems:
            failures[p.id] = problems
    assert not failures


def test_fact_check_catches_what_the_fields_do_not_say(demo, vocabulary):
    boot = demo.get("demo-0001")  # brown suede and ripstop mesh, waterproof, 4 mm lugs, 1 year warranty
    true = "Trailmark made this waterproof boot in brown suede and ripstop mesh, with 4 mm lugs."
    assert fact_check(true, boot, vocabulary) == []
    cases = {
        "Made from full-grain leather.": "fact",
        "It has 5 mm lugs.": "spec",
        "Now 20% off this week.": "claim",
        "Lighter than the Nordvik boots.": "brand",
        "Only $59.99 today.": "price",
        "Also available in black.": "fact",
    }
    for text, kind in cases.items():
        assert kind in {v.kind for v in fact_check(text, boot, vocabulary)}, text
    # The old description is not a source: its "membrane" is in no field of this product.
    assert "membrane" in boot.description and fact_check("A waterproof membrane.", boot, vocabulary)


def test_model_sentences_that_invent_are_dropped(demo, vocabulary):
    boot = demo.get("demo-0001")
    gen = ScriptedGenerator(["Meet the Ridgeback, a waterproof hiking boot from Trailmark. Its suede and ripstop "
                             "mesh upper is brown. Genuine leather lining keeps you warm. It weighs 900 g."])
    copy = Copywriter(vocabulary, generator=gen).describe(boot, style="persuasive")
    assert copy.source == "model"
    assert copy.text == ("Meet the Ridgeback, a waterproof hiking boot from Trailmark. Its suede and ripstop mesh "
                         "upper is brown.")
    assert [s for s, _ in copy.dropped] == ["Genuine leather lining keeps you warm.", "It weighs 900 g."]
    prompt = gen.last_prompt[-1].content
    assert "suede and ripstop mesh" in prompt and boot.description not in prompt and "89.99" not in prompt


def test_too_little_true_copy_or_a_failing_model_falls_back_to_the_template(demo, vocabulary):
    boot = demo.get("demo-0001")
    invented = Copywriter(vocabulary, generator=ScriptedGenerator(["Full-grain leather. 30% off!"]))
    assert invented.describe(boot).source == "template"

    class Broken(ScriptedGenerator):
        def stream(self, messages, **kwargs):
            raise GeneratorError("model server down")

    copy = Copywriter(vocabulary, generator=Broken()).describe(boot)
    assert copy.source == "template" and copy.text == template(boot)
    with pytest.raises(ValueError, match="style"):
        Copywriter(vocabulary).describe(boot, style="loud")


def test_describe_command_fills_missing_descriptions_only(tmp_path):
    catalog = tmp_path / "shop.json"
    catalog.write_text(json.dumps([
        {"id": "m1", "title": "Enamel Camp Mug", "price": 14.5, "brand": "Nordvik", "category": "kitchen",
         "attributes": {"material": "enamelled steel", "capacity": "350 ml", "color": "green"}},
        {"id": "m2", "title": "Steel Bottle", "price": 29, "description": "Written by the shop.",
         "attributes": {"material": "stainless steel"}},
    ]), encoding="utf-8")
    db = tmp_path / "catalog.db"
    import_file(CatalogStore(db), catalog)

    def run(*args):
        return subprocess.run([sys.executable, "-m", "assistant.copywriting", "describe", "--db", str(db), *args],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)

    dry = run("--missing-only", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("m1\ttemplate\t") and "m2" not in dry.stdout
    assert CatalogStore(db).get("m1").description == ""
    done = run("--missing-only", "--style", "concise", "--lang", "zh")
    assert done.returncode == 0 and "wrote 1 descriptions" in done.stdout
    store = CatalogStore(db)
    assert "容量：350 ml" in store.get("m1").description
    assert store.get("m2").description == "Written by the shop."
    assert run("--db-missing").returncode == 2
    assert "No catalog" in subprocess.run(
        [sys.executable, "-m", "assistant.copywriting", "describe", "--db", str(tmp_path / "none.db")],
        cwd=ROOT, capture_output=True, text=True, timeout=120).stderr
