"""Catalog import as a shop would do it: real files, bad rows, re-imports, crashes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from catalog import CatalogFormatError, CatalogStore, import_file
from catalog.importer import parse_mapping

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def run_cli(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_dummyjson_imports_every_product_with_its_specs(tmp_path, shared_data):
    store = CatalogStore(tmp_path / "c.db")
    report = import_file(store, shared_data / "dummyjson_products.json")
    assert (report.imported, report.updated, len(report.rejected)) == (194, 0, 0)
    mascara = store.get("1")
    assert mascara.title == "Essence Mascara Lash Princess"
    assert mascara.price == 9.99 and mascara.brand == "Essence" and mascara.category == "beauty"
    assert mascara.attributes["warranty"] == "1 week warranty"  # promoted from warrantyInformation
    assert mascara.reviews and mascara.reviews[0]["text"] == "Would not recommend!"
    assert mascara.extra["minimumOrderQuantity"] == 48  # unknown fields are kept


def test_reimport_updates_only_changed_rows(tmp_path, shared_data):
    store = CatalogStore(tmp_path / "c.db")
    src = json.loads((shared_data / "dummyjson_products.json").read_text())
    import_file(store, shared_data / "dummyjson_products.json")
    for p in src[:3]:
        p["price"] = round(p["price"] + 1, 2)
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(src))
    report = import_file(store, changed)
    assert (report.imported, report.updated, report.unchanged) == (0, 3, 191)
    assert store.get(str(src[0]["id"])).price == src[0]["price"]
    assert store.count() == 194


def test_tau_bench_variants_become_searchable_rows_sharing_a_group(tmp_path, shared_data):
    store = CatalogStore(tmp_path / "c.db")
    report = import_file(store, shared_data / "tau_bench_retail_products.json")
    assert report.imported == 591 and not report.rejected
    shirt = store.get("9612497925")
    assert shirt.group_id == "9523456873"
    assert shirt.title == "T-Shirt (blue, M, cotton, crew neck)"
    assert shirt.attributes["color"] == "blue" and shirt.attributes["size"] == "M"
    assert len(store.variants("9523456873")) > 5


@pytest.mark.parametrize("name", ["Books", "CellphonesAccessories", "Officeproducts", "SportsandOutdoors"])
def test_mgshopdial_items_parse_dollar_prices_and_slash_ratings(tmp_path, shared_data, name):
    store = CatalogStore(tmp_path / "c.db")
    path = shared_data / f"mgshopdial_items_{name}.json"
    raw = json.loads(path.read_text())
    report = import_file(store, path)
    assert report.imported == len(raw) and not report.rejected
    first = store.get(report.product_ids[0])
    assert first.price == float(raw[0]["price"].replace("$", "").replace(",", ""))
    assert first.currency == "USD"
    assert 0 < first.rating <= 5


def test_bad_rows_are_reported_with_row_field_reason_and_good_rows_kept(tmp_path):
    csv_file = tmp_path / "shop.csv"
    csv_file.write_text(
        "id,title,price,rating,stock\n"
        "a1,Trail Runner,89.90,4.5,3\n"
        "a2,,10,4,1\n"          # row 2: no title
        "a3,Thermos,free,4,1\n"  # row 3: price not a number
        "a4,Lamp,12.5,9,1\n"     # row 4: rating out of range
        "a5,Mug,-3,4,1\n"        # row 5: negative price
        "a6,Kettle,€24.99,4.2/5,0\n"
    )
    store = CatalogStore(tmp_path / "c.db")
    report = import_file(store, csv_file)
    got = {(e.row, e.field) for e in report.rejected}
    assert got == {(2, "title"), (3, "price"), (4, "rating"), (5, "price")}
    assert "not a number" in next(e.reason for e in report.rejected if e.row == 3)
    assert report.summary() == "imported 2, updated 0, unchanged 0, rejected 4"
    kettle = store.get("a6")
    assert (kettle.price, kettle.currency, kettle.availability) == (24.99, "EUR", "out_of_stock")


def test_field_mapping_reads_a_catalog_with_other_column_names(tmp_path):
    f = tmp_path / "odd.jsonl"
    f.write_text("\n".join(json.dumps({"ref": f"x{i}", "label": f"Widget {i}", "cost": 5 + i}) for i in range(3)))
    store = CatalogStore(tmp_path / "c.db")
    with pytest.raises(CatalogFormatError, match="--map"):
        import_file(store, f)
    report = import_file(store, f, mapping=parse_mapping("id=ref,title=label,price=cost"))
    assert report.imported == 3 and store.get("x2").price == 7


def test_a_file_that_is_not_a_catalog_gets_one_clear_error(tmp_path):
    junk = tmp_path / "notes.json"
    junk.write_text('{"hello": "world"}')
    result = run_cli("catalog", "import", str(junk), "--db", str(tmp_path / "c.db"), "--no-index")
    assert result.returncode == 2
    assert "error:" in result.stderr and "Traceback" not in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('[{"title": "x", "price": 1},')
    result = run_cli("catalog", "import", str(broken), "--db", str(tmp_path / "c.db"), "--no-index")
    assert result.returncode == 2 and "not valid JSON" in result.stderr


def test_a_crash_during_import_leaves_the_old_catalog_intact(tmp_path, shared_data, monkeypatch):
    store = CatalogStore(tmp_path / "c.db")
    import_file(store, shared_data / "mgshopdial_items_Books.json")
    before = {p.id: p.price for p in store.iter_products()}
    src = json.loads((shared_data / "dummyjson_products.json").read_text())
    f = tmp_path / "big.json"
    f.write_text(json.dumps(src))
    original = store.db.conn.executemany

    def boom(sql, rows):
        if "products_fts" in sql:
            raise RuntimeError("disk pulled out mid-import")
        return original(sql, rows)

    monkeypatch.setattr(store.db, "conn", _ConnProxy(store.db.conn, boom))
    with pytest.raises(RuntimeError):
        import_file(store, f)
    monkeypatch.undo()
    fresh = CatalogStore(tmp_path / "c.db")
    assert {p.id: p.price for p in fresh.iter_products()} == before


class _ConnProxy:
    """sqlite3.Connection with executemany replaced (the C type cannot be monkeypatched)."""

    def __init__(self, conn, executemany):
        self._conn, self.executemany = conn, executemany

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def __enter__(self):
        return self._conn.__enter__()

    def __exit__(self, *exc):
        return self._conn.__exit__(*exc)


def test_cli_import_prints_rejections_and_a_summary_line(tmp_path):
    f = tmp_path / "shop.csv"
    f.write_text("id,title,price\nk1,Good Knife,30\nk2,Bad Knife,abc\n")
    result = run_cli("catalog", "import", str(f), "--db", str(tmp_path / "c.db"), "--no-index")
    assert result.returncode == 0, result.stderr
    assert "rejected row 2: price: not a number: 'abc'" in result.stderr
    assert result.stdout.strip().endswith("shop.csv: imported 1, updated 0, unchanged 0, rejected 1")


def test_full_text_search_finds_chinese_words_inside_longer_titles(tmp_path):
    f = tmp_path / "zh.json"
    f.write_text(json.dumps([
        {"id": "z1", "title": "轻量防水登山鞋", "price": 399, "currency": "CNY"},
        {"id": "z2", "title": "不锈钢保温杯", "price": 89, "currency": "CNY"},
    ], ensure_ascii=False))
    store = CatalogStore(tmp_path / "c.db")
    import_file(store, f)
    assert [pid for pid, _ in store.lexical_search("登山鞋")] == ["z1"]
    assert [pid for pid, _ in store.lexical_search("保温杯")] == ["z2"]


def test_brand_filters_read_the_title_of_rows_without_a_brand(tmp_path):
    """"No Samsung" on a feed without a brand column leaves out the phone whose title starts with
    SAMSUNG, not the tripod that is "compatible with ... Samsung"; "from Samsung" keeps only it."""
    from catalog.filters import Filters

    f = tmp_path / "items.json"
    f.write_text(json.dumps([
        {"id": "s20", "title": "SAMSUNG Galaxy S20 FE 5G Cell Phone, Factory Unlocked", "price": 599.99},
        {"id": "tripod", "title": "Selfie Stick Phone Tripod Compatible with iPhone, Android Samsung Smartphone",
         "price": 35.99},
        {"id": "pixel", "title": "Google Pixel 6a - 5G Android Phone", "price": 449.0, "brand": "Google"},
        {"id": "branded", "title": "Samsung Galaxy Buds", "price": 99.0, "brand": "Acme"},
    ]))
    store = CatalogStore(tmp_path / "c.db")
    import_file(store, f)
    assert set(store.filter_ids(Filters(exclude_brands=("SAMSUNG",)))) == {"tripod", "pixel", "branded"}
    assert set(store.filter_ids(Filters(brands=("samsung",)))) == {"s20"}
    assert set(store.filter_ids(Filters(brands=("Google", "Acme")))) == {"pixel", "branded"}


def test_a_colour_filter_reads_the_title_of_rows_without_a_colour_field(tmp_path):
    """DummyJSON rows have no colour field: "black handbag" must still find "Women Handbag Black", and a
    row whose colour field says otherwise stays out."""
    from catalog.filters import Filters
    from catalog.models import Product

    store = CatalogStore(tmp_path / "c.db")
    store.upsert([Product(id="1", title="Women Handbag Black", price=59.99),
                  Product(id="2", title="Women Handbag Red", price=49.99),
                  Product(id="3", title="Black Tote (red, leather)", price=39.99, attributes={"color": "red"}),
                  Product(id="4", title="Blackwood Bag", price=29.99)])
    assert store.filter_ids(Filters(attributes={"color": ("black",)})) == ["1"]
