"""The evaluation's fact checker judges a sentence against the product it is about, the way a person
reading the transcript does: a variant's full title names that variant, rounded ratings and "20,000"
are the row's numbers, and a number or phrase of another card said of this product is misattributed."""
from types import SimpleNamespace

from bench.eval.factcheck import label, label_transcript, mentioned
from catalog.models import Product

BOOT = Product(id="b1", title="Ridgeback Mid Hiking Boot", price=89.99, brand="Trailmark", rating=4.46,
               description="A mid-cut day hiker with a seam-sealed waterproof membrane and a lug rubber outsole.",
               attributes={"waterproof": True, "weight": "540 g", "color": "brown"})
SHOE = Product(id="s1", title="Daybreak Cushion Running Shoe", price=119.99, brand="Stridewell", rating=3.9,
               description="Supercritical foam midsole that stays springy on long easy runs.",
               attributes={"waterproof": False, "weight": "280 g", "color": "navy"})
BANK = Product(id="p1", title="Voltkin Slim 20000 Power Bank", price=39.99, brand="Voltkin",
               attributes={"capacity": "20,000 mAh", "weight": "360 g"})
SPEAKER_YES = Product(id="v1", title="Bluetooth Speaker (blue, 10 hours, yes)", price=289.69,
                      attributes={"color": "blue", "battery life": "10 hours", "waterproof": "yes"})
SPEAKER_NO = Product(id="v2", title="Bluetooth Speaker (blue, 10 hours, no)", price=250.00,
                     attributes={"color": "blue", "battery life": "10 hours", "waterproof": "no"})
MENS = Product(id="r1", title="Pacewind Tempo 5 Road Running Shoe - Men's", price=129.0)
WOMENS = Product(id="r2", title="Pacewind Tempo 5 Road Running Shoe - Women's", price=129.0)
CATALOG = [BOOT, SHOE, BANK, SPEAKER_YES, SPEAKER_NO, MENS, WOMENS]


def lab(sentence, *, subject, seen=None, shown=None, shopper="hiking boots"):
    return label(sentence, subject_rows=subject, seen_rows=seen or subject, catalog_rows=CATALOG,
                 shopper_text=shopper, shown=shown)[0]


def test_a_variants_full_title_names_that_variant_not_one_sharing_its_first_words():
    assert mentioned("The best match is the Bluetooth Speaker (blue, 10 hours, yes).", CATALOG) == [SPEAKER_YES]
    assert mentioned("Pacewind Tempo 5 Road Running Shoe - Men's", CATALOG) == [MENS]
    # only the 'yes' variant was shown: the sentence that names it in full names nothing unshown
    assert lab("The best match is the Bluetooth Speaker (blue, 10 hours, yes) at $289.69.",
               subject=[SPEAKER_YES]) == "supported"
    # the first words alone name the variant on the cards
    assert mentioned("The Pacewind Tempo 5 Road shoe is light.", CATALOG, prefer=[WOMENS]) == [WOMENS]


def test_a_rating_rounded_to_one_decimal_is_the_rows_rating():
    assert lab("The Ridgeback Mid Hiking Boot is rated 4.5 out of 5.", subject=[BOOT]) == "supported"
    assert lab("The Ridgeback Mid Hiking Boot has a rating of 4.5.", subject=[BOOT]) == "supported"
    assert lab("The Ridgeback Mid Hiking Boot is rated 4.2 out of 5.", subject=[BOOT]) == "unsupported"
    assert lab("The Ridgeback Mid Hiking Boot is rated 3.9 out of 5.", subject=[BOOT], seen=[BOOT, SHOE]) \
        == "misattributed"


def test_a_number_with_thousands_separators_is_one_number():
    assert lab("It holds 20,000 mAh.", subject=[BANK], shopper="power bank") == "supported"
    assert lab("It holds 10,000 mAh.", subject=[BANK], shopper="power bank") == "unsupported"


def test_a_number_of_another_card_said_of_the_named_product_is_misattributed():
    both = [BOOT, SHOE]
    # the product is named next to Chinese text; the weight is the running shoe's
    assert lab("推荐Ridgeback Mid Hiking Boot，重量只有280 g。", subject=both) == "misattributed"
    assert lab("推荐Ridgeback Mid Hiking Boot，重量540 g。", subject=both) == "supported"
    # nothing named, two cards: one card's price with the other card's weight fits neither
    assert lab("It costs $89.99 and weighs 280 g.", subject=both) == "misattributed"
    assert lab("It costs $89.99 and weighs 540 g.", subject=both) == "supported"
    # a number the shopper said is theirs to repeat
    assert lab("It weighs well under 600 g.", subject=[BOOT], shopper="under 600 g please") == "supported"


def test_it_after_a_sentence_that_named_a_product_is_that_product():
    # "It" follows the boot's sentence: the shoe's weight is not the boot's, though the shoe is on screen
    assert lab("It weighs 280 g.", subject=[BOOT], seen=[BOOT, SHOE], shown=[BOOT, SHOE]) == "misattributed"
    assert lab("It weighs 540 g.", subject=[BOOT], seen=[BOOT, SHOE], shown=[BOOT, SHOE]) == "supported"
    # no word points back: a sentence that repeats the other card's description is about that card
    assert lab("The Daybreak model has a supercritical foam midsole that stays springy on long easy runs.",
               subject=[BOOT], seen=[BOOT, SHOE], shown=[BOOT, SHOE]) == "supported"


def test_a_transcript_judges_it_against_the_variant_the_previous_sentence_named():
    red = Product(id="w1", title="Water Bottle (1000ml, glass, red)", price=49.72,
                  attributes={"capacity": "1000ml", "color": "red", "material": "glass"})
    blue = Product(id="w2", title="Water Bottle (1000ml, glass, blue)", price=47.84,
                   attributes={"capacity": "1000ml", "color": "blue", "material": "glass"})
    catalog = SimpleNamespace(products={p.id: p for p in (red, blue)})
    transcript = {"id": "t", "lang": "en", "turns": [
        {"say": "water bottle", "text": "Water Bottle (1000ml, glass, red) is $49.72.", "cards": [{"id": "w1"}],
         "grounding": "ok"},
        {"say": "the blue one", "cards": [{"id": "w2"}], "grounding": "ok",
         "text": "The best match is the Water Bottle (1000ml, glass, blue). It has a blue color. Its price is $49.72."}]}
    labels = [r["label"] for r in label_transcript(transcript, catalog, vocabulary=None)]
    assert labels == ["supported", "supported", "supported", "misattributed"]


def test_words_of_a_row_back_a_sentence_and_another_cards_words_do_not():
    both = [BOOT, SHOE]
    assert lab("推荐Ridgeback Mid Hiking Boot。", subject=both) == "supported"  # names a shown product
    assert lab("It has a seam-sealed waterproof membrane.", subject=both) == "supported"
    assert lab("The Ridgeback Mid Hiking Boot has a supercritical foam midsole that stays springy.",
               subject=both) == "misattributed"
    assert lab("The reviewer says the Ridgeback Mid Hiking Boot fits well.", subject=both) == "unsupported"
    assert lab("Happy hiking!", subject=both) == "no claim"


def test_the_cheapest_must_be_the_cheapest_card_on_screen():
    both = [BOOT, SHOE]
    assert lab("The Ridgeback Mid Hiking Boot is the most affordable option.", subject=both) == "supported"
    assert lab("The Daybreak Cushion Running Shoe is the cheapest option.", subject=both) == "unsupported"
