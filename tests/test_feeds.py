"""Shopify CSV exports and Google Merchant Center feeds (XML, TSV), imported as shops download them."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from catalog import CatalogFormatError, CatalogStore, import_file

ROOT = Path(__file__).resolve().parents[1]
FEEDS = Path(__file__).resolve().parent / "data" / "feeds"


@pytest.fixture
def store(tmp_path) -> CatalogStore:
    return CatalogStore(tmp_path / "catalog.db")


def _errors(report) -> list[tuple[int, str]]:
    return [(e.row, e.field) for e in report.rejected]


def test_shopify_export_with_variants(store):
    report = import_file(store, FEEDS / "shopify_products.csv")
    assert report.format == "shopify"
    assert (report.imported, len(report.rejected)) == (6, 4)
    runner = store.variants("ridge-trail-runner")
    assert {(p.id, p.title, p.price, p.attributes["color"], p.attributes["size"]) for p in runner} == {
        ("TM-RTR-BLU-9", "Ridge Trail Runner (Blue, 9)", 109.0, "Blue", "9"),
        ("TM-RTR-BLU-10", "Ridge Trail Runner (Blue, 10)", 109.0, "Blue", "10"),
        ("TM-RTR-RED-9", "Ridge Trail Runner (Red, 9)", 104.0, "Red", "9"),
    }
    blue10 = store.get("TM-RTR-BLU-10")
    assert (blue10.stock, blue10.in_stock) == (0, False)
    first = store.get("TM-RTR-BLU-9")
    assert (first.brand, first.category, first.tags) == ("Trailmark", "trail running shoes",
                                                         ["running", "trail", "lightweight"])
    assert first.description.startswith("A light trail shoe with a 4 mm lug outsole.") and "<" not in first.description


def test_shopify_default_title_product_is_one_product(store):
    import_file(store, FEEDS / "shopify_products.csv")
    mug = store.get("camp-mug-12oz")
    assert (mug.title, mug.price, mug.stock, mug.group_id) == ("Enamel Camp Mug 12 oz", 14.5, 40, None)
    assert mug.attributes == {"weight": "280 g"} and mug.extra["sku"] == "NV-MUG-12"


def test_shopify_overselling_variants_stay_buyable(store):
    import_file(store, FEEDS / "shopify_products.csv")
    oatmeal = store.get("NV-BEANIE-OAT")  # qty 0 but inventory policy "continue"
    assert oatmeal.in_stock and oatmeal.stock is None


def test_shopify_errors_name_the_line_and_the_column(store):
    report = import_file(store, FEEDS / "shopify_products.csv")
    assert _errors(report) == [(8, "Variant Inventory Qty"), (9, "Status"), (10, "Variant Price"), (11, "Handle")]
    assert "draft" in report.rejected[1].reason and "call us" in report.rejected[2].reason
    assert store.get("NV-BEANIE-FOR") is None and store.get("NV-BEANIE-CH") is not None  # siblings stay
    assert store.get("summer-sample") is None and store.get("broken-price-tent") is None


def test_merchant_xml_feed(store):
    report = import_file(store, FEEDS / "merchant_feed.xml")
    assert report.format == "merchant-xml"
    assert report.imported == 3 and _errors(report) == [(4, "id"), (5, "price")]
    navy_m = store.get("RAIN-JKT-M-NAVY")
    assert (navy_m.price, navy_m.currency, navy_m.extra["list_price"]) == (119.0, "USD", "149.00")
    assert (navy_m.group_id, navy_m.category, navy_m.brand) == ("STORMLINE-JKT", "rain jackets", "Stormline")
    assert navy_m.attributes == {"color": "Navy", "size": "M", "gender": "male", "material": "nylon",
                                 "condition": "new"}
    assert navy_m.description == "Packable 2.5-layer rain shell with taped seams."
    assert navy_m.extra["shipping"] == {"country": "US", "service": "Standard", "price": "5.95 USD"}
    assert [p.id for p in store.variants("STORMLINE-JKT")] == ["RAIN-JKT-M-NAVY", "RAIN-JKT-L-NAVY"]
    assert not store.get("RAIN-JKT-L-NAVY").in_stock
    lamp = store.get("HEADLAMP-400")
    assert (lamp.price, lamp.currency, lamp.availability, lamp.category) == (39.9, "EUR", "preorder", "headlamps")
    assert lamp.attributes["weight"] == "0.09 kg"


def test_merchant_tsv_feed(store):
    report = import_file(store, FEEDS / "merchant_feed.tsv")
    assert report.format == "merchant-tsv"
    assert report.imported == 3 and _errors(report) == [(4, "id"), (5, "title")]
    sock = store.get("SOCK-HIKER-M-GRY")
    assert (sock.price, sock.group_id, sock.attributes["size"], sock.category) == (15.0, "HIKER-SOCK", "M", "socks")
    bottle = store.get("BOTTLE-750")
    assert (bottle.currency, bottle.availability) == ("GBP", "out_of_stock")


@pytest.mark.parametrize("name", ["shopify_products.csv", "merchant_feed.xml", "merchant_feed.tsv"])
def test_reimporting_a_feed_changes_nothing_and_is_searchable(store, name):
    first = import_file(store, FEEDS / name)
    again = import_file(store, FEEDS / name)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, first.imported)
    assert store.lexical_search({"shopify_products.csv": "trail runner", "merchant_feed.xml": "rain jacket",
                                 "merchant_feed.tsv": "wool sock"}[name])


def test_plain_csv_is_not_mistaken_for_a_feed(store, tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("id,title,price,category\nb1,Trail Boot,$89.99,footwear\n", encoding="utf-8")
    report = import_file(store, path)
    assert (report.format, report.imported) == ("", 1)


def test_broken_xml_says_where(store, tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text((FEEDS / "merchant_feed.xml").read_text(encoding="utf-8")[:900], encoding="utf-8")
    with pytest.raises(CatalogFormatError, match=r"not well-formed XML \(line \d+"):
        import_file(store, path)
    other = tmp_path / "other.xml"
    other.write_text("<catalog><book>x</book></catalog>", encoding="utf-8")
    with pytest.raises(CatalogFormatError, match="<item>"):
        import_file(store, other)
    assert store.count() == 0


def test_cli_names_the_feed_format(tmp_path):
    run = subprocess.run([sys.executable, "-m", "catalog", "import", str(FEEDS / "merchant_feed.xml"),
                          "--db", str(tmp_path / "c.db"), "--no-index"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "merchant_feed.xml (merchant-xml): imported 3" in run.stdout
    assert "rejected row 4: id: missing" in run.stderr
