#!/usr/bin/env python3
"""Build the bundled demo product catalog for Aisle.

Writes ``products.jsonl`` next to this script: one JSON object per line.
The product copy (titles, descriptions, specs, review texts) is written by
hand below, per product type; the random generator (fixed seed) only fills in
secondary details such as ratings, stock levels, which reviews a product gets,
review authors and whether a warranty is listed.  Running the script again
always produces a byte-identical file.

All brands, models, authors and publishers are invented.

Usage:  python catalog/demo/build_demo_catalog.py
Standard library only.
"""

import json
import random
import re
from pathlib import Path

SEED = 20240917
HERE = Path(__file__).resolve().parent
OUT = HERE / "products.jsonl"

rng = random.Random(SEED)
PRODUCTS = []

COLOURS = {
    "black", "white", "red", "blue", "green", "grey", "brown", "navy",
    "pink", "beige", "orange", "purple", "yellow", "silver",
}

EN_NAMES = [
    "Alex", "Priya", "Marcus", "Hannah", "Diego", "Sofia", "Liam", "Aisha",
    "Tom", "Grace", "Ethan", "Chloe", "Omar", "Megan", "Ravi", "Lucy",
    "Jonas", "Emma", "Kenji", "Rachel", "Sam", "Olivia", "Daniel", "Fatima",
    "Noah", "Isabel", "Ben", "Zoe", "Carlos", "Nina", "Patrick", "Leah",
    "Wei", "Amara", "Jack", "Mia", "Tariq", "Holly", "Luca", "Erin",
    "Mateo", "Sarah", "Felix", "Jess", "Andre", "Katie", "Hugo", "Maya",
    "Sean", "Lena", "Victor", "Ruth", "Yusuf", "Claire", "Owen", "Tanya",
    "Gabe", "Ingrid", "Kofi", "Abby", "Dev", "Paula", "Ryan", "Helen",
]

ZH_NAMES = [
    "小雨", "晓峰", "婷婷", "志强", "佳怡", "浩然", "思远", "丽娜", "子涵",
    "明轩", "雅琴", "建国", "欣怡", "俊杰", "晓燕", "文博", "梦瑶", "海涛",
    "静怡", "宇航", "春花", "国栋", "诗琪", "家豪", "慧敏", "天宇", "玉兰",
    "嘉欣", "立伟", "晨曦",
]

MEN_US = ["7", "7.5", "8", "8.5", "9", "9.5", "10", "10.5", "11", "11.5", "12", "13"]
WOMEN_US = ["5", "5.5", "6", "6.5", "7", "7.5", "8", "8.5", "9", "9.5", "10", "11"]
KIDS_US = ["11", "12", "13", "1", "2", "3", "4", "5"]
EU_MEN = ["39", "40", "41", "42", "43", "44", "45"]
EU_WOMEN = ["35", "36", "37", "38", "39", "40"]
APPAREL = ["XS", "S", "M", "L", "XL", "XXL"]
KIDS_APPAREL = ["3-4Y", "5-6Y", "7-8Y", "9-10Y", "11-12Y"]

# ---------------------------------------------------------------------------
# Reviews.  Each pool has "pos" (4-5 stars), "mix" (3 stars) and "neg"
# (1-2 stars) texts.  Product-type pools are registered next to the products.
# ---------------------------------------------------------------------------

REVIEWS = {
    "generic": {
        "pos": [
            "Arrived two days early and well packed.",
            "Exactly as described. No complaints.",
            "Good value for the money.",
            "Bought this as a gift and it went down really well.",
            "Would buy again.",
            "Great quality, happy with this purchase.",
            "Second time buying, still impressed.",
            "Fast delivery and exactly as pictured.",
        ],
        "mix": [
            "Does the job. Packaging was a bit excessive.",
            "Decent, but I expected a little more at this price.",
            "Fine overall. Delivery took longer than quoted.",
            "It's okay. Not amazing, not bad.",
            "Decent, though I've seen it cheaper elsewhere.",
        ],
        "neg": [
            "Arrived scuffed. Customer service sent a replacement, but still annoying.",
            "Not worth the price in my opinion.",
            "Returned it. Just not what I expected from the photos.",
            "Quality wasn't what I expected for the price.",
        ],
    },
    "zh_generic": {
        "pos": [
            "物流很快，包装完好。",
            "和描述一致，很满意。",
            "性价比高，会回购。",
            "买来送人的，对方很喜欢。",
        ],
        "mix": [
            "还可以吧，中规中矩。",
            "东西不错，就是快递有点慢。",
        ],
        "neg": [
            "收到时外包装破损，客服处理得还算及时。",
            "感觉不值这个价。",
        ],
    },
}


def fit_extras(fit, lang="en", kids=False, shoes=True):
    """Review snippets that agree with the product's stated fit."""
    if lang == "zh" and not shoes:
        return {
            "runs large": [(3, "版型偏大，建议拍小一码。")],
            "runs small": [(3, "偏小一码，建议拍大一码。")],
            "true to size": [(5, "尺码标准，按平时的码数买刚好。")],
        }.get(fit, [])
    if lang == "en" and not shoes and fit == "runs large":
        return [(4, "Runs large, I sized down one and it's perfect."),
                (3, "Roomy cut, size down if you're between sizes.")]
    if kids and lang == "en":
        return {
            "true to size": [
                (5, "Fits true to size. We bought her usual size and there's still a little room to grow."),
                (4, "True to size, ordered his normal size and they fit well."),
            ],
        }.get(fit, [])
    if lang == "zh":
        return {
            "runs half a size small": [(3, "偏小半码，建议拍大一码。"), (4, "平时穿42，这双买了43正合适，偏小一点。")],
            "runs large": [(3, "鞋码偏大，建议拍小半码。")],
            "true to size": [(5, "尺码标准，平时穿多大就买多大。")],
        }.get(fit, [])
    return {
        "runs half a size small": [
            (4, "Runs half a size small. I'm normally a 9 and the 9.5 fits perfectly."),
            (3, "Had to exchange for half a size up, they run small."),
            (4, "Lovely, but size up half a size, especially if you wear thick socks."),
        ],
        "runs large": [
            (4, "These run a bit large, I went down half a size and they're great."),
            (3, "Order half a size down. My usual size slipped at the heel."),
        ],
        "true to size": [
            (5, "True to size, same as everything else I wear."),
            (4, "Fits true to size. Comfortable from the first wear."),
        ],
        "runs small": [
            (3, "Runs small. I'm usually a medium and needed a large."),
            (4, "Size up one, the cut is slim."),
        ],
        "relaxed": [
            (4, "Relaxed fit as described, I kept my usual size."),
        ],
    }.get(fit, [])


def draw_reviews(pool_key, rating, extras, lang):
    pool = REVIEWS[pool_key] if isinstance(pool_key, str) else pool_key
    generic = REVIEWS["zh_generic" if lang == "zh" else "generic"]
    names = ZH_NAMES if lang == "zh" else EN_NAMES
    n = rng.choice([2, 2, 3, 3, 3, 4])
    k = 0
    if extras and rng.random() < 0.8:
        k = 2 if len(extras) > 1 and n >= 3 and rng.random() < 0.45 else 1
    if rating >= 4.4:
        extras = [e for e in extras if e[0] >= 3]
    k = min(k, len(extras))
    chosen = rng.sample(list(extras), k)
    stars = [s for s, _ in chosen]
    centre = rating + (0.15 if rating >= 3.8 else -0.25)
    for _ in range(n - k):
        stars.append(max(1, min(5, int(round(rng.gauss(centre, 0.85))))))
    if rating < 3.6 and min(stars) > 2:
        stars[-1] = rng.choice([1, 2])
    if rating >= 4.5 and sum(stars) / n < 4:
        stars = stars[:k] + [max(s, 4) for s in stars[k:]]
    used, out, authors = set(), [], rng.sample(names, n)
    for i in range(n):
        s = stars[i]
        if i < k:
            text = chosen[i][1]
        else:
            bucket = "pos" if s >= 4 else ("mix" if s == 3 else "neg")
            own = [t for t in pool[bucket] if t not in used]
            gen = [t for t in generic[bucket] if t not in used]
            cands = own if (own and rng.random() < 0.88) or not gen else gen
            text = rng.choice(cands)
        used.add(text)
        out.append({"rating": s, "author": authors[i], "text": text})
    return out


def draw_stock():
    x = rng.random()
    if x < 0.09:
        return 0
    if x < 0.22:
        return rng.randint(1, 5)
    if x < 0.62:
        return rng.randint(6, 60)
    return rng.randint(61, 340)


def draw_rating(bias=0.0):
    r = rng.gauss(4.25 + bias, 0.45)
    return round(min(4.9, max(2.8, r)), 1)


def sizes(base, keep=("10",), drop_max=2):
    """A size run with the odd size sold out (sizes in ``keep`` stay)."""
    out = list(base)
    for _ in range(rng.randint(0, drop_max)):
        cands = [s for s in out[1:-1] if s not in keep]
        if cands:
            out.remove(rng.choice(cands))
    return out


def col(main, *others):
    for c in (main,) + others:
        assert c in COLOURS, c
    return {"color": main, "colors_available": [main, *others]}


def add(category, sub, brand, title, price, desc, attrs, tags, rv,
        currency="USD", lang="en", warranty=None, extras=(), bias=0.0, fixed_rating=None):
    """Register one product.

    warranty: None (never listed) or (probability, [choices]).
    """
    a = {"subcategory": sub}
    a.update(attrs)
    if warranty and "warranty" not in a and rng.random() < warranty[0]:
        a["warranty"] = rng.choice(warranty[1])
    ex = list(extras)
    if "fit" in a:
        fits = fit_extras(a["fit"], lang, kids=a.get("gender") == "kids", shoes=category == "footwear")
        if fits:
            ex.append(rng.choice(fits))
    bl = a.get("battery_life", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?) (h|min|days|months)", bl)
    if m and lang == "en":
        ex.append(rng.choice([
            (4, f"Battery life is close to the claimed {bl}, a bit less with everything turned up."),
            (5, f"They say {bl} of battery and that matches my experience."),
            (3, f"Battery is fine but I get noticeably less than the advertised {bl}."),
        ]))
    elif m:
        unit = {"h": "小时", "min": "分钟", "days": "天", "months": "个月"}[m.group(2)]
        ex.append((4, f"续航和宣传的差不多，基本能达到{m.group(1)}{unit}。"))
    rating = draw_rating(bias) if fixed_rating is None else fixed_rating
    PRODUCTS.append({
        "title": title,
        "description": desc,
        "category": category,
        "brand": brand,
        "price": round(float(price), 2),
        "currency": currency,
        "rating": rating,
        "stock": draw_stock(),
        "attributes": a,
        "reviews": draw_reviews(rv, rating, ex, lang),
        "tags": sorted({t.lower() for t in tags}),
    })


def zh(category, sub, brand, title, price, desc, attrs, tags, rv,
       currency="CNY", warranty=None, extras=(), bias=0.0):
    """A product listed in Simplified Chinese."""
    add(category, sub, brand, title, price, desc, attrs, tags, rv,
        currency=currency, lang="zh", warranty=warranty, extras=extras, bias=bias)


# ===========================================================================
# FOOTWEAR
# ===========================================================================

REVIEWS["hiking_boots"] = {
    "pos": [
        "Wore them straight out of the box on a 12-mile loop, not a single blister.",
        "Great grip on wet rock. Took them through two stream crossings without trouble.",
        "Solid support on rocky descents and the laces actually stay tied.",
        "Third pair I've owned. They last me about 800 miles before the tread gives out.",
        "Comfortable and light for a boot. Toe box has room for thick wool socks.",
        "Used them for a week of hut-to-hut hiking, feet were fine every single day.",
    ],
    "mix": [
        "Comfortable enough, but the insole is flimsy. Swapped it for an aftermarket one.",
        "Good boot, took a few weeks to break in properly though.",
        "Grip is great on dirt, slippery on wet wooden boardwalks.",
        "Fine for day hikes. Started to get hot spots after about 10 miles.",
    ],
    "neg": [
        "The sole started peeling away at the toe after two months.",
        "Too narrow, pinched across the widest part of my foot. Returned.",
        "Heel slips no matter how I lace them. Blisters on the first hike.",
    ],
}
WP_BOOT = [
    (5, "Stood in a creek for a full minute to test them. Dry socks."),
    (5, "Waterproofing held up through a whole day of rain and boggy paths."),
    (3, "Waterproof, but that also means they get warm and sweaty in summer."),
    (2, "Started leaking at the flex point by the toes after about six months."),
]
NON_WP_BOOT = [
    (3, "Not waterproof (to be fair, it doesn't claim to be). Wet feet after dewy grass."),
    (5, "Really breathable. My feet stay cool even on hot July hikes."),
]

REVIEWS["running"] = {
    "pos": [
        "Best daily trainer I've had in years. Ran my half marathon in them.",
        "Light, bouncy, and the upper doesn't rub anywhere. 150 miles in and the foam still feels fresh.",
        "My knees thank me. Properly cushioned without feeling mushy.",
        "Very breathable, great for summer runs.",
        "Heel lockdown is excellent, no slipping on downhills.",
        "Wore them for my local 5K the first week and ran a PB.",
    ],
    "mix": [
        "Comfortable, but the outsole is wearing fast at the heel after 200 miles.",
        "Nice shoe, a bit narrow through the midfoot for me.",
        "Good cushioning, not much grip on wet roads.",
        "The colour is brighter in person than online.",
    ],
    "neg": [
        "Upper tore near the little toe after six weeks.",
        "Way too firm for me, I felt every pebble.",
        "Gave me a blister on the arch on the first run. Sent them back.",
    ],
}

REVIEWS["sneakers"] = {
    "pos": [
        "Comfortable from day one and they go with everything.",
        "Look exactly like the photos. Got compliments at work.",
        "Washed them on cold and they came out looking new.",
        "Decent arch support for a casual shoe. I walk to work in them daily.",
        "Second pair, the first lasted me almost two years.",
    ],
    "mix": [
        "Cute, but the insole is thin. Added a gel insert.",
        "White shows dirt quickly, obviously. Otherwise fine.",
        "Took about a week for the heel counter to soften up.",
    ],
    "neg": [
        "Squeak with every step on tile floors. Drives me mad.",
        "Stitching came loose on the side after a month.",
        "Sole separated after three months of normal wear.",
    ],
}

REVIEWS["sandals"] = {
    "pos": [
        "Wore these all summer, including river days. Still look great.",
        "Straps are easy to adjust and nothing rubs.",
        "So comfortable I bought a second pair.",
        "Dry in minutes after the beach.",
    ],
    "mix": [
        "Comfy, but the sole is slippery on wet tiles.",
        "Took a week for the straps to soften.",
        "Fine for the price, nothing special.",
    ],
    "neg": [
        "Buckle snapped on the second trip.",
        "Footbed is too hard for me, my arches ached by the afternoon.",
        "Rubbed a blister between my toes on day one.",
    ],
}
REVIEWS["kids_shoes"] = {
    "pos": [
        "My son wears them every day and they still look good after a term of school.",
        "Easy for her to put on by herself, which saves us time every morning.",
        "Lightweight and comfy, no complaints about sore feet.",
        "Survived a whole summer of puddles and playgrounds.",
    ],
    "mix": [
        "Good shoes, but the toes scuff quickly.",
        "Fine, but the fastening is wearing out after two months.",
    ],
    "neg": [
        "Sole split after six weeks of school.",
        "Too narrow for my daughter's feet.",
    ],
}


def footwear():
    C = "footwear"
    W = (0.7, ["6 months", "1 year", "1 year", "2 years"])

    def boot(brand, title, price, desc, attrs, tags, **kw):
        wp = attrs.get("waterproof")
        ex = WP_BOOT if wp else NON_WP_BOOT
        add(C, "hiking boots", brand, title, price, desc, attrs,
            ["hiking", "boots", "hiking boots", "outdoor"] + (["waterproof"] if wp else []) + tags,
            kw.pop("rv", "hiking_boots"), warranty=W, extras=ex + kw.pop("extras", []), **kw)

    boot("Trailmark", "Trailmark Ridgeback Mid Waterproof Hiking Boot - Men's", 89.99,
         "A mid-cut day hiker with a seam-sealed waterproof membrane and a 4 mm lug rubber outsole. "
         "Comfortable out of the box, so there's no real break-in period.",
         {**col("brown", "grey", "black"), "sizes_available": sizes(MEN_US), "gender": "men",
          "material": "suede and ripstop mesh", "weight": "540 g", "waterproof": True,
          "cut": "mid", "outsole": "rubber, 4 mm lugs", "fit": "true to size"},
         ["day hiking", "mid-cut"])
    boot("Trailmark", "Trailmark Ridgeback Mid Waterproof Hiking Boot - Women's", 94.99,
         "The women's Ridgeback is built on a narrower heel last with the same waterproof membrane and grippy 4 mm lugs. "
         "A dependable all-rounder for muddy trails and weekend hikes.",
         {**col("grey", "purple", "brown"), "sizes_available": sizes(WOMEN_US), "gender": "women",
          "material": "suede and ripstop mesh", "weight": "470 g", "waterproof": True,
          "cut": "mid", "outsole": "rubber, 4 mm lugs", "fit": "runs half a size small"},
         ["day hiking", "mid-cut"])
    boot("Nordvik", "Nordvik Fjellsti Leather Waterproof Backpacking Boot - Men's", 164.00,
         "Full-grain leather boot with a gusseted tongue and a waterproof, breathable liner, made for multi-day trips with a loaded pack. "
         "A nylon shank adds support on rocky ground; allow a week or two of wear to break it in.",
         {**col("brown", "black"), "sizes_available": sizes(MEN_US), "gender": "men",
          "material": "full-grain leather", "weight": "720 g", "waterproof": True,
          "cut": "high", "outsole": "rubber, 5 mm lugs", "fit": "true to size"},
         ["backpacking", "leather"])
    boot("Loamstep", "Loamstep Switchback Low Hiking Shoe", 74.95,
         "A breathable mesh hiking shoe for dry trails and summer rambles. It isn't waterproof; the open mesh drains and dries fast instead.",
         {**col("green", "grey", "black"), "sizes_available": sizes(MEN_US), "gender": "unisex",
          "size_system": "US men's", "material": "synthetic mesh", "weight": "410 g",
          "waterproof": False, "cut": "low", "fit": "true to size"},
         ["hiking shoes", "breathable", "summer"])
    boot("Cairnline", "Cairnline Scree Mid Waterproof Hiker - Women's", 119.00,
         "A lightweight waterproof mid with a cushioned EVA midsole and sticky rubber that holds on wet rock. "
         "Good three-season boot for people who find leather boots too heavy.",
         {**col("blue", "grey"), "sizes_available": sizes(WOMEN_US), "gender": "women",
          "material": "synthetic nubuck and mesh", "weight": "460 g", "waterproof": True,
          "cut": "mid", "outsole": "sticky rubber, 4.5 mm lugs", "fit": "true to size"},
         ["lightweight", "mid-cut"])
    boot("Cairnline", "Cairnline Alpine Trek Pro Mountain Boot - Men's", 229.00,
         "Nubuck leather mountain boot with a waterproof liner, a protective rubber rand and a heel welt for strap-on crampons. "
         "Built for scrambles and late-season snow rather than casual walks.",
         {**col("brown", "orange"), "sizes_available": sizes(MEN_US), "gender": "men",
          "material": "nubuck leather with rubber rand", "weight": "890 g", "waterproof": True,
          "cut": "high", "crampon_compatible": "strap-on (heel welt)", "fit": "true to size"},
         ["mountaineering", "leather", "winter"], bias=0.2)
    boot("Stridewell", "Stridewell Meadowlark Mid Waterproof Hiker - Women's", 69.99,
         "An entry-level waterproof hiker with a padded collar and a roomy toe box. "
         "Ideal for well-kept trails, park walks and muddy dog walks.",
         {**col("beige", "grey", "green"), "sizes_available": sizes(WOMEN_US), "gender": "women",
          "material": "synthetic leather and mesh", "weight": "480 g", "waterproof": True,
          "cut": "mid", "fit": "runs large"},
         ["budget", "walking"], bias=-0.2)
    boot("Fernhollow", "Fernhollow Heritage Ranger Leather Boot - Men's", 189.00,
         "Oiled full-grain leather, stitched welt construction that can be resoled, and a waterproof bootie inside. "
         "Heavier than modern hikers, but made to last for years.",
         {**col("brown"), "sizes_available": sizes(MEN_US), "gender": "men",
          "material": "oiled full-grain leather", "weight": "980 g", "waterproof": True,
          "cut": "high", "construction": "stitched welt, resoleable", "fit": "runs large"},
         ["leather", "heritage", "resoleable"])
    boot("Trailmark", "Trailmark Ridgeback Low Vent Hiking Shoe - Men's", 79.99,
         "The low-cut, ventilated version of the Ridgeback with open mesh panels for hot-weather hiking. Not waterproof.",
         {**col("grey", "blue"), "sizes_available": sizes(MEN_US), "gender": "men",
          "material": "suede and open mesh", "weight": "430 g", "waterproof": False,
          "cut": "low", "fit": "true to size"},
         ["hiking shoes", "breathable", "summer"])
    boot("Nordvik", "Nordvik Vidde Insulated Winter Hiking Boot - Women's", 149.99,
         "Waterproof winter boot with 200 g synthetic insulation and a cold-weather rubber outsole that stays flexible down to about -20 °C. "
         "Speed hooks make lacing up with gloves on easier.",
         {**col("black", "brown"), "sizes_available": sizes(WOMEN_US), "gender": "women",
          "material": "waterproof leather and textile", "weight": "650 g", "waterproof": True,
          "insulation": "200 g synthetic", "cut": "high", "fit": "true to size"},
         ["winter", "insulated", "snow"])
    boot("Stridewell", "Stridewell Ascent Mid Waterproof Hiking Boot - Men's", 112.50,
         "Waterproof mid boot with a TPU heel counter and a rubber toe bumper for rocky descents. "
         "Available in regular and wide (2E) widths.",
         {**col("green", "brown"), "sizes_available": sizes(MEN_US), "gender": "men",
          "material": "leather and textile", "weight": "590 g", "waterproof": True,
          "cut": "mid", "widths": ["regular", "wide"], "fit": "true to size"},
         ["wide fit", "mid-cut"])
    boot("Pacewind", "Pacewind Skyline Hybrid Waterproof Hiker", 134.95,
         "A trail-runner-style hiking boot: sneaker-light, with a waterproof membrane and a rock plate under the forefoot. "
         "Great for fast-packing, though it gives less ankle support than a traditional boot.",
         {**col("black", "orange"), "sizes_available": sizes(MEN_US), "gender": "unisex",
          "size_system": "US men's", "material": "synthetic textile", "weight": "380 g",
          "waterproof": True, "cut": "mid", "fit": "runs half a size small"},
         ["lightweight", "fastpacking"])
    boot("Loamstep", "Loamstep Canyon Kids' Waterproof Hiking Boot", 59.99,
         "Waterproof kids' hiking boot with a hook-and-loop strap plus quick laces, so they can get them on without help. "
         "A reinforced toe stands up to kids who kick every rock.",
         {**col("blue", "pink", "green"), "sizes_available": sizes(KIDS_US, keep=()), "gender": "kids",
          "material": "synthetic leather and mesh", "weight": "320 g", "waterproof": True,
          "cut": "mid", "fit": "true to size"},
         ["kids", "children"], rv="kids_shoes")
    zh(C, "hiking boots", "山岚", "山岚 男款中帮轻量防水登山鞋", 499.00,
       "中帮设计，鞋面采用防水透气膜与耐磨网布拼接，单只约520克，走长线也不觉得累脚。"
       "大底为深齿橡胶，湿滑岩石和泥地都抓得住。",
       {**col("grey", "brown", "black"), "sizes_available": sizes(EU_MEN, keep=()), "size_system": "EU",
        "gender": "men", "material": "防泼水绒面革、网布", "weight": "520 g", "waterproof": True,
        "cut": "mid", "fit": "runs half a size small"},
       ["hiking", "boots", "hiking boots", "waterproof", "登山鞋", "防水"], "zh_boots", warranty=W,
        extras=[(5, "下雨天走了一整天山路，鞋里一点没湿。")])
    zh(C, "hiking boots", "溪谷", "溪谷 女款防水徒步鞋", 98.00,
       "按亚洲女性脚型设计，鞋楦略宽，前掌不挤脚。防水内衬配合高回弹中底，雨天走山路也能保持干爽。",
       {**col("pink", "grey"), "sizes_available": sizes(WOMEN_US), "gender": "women",
        "material": "超纤皮革、网布", "weight": "450 g", "waterproof": True, "cut": "mid",
        "fit": "true to size"},
       ["hiking", "boots", "hiking boots", "waterproof", "徒步鞋"], "zh_boots", currency="USD", warranty=W)

    def run(brand, title, price, desc, attrs, tags, **kw):
        add(C, "running shoes", brand, title, price, desc, attrs,
            ["running", "running shoes", "sports"] + tags, kw.pop("rv", "running"), warranty=W, **kw)

    run("Pacewind", "Pacewind Tempo 5 Road Running Shoe - Men's", 129.99,
        "A daily trainer with a nitrogen-infused foam midsole that feels soft at easy pace and snappy at tempo. "
        "8 mm drop and 255 g in a US 9.",
        {**col("blue", "black", "orange"), "sizes_available": sizes(MEN_US), "gender": "men",
         "weight": "255 g", "drop": "8 mm", "surface": "road", "cushioning": "medium",
         "material": "engineered mesh", "waterproof": False, "fit": "true to size"},
        ["road running", "daily trainer"], bias=0.2)
    run("Pacewind", "Pacewind Tempo 5 Road Running Shoe - Women's", 129.99,
        "The women's version of our best-selling daily trainer, with a slightly softer foam tune and a narrower heel. "
        "8 mm drop and 220 g in a US 7.",
        {**col("blue", "pink", "white"), "sizes_available": sizes(WOMEN_US), "gender": "women",
         "weight": "220 g", "drop": "8 mm", "surface": "road", "cushioning": "medium",
         "material": "engineered mesh", "waterproof": False, "fit": "true to size"},
        ["road running", "daily trainer"], bias=0.2)
    run("Stridewell", "Stridewell Daybreak Cushion Running Shoe - Men's", 89.99,
        "Plush, forgiving running shoe for easy miles and long walks, with a wide base that feels stable on tired legs. "
        "Engineered mesh upper and a padded tongue.",
        {**col("navy", "grey", "blue"), "sizes_available": sizes(MEN_US), "gender": "men",
         "weight": "290 g", "drop": "10 mm", "surface": "road", "cushioning": "high",
         "material": "engineered mesh", "waterproof": False, "fit": "runs half a size small"},
        ["road running", "cushioned", "walking"])
    run("Stridewell", "Stridewell Kinetic Racer Carbon-Plate Running Shoe", 219.99,
        "A race-day shoe with a full-length carbon plate and a high-rebound foam stack. "
        "Very light at 198 g, but the thin upper isn't built for high weekly mileage.",
        {**col("white", "orange"), "sizes_available": sizes(MEN_US), "gender": "unisex",
         "size_system": "US men's", "weight": "198 g", "drop": "6 mm", "surface": "road",
         "cushioning": "high", "plate": "carbon fibre", "material": "monofilament mesh",
         "waterproof": False, "fit": "runs half a size small"},
        ["racing", "carbon plate", "marathon"])
    run("Sundrift", "Sundrift Coastline Trainer - Men's", 64.99,
        "Budget-friendly neutral trainer for 5Ks, gym sessions and everyday runs, with a breathable knit upper and a hard-wearing rubber outsole.",
        {**col("blue", "black", "grey"), "sizes_available": sizes(MEN_US[:-1]), "gender": "men",
         "weight": "270 g", "drop": "10 mm", "surface": "road", "cushioning": "medium",
         "material": "knit", "waterproof": False, "fit": "runs large"},
        ["budget", "gym"], bias=-0.15)
    run("Trailmark", "Trailmark Gritline Trail Running Shoe - Men's", 139.95,
        "Trail running shoe with 5 mm multi-directional lugs, a flexible rock plate and a gusseted tongue that keeps grit out. "
        "Grippy on loose dirt, a little firm on pavement.",
        {**col("green", "black", "blue"), "sizes_available": sizes(MEN_US), "gender": "men",
         "weight": "300 g", "drop": "6 mm", "surface": "trail", "lug_depth": "5 mm",
         "material": "ripstop mesh", "waterproof": False, "fit": "true to size"},
        ["trail running", "trail"])
    run("Nordvik", "Nordvik Myr Waterproof Trail Running Shoe - Women's", 149.00,
        "Waterproof trail runner for wet, muddy winter routes, with a membrane bootie and aggressive 6 mm lugs. "
        "Runs a bit warm in summer.",
        {**col("black", "purple"), "sizes_available": sizes(WOMEN_US), "gender": "women",
         "weight": "285 g", "drop": "6 mm", "surface": "trail", "lug_depth": "6 mm",
         "material": "textile with waterproof membrane", "waterproof": True, "fit": "true to size"},
        ["trail running", "trail", "waterproof", "winter"])
    run("Pacewind", "Pacewind Drift Max Cushion Running Shoe - Men's", 149.99,
        "Our most cushioned shoe, with a rockered sole that rolls you through each stride. "
        "Made for recovery runs, long slow distance and runners who want maximum protection.",
        {**col("grey", "blue", "white"), "sizes_available": sizes(MEN_US), "gender": "men",
         "weight": "305 g", "drop": "5 mm", "surface": "road", "cushioning": "maximum",
         "material": "engineered mesh", "waterproof": False, "fit": "true to size"},
        ["road running", "cushioned", "recovery", "long distance"])
    run("Stridewell", "Stridewell Loop Stability Running Shoe - Women's", 119.99,
        "Stability shoe with a firmer medial post to help control overpronation, without feeling stiff. "
        "Comes in regular and wide widths.",
        {**col("blue", "navy", "white"), "sizes_available": sizes(WOMEN_US), "gender": "women",
         "weight": "250 g", "drop": "10 mm", "surface": "road", "support": "stability",
         "widths": ["regular", "wide"], "material": "engineered mesh", "waterproof": False,
         "fit": "true to size"},
        ["road running", "stability", "overpronation", "wide fit"])
    run("Sundrift", "Sundrift Lapline Junior Running Shoe - Kids", 49.99,
        "Lightweight kids' runner with a bungee lace and pull tab, made for PE class and the playground.",
        {**col("red", "blue"), "sizes_available": sizes(KIDS_US, keep=()), "gender": "kids",
         "weight": "190 g", "surface": "road", "material": "mesh", "waterproof": False,
         "fit": "true to size"},
        ["kids", "school"], rv="kids_shoes")
    zh(C, "running shoes", "云岫", "云岫 男士轻量缓震跑鞋", 399.00,
       "中底采用超临界发泡材料，回弹好、重量轻，日常5到10公里慢跑脚感舒适。鞋面为一体编织，透气不闷脚。",
       {**col("blue", "black", "white"), "sizes_available": sizes(EU_MEN, keep=()), "size_system": "EU",
        "gender": "men", "weight": "240 g", "drop": "8 mm", "surface": "road",
        "material": "一体编织鞋面", "waterproof": False, "fit": "true to size"},
       ["running", "running shoes", "跑鞋", "缓震"], "zh_running", warranty=W)

    def sneaker(brand, title, price, desc, attrs, tags, **kw):
        add(C, "sneakers", brand, title, price, desc, attrs,
            ["sneakers", "casual"] + tags, kw.pop("rv", "sneakers"), warranty=W, **kw)

    sneaker("Cobble & Finch", "Cobble & Finch Harbor Canvas Low-Top Sneaker", 49.99,
            "Classic vulcanised canvas sneaker with a cotton twill upper and a cushioned footbed. "
            "Goes with everything, and it's machine-washable on a cold cycle.",
            {**col("white", "black", "navy", "red"), "sizes_available": sizes(MEN_US), "gender": "unisex",
             "size_system": "US men's", "material": "cotton canvas", "fit": "runs large"},
            ["canvas", "everyday"])
    sneaker("Cobble & Finch", "Cobble & Finch Harbor Canvas High-Top Sneaker", 54.99,
            "The high-top version of the Harbor, with a padded ankle collar and metal eyelets.",
            {**col("black", "white", "red"), "sizes_available": sizes(MEN_US), "gender": "unisex",
             "size_system": "US men's", "material": "cotton canvas", "fit": "runs large"},
            ["canvas", "high-top"])
    sneaker("Fernhollow", "Fernhollow Court Leather Sneaker - Men's", 89.00,
            "Minimal leather court sneaker with a stitched cupsole and full leather lining. "
            "Clean enough for the office, sturdy enough for every day.",
            {**col("white", "black", "brown"), "sizes_available": sizes(MEN_US), "gender": "men",
             "material": "full-grain leather", "fit": "true to size"},
            ["leather", "minimalist", "office"])
    sneaker("Sundrift", "Sundrift Slip-On Knit Sneaker - Women's", 39.99,
            "Stretch-knit slip-on with a memory foam insole, made for errands and long days on your feet.",
            {**col("grey", "black", "pink", "beige"), "sizes_available": sizes(WOMEN_US), "gender": "women",
             "material": "stretch knit", "fit": "true to size"},
            ["slip-on", "comfort"])
    sneaker("Pacewind", "Pacewind Retro 82 Runner Sneaker", 74.99,
            "Retro-style runner with a suede and nylon upper and a chunky gum outsole. "
            "It's a lifestyle shoe rather than a performance runner.",
            {**col("navy", "grey", "green"), "sizes_available": sizes(MEN_US), "gender": "unisex",
             "size_system": "US men's", "material": "suede and nylon", "fit": "true to size"},
            ["retro", "suede"])
    sneaker("Sundrift", "Sundrift Glow Kids' Light-Up Sneaker", 34.99,
            "Light-up kids' sneaker with a rechargeable LED strip in the sole (USB cable included) and hook-and-loop straps. "
            "The lights run about 8 hours per charge.",
            {**col("pink", "blue", "black"), "sizes_available": sizes(KIDS_US, keep=()), "gender": "kids",
             "material": "synthetic leather", "battery_life": "8 h", "fit": "true to size"},
            ["kids", "light-up", "gift"],
            extras=[(5, "My son won't take them off. The lights are a massive hit at school."),
                    (2, "Lights stopped charging after three weeks.")], rv="kids_shoes")

    def sandal(brand, title, price, desc, attrs, tags, **kw):
        add(C, "sandals", brand, title, price, desc, attrs,
            ["sandals", "summer"] + tags, kw.pop("rv", "sandals"), warranty=W, **kw)

    sandal("Trailmark", "Trailmark Riverbend Hiking Sandal - Men's", 59.99,
           "Adjustable three-strap sport sandal with quick-dry webbing and a grippy rubber sole, for river crossings and hot trail days.",
           {**col("black", "green"), "sizes_available": sizes(MEN_US), "gender": "men",
            "material": "polyester webbing, rubber", "waterproof": True, "weight": "330 g",
            "fit": "true to size"},
           ["hiking", "water", "sport sandals"])
    sandal("Stridewell", "Stridewell Cloudrest Recovery Slide", 34.99,
           "Thick, squishy foam slide for after runs or around the house. "
           "Fully waterproof, so it doubles as a pool and shower shoe.",
           {**col("grey", "black", "blue"), "sizes_available": sizes(MEN_US), "gender": "unisex",
            "size_system": "US men's", "material": "EVA foam", "waterproof": True, "fit": "runs large"},
           ["slides", "recovery"])
    sandal("Fernhollow", "Fernhollow Lisbon Leather Sandal - Women's", 69.00,
           "Flat leather sandal with a cork footbed that moulds to your foot over time and an adjustable ankle strap.",
           {**col("brown", "black", "beige"), "sizes_available": sizes(WOMEN_US), "gender": "women",
            "material": "vegetable-tanned leather, cork", "waterproof": False,
            "fit": "runs half a size small"},
           ["leather"])
    sandal("Sundrift", "Sundrift Splash Kids' Water Sandal", 29.99,
           "Closed-toe water sandal that protects little toes on rocky beaches and dries quickly.",
           {**col("blue", "pink", "green"), "sizes_available": sizes(KIDS_US, keep=()), "gender": "kids",
            "material": "rubber and neoprene", "waterproof": True, "fit": "true to size"},
           ["kids", "beach", "water"], rv="kids_shoes")
    sandal("Sundrift", "Sundrift Everyday Slide", 24.99,
           "Simple one-piece EVA slide, lightweight and easy to rinse off.",
           {**col("black", "white", "navy", "pink"), "sizes_available": sizes(MEN_US), "gender": "unisex",
            "size_system": "US men's", "material": "EVA", "waterproof": True, "fit": "true to size"},
           ["slides", "beach", "budget"])


# ===========================================================================
# OUTDOOR & CAMPING
# ===========================================================================

REVIEWS["tent"] = {
    "pos": [
        "Pitched it in the dark on the first try, the colour-coded clips help a lot.",
        "Survived a night of proper wind and rain on the coast, bone dry inside.",
        "Plenty of headroom for sitting up and getting changed.",
        "Packs down smaller than I expected. Fits in the boot with room to spare.",
        "Ventilation is good, very little condensation even on a cold, still night.",
        "Third season with it and it still looks new.",
    ],
    "mix": [
        "Decent tent, but the stakes it comes with are rubbish. Buy proper ones.",
        "A bit of condensation on the inner when it's humid, but nothing dripped.",
        "Good space, though the packed size is bulky for anything but car camping.",
        "Takes two people to pitch comfortably in wind.",
    ],
    "neg": [
        "A pole section cracked on the second trip.",
        "Leaked through the seams at the door in moderate rain.",
        "Zip on the inner door kept snagging and eventually split.",
    ],
}
REVIEWS["backpack"] = {
    "pos": [
        "Carries really well. Hip belt takes the weight off my shoulders.",
        "Lots of pockets without being fiddly.",
        "The mesh back panel actually works, much less sweaty back.",
        "Comfortable on long days, no hot spots on my shoulders.",
        "Zips are chunky and easy to use with gloves on.",
    ],
    "mix": [
        "Nice pack, but the hip belt pockets are too small for a phone.",
        "Shoulder straps are a bit thin for heavy loads.",
        "Good pack overall, wish the water bottle pockets were deeper.",
    ],
    "neg": [
        "The buckle on the hip belt snapped after a month.",
        "Torso adjustment slips down during the day.",
        "Fabric wore through at the bottom corner after one season.",
    ],
}
REVIEWS["sleeping_bag"] = {
    "pos": [
        "Slept warm right down to the rated comfort temperature.",
        "Compresses small and lofts back up quickly.",
        "Zip runs smoothly and doesn't catch on the lining.",
        "Roomy enough that I can sleep on my side without feeling trapped.",
    ],
    "mix": [
        "Warm, but I wouldn't trust the limit rating, more like comfort plus a few degrees.",
        "Good bag, the stuff sack is a nightmare to get it back into.",
        "A little short for me at 6'2\".",
    ],
    "neg": [
        "Cold spots along the baffles. Shivered at 5 °C.",
        "Zip broke on the second night.",
        "Feathers leaking out of the seams from day one.",
    ],
}
REVIEWS["jacket_outdoor"] = {
    "pos": [
        "Fits well with room for a layer underneath.",
        "Packs small and lives in my bag.",
        "Great quality, the zips are sturdy and easy to use with gloves.",
        "Cut is long enough at the back to stay put under a pack hip belt.",
        "I wear it almost every day from October to April.",
    ],
    "mix": [
        "Good jacket, the sleeves are slightly short for me.",
        "Nice, but the pockets sit too high to use with a hip belt.",
        "Fine, a bit pricey for what it is.",
    ],
    "neg": [
        "Main zip broke within two months.",
        "Very boxy fit, looks like a sack on me.",
        "Seams started fraying at the cuffs after one season.",
    ],
}
REVIEWS["outdoor_gear"] = {
    "pos": [
        "Small, light and does exactly what it says.",
        "Used it every day on a two-week trip, no issues.",
        "Well made, feels like it'll last for years.",
        "Lives in my pack permanently now.",
    ],
    "mix": [
        "Works well, but the instructions are confusing.",
        "Good, if a bit heavier than I hoped.",
        "Does the job, nothing more.",
    ],
    "neg": [
        "Broke on the first trip.",
        "Not worth it, a cheaper one I had before worked better.",
    ],
}

def outdoor():
    C = "outdoor"
    W = (0.8, ["1 year", "2 years", "2 years", "lifetime"])

    def tent(brand, title, price, desc, sleeps, attrs, tags, **kw):
        add(C, "tents", brand, title, price, desc,
            {"capacity": f"{sleeps}-person", "sleeps": sleeps, **attrs},
            ["tent", "camping", f"{sleeps} person", f"{sleeps}-person"] + tags, kw.pop("rv", "tent"), warranty=W, **kw)

    tent("Cairnline", "Cairnline Solo Ridge 1-Person Ultralight Trekking-Pole Tent", 249.99,
         "Single-wall shelter that pitches with your trekking poles instead of its own, bringing the weight down to 780 g. "
         "Room for one sleeper plus gear in the vestibule.", 1,
         {**col("grey"), "weight": "780 g", "season": "3-season", "waterproof": True,
          "hydrostatic_head": "2000 mm", "packed_size": "35 x 12 cm", "doors": 1,
          "material": "silicone-coated ripstop nylon"},
         ["ultralight", "backpacking", "solo"])
    tent("Wildmere", "Wildmere Pinecrest 2-Person Backpacking Tent", 179.99,
         "Freestanding two-person tent with two doors, two vestibules and a mesh inner for warm nights. "
         "At 1.9 kg it's light enough to split between two packs.", 2,
         {**col("green", "orange"), "weight": "1.9 kg", "season": "3-season", "waterproof": True,
          "hydrostatic_head": "3000 mm", "peak_height": "105 cm", "doors": 2,
          "floor_area": "2.8 m²", "packed_size": "45 x 15 cm"},
         ["backpacking", "freestanding"], bias=0.15)
    tent("Nordvik", "Nordvik Fjord 2-Person Four-Season Mountain Tent", 449.00,
         "Geodesic four-season tent with snow flaps, a full-coverage fly and four crossing poles that shrug off strong wind. "
         "Built for winter camping and exposed high camps.", 2,
         {**col("yellow", "red"), "weight": "3.4 kg", "season": "4-season", "waterproof": True,
          "hydrostatic_head": "5000 mm", "peak_height": "110 cm", "doors": 2,
          "material": "ripstop polyester fly, nylon inner"},
         ["winter", "mountaineering", "4-season"])
    tent("Cairnline", "Cairnline Basin 3-Person Dome Tent", 229.00,
         "Roomy three-person dome with near-vertical walls, two doors and a colour-coded pitch. "
         "A good fit for two adults plus a dog or a pile of gear.", 3,
         {**col("blue", "green"), "weight": "3.1 kg", "season": "3-season", "waterproof": True,
          "hydrostatic_head": "3000 mm", "peak_height": "130 cm", "doors": 2, "floor_area": "4.2 m²"},
         ["car camping", "dome"])
    tent("Cairnline", "Cairnline Basin 4-Person Dome Tent", 279.00,
         "Four-person version of the Basin with 5.6 m² of floor, a 150 cm peak and two large vestibules. "
         "Fits four standard sleeping pads side by side, or two adults and two kids with room to spare.", 4,
         {**col("blue", "green"), "weight": "4.6 kg", "season": "3-season", "waterproof": True,
          "hydrostatic_head": "3000 mm", "peak_height": "150 cm", "doors": 2, "floor_area": "5.6 m²",
          "dimensions": "240 x 235 x 150 cm"},
         ["car camping", "family", "dome"], bias=0.2)
    tent("Wildmere", "Wildmere Family Cabin 4-Person Instant Tent", 169.99,
         "Pre-attached poles let this cabin tent go up in about a minute, and the 195 cm centre height means you can stand up inside. "
         "1500 mm fly is fine for summer showers but not for days of heavy rain.", 4,
         {**col("green", "grey"), "weight": "7.8 kg", "season": "3-season", "waterproof": True,
          "hydrostatic_head": "1500 mm", "peak_height": "195 cm", "doors": 1, "setup_time": "about 60 seconds",
          "dimensions": "260 x 220 x 195 cm"},
         ["car camping", "family", "instant", "easy setup"])
    tent("Nordvik", "Nordvik Lavvu 4-Person Tipi Tent", 329.00,
         "Lightweight tipi that pitches around a single centre pole, with a protected opening for a small wood stove. "
         "Sleeps four in a ring, or two in luxury.", 4,
         {**col("beige", "green"), "weight": "3.6 kg", "season": "4-season", "waterproof": True,
          "hydrostatic_head": "3000 mm", "peak_height": "200 cm", "doors": 1, "floor_area": "6.2 m²",
          "stove_compatible": True},
         ["tipi", "winter", "bushcraft"])
    tent("Wildmere", "Wildmere Family Cabin 6-Person Instant Tent with Room Divider", 249.99,
         "Six-person instant cabin tent with a zip-in divider that makes two rooms, plus a large front awning. "
         "Poles come pre-attached, so one adult can pitch it.", 6,
         {**col("green", "grey"), "weight": "11.2 kg", "season": "3-season", "waterproof": True,
          "hydrostatic_head": "1500 mm", "peak_height": "200 cm", "doors": 2,
          "dimensions": "330 x 275 x 200 cm"},
         ["car camping", "family", "instant", "large"])
    tent("Larchwood Outfitters", "Larchwood Weekender 4-Person Dome Tent", 89.99,
         "A no-fuss four-person dome for festivals and fair-weather weekends, with a single door and a small porch. "
         "Great value, though the fly is thinner than on our pricier tents.", 4,
         {**col("orange", "blue"), "weight": "5.1 kg", "season": "3-season", "waterproof": True,
          "hydrostatic_head": "2000 mm", "peak_height": "135 cm", "doors": 1},
         ["budget", "festival", "car camping"], bias=-0.8)
    zh(C, "tents", "山岚", "山岚 户外全自动速开帐篷 3-4人", 459.00,
       "免搭建设计，打开弹簧骨架即可成型，约30秒完成搭建。双层防雨结构，外帐防水指数PU2000mm，适合家庭露营和公园野餐。",
       {"capacity": "3-4人", "sleeps": 4, **col("green", "beige", "blue"), "weight": "4.2 kg",
        "season": "3-season", "waterproof": True, "hydrostatic_head": "2000 mm",
        "setup_time": "约30秒", "dimensions": "210 x 210 x 140 cm"},
       ["tent", "camping", "4 person", "帐篷", "露营", "速开"], "zh_tent", warranty=W)

    def pack(brand, title, price, desc, attrs, tags, **kw):
        add(C, "backpacks", brand, title, price, desc, attrs,
            ["backpack", "hiking"] + tags, kw.pop("rv", "backpack"), warranty=W, **kw)

    pack("Trailmark", "Trailmark Daybreak 22 Daypack", 59.99,
         "A simple 22 L daypack with a hydration sleeve, two stretch side pockets and a padded hip belt you can tuck away.",
         {**col("black", "green", "orange"), "capacity": "22 L", "weight": "720 g",
          "material": "210D recycled nylon", "waterproof": False, "hydration_compatible": True},
         ["daypack", "day hiking"])
    pack("Kestrel Ridge", "Kestrel Ridge Summit 28 Ventilated Daypack", 89.99,
         "28 L daypack with a suspended mesh back panel that keeps air moving, plus an integrated rain cover in the base pocket.",
         {**col("blue", "grey", "red"), "capacity": "28 L", "weight": "1.05 kg",
          "material": "nylon ripstop", "waterproof": False, "rain_cover": True, "hydration_compatible": True},
         ["daypack", "day hiking", "ventilated"], bias=0.2)
    pack("Cairnline", "Cairnline Traverse 45 Hiking Backpack - Men's", 149.99,
         "A 45 L pack for hut trips and light overnights, with an adjustable torso length and a lid that converts to a hip pack.",
         {**col("green", "black"), "capacity": "45 L", "weight": "1.4 kg", "gender": "men",
          "material": "nylon ripstop", "torso_length": "43-53 cm, adjustable", "rain_cover": True},
         ["backpacking", "overnight"])
    pack("Cairnline", "Cairnline Traverse 40 Hiking Backpack - Women's", 149.99,
         "Women's-specific Traverse with a shorter torso range, S-curved shoulder straps and a conical hip belt.",
         {**col("purple", "grey"), "capacity": "40 L", "weight": "1.3 kg", "gender": "women",
          "material": "nylon ripstop", "torso_length": "38-48 cm, adjustable", "rain_cover": True},
         ["backpacking", "overnight"])
    pack("Nordvik", "Nordvik Vandring 65+10 Trekking Backpack", 229.00,
         "Expedition-size 65 L pack (extendable to 75 L) with a load-lifting frame, zip-open front access and big hip belt pockets. "
         "Carries 20 kg loads comfortably.",
         {**col("red", "grey"), "capacity": "65+10 L", "weight": "2.1 kg", "material": "420D nylon",
          "max_load": "25 kg", "rain_cover": True, "hydration_compatible": True},
         ["trekking", "multi-day", "expedition"])
    pack("Kestrel Ridge", "Kestrel Ridge Trail Hydration Pack 12 L with 2 L Reservoir", 64.99,
         "Slim hydration pack for trail runs and mountain biking, including a 2 L reservoir with a quick-release hose.",
         {**col("black", "blue"), "capacity": "12 L", "weight": "480 g", "reservoir": "2 L",
          "material": "nylon", "hydration_compatible": True},
         ["hydration pack", "trail running", "cycling"])
    pack("Halvard", "Halvard Featherlite 35 Ultralight Backpack", 179.00,
         "Frameless 35 L pack in UHMWPE composite fabric that weighs only 690 g. "
         "Best for experienced hikers carrying base weights under 7 kg.",
         {**col("white", "black"), "capacity": "35 L", "weight": "690 g",
          "material": "UHMWPE composite fabric", "waterproof": True, "max_load": "10 kg"},
         ["ultralight", "thru-hiking"])
    pack("Larchwood Outfitters", "Larchwood Kids' Explorer 12 L Backpack", 34.99,
         "Kid-sized 12 L hiking pack with a chest strap, a whistle on the buckle and reflective trim.",
         {**col("orange", "blue", "pink"), "capacity": "12 L", "weight": "350 g",
          "age_range": "4-10 years", "material": "polyester"},
         ["kids", "daypack", "school"],
        extras=[(5, "Just the right size for our 6-year-old's snacks and water bottle."), (4, "Chest strap keeps it from bouncing when she runs.")], rv="accessory")

    def bag(brand, title, price, desc, attrs, tags, **kw):
        add(C, "sleeping bags", brand, title, price, desc, attrs,
            ["sleeping bag", "camping"] + tags, kw.pop("rv", "sleeping_bag"), warranty=W, **kw)

    bag("Nordvik", "Nordvik Polarnatt -7°C Down Sleeping Bag", 329.00,
        "Mummy bag filled with 700-fill-power responsibly sourced down, with a draft collar and a contoured hood. "
        "Comfort rating -1 °C, limit -7 °C.",
        {**col("red"), "weight": "1.1 kg", "fill": "700-fill-power down", "comfort_temp": "-1 °C",
         "limit_temp": "-7 °C", "packed_size": "20 x 33 cm", "shape": "mummy"},
        ["down", "winter", "backpacking"], bias=0.2)
    bag("Wildmere", "Wildmere Campfire 5°C Rectangular Sleeping Bag", 49.99,
        "Roomy rectangular bag with a flannel-feel lining that unzips fully into a blanket. "
        "Meant for summer car camping and sleepovers.",
        {**col("green", "navy"), "weight": "1.8 kg", "fill": "hollow-fibre synthetic",
         "comfort_temp": "10 °C", "limit_temp": "5 °C", "shape": "rectangular"},
        ["summer", "car camping", "budget"])
    bag("Cairnline", "Cairnline Ember 0°C Synthetic Mummy Sleeping Bag", 119.99,
        "Synthetic insulation keeps working when damp, so this is a good three-season bag for wet climates. "
        "Two-way zip and an internal stash pocket.",
        {**col("blue", "orange"), "weight": "1.35 kg", "fill": "synthetic", "comfort_temp": "5 °C",
         "limit_temp": "0 °C", "shape": "mummy", "packed_size": "24 x 38 cm"},
        ["3-season", "synthetic", "backpacking"])
    bag("Halvard", "Halvard Drift 700 Down Quilt", 249.00,
        "Open-backed down quilt that pairs with your sleeping pad, cutting weight to 620 g. Rated to a 2 °C comfort temperature.",
        {**col("grey", "navy"), "weight": "620 g", "fill": "700-fill-power down", "comfort_temp": "2 °C",
         "shape": "quilt", "sizes_available": ["regular", "long"]},
        ["ultralight", "quilt", "down"],
        extras=[(5, "Warm, light, and the pad straps stop drafts once you get the hang of them."), (3, "Drafty until I learned to use the pad straps properly.")], rv="outdoor_gear")
    bag("Wildmere", "Wildmere Little Camper Kids' Sleeping Bag", 34.99,
        "Kid-length sleeping bag with a glow-in-the-dark star print lining and a matching stuff sack. Rated for indoor sleepovers and summer camping.",
        {**col("blue", "pink"), "weight": "900 g", "fill": "synthetic", "comfort_temp": "12 °C",
         "length": "150 cm", "age_range": "3-10 years"},
        ["kids", "sleepover", "gift"],
        extras=[(5, "Our kids fight over who gets the glow-in-the-dark one."), (4, "Great for sleepovers. Too thin for genuinely cold nights, as described.")], rv="outdoor_gear")

    def jacket(brand, title, price, desc, attrs, tags, **kw):
        add(C, "jackets", brand, title, price, desc, attrs,
            ["jacket", "outdoor"] + tags, kw.pop("rv", "jacket_outdoor"), warranty=W, **kw)

    jacket("Nordvik", "Nordvik Storm Shell 3L Waterproof Jacket - Men's", 279.00,
           "Three-layer waterproof shell with a 20,000 mm rating, pit zips and a helmet-compatible hood. "
           "At 420 g it packs down to the size of a water bottle.",
           {**col("red", "black", "blue"), "sizes_available": ["S", "M", "L", "XL", "XXL"], "gender": "men",
            "waterproof": True, "waterproof_rating": "20,000 mm", "weight": "420 g",
            "material": "3-layer recycled nylon", "fit": "true to size"},
           ["waterproof", "hardshell", "rain jacket", "hiking"], bias=0.2,
        extras=[(5, "Wore it through a full day of sideways rain in the hills, dry underneath."), (5, "Pit zips make a real difference on climbs."), (2, "Wetted out at the shoulders under a heavy pack after a few hours.")])
    jacket("Nordvik", "Nordvik Storm Shell 3L Waterproof Jacket - Women's", 279.00,
           "The women's Storm Shell has the same 20,000 mm three-layer fabric with a tapered cut and a slightly longer hem.",
           {**col("blue", "black", "green"), "sizes_available": ["XS", "S", "M", "L", "XL"], "gender": "women",
            "waterproof": True, "waterproof_rating": "20,000 mm", "weight": "370 g",
            "material": "3-layer recycled nylon", "fit": "true to size"},
           ["waterproof", "hardshell", "rain jacket", "hiking"], bias=0.2,
        extras=[(5, "Stayed completely dry on a very wet weekend in the mountains."), (3, "DWR wore off after a few washes; reproofing sorted it."), (4, "Finally a shell that fits over hips without riding up.")])
    jacket("Kestrel Ridge", "Kestrel Ridge Loft Packable Down Jacket - Women's", 179.99,
           "650-fill down puffer that stuffs into its own chest pocket. Warm enough for winter city days and chilly camp evenings.",
           {**col("black", "navy", "pink", "green"), "sizes_available": ["XS", "S", "M", "L", "XL"], "gender": "women",
            "waterproof": False, "fill": "650-fill-power down", "weight": "310 g", "fit": "true to size"},
           ["down", "puffer", "insulated", "packable", "winter"],
        extras=[(5, "Seriously warm for how light it is."), (3, "Warm, but a bit crinkly and noisy."), (2, "Lost a few feathers through the seams in the first month.")])
    jacket("Trailmark", "Trailmark Basecamp Fleece Jacket - Men's", 59.99,
           "Heavyweight 300 fleece with a full zip, zippered hand pockets and a high collar. A reliable mid layer or an autumn jacket on its own.",
           {**col("grey", "navy", "green", "black"), "sizes_available": APPAREL[1:], "gender": "men",
            "waterproof": False, "material": "300-weight polyester fleece", "weight": "520 g", "fit": "relaxed"},
           ["fleece", "mid layer"],
        extras=[(5, "Cosy, and the high collar keeps the wind off my neck."), (3, "Pills a bit where my backpack straps rub.")])
    jacket("Cairnline", "Cairnline Switch Softshell Jacket", 119.00,
           "Stretchy softshell with a water-repellent finish that sheds light showers and blocks wind. "
           "Not fully waterproof, but far more breathable than a hardshell.",
           {**col("black", "grey", "blue"), "sizes_available": APPAREL[1:], "gender": "unisex",
            "waterproof": False, "water_resistant": True, "material": "stretch woven polyester",
            "weight": "460 g", "fit": "true to size"},
           ["softshell", "windproof", "climbing"],
        extras=[(5, "Blocks wind brilliantly and sheds light drizzle."), (3, "Not for proper rain, as they say. Soaked through in a downpour.")])
    jacket("Halvard", "Halvard Thermal Synthetic Insulated Vest", 89.00,
           "Lightweight synthetic-insulated vest that keeps your core warm without bulky sleeves. Packs into its hand pocket.",
           {**col("orange", "black"), "sizes_available": APPAREL[1:], "gender": "unisex",
            "waterproof": False, "weight": "240 g", "fill": "synthetic", "fit": "true to size"},
           ["vest", "insulated", "layering"],
        extras=[(5, "Perfect layer for cold morning walks, keeps my core warm without the bulk.")])
    zh(C, "jackets", "山岚", "山岚 男款三合一冲锋衣 防水防风", 699.00,
       "外层为防水透气面料，防水指数10000mm，内胆为可拆卸抓绒，春秋单穿外层、冬天两件合穿都可以。帽子可拆卸，袖口魔术贴可调节。",
       {**col("navy", "black", "red"), "sizes_available": ["M", "L", "XL", "XXL"], "gender": "men",
        "waterproof": True, "waterproof_rating": "10,000 mm", "material": "聚酯纤维、抓绒内胆",
        "weight": "1.2 kg", "fit": "runs large"},
       ["jacket", "waterproof", "hardshell", "3-in-1", "冲锋衣", "防水"], "zh_jacket", warranty=W)

    def gear(brand, sub, title, price, desc, attrs, tags, extras=(), **kw):
        add(C, sub, brand, title, price, desc, attrs, tags, "outdoor_gear",
            warranty=W, extras=extras, **kw)

    gear("Trailmark", "headlamps", "Trailmark Beacon 400 Rechargeable Headlamp", 34.99,
         "400-lumen USB-C rechargeable headlamp with a red night-vision mode and a lock-out so it can't turn on in your pack. "
         "Runs about 6 hours on high and 60 hours on low.",
         {**col("black", "orange"), "brightness": "400 lumens", "battery_life": "60 h (low), 6 h (high)",
          "waterproof": True, "ip_rating": "IPX7", "weight": "82 g", "charging": "USB-C"},
         ["headlamp", "lighting", "camping", "rechargeable"],
         extras=[(5, "Bright, light and the red mode doesn't wake the whole tent.")])
    gear("Halvard", "camp stoves", "Halvard Emberlite Canister Stove", 44.99,
         "Tiny 78 g canister stove with a piezo igniter and fold-out pot supports. Boils a litre of water in about three and a half minutes.",
         {**col("silver"), "weight": "78 g", "boil_time": "3.5 min per litre", "fuel": "screw-thread gas canister"},
         ["stove", "cooking", "backpacking", "ultralight"],
         extras=[(4, "Boils fast, but it struggles a bit in the wind without a windshield.")])
    gear("Kestrel Ridge", "water filters", "Kestrel Ridge Squeeze Water Filter", 29.99,
         "Hollow-fibre squeeze filter that removes 99.9999% of bacteria, rated for over 1,000 litres. Threads onto standard bottles.",
         {**col("blue"), "weight": "85 g", "filter_size": "0.1 micron", "capacity": "1,000+ litres"},
         ["water filter", "backpacking", "emergency"])
    gear("Cairnline", "trekking poles", "Cairnline Carbon Trekking Poles (Pair)", 89.99,
         "Three-section carbon poles with flick locks and cork grips. 480 g for the pair, adjustable from 100 to 135 cm.",
         {**col("black"), "weight": "480 g (pair)", "material": "carbon fibre, cork",
          "length": "100-135 cm"},
         ["trekking poles", "hiking"])
    gear("Wildmere", "camp furniture", "Wildmere Fireside Folding Camp Chair", 39.99,
         "Padded folding chair with a cup holder and side pocket, rated to 120 kg. Folds into a shoulder bag.",
         {**col("green", "navy", "red"), "weight": "3.2 kg", "max_load": "120 kg",
          "dimensions": "88 x 52 x 95 cm"},
         ["camp chair", "camping", "festival"])


# ===========================================================================
# ELECTRONICS (AUDIO)
# ===========================================================================

REVIEWS["headphones"] = {
    "pos": [
        "Sound is warm without being muddy, and the bass doesn't bleed into the mids.",
        "Wore them on a nine-hour flight, comfortable the whole way.",
        "Switching between laptop and phone is seamless.",
        "Clamping force is just right, they don't slide when I look down.",
        "Call quality is good, colleagues say I sound clear even in a café.",
        "Build feels premium, the hinges are metal rather than plastic.",
    ],
    "mix": [
        "Great sound, but the ear cups get warm after an hour or so.",
        "The app is clunky, but once the EQ is set you don't need it.",
        "Comfortable, though a bit heavy for long sessions.",
        "Buttons are small and hard to find by feel.",
    ],
    "neg": [
        "Left ear cup started crackling after three months.",
        "Headband cracked at the hinge. Out of warranty, of course.",
        "Bluetooth drops every few minutes with my laptop.",
    ],
}
REVIEWS["audio_wired"] = {
    "pos": [
        "Clear, detailed sound with no hiss.",
        "No pairing, no charging, no lag. Just plug in and listen.",
        "Comfortable and well built for the price.",
        "Detailed sound, I'm hearing things in old albums I never noticed.",
    ],
    "mix": [
        "Sound is great, but the cable is a bit microphonic.",
        "Good, but the cable is shorter than I'd like.",
    ],
    "neg": [
        "One side went dead after a few months.",
        "Connector feels flimsy and started cutting out.",
    ],
}
REVIEWS["headphones_kids"] = {
    "pos": [
        "Survived being sat on, dropped and thrown in a school bag.",
        "Volume limit gives me peace of mind on long car journeys.",
        "Soft and comfy, my daughter wears them for hours.",
        "Pairs with the tablet easily and the battery lasts a week of car trips.",
    ],
    "mix": [
        "Good, but a bit quiet on planes because of the volume limit.",
        "Headband is stiff for small heads at first.",
    ],
    "neg": [
        "Left side stopped working after a month.",
    ],
}
ANC_EXTRAS = [
    (5, "Noise cancelling is excellent. The train and the office AC just disappear."),
    (4, "ANC is very good for the price, not quite top-tier but close."),
    (3, "The ANC creates a slight pressure feeling that took me a few days to get used to."),
]
REVIEWS["earbuds"] = {
    "pos": [
        "Battery lasts two days of commuting for me.",
        "Fit is secure with the medium tips, they don't fall out at the gym.",
        "Much better sound than I expected for the price.",
        "Pairing was instant and they reconnect as soon as I open the case.",
        "Tiny and light, I forget I'm wearing them.",
        "Call quality is clear enough that nobody notices I'm on earbuds.",
    ],
    "mix": [
        "Sound is fine, but the touch controls are hit and miss.",
        "Good buds, the case lid feels a bit flimsy.",
        "Right bud occasionally disconnects for a second in busy stations.",
        "Bass is a bit thin unless you push them in deep.",
    ],
    "neg": [
        "The left earbud stopped charging after four months.",
        "Kept falling out of my ears, even with the large tips.",
        "Lost connection constantly with my phone. Returned.",
    ],
}
REVIEWS["speakers"] = {
    "pos": [
        "Surprisingly loud for the size, and it doesn't distort at max volume.",
        "Clear vocals, even at low volume.",
        "Setup took two minutes.",
        "Bluetooth connection is rock solid across the house.",
        "Fills our living room, bass is deep without a separate sub.",
    ],
    "mix": [
        "Sounds good, but there's a little hiss at low volume.",
        "Nice speaker, the app wants you to make an account though.",
        "Good sound, the buttons are hard to see in the dark.",
    ],
    "neg": [
        "Started crackling at high volume after a few months.",
        "Distorts badly at anything above half volume.",
        "Way too bass-heavy and no EQ to fix it.",
    ],
}

def electronics():
    C = "electronics"
    W = (0.8, ["1 year", "1 year", "2 years"])

    def hp(brand, title, price, desc, attrs, tags, **kw):
        anc = attrs.get("noise_cancelling")
        add(C, "headphones", brand, title, price, desc, attrs,
            ["headphones", "audio"] + (["noise cancelling", "anc"] if anc else []) + tags,
            kw.pop("rv", "headphones"), warranty=W, extras=(ANC_EXTRAS if anc else []) + kw.pop("extras", []), **kw)

    hp("Sonique", "Sonique Hush 700 Wireless Noise-Cancelling Headphones", 249.99,
       "Over-ear headphones with hybrid noise cancelling driven by eight microphones and an adaptive mode that adjusts to your surroundings. "
       "30 hours of battery with ANC on, and multipoint pairing for two devices at once.",
       {**col("black", "silver", "navy"), "noise_cancelling": True, "battery_life": "30 h",
        "connectivity": ["bluetooth 5.3", "3.5 mm", "usb-c audio"], "weight": "250 g",
        "driver_size": "40 mm", "multipoint": True, "charging": "USB-C, 10 min = 5 h"},
       ["wireless", "over-ear", "travel", "bluetooth"], bias=0.3)
    hp("Sonique", "Sonique Hush 500 Noise-Cancelling Headphones", 149.99,
       "A lighter, foldable take on the Hush 700 with strong noise cancelling and 40 hours of playback. "
       "Ships with a hard case and an airline adapter.",
       {**col("black", "white", "blue"), "noise_cancelling": True, "battery_life": "40 h",
        "connectivity": ["bluetooth 5.2", "3.5 mm"], "weight": "230 g", "foldable": True},
       ["wireless", "over-ear", "travel", "bluetooth"], bias=0.1)
    hp("Auralis", "Auralis SR-80 Closed-Back Studio Monitor Headphones", 99.00,
       "Wired closed-back monitors with a flat, honest sound signature for mixing and podcasting. "
       "Includes a 3 m coiled cable and a 1.2 m straight cable.",
       {**col("black"), "noise_cancelling": False, "connectivity": ["3.5 mm", "6.35 mm adapter"],
        "impedance": "38 ohm", "weight": "285 g", "driver_size": "45 mm", "wired": True},
       ["wired", "studio", "over-ear", "podcasting"],
        extras=[(5, "Flat, honest sound, great for mixing."), (4, "Coiled cable is perfect for the studio desk.")], rv="audio_wired")
    hp("Auralis", "Auralis Open 9 Open-Back Headphones", 179.00,
       "Open-back headphones with a wide, airy soundstage for home listening. "
       "They leak sound and let outside noise in, so they're not for commuting, and a headphone amp helps.",
       {**col("silver"), "noise_cancelling": False, "connectivity": ["3.5 mm", "6.35 mm adapter"],
        "impedance": "250 ohm", "weight": "320 g", "wired": True},
       ["wired", "audiophile", "open-back"], bias=0.2,
        extras=[(5, "Soundstage is huge, like the band is in the room."), (3, "Amazing at home, but everyone around you hears your music.")], rv="audio_wired")
    hp("Tidewave", "Tidewave Cruise ANC Wireless Headphones", 79.99,
       "Budget-friendly over-ears with active noise cancelling that takes the edge off engine and traffic noise. "
       "35 hours of battery with ANC on.",
       {**col("black", "white", "pink"), "noise_cancelling": True, "battery_life": "35 h",
        "connectivity": ["bluetooth 5.3", "3.5 mm"], "weight": "265 g"},
       ["wireless", "over-ear", "budget", "bluetooth"], bias=-0.1)
    hp("Echoloft", "Echoloft Arc Pro Wireless Noise-Cancelling Headphones", 349.00,
       "Our flagship: machined aluminium headband, memory-foam cushions, class-leading adaptive noise cancelling and head-tracked spatial audio. "
       "28 hours per charge.",
       {**col("silver", "black", "beige"), "noise_cancelling": True, "battery_life": "28 h",
        "connectivity": ["bluetooth 5.3", "usb-c audio"], "weight": "330 g", "spatial_audio": True,
        "multipoint": True},
       ["wireless", "over-ear", "premium", "bluetooth"], bias=0.3)
    hp("Vellum Sound", "Vellum Sound Kids' Volume-Limited Wireless Headphones", 29.99,
       "Soft, bendy on-ear headphones for kids with volume capped at 85 dB to protect young ears. "
       "Works wirelessly for 20 hours or with the included cable.",
       {**col("blue", "pink", "purple"), "noise_cancelling": False, "battery_life": "20 h",
        "connectivity": ["bluetooth 5.0", "3.5 mm"], "weight": "140 g", "volume_limit": "85 dB",
        "age_range": "3-12 years"},
       ["kids", "on-ear", "wireless", "gift"],
       extras=[(5, "Survived being sat on, dropped and thrown in a school bag. Volume limit gives me peace of mind.")], rv="headphones_kids")
    hp("Quillon", "Quillon X7 Wireless Gaming Headset", 89.99,
       "Low-latency 2.4 GHz wireless headset with a detachable boom mic and 24-hour battery. "
       "Also pairs over Bluetooth, so you can take calls while you play.",
       {**col("black", "white"), "noise_cancelling": False, "battery_life": "24 h",
        "connectivity": ["2.4 ghz dongle", "bluetooth 5.2", "usb-c"], "weight": "310 g",
        "microphone": "detachable boom"},
       ["gaming", "headset", "wireless", "microphone"])
    hp("Tidewave", "Tidewave Fold On-Ear Bluetooth Headphones", 39.99,
       "Simple foldable on-ear headphones with a 50-hour battery and a built-in mic. No noise cancelling, but great value for the commute.",
       {**col("black", "white", "blue", "pink"), "noise_cancelling": False, "battery_life": "50 h",
        "connectivity": ["bluetooth 5.3", "3.5 mm"], "weight": "175 g", "foldable": True},
       ["wireless", "on-ear", "budget", "bluetooth"])
    zh(C, "headphones", "声屿", "声屿 头戴式无线降噪耳机", 899.00,
       "混合主动降噪，最高降噪深度约45dB，地铁和飞机上的低频噪音基本听不见。开降噪续航约40小时，快充10分钟可听4小时。",
       {**col("black", "white", "beige"), "noise_cancelling": True, "battery_life": "40 h",
        "connectivity": ["bluetooth 5.3", "3.5 mm"], "weight": "260 g", "multipoint": True},
       ["headphones", "noise cancelling", "wireless", "降噪耳机", "头戴式"], "zh_headphones", warranty=W)

    def bud(brand, title, price, desc, attrs, tags, **kw):
        anc = attrs.get("noise_cancelling")
        add(C, "earbuds", brand, title, price, desc, attrs,
            ["earbuds", "audio", "in-ear"] + (["noise cancelling", "anc"] if anc else []) + tags,
            kw.pop("rv", "earbuds"), warranty=W, extras=(ANC_EXTRAS[:2] if anc else []) + kw.pop("extras", []), **kw)

    bud("Tidewave", "Tidewave Pods Lite True Wireless Earbuds", 19.99,
        "No-frills true wireless earbuds with 6 hours of playback and another 18 in the case. Splash resistant (IPX4) for the gym.",
        {**col("white", "black"), "noise_cancelling": False, "battery_life": "6 h (24 h with case)",
         "connectivity": ["bluetooth 5.3"], "waterproof": False, "ip_rating": "IPX4", "weight": "4 g per bud"},
        ["true wireless", "budget", "wireless"], fixed_rating=2.9)
    bud("Tidewave", "Tidewave Pods Plus True Wireless Earbuds", 39.99,
        "A step up from the Lite with bigger 10 mm drivers, an app-based EQ and 8 hours per charge (32 with the case).",
        {**col("black", "white", "blue"), "noise_cancelling": False, "battery_life": "8 h (32 h with case)",
         "connectivity": ["bluetooth 5.3"], "waterproof": False, "ip_rating": "IPX5", "driver_size": "10 mm"},
        ["true wireless", "wireless"])
    bud("Quillon", "Quillon Sport Fit Earhook Wireless Earbuds", 59.99,
        "Earhook earbuds that stay put through sprints and burpees. IP67 sweat- and waterproof, with 10 hours of battery per charge.",
        {**col("black", "orange", "green"), "noise_cancelling": False, "battery_life": "10 h (40 h with case)",
         "connectivity": ["bluetooth 5.3"], "waterproof": True, "ip_rating": "IP67"},
        ["sport", "running", "gym", "waterproof", "wireless"])
    bud("Sonique", "Sonique Hush Buds Noise-Cancelling Earbuds", 89.99,
        "Compact earbuds with active noise cancelling and a transparency mode for announcements. "
        "7 hours with ANC on, 28 with the case.",
        {**col("black", "white", "purple"), "noise_cancelling": True, "battery_life": "7 h (28 h with case)",
         "connectivity": ["bluetooth 5.3"], "waterproof": False, "ip_rating": "IPX4"},
        ["true wireless", "wireless", "commuting"], bias=0.1)
    bud("Sonique", "Sonique Hush Buds Pro Adaptive ANC Earbuds", 179.99,
        "Adaptive noise cancelling that tunes itself to your ear shape, plus a wireless charging case and multipoint pairing. "
        "8 hours per charge with ANC on.",
        {**col("black", "silver"), "noise_cancelling": True, "battery_life": "8 h (30 h with case)",
         "connectivity": ["bluetooth 5.3"], "waterproof": False, "ip_rating": "IPX4",
         "wireless_charging": True, "multipoint": True},
        ["true wireless", "wireless", "premium"], bias=0.3)
    bud("Echoloft", "Echoloft Arc Buds Hi-Res Noise-Cancelling Earbuds", 249.00,
        "Premium earbuds with dual drivers, hi-res wireless audio, spatial sound and top-tier noise cancelling in a polished ceramic-finish case.",
        {**col("white", "black"), "noise_cancelling": True, "battery_life": "6 h (24 h with case)",
         "connectivity": ["bluetooth 5.4"], "waterproof": False, "ip_rating": "IPX4",
         "wireless_charging": True, "spatial_audio": True},
        ["true wireless", "wireless", "premium", "audiophile"], bias=0.2)
    bud("Auralis", "Auralis Open Air Open-Ear Wireless Earphones", 129.00,
        "Open-ear earphones that rest outside the ear canal, so you still hear traffic and conversations. Good for cyclists and runners.",
        {**col("grey", "black", "blue"), "noise_cancelling": False, "battery_life": "9 h",
         "connectivity": ["bluetooth 5.3"], "waterproof": True, "ip_rating": "IP55", "weight": "26 g"},
        ["open-ear", "running", "cycling", "wireless", "sport"])
    bud("Vellum Sound", "Vellum Sound Dream Sleep Earbuds", 99.00,
        "Tiny, flush-fitting earbuds that are comfortable for side sleepers. Stream white noise or your own audio for up to 10 hours.",
        {**col("white", "pink"), "noise_cancelling": False, "battery_life": "10 h",
         "connectivity": ["bluetooth 5.2"], "waterproof": False, "weight": "2.5 g per bud"},
        ["sleep", "wireless", "side sleeper"],
        extras=[(4, "Finally earbuds I can sleep on my side with. Sound is basic but that's not the point.")])
    bud("Quillon", "Quillon Wired USB-C Earphones with Mic", 19.99,
        "Wired in-ear earphones with a USB-C plug, in-line remote and microphone. No charging, no pairing, no lag.",
        {**col("black", "white"), "noise_cancelling": False, "connectivity": ["usb-c"],
         "wired": True, "cable_length": "1.2 m"},
        ["wired", "budget", "usb-c"],
        extras=[(4, "Handy now that my phone doesn't have a headphone jack.")], rv="audio_wired")
    zh(C, "earbuds", "声屿", "声屿 真无线主动降噪蓝牙耳机", 399.00,
       "入耳式真无线耳机，主动降噪深度约38dB，通勤路上很安静。单次续航6.5小时，配合充电盒总续航32小时，支持无线充电。",
       {**col("white", "black"), "noise_cancelling": True, "battery_life": "6.5 h (32 h with case)",
        "connectivity": ["bluetooth 5.3"], "waterproof": False, "ip_rating": "IPX4",
        "wireless_charging": True},
       ["earbuds", "noise cancelling", "wireless", "降噪耳机", "蓝牙耳机"], "zh_earbuds", warranty=W)

    def spk(brand, title, price, desc, attrs, tags, **kw):
        add(C, "speakers", brand, title, price, desc, attrs,
            ["speaker", "audio"] + tags, "speakers", warranty=W, **kw)

    spk("Tidewave", "Tidewave Pebble Mini Waterproof Bluetooth Speaker", 24.99,
        "Palm-sized 5 W speaker with a carabiner loop, IP67 waterproofing and 10 hours of playback.",
        {**col("blue", "black", "red", "green"), "waterproof": True, "ip_rating": "IP67",
         "battery_life": "10 h", "output_power": "5 W", "connectivity": ["bluetooth 5.3"], "weight": "210 g"},
        ["portable", "bluetooth", "waterproof", "mini"],
        extras=[(4, "Great little speaker for the bike and the beach.")])
    spk("Tidewave", "Tidewave Wave 2 Portable Bluetooth Speaker", 49.99,
        "A cylindrical 16 W speaker with 360° sound, 14-hour battery and splash resistance. Pair two for stereo.",
        {**col("black", "grey", "blue"), "waterproof": False, "ip_rating": "IPX5",
         "battery_life": "14 h", "output_power": "16 W", "connectivity": ["bluetooth 5.3"], "weight": "540 g"},
        ["portable", "bluetooth"],
        extras=[(5, "Pairing two of them for stereo was easy.")])
    spk("Quillon", "Quillon Boulder Rugged Waterproof Speaker", 89.99,
        "30 W rugged speaker that's dustproof, waterproof and floats. 20 hours of battery and a USB-A port to charge your phone.",
        {**col("black", "orange", "green"), "waterproof": True, "ip_rating": "IP67",
         "battery_life": "20 h", "output_power": "30 W", "connectivity": ["bluetooth 5.3", "usb-a out"],
         "weight": "960 g"},
        ["portable", "bluetooth", "waterproof", "outdoor", "rugged"], bias=0.2,
        extras=[(5, "Dropped it in the pool, it floated and kept playing.")])
    spk("Echoloft", "Echoloft Home One Wi-Fi Smart Speaker", 149.00,
        "Compact smart speaker with Wi-Fi multi-room streaming, a built-in voice assistant and a far-field mic array. Needs mains power.",
        {**col("white", "black"), "waterproof": False, "connectivity": ["wi-fi", "bluetooth 5.0"],
         "output_power": "25 W", "voice_assistant": True, "weight": "1.3 kg"},
        ["smart speaker", "wi-fi", "multi-room", "home"],
        extras=[(4, "Multi-room with a second one works well, voice pickup is good across the kitchen.")])
    spk("Auralis", "Auralis BS-5 Powered Bookshelf Speakers (Pair)", 199.00,
        "Powered bookshelf speakers with 5-inch woofers and silk-dome tweeters, 2 x 40 W. "
        "Inputs for optical, RCA, USB and Bluetooth, so they work with a TV, turntable or computer.",
        {**col("black", "brown"), "waterproof": False, "output_power": "2 x 40 W",
         "connectivity": ["bluetooth 5.0", "optical", "rca", "usb"], "dimensions": "28 x 18 x 22 cm (each)"},
        ["bookshelf speakers", "hi-fi", "turntable", "home"], bias=0.2,
        extras=[(5, "Hooked them up to my turntable, warm and detailed sound.")])
    spk("Echoloft", "Echoloft Cinema 3.1 Soundbar with Wireless Subwoofer", 299.00,
        "3.1-channel soundbar with a dedicated centre channel for clear dialogue and a wireless 6.5-inch subwoofer. Connects over HDMI eARC or optical.",
        {**col("black"), "waterproof": False, "output_power": "320 W",
         "connectivity": ["hdmi earc", "optical", "bluetooth 5.0"], "channels": "3.1",
         "dimensions": "95 x 7 x 10 cm"},
        ["soundbar", "tv", "home cinema"],
        extras=[(5, "Dialogue is finally clear, no more riding the volume during films."), (2, "Audio lags behind the picture over Bluetooth; fine over HDMI.")])
    spk("Quillon", "Quillon PartyBox 300 Portable Party Speaker", 249.99,
        "120 W party speaker with synced light show, a wheeled trolley handle and inputs for a mic and guitar. 12 hours of battery.",
        {**col("black"), "waterproof": False, "ip_rating": "IPX4", "battery_life": "12 h",
         "output_power": "120 W", "connectivity": ["bluetooth 5.1", "6.35 mm mic input", "usb"],
         "weight": "9.8 kg"},
        ["party", "karaoke", "portable", "loud"],
        extras=[(5, "Loud enough for a garden party of 40 people."), (3, "Light show is fun, but it's heavy to lift into the car.")])
    spk("Vellum Sound", "Vellum Sound Splash Shower Speaker", 19.99,
        "Suction-cup shower speaker with a built-in mic for hands-free calls. IPX7 waterproof, 8 hours per charge.",
        {**col("white", "pink", "blue"), "waterproof": True, "ip_rating": "IPX7", "battery_life": "8 h",
         "output_power": "5 W", "connectivity": ["bluetooth 5.0"]},
        ["shower", "waterproof", "bluetooth", "budget"], fixed_rating=2.8)
    zh(C, "speakers", "声屿", "声屿 户外便携蓝牙音箱 IPX7防水", 259.00,
       "20W双单元输出，低音浑厚，露营、野餐都够用。IPX7级防水，不小心掉进水里也不怕；满电可连续播放约20小时。",
       {**col("green", "black", "blue"), "waterproof": True, "ip_rating": "IPX7", "battery_life": "20 h",
        "output_power": "20 W", "connectivity": ["bluetooth 5.3"], "weight": "680 g"},
       ["speaker", "portable", "waterproof", "bluetooth", "蓝牙音箱", "户外"], "zh_speaker", warranty=W)


# ===========================================================================
# PHONES & ACCESSORIES
# ===========================================================================

REVIEWS["phone"] = {
    "pos": [
        "Battery easily gets me through a full day with maps and music, usually into the next morning.",
        "Screen is bright enough to read in direct sun.",
        "Camera is great in daylight, portrait mode looks natural.",
        "Smooth, no lag, and no pre-installed junk apps.",
        "Upgraded from a four-year-old phone, night and day difference.",
    ],
    "mix": [
        "Nice phone, but low-light photos are soft.",
        "Good value, though the speaker is quiet.",
        "Gets warm when gaming or charging fast.",
    ],
    "neg": [
        "Fingerprint reader fails half the time.",
        "Screen cracked from a waist-height drop. Get a case.",
        "Updates are slow to arrive and the battery drained faster after the last one.",
    ],
}
REVIEWS["charger"] = {
    "pos": [
        "Charges quickly and reliably.",
        "Small and light, I barely notice it in my bag.",
        "Stays cool even when fast charging.",
        "Replaced a drawer full of old chargers.",
        "Solid build, feels like it will last.",
    ],
    "mix": [
        "Works fine, but it's bigger than it looks in the photos.",
        "Does the job, nothing special for the price.",
        "Works, but it's picky about which cable you use.",
    ],
    "neg": [
        "Makes a faint high-pitched whine while charging.",
        "Stopped working after five months.",
        "Phone kept switching between fast and slow charging.",
    ],
}
REVIEWS["cable"] = {
    "pos": [
        "Braiding feels tough and it doesn't tangle.",
        "Good quality for the price.",
        "Connectors fit snugly, no wiggling.",
    ],
    "mix": [
        "Works, but the connector is a bit loose in my phone's port.",
        "Fine, slightly stiffer than I'd like.",
    ],
    "neg": [
        "One of the pack died within a month.",
        "Only charges at slow speed with my phone.",
    ],
}
REVIEWS["case"] = {
    "pos": [
        "Fits perfectly and the cutouts line up exactly.",
        "Dropped my phone on concrete twice, not a scratch.",
        "Slim, doesn't add much bulk.",
        "Feels well made for the price.",
    ],
    "mix": [
        "Good protection, but it's a fingerprint magnet.",
        "Nice, but the colour is more muted than in the photos.",
        "Decent, a bit slippery in the hand.",
    ],
    "neg": [
        "Corner split after two weeks.",
        "Started peeling at the edges within a month.",
    ],
}
REVIEWS["accessory"] = {
    "pos": [
        "Exactly what I needed, well made.",
        "Does its job without any fuss.",
        "Good quality for the price.",
        "I use it every day.",
    ],
    "mix": [
        "Works, but it's a little bulkier than I'd hoped.",
        "Fine, the material feels a bit cheap.",
    ],
    "neg": [
        "Broke within a few weeks.",
        "Not as described, I returned it.",
    ],
}
REVIEWS["power_bank"] = {
    "pos": [
        "Keeps my phone going through long travel days.",
        "Took it on a week-long festival, never ran out.",
        "Charges fast and the battery indicator is accurate.",
        "Reliable, I keep it in my bag for emergencies.",
        "Allowed in cabin baggage, had no problems at security.",
    ],
    "mix": [
        "Works well, but takes a long time to recharge itself.",
        "Heavier than I expected.",
        "Good capacity, the battery indicator is vague (just four dots).",
    ],
    "neg": [
        "Stopped holding charge after four months.",
        "Gets very hot when charging two devices.",
        "Delivers nowhere near the advertised capacity.",
    ],
}

def phones():
    C = "phones & accessories"
    W = (0.8, ["6 months", "1 year", "18 months"])

    def phone(brand, title, price, desc, attrs, tags, **kw):
        add(C, "smartphones", brand, title, price, desc, attrs,
            ["phone", "smartphone", "5g"] + tags, "phone", warranty=(0.95, ["1 year", "2 years"]), **kw)

    phone("Corvane", "Corvane Nova 8 Smartphone, 128 GB", 499.00,
          "6.3-inch 120 Hz OLED display, a 50 MP main camera with optical stabilisation and a 4,800 mAh battery that lasts around a day and a half. "
          "IP67 dust- and water-resistant.",
          {**col("black", "green", "silver"), "screen_size": "6.3 in", "storage": "128 GB",
           "storage_options": ["128 GB", "256 GB"], "ram": "8 GB", "battery": "4800 mAh",
           "battery_life": "about 1.5 days", "camera": "50 MP main, 12 MP ultrawide",
           "connectivity": ["5g", "wi-fi 6", "bluetooth 5.3", "nfc", "usb-c"],
           "waterproof": True, "ip_rating": "IP67", "weight": "182 g"},
          ["mid-range"], bias=0.2)
    phone("Corvane", "Corvane Nova 8 Pro Smartphone, 256 GB", 799.00,
          "The Pro adds a 6.7-inch display, a 3x telephoto camera, 45 W wired and 15 W magnetic wireless charging. "
          "5,200 mAh battery and IP68 rating.",
          {**col("silver", "black", "blue"), "screen_size": "6.7 in", "storage": "256 GB",
           "storage_options": ["256 GB", "512 GB"], "ram": "12 GB", "battery": "5200 mAh",
           "battery_life": "about 2 days", "camera": "50 MP main, 12 MP ultrawide, 10 MP 3x telephoto",
           "connectivity": ["5g", "wi-fi 7", "bluetooth 5.4", "nfc", "usb-c"], "wireless_charging": True,
           "waterproof": True, "ip_rating": "IP68", "weight": "214 g"},
          ["flagship", "camera phone"], bias=0.2)
    phone("Tessel", "Tessel A3 Smartphone, 64 GB", 189.00,
          "Affordable phone with a 6.5-inch 90 Hz screen, a big 5,000 mAh battery, a headphone jack and a microSD slot. "
          "A sensible first phone or backup.",
          {**col("blue", "black"), "screen_size": "6.5 in", "storage": "64 GB", "ram": "4 GB",
           "battery": "5000 mAh", "battery_life": "about 2 days", "camera": "48 MP main",
           "connectivity": ["4g", "wi-fi 5", "bluetooth 5.1", "usb-c", "3.5 mm"],
           "waterproof": False, "weight": "198 g"},
          ["budget", "first phone"], bias=-0.2)

    def charger(brand, title, price, desc, attrs, tags, **kw):
        add(C, "chargers", brand, title, price, desc, attrs,
            ["charger", "phone charger", "charging"] + tags, "charger", warranty=W, **kw)

    charger("Ampora", "Ampora Nano 20W USB-C Fast Charger", 14.99,
            "Compact 20 W USB-C wall charger with Power Delivery. Takes most phones from 0 to 50% in about 30 minutes. Cable not included.",
            {**col("white", "black"), "output": "20 W", "ports": "1 x USB-C", "connectivity": ["usb-c"],
             "weight": "30 g", "fast_charging": "USB PD 3.0"},
            ["usb-c", "fast charging", "wall charger"],
        extras=[(5, "Charges my phone from 10 to 60 percent in about half an hour.")])
    charger("Ampora", "Ampora Nano 30W GaN USB-C Charger with Foldable Plug", 22.99,
            "30 W gallium nitride charger, barely larger than a 20 W brick, with foldable prongs. Enough to fast-charge a phone or top up a tablet.",
            {**col("white", "black", "blue"), "output": "30 W", "ports": "1 x USB-C", "connectivity": ["usb-c"],
             "weight": "42 g", "fast_charging": "USB PD 3.0, PPS"},
            ["usb-c", "gan", "fast charging", "wall charger", "travel"],
        extras=[(5, "Folding prongs are great, nothing scratching things in my bag."), (5, "Takes my phone from 10 to 60 percent in about half an hour.")])
    charger("Ampora", "Ampora Trio 65W 3-Port GaN Charger", 44.99,
            "Two USB-C ports and one USB-A from a single plug. Charges a 13-inch laptop at full speed, or a laptop and phone together.",
            {**col("grey", "white"), "output": "65 W total", "ports": "2 x USB-C, 1 x USB-A",
             "connectivity": ["usb-c", "usb-a"], "weight": "112 g", "fast_charging": "USB PD 3.0, PPS"},
            ["usb-c", "gan", "laptop charger", "wall charger", "travel"], bias=0.2,
        extras=[(5, "Runs my laptop and phone at the same time without slowing down."), (3, "Power drops when all three ports are in use, as expected I suppose.")])
    charger("Chargewell", "Chargewell 100W 4-Port GaN Desktop Charging Station", 69.99,
            "A desktop brick with three USB-C and one USB-A port and a 1.5 m mains lead. Tidies up a desk full of chargers.",
            {**col("black"), "output": "100 W total", "ports": "3 x USB-C, 1 x USB-A",
             "connectivity": ["usb-c", "usb-a"], "weight": "285 g", "dimensions": "7 x 7 x 3 cm"},
            ["usb-c", "gan", "charging station", "desk"],
        extras=[(5, "Charges my laptop, tablet and two phones overnight from one socket.")])
    charger("Chargewell", "Chargewell 15W Wireless Charging Pad", 19.99,
            "Slim wireless charging pad that charges through most cases up to 5 mm thick. Includes a USB-C cable; needs an 18 W+ adapter for full speed.",
            {**col("black", "white"), "output": "15 W", "connectivity": ["usb-c"], "wireless_charging": True,
             "dimensions": "10 cm diameter"},
            ["wireless charger", "wireless"], bias=-0.1,
        extras=[(4, "Just drop the phone on and it charges, even through my case."), (3, "Alignment is finicky, sometimes I wake up to a phone that didn't charge.")])
    charger("Chargewell", "Chargewell 3-in-1 Wireless Charging Stand", 59.99,
            "Charges a phone, a pair of earbuds and a smartwatch at once. The tilted stand works in portrait or landscape for video calls.",
            {**col("white", "black"), "output": "15 W (phone) + 5 W + 3 W", "connectivity": ["usb-c"],
             "wireless_charging": True, "adapter_included": True},
            ["wireless charger", "wireless", "nightstand"],
        extras=[(5, "Phone, earbuds and watch all charged by morning. Tidy nightstand."), (3, "The LED is a bit bright in a dark bedroom.")])
    charger("Ampora", "Ampora Drive 48W Dual USB-C Car Charger", 19.99,
            "Flush-fit car charger with two USB-C ports (30 W + 18 W). Fast-charges a phone while navigating.",
            {**col("black"), "output": "48 W total", "ports": "2 x USB-C", "connectivity": ["usb-c"],
             "input": "12-24 V car socket"},
            ["car charger", "usb-c", "road trip"],
        extras=[(5, "Charges two phones fast on road trips, sits flush in the socket.")])
    charger("Pocketvolt", "Pocketvolt Magnetic Wireless Charger Puck 15W", 29.99,
            "Snaps onto magnetic-back phones such as the Corvane Nova 8 Pro, so you can use your phone while it charges. 1 m braided cable attached.",
            {**col("silver", "black"), "output": "15 W", "connectivity": ["usb-c"], "wireless_charging": True,
             "compatible_with": ["Corvane Nova 8 Pro", "phones with magnetic rings"]},
            ["wireless charger", "magnetic", "wireless"],
        extras=[(5, "Snaps on firmly and I can keep using my phone while it charges.")])
    charger("Pocketvolt", "Pocketvolt Universal Travel Adapter with 2 USB-C Ports", 32.99,
            "All-in-one travel plug with sliding UK/EU/US/AU prongs and two USB-C ports (35 W shared). Works in more than 150 countries.",
            {**col("white", "black"), "output": "35 W (USB)", "ports": "2 x USB-C, 1 x AC",
             "connectivity": ["usb-c"], "weight": "160 g"},
            ["travel adapter", "travel", "usb-c", "gift"],
        extras=[(5, "Used it in four countries on one trip, no problems."), (3, "Bulky in a European wall socket, it sags a little.")])
    zh(C, "chargers", "电小满", "电小满 65W氮化镓快充充电器 三口", 129.00,
       "两个USB-C加一个USB-A接口，单口最高65W，笔记本、平板、手机一个头全搞定。插脚可折叠，出差放包里不占地方。",
       {**col("white", "black"), "output": "65 W", "ports": "2 x USB-C, 1 x USB-A",
        "connectivity": ["usb-c", "usb-a"], "weight": "105 g", "fast_charging": "PD 3.0"},
       ["charger", "phone charger", "usb-c", "gan", "充电器", "快充"], "zh_charger", warranty=W)

    def cable(brand, title, price, desc, attrs, tags, **kw):
        add(C, "cables", brand, title, price, desc, attrs, ["cable", "charging"] + tags, "cable", warranty=W, **kw)

    cable("Ampora", "Ampora Braided USB-C to USB-C Cable, 2 m (2-Pack)", 15.99,
          "Nylon-braided USB-C cables rated for 100 W charging and 480 Mbps data. Tested to 20,000 bends.",
          {**col("black", "grey"), "length": "2 m", "max_power": "100 W", "connectivity": ["usb-c"],
           "pack_size": 2},
          ["usb-c", "braided"],
        extras=[(5, "Finally a cable long enough to reach the bed from the socket."), (4, "Fast charges my laptop without issue.")])
    cable("Ampora", "Ampora USB-A to USB-C Cable, 1 m (3-Pack)", 11.99,
          "Three 1 m USB-A to USB-C cables for older chargers, car ports and computers. Supports up to 3 A charging.",
          {**col("white", "black"), "length": "1 m", "max_power": "15 W", "connectivity": ["usb-a", "usb-c"],
           "pack_size": 3},
          ["usb-c", "budget"],
        extras=[(4, "Handy for the car and my old laptop's USB-A ports.")])
    cable("Chargewell", "Chargewell 240W USB-C Cable with Power Display, 1 m", 19.99,
          "Heavy-duty USB-C cable with a tiny screen in the connector that shows live charging wattage. Rated for 240 W laptops.",
          {**col("grey"), "length": "1 m", "max_power": "240 W", "connectivity": ["usb-c"]},
          ["usb-c", "laptop", "braided"],
        extras=[(5, "Fast charges my laptop, and the wattage display is genuinely useful."), (3, "The little screen is hard to read in daylight.")])

    def case(brand, title, price, desc, attrs, tags, **kw):
        add(C, "cases", brand, title, price, desc, attrs, ["phone case", "case"] + tags, kw.pop("rv", "case"),
            warranty=(0.6, ["1 year", "lifetime"]), **kw)

    case("Shellguard", "Shellguard Rugged Armor Case for Corvane Nova 8", 24.99,
         "Dual-layer case with a shock-absorbing TPU core and a hard outer shell, drop-tested from 3 m. Raised edges protect the screen and camera.",
         {**col("black", "navy", "green"), "compatible_with": ["Corvane Nova 8"], "material": "TPU and polycarbonate",
          "drop_protection": "3 m"},
         ["rugged", "protective"])
    case("Shellguard", "Shellguard Clear Slim Case for Corvane Nova 8 Pro", 19.99,
         "Crystal-clear slim case with an anti-yellowing coating and built-in magnets for magnetic chargers.",
         {**col("white"), "compatible_with": ["Corvane Nova 8 Pro"], "material": "polycarbonate and TPU",
          "magnetic": True},
         ["clear", "slim", "magnetic"],
        extras=[(5, "Clear case is still clear after three months, no yellowing yet."), (4, "Magnets are strong, snaps onto my charger every time.")])
    case("Lumacase", "Lumacase Leather Wallet Case for Corvane Nova 8", 34.99,
         "Genuine leather folio with three card slots and a cash pocket. The cover folds back into a landscape stand.",
         {**col("brown", "black", "red"), "compatible_with": ["Corvane Nova 8"], "material": "genuine leather"},
         ["wallet", "leather", "folio"])
    case("Lumacase", "Lumacase Soft Silicone Case for Tessel A3", 12.99,
         "Soft-touch silicone case with a microfibre lining in six colours. Light protection against everyday bumps.",
         {**col("pink", "blue", "black", "purple", "yellow", "green"), "compatible_with": ["Tessel A3"],
          "material": "liquid silicone"},
         ["silicone", "slim"])
    case("Shellguard", "Shellguard Tempered Glass Screen Protector for Corvane Nova 8 (2-Pack)", 11.99,
         "9H tempered glass protectors with an alignment frame for bubble-free installation. Case-friendly edges.",
         {"compatible_with": ["Corvane Nova 8"], "material": "tempered glass", "pack_size": 2},
         ["screen protector", "glass"],
        extras=[(5, "Alignment frame made installation foolproof, no bubbles."), (2, "Had bubbles at the edge I couldn't get rid of.")])
    case("Lumacase", "Lumacase Magnetic Card Wallet with Stand", 17.99,
         "Vegan leather card wallet that snaps onto magnetic cases and holds three cards. Doubles as a kickstand.",
         {**col("black", "beige", "brown", "green"), "compatible_with": ["magnetic phone cases"],
          "material": "vegan leather", "capacity": "3 cards"},
         ["wallet", "magnetic", "accessory"],
        extras=[(5, "Magnets are strong, it hasn't fallen off once."), (3, "Holds three cards, but it's very tight with three.")], rv="accessory")
    case("Shellguard", "Shellguard Waterproof Phone Pouch (Universal)", 14.99,
         "IPX8 waterproof pouch that fits phones up to 7 inches, with a lanyard. Touchscreen and camera still work through the window.",
         {**col("black", "blue", "pink"), "waterproof": True, "ip_rating": "IPX8",
          "compatible_with": ["phones up to 7 in"]},
         ["waterproof", "beach", "universal", "travel"],
        extras=[(5, "Took photos underwater in the sea, phone bone dry."), (3, "Touchscreen is hard to use through the plastic when wet.")], rv="accessory")

    def bank(brand, title, price, desc, attrs, tags, **kw):
        add(C, "power banks", brand, title, price, desc, attrs,
            ["power bank", "portable charger", "battery pack"] + tags, "power_bank", warranty=W, **kw)

    bank("Pocketvolt", "Pocketvolt Slim 5000 mAh Power Bank", 19.99,
         "Credit-card-sized power bank that adds about one full phone charge. USB-C in and out, 12 W.",
         {**col("black", "white", "pink"), "capacity": "5000 mAh", "output": "12 W", "weight": "115 g",
          "connectivity": ["usb-c"]},
         ["slim", "pocket"],
        extras=[(5, "Compact enough for a jacket pocket.")])
    bank("Pocketvolt", "Pocketvolt 10000 mAh 20W PD Power Bank", 29.99,
         "Two to two and a half phone charges with 20 W fast charging over USB-C, plus a USB-A port for a second device.",
         {**col("black", "white", "blue"), "capacity": "10000 mAh", "output": "20 W", "weight": "200 g",
          "ports": "1 x USB-C, 1 x USB-A", "connectivity": ["usb-c", "usb-a"]},
         ["fast charging", "travel"], bias=0.1)
    bank("Ampora", "Ampora Reserve 20000 mAh 65W Power Bank", 59.99,
         "High-capacity power bank with 65 W USB-C output that charges most laptops, plus a digital display showing remaining percentage.",
         {**col("grey", "black"), "capacity": "20000 mAh", "output": "65 W", "weight": "430 g",
          "ports": "2 x USB-C, 1 x USB-A", "connectivity": ["usb-c", "usb-a"], "display": True},
         ["laptop", "fast charging", "travel", "high capacity"],
        extras=[(5, "Charges my laptop at full speed, which most power banks can't."), (5, "Charges my phone about four times from full.")])
    bank("Chargewell", "Chargewell 26800 mAh 100W Laptop Power Bank", 99.99,
         "99 Wh, so it's allowed in airline cabin baggage, with 100 W USB-C output for larger laptops. Recharges itself in 2.5 hours.",
         {**col("black"), "capacity": "26800 mAh (99 Wh)", "output": "100 W", "weight": "580 g",
          "ports": "2 x USB-C, 1 x USB-A", "connectivity": ["usb-c", "usb-a"]},
         ["laptop", "fast charging", "travel", "high capacity", "airline approved"],
        extras=[(5, "Ran my 16-inch laptop through a long-haul flight."), (4, "Allowed in cabin baggage, no problems at security.")])
    bank("Pocketvolt", "Pocketvolt Solar 10000 mAh Rugged Power Bank", 34.99,
         "IP66 rugged power bank with a backup solar panel, a built-in flashlight and a compass carabiner. The solar panel is for emergencies; charge from USB for everyday use.",
         {**col("orange", "green", "black"), "capacity": "10000 mAh", "output": "18 W", "weight": "290 g",
          "waterproof": True, "ip_rating": "IP66", "connectivity": ["usb-c", "usb-a"]},
         ["solar", "camping", "rugged", "outdoor", "emergency"],
         extras=[(3, "Solar charging is painfully slow, a full day of sun adds maybe 15 percent. Fine as a normal power bank.")])
    bank("Pocketvolt", "Pocketvolt Magnetic Wireless Power Bank 5000 mAh", 39.99,
         "Snaps onto magnetic phones and cases to charge wirelessly at 7.5 W, or use the USB-C port for 20 W wired charging.",
         {**col("white", "purple", "black"), "capacity": "5000 mAh", "output": "7.5 W wireless / 20 W wired",
          "weight": "135 g", "wireless_charging": True, "connectivity": ["usb-c"]},
         ["magnetic", "wireless", "slim"],
        extras=[(5, "Snaps on and tops my phone up on the commute."), (3, "Wireless charging makes both the phone and the pack warm.")])
    zh(C, "power banks", "电小满", "电小满 20000毫安时充电宝 22.5W快充", 149.00,
       "20000mAh大容量，可给手机充4次左右，支持22.5W双向快充。数字电量显示，剩多少电一目了然，可带上飞机。",
       {**col("white", "black", "pink"), "capacity": "20000 mAh", "output": "22.5 W", "weight": "380 g",
        "ports": "2 x USB-A, 1 x USB-C", "connectivity": ["usb-c", "usb-a"], "display": True},
       ["power bank", "portable charger", "充电宝", "移动电源", "快充"], "zh_powerbank", warranty=W)


# ===========================================================================
# COMPUTERS
# ===========================================================================

REVIEWS["laptop"] = {
    "pos": [
        "Setup took ten minutes and there was hardly any preinstalled junk.",
        "Keyboard is lovely to type on, and the trackpad is accurate.",
        "Boots in seconds and handles dozens of browser tabs without slowing down.",
        "Light enough that I don't notice it in my backpack.",
        "Screen is sharp and bright, great for spreadsheets side by side.",
        "Runs cool and quiet during normal work.",
    ],
    "mix": [
        "Good laptop, but the webcam is grainy.",
        "Fine for documents and streaming, struggles with photo editing.",
        "Speakers are tinny, use headphones.",
        "Nice machine, the charger is bulky though.",
    ],
    "neg": [
        "Hinge started creaking after two months.",
        "Screen is dim, hard to use near a window.",
        "Fan is loud even when just browsing.",
    ],
}
REVIEWS["keyboard"] = {
    "pos": [
        "Typing feel is excellent, and the switches aren't too loud for the office.",
        "Keys are stable and the legends are crisp.",
        "Comfortable for long typing sessions.",
        "Solid, heavy build. It doesn't slide around the desk.",
    ],
    "mix": [
        "Nice keyboard, the backlight is uneven on a couple of keys.",
        "Good, but the feet are too short for my taste.",
        "Nice keyboard, but the keycaps started to shine after a few months.",
    ],
    "neg": [
        "Space bar rattles and a key started double-typing after a month.",
        "Bluetooth lag makes it frustrating for fast typing.",
    ],
}
REVIEWS["mouse"] = {
    "pos": [
        "Fits my hand perfectly and the scroll wheel is smooth.",
        "Battery lasts for weeks, I forget it even needs charging.",
        "Tracks on glass and my wooden desk without a pad.",
        "Clicks are crisp and the buttons are well placed.",
    ],
    "mix": [
        "Good mouse, the side buttons are a little hard to reach.",
        "Comfortable, but it's on the small side for big hands.",
        "Works well, software is a bit bloated.",
    ],
    "neg": [
        "Left click started double-clicking after three months.",
        "Cursor jumps around occasionally, even with a fresh battery.",
    ],
}
REVIEWS["monitor"] = {
    "pos": [
        "Colours are accurate out of the box and the panel is bright.",
        "Easy to set up, and the picture looked great straight away.",
        "No dead pixels, minimal backlight bleed.",
        "Stand is sturdy, no wobble when I type.",
        "Text is crisp, a big upgrade for coding.",
    ],
    "mix": [
        "Good picture, the built-in speakers are pointless.",
        "Great panel, the stand wobbles when I type hard.",
        "Menu buttons on the back are fiddly.",
    ],
    "neg": [
        "Arrived with two stuck pixels in the middle of the screen.",
        "Flickers when connected over USB-C to my laptop.",
        "Noticeable backlight bleed in the corners with dark content.",
    ],
}

def computers():
    C = "computers"
    WL = (0.92, ["1 year", "1 year", "2 years", "3 years"])
    W = (0.8, ["1 year", "2 years"])

    def laptop(brand, title, price, desc, attrs, tags, **kw):
        add(C, "laptops", brand, title, price, desc, attrs, ["laptop", "notebook"] + tags, "laptop",
            warranty=WL, **kw)

    laptop("Tessel", "Tessel Schoolbook 11 Rugged Laptop", 399.00,
           "Rugged 11.6-inch laptop designed for classrooms, with a spill-resistant keyboard, rubber bumpers and a 12-hour battery. "
           "Best for web apps, documents and video calls.",
           {**col("grey", "blue"), "screen_size": "11.6 in", "resolution": "1366 x 768", "processor": "4-core, up to 2.8 GHz",
            "ram": "4 GB", "storage": "128 GB eMMC", "battery_life": "12 h", "weight": "1.25 kg",
            "connectivity": ["wi-fi 6", "bluetooth 5.1", "usb-c", "usb-a"], "touchscreen": False},
           ["student", "kids", "school", "budget", "rugged"], bias=-0.2,
        extras=[(5, "Survived a year in a primary school backpack."), (3, "Fine for schoolwork, the screen is low resolution.")])
    laptop("Tessel", "Tessel Studybook 14 Laptop", 429.00,
           "A straightforward 14-inch laptop for coursework and streaming, with a Full HD IPS screen, 8 GB RAM, a 256 GB SSD and around 10 hours of battery.",
           {**col("silver", "blue"), "screen_size": "14 in", "resolution": "1920 x 1080", "processor": "6-core, up to 4.0 GHz",
            "ram": "8 GB", "storage": "256 GB SSD", "battery_life": "10 h", "weight": "1.45 kg",
            "connectivity": ["wi-fi 6", "bluetooth 5.2", "usb-c", "usb-a", "hdmi"], "touchscreen": False},
           ["student", "budget", "school", "everyday"],
        extras=[(5, "Battery gets me through a full day of lectures with power to spare."), (4, "Perfect for coursework and video calls. Don't expect to game on it.")])
    laptop("Corvane", "Corvane Lite 15 Laptop", 549.00,
           "15.6-inch Full HD laptop with a full number pad, 8 GB RAM and a roomy 512 GB SSD. "
           "Good for students who want a big screen and for home office work.",
           {**col("grey"), "screen_size": "15.6 in", "resolution": "1920 x 1080", "processor": "8-core, up to 4.3 GHz",
            "ram": "8 GB", "storage": "512 GB SSD", "battery_life": "8 h", "weight": "1.7 kg",
            "connectivity": ["wi-fi 6", "bluetooth 5.2", "usb-c", "usb-a", "hdmi", "sd card"], "touchscreen": False},
           ["student", "home office", "large screen"],
        extras=[(4, "Number pad is great for my accounting course."), (3, "A bit heavy to carry around campus all day.")])
    laptop("Northbyte", "Northbyte Slate 14 2-in-1 Touchscreen Laptop", 599.99,
           "Convertible laptop with a 360° hinge and a 14-inch touchscreen, stylus included, so you can take handwritten notes in class. "
           "11-hour battery and 8 GB RAM.",
           {**col("silver", "navy"), "screen_size": "14 in", "resolution": "1920 x 1200", "processor": "8-core, up to 4.4 GHz",
            "ram": "8 GB", "storage": "256 GB SSD", "battery_life": "11 h", "weight": "1.5 kg",
            "connectivity": ["wi-fi 6", "bluetooth 5.3", "usb-c", "usb-a"], "touchscreen": True,
            "stylus_included": True},
           ["student", "2-in-1", "touchscreen", "note-taking"],
        extras=[(5, "Taking handwritten notes in lectures with the stylus is a game changer.")])
    laptop("Orbis", "Orbis Air 13 Laptop, 16 GB / 512 GB", 649.00,
           "Fanless, silent 13.3-inch laptop with a sharp 2.5K display, 16 GB RAM and up to 14 hours of battery in a 1.2 kg aluminium body. "
           "Our most popular pick for students.",
           {**col("silver", "grey", "pink"), "screen_size": "13.3 in", "resolution": "2560 x 1600", "processor": "8-core, up to 3.5 GHz",
            "ram": "16 GB", "storage": "512 GB SSD", "battery_life": "14 h", "weight": "1.2 kg",
            "connectivity": ["wi-fi 6e", "bluetooth 5.3", "usb-c"], "touchscreen": False, "material": "aluminium"},
           ["student", "lightweight", "fanless", "ultraportable"], bias=0.3,
        extras=[(5, "Battery gets me through a full day of lectures with power to spare."), (5, "Completely silent, no fan at all.")])
    laptop("Tessel", "Tessel Flex 13 OLED Laptop", 799.00,
           "13.3-inch OLED laptop with deep blacks and vivid colour, 16 GB RAM, a 512 GB SSD and a backlit keyboard. Weighs 1.1 kg.",
           {**col("navy", "silver"), "screen_size": "13.3 in", "resolution": "2880 x 1800", "processor": "10-core, up to 4.6 GHz",
            "ram": "16 GB", "storage": "512 GB SSD", "battery_life": "12 h", "weight": "1.1 kg",
            "connectivity": ["wi-fi 6e", "bluetooth 5.3", "usb-c", "usb-a"], "touchscreen": True},
           ["oled", "lightweight", "ultraportable"])
    laptop("Orbis", "Orbis Air 14 Pro Laptop", 999.00,
           "14.5-inch 2.8K 120 Hz display, 16 GB RAM, a 1 TB SSD and a 15-hour battery. Fast enough for light photo and video editing.",
           {**col("grey", "silver"), "screen_size": "14.5 in", "resolution": "2880 x 1800", "refresh_rate": "120 Hz",
            "processor": "12-core, up to 4.8 GHz", "ram": "16 GB", "storage": "1 TB SSD", "battery_life": "15 h",
            "weight": "1.4 kg", "connectivity": ["wi-fi 7", "bluetooth 5.4", "usb-c", "usb-a", "hdmi"]},
           ["professional", "creator", "long battery"], bias=0.2)
    laptop("Corvane", "Corvane Nova Book 13 Laptop", 1149.00,
           "A premium machined-aluminium ultrabook with a 3K touchscreen, 16 GB RAM, 1 TB storage and two USB4 ports. Pairs instantly with Corvane Nova phones.",
           {**col("silver", "black"), "screen_size": "13.5 in", "resolution": "3000 x 2000", "processor": "12-core, up to 5.0 GHz",
            "ram": "16 GB", "storage": "1 TB SSD", "battery_life": "13 h", "weight": "1.15 kg",
            "connectivity": ["wi-fi 7", "bluetooth 5.4", "usb4"], "touchscreen": True, "material": "aluminium"},
           ["premium", "ultraportable", "business"])
    laptop("Corvane", "Corvane Forge 16 Gaming Laptop", 1499.00,
           "16-inch QHD 240 Hz gaming laptop with a dedicated 8 GB graphics card, 32 GB RAM and a per-key RGB keyboard. "
           "Battery life is short (about 5 hours browsing); it's built to stay plugged in.",
           {**col("black"), "screen_size": "16 in", "resolution": "2560 x 1600", "refresh_rate": "240 Hz",
            "processor": "16-core, up to 5.4 GHz", "graphics": "dedicated, 8 GB", "ram": "32 GB",
            "storage": "1 TB SSD", "battery_life": "5 h", "weight": "2.6 kg",
            "connectivity": ["wi-fi 6e", "bluetooth 5.3", "usb-c", "usb-a", "hdmi", "ethernet"]},
           ["gaming", "high performance"],
        extras=[(5, "Runs everything I play on high settings at well over 100 fps."), (3, "Powerful, but the fans are loud under load and the battery barely lasts a film.")])
    laptop("Northbyte", "Northbyte Studio 16 Creator Laptop", 2199.00,
           "Factory-calibrated 16-inch 4K OLED display covering 100% of DCI-P3, a 12 GB graphics card, 32 GB RAM and a 2 TB SSD. "
           "Built for video editing, 3D and colour-critical work.",
           {**col("grey"), "screen_size": "16 in", "resolution": "3840 x 2400", "processor": "16-core, up to 5.4 GHz",
            "graphics": "dedicated, 12 GB", "ram": "32 GB", "storage": "2 TB SSD", "battery_life": "8 h",
            "weight": "2.1 kg", "connectivity": ["wi-fi 7", "bluetooth 5.4", "usb4", "hdmi", "sd card"]},
           ["creator", "video editing", "oled", "professional"], bias=0.2,
        extras=[(5, "Colour accuracy out of the box is superb for photo work."), (4, "Exports 4K video faster than my old desktop.")])
    zh(C, "laptops", "青禾", "青禾 14英寸轻薄笔记本电脑 16GB+512GB", 4299.00,
       "2.8K 120Hz高刷屏，16GB内存加512GB固态硬盘，整机约1.3公斤，续航约12小时。上课、写论文、轻度修图都很流畅，适合学生和移动办公。",
       {**col("silver", "grey"), "screen_size": "14 in", "resolution": "2880 x 1800", "refresh_rate": "120 Hz",
        "processor": "8-core, up to 4.5 GHz", "ram": "16 GB", "storage": "512 GB SSD", "battery_life": "12 h",
        "weight": "1.3 kg", "connectivity": ["wi-fi 6", "bluetooth 5.2", "usb-c", "usb-a", "hdmi"]},
       ["laptop", "student", "lightweight", "笔记本电脑", "轻薄本"], "zh_laptop", warranty=WL)

    def kb(brand, title, price, desc, attrs, tags, **kw):
        add(C, "keyboards", brand, title, price, desc, attrs, ["keyboard"] + tags, "keyboard", warranty=W, **kw)

    kb("Keystrand", "Keystrand K87 Tenkeyless Mechanical Keyboard", 89.99,
       "Tenkeyless mechanical keyboard with hot-swappable tactile switches, PBT keycaps and per-key RGB. Detachable USB-C cable.",
       {**col("black", "white"), "layout": "TKL (87 keys)", "switches": "tactile, hot-swappable",
        "connectivity": ["usb-c"], "backlight": "RGB", "weight": "900 g"},
       ["mechanical", "gaming", "rgb"])
    kb("Keystrand", "Keystrand Air Slim Wireless Multi-Device Keyboard", 49.99,
       "Quiet, low-profile scissor-switch keyboard that pairs with up to three devices and switches between them with one key. Rechargeable, about 3 months per charge.",
       {**col("grey", "white", "pink"), "layout": "full size", "connectivity": ["bluetooth", "2.4 ghz receiver"],
        "battery_life": "3 months", "backlight": "none"},
       ["wireless", "slim", "quiet", "office", "multi-device"],
        extras=[(5, "Switching between my laptop and tablet with one key is brilliant.")])
    kb("Clackworks", "Clackworks Split Ergonomic Wireless Keyboard", 129.00,
       "Fully split keyboard with adjustable tenting and a cushioned palm rest to keep wrists straight. "
       "Expect a week or two to adjust.",
       {**col("black"), "layout": "split, full size", "connectivity": ["bluetooth", "2.4 ghz receiver", "usb-c"],
        "battery_life": "6 months (2 x AAA)", "ergonomic": True},
       ["ergonomic", "split", "wireless", "rsi"],
        extras=[(5, "Wrists feel much better after a week of getting used to the layout."), (3, "Takes some getting used to, I was mistyping for days.")])
    kb("Clackworks", "Clackworks 65% Wireless Mechanical Keyboard", 69.99,
       "Compact 65% board with a gasket-mounted plate, pre-lubed linear switches and triple-mode connectivity (2.4 GHz, Bluetooth, cable).",
       {**col("beige", "grey", "purple"), "layout": "65% (68 keys)", "switches": "linear, pre-lubed",
        "connectivity": ["bluetooth", "2.4 ghz receiver", "usb-c"], "battery_life": "200 h (backlight off)",
        "backlight": "white"},
       ["mechanical", "compact", "wireless"], bias=0.2)
    kb("Keystrand", "Keystrand Desk Set Wireless Keyboard and Mouse Combo", 39.99,
       "A full-size keyboard and matching mouse sharing one tiny USB receiver. Spill-resistant, with 18-month battery life from AA batteries.",
       {**col("black", "white"), "layout": "full size with number pad", "connectivity": ["2.4 ghz receiver"],
        "battery_life": "18 months", "includes": ["keyboard", "mouse", "usb receiver", "batteries"]},
       ["wireless", "combo", "office", "budget", "mouse"])
    zh(C, "keyboards", "墨竹", "墨竹 三模无线机械键盘 热插拔 茶轴", 399.00,
       "支持蓝牙、2.4G和有线三种连接方式，一把键盘同时连电脑、平板和手机。轴体支持热插拔，出厂为手感偏段落的茶轴，PBT键帽不易打油。",
       {**col("white", "green", "black"), "layout": "75% (84 keys)", "switches": "tactile, hot-swappable",
        "connectivity": ["bluetooth", "2.4 ghz receiver", "usb-c"], "battery_life": "约200 h", "backlight": "RGB"},
       ["keyboard", "mechanical", "wireless", "机械键盘", "无线键盘"], "zh_keyboard", warranty=W)

    def mouse(brand, title, price, desc, attrs, tags, **kw):
        add(C, "mice", brand, title, price, desc, attrs, ["mouse"] + tags, "mouse", warranty=W, **kw)

    mouse("Clackworks", "Clackworks Vertical Ergonomic Wireless Mouse", 44.99,
          "A 57° vertical grip keeps your forearm in a neutral handshake position to reduce wrist strain. Rechargeable via USB-C.",
          {**col("black", "grey"), "connectivity": ["bluetooth", "2.4 ghz receiver"], "battery_life": "2 months",
           "dpi": "up to 4000", "hand": "right", "ergonomic": True},
          ["ergonomic", "vertical", "wireless", "rsi"],
        extras=[(5, "My wrist pain has eased a lot since switching."), (3, "Took about a week to get used to, now I love it.")])
    mouse("Keystrand", "Keystrand Pulse Lightweight Gaming Mouse", 59.99,
          "63 g wired-or-wireless gaming mouse with a 26,000 DPI optical sensor and a 1 ms 2.4 GHz connection. 70 hours per charge.",
          {**col("black", "white"), "connectivity": ["2.4 ghz receiver", "usb-c"], "battery_life": "70 h",
           "dpi": "up to 26000", "weight": "63 g"},
          ["gaming", "wireless", "lightweight"])
    mouse("Keystrand", "Keystrand Mini Travel Mouse", 24.99,
          "Pocket-sized Bluetooth mouse with a near-silent click. Runs for a year on one AA battery.",
          {**col("grey", "pink", "blue", "white"), "connectivity": ["bluetooth"], "battery_life": "12 months",
           "dpi": "1000-4000", "weight": "58 g"},
          ["travel", "compact", "wireless", "quiet"])
    mouse("Clackworks", "Clackworks Orbit Wireless Trackball", 69.99,
          "Thumb-operated trackball that stays put, so you can work on a cramped desk or from the sofa. Connects to three devices.",
          {**col("black"), "connectivity": ["bluetooth", "2.4 ghz receiver"], "battery_life": "4 months",
           "ergonomic": True, "hand": "right"},
          ["trackball", "ergonomic", "wireless"],
        extras=[(5, "My wrist pain has eased a lot since switching."), (3, "Ball needs cleaning every couple of weeks.")])
    mouse("Keystrand", "Keystrand Silent Click Wireless Mouse", 19.99,
          "Simple wireless mouse with 90% quieter clicks, a contoured shape for either hand and an 18-month battery life.",
          {**col("black", "white", "pink", "blue"), "connectivity": ["2.4 ghz receiver"], "battery_life": "18 months",
           "hand": "ambidextrous"},
          ["quiet", "wireless", "budget", "office"])
    mouse("Keystrand", "Keystrand Pro Multi-Device Precision Mouse", 89.99,
          "Sculpted productivity mouse with an 8,000 DPI sensor that tracks on glass, a free-spinning electromagnetic scroll wheel and a thumb wheel for horizontal scrolling.",
          {**col("grey", "black"), "connectivity": ["bluetooth", "2.4 ghz receiver", "usb-c"], "battery_life": "70 days",
           "dpi": "up to 8000", "hand": "right"},
          ["productivity", "wireless", "multi-device"], bias=0.2)

    def mon(brand, title, price, desc, attrs, tags, **kw):
        add(C, "monitors", brand, title, price, desc, attrs, ["monitor", "display"] + tags, "monitor",
            warranty=(0.8, ["1 year", "3 years"]), **kw)

    mon("Veridian Displays", "Veridian V24F 24\" Full HD IPS Monitor", 129.99,
        "24-inch 1080p IPS monitor with slim bezels, a 100 Hz refresh rate and HDMI plus DisplayPort inputs. VESA mount compatible.",
        {**col("black"), "screen_size": "24 in", "resolution": "1920 x 1080", "refresh_rate": "100 Hz",
         "panel": "IPS", "connectivity": ["hdmi", "displayport"], "vesa": "100 x 100"},
        ["budget", "office", "home office"])
    mon("Veridian Displays", "Veridian V27Q 27\" QHD USB-C Monitor", 279.00,
        "27-inch 1440p IPS monitor with USB-C that carries video and 65 W of charging, so your laptop needs just one cable. Height-adjustable stand.",
        {**col("black", "white"), "screen_size": "27 in", "resolution": "2560 x 1440", "refresh_rate": "100 Hz",
         "panel": "IPS", "connectivity": ["usb-c (65 w)", "hdmi", "displayport"], "height_adjustable": True},
        ["usb-c", "home office", "productivity"], bias=0.2,
        extras=[(5, "Single USB-C cable for video and charging my laptop, clean desk finally."), (5, "Height adjustment means I finally got rid of the books under my screen.")])
    mon("Pixelmere", "Pixelmere 27\" 4K UHD IPS Monitor", 399.00,
        "Sharp 27-inch 4K IPS panel with HDR400 and 95% DCI-P3 colour, ideal for photo editing and crisp text.",
        {**col("silver", "black"), "screen_size": "27 in", "resolution": "3840 x 2160", "refresh_rate": "60 Hz",
         "panel": "IPS", "connectivity": ["usb-c (90 w)", "hdmi", "displayport"], "hdr": "HDR400"},
        ["4k", "photo editing", "creator"],
        extras=[(5, "Single USB-C cable for video and charging my laptop, clean desk finally.")])
    mon("Pixelmere", "Pixelmere 34\" Curved Ultrawide Monitor", 549.00,
        "34-inch 1500R curved ultrawide with 3440 x 1440 resolution and 144 Hz refresh. Replaces a dual-monitor setup without the bezel in the middle.",
        {**col("black"), "screen_size": "34 in", "resolution": "3440 x 1440", "refresh_rate": "144 Hz",
         "panel": "VA", "connectivity": ["hdmi", "displayport", "usb-c"], "curved": True},
        ["ultrawide", "curved", "gaming", "productivity"],
        extras=[(5, "Replaced two monitors and the curve is just right at desk distance.")])
    mon("Veridian Displays", "Veridian Go 15.6\" Portable USB-C Monitor", 179.00,
        "Thin 15.6-inch portable monitor powered over a single USB-C cable, with a magnetic cover that doubles as a stand. 770 g.",
        {**col("grey"), "screen_size": "15.6 in", "resolution": "1920 x 1080", "refresh_rate": "60 Hz",
         "panel": "IPS", "connectivity": ["usb-c", "mini hdmi"], "weight": "770 g"},
        ["portable", "travel", "second screen"],
        extras=[(5, "Powers straight from my laptop's USB-C, brilliant for working in hotels."), (3, "Cover stand is a bit wobbly.")])
    mon("Pixelmere", "Pixelmere 27\" QHD 180 Hz Gaming Monitor", 329.99,
        "Fast 27-inch 1440p IPS gaming monitor with a 180 Hz refresh rate, 1 ms response time and adaptive sync.",
        {**col("black"), "screen_size": "27 in", "resolution": "2560 x 1440", "refresh_rate": "180 Hz",
         "panel": "IPS", "connectivity": ["hdmi", "displayport"], "response_time": "1 ms"},
        ["gaming", "high refresh"],
        extras=[(5, "Smooth as butter at 180 Hz, no ghosting I can see.")])
    mon("Pixelmere", "Pixelmere Studio 32\" 4K Creator Monitor", 649.00,
        "32-inch 4K panel factory-calibrated to Delta E < 2, covering 98% DCI-P3, with a USB-C hub and KVM switch built in.",
        {**col("grey"), "screen_size": "32 in", "resolution": "3840 x 2160", "refresh_rate": "60 Hz",
         "panel": "IPS", "connectivity": ["usb-c (96 w)", "hdmi", "displayport", "usb hub"],
         "height_adjustable": True},
        ["4k", "creator", "color accurate", "professional"],
        extras=[(5, "Calibration report in the box matched my own measurements."), (4, "The built-in KVM lets me switch between work and home laptops with one button.")])


# ===========================================================================
# HOME & KITCHEN
# ===========================================================================

REVIEWS["coffee"] = {
    "pos": [
        "Coffee tastes noticeably better than from our old setup.",
        "Easy to clean and looks great on the counter.",
        "Simple, reliable, no app, no nonsense. Exactly what I wanted.",
        "Daily use for a year and still going strong.",
        "Great gift for the coffee lover in the family.",
    ],
    "mix": [
        "Good, but it takes up more space than I expected.",
        "Does the job, a bit fiddly to clean.",
        "Nice, but the instructions are vague.",
    ],
    "neg": [
        "Started leaking after three months.",
        "Broke within weeks of normal use.",
        "Disappointing build quality for the price.",
    ],
}
REVIEWS["blender"] = {
    "pos": [
        "Makes silky smoothies, even with frozen fruit.",
        "Blends kale and nuts smooth, no gritty bits.",
        "Easy to clean: a drop of soap, warm water, run it for 30 seconds.",
        "Powerful and not as loud as I feared.",
    ],
    "mix": [
        "Works well, but the jug is hard to scrape out around the blades.",
        "Great blender, the lid is very tight to get off.",
        "Loud. Blends well though.",
    ],
    "neg": [
        "Motor started smelling hot after a month of daily smoothies.",
        "Jug cracked at the base after six months.",
        "Leaves chunks unless you stop and stir constantly.",
    ],
}
REVIEWS["cookware"] = {
    "pos": [
        "Heats evenly, no more hot spot in the middle of the pan.",
        "Heavy and solid, feels like it'll last decades.",
        "Goes from hob to oven, which is all I wanted.",
        "Looks beautiful, I leave it out on the hob.",
    ],
    "mix": [
        "Good, but the handles get hot on the gas hob.",
        "Nice, but heavier than I expected.",
        "Took a few uses to get the hang of the heat.",
    ],
    "neg": [
        "Warped after the first time on high heat.",
        "Handle came loose after a few months.",
    ],
}
REVIEWS["knives"] = {
    "pos": [
        "Razor sharp out of the box, goes through tomatoes like butter.",
        "Well balanced, my wrist doesn't get tired during big prep sessions.",
        "Holds its edge well, I hone it once a week.",
        "Beautiful knife, makes cooking more fun.",
    ],
    "mix": [
        "Sharp, but the handle is a bit small for my hand.",
        "Good knife for the money, needed a sharpen after a couple of months.",
        "Good knife, the handle is a little slippery when wet.",
    ],
    "neg": [
        "Chipped on the first butternut squash.",
        "Not as sharp as the description suggests.",
        "Rust spots after the dishwasher (yes, I know).",
    ],
}
REVIEWS["appliance"] = {
    "pos": [
        "Used it daily for months, no problems at all.",
        "Looks great on the counter and it's easy to clean.",
        "Heats up quickly and is simple to use.",
    ],
    "mix": [
        "Works well, but the beeping is annoying and can't be turned off.",
        "Bigger than I expected, measure your counter space.",
    ],
    "neg": [
        "Stopped working after four months.",
        "Display failed just after the return window closed.",
    ],
}

def home_kitchen():
    C = "home & kitchen"
    W = (0.85, ["1 year", "2 years"])

    def coffee(brand, sub, title, price, desc, attrs, tags, **kw):
        add(C, sub, brand, title, price, desc, attrs, ["coffee", "coffee maker", "kitchen"] + tags, "coffee",
            warranty=W, **kw)

    coffee("Brewster & Pine", "coffee makers", "Brewster & Pine Morning 12-Cup Programmable Drip Coffee Maker", 59.99,
           "A reliable drip machine with a 24-hour programmable start, brew-strength control and a glass carafe. "
           "The hotplate switches off automatically after two hours.",
           {**col("black", "silver"), "capacity": "12 cups (1.8 L)", "power": "900 W", "programmable": True,
            "material": "plastic and stainless steel, glass carafe", "dimensions": "36 x 20 x 26 cm"},
           ["drip coffee", "programmable"], bias=0.1,
        extras=[(5, "The auto-start means coffee is ready when I wake up."), (3, "Carafe drips a little when you pour quickly."), (2, "Coffee comes out lukewarm no matter what I do.")])
    coffee("Brewster & Pine", "coffee makers", "Brewster & Pine Thermal 10-Cup Pour-Over Style Coffee Maker", 129.00,
           "Brews at 92-96 °C with a pre-infusion 'bloom' phase, like a barista pour-over, into a double-walled stainless carafe that keeps coffee hot for hours without a hotplate.",
           {**col("silver", "black"), "capacity": "10 cups (1.25 L)", "power": "1400 W",
            "material": "stainless steel", "carafe": "thermal stainless steel"},
           ["drip coffee", "thermal carafe", "specialty coffee"], bias=0.3,
        extras=[(5, "Coffee stays hot in the carafe for hours and tastes like a proper pour-over."), (3, "Great coffee, but the carafe is hard to clean inside.")])
    coffee("Mornroast", "coffee makers", "Mornroast Solo Single-Serve Coffee Maker", 79.99,
           "Brews one cup at a time into a mug or travel tumbler, with three cup sizes and a removable 1 L water tank. "
           "Comes with a reusable mesh filter basket, so you can use any ground coffee.",
           {**col("black", "red", "white"), "capacity": "1 L tank; 240/300/360 ml cups", "power": "1200 W",
            "dimensions": "30 x 14 x 28 cm"},
           ["single serve", "compact", "small kitchen"],
        extras=[(5, "Perfect for one person, brews straight into my travel mug."), (3, "Takes a while between cups for the water to reheat.")])
    coffee("Mornroast", "espresso machines", "Mornroast Piccolo Espresso Machine with Steam Wand", 249.00,
           "Compact 15-bar espresso machine with a 51 mm portafilter, a manual steam wand for latte art and a 1.2 L tank. Heats up in about 30 seconds.",
           {**col("silver", "black", "red"), "capacity": "1.2 L tank", "power": "1350 W", "pressure": "15 bar",
            "portafilter": "51 mm", "material": "stainless steel"},
           ["espresso", "latte", "cappuccino", "milk frother"],
        extras=[(5, "Makes a proper crema once you dial in the grind."), (4, "Steam wand takes practice but makes silky milk."), (3, "Small drip tray needs emptying constantly.")])
    coffee("Mornroast", "espresso machines", "Mornroast Barista Pro Espresso Machine with Built-In Grinder", 599.00,
           "Bean-to-cup espresso setup with a built-in conical burr grinder (30 settings), PID temperature control and a 58 mm portafilter. "
           "Everything you need to make cafe-quality drinks at home.",
           {**col("silver", "black"), "capacity": "2 L tank, 250 g bean hopper", "power": "1600 W",
            "pressure": "15 bar", "portafilter": "58 mm", "grinder": "conical burr, 30 settings",
            "material": "brushed stainless steel"},
           ["espresso", "grinder", "latte", "premium"], bias=0.2,
        extras=[(5, "Cafe-quality flat whites at home. Paid for itself in a few months."), (3, "Grinder is a bit loud and holds on to some grounds.")])
    coffee("Hearthline", "coffee makers", "Hearthline Classic French Press, 1 L", 29.99,
           "Borosilicate glass French press in a stainless frame with a four-layer filter that keeps grounds out of your cup. Makes about four mugs.",
           {**col("silver", "black"), "capacity": "1 L", "material": "borosilicate glass, stainless steel"},
           ["french press", "manual", "no electricity"],
        extras=[(5, "Rich, full-bodied coffee and no grounds in the cup."), (2, "Glass cracked when I poured boiling water in on a cold morning.")])
    coffee("Kettlewick", "coffee makers", "Kettlewick Ceramic Pour-Over Coffee Set", 44.99,
           "Ceramic cone dripper, 600 ml glass server and 100 paper filters: everything needed for a clean, bright cup of pour-over.",
           {**col("white", "beige"), "capacity": "600 ml", "material": "porcelain, borosilicate glass",
            "includes": ["dripper", "glass server", "100 filters"]},
           ["pour over", "manual", "gift", "specialty coffee"],
        extras=[(5, "Clean, bright cup. A lovely morning ritual."), (4, "Beautiful set, I bought a second one as a gift.")])
    coffee("Brewster & Pine", "coffee makers", "Brewster & Pine Cold Brew Coffee Maker, 1.5 L", 34.99,
           "Airtight glass pitcher with a fine-mesh stainless filter. Add coarse coffee and water, leave it in the fridge overnight, and it keeps for up to two weeks.",
           {**col("black", "white"), "capacity": "1.5 L", "material": "glass, stainless steel mesh"},
           ["cold brew", "iced coffee", "summer"],
        extras=[(5, "Smooth, never bitter, and so easy to make."), (3, "Fine mesh lets a little sediment through.")])
    coffee("Hearthline", "coffee makers", "Hearthline Stovetop Moka Pot, 6-Cup", 27.99,
           "Classic aluminium moka pot that makes strong, espresso-style coffee on gas or electric hobs. Not suitable for induction.",
           {**col("silver", "red"), "capacity": "6 espresso cups (300 ml)", "material": "aluminium",
            "induction_compatible": False},
           ["moka pot", "stovetop", "espresso"],
        extras=[(5, "Strong, proper Italian-style coffee on my gas hob."), (2, "Didn't realise it won't work on induction. Read the description!")])
    coffee("Brewster & Pine", "coffee grinders", "Brewster & Pine Conical Burr Coffee Grinder", 89.99,
           "Conical burr grinder with 40 grind settings, from espresso-fine to French-press coarse, and a timed dose dial.",
           {**col("black", "silver"), "capacity": "250 g hopper", "power": "150 W", "grind_settings": 40},
           ["grinder", "burr grinder", "espresso"],
        extras=[(5, "Grind is consistent and easy to adjust."), (3, "Static makes the grounds cling to the container.")])

    def appl(brand, sub, title, price, desc, attrs, tags, **kw):
        add(C, sub, brand, title, price, desc, attrs, ["kitchen", "appliance"] + tags, "appliance", warranty=W, **kw)

    appl("Kettlewick", "kettles", "Kettlewick Gooseneck Electric Kettle with Temperature Control", 69.99,
         "Precision-pour gooseneck kettle with five presets from 70 to 100 °C and a one-hour keep-warm mode. Perfect for pour-over and green tea.",
         {**col("black", "white", "silver"), "capacity": "0.9 L", "power": "1200 W", "material": "stainless steel"},
         ["kettle", "tea", "pour over", "gooseneck"],
        extras=[(5, "Temperature control is accurate, perfect for green tea."), (5, "Gooseneck gives a really controlled pour for pour-over coffee.")])
    appl("Hearthline", "air fryers", "Hearthline Crisp 5.5 L Digital Air Fryer", 99.99,
         "A 5.5 L basket air fryer with eight presets and a shake reminder. Cooks a whole batch of fries for four with a spoonful of oil.",
         {**col("black", "white"), "capacity": "5.5 L", "power": "1700 W", "dimensions": "38 x 30 x 32 cm",
          "dishwasher_safe_parts": True},
         ["air fryer", "healthy cooking"], bias=0.1,
        extras=[(5, "Everything comes out crispy with a fraction of the oil."), (3, "Good, but the non-stick basket is already scratched.")])

    def blender(brand, title, price, desc, attrs, tags, **kw):
        add(C, "blenders", brand, title, price, desc, attrs, ["blender", "kitchen", "smoothie"] + tags, kw.pop("rv", "blender"),
            warranty=W, **kw)

    blender("Blendora", "Blendora Go Personal Blender with 2 To-Go Cups", 39.99,
            "300 W personal blender that blends straight into a 600 ml cup with a sip lid. Great for quick protein shakes; struggles with large ice cubes.",
            {**col("black", "pink", "green"), "capacity": "600 ml", "power": "300 W", "bpa_free": True},
            ["personal blender", "protein shake", "compact"],
        extras=[(4, "Perfect for my morning protein shake, blends straight into the cup."), (3, "Struggles with big ice cubes, as the description says.")])
    blender("Blendora", "Blendora Classic 1200 W Blender", 99.99,
            "Full-size 1.8 L blender with six speeds, pulse, and ice-crush and smoothie programmes. Tamper-free jug design, dishwasher-safe.",
            {**col("silver", "black", "red"), "capacity": "1.8 L", "power": "1200 W", "speeds": 6, "bpa_free": True},
            ["countertop blender", "ice crushing"],
        extras=[(5, "Crushes ice in seconds for frozen margaritas.")])
    blender("Blendora", "Blendora Pro 2200 W High-Performance Blender", 329.00,
            "Commercial-grade 2200 W motor and a 2 L jug that turns whole fruit into juice, nuts into butter and, through blade friction, cold ingredients into hot soup.",
            {**col("black", "grey", "red"), "capacity": "2 L", "power": "2200 W", "speeds": "variable + 5 programmes",
             "warranty": "7 years"},
            ["high performance", "nut butter", "soup", "premium"], bias=0.3,
        extras=[(5, "Made almond butter in about two minutes."), (4, "Hot soup straight from the jug is a neat trick.")])
    blender("Hearthline", "Hearthline 800 W Immersion Hand Blender Set", 49.99,
            "Stick blender with a stainless blending foot, whisk attachment, 500 ml chopper and measuring beaker. Ideal for soups right in the pot.",
            {**col("white", "black"), "power": "800 W", "speeds": 12,
             "includes": ["blending stick", "whisk", "chopper", "beaker"]},
            ["immersion blender", "hand blender", "soup"],
        extras=[(5, "Blends soup right in the pot, smooth in seconds."), (4, "Whisk attachment is great for cream and egg whites.")], rv="appliance")
    zh(C, "blenders", "暖栖", "暖栖 加热破壁料理机 1.75L", 599.00,
       "1200W大功率电机配合八叶刀头，能把豆子、谷物打得细腻无渣。带加热功能，豆浆、米糊、浓汤一键完成，支持预约，早上起来就能喝上热豆浆。",
       {**col("white", "grey"), "capacity": "1.75 L", "power": "1200 W", "programmable": True, "heating": True},
       ["blender", "soy milk", "smoothie", "破壁机", "豆浆机"], "zh_blender", warranty=W)

    def cook(brand, title, price, desc, attrs, tags, **kw):
        add(C, "cookware", brand, title, price, desc, attrs, ["cookware", "kitchen"] + tags, kw.pop("rv", "cookware"),
            warranty=(0.6, ["1 year", "10 years", "lifetime"]), **kw)

    cook("Ironvale", "Ironvale 10-Inch Pre-Seasoned Cast Iron Skillet", 34.99,
         "Heavy 10-inch skillet, pre-seasoned with vegetable oil and ready to use. Works on every hob including induction, in the oven and over a campfire.",
         {**col("black"), "diameter": "25 cm", "material": "cast iron", "weight": "2.3 kg",
          "induction_compatible": True, "oven_safe": "any temperature"},
         ["cast iron", "skillet", "frying pan", "induction"], bias=0.3,
        extras=[(5, "Got a beautiful sear on steak."), (3, "Took a few uses to build up the seasoning."), (2, "Rust spots appeared after one wash. Dry it straight away!")])
    cook("Copperleaf", "Copperleaf 10-Piece Ceramic Nonstick Cookware Set", 149.00,
         "Ceramic-coated aluminium pans and pots (two frying pans, two saucepans, a sauté pan and a stockpot, plus four lids) with stay-cool handles. Induction-ready base.",
         {**col("beige", "green", "grey", "navy"), "pieces": 10, "material": "aluminium with ceramic nonstick coating",
          "induction_compatible": True, "oven_safe": "up to 200 °C"},
         ["nonstick", "cookware set", "induction"], bias=-0.1,
        extras=[(5, "Eggs slide right off. Cleaning takes seconds."), (3, "Lids don't fit very snugly."), (1, "Nonstick coating started flaking within three months, and I only hand wash.")])
    cook("Copperleaf", "Copperleaf Tri-Ply Stainless Steel 12-Piece Cookware Set", 279.00,
         "Fully clad tri-ply stainless steel with an aluminium core for even heating all the way up the sides. Dishwasher safe and oven safe to 260 °C.",
         {**col("silver"), "pieces": 12, "material": "tri-ply stainless steel", "induction_compatible": True,
          "oven_safe": "up to 260 °C"},
         ["stainless steel", "cookware set", "induction", "premium"],
        extras=[(5, "Works perfectly on our induction hob and heats evenly right to the edges."), (3, "Things stick until you learn to preheat properly.")])
    cook("Ironvale", "Ironvale 5.5 Qt Enameled Cast Iron Dutch Oven", 89.99,
         "A 5.2 L enamelled cast-iron casserole for braises, stews and no-knead bread. The pale interior makes it easy to watch browning.",
         {**col("red", "navy", "green", "white"), "capacity": "5.2 L (5.5 qt)", "material": "enamelled cast iron",
          "weight": "5.4 kg", "induction_compatible": True, "oven_safe": "up to 250 °C"},
         ["dutch oven", "casserole", "bread baking", "gift"],
        extras=[(5, "Makes the best no-knead bread I've ever baked."), (4, "The red is gorgeous. Heavy, but that's the point.")])
    cook("Hearthline", "Hearthline Nonstick Baking Sheet Set (3-Piece)", 24.99,
         "Small, medium and large carbon-steel baking trays with a non-stick coating and rolled edges that resist warping.",
         {**col("grey"), "pieces": 3, "material": "carbon steel with nonstick coating", "oven_safe": "up to 230 °C"},
         ["bakeware", "baking tray", "sheet pan"],
        extras=[(5, "No warping even at 230 °C."), (3, "Coating scratched after a few months.")], rv="accessory")
    zh(C, "cookware", "匠禾", "匠禾 手工锻打碳钢炒锅 32cm 无涂层", 168.00,
       "老师傅手工锻打，锅身轻薄、导热快，大火爆炒有锅气。无化学涂层，开锅养好后越用越不粘。适用于燃气灶，不适用电磁炉。",
       {**col("black"), "diameter": "32 cm", "material": "碳钢", "weight": "1.4 kg", "induction_compatible": False},
       ["wok", "cookware", "carbon steel", "炒锅", "铁锅"], "zh_wok")

    def knife(brand, title, price, desc, attrs, tags, **kw):
        add(C, "knives", brand, title, price, desc, attrs, ["knife", "kitchen knives", "kitchen"] + tags, "knives",
            warranty=(0.55, ["1 year", "lifetime"]), **kw)

    knife("Copperleaf", "Copperleaf 8-Inch Chef's Knife", 79.00,
          "Forged German stainless steel chef's knife, hardened to 58 HRC, with a full tang and a triple-riveted handle. The one knife that does 90% of kitchen jobs.",
          {**col("black"), "blade_length": "20 cm", "material": "X50CrMoV15 stainless steel", "hardness": "58 HRC",
           "weight": "240 g"},
          ["chef's knife", "forged"], bias=0.2)
    knife("Saltmarsh Kitchen", "Saltmarsh Kitchen 7-Inch Damascus Santoku Knife", 64.99,
          "67-layer Damascus-clad santoku with a hard high-carbon steel core and an octagonal pakkawood handle. Thin, light and very sharp.",
          {**col("brown"), "blade_length": "18 cm", "material": "67-layer Damascus steel", "hardness": "60 HRC",
           "weight": "170 g"},
          ["santoku", "japanese style", "damascus", "gift"])
    knife("Copperleaf", "Copperleaf 15-Piece Knife Block Set", 189.00,
          "Chef's, bread, santoku, utility and paring knives, six steak knives, kitchen shears and a honing steel in an acacia wood block.",
          {**col("brown", "black"), "pieces": 15, "material": "forged stainless steel, acacia block"},
          ["knife set", "knife block", "gift", "wedding gift"],
        extras=[(3, "Nice set, but the block takes up a lot of space."), (5, "Every knife we need in one block, and they're all sharp.")])
    knife("Saltmarsh Kitchen", "Saltmarsh Kitchen Paring Knife Set (3-Pack)", 19.99,
          "Three colour-coded 9 cm paring knives with blade guards. Small, nimble and dishwasher safe.",
          {**col("green", "orange", "yellow"), "pieces": 3, "blade_length": "9 cm", "material": "stainless steel"},
          ["paring knife", "budget"])
    zh(C, "knives", "匠禾", "匠禾 中式不锈钢菜刀 切片刀", 239.00,
       "三层复合钢锻打，刀刃锋利耐用，切片、切丝、拍蒜一把搞定。刀身宽而平衡，长时间切菜手腕也不累。",
       {**col("silver"), "blade_length": "19 cm", "material": "三层复合不锈钢", "weight": "320 g"},
       ["knife", "chinese cleaver", "菜刀", "切片刀"], "zh_knife", warranty=(0.55, ["1 year", "lifetime"]))

    zh(C, "drinkware", "暖栖", "暖栖 316不锈钢保温杯 500ml", 129.00,
       "内胆为316不锈钢，真空双层结构，热水保温约12小时、冷饮保冷约24小时。弹跳杯盖单手就能打开，杯身小巧可以放进包的侧袋。",
       {**col("white", "pink", "navy", "green"), "capacity": "500 ml", "material": "316不锈钢", "weight": "280 g",
        "insulated": True},
       ["vacuum flask", "insulated bottle", "water bottle", "保温杯", "不锈钢"], "zh_thermos",
       warranty=(0.5, ["1 year"]))
    zh(C, "drinkware", "暖栖", "暖栖 大容量不锈钢保温壶 1L", 24.99,
       "1升大容量，一壶够全家喝一个下午。304不锈钢内胆，保温约24小时，适合办公室、露营和自驾出行。",
       {**col("silver", "black", "red"), "capacity": "1 L", "material": "304不锈钢", "weight": "480 g",
        "insulated": True},
       ["vacuum flask", "insulated bottle", "camping", "保温壶", "不锈钢"], "zh_thermos", currency="USD")
    zh(C, "rice cookers", "暖栖", "暖栖 智能电饭煲 4L 球釜内胆", 399.00,
       "4升容量，适合3到6人家庭。球釜内胆受热均匀，精煮、快煮、煲粥、煲汤等多种模式，支持24小时预约。",
       {**col("white"), "capacity": "4 L", "power": "770 W", "programmable": True},
       ["rice cooker", "appliance", "电饭煲"], "zh_ricecooker", warranty=W)


# ===========================================================================
# BEAUTY & PERSONAL CARE
# ===========================================================================

REVIEWS["skincare"] = {
    "pos": [
        "Gentle, and my skin feels comfortable afterwards, never tight.",
        "My skin has been calmer and less red since I started using it.",
        "No fragrance, no sting, even on my sensitive skin.",
        "A little goes a long way, the tube lasted me three months.",
        "Hasn't irritated my sensitive skin at all.",
    ],
    "mix": [
        "Nice texture, but I didn't see much difference after a month.",
        "Works well but feels a bit heavy in summer.",
        "Good product, the pump dispenses way too much.",
    ],
    "neg": [
        "Broke me out within a week.",
        "Stung my eyes badly.",
        "Way too greasy for combination skin.",
    ],
}
REVIEWS["haircare"] = {
    "pos": [
        "Hair feels soft and looks shiny without being weighed down.",
        "Smells lovely and subtle, not overpowering.",
        "Leaves my hair really manageable.",
        "My colour isn't fading as fast as it used to.",
    ],
    "mix": [
        "Nice, but my fine hair gets greasy by day two.",
        "Good product, pricey for the size.",
    ],
    "neg": [
        "Left my hair feeling like straw.",
        "Made my scalp itchy.",
    ],
}
REVIEWS["bodycare"] = {
    "pos": [
        "Smells lovely without being overpowering.",
        "Nice, simple ingredients and it works.",
        "Great value, lasts for ages.",
        "Lovely little gift.",
    ],
    "mix": [
        "Nice, but the packaging is hard to recycle.",
        "Works, but I prefer a stronger scent.",
    ],
    "neg": [
        "Gave me a rash, I had to stop using it.",
        "Arrived leaking in the box.",
    ],
}
REVIEWS["hair_tools"] = {
    "pos": [
        "Heats up in seconds and the temperature stays consistent.",
        "Light and comfortable to hold.",
        "Results look salon-done.",
        "Less frizz than with my old one.",
    ],
    "mix": [
        "Works well, but the cord is short.",
        "Good, a bit pricey.",
    ],
    "neg": [
        "Started smelling of burning plastic after two months.",
        "Stopped working completely after four months.",
    ],
}
REVIEWS["oral_care"] = {
    "pos": [
        "Teeth feel dentist-clean every time.",
        "Battery lasts for weeks between charges.",
        "My dentist noticed the difference at my last check-up.",
        "Easy to clean and charges quickly.",
    ],
    "mix": [
        "Works well, but replacement heads are expensive.",
        "Good, a bit noisy though.",
        "Takes a few days to get used to.",
    ],
    "neg": [
        "Battery died completely after eight months.",
        "Water got inside the handle and it stopped working.",
    ],
}
REVIEWS["shaving"] = {
    "pos": [
        "Close shave with very little irritation, even on my neck.",
        "Great value, does exactly what it should.",
        "Sturdy and easy to clean.",
    ],
    "mix": [
        "Good, a bit noisy though.",
        "Takes some practice to get the angle right.",
    ],
    "neg": [
        "Pulls hairs rather than cutting them.",
        "Stopped working after eight months.",
    ],
}
REVIEWS["makeup"] = {
    "pos": [
        "Looks exactly like the swatch.",
        "Lasts all day without touch-ups.",
        "Lovely formula for the price.",
        "Gentle, no irritation at all.",
    ],
    "mix": [
        "Nice, but it's not as long-wearing as I hoped.",
        "Good, the shade range could be better.",
    ],
    "neg": [
        "Disappointing, it didn't last a couple of hours.",
        "Irritated my skin.",
    ],
}
REVIEWS["fragrance"] = {
    "pos": [
        "Gorgeous, warm scent that lasts all day on me.",
        "Get compliments every time I wear it.",
        "Lovely gift, the bottle looks much more expensive than it was.",
    ],
    "mix": [
        "Smells lovely, but it fades after about three hours.",
        "Nice, a bit more floral than I expected from the description.",
    ],
    "neg": [
        "Smells like alcohol for the first 20 minutes.",
        "Gave me a headache, far too strong.",
    ],
}

def beauty():
    C = "beauty & personal care"
    WD = (0.85, ["1 year", "2 years"])

    def care(brand, sub, title, price, desc, attrs, tags, rv="skincare", **kw):
        add(C, sub, brand, title, price, desc, attrs, tags, rv, **kw)

    care("Dewbloom", "skincare", "Dewbloom Daily Hydrating Moisturizer with Hyaluronic Acid, 50 ml", 24.00,
         "Lightweight gel-cream with hyaluronic acid and ceramides that keeps skin hydrated all day without feeling greasy. Fragrance-free.",
         {"capacity": "50 ml", "skin_type": ["dry", "normal", "combination", "sensitive"],
          "key_ingredients": ["hyaluronic acid", "ceramides", "niacinamide"], "fragrance_free": True, "vegan": True},
         ["moisturizer", "skincare", "face", "hydrating", "fragrance-free"], bias=0.2,
        extras=[(5, "Absorbs quickly and doesn't pill under makeup.")])
    care("Dewbloom", "skincare", "Dewbloom Gentle Foaming Cleanser, 150 ml", 14.50,
         "A low-pH foaming cleanser that removes sunscreen and light makeup without leaving skin tight.",
         {"capacity": "150 ml", "skin_type": ["normal", "oily", "combination"], "fragrance_free": True,
          "key_ingredients": ["glycerin", "amino acid surfactants"]},
         ["cleanser", "face wash", "skincare"])
    care("Purecrest", "skincare", "Purecrest 15% Vitamin C Brightening Serum, 30 ml", 32.00,
         "Stabilised 15% vitamin C with vitamin E and ferulic acid to even out dark spots and dullness. Use in the morning under sunscreen.",
         {"capacity": "30 ml", "skin_type": ["normal", "combination", "oily"],
          "key_ingredients": ["vitamin c (15%)", "vitamin e", "ferulic acid"]},
         ["serum", "vitamin c", "brightening", "skincare"],
        extras=[(5, "Noticeably brighter skin after about four weeks."), (3, "Oxidised and turned orange before I finished the bottle.")])
    care("Purecrest", "skincare", "Purecrest Mineral Sunscreen SPF 50, 50 ml", 19.99,
         "Broad-spectrum SPF 50 mineral sunscreen with 20% zinc oxide. Tinted slightly to cut down on white cast; water-resistant for 40 minutes.",
         {"capacity": "50 ml", "spf": "50", "skin_type": ["sensitive", "normal"], "water_resistant": "40 min",
          "key_ingredients": ["zinc oxide"], "fragrance_free": True},
         ["sunscreen", "spf", "mineral", "skincare", "summer"],
         extras=[(3, "Good protection, but it does leave a slight white cast on my darker skin."), (5, "No greasy feel and it doesn't sting my eyes.")])
    care("Mirelle", "skincare", "Mirelle Retinol 0.3% Renewing Night Cream, 50 ml", 48.00,
         "Encapsulated 0.3% retinol in a rich squalane base, a gentle starting strength for fine lines and texture. Start two nights a week.",
         {"capacity": "50 ml", "skin_type": ["normal", "dry", "combination"],
          "key_ingredients": ["retinol (0.3%)", "squalane", "peptides"]},
         ["retinol", "night cream", "anti-aging", "skincare"],
        extras=[(4, "No peeling when I started slowly, skin looks smoother."), (3, "Some dryness in the first two weeks.")])
    care("Sage & Salt", "lip care", "Sage & Salt Lip Balm Trio (Mint, Honey, Unscented)", 9.99,
         "Three beeswax-and-shea lip balms in recyclable cardboard tubes.",
         {"pieces": 3, "capacity": "3 x 6 g", "key_ingredients": ["beeswax", "shea butter", "sunflower oil"]},
         ["lip balm", "stocking stuffer", "gift"],
        extras=[(5, "Keeps my lips soft through winter, the mint one is lovely.")], rv="bodycare")
    zh(C, "skincare", "若芷", "若芷 清爽防晒霜 SPF50+ PA++++ 50ml", 139.00,
       "水感乳液质地，涂开后迅速成膜，不黏腻不假白，可以当妆前乳使用。防水防汗，适合通勤和户外运动。",
       {"capacity": "50 ml", "spf": "50+", "skin_type": ["oily", "combination", "normal"], "water_resistant": "80 min"},
       ["sunscreen", "spf", "skincare", "防晒霜", "防晒"], "zh_sunscreen")
    zh(C, "skincare", "若芷", "若芷 玻尿酸补水面膜 10片装", 99.00,
       "每片面膜精华液约25ml，含多重玻尿酸和积雪草提取物，敷15分钟即可为干燥皮肤快速补水。膜布轻薄服帖。",
       {"capacity": "10 x 25 ml", "skin_type": ["dry", "normal", "sensitive"],
        "key_ingredients": ["玻尿酸", "积雪草提取物"]},
       ["face mask", "sheet mask", "hydrating", "skincare", "面膜", "补水"], "zh_mask")
    zh(C, "hand care", "若芷", "若芷 桂花香氛护手霜礼盒 3支装", 79.00,
       "三支不同香型的护手霜，桂花、白茶和栀子花，质地滋润不黏手。礼盒包装，适合作为节日小礼物。",
       {"capacity": "3 x 30 g", "scent": ["桂花", "白茶", "栀子花"]},
       ["hand cream", "gift set", "gift", "护手霜", "礼盒"], "zh_handcream")

    care("Sage & Salt", "hair care", "Sage & Salt Sulfate-Free Argan Shampoo, 400 ml", 16.00,
         "Gentle, sulfate-free shampoo with argan oil for dry and colour-treated hair. Safe after keratin treatments.",
         {"capacity": "400 ml", "hair_type": ["dry", "colour-treated", "curly"], "sulfate_free": True, "vegan": True},
         ["shampoo", "hair care", "sulfate-free"], rv="haircare",
        extras=[(5, "Lathers well for a sulfate-free shampoo.")])
    care("Sage & Salt", "hair care", "Sage & Salt Argan Repair Conditioner, 400 ml", 16.00,
         "Rich conditioner that detangles and smooths frizz, with argan oil and rice protein.",
         {"capacity": "400 ml", "hair_type": ["dry", "colour-treated", "curly"], "silicone_free": True, "vegan": True},
         ["conditioner", "hair care"], rv="haircare")

    def tool(brand, sub, title, price, desc, attrs, tags, rv="hair_tools", **kw):
        add(C, sub, brand, title, price, desc, attrs, tags, rv, warranty=WD, **kw)

    tool("Velvetine", "hair tools", "Velvetine AirLuxe 1875 W Ionic Hair Dryer", 59.99,
         "1875 W ionic dryer with three heat and two speed settings, a cool-shot button, a concentrator and a diffuser for curls.",
         {**col("black", "pink", "white"), "power": "1875 W", "weight": "520 g", "cord_length": "2.7 m",
          "includes": ["concentrator", "diffuser"]},
         ["hair dryer", "blow dryer", "ionic"],
        extras=[(5, "Dries my thick hair in about half the time of my old one."), (4, "Cool-shot button actually works and the diffuser is great for curls."), (3, "A bit loud on the highest setting.")])
    tool("Velvetine", "hair tools", "Velvetine Silk Glide 1\" Ceramic Flat Iron", 49.99,
         "Ceramic-tourmaline plates that heat to 230 °C in 30 seconds, with five temperature settings and auto shut-off after an hour.",
         {**col("black", "purple"), "plate_width": "2.5 cm", "max_temperature": "230 °C", "dual_voltage": True},
         ["hair straightener", "flat iron", "travel"],
        extras=[(5, "Dual voltage worked perfectly on holiday."), (3, "The plates snag fine hair now and then.")])
    tool("Velvetine", "hair tools", "Velvetine 1.25\" Ceramic Curling Wand", 44.99,
         "Clipless 32 mm tapered wand for loose, beachy waves. Comes with a heat-resistant glove.",
         {**col("pink", "black"), "barrel_size": "32 mm", "max_temperature": "210 °C"},
         ["curling iron", "curling wand", "waves"],
        extras=[(5, "Beachy waves in ten minutes. The glove is a must.")])
    tool("Groomwell", "oral care", "Groomwell Sonic Electric Toothbrush", 49.99,
         "Sonic toothbrush with 31,000 strokes per minute, three modes, a two-minute timer and a 30-day battery. Includes two brush heads.",
         {**col("white", "black", "pink"), "battery_life": "30 days", "modes": 3, "includes": ["2 brush heads"]},
         ["electric toothbrush", "oral care", "dental"], rv="oral_care", bias=0.1)
    tool("Groomwell", "oral care", "Groomwell Sonic Pro Electric Toothbrush with Pressure Sensor", 99.99,
         "Five cleaning modes, a pressure sensor that lights up when you brush too hard, and a USB-C travel case that charges the brush.",
         {**col("black", "white", "purple"), "battery_life": "6 weeks", "modes": 5, "pressure_sensor": True,
          "includes": ["3 brush heads", "charging travel case"]},
         ["electric toothbrush", "oral care", "dental", "travel", "gift"], rv="oral_care", bias=0.2)
    tool("Groomwell", "oral care", "Groomwell Cordless Water Flosser", 59.99,
         "Rechargeable water flosser with a 300 ml tank, three pressure modes and four tips. IPX7 waterproof, so it can go in the shower.",
         {**col("white", "blue"), "battery_life": "4 weeks", "capacity": "300 ml", "waterproof": True,
          "ip_rating": "IPX7"},
         ["water flosser", "oral care", "dental"], rv="oral_care",
        extras=[(5, "Gums bleed much less after a month of using it."), (3, "Tank is small, needs a refill halfway.")])
    tool("Groomwell", "shaving", "Groomwell Wet & Dry Foil Shaver", 89.99,
         "Three-blade foil shaver that works dry or with foam in the shower. 60 minutes of use from a one-hour charge.",
         {**col("black", "silver"), "battery_life": "60 min", "waterproof": True, "gender": "men"},
         ["electric shaver", "shaving", "men's grooming"], rv="shaving",
        extras=[(5, "Charge lasts a whole week of trips.")])
    tool("Groomwell", "shaving", "Groomwell Precision Beard Trimmer", 39.99,
         "Beard trimmer with a stainless blade and 20 length settings from 0.5 to 10 mm. 90 minutes of runtime.",
         {**col("black"), "battery_life": "90 min", "length_settings": 20, "gender": "men"},
         ["beard trimmer", "men's grooming", "gift"], rv="shaving",
        extras=[(5, "Length settings are precise, beard looks neat.")])
    care("Sage & Salt", "shaving", "Sage & Salt Double-Edge Safety Razor", 34.00,
         "Weighted chrome safety razor with a textured handle, plus ten stainless blades. A plastic-free alternative to cartridge razors.",
         {**col("silver", "black"), "material": "chrome-plated brass", "includes": ["10 blades"],
          "weight": "95 g"},
         ["safety razor", "shaving", "zero waste"], rv="shaving", warranty=(0.5, ["lifetime"]),
        extras=[(5, "Best shave I've had, and blades cost pennies."), (3, "Nicked myself a few times while learning.")])
    care("Sage & Salt", "bath & body", "Sage & Salt Cedar & Sea Salt Body Wash, 500 ml", 12.00,
         "Creamy body wash with a fresh cedarwood and sea-salt scent and no sulfates.",
         {"capacity": "500 ml", "scent": "cedarwood and sea salt", "sulfate_free": True, "vegan": True},
         ["body wash", "shower gel", "bath"], rv="bodycare",
        extras=[(5, "Smells like a walk on the beach. Lathers nicely.")])
    care("Dewbloom", "bath & body", "Dewbloom Aluminium-Free Deodorant", 11.00,
         "Aluminium-free deodorant stick with arrowroot powder and a light citrus scent. Keeps odour away rather than stopping sweat.",
         {"capacity": "75 g", "scent": "citrus", "aluminium_free": True, "vegan": True},
         ["deodorant", "natural", "aluminium-free"],
         extras=[(3, "Smells nice and works for a normal day, not enough for the gym."), (5, "Actually works all day without aluminium.")], rv="bodycare")
    care("Dewbloom", "bath & body", "Dewbloom Shea Butter Hand Cream Trio", 18.00,
         "Three 30 ml tubes of non-greasy shea hand cream in lavender, almond and unscented. Handbag-sized.",
         {"capacity": "3 x 30 ml", "key_ingredients": ["shea butter", "glycerin"]},
         ["hand cream", "gift set", "gift"],
        extras=[(5, "Sinks in quickly, I can type straight after.")], rv="bodycare")

    care("Lumabelle", "makeup", "Lumabelle Velvet Matte Lipstick - Cherry Red", 18.00,
         "A true blue-based red with a soft, velvety matte finish that doesn't dry out lips. One of eight shades.",
         {**col("red", "pink", "brown", "purple"), "shade": "Cherry Red", "finish": "matte", "capacity": "3.5 g",
          "vegan": True},
         ["lipstick", "makeup", "red lipstick", "matte"], rv="makeup",
        extras=[(5, "A true red that suits everyone and doesn't dry my lips."), (3, "Transfers onto cups a little.")])
    care("Lumabelle", "makeup", "Lumabelle Lift & Length Mascara", 14.00,
         "Lengthening tube mascara that wraps each lash and comes off with warm water, no panda eyes.",
         {**col("black", "brown"), "capacity": "8 ml", "waterproof": False},
         ["mascara", "makeup", "eyes"], rv="makeup",
        extras=[(5, "Lengthens without clumping and washes off easily."), (2, "Smudged under my eyes within a couple of hours.")])
    care("Lumabelle", "makeup", "Lumabelle Sheer Skin Tint SPF 20", 28.00,
         "Light-coverage tint with SPF 20 and a natural dewy finish. Available in 16 shades.",
         {"capacity": "30 ml", "spf": "20", "shades_available": 16, "finish": "dewy"},
         ["foundation", "skin tint", "makeup", "spf"], rv="makeup",
        extras=[(5, "Blends beautifully and looks like skin, just better.")])
    care("Mirelle", "fragrance", "Mirelle Fig & Vetiver Eau de Parfum, 50 ml", 68.00,
         "A warm, green scent: fresh fig leaf and bergamot on top, settling into vetiver and cedar.",
         {"capacity": "50 ml", "concentration": "eau de parfum", "scent_notes": ["fig", "bergamot", "vetiver", "cedar"],
          "gender": "unisex"},
         ["perfume", "fragrance", "gift"], rv="fragrance")
    care("Mirelle", "fragrance", "Mirelle Lavender & Chamomile Pillow Mist, 100 ml", 22.00,
         "A light pillow and linen spray with French lavender and chamomile to help you wind down.",
         {"capacity": "100 ml", "scent_notes": ["lavender", "chamomile"]},
         ["pillow spray", "sleep", "gift", "aromatherapy"], rv="bodycare",
        extras=[(5, "A couple of sprays and I drift off, love the lavender."), (3, "Scent fades quickly, I need a lot of sprays.")])


# ===========================================================================
# SPORTS & FITNESS
# ===========================================================================

REVIEWS["yoga"] = {
    "pos": [
        "Grippy even in a sweaty hot yoga class, no sliding in downward dog.",
        "Good cushioning for my knees without feeling wobbly in balance poses.",
        "No rubbery smell after airing it out for a day.",
        "Easy to wipe clean after class.",
        "Light enough to carry to class on my bike.",
    ],
    "mix": [
        "Nice mat, but it shows every handprint and mark.",
        "Bit slippy for the first few sessions until I wiped it down.",
        "Good, though the edges curl up a little after being rolled.",
    ],
    "neg": [
        "Started flaking and tearing after two months of twice-weekly use.",
        "Strong chemical smell that didn't go away.",
        "Far too slippery once I start sweating.",
    ],
}
REVIEWS["weights"] = {
    "pos": [
        "Solid and well built, no rattles or wobble.",
        "Perfect for home workouts in a small flat.",
        "Good value for the quality.",
        "Arrived well packed and exactly as described.",
    ],
    "mix": [
        "Good, but bulkier than I expected.",
        "Fine, arrived in a very battered box.",
        "Works well, a bit noisy.",
    ],
    "neg": [
        "Coating started chipping after a few weeks.",
        "Quality control is poor, mine arrived damaged.",
    ],
}
REVIEWS["bike"] = {
    "pos": [
        "Easy to fit in five minutes with no tools.",
        "Feels solid and well made, exactly what I needed.",
        "Does exactly what it should, no fuss.",
        "Great value compared with the bike shop.",
    ],
    "mix": [
        "Works fine, but it loosens a little on bumpy roads.",
        "Good product, the instructions are useless though.",
        "Heavier than I expected.",
    ],
    "neg": [
        "Broke within the first month.",
        "Rattles constantly on rough surfaces.",
    ],
}
REVIEWS["fitness"] = {
    "pos": [
        "Great quality for the price.",
        "I use it almost every day and it's holding up well.",
        "Exactly what I needed for home workouts.",
    ],
    "mix": [
        "Decent, but nothing special.",
        "Works, a few rough edges.",
    ],
    "neg": [
        "Broke within a month.",
        "Not as described.",
    ],
}

def sports():
    C = "sports & fitness"
    W = (0.75, ["1 year", "2 years"])

    def mat(brand, title, price, desc, attrs, tags, **kw):
        add(C, "yoga mats", brand, title, price, desc, attrs, ["yoga", "yoga mat", "exercise mat"] + tags, "yoga",
            warranty=(0.6, ["1 year"]), **kw)

    mat("Flexora", "Flexora Essential 4 mm TPE Yoga Mat", 24.99,
        "Lightweight, non-slip TPE mat with etched alignment lines and a carrying strap. A solid first mat for beginners.",
        {**col("purple", "blue", "green", "pink"), "thickness": "4 mm", "dimensions": "183 x 61 cm", "weight": "900 g",
         "material": "TPE"},
        ["beginner", "lightweight", "non-slip"],
        extras=[(5, "Alignment lines are genuinely helpful for a beginner.")])
    mat("Flexora", "Flexora Studio 6 mm Yoga Mat", 34.99,
        "Thicker 6 mm mat with closed-cell PVC that doesn't absorb sweat. Wipes clean in seconds.",
        {**col("black", "grey", "navy", "purple"), "thickness": "6 mm", "dimensions": "183 x 61 cm",
         "weight": "1.6 kg", "material": "PVC"},
        ["cushioned", "non-slip"])
    mat("Flexora", "Flexora Grip Pro 5 mm Natural Rubber Yoga Mat", 89.00,
        "A polyurethane top layer over natural rubber gives serious grip when wet, making this our pick for hot yoga and vinyasa. Heavier, at 2.5 kg.",
        {**col("black", "green", "beige"), "thickness": "5 mm", "dimensions": "185 x 68 cm", "weight": "2.5 kg",
         "material": "natural rubber with PU top"},
        ["hot yoga", "premium", "non-slip", "wide"], bias=0.3,
        extras=[(3, "Incredible grip, but it kept a rubber smell for about two weeks.")])
    mat("Zenmat", "Zenmat Cork Yoga Mat, 4 mm", 69.00,
        "Natural cork surface on a rubber base. Cork gets grippier as you sweat and is naturally antimicrobial.",
        {**col("beige"), "thickness": "4 mm", "dimensions": "183 x 61 cm", "weight": "2.2 kg",
         "material": "cork and natural rubber"},
        ["cork", "eco-friendly", "hot yoga"])
    mat("Zenmat", "Zenmat Foldable Travel Yoga Mat, 1.5 mm", 39.99,
        "Thin, foldable mat that packs into a suitcase and weighs just 1 kg. Put it over a hotel carpet or your regular mat.",
        {**col("grey", "pink", "blue"), "thickness": "1.5 mm", "dimensions": "183 x 61 cm", "weight": "1 kg",
         "material": "natural rubber and microfibre"},
        ["travel", "foldable", "lightweight"])
    mat("Flexora", "Flexora Comfort 10 mm Extra-Thick Exercise Mat", 29.99,
        "Squishy 10 mm NBR foam mat for pilates, stretching and floor work that's kind to knees and hips. Too soft for standing balance poses.",
        {**col("blue", "purple", "black", "pink"), "thickness": "10 mm", "dimensions": "183 x 61 cm",
         "weight": "1 kg", "material": "NBR foam"},
        ["pilates", "thick", "cushioned", "stretching"])
    zh(C, "yoga mats", "知行", "知行 加厚防滑瑜伽垫 8mm TPE", 129.00,
       "8毫米加厚TPE材质，双面纹理防滑，跪姿、平板支撑时膝盖和手肘都很舒服。附赠收纳网袋和绑带，在家练习、去健身房都方便。",
       {**col("purple", "green", "pink"), "thickness": "8 mm", "dimensions": "183 x 61 cm", "weight": "1.2 kg",
        "material": "TPE"},
       ["yoga", "yoga mat", "exercise mat", "瑜伽垫", "防滑"], "zh_yogamat")
    add(C, "yoga accessories", "Flexora", "Flexora Cork Yoga Block Set with Strap", 29.99,
        "Two dense cork blocks and a 2.4 m cotton strap with a metal D-ring, for support in stretches and deeper binds.",
        {**col("beige"), "includes": ["2 cork blocks", "2.4 m strap"], "material": "cork, cotton",
         "dimensions": "23 x 15 x 10 cm (each block)"},
        ["yoga", "yoga block", "yoga strap", "accessories"], "fitness",
        extras=[(5, "Blocks are dense and don't slide on the mat."), (4, "Strap is long enough for proper binds.")])

    def weight(brand, sub, title, price, desc, attrs, tags, **kw):
        add(C, sub, brand, title, price, desc, attrs, ["strength training", "home gym"] + tags, "weights",
            warranty=W, **kw)

    weight("Ironbell", "dumbbells", "Ironbell Select 52 Adjustable Dumbbells (Pair)", 429.00,
           "Turn a dial to go from 5 to 52.5 lb in 2.5 lb steps. Replaces 15 pairs of dumbbells in the floor space of one.",
           {**col("black"), "weight_range": "5-52.5 lb (2.3-23.8 kg) each", "increments": "2.5 lb", "pair": True,
            "dimensions": "43 x 21 x 23 cm (each)"},
           ["dumbbells", "adjustable dumbbells", "space saving"], bias=0.2,
        extras=[(5, "Changing weight takes two seconds. Replaced a whole rack of dumbbells."), (2, "Selector dial jammed after a few weeks.")])
    weight("Ironbell", "dumbbells", "Ironbell Spin-Lock Adjustable 25 lb Dumbbell Set (Pair)", 149.99,
           "Two chrome handles with spin-lock collars and cast-iron plates, adjustable from 5 to 25 lb each. Comes in a carry case.",
           {**col("silver", "black"), "weight_range": "5-25 lb each", "pair": True, "material": "cast iron, chrome"},
           ["dumbbells", "adjustable dumbbells"],
        extras=[(4, "Collars hold tight, nothing loosens mid-set."), (3, "Changing plates is slow between exercises.")])
    weight("Kettlecore", "dumbbells", "Kettlecore Neoprene Dumbbells, 3 lb (Pair)", 19.99,
           "Soft-touch neoprene coating and a hexagonal shape that won't roll away. Good for toning, rehab and dance cardio.",
           {**col("pink", "purple", "blue"), "weight": "3 lb (1.4 kg) each", "pair": True,
            "weights_available": ["1 lb", "2 lb", "3 lb", "5 lb", "8 lb", "10 lb"], "material": "neoprene over cast iron"},
           ["dumbbells", "light weights", "toning"],
        extras=[(5, "Soft grip and they don't roll away on the floor.")])
    weight("Ironbell", "dumbbells", "Ironbell Rubber Hex Dumbbells, 20 lb (Pair)", 69.99,
           "Rubber-encased hex heads protect floors and keep the dumbbells from rolling. Ergonomic chrome handle with medium knurling.",
           {**col("black"), "weight": "20 lb (9.1 kg) each", "pair": True,
            "weights_available": ["10 lb", "15 lb", "20 lb", "25 lb", "30 lb", "40 lb", "50 lb"],
            "material": "rubber-coated cast iron"},
           ["dumbbells", "hex dumbbells"],
        extras=[(5, "Rubber protects my floor and doesn't smell."), (2, "Weight is off, my 20 lb reads 18.6 on the scale.")])
    weight("Kettlecore", "kettlebells", "Kettlecore Cast Iron Kettlebell, 16 kg", 59.99,
           "Single-piece cast-iron kettlebell with a wide, smooth handle for two-handed swings. Powder-coated for a better grip.",
           {**col("black"), "weight": "16 kg (35 lb)", "weights_available": ["8 kg", "12 kg", "16 kg", "20 kg", "24 kg"],
            "material": "cast iron"},
           ["kettlebell", "swings"],
        extras=[(5, "Handle is smooth and wide enough for two-handed swings.")])
    weight("Ironbell", "benches", "Ironbell Adjustable Weight Bench", 159.00,
           "Seven back positions from decline to upright, a 300 kg load rating and wheels so you can stash it under the bed.",
           {**col("black"), "max_load": "300 kg", "positions": 7, "dimensions": "128 x 58 x 48 cm",
            "weight": "18 kg"},
           ["weight bench", "incline bench"],
        extras=[(5, "Sturdy at every angle, no wobble on incline press."), (3, "Seat pad is a little narrow.")])

    def bike(brand, title, price, desc, attrs, tags, **kw):
        add(C, "bike accessories", brand, title, price, desc, attrs, ["cycling", "bike accessories", "bike"] + tags,
            "bike", warranty=W, **kw)

    bike("Cadenza Cycles", "Cadenza Cycles Metro Commuter Helmet with Rear Light", 59.99,
         "Urban helmet with a rotational-impact liner, a magnetic buckle and a built-in USB-rechargeable rear light.",
         {**col("black", "white", "navy", "green"), "sizes_available": ["S", "M", "L"], "weight": "390 g",
          "battery_life": "8 h (light)"},
         ["helmet", "commuting", "safety"],
        extras=[(5, "Rear light is bright and the magnetic buckle is so easy."), (3, "Runs a bit small, I needed the large.")])
    bike("Cadenza Cycles", "Cadenza Cycles Kids' Bike Helmet (Ages 5-8)", 29.99,
         "Lightweight kids' helmet with a dial-fit adjuster, a pinch-free buckle and fun printed designs.",
         {**col("blue", "pink", "green"), "sizes_available": ["XS (48-52 cm)", "S (52-56 cm)"], "weight": "260 g",
          "age_range": "5-8 years"},
         ["helmet", "kids", "safety", "gift"],
        extras=[(5, "Comfortable, adjustable and my kid actually wants to wear it."), (4, "Dial fit makes it easy to get just right.")])
    bike("Velora", "Velora Beam 800 Front and Rear Bike Light Set", 39.99,
         "800-lumen front and 60-lumen rear USB-C rechargeable lights with five modes each. Tool-free rubber strap mounts.",
         {**col("black"), "brightness": "800 lumens (front), 60 lumens (rear)", "battery_life": "2.5 h (high), 20 h (flash)",
          "waterproof": True, "ip_rating": "IPX6", "charging": "USB-C"},
         ["bike lights", "commuting", "safety", "rechargeable"],
        extras=[(5, "Bright enough for unlit country lanes, and the battery lasts my week of commuting."), (2, "Rear light stopped charging after two months.")])
    bike("Cadenza Cycles", "Cadenza Cycles Heavy-Duty U-Lock with 1.2 m Cable", 49.99,
         "16 mm hardened steel shackle with a double-bolt mechanism, a looped cable for the front wheel and a frame bracket. Three keys included.",
         {**col("black", "yellow"), "weight": "1.5 kg", "shackle": "16 mm hardened steel", "includes": ["1.2 m cable", "frame mount", "3 keys"]},
         ["bike lock", "security", "u-lock"],
        extras=[(5, "Feels seriously secure, and the frame bracket holds it tight."), (3, "Heavy, but that's the price of security.")])
    bike("Cadenza Cycles", "Cadenza Cycles Floor Pump with Gauge", 44.99,
         "Steel-barrel track pump with a large top-mounted gauge and a dual head for both valve types. Up to 160 psi.",
         {**col("black", "red"), "max_pressure": "160 psi (11 bar)", "valves": ["presta", "schrader"], "weight": "1.8 kg"},
         ["bike pump", "maintenance"],
        extras=[(5, "Pumped my road tyres to 100 psi easily, gauge is accurate.")])
    bike("Velora", "Velora Trailnav GPS Bike Computer", 149.00,
         "2.4-inch colour GPS computer with turn-by-turn navigation, climb profiles and support for heart-rate and power sensors. 20-hour battery.",
         {**col("black"), "screen_size": "2.4 in", "battery_life": "20 h", "waterproof": True, "ip_rating": "IPX7",
          "connectivity": ["gps", "bluetooth"]},
         ["bike computer", "gps", "navigation", "training"],
        extras=[(5, "Turn-by-turn navigation is reliable and the screen is readable in sun."), (3, "Menus are confusing at first.")])
    bike("Velora", "Velora Quick-Lock Bike Phone Mount", 24.99,
         "Twist-to-lock handlebar phone mount with a silicone grip for phones up to 6.8 inches. Fits bars 22-32 mm.",
         {**col("black"), "compatible_with": ["phones 4.7-6.8 in"], "bar_diameter": "22-32 mm"},
         ["phone mount", "navigation"],
        extras=[(5, "Phone doesn't budge even on gravel."), (3, "Twist lock is stiff at first.")])
    bike("Cadenza Cycles", "Cadenza Cycles Gel Comfort Saddle", 39.99,
         "Wide gel saddle with a pressure-relief channel and elastomer springs, for leisure riders and commuters.",
         {**col("black"), "dimensions": "26 x 20 cm", "weight": "560 g", "gender": "unisex"},
         ["saddle", "comfort", "commuting"],
        extras=[(5, "No more numbness on my 10 km commute."), (3, "Comfy, but too wide for longer rides.")])
    bike("Cadenza Cycles", "Cadenza Cycles 16-in-1 Bike Multi-Tool", 19.99,
         "Hex keys, a T25 star key, screwdrivers, a chain breaker and spoke wrenches in a 150 g aluminium body.",
         {**col("silver", "black"), "weight": "150 g", "functions": 16},
         ["multi-tool", "repair", "maintenance", "stocking stuffer"],
        extras=[(5, "Saved my ride when my seat post slipped.")])

    def fit(brand, sub, title, price, desc, attrs, tags, **kw):
        add(C, sub, brand, title, price, desc, attrs, ["fitness", "workout"] + tags, "fitness",
            warranty=kw.pop("warranty", (0.5, ["1 year"])), **kw)

    fit("Flexora", "resistance bands", "Flexora Resistance Band Set (5 Bands)", 24.99,
        "Five latex loop bands from extra light to extra heavy (5-40 lb), with a door anchor, handles and a mesh bag.",
        {"colors_included": ["yellow", "green", "red", "blue", "black"], "resistance_levels": "5-40 lb", "material": "natural latex",
         "pieces": 5},
        ["resistance bands", "home workout", "physio"],
        extras=[(5, "Great for warm-ups and physio exercises, very versatile."), (1, "A band snapped during a squat. Scary.")])
    fit("Flexora", "recovery", "Flexora High-Density Foam Roller, 45 cm", 29.99,
        "Firm EPP foam roller with a textured surface for deep muscle release. Holds its shape under body weight.",
        {**col("black", "blue"), "dimensions": "45 x 15 cm", "material": "EPP foam", "firmness": "firm"},
        ["foam roller", "recovery", "massage"],
        extras=[(5, "Loosened up my tight calves after long runs."), (3, "Very firm, a bit painful at first.")])
    fit("Kettlecore", "cardio", "Kettlecore Speed Jump Rope", 14.99,
        "Coated steel cable on ball-bearing handles for fast, smooth double-unders. Length adjustable up to 3 m.",
        {**col("black", "red"), "length": "adjustable, up to 3 m", "weight": "180 g"},
        ["jump rope", "skipping rope", "cardio", "crossfit"],
        extras=[(5, "Spins fast and smooth, finally nailing double-unders."), (3, "Cable kinks a little if you store it coiled.")])
    fit("Velora", "fitness trackers", "Velora Pulse Fitness Tracker Band", 69.99,
        "Slim tracker with heart rate, sleep stages, step counting and 20 workout modes. Water-resistant to 50 m, with about 10 days of battery.",
        {**col("black", "pink", "navy"), "battery_life": "10 days", "waterproof": True, "water_resistance": "5 ATM",
         "connectivity": ["bluetooth"]},
        ["fitness tracker", "heart rate", "sleep tracking", "gift"], warranty=W,
        extras=[(5, "Tracks my steps and sleep accurately, battery lasts over a week."), (2, "Heart-rate readings are all over the place during intervals.")])
    zh(C, "cardio", "知行", "知行 智能计数跳绳 可拆无绳款", 89.00,
       "手柄内置计数器，自动记录次数、时长和消耗热量，连接手机可查看历史数据。附带无绳小球，在室内也能练习，适合学生备考体测。",
       {**col("blue", "pink", "black"), "battery_life": "约30天", "connectivity": ["bluetooth"], "weight": "220 g"},
       ["jump rope", "skipping rope", "fitness", "跳绳", "计数"], "zh_jumprope", warranty=W)


# ===========================================================================
# BOOKS
# ===========================================================================

REVIEWS["book_fiction"] = {
    "pos": [
        "Couldn't put it down. Finished it in two nights.",
        "Beautifully written, some sentences I read three times.",
        "The twist in the last third genuinely surprised me.",
        "Characters felt like real people. I miss them already.",
        "Perfect holiday read.",
    ],
    "mix": [
        "Strong start, but the middle drags.",
        "Enjoyed it, though the ending felt rushed.",
        "Good story, too many characters to keep track of.",
    ],
    "neg": [
        "Gave up halfway. Nothing happens.",
        "Predictable from the first chapter.",
        "The hype didn't match the book for me.",
    ],
}
REVIEWS["book_nonfiction"] = {
    "pos": [
        "Clear, practical and well researched. I've already recommended it to friends.",
        "Well organised, easy to dip in and out of.",
        "Explains complicated ideas without dumbing them down.",
        "Changed how I think about the topic. Highly recommend.",
    ],
    "mix": [
        "Useful, but a lot of it is common sense padded out.",
        "Good information, the layout makes it hard to find things quickly.",
        "Some great chapters, some forgettable ones.",
    ],
    "neg": [
        "Several errors that a basic fact-check would have caught.",
        "Far too basic for anyone with some experience.",
    ],
}
REVIEWS["book_kids"] = {
    "pos": [
        "Our kids ask for this one every single night.",
        "Gorgeous illustrations, there's something new to spot on every page.",
        "Sturdy binding, it has been read to pieces and still holds together.",
        "Funny for the grown-ups reading it too.",
        "Lovely gift, beautifully produced.",
    ],
    "mix": [
        "Lovely pictures, the story is a bit thin.",
        "Nice book, text is small for early readers.",
        "Cute, but shorter than I expected for the price.",
    ],
    "neg": [
        "Spine split within a week.",
        "A bit scary for my four-year-old despite the age range.",
    ],
}

def books():
    C = "books"

    def book(publisher, title, author, price, desc, fmt, pages, genre, year, rv, tags,
             age=None, lang_name="English", **kw):
        attrs = {"author": author, "format": fmt, "pages": pages, "genre": genre,
                 "language": lang_name, "publication_year": year}
        if age:
            attrs["age_range"] = age
        sub = "children's books" if rv == "book_kids" else ("fiction" if rv == "book_fiction" else "non-fiction")
        if rv.startswith("zh_"):
            sub = kw.pop("sub")
            zh(C, sub, publisher, title, price, desc, attrs, ["book"] + tags, rv, **kw)
        else:
            add(C, sub, publisher, title, price, desc, attrs, ["book"] + tags, rv, **kw)

    F, N, K = "book_fiction", "book_nonfiction", "book_kids"
    book("Harbor Lane Press", "The Salt Road: A Novel", "Miriam Okafor", 27.00,
         "A grieving mapmaker retraces her late father's final journey along a desert trade route and uncovers the family he never mentioned. "
         "A quiet, luminous novel about inheritance and distance.",
         "hardcover", 368, "literary fiction", 2023, F, ["fiction", "novel", "literary fiction", "book club"], bias=0.2)
    book("Harbor Lane Press", "Under the Orchard Light", "Hannah Cole", 18.99,
         "Two sisters keep their family's apple orchard running through the winter of 1943 while one hides a secret that could cost them the farm.",
         "paperback", 412, "historical fiction", 2022, F, ["fiction", "historical fiction", "novel"])
    book("Marrow & Ink", "The Ninth Tenant", "R. J. Mallory", 16.99,
         "When a quiet lodger vanishes from a Brighton boarding house, the landlady's granddaughter finds eight names scratched into the attic floor. "
         "A tightly plotted mystery with a last-chapter sting.",
         "paperback", 336, "mystery", 2024, F, ["fiction", "mystery", "thriller", "crime"])
    book("Marrow & Ink", "Cold Harbour", "Stellan Voss", 17.99,
         "A detective on medical leave is pulled into the case of a fishing boat found drifting off a Norwegian island with its engine still running and no crew.",
         "paperback", 448, "crime thriller", 2021, F, ["fiction", "crime", "thriller", "nordic noir"])
    book("Northlight Publishing", "Starfall Protocol", "Dev Anand Rao", 28.99,
         "Humanity's first generation ship wakes its crew 200 years early, and the ship's AI won't say why. Hard science fiction with a heart.",
         "hardcover", 512, "science fiction", 2024, F, ["fiction", "science fiction", "sci-fi", "space"], bias=0.2)
    book("Northlight Publishing", "The Glass Orchard (The Verdant Crown, Book 1)", "Elena Marsh", 19.99,
         "A thief who can hear the memories of objects is hired to steal a queen's crown, and discovers it remembers a murder. First in a fantasy trilogy.",
         "paperback", 480, "fantasy", 2023, F, ["fiction", "fantasy", "series"])
    book("Quillfeather Books", "Second Chances at Larkspur Bay", "Jess Amberly", 14.99,
         "A burned-out chef inherits her grandmother's seaside café, and the grumpy fisherman who supplies it. Warm, funny and low on angst.",
         "paperback", 320, "romance", 2024, F, ["fiction", "romance", "beach read", "feel good"])
    book("Quillfeather Books", "Tidewater: Stories", "Jonah Pell", 16.00,
         "Eleven short stories set in the small towns of a river delta, about floods, families and the things people leave behind.",
         "paperback", 240, "short stories", 2022, F, ["fiction", "short stories", "literary fiction"])
    book("Little Acorn Books", "The Clockmaker's Apprentice", "Fiona Blake", 19.99,
         "Thirteen-year-old Ada discovers that the clocks in her master's shop can pause time, for exactly eleven seconds. "
         "An adventurous young-adult fantasy.",
         "hardcover", 352, "young adult fantasy", 2023, F, ["young adult", "ya", "fantasy", "teen", "gift"], age="12+ years")

    book("Fieldnote Guides", "Trails of the Northern Ranges: 60 Day Hikes", "Tom Hardwick", 24.95,
         "Sixty day hikes from easy lakeside loops to full-day summit routes, each with a map, elevation profile, parking details and dog-friendliness notes.",
         "paperback", 288, "travel & outdoors", 2024, N, ["hiking", "guidebook", "outdoors", "travel"],
         extras=[(5, "Maps and route notes are accurate. We've done 14 of the 60 so far."),
                 (3, "Good routes, but a couple of the parking details are out of date.")])
    book("Harbor Lane Press", "The Weeknight Table: 120 Dinners in 30 Minutes", "Priya Natarajan", 32.00,
         "120 flexible recipes built around pantry staples, with vegetarian swaps for almost every dish and a photo for each one.",
         "hardcover", 304, "cookbook", 2023, N, ["cookbook", "cooking", "recipes", "gift", "vegetarian"], bias=0.2,
         extras=[(5, "Every recipe I've tried has worked first time, and most really are done in 30 minutes."),
                 (3, "Tasty recipes, but 30 minutes assumes you chop very fast.")])
    book("Harbor Lane Press", "Bread, Simply: Sourdough and Beyond", "Luca Ferri", 29.99,
         "A patient, step-by-step guide to sourdough, focaccia and everyday loaves, with troubleshooting photos for every common mistake.",
         "hardcover", 256, "cookbook", 2022, N, ["cookbook", "baking", "sourdough", "bread"],
         extras=[(5, "My first sourdough loaf that actually rose. The troubleshooting photos are gold.")])
    book("Northlight Publishing", "Money Without Drama", "Carla Jensen", 17.99,
         "A plain-English guide to budgeting, paying off debt and starting to invest, written for people who find personal finance books boring.",
         "paperback", 256, "personal finance", 2023, N, ["personal finance", "money", "self-help"])
    book("Quillfeather Books", "Small Habits, Quiet Minds", "Owen Reyes", 16.99,
         "Short, practical chapters on building calmer routines: sleep, phone use, walking and the art of doing one thing at a time.",
         "paperback", 224, "self-help", 2024, N, ["self-help", "wellbeing", "habits", "mindfulness"])
    book("Northlight Publishing", "The Deep Blue Archive: A History of Ocean Exploration", "Dr. Amara Lewis", 30.00,
         "From Polynesian navigators to deep-sea submersibles, a richly illustrated history of how we mapped the ocean, and how much is still unknown.",
         "hardcover", 432, "history", 2022, N, ["history", "science", "ocean", "gift"])
    book("Northlight Publishing", "How Stars Die, and Why It Matters", "Prof. Kenji Ito", 18.99,
         "An astrophysicist explains supernovae, neutron stars and black holes, and why the iron in your blood came from an exploding star.",
         "paperback", 272, "popular science", 2021, N, ["science", "astronomy", "space", "popular science"])
    book("Fieldnote Guides", "Code Your First Game: A Beginner's Guide to Programming", "Sam Ortega", 34.99,
         "Learn programming fundamentals by building five small games, from a number guesser to a simple platformer. No experience needed.",
         "paperback", 368, "computing", 2024, N, ["programming", "coding", "computers", "beginner", "teen"])
    book("Fieldnote Guides", "The Houseplant Survival Manual", "Ruth Adeyemi", 21.99,
         "Profiles of 80 common houseplants with honest advice on light, watering and what that yellow leaf actually means.",
         "paperback", 208, "home & garden", 2023, N, ["gardening", "houseplants", "home", "gift"])
    book("Fieldnote Guides", "Running Your First Marathon: A 20-Week Plan", "Grace Whitfield", 19.99,
         "A realistic week-by-week plan for first-time marathoners, with advice on pacing, fuelling and fitting training around a full-time job.",
         "paperback", 240, "sports & fitness", 2022, N, ["running", "marathon", "fitness", "training"])

    book("Little Acorn Books", "Pip the Puffin Finds a Home", "Nora Lindqvist", 12.99,
         "A small puffin searches the whole coastline for the perfect burrow, and finds friendship along the way. Gentle rhyming text.",
         "hardcover", 32, "picture book", 2023, K, ["picture book", "kids", "bedtime story", "gift"], age="3-6 years")
    book("Little Acorn Books", "Goodnight, Little Fox", "Sara Whitcombe", 8.99,
         "A soothing bedtime board book with lift-the-flap woodland animals tucking in for the night.",
         "board book", 14, "board book", 2021, K, ["board book", "baby", "toddler", "bedtime story", "gift"], age="0-3 years",
         extras=[(5, "Thick pages that survived our toddler chewing on them.")])
    book("Little Acorn Books", "Mia and the Moon Machine", "Tariq Bell", 14.99,
         "Mia builds a rocket out of cardboard boxes and sets off to return the moon's lost button. A celebration of imagination and tinkering.",
         "hardcover", 40, "picture book", 2024, K, ["picture book", "kids", "science", "gift"], age="4-8 years", bias=0.2)
    book("Quillfeather Books", "The Dinosaur Who Loved Pancakes", "Ben Alder", 11.99,
         "Rex the T. rex loves pancakes, but his tiny arms can't reach the stove. A laugh-out-loud read-aloud.",
         "paperback", 32, "picture book", 2022, K, ["picture book", "kids", "dinosaurs", "funny", "gift"], age="3-6 years")
    book("Quillfeather Books", "Captain Comet and the Space Pirates", "Leah Moreno", 7.99,
         "An early chapter book with big type, short chapters and a picture on every spread, perfect for newly independent readers.",
         "paperback", 96, "early reader", 2023, K, ["early reader", "chapter book", "kids", "space"], age="6-9 years",
        extras=[(5, "My reluctant reader finished it on his own and asked for the next one.")])
    book("Little Acorn Books", "My First Big Book of Animals", "Little Acorn Editors", 16.99,
         "Over 200 animals photographed in their habitats, with simple facts, size comparisons and a 'find it' game on every page.",
         "hardcover", 128, "children's non-fiction", 2022, K, ["animals", "kids", "non-fiction", "gift", "educational"], age="4-7 years")
    book("Little Acorn Books", "The Secret of Hollow Creek", "Fiona Blake", 9.99,
         "Three friends spend a summer mapping the woods behind their town and stumble onto a decades-old mystery.",
         "paperback", 256, "middle grade", 2021, K, ["middle grade", "mystery", "kids", "adventure"], age="8-12 years",
        extras=[(5, "My 9-year-old read it in a weekend and asked for more by the same author.")])
    book("Quillfeather Books", "Draw 100 Things in 5 Easy Steps", "Kofi Mensah", 10.99,
         "Step-by-step drawing activity book: animals, vehicles, robots and more, each broken down into five simple stages.",
         "paperback", 112, "activity book", 2023, K, ["activity book", "drawing", "kids", "art", "gift"], age="5-10 years",
        extras=[(5, "My 6-year-old's drawings have come on so much."), (4, "Clear steps, though some animals are harder than five steps suggests.")])

    book("拾光文艺出版社", "雾中的灯塔（长篇小说）", "林夕远", 59.80,
         "海边小镇的守塔人在一场大雾后收到一封迟到三十年的信，由此揭开两代人之间的秘密。文字安静克制，读来余味悠长。",
         "paperback", 356, "literary fiction", 2023, "zh_novel", ["fiction", "novel", "chinese", "小说"],
         lang_name="Chinese (Simplified)", sub="fiction")
    book("拾光文艺出版社", "一碗人间烟火：家常菜100道", "陈小满", 68.00,
         "精选100道家常菜，每道菜都配有步骤图和火候提示，从红烧肉到清炒时蔬，新手照着做也不会失手。",
         "paperback", 232, "cookbook", 2022, "zh_cookbook", ["cookbook", "chinese cooking", "recipes", "菜谱", "家常菜"],
         lang_name="Chinese (Simplified)", sub="non-fiction")
    book("小橡树童书", "给孩子的星空图画书", "周晴", 45.00,
         "用温柔的画面和浅显的文字带孩子认识月亮、行星和四季星座，书末附有夜光星图，适合亲子共读。",
         "hardcover", 48, "children's non-fiction", 2024, "zh_kidsbook", ["kids", "picture book", "space", "绘本", "儿童"],
         age="4-8 years", lang_name="Chinese (Simplified)", sub="children's books")


# ===========================================================================
# TOYS & GAMES
# ===========================================================================

REVIEWS["toy_build"] = {
    "pos": [
        "Kept my daughter busy for an entire rainy weekend.",
        "Pieces click together firmly and the instructions are easy to follow.",
        "Bought for my nephew's birthday and he built it the same afternoon, then rebuilt it into something else.",
        "Great quality, and everything came neatly packed.",
        "Plays with them every day. Best toy purchase this year.",
    ],
    "mix": [
        "Fun, but a couple of pieces were missing. Customer service sent them quickly.",
        "Nice set, smaller than it looks on the box.",
        "Good toy, the storage tub is flimsy.",
    ],
    "neg": [
        "Pieces don't hold together well, things keep collapsing.",
        "Way too complicated for the age on the box.",
    ],
}
REVIEWS["board_game"] = {
    "pos": [
        "Our new family game night favourite. Easy to learn, lots of replay value.",
        "Gorgeous components and the rules fit on two pages.",
        "Quick to set up and easy to teach.",
        "Gets played every weekend in our house.",
        "Great quality pieces and a sturdy box.",
    ],
    "mix": [
        "Fun, though the first game took a while to get going.",
        "Good game, the box insert is useless.",
        "Enjoyable, but it runs longer than the box says.",
    ],
    "neg": [
        "Rules are confusing and the examples don't help.",
        "Got repetitive after three plays.",
    ],
}
REVIEWS["puzzle"] = {
    "pos": [
        "Pieces are thick and fit snugly, no dust in the box.",
        "Lovely image with enough variety that it's never boring.",
        "Perfect for a few cosy evenings. Already ordered another.",
        "Finished it over a weekend, very satisfying.",
    ],
    "mix": [
        "Good puzzle, a lot of similar-looking sky pieces.",
        "Nice, but one piece was missing.",
    ],
    "neg": [
        "Pieces are thin and the image peels at the edges.",
        "Several pieces fit in places they shouldn't.",
    ],
}
REVIEWS["toy_general"] = {
    "pos": [
        "Our five-year-old was thrilled and has played with it every day since.",
        "Well made and feels like it'll survive siblings.",
        "Lovely present, the kids' faces lit up.",
        "Great value, hours of entertainment.",
    ],
    "mix": [
        "Cute, but smaller than expected.",
        "Good, though the packaging was a nightmare to open.",
        "Kids like it, a few parts feel cheap.",
    ],
    "neg": [
        "Broke within the first week.",
        "Disappointing quality for the price.",
    ],
}
REVIEWS["toy_stem"] = {
    "pos": [
        "Educational without feeling like homework. My son loved it.",
        "Kept him absorbed all afternoon, and he explained it all to us at dinner.",
        "Great quality, worth the price.",
    ],
    "mix": [
        "Good, but it needs plenty of adult help at first.",
        "Fun, though it doesn't hold attention for long.",
    ],
    "neg": [
        "Didn't work as described, very disappointing.",
        "Too fiddly, ended in tears and frustration.",
    ],
}
REVIEWS["rc"] = {
    "pos": [
        "Fast, tough and loads of fun in the garden.",
        "Easy to control, even for beginners.",
        "Batteries charge quickly and there's a spare in the box.",
    ],
    "mix": [
        "Fun, but each battery only lasts about 20 minutes.",
        "Good, but the range is shorter than advertised.",
    ],
    "neg": [
        "Stopped working after a week.",
        "Broke on the first crash.",
    ],
}

def toys():
    C = "toys & games"

    def toy(brand, sub, title, price, desc, min_age, age, attrs, tags, rv, **kw):
        a = {"age_range": age, "min_age": min_age}
        a.update(attrs)
        t = ["toys"] + (["kids"] if min_age < 12 else []) + tags
        if min_age <= 5 and "gift" not in t:
            t.append("gift")
        add(C, sub, brand, title, price, desc, a, t, rv, warranty=kw.pop("warranty", WT), **kw)

    WT = (0.5, ["90 days", "1 year"])
    WE = (0.7, ["90 days", "1 year"])

    toy("Brickwise", "building sets", "Brickwise Harbour Town Building Set (412 Pieces)", 39.99,
        "Build a fishing harbour with a lighthouse, a working crane and a boat that really floats. Includes five minifigures.",
        6, "6-12 years", {"pieces": 412, "dimensions": "38 x 26 x 7 cm (box)"},
        ["building blocks", "construction", "gift", "creative"], "toy_build", warranty=WT,
        extras=[(5, "Compatible with the bricks we already had."), (5, "The boat actually floats, which was a huge hit in the bath.")])
    toy("Brickwise", "building sets", "Brickwise Expert Series Space Shuttle (1,208 Pieces)", 119.99,
        "A detailed 1:60 display model with opening cargo bay doors, a deployable satellite and a stand. For older kids and adults.",
        12, "12+ years", {"pieces": 1208, "dimensions": "52 cm long (built)"},
        ["building blocks", "space", "display model", "adults", "gift"], "toy_build", warranty=WT, bias=0.3,
        extras=[(5, "Took me three evenings, a beautiful display model."), (3, "Some stickers are tricky to line up.")])
    toy("Brickwise", "building sets", "Brickwise Junior Dino Park Big Bricks Set", 29.99,
        "Chunky, easy-grip bricks and three friendly dinosaurs for 3 to 6 year olds. Bricks are twice the normal size, so less of a choking risk.",
        3, "3-6 years", {"pieces": 56, "material": "ABS plastic"},
        ["building blocks", "dinosaurs", "preschool"], "toy_build", warranty=WT,
        extras=[(5, "Big bricks are perfect for little hands.")])
    toy("Wobblebee", "building sets", "Wobblebee Magnetic Building Tiles (60 Pieces)", 49.99,
        "Translucent magnetic tiles in squares and triangles that snap together into houses, towers and rockets. "
        "Endlessly open-ended and a favourite gift for 3 to 8 year olds.",
        3, "3-8 years", {**col("blue", "green", "red", "yellow"), "pieces": 60, "material": "ABS plastic, magnets"},
        ["magnetic tiles", "stem", "building blocks", "creative", "preschool"], "toy_build", warranty=WT, bias=0.3,
        extras=[(5, "Our 5-year-old builds with them every day: towers, rockets, garages."), (4, "Wish we'd bought the bigger set, 60 goes quickly with two kids.")])
    toy("Pip & Pebble", "building sets", "Pip & Pebble Wooden Building Blocks (80 Pieces)", 34.99,
        "Classic beech-wood blocks in 12 shapes, finished with water-based paint, in a wooden storage crate.",
        2, "2-6 years", {"pieces": 80, "material": "beech wood, water-based paint"},
        ["wooden toys", "building blocks", "toddler", "preschool"], "toy_build", warranty=WT,
        extras=[(5, "Smooth finish, no splinters, and the crate is lovely.")])

    toy("Starfield Games", "board games", "Canal Kings: A Game of Trade and Waterways", 44.99,
        "Strategy board game where 2-4 players build canals, trade goods and race to control the busiest ports. "
        "Medium weight, about 60-90 minutes per game.",
        10, "10+ years", {"players": "2-4", "play_time": "60-90 min"},
        ["board game", "strategy", "family game", "game night"], "board_game",
        extras=[(5, "Works brilliantly with two players as well as four."), (3, "First game took two hours while we learned the rules.")])
    toy("Starfield Games", "board games", "Lantern Keepers Cooperative Board Game", 34.99,
        "Work together to keep the village lanterns lit before the long night falls. Everyone wins or loses together, so it's great with mixed ages.",
        8, "8+ years", {"players": "1-4", "play_time": "30-45 min"},
        ["board game", "cooperative", "family game", "game night"], "board_game", bias=0.2,
        extras=[(5, "Perfect for our mixed-age family since nobody loses alone."), (4, "Great solo mode too.")])
    toy("Clever Fox Toys", "board games", "Clever Fox Memory Garden Matching Game", 12.99,
        "A picture-matching memory game with 48 thick illustrated tiles of garden bugs and flowers. Quick games and simple rules that a 4 or 5 year old can follow.",
        4, "4+ years", {"players": "1-6", "play_time": "15 min", "pieces": 48},
        ["memory game", "matching", "preschool", "family game"], "board_game",
        extras=[(5, "Our 4-year-old beats us every time."), (4, "Tiles are thick and survive little hands.")])
    toy("Clever Fox Toys", "board games", "Clever Fox Rainbow Race Counting Game", 16.99,
        "Roll, count and race your wooden snail around the rainbow. Teaches counting to 6 and taking turns.",
        4, "4-7 years", {"players": "2-4", "play_time": "15 min"},
        ["board game", "counting", "educational", "preschool"], "board_game",
        extras=[(5, "Great for practising counting with our 5-year-old.")])
    toy("Starfield Games", "card games", "Hot Takes: The Party Card Game", 19.99,
        "Players defend ridiculous opinions while the judge picks a winner. 400 prompt cards; adults and teens only.",
        14, "14+ years", {"players": "3-10", "play_time": "30 min", "pieces": 400},
        ["card game", "party game", "adults", "game night"], "board_game",
        extras=[(5, "Had the whole party crying with laughter."), (3, "Fun the first few times, some prompts repeat.")])
    toy("Puzzlewood", "board games", "Puzzlewood Folding Walnut Chess Set", 59.99,
        "A 38 cm folding chess board in walnut and maple with weighted, felted pieces that store inside the board.",
        6, "6+ years", {"players": "2", "dimensions": "38 x 38 cm", "material": "walnut, maple"},
        ["chess", "classic games", "wooden", "gift"], "accessory",
        extras=[(5, "Beautiful board, the weighted pieces feel lovely."), (3, "Magnetic closure is weak.")])

    toy("Puzzlewood", "puzzles", "Puzzlewood 1000-Piece Jigsaw Puzzle - Harbour at Dusk", 21.99,
        "A glowing harbour scene of fishing boats and lit windows, printed on thick blue-board with a linen finish.",
        12, "12+ years", {"pieces": 1000, "dimensions": "68 x 49 cm (finished)"},
        ["jigsaw puzzle", "puzzle", "adults"], "puzzle")
    toy("Puzzlewood", "puzzles", "Puzzlewood 48-Piece Ocean Friends Floor Puzzle", 14.99,
        "Extra-large 48-piece floor puzzle with big, sturdy pieces, featuring whales, turtles and octopuses. Just right for a 4 or 5 year old; finished size 90 x 60 cm.",
        3, "3-6 years", {"pieces": 48, "dimensions": "90 x 60 cm (finished)"},
        ["floor puzzle", "puzzle", "preschool", "ocean"], "puzzle",
        extras=[(5, "Big chunky pieces, perfect for little hands.")])
    toy("Puzzlewood", "puzzles", "Puzzlewood 500-Piece Jigsaw Puzzle - Vintage Seed Packets", 17.99,
        "A colourful collage of vintage vegetable seed packets. A relaxing 500-piecer for an evening or two.",
        10, "10+ years", {"pieces": 500, "dimensions": "49 x 36 cm (finished)"},
        ["jigsaw puzzle", "puzzle", "adults"], "puzzle")

    toy("Tumbletoy", "plush toys", "Tumbletoy Bramble the Bear Plush, 30 cm", 24.99,
        "A super-soft, huggable teddy with embroidered eyes (no buttons), safe from birth and machine washable.",
        0, "0+ years", {**col("brown", "beige"), "dimensions": "30 cm tall", "material": "recycled polyester plush"},
        ["plush", "teddy bear", "soft toy", "baby", "gift"], "toy_general",
        extras=[(5, "Soft, safe, and it's been through the washing machine twice already.")])
    toy("Tumbletoy", "plush toys", "Tumbletoy Giant Triceratops Plush, 60 cm", 34.99,
        "A big, cuddly triceratops that doubles as a pillow, for dinosaur-obsessed kids.",
        3, "3+ years", {**col("green", "blue"), "dimensions": "60 cm long", "material": "polyester plush"},
        ["plush", "dinosaurs", "soft toy"], "toy_general",
        extras=[(5, "Enormous and squishy. My son sleeps with it every night."), (3, "Cute, but it sheds fluff for the first few days.")])

    toy("Tumbletoy", "remote control", "Tumbletoy Rock Crawler 1:18 Remote Control Car", 44.99,
        "Four-wheel-drive RC crawler with chunky tyres and a spring suspension that climbs over toys, rugs and garden rockeries. Two rechargeable batteries give about 50 minutes of play.",
        6, "6+ years", {**col("red", "blue"), "battery_life": "25 min per battery", "scale": "1:18",
                        "range": "50 m"},
        ["rc car", "remote control", "outdoor", "gift"], "rc", warranty=WE,
        extras=[(5, "Fast, tough, and it has survived crashing into every wall in the house.")])
    toy("Tumbletoy", "remote control", "Tumbletoy Skyhopper Beginner Drone with Camera", 69.99,
        "Stable beginner drone with altitude hold, one-key take-off and landing and a 720p camera. Prop guards included.",
        14, "14+ years", {**col("black"), "battery_life": "9 min per battery", "camera": "720p",
                          "includes": ["3 batteries", "prop guards"]},
        ["drone", "remote control", "teen", "gift"], "rc", warranty=WE, fixed_rating=2.9,
        extras=[(4, "Altitude hold makes it very easy to fly indoors."), (3, "Camera footage is pretty basic.")])
    toy("Clever Fox Toys", "stem toys", "Clever Fox Codey the Coding Robot", 59.99,
        "A screen-free robot that kids program by laying out arrow cards, so even a 5 year old who can't read yet can code it. Comes with 30 challenge cards and makes a great birthday gift.",
        5, "5-9 years", {**col("orange", "blue"), "battery_life": "3 h", "connectivity": ["none (screen-free)"],
                         "includes": ["robot", "40 coding cards", "30 challenge cards", "usb-c cable"]},
        ["stem", "coding", "robot", "educational", "gift"], "toy_stem", warranty=WE, bias=0.2,
        extras=[(5, "Bought it for our 5-year-old. Great way to learn coding ideas before she can read properly."),
                (4, "Our five-year-old loves it, though she needed help with the later challenge cards.")])
    toy("Clever Fox Toys", "stem toys", "Clever Fox Crystal Growing Lab", 24.99,
        "Grow seven colourful crystals in under a week, then display them in the light-up case. Includes a 24-page experiment guide.",
        8, "8+ years", {"includes": ["7 crystal kits", "light-up display case", "guide"]},
        ["stem", "science kit", "educational", "gift"], "toy_stem",
        extras=[(5, "Crystals grew beautifully, and the light-up case is a great touch."), (3, "Took longer than a week for some of the crystals.")])
    toy("Clever Fox Toys", "stem toys", "Clever Fox Junior Explorer Microscope Kit", 39.99,
        "A real 100x-1200x microscope with LED lighting, prepared slides, blank slides and a smartphone adapter.",
        8, "8+ years", {"magnification": "100x-1200x", "includes": ["10 prepared slides", "10 blank slides", "phone adapter"]},
        ["stem", "science", "microscope", "educational"], "toy_stem", warranty=WT,
        extras=[(5, "A real microscope, not a toy. We looked at onion cells the first night.")])
    toy("Clever Fox Toys", "stem toys", "Clever Fox Erupting Volcano Science Kit", 19.99,
        "Build and paint a plaster volcano, then make it erupt again and again with baking-soda lava. Best for ages 6 and up with a grown-up helping.",
        6, "6+ years", {"includes": ["volcano mould", "plaster", "paints", "eruption powder"]},
        ["stem", "science kit", "messy play"], "toy_stem",
        extras=[(5, "Erupted again and again, messy but brilliant."), (3, "Plaster took ages to dry before we could paint it.")])

    toy("Pip & Pebble", "arts & crafts", "Pip & Pebble Big Art Case (150 Pieces)", 29.99,
        "Washable markers, crayons, oil pastels, watercolours and paper in a sturdy carry case with a handle. A popular gift for budding artists aged 5 and up.",
        5, "5+ years", {"pieces": 150, "washable": True},
        ["art set", "arts and crafts", "drawing", "creative"], "toy_general",
        extras=[(5, "Everything is washable, which saved our table."), (3, "Markers dried out quickly when the caps weren't put back.")])
    toy("Pip & Pebble", "arts & crafts", "Pip & Pebble Modelling Dough 12-Pack with Tools", 16.99,
        "Twelve tubs of soft, non-toxic modelling dough in bright colours, with cutters, a roller and a press.",
        3, "3+ years", {"pieces": 20, "non_toxic": True},
        ["modelling dough", "arts and crafts", "sensory play", "preschool"], "toy_general",
        extras=[(5, "Soft, doesn't smell, and the tools are great."), (3, "Colours mix together fast, as always.")])
    toy("Pip & Pebble", "pretend play", "Pip & Pebble Wooden Play Kitchen", 129.00,
        "A compact wooden kitchen with a clicking oven dial, a sink, a microwave door and a phone, 85 cm tall. Assembly takes about an hour.",
        3, "3-8 years", {**col("white", "pink"), "dimensions": "60 x 30 x 85 cm", "material": "MDF and pine",
                         "assembly_required": True},
        ["play kitchen", "pretend play", "wooden toys"], "toy_general",
        extras=[(4, "Assembly took me over an hour, but it's lovely and sturdy."), (5, "Played with every single day, the clicking dials are a hit.")])
    toy("Pip & Pebble", "pretend play", "Pip & Pebble Little Doctor Kit", 24.99,
        "A fabric doctor's bag with a working stethoscope, thermometer, bandages and more: 15 pieces for role play, for 3 to 7 year olds.",
        3, "3-7 years", {"pieces": 15},
        ["pretend play", "role play", "doctor"], "toy_general",
        extras=[(5, "Stethoscope actually works, which blew our son's mind.")])

    toy("Wobblebee", "ride-ons", "Wobblebee 12\" Balance Bike", 79.99,
        "Lightweight 3.2 kg balance bike with puncture-proof tyres and an adjustable seat, so toddlers learn balance before pedals.",
        2, "2-5 years", {**col("red", "blue", "green"), "weight": "3.2 kg", "wheel_size": "12 in",
                         "seat_height": "30-40 cm"},
        ["balance bike", "outdoor", "toddler"], "toy_general", warranty=WE,
        extras=[(5, "Our 3-year-old was gliding within a week, then moved to pedals without stabilisers.")])
    toy("Wobblebee", "ride-ons", "Wobblebee Glide 3-Wheel Kick Scooter with Light-Up Wheels", 49.99,
        "Lean-to-steer scooter for kids aged 3 to 8, with light-up wheels that need no batteries, an adjustable handlebar and a rear brake.",
        3, "3-8 years", {**col("pink", "blue", "purple"), "max_load": "50 kg", "handlebar_height": "60-80 cm"},
        ["scooter", "outdoor", "ride-on"], "toy_general", warranty=WE,
        extras=[(5, "Light-up wheels are a big hit at the park."), (3, "Lean-to-steer takes a few tries for younger kids.")])
    toy("Wobblebee", "outdoor toys", "Wobblebee Bubble Machine", 22.99,
        "Pumps out hundreds of bubbles a minute from a 150 ml tank. Runs on batteries or USB power.",
        3, "3+ years", {**col("blue", "yellow"), "capacity": "150 ml", "power": "4 x AA or USB"},
        ["bubbles", "outdoor", "party"], "toy_general",
        extras=[(5, "Instant party. Kids chased bubbles for an hour."), (2, "Leaks bubble mix everywhere if it tips over.")])

    zh(C, "puzzles", "巧木坊", "巧木坊 木质七巧板益智玩具", 49.00,
       "榉木制作的七巧板，配有100张图形卡片，从简单到复杂逐步挑战，锻炼孩子的空间想象力和耐心。边角圆润打磨，水性漆环保无味。",
       {"age_range": "3+ years", "min_age": 3, "pieces": 7, "material": "榉木、水性漆"},
       ["toys", "kids", "puzzle", "tangram", "educational", "gift", "七巧板", "益智玩具"], "zh_tangram")
    zh(C, "building sets", "巧木坊", "巧木坊 儿童磁力片积木 100片", 39.99,
       "100片彩色磁力片，包含正方形、三角形和多种异形片，可以拼出房子、城堡和各种立体造型。磁铁全部封装在片内，边缘圆润不伤手。",
       {"age_range": "3+ years", "min_age": 3, **col("blue", "green", "red", "yellow"), "pieces": 100},
       ["toys", "kids", "magnetic tiles", "building blocks", "stem", "gift", "磁力片", "积木"], "zh_magnetic", currency="USD")


# ===========================================================================
# CLOTHING
# ===========================================================================

REVIEWS["tshirt"] = {
    "pos": [
        "Thick, soft cotton that hasn't shrunk after a dozen washes.",
        "Great fit, long enough in the body and the neckline doesn't stretch out.",
        "Bought it in three colours after the first one.",
        "Washes well and dries quickly on the line.",
        "Colour hasn't faded at all.",
    ],
    "mix": [
        "Nice fabric, a bit see-through in white.",
        "Shrank slightly in the dryer, so air-dry it.",
        "Good tee, the sleeves are shorter than I like.",
    ],
    "neg": [
        "Developed holes near the hem after a month.",
        "Twisted at the side seams after the first wash.",
        "Fabric pilled almost immediately.",
    ],
}
REVIEWS["jeans"] = {
    "pos": [
        "Finally jeans that fit my waist and my thighs at the same time.",
        "Comfortable stretch but they keep their shape all day.",
        "Great dark wash that hasn't faded after two months.",
        "Length is perfect for me, no need for hemming.",
    ],
    "mix": [
        "Good jeans, but the dye came off on my white sofa at first.",
        "Fit is nice, the back pockets are a bit small.",
        "Took a few wears to soften up.",
    ],
    "neg": [
        "Seam split at the crotch after a few weeks.",
        "Stretched out badly by midday, baggy at the knees.",
    ],
}
REVIEWS["dress"] = {
    "pos": [
        "Wore it to a wedding and got so many compliments.",
        "Fabric drapes beautifully and it doesn't cling.",
        "Good quality fabric and it's not see-through.",
        "Doesn't crease in a suitcase, which is a huge plus.",
        "Comfortable enough to dance in all night.",
    ],
    "mix": [
        "Lovely dress, but it needs ironing after every wash.",
        "Beautiful, a little long for me at 5'3\".",
        "Nice dress, though the size chart was confusing.",
    ],
    "neg": [
        "Fabric felt cheap and thin compared to the photos.",
        "Seams puckered after one wash.",
        "Very tight across the chest, had to return.",
    ],
}
REVIEWS["rain_jacket"] = {
    "pos": [
        "Walked to work in a downpour and stayed completely dry.",
        "Packs into its own pocket and lives in my bag.",
        "Hood has a peak and actually stays on in the wind.",
        "Light and not sweaty like my old rain jacket.",
    ],
    "mix": [
        "Keeps the rain out, but it's a bit noisy and crinkly.",
        "Good jacket, the sleeves are long.",
        "Fine for showers, I got damp shoulders in a long storm.",
    ],
    "neg": [
        "Leaked at the seams in the first heavy rain.",
        "Zip broke in the first month.",
    ],
}
REVIEWS["knitwear"] = {
    "pos": [
        "Soft and not itchy at all, even straight against the skin.",
        "Warm without being bulky, looks smart with a collar underneath.",
        "Washed on the wool cycle and it kept its shape.",
        "The most comfortable hoodie I own.",
    ],
    "mix": [
        "Lovely, but it pilled a little under the arms.",
        "Nice knit, the sleeves are very long.",
    ],
    "neg": [
        "Shrunk a full size on a cold wash.",
        "Itchy, couldn't wear it without a layer underneath.",
    ],
}
REVIEWS["socks"] = {
    "pos": [
        "Wore them on a 20 km hike in new boots, zero blisters.",
        "Warm, cushioned and they don't slide down into my boots.",
        "Two days of hiking in the same pair and no smell.",
    ],
    "mix": [
        "Comfy and warm, the heel wore thin after a year.",
        "A bit too thick for my trail runners.",
    ],
    "neg": [
        "Holes in the toe after a few weeks.",
    ],
}
RED_DRESS = ((5, "The colour is stunning in person, a true rich red."),
             (4, "Red is slightly more orange-toned than on my screen, but still lovely."))

JEANS_MEN = ["28x30", "30x30", "30x32", "32x30", "32x32", "34x32", "36x32", "38x32"]
JEANS_WOMEN = ["24", "25", "26", "27", "28", "29", "30", "31", "32"]


def clothing():
    C = "clothing"
    W = (0.55, ["90 days", "1 year"])

    def wear(sub, brand, title, price, desc, attrs, tags, rv, **kw):
        add(C, sub, brand, title, price, desc, attrs, ["clothing"] + tags, rv, warranty=kw.pop("warranty", W),
            extras=tuple(kw.pop("extras", ())) + (RED_DRESS if "red dress" in tags else ()), **kw)

    wear("t-shirts", "Dayfarer", "Dayfarer Organic Cotton Crew Neck T-Shirt - Men's", 24.00,
         "Mid-weight 180 gsm organic cotton tee with a taped neck that keeps its shape. Pre-shrunk.",
         {**col("white", "black", "navy", "grey", "green"), "sizes_available": sizes(APPAREL, keep=()), "gender": "men",
          "material": "100% organic cotton", "fabric_weight": "180 gsm", "fit": "true to size"},
         ["t-shirt", "tee", "organic cotton", "basics"], "tshirt")
    wear("t-shirts", "Dayfarer", "Dayfarer Organic Cotton V-Neck T-Shirt - Women's", 22.00,
         "A soft, slightly relaxed V-neck tee in organic cotton jersey with a curved hem.",
         {**col("white", "black", "pink", "beige", "blue"), "sizes_available": sizes(APPAREL, keep=()), "gender": "women",
          "material": "100% organic cotton", "fabric_weight": "160 gsm", "fit": "relaxed"},
         ["t-shirt", "tee", "v-neck", "organic cotton", "basics"], "tshirt")
    wear("t-shirts", "Coastline Apparel", "Coastline Apparel Salt Air Graphic Tee", 28.00,
         "Garment-dyed cotton tee with a screen-printed vintage surf graphic across the chest.",
         {**col("blue", "white", "orange"), "sizes_available": sizes(APPAREL, keep=()), "gender": "unisex",
          "material": "100% cotton", "fit": "runs small"},
         ["t-shirt", "graphic tee", "surf", "summer"], "tshirt")
    wear("t-shirts", "Nordvik", "Nordvik Merino 150 Travel T-Shirt - Men's", 65.00,
         "Lightweight 150 gsm merino wool tee that regulates temperature and resists odour for days, so you can pack fewer.",
         {**col("grey", "black", "navy", "green"), "sizes_available": sizes(APPAREL[1:], keep=()), "gender": "men",
          "material": "100% merino wool", "fabric_weight": "150 gsm", "fit": "true to size"},
         ["t-shirt", "merino", "travel", "hiking", "base layer"], "tshirt", bias=0.2,
         extras=((5, "Wore it on a week-long trip without washing it. No smell. Wizardry."),))
    wear("t-shirts", "Dayfarer", "Dayfarer Kids' Everyday Tee (3-Pack)", 19.99,
         "Three soft cotton tees in bright solid colours, with tag-free necks for sensitive skin.",
         {"colors_included": ["red", "blue", "yellow"], "sizes_available": KIDS_APPAREL, "gender": "kids",
          "material": "100% cotton", "fit": "true to size"},
         ["t-shirt", "kids", "multipack", "school"], "tshirt")
    wear("t-shirts", "Coastline Apparel", "Coastline Apparel Quick-Dry Performance Tee - Women's", 29.00,
         "Breathable, moisture-wicking tee with flatlock seams and a reflective logo. Built for running and gym sessions.",
         {**col("pink", "black", "purple", "blue"), "sizes_available": sizes(APPAREL, keep=()), "gender": "women",
          "material": "recycled polyester", "fit": "true to size"},
         ["t-shirt", "sportswear", "running", "gym", "quick-dry"], "tshirt")
    wear("t-shirts", "Ashby & Wren", "Ashby & Wren Heavyweight Pocket Tee", 38.00,
         "A boxy 240 gsm heavyweight tee with a chest pocket and dropped shoulders. Substantial, structured and built to last.",
         {**col("beige", "black", "white", "brown"), "sizes_available": sizes(APPAREL[1:], keep=()), "gender": "unisex",
          "material": "100% cotton", "fabric_weight": "240 gsm", "fit": "relaxed"},
         ["t-shirt", "heavyweight", "basics"], "tshirt")

    wear("jeans", "Indigo Mill", "Indigo Mill Slim Fit Stretch Jeans - Men's", 69.00,
         "Slim through the thigh with a tapered leg, in a 12 oz denim with 2% stretch for all-day comfort. Dark indigo rinse.",
         {**col("navy", "black", "grey"), "sizes_available": JEANS_MEN, "gender": "men",
          "material": "98% cotton, 2% elastane", "fit": "runs small", "rise": "mid"},
         ["jeans", "denim", "slim fit"], "jeans")
    wear("jeans", "Indigo Mill", "Indigo Mill Straight Fit Jeans - Men's", 59.00,
         "Classic straight-leg jeans with a regular seat and thigh in a rigid 13 oz denim that breaks in beautifully.",
         {**col("blue", "navy", "black"), "sizes_available": JEANS_MEN, "gender": "men",
          "material": "100% cotton", "fit": "true to size", "rise": "mid"},
         ["jeans", "denim", "straight fit"], "jeans")
    wear("jeans", "Indigo Mill", "Indigo Mill High-Rise Skinny Jeans - Women's", 64.00,
         "High-rise skinny jeans in a sculpting super-stretch denim that holds its shape, with a 28\" inseam.",
         {**col("blue", "black", "white"), "sizes_available": JEANS_WOMEN, "gender": "women",
          "material": "92% cotton, 6% polyester, 2% elastane", "fit": "true to size", "rise": "high", "inseam": "28 in"},
         ["jeans", "denim", "skinny"], "jeans")
    wear("jeans", "Ashby & Wren", "Ashby & Wren Wide-Leg Jeans - Women's", 79.00,
         "Relaxed, high-waisted wide-leg jeans in a soft mid-wash denim, with a full-length 31\" inseam.",
         {**col("blue", "beige"), "sizes_available": JEANS_WOMEN, "gender": "women",
          "material": "100% cotton", "fit": "relaxed", "rise": "high", "inseam": "31 in"},
         ["jeans", "denim", "wide leg"], "jeans")
    wear("jeans", "Indigo Mill", "Indigo Mill 14 oz Raw Selvedge Jeans", 148.00,
         "Unwashed 14 oz selvedge denim woven on vintage shuttle looms, with copper rivets and a chain-stitched hem. Expect about 5% shrink after the first soak.",
         {**col("navy"), "sizes_available": JEANS_MEN, "gender": "men", "material": "100% cotton selvedge denim",
          "fit": "true to size", "rise": "mid"},
         ["jeans", "denim", "selvedge", "raw denim", "premium"], "jeans", bias=0.2)
    wear("jeans", "Indigo Mill", "Indigo Mill Kids' Pull-On Jeans", 29.00,
         "Easy pull-on jeans with an elastic waist, reinforced knees and adjustable inner waistband.",
         {**col("blue", "black"), "sizes_available": KIDS_APPAREL, "gender": "kids", "material": "99% cotton, 1% elastane",
          "fit": "true to size"},
         ["jeans", "denim", "kids", "school"], "jeans")

    wear("dresses", "Ashby & Wren", "Ashby & Wren Faux-Wrap Midi Dress - Red", 89.00,
         "A flattering faux-wrap midi dress in fluid crepe with flutter sleeves and a tie waist. No gaping, thanks to a hidden snap.",
         {**col("red", "navy", "black"), "sizes_available": sizes(APPAREL, keep=()), "gender": "women",
          "material": "100% viscose crepe", "length": "midi", "fit": "true to size"},
         ["dress", "red dress", "wrap dress", "wedding guest", "occasion"], "dress", bias=0.2)
    wear("dresses", "Wrenfield", "Wrenfield Fit-and-Flare Cocktail Dress", 129.00,
         "Structured scuba-crepe cocktail dress with a square neckline, a fitted bodice and a full knee-length skirt.",
         {**col("red", "black", "navy"), "sizes_available": sizes(APPAREL, keep=()), "gender": "women",
          "material": "95% polyester, 5% elastane", "length": "knee", "fit": "runs small"},
         ["dress", "red dress", "cocktail dress", "party", "occasion"], "dress")
    wear("dresses", "Ashby & Wren", "Ashby & Wren Satin Slip Midi Dress", 119.00,
         "Bias-cut satin slip dress with adjustable straps and a cowl neck. Comes in emerald green, deep red and black.",
         {**col("green", "red", "black"), "sizes_available": sizes(APPAREL, keep=()), "gender": "women",
          "material": "100% recycled polyester satin", "length": "midi", "fit": "true to size"},
         ["dress", "slip dress", "satin", "evening", "occasion"], "dress")
    wear("dresses", "Thread & Thistle", "Thread & Thistle Floral Cotton Sundress", 59.00,
         "Breezy cotton poplin sundress with a smocked back, tie straps and side pockets, in a small daisy print.",
         {**col("yellow", "blue", "white"), "sizes_available": sizes(APPAREL, keep=()), "gender": "women",
          "material": "100% cotton poplin", "length": "midi", "fit": "relaxed"},
         ["dress", "sundress", "floral", "summer", "casual"], "dress")
    wear("dresses", "Wrenfield", "Wrenfield Classic Little Black Dress", 99.00,
         "A timeless sheath dress in a stretch ponte knit that skims rather than clings, with a back vent. Machine washable.",
         {**col("black", "navy"), "sizes_available": sizes(APPAREL, keep=()), "gender": "women",
          "material": "ponte knit (polyester, viscose, elastane)", "length": "knee", "fit": "true to size"},
         ["dress", "black dress", "work", "occasion"], "dress")
    wear("dresses", "Thread & Thistle", "Thread & Thistle Ribbed Knit Sweater Dress", 75.00,
         "A cosy rib-knit midi dress with a high neck and long sleeves. Pairs well with boots in autumn and winter.",
         {**col("beige", "grey", "brown"), "sizes_available": sizes(APPAREL, keep=()), "gender": "women",
          "material": "cotton and wool blend", "length": "midi", "fit": "true to size"},
         ["dress", "knit dress", "winter", "casual"], "dress")
    wear("dresses", "Dayfarer", "Dayfarer Girls' Tulle Party Dress", 34.99,
         "A twirly party dress with a soft cotton-lined bodice and layers of tulle. Perfect for birthdays and holidays.",
         {**col("red", "pink", "navy"), "sizes_available": KIDS_APPAREL, "gender": "kids",
          "material": "polyester tulle, cotton lining", "fit": "true to size"},
         ["dress", "red dress", "kids", "party", "girls"], "dress")
    zh(C, "dresses", "素锦", "素锦 22姆米桑蚕丝印花连衣裙 正红色", 1299.00,
       "22姆米重磅桑蚕丝，光泽柔和、垂感好，贴肤清凉透气。正红色底配暗纹印花，V领收腰设计显瘦，适合年会、婚宴和节日穿着。",
       {**col("red", "navy", "black"), "sizes_available": ["S", "M", "L", "XL"], "gender": "women",
        "material": "100%桑蚕丝", "length": "midi", "fit": "true to size"},
       ["clothing", "dress", "silk dress", "red dress", "真丝连衣裙", "连衣裙"], "zh_silk",
       extras=[(5, "颜色比图片还好看，是很正的红色，过年穿很喜庆。")])
    zh(C, "dresses", "素锦", "素锦 改良旗袍式连衣裙 藏青色", 699.00,
       "保留立领和盘扣等传统旗袍元素，放宽了腰身和下摆，日常通勤也能穿。醋酸面料柔滑有光泽，不易起皱。",
       {**col("navy", "green"), "sizes_available": ["S", "M", "L", "XL"], "gender": "women",
        "material": "醋酸纤维", "length": "midi", "fit": "runs small"},
       ["clothing", "dress", "qipao", "旗袍", "连衣裙"], "zh_qipao")

    wear("rain jackets", "Coastline Apparel", "Coastline Apparel Packable Rain Jacket - Men's", 59.00,
         "Waterproof (10,000 mm) and breathable rain shell with taped seams, an adjustable hood and a chest pocket it packs into.",
         {**col("navy", "green", "yellow", "black"), "sizes_available": sizes(APPAREL[1:], keep=()), "gender": "men",
          "material": "2.5-layer nylon", "waterproof": True, "waterproof_rating": "10,000 mm", "weight": "280 g",
          "fit": "true to size"},
         ["rain jacket", "jacket", "waterproof", "packable", "raincoat"], "rain_jacket", warranty=(0.4, ["1 year"]))
    wear("rain jackets", "Coastline Apparel", "Coastline Apparel Packable Rain Jacket - Women's", 59.00,
         "The women's version of our packable rain shell, with a slightly longer, tailored cut and a drawcord hem.",
         {**col("yellow", "navy", "red", "pink"), "sizes_available": sizes(APPAREL[:-1], keep=()), "gender": "women",
          "material": "2.5-layer nylon", "waterproof": True, "waterproof_rating": "10,000 mm", "weight": "250 g",
          "fit": "true to size"},
         ["rain jacket", "jacket", "waterproof", "packable", "raincoat"], "rain_jacket", warranty=(0.4, ["1 year"]))
    wear("rain jackets", "Wrenfield", "Wrenfield Waterproof Trench Coat - Women's", 149.00,
         "A classic double-breasted trench in a waterproof bonded cotton-blend with sealed seams and a removable belt.",
         {**col("beige", "navy", "black"), "sizes_available": sizes(APPAREL[:-1], keep=()), "gender": "women",
          "material": "bonded cotton-polyester", "waterproof": True, "fit": "runs large"},
         ["rain jacket", "trench coat", "waterproof", "raincoat", "smart"], "rain_jacket")
    wear("rain jackets", "Dayfarer", "Dayfarer Kids' Puddle Rain Jacket", 39.00,
         "Fleece-lined waterproof jacket for kids with reflective trim, a snap-off hood and a name label inside.",
         {**col("yellow", "red", "blue"), "sizes_available": KIDS_APPAREL, "gender": "kids",
          "material": "PU-coated polyester, fleece lining", "waterproof": True, "fit": "true to size"},
         ["rain jacket", "kids", "waterproof", "school", "raincoat"], "rain_jacket")
    wear("rain jackets", "Coastline Apparel", "Coastline Apparel Reusable Rain Poncho", 24.00,
         "A roomy waterproof poncho with a hood and snap sides that fits over a backpack. Folds into a palm-sized pouch.",
         {**col("green", "orange", "navy"), "sizes_available": ["one size"], "gender": "unisex",
          "material": "ripstop nylon", "waterproof": True, "weight": "210 g"},
         ["rain poncho", "waterproof", "festival", "hiking"], "rain_jacket")

    wear("knitwear", "Thread & Thistle", "Thread & Thistle Merino Crew Neck Sweater - Men's", 89.00,
         "Fine-gauge extra-fine merino crew that's warm, breathable and smart enough over a shirt.",
         {**col("navy", "grey", "green", "brown"), "sizes_available": sizes(APPAREL[1:], keep=()), "gender": "men",
          "material": "100% extra-fine merino wool", "fit": "true to size"},
         ["sweater", "jumper", "merino", "knitwear"], "knitwear")
    wear("hoodies", "Dayfarer", "Dayfarer Fleece Pullover Hoodie", 49.00,
         "Brushed-back cotton fleece hoodie with a kangaroo pocket and ribbed cuffs. Heavy enough for chilly evenings.",
         {**col("grey", "black", "navy", "green", "pink"), "sizes_available": sizes(APPAREL, keep=()), "gender": "unisex",
          "material": "80% cotton, 20% polyester", "fit": "relaxed"},
         ["hoodie", "sweatshirt", "casual", "loungewear"], "knitwear",
        extras=[(5, "The most comfortable hoodie I own.")])
    wear("knitwear", "Thread & Thistle", "Thread & Thistle Chunky Cable Cardigan - Women's", 69.00,
         "A slouchy cable-knit cardigan with horn-effect buttons and deep patch pockets.",
         {**col("beige", "grey", "green"), "sizes_available": sizes(APPAREL[:-1], keep=()), "gender": "women",
          "material": "wool and acrylic blend", "fit": "relaxed"},
         ["cardigan", "knitwear", "sweater"], "knitwear")
    zh(C, "knitwear", "绒语", "绒语 女士纯羊绒圆领针织衫", 899.00,
       "100%山羊绒，手感轻软细腻，贴身穿不扎不痒。经典圆领款式，可单穿也可内搭，秋冬必备的基础款。",
       {**col("beige", "grey", "black", "red"), "sizes_available": ["S", "M", "L", "XL"], "gender": "women",
        "material": "100%山羊绒", "fit": "true to size"},
       ["clothing", "sweater", "cashmere", "knitwear", "羊绒衫", "针织衫"], "zh_cashmere")
    wear("socks", "Nordvik", "Nordvik Merino Hiking Socks (3-Pack)", 34.00,
         "Cushioned merino-blend crew socks with a reinforced heel and toe and an arch band that stops them slipping. No blisters, no smell.",
         {"colors_included": ["grey", "green", "navy"], "sizes_available": ["S (US 4-6.5)", "M (US 7-9.5)", "L (US 10-12.5)", "XL (US 13+)"],
          "gender": "unisex", "material": "64% merino wool, 34% nylon, 2% elastane"},
         ["socks", "hiking socks", "merino", "hiking"], "socks")


# ===========================================================================
# FURNITURE & OFFICE
# ===========================================================================

REVIEWS["desk"] = {
    "pos": [
        "Assembly took about 40 minutes and the instructions were clear.",
        "Looks much more expensive than it was.",
        "Sturdy, and the surface is a great size.",
        "Perfect for a small home office.",
    ],
    "mix": [
        "Nice desk, but the surface scratches easily.",
        "Good value, but cable management is an extra purchase.",
        "A little wobble, but fine for a laptop setup.",
    ],
    "neg": [
        "Arrived with a cracked corner and a missing bolt.",
        "Wobbles far too much to use a monitor on it.",
    ],
}
REVIEWS["chair"] = {
    "pos": [
        "My lower back pain is gone after two weeks of using it.",
        "Everything adjusts easily and stays where you set it.",
        "Comfortable for eight-hour days. Worth every penny.",
        "Easy to assemble, took 20 minutes.",
    ],
    "mix": [
        "Comfortable, but the seat is a little hard after a few hours.",
        "Good chair, the armrests wobble slightly.",
        "Nice, though a bit small for someone over 6 foot.",
    ],
    "neg": [
        "Gas lift failed after four months, slowly sinks all day.",
        "Started creaking every time I lean back.",
        "An armrest cracked within months.",
    ],
}
REVIEWS["furniture"] = {
    "pos": [
        "Looks great and the quality is better than expected.",
        "Exactly as pictured, the finish is lovely.",
        "Solid and stable once assembled.",
        "Delivered to the room of choice and the team took the packaging away.",
        "Great quality for the price, feels like real furniture, not flatpack.",
    ],
    "mix": [
        "Looks good, the assembly instructions were confusing.",
        "Nice, but the colour is a bit darker than in the photos.",
        "Decent, a couple of pre-drilled holes didn't line up.",
    ],
    "neg": [
        "Arrived damaged and the replacement took six weeks.",
        "Wobbly no matter how much I tightened it.",
        "Arrived with a chip on one corner.",
    ],
}
REVIEWS["office_acc"] = {
    "pos": [
        "Simple, well made and made my desk setup so much more comfortable.",
        "Installed in ten minutes, very sturdy.",
        "Good quality and nicely finished.",
        "Small thing, big difference. Should have bought it years ago.",
    ],
    "mix": [
        "Works, but it's smaller than I expected.",
        "Good, but a bit pricey for what it is.",
    ],
    "neg": [
        "Broke within a month.",
        "Flimsy, not worth the price.",
    ],
}

def furniture():
    C = "furniture & office"
    W = (0.8, ["1 year", "2 years", "5 years", "10 years"])

    def f(sub, brand, title, price, desc, attrs, tags, rv, **kw):
        add(C, sub, brand, title, price, desc, attrs, tags, rv, warranty=kw.pop("warranty", W), **kw)

    f("desks", "Deskwright", "Deskwright Rise Electric Standing Desk, 140 x 70 cm", 299.00,
      "Single-motor sit-stand desk that goes from 72 to 120 cm in about 20 seconds, with four memory presets and anti-collision detection.",
      {**col("white", "black", "brown"), "dimensions": "140 x 70 cm, height 72-120 cm", "max_load": "80 kg",
       "material": "steel frame, laminated MDF top", "assembly_required": True},
      ["standing desk", "desk", "home office", "ergonomic", "office"], "desk", bias=0.1,
        extras=[(5, "Rock solid at standing height, no wobble when I type."), (5, "Motor is quiet and the memory presets are a game changer."), (2, "Control panel stopped responding after three months.")])
    f("desks", "Deskwright", "Deskwright Rise Pro Dual-Motor Standing Desk, 160 x 80 cm", 449.00,
      "Dual motors lift up to 120 kg, enough for multiple monitors, quietly and smoothly. Solid three-stage legs keep it steady at full height.",
      {**col("black", "white"), "dimensions": "160 x 80 cm, height 62-127 cm", "max_load": "120 kg",
       "material": "steel frame, bamboo or laminate top", "assembly_required": True},
      ["standing desk", "desk", "home office", "ergonomic", "office"], "desk", bias=0.2,
        extras=[(5, "Rock solid at full height even with two monitors on arms."), (4, "Heavy to assemble, get a second person.")])
    f("desks", "Oakhaven", "Oakhaven Compact Writing Desk with Drawer", 129.00,
      "A 100 cm writing desk with solid pine legs, an oak-veneer top and a slim drawer. Fits neatly into a bedroom corner or alcove.",
      {**col("brown", "white"), "dimensions": "100 x 50 x 76 cm", "material": "pine, oak veneer",
       "assembly_required": True},
      ["desk", "writing desk", "small space", "home office"], "desk",
        extras=[(5, "Fits our bedroom alcove perfectly.")])
    f("desks", "Deskwright", "Deskwright L-Shaped Corner Desk", 219.00,
      "A roomy L-shaped desk (150 x 120 cm) with a raised monitor shelf and a reversible return, so it fits either corner.",
      {**col("black", "brown"), "dimensions": "150 x 120 x 75 cm", "max_load": "100 kg",
       "material": "steel frame, particle board", "assembly_required": True},
      ["desk", "corner desk", "gaming", "home office"], "desk",
        extras=[(5, "Loads of space for two monitors and a laptop.")])
    f("desks", "Linden & Low", "Linden & Low Wall-Mounted Fold-Down Desk", 89.00,
      "Folds flat against the wall when you're done, with a small shelf inside for stationery. For studio flats and hallways.",
      {**col("white", "brown"), "dimensions": "80 x 50 cm (open), 80 x 12 cm (closed)", "max_load": "25 kg",
       "material": "MDF", "assembly_required": True},
      ["desk", "small space", "wall-mounted", "space saving"], "desk",
        extras=[(5, "Folds away completely, perfect for our tiny flat.")])

    f("office chairs", "Ergonest", "Ergonest Flex Mesh Ergonomic Office Chair", 249.00,
      "Breathable mesh back with adjustable lumbar support, 4D armrests, a sliding seat and a tilt lock. Rated to 136 kg.",
      {**col("black", "grey"), "max_load": "136 kg", "seat_height": "45-55 cm", "material": "mesh, nylon base",
       "adjustable": ["lumbar", "armrests", "seat depth", "headrest", "tilt"]},
      ["office chair", "ergonomic", "home office", "back support"], "chair", bias=0.2,
        extras=[(5, "The mesh keeps me cool through a long workday."), (5, "Lumbar support actually hits the right spot.")])
    f("office chairs", "Ergonest", "Ergonest Basic Task Chair", 89.00,
      "A simple, compact task chair with a padded seat, height adjustment and flip-up arms that tuck under a desk.",
      {**col("black", "grey", "blue"), "max_load": "110 kg", "seat_height": "43-53 cm", "material": "fabric, mesh"},
      ["office chair", "budget", "compact", "home office"], "chair", bias=-0.6,
        extras=[(4, "Fine for a few hours a day, not for full-time work.")])
    f("office chairs", "Sitwell", "Sitwell Executive Leather Office Chair", 329.00,
      "Plush high-back executive chair in bonded leather with pocket-sprung seat cushioning and a synchro-tilt mechanism.",
      {**col("black", "brown"), "max_load": "150 kg", "material": "bonded leather, aluminium base"},
      ["office chair", "executive", "leather"], "chair",
        extras=[(5, "Like sitting on a sofa, but with proper support."), (2, "Bonded leather started peeling after a year.")])
    f("office chairs", "Ergonest", "Ergonest Kneeling Chair", 119.00,
      "Ergonomic kneeling stool that tilts your pelvis forward to encourage an upright spine. Best used in rotation with a normal chair.",
      {**col("grey", "black"), "max_load": "110 kg", "material": "beech wood, foam cushions"},
      ["kneeling chair", "ergonomic", "posture"], "chair",
      extras=[(3, "Good for posture, but my shins get sore after about an hour.")])
    f("office chairs", "Sitwell", "Sitwell Racer Gaming Chair with Footrest", 199.00,
      "Racing-style gaming chair with a 155° recline, pull-out footrest, and removable head and lumbar pillows.",
      {**col("black", "red", "blue", "pink"), "max_load": "130 kg", "material": "PU leather, steel frame"},
      ["gaming chair", "gaming", "recliner"], "chair",
        extras=[(5, "Footrest is great for reclining between matches."), (2, "The PU leather is peeling after a year.")])
    zh(C, "office chairs", "栖木", "栖木 人体工学办公椅 可调腰托", 1299.00,
       "自适应腰托贴合腰椎曲线，头枕、扶手、座深都可以调节。高弹网布透气不闷，久坐办公、学习都很舒服。",
       {**col("black", "grey"), "max_load": "150 kg", "seat_height": "46-56 cm", "material": "网布、铝合金脚架",
        "adjustable": ["lumbar", "armrests", "seat depth", "headrest", "tilt"]},
       ["office chair", "ergonomic", "人体工学椅", "办公椅"], "zh_chair", warranty=W)
    zh(C, "desks", "栖木", "栖木 儿童实木学习桌 可升降", 1599.00,
       "桌面高度和倾斜角度都可以调节，从小学用到高中。北美橡木桌腿结实稳固，桌面带防夹手设计和书立。",
       {**col("white", "brown"), "dimensions": "100 x 60 cm, height 52-76 cm", "material": "橡木、E0级板材",
        "age_range": "3-18 years", "assembly_required": True},
       ["desk", "kids desk", "study desk", "学习桌", "儿童"], "zh_kidsdesk", warranty=W)

    f("storage", "Oakhaven", "Oakhaven 5-Tier Bookshelf", 89.00,
      "Tall open bookshelf with five shelves in a warm oak-effect finish on a black metal frame. Includes a wall anchor.",
      {**col("brown", "black"), "dimensions": "80 x 30 x 180 cm", "max_load": "20 kg per shelf",
       "material": "engineered wood, steel", "assembly_required": True},
      ["bookshelf", "bookcase", "storage", "living room"], "furniture",
        extras=[(5, "Holds far more than I expected without bowing.")])
    f("storage", "Morrow Home", "Morrow Home 9-Cube Storage Organizer", 59.00,
      "A 3 x 3 cube unit that fits standard fabric bins (sold separately). Use it upright or on its side as a TV bench.",
      {**col("white", "black", "brown"), "dimensions": "100 x 30 x 100 cm", "material": "particle board",
       "assembly_required": True},
      ["storage", "cube storage", "organizer", "kids room"], "furniture",
        extras=[(5, "Fabric bins fit perfectly, tidied the kids' room in an afternoon.")])
    f("storage", "Deskwright", "Deskwright 3-Drawer Lockable Mobile File Cabinet", 139.00,
      "Steel file cabinet on casters with two stationery drawers and a bottom drawer that takes letter and A4 hanging files. Central lock.",
      {**col("white", "black", "grey"), "dimensions": "39 x 50 x 62 cm", "material": "steel",
       "lockable": True},
      ["filing cabinet", "storage", "office"], "furniture",
        extras=[(5, "Drawers run smoothly and the lock feels secure.")])

    f("lighting", "Linden & Low", "Linden & Low LED Desk Lamp with USB-C Charging Port", 39.99,
      "Flicker-free LED lamp with five colour temperatures, stepless dimming, a 45-minute timer and a USB-C port to charge your phone.",
      {**col("white", "black"), "power": "10 W", "color_temperature": "2700-6500 K", "connectivity": ["usb-c out"]},
      ["desk lamp", "lighting", "study", "home office"], "office_acc",
        extras=[(5, "Nice warm light that's easy on the eyes for late work."), (4, "USB-C port is handy for my phone.")])
    f("lighting", "Linden & Low", "Linden & Low Arc Floor Lamp", 119.00,
      "An arching floor lamp with a marble base and a dome shade that reaches over a sofa. E27 bulb (not included).",
      {**col("black", "silver"), "dimensions": "height 190 cm, reach 120 cm", "material": "steel, marble",
       "bulb": "E27, max 40 W"},
      ["floor lamp", "lighting", "living room"], "furniture",
        extras=[(5, "Reaches right over the sofa, great reading light."), (3, "Marble base is heavy, hard to move.")])

    f("office accessories", "Deskwright", "Deskwright Gas-Spring Single Monitor Arm", 79.00,
      "Holds monitors from 17 to 32 inches (up to 9 kg) and moves them with a fingertip. Clamp or grommet mount, with cable management.",
      {**col("black", "white"), "max_load": "9 kg", "compatible_with": ["17-32 in monitors", "vesa 75/100"]},
      ["monitor arm", "ergonomic", "desk setup"], "office_acc",
        extras=[(5, "Installed in ten minutes, the monitor floats exactly where I want it."), (3, "Good, though the clamp marks the desk edge.")])
    f("office accessories", "Oakhaven", "Oakhaven Bamboo Desk Organizer", 24.99,
      "A bamboo organiser with a phone stand, pen cups and a small drawer for clips and cables.",
      {**col("brown"), "dimensions": "30 x 15 x 12 cm", "material": "bamboo"},
      ["desk organizer", "storage", "desk setup"], "office_acc", warranty=None,
        extras=[(5, "Desk is finally tidy.")])
    f("office accessories", "Ergonest", "Ergonest Adjustable Under-Desk Footrest", 34.99,
      "Tilting footrest with a textured surface and three height settings, for shorter users or high desks.",
      {**col("black"), "dimensions": "45 x 35 cm", "height": "10-17 cm"},
      ["footrest", "ergonomic", "posture"], "office_acc",
        extras=[(5, "Small thing, big difference for my knees.")])
    f("office accessories", "Ergonest", "Ergonest Anti-Fatigue Standing Desk Mat", 44.99,
      "A 2 cm cushioned comfort mat with bevelled edges that make it hard to trip on. Makes standing at a desk far less tiring.",
      {**col("black", "grey"), "dimensions": "90 x 50 x 2 cm", "material": "polyurethane foam"},
      ["standing mat", "standing desk", "ergonomic"], "office_acc",
        extras=[(5, "I can stand for hours now without sore feet.")])
    f("office accessories", "Deskwright", "Deskwright Magnetic Glass Whiteboard, 90 x 60 cm", 89.00,
      "Frameless tempered-glass whiteboard that never stains or ghosts, with four markers and six magnets.",
      {**col("white"), "dimensions": "90 x 60 cm", "material": "tempered glass",
       "includes": ["4 markers", "6 magnets", "eraser"]},
      ["whiteboard", "office", "planning"], "office_acc",
        extras=[(5, "Wipes completely clean, no ghosting even after days.")])

    f("living room", "Morrow Home", "Morrow Home Hazel 3-Seater Sofa", 799.00,
      "A deep, comfortable three-seater with feather-wrapped cushions, solid wood legs and removable, washable covers.",
      {**col("grey", "navy", "green", "beige"), "dimensions": "210 x 92 x 85 cm", "seats": 3,
       "material": "polyester weave, hardwood frame"},
      ["sofa", "couch", "living room"], "furniture", warranty=(0.9, ["5 years", "10 years"]),
      extras=[(4, "Very comfy, but the seat cushions need plumping daily.")])
    f("living room", "Oakhaven", "Oakhaven Mid-Century Coffee Table", 149.00,
      "Oval coffee table with tapered solid-oak legs and a lower shelf for magazines and remotes.",
      {**col("brown"), "dimensions": "110 x 60 x 45 cm", "material": "oak veneer, solid oak legs",
       "assembly_required": True},
      ["coffee table", "living room", "mid-century"], "furniture")
    f("living room", "Morrow Home", "Morrow Home XL Bean Bag Chair", 99.00,
      "An extra-large memory-foam bean bag with a soft, removable cover. Big enough for an adult to sprawl on.",
      {**col("grey", "navy", "pink", "green"), "dimensions": "120 cm diameter", "material": "memory foam, microsuede cover"},
      ["bean bag", "living room", "kids room", "gaming"], "furniture")
    f("kitchen & dining", "Oakhaven", "Oakhaven Wooden Counter Stools (Set of 2)", 129.00,
      "Counter-height stools with curved backs and footrests, in solid rubberwood. 65 cm seat height.",
      {**col("brown", "black", "white"), "dimensions": "seat height 65 cm", "material": "rubberwood",
       "pieces": 2, "assembly_required": True},
      ["bar stools", "kitchen", "dining"], "furniture")
    f("living room", "Morrow Home", "Morrow Home 160 cm TV Stand with Cable Management", 179.00,
      "Low TV stand for screens up to 70 inches, with two push-to-open doors, open shelves and rear cable holes.",
      {**col("white", "brown", "black"), "dimensions": "160 x 40 x 50 cm", "max_load": "50 kg",
       "assembly_required": True},
      ["tv stand", "media console", "living room"], "furniture")
    f("bedroom", "Linden & Low", "Linden & Low Bedside Table with Drawer", 69.00,
      "A compact bedside table with a soft-close drawer and an open shelf, in white or natural oak effect.",
      {**col("white", "brown"), "dimensions": "45 x 35 x 55 cm", "material": "engineered wood",
       "assembly_required": True},
      ["bedside table", "nightstand", "bedroom"], "furniture")


# ===========================================================================
# GROCERY & GOURMET
# ===========================================================================

REVIEWS["coffee_beans"] = {
    "pos": [
        "Lovely aroma the moment you open the bag.",
        "Arrived roasted only four days earlier, you can taste the freshness.",
        "Nicely consistent from bag to bag.",
        "Nicely balanced, a great everyday coffee.",
    ],
    "mix": [
        "Good coffee, a bit darker than I'd call medium.",
        "Nice, but the bag's valve didn't seal properly.",
    ],
    "neg": [
        "Tasted flat and stale, roast date was two months ago.",
        "Too acidic for my taste.",
    ],
}
REVIEWS["tea"] = {
    "pos": [
        "Fresh and full of flavour.",
        "Great value for the quality.",
        "My new everyday tea.",
        "Lovely gift for tea lovers.",
    ],
    "mix": [
        "Decent tea, a bit weak unless you steep it longer.",
        "Nice taste, the packaging isn't resealable.",
    ],
    "neg": [
        "Tasted dusty, like it had been on a shelf for years.",
    ],
}
REVIEWS["pantry"] = {
    "pos": [
        "Tastes amazing, you can tell the difference from supermarket stuff.",
        "Beautiful packaging, made a great hostess gift.",
        "Great quality, will reorder.",
    ],
    "mix": [
        "Good quality but pricey for the size.",
        "Nice, but not that different from cheaper brands.",
    ],
    "neg": [
        "Arrived with the seal broken, had to throw it away.",
        "Not to my taste at all.",
    ],
}

def grocery():
    C = "grocery"

    def g(sub, brand, title, price, desc, attrs, tags, rv, **kw):
        add(C, sub, brand, title, price, desc, attrs, ["food", "grocery"] + tags, rv, **kw)

    g("coffee", "Hillside Roasters", "Hillside Roasters Morning Ridge Whole Bean Coffee, Medium Roast, 340 g", 16.99,
      "Our house blend of Brazilian and Colombian beans, with notes of milk chocolate, toasted almond and brown sugar. Roasted to order.",
      {"weight": "340 g", "roast": "medium", "origin": "Brazil, Colombia", "form": "whole bean",
       "tasting_notes": ["milk chocolate", "almond", "brown sugar"]},
      ["coffee", "coffee beans", "whole bean"], "coffee_beans", bias=0.2,
        extras=[(5, "Smooth, chocolatey and not at all bitter. Great in a French press.")])
    g("coffee", "Hillside Roasters", "Hillside Roasters Ethiopia Yirgacheffe Single-Origin Coffee, 250 g", 19.50,
      "Washed-process light roast from smallholder farms, with vivid notes of jasmine, lemon and bergamot. Best as pour-over.",
      {"weight": "250 g", "roast": "light", "origin": "Ethiopia", "form": "whole bean",
       "tasting_notes": ["jasmine", "lemon", "bergamot"]},
      ["coffee", "coffee beans", "single origin", "specialty coffee"], "coffee_beans",
        extras=[(5, "Bright and fruity as a pour-over, exactly what I was after.")])
    g("coffee", "Hillside Roasters", "Hillside Roasters Sugarcane-Process Decaf, Ground, 340 g", 15.99,
      "Colombian decaf made with the natural sugarcane process, which keeps the sweetness. Medium-ground for drip and pour-over.",
      {"weight": "340 g", "roast": "medium", "origin": "Colombia", "form": "ground (medium)", "caffeine": "decaf"},
      ["coffee", "decaf", "ground coffee"], "coffee_beans",
        extras=[(5, "Best decaf I've had, you honestly can't tell.")])
    g("coffee", "Hillside Roasters", "Hillside Roasters Dark Espresso Blend, 1 kg", 39.99,
      "A bold, syrupy dark roast built for espresso and milk drinks, with cocoa and molasses notes. 1 kg bag for daily drinkers.",
      {"weight": "1 kg", "roast": "dark", "origin": "Brazil, India, Guatemala", "form": "whole bean",
       "tasting_notes": ["cocoa", "molasses", "toasted nuts"]},
      ["coffee", "coffee beans", "espresso", "bulk"], "coffee_beans",
        extras=[(5, "Pulls a lovely shot with thick crema.")])
    g("tea", "Tealeaf & Co", "Tealeaf & Co English Breakfast Tea, 80 Bags", 9.99,
      "A brisk blend of Assam and Kenyan black teas that stands up to milk. Plastic-free, compostable bags.",
      {"weight": "250 g (80 bags)", "origin": "India, Kenya", "caffeine": "high", "form": "tea bags"},
      ["tea", "black tea", "breakfast tea"], "tea",
        extras=[(5, "Strong, malty and great with milk.")])
    g("tea", "Tealeaf & Co", "Tealeaf & Co Japanese Sencha Green Tea, Loose Leaf, 100 g", 12.50,
      "Steamed first-flush sencha with a sweet, grassy flavour. Brew at 70-80 °C for about a minute.",
      {"weight": "100 g", "origin": "Japan", "caffeine": "medium", "form": "loose leaf"},
      ["tea", "green tea", "loose leaf"], "tea",
        extras=[(5, "Lovely fresh, grassy flavour. Don't use boiling water!")])
    g("tea", "Tealeaf & Co", "Tealeaf & Co Whole-Flower Chamomile Tea, 20 Bags", 5.99,
      "Whole chamomile flowers in roomy pyramid bags for a soft, honeyed bedtime cup. Naturally caffeine-free.",
      {"weight": "30 g (20 bags)", "origin": "Egypt", "caffeine": "none", "form": "tea bags"},
      ["tea", "herbal tea", "caffeine-free", "sleep"], "tea",
        extras=[(5, "Calming cup before bed, the flowers are whole.")])
    g("honey & spreads", "Beehaven", "Beehaven Raw Wildflower Honey, 500 g", 14.99,
      "Unheated, unfiltered honey from hives in wildflower meadows. May crystallise naturally; warm gently to loosen.",
      {"weight": "500 g", "origin": "local apiaries", "dietary": ["gluten-free"], "raw": True},
      ["honey", "raw honey", "breakfast"], "pantry",
        extras=[(5, "Thick, floral and delicious."), (3, "Crystallised within a couple of weeks (as they warn).")])
    g("honey & spreads", "Beehaven", "Beehaven Creamed Honey with Cinnamon, 340 g", 11.99,
      "Whipped honey with Ceylon cinnamon, spreadable straight from the jar. Lovely on toast and porridge.",
      {"weight": "340 g", "dietary": ["gluten-free"]},
      ["honey", "spread", "breakfast", "gift"], "pantry",
        extras=[(5, "Cinnamon honey on hot toast is heavenly.")])
    g("chocolate", "Cacao Grove", "Cacao Grove 72% Dark Chocolate Bars (3-Pack)", 12.99,
      "Bean-to-bar dark chocolate made with Ecuadorian cacao and just two ingredients: cacao and cane sugar.",
      {"weight": "3 x 80 g", "origin": "Ecuador", "dietary": ["vegan", "gluten-free"],
       "allergens": "made in a facility that handles milk and nuts"},
      ["chocolate", "dark chocolate", "vegan"], "pantry",
        extras=[(5, "Rich and smooth, I have a square every evening.")])
    g("chocolate", "Cacao Grove", "Cacao Grove Sea Salt Caramel Truffles Gift Box (24 Pieces)", 29.99,
      "Two dozen hand-finished truffles: salted caramel, hazelnut praline and dark ganache, in a ribboned keepsake box.",
      {"weight": "290 g", "pieces": 24, "allergens": "contains milk, hazelnuts, soy"},
      ["chocolate", "truffles", "gift", "gift box"], "pantry",
        extras=[(5, "Gorgeous box, and the salted caramel ones disappeared first.")])
    g("oils & condiments", "Olivara", "Olivara Early Harvest Extra Virgin Olive Oil, 750 ml", 18.99,
      "Cold-pressed from green Koroneiki olives picked in October, for a grassy, peppery oil. Dated harvest on every bottle.",
      {"capacity": "750 ml", "origin": "Greece", "dietary": ["vegan", "gluten-free"]},
      ["olive oil", "cooking", "gift"], "pantry",
        extras=[(5, "Peppery and fresh, lovely drizzled over bread."), (3, "Nice flavour, but the bottle drips after pouring.")])
    g("oils & condiments", "Olivara", "Olivara Smoky Chipotle Hot Sauce, 150 ml", 7.99,
      "A medium-heat sauce made with smoked jalapeños, roasted garlic and a touch of lime.",
      {"capacity": "150 ml", "heat": "medium", "dietary": ["vegan", "gluten-free"]},
      ["hot sauce", "condiment", "spicy"], "pantry",
        extras=[(5, "Smoky, with just enough heat."), (2, "Way too vinegary for me.")])
    g("breakfast", "Maplestead", "Maplestead Pure Maple Syrup, Grade A Amber, 500 ml", 16.99,
      "100% pure maple syrup with a rich, caramel-like flavour, bottled by a family sugarbush.",
      {"capacity": "500 ml", "origin": "Canada", "dietary": ["vegan", "gluten-free"]},
      ["maple syrup", "breakfast", "pancakes"], "pantry",
        extras=[(5, "Perfect on pancakes, rich and not too sweet.")])
    g("breakfast", "Maplestead", "Maplestead Maple Pecan Granola, 500 g", 8.49,
      "Crunchy oat clusters baked with maple syrup, pecans and a pinch of sea salt. No refined sugar.",
      {"weight": "500 g", "allergens": "contains pecans; made in a facility that handles other nuts",
       "dietary": ["vegan"]},
      ["granola", "breakfast", "cereal"], "pantry",
        extras=[(5, "Big crunchy clusters, not too sweet.")])

    zh(C, "tea", "茶语山房", "茶语山房 滇红工夫红茶礼盒 250g", 268.00,
       "选用云南凤庆大叶种春茶，条索紧结，金毫显露。汤色红艳明亮，带有蜜香和花果香，口感醇厚回甘。礼盒装，适合送长辈和客户。",
       {"weight": "250 g", "origin": "云南凤庆", "caffeine": "high", "form": "loose leaf"},
       ["tea", "black tea", "gift", "gift box", "红茶", "礼盒"], "zh_tea",
        extras=[(5, "茶汤红亮，入口有蜜香，送长辈很合适。")])
    zh(C, "tea", "茶语山房", "茶语山房 正山小种红茶礼盒 200g", 39.00,
       "武夷山传统松烟工艺，带有独特的桂圆香和淡淡松烟香，汤色橙红，滋味甜醇。铁罐分装，方便保存。",
       {"weight": "200 g", "origin": "福建武夷山", "caffeine": "high", "form": "loose leaf"},
       ["tea", "black tea", "gift", "gift box", "红茶", "礼盒"], "zh_tea", currency="USD",
        extras=[(5, "桂圆香很明显，松烟味淡淡的，很喜欢。")])
    zh(C, "tea", "茶语山房", "茶语山房 明前龙井绿茶 100g", 368.00,
       "清明前采摘的一芽一叶，手工炒制，外形扁平光滑，色泽嫩绿。豆香清幽，滋味鲜爽，建议用80℃左右的水冲泡。",
       {"weight": "100 g", "origin": "浙江杭州", "caffeine": "medium", "form": "loose leaf"},
       ["tea", "green tea", "龙井", "绿茶"], "zh_tea",
        extras=[(5, "豆香浓郁，汤色清亮，泡了好几泡还有味道。"), (3, "今年的茶感觉比去年的淡一些。")])
    zh(C, "tea", "茶语山房", "茶语山房 云南普洱熟茶饼 357g", 198.00,
       "勐海茶区大叶种晒青毛茶发酵压制，汤色红浓，口感醇和顺滑，带有陈香。耐泡，适合日常饮用和收藏。",
       {"weight": "357 g", "origin": "云南勐海", "caffeine": "medium", "form": "compressed cake"},
       ["tea", "pu-erh", "普洱", "熟茶"], "zh_tea",
        extras=[(5, "陈香明显，汤色红浓，很顺滑。"), (4, "茶饼压得有点紧，撬起来费劲。")])
    zh(C, "snacks", "拾味坊", "拾味坊 广式月饼礼盒 8枚装", 188.00,
       "莲蓉蛋黄、豆沙、五仁、奶黄等八种口味，皮薄馅足，甜而不腻。中秋送礼、家庭分享都很合适。",
       {"weight": "8 x 100 g", "pieces": 8, "allergens": "含蛋、坚果、小麦"},
       ["mooncake", "gift", "gift box", "mid-autumn", "月饼", "礼盒"], "zh_mooncake")
    zh(C, "snacks", "拾味坊", "拾味坊 每日坚果礼盒 30包", 29.99,
       "每包25克，由腰果、巴旦木、核桃仁、蔓越莓干等六种坚果果干搭配而成，独立小包装，上班、上学随手一包。",
       {"weight": "30 x 25 g", "pieces": 30, "allergens": "含坚果"},
       ["nuts", "snacks", "gift", "healthy snacks", "坚果", "零食"], "zh_nuts", currency="USD")



# Per-product review pools for the Simplified Chinese listings.
REVIEWS["zh_boots"] = {
    "pos": [
        "鞋子很轻，上脚就很舒服，周末爬山走了十几公里脚也不累。",
        "防水效果不错，下雨天踩了水坑袜子还是干的。",
        "鞋底抓地力很好，湿石头上也不打滑。",
        "做工扎实，颜色和图片一样。",
    ],
    "mix": [
        "整体还行，就是鞋舌有点薄，系紧了压脚背。",
        "防水是防水，但夏天穿有点闷脚。",
    ],
    "neg": [
        "穿了一个月鞋底就开胶了，有点失望。",
        "鞋头偏窄，挤脚，已经退货了。",
    ],
}
REVIEWS["zh_running"] = {
    "pos": [
        "脚感偏软，回弹很好，跑五公里膝盖没有不适。",
        "鞋面很透气，夏天跑步也不闷。",
        "很轻，穿着跑间歇很轻快。",
        "颜色好看，日常穿也不违和。",
    ],
    "mix": [
        "鞋带有点滑，容易松，换了一副鞋带就好了。",
        "中底软，但是路面湿的时候抓地一般。",
    ],
    "neg": [
        "跑了两百公里后跟就磨平了。",
        "鞋楦偏窄，脚宽的人慎买。",
    ],
}
REVIEWS["zh_tent"] = {
    "pos": [
        "搭建特别快，一个人几十秒就弄好了，周末带孩子去露营很方便。",
        "下了一夜小雨，里面一点没进水。",
        "空间够大，两大两小睡得下。",
        "通风窗设计得好，晚上不闷。",
    ],
    "mix": [
        "收起来要练几次，第一次折了半天。",
        "地钉质量一般，建议另买。",
    ],
    "neg": [
        "用了两次就有一根骨架变形了。",
        "大雨的时候门口还是有点渗水。",
    ],
}
REVIEWS["zh_jacket"] = {
    "pos": [
        "防风效果好，山顶风很大也不觉得冷。",
        "内胆抓绒很暖，秋冬两穿很实用。",
        "下雨天穿了一天，里面完全是干的。",
        "做工不错，拉链顺滑，面料摸着挺厚实。",
    ],
    "mix": [
        "版型偏大，建议拍小一码。",
        "稍微有点重，背包徒步的话不太轻便。",
    ],
    "neg": [
        "洗了两次防泼水效果就明显变差了。",
    ],
}
REVIEWS["zh_headphones"] = {
    "pos": [
        "降噪效果很明显，地铁上基本听不到噪音了。",
        "佩戴舒服，戴一下午耳朵也不疼。",
        "续航很顶，一周充一次电就够了。",
        "手机和电脑切换很方便，连接稳定。",
    ],
    "mix": [
        "音质不错，就是耳罩戴久了有点闷热。",
        "开降噪时耳朵有一点压迫感，适应几天就好了。",
    ],
    "neg": [
        "用了两个月左耳就没声音了，售后还在处理。",
    ],
}
REVIEWS["zh_earbuds"] = {
    "pos": [
        "降噪效果超出预期，通勤路上很安静。",
        "小巧轻便，戴着跑步也不掉。",
        "音质清晰，低音有力度，这个价位很满意。",
        "无线充电很方便，放上去就充。",
    ],
    "mix": [
        "触控有点灵敏，经常误触暂停。",
        "通话降噪一般，风大的时候对方听不太清。",
    ],
    "neg": [
        "右耳偶尔断连，体验不太好。",
    ],
}
REVIEWS["zh_speaker"] = {
    "pos": [
        "音量很大，露营的时候当背景音乐刚好。",
        "低音浑厚，这个尺寸很难得。",
        "防水是真的，在溪边玩水溅到了也没事。",
        "续航很久，出去玩两天都不用充电。",
    ],
    "mix": [
        "声音不错，就是有点重。",
        "音量开到最大的时候低音有点发散。",
    ],
    "neg": [
        "用了三个月充电口就接触不良了。",
    ],
}
REVIEWS["zh_charger"] = {
    "pos": [
        "充电速度很快，手机半小时能充到六成。",
        "一个充电头搞定笔记本、平板和手机，出差方便多了。",
        "插脚可折叠，放包里不刮东西。",
        "充电的时候温度不高，用着放心。",
    ],
    "mix": [
        "三个口同时用的时候每个口的功率会降下来。",
        "体积比想象中大一点。",
    ],
    "neg": [
        "充电时有轻微电流声，有点介意。",
    ],
}
REVIEWS["zh_powerbank"] = {
    "pos": [
        "容量很足，出去玩两天都不用找插座。",
        "电量显示很准，还剩多少电一目了然。",
        "带上飞机没有问题，安检直接过。",
        "快充很给力，手机充得很快。",
    ],
    "mix": [
        "有点重，放口袋里不太方便。",
        "充电宝自己充满要好几个小时。",
    ],
    "neg": [
        "用了三个月容量明显下降了。",
    ],
}
REVIEWS["zh_laptop"] = {
    "pos": [
        "轻薄好带，续航一天上课完全够用。",
        "屏幕素质很好，看文档很清晰，不刺眼。",
        "性价比高，日常办公写论文非常流畅。",
        "开机很快，几乎没有预装软件。",
    ],
    "mix": [
        "整体不错，就是摄像头画质一般。",
        "风扇在高负载时有点吵。",
    ],
    "neg": [
        "屏幕有一个亮点，换货比较麻烦。",
    ],
}
REVIEWS["zh_keyboard"] = {
    "pos": [
        "键盘手感很好，敲起来很舒服，声音也不吵。",
        "三模切换很方便，电脑和平板来回切。",
        "做工扎实，放在桌上不会滑。",
        "灯效好看，颜值很高。",
    ],
    "mix": [
        "键帽有点打油，其他还好。",
        "蓝牙模式下偶尔有延迟。",
    ],
    "neg": [
        "用了一个月就有一个键失灵了。",
    ],
}
REVIEWS["zh_blender"] = {
    "pos": [
        "破壁效果好，打豆浆不用过滤，很细腻。",
        "预约功能很实用，早上起来就能喝上热豆浆。",
        "清洗方便，有自动清洗模式。",
        "打米糊给宝宝吃，很细腻。",
    ],
    "mix": [
        "噪音有点大，打豆浆的时候像吹风机。",
        "机器有点占地方。",
    ],
    "neg": [
        "用了半年加热功能就坏了。",
    ],
}
REVIEWS["zh_wok"] = {
    "pos": [
        "锅很好养，开锅之后基本不粘，炒菜有锅气。",
        "锅身轻，单手颠锅也不累。",
        "做工精细，锅面打磨得很平整。",
    ],
    "mix": [
        "开锅有点麻烦，要按说明来。",
        "不能用电磁炉，买之前要看清楚。",
    ],
    "neg": [
        "用了没几次就生锈了，可能是保养没做好，但还是失望。",
    ],
}
REVIEWS["zh_knife"] = {
    "pos": [
        "刀很锋利，切肉切菜都很顺手，分量也合适。",
        "切土豆丝又细又匀，很好用。",
        "刀身平衡感好，切久了手腕也不累。",
    ],
    "mix": [
        "锋利是锋利，但刀柄有点滑。",
        "用了一个月需要磨一下了。",
    ],
    "neg": [
        "刀刃崩了一个小口，有点失望。",
    ],
}
REVIEWS["zh_thermos"] = {
    "pos": [
        "保温效果很好，早上装的热水到下午还烫嘴。",
        "没有异味，做工精细，拿在手里很有质感。",
        "容量合适，放包里不占地方。",
        "颜色很好看，送朋友也合适。",
    ],
    "mix": [
        "杯盖有点紧，拧开要费点劲。",
        "有点重，不过保温确实好。",
    ],
    "neg": [
        "杯子漏水，放包里把书弄湿了。",
    ],
}
REVIEWS["zh_ricecooker"] = {
    "pos": [
        "煮出来的米饭软硬适中，比以前的电饭煲好吃。",
        "预约功能很实用，下班回家就有饭吃。",
        "内胆不粘，清洗很方便。",
        "煲粥很香，不会溢出来。",
    ],
    "mix": [
        "功能挺多，但说明书写得不太清楚。",
        "煮饭时间比普通电饭煲长一点。",
    ],
    "neg": [
        "用了三个月内胆涂层就掉了。",
    ],
}
REVIEWS["zh_sunscreen"] = {
    "pos": [
        "质地很清爽，抹开很快就吸收了，不油腻。",
        "防晒效果不错，暑假出去玩一周都没晒黑。",
        "可以当妆前乳用，上妆很服帖。",
        "不辣眼睛，运动出汗也不会流进眼睛。",
    ],
    "mix": [
        "有一点点泛白，需要多推开。",
        "成膜后有点干，干皮要先做好保湿。",
    ],
    "neg": [
        "用了两次脸上冒痘，可能不适合我。",
    ],
}
REVIEWS["zh_mask"] = {
    "pos": [
        "敷完第二天皮肤水水的，上妆很服帖。",
        "膜布很薄很服帖，精华液很足。",
        "敏感肌用着也没有刺痛，很温和。",
    ],
    "mix": [
        "精华液有点多，滴滴答答的。",
        "保湿效果一般，冬天不太够。",
    ],
    "neg": [
        "敷完脸有点发红发痒。",
    ],
}
REVIEWS["zh_handcream"] = {
    "pos": [
        "味道很淡很好闻，桂花味特别喜欢。",
        "包装很精致，送朋友很有面子。",
        "质地滋润不黏手，涂完可以马上打字。",
    ],
    "mix": [
        "香味有点浓，不太适合办公室。",
        "滋润度一般，冬天要多涂几次。",
    ],
    "neg": [
        "收到的时候有一支漏了。",
    ],
}
REVIEWS["zh_yogamat"] = {
    "pos": [
        "垫子很厚实，跪着做动作膝盖不疼，防滑效果也很好。",
        "没有异味，拆开晾了一天就可以用了。",
        "颜色好看，还送了收纳袋。",
    ],
    "mix": [
        "还可以，就是边缘容易卷起来。",
        "太厚了，做平衡动作有点晃。",
    ],
    "neg": [
        "用了一个月表面就开始掉渣了。",
    ],
}
REVIEWS["zh_jumprope"] = {
    "pos": [
        "计数很准，小孩子练习体测很好用。",
        "无绳模式在家里跳也不怕碰到东西。",
        "连手机看数据很方便，每天打卡。",
    ],
    "mix": [
        "绳子有点轻，风大的时候不好控制。",
        "手柄有点滑，出汗后握不太稳。",
    ],
    "neg": [
        "计数器不太灵敏，经常漏计。",
    ],
}
REVIEWS["zh_novel"] = {
    "pos": [
        "文字很细腻，一口气读完了，结尾很有余味。",
        "故事结构很巧妙，读到最后才恍然大悟。",
        "纸张和印刷质量都很好，值得收藏。",
    ],
    "mix": [
        "前半部分很好看，后面有点拖沓。",
        "节奏有点慢，需要耐心读下去。",
    ],
    "neg": [
        "和期待的不太一样，读不下去。",
    ],
}
REVIEWS["zh_cookbook"] = {
    "pos": [
        "菜谱步骤写得很清楚，照着做了好几道都成功了。",
        "都是家常菜，食材好买，很实用。",
        "配图很漂亮，看着就有食欲。",
    ],
    "mix": [
        "内容不错，就是字有点小。",
        "有些菜的调料用量写得比较模糊。",
    ],
    "neg": [
        "收到的书角压坏了，有点心疼。",
    ],
}
REVIEWS["zh_kidsbook"] = {
    "pos": [
        "插画非常漂亮，孩子每天睡前都要看。",
        "夜光星图太惊喜了，关灯后孩子看得很入迷。",
        "文字浅显，五岁的孩子也能听懂。",
    ],
    "mix": [
        "内容不错，就是有点薄。",
        "有些知识点对小一点的孩子来说稍难。",
    ],
    "neg": [
        "纸张有点薄，孩子翻的时候撕破了一页。",
    ],
}
REVIEWS["zh_tangram"] = {
    "pos": [
        "木头打磨得很光滑，没有毛刺，孩子玩得很开心。",
        "卡片由易到难，孩子很有成就感。",
        "颜色鲜艳，没有异味，很放心。",
    ],
    "mix": [
        "玩法有点少，孩子玩几天就腻了。",
        "盒子有点小，收纳不太方便。",
    ],
    "neg": [
        "漆面有掉色的情况。",
    ],
}
REVIEWS["zh_magnetic"] = {
    "pos": [
        "磁力很强，搭高了也不会塌，孩子能自己玩一下午。",
        "买来送给五岁的外甥，他特别喜欢。",
        "边缘圆润，不担心划伤手。",
    ],
    "mix": [
        "质量还可以，就是收纳盒有点小。",
        "异形片有点少，希望多一些。",
    ],
    "neg": [
        "有几片的磁铁松了，担心孩子误吞。",
    ],
}
REVIEWS["zh_silk"] = {
    "pos": [
        "面料很舒服，垂感好，穿上显气质。",
        "真丝的光泽很高级，年会穿收到很多夸奖。",
        "做工精细，走线整齐，没有线头。",
    ],
    "mix": [
        "衣服好看，就是真丝要手洗，打理有点麻烦。",
        "腰线有点高，个子高的要注意。",
    ],
    "neg": [
        "和图片色差比较大。",
    ],
}
REVIEWS["zh_qipao"] = {
    "pos": [
        "很有韵味又不夸张，上班也能穿。",
        "盘扣做得很精致，版型显瘦。",
        "面料顺滑，不容易皱。",
    ],
    "mix": [
        "偏小，建议拍大一码。",
        "领子有点硬，适应了就好。",
    ],
    "neg": [
        "洗了一次就有点变形了。",
    ],
}
REVIEWS["zh_cashmere"] = {
    "pos": [
        "羊绒很软很暖，贴身穿也不扎。",
        "版型简单百搭，配什么都好看。",
        "很轻薄但是很保暖。",
    ],
    "mix": [
        "有轻微起球，要注意护理。",
        "袖子稍微长了一点。",
    ],
    "neg": [
        "洗了一次就缩水了，很失望。",
    ],
}
REVIEWS["zh_chair"] = {
    "pos": [
        "坐了一整天腰也不酸，腰托很贴合。",
        "网布透气，夏天坐着不闷。",
        "安装很简单，半小时就装好了，很稳。",
        "头枕和扶手都可以调，很人性化。",
    ],
    "mix": [
        "整体不错，就是扶手有点晃。",
        "坐垫稍微有点硬。",
    ],
    "neg": [
        "用了三个月气杆就开始往下沉了。",
    ],
}
REVIEWS["zh_kidsdesk"] = {
    "pos": [
        "桌面升降很顺滑，孩子长高了也能继续用。",
        "实木很结实，孩子趴着写作业也不晃。",
        "倾斜桌面对坐姿很有帮助。",
    ],
    "mix": [
        "安装有点费时，两个人弄了一个多小时。",
        "桌面稍微有点小。",
    ],
    "neg": [
        "送来的时候桌面有划痕，客服处理慢。",
    ],
}
REVIEWS["zh_tea"] = {
    "pos": [
        "口感醇厚，回甘明显，很满意。",
        "礼盒包装很精致，过节送客户很体面。",
        "茶叶品质稳定，回购好几次了。",
    ],
    "mix": [
        "茶叶不错，就是价格有点贵。",
        "味道还行，和期待的有点差距。",
    ],
    "neg": [
        "收到的时候盒子压坏了，送人不太好看。",
    ],
}
REVIEWS["zh_mooncake"] = {
    "pos": [
        "月饼皮薄馅足，甜度适中，一家人都爱吃。",
        "八种口味都不一样，很有新意。",
        "礼盒很大气，送人很有面子。",
    ],
    "mix": [
        "口味还行，有点偏甜。",
        "保质期比较短，要尽快吃。",
    ],
    "neg": [
        "物流太慢，差点没赶上中秋。",
    ],
}
REVIEWS["zh_nuts"] = {
    "pos": [
        "坚果很新鲜，每包分量刚好，当早餐很方便。",
        "搭配合理，果干不会太甜。",
        "送人很体面，包装也好看。",
    ],
    "mix": [
        "核桃有点苦，其他都还好。",
        "腰果偏少，巴旦木偏多。",
    ],
    "neg": [
        "有几包坚果有点受潮了。",
    ],
}


# ===========================================================================
# BUILD + CHECK
# ===========================================================================

REQUIRED = ["id", "title", "description", "category", "brand", "price", "currency",
            "rating", "stock", "attributes", "reviews", "tags"]


def build():
    for section in (footwear, outdoor, electronics, phones, computers, home_kitchen,
                    beauty, sports, books, toys, clothing, furniture, grocery):
        section()
    rows = []
    for i, p in enumerate(PRODUCTS, 1):
        rows.append({"id": f"demo-{i:04d}", **p})
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            line = json.dumps(r, ensure_ascii=False, separators=(", ", ": "))
            # always print prices with two decimals (89.90, 164.00)
            line = re.sub(r'"price": ([0-9.]+)', lambda m: f'"price": {float(m.group(1)):.2f}', line, count=1)
            fh.write(line + "\n")
    return rows


def check(path=OUT):
    """Re-read the written file and sanity-check it; returns per-category counts."""
    ids, cats, zh_titles = set(), {}, 0
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        p = json.loads(line)
        assert list(p) == REQUIRED, (n, list(p))
        assert p["id"] not in ids, p["id"]
        ids.add(p["id"])
        assert p["title"] and p["description"] and p["brand"], n
        assert isinstance(p["price"], float) and p["price"] > 0, n
        assert p["currency"] in ("USD", "CNY"), n
        assert 2.8 <= p["rating"] <= 4.9 and round(p["rating"], 1) == p["rating"], n
        assert isinstance(p["stock"], int) and p["stock"] >= 0, n
        assert p["category"] == p["category"].lower(), n
        a = p["attributes"]
        if "color" in a:
            assert a["color"] in COLOURS, (n, a["color"])
        for c in a.get("colors_available", []) + a.get("colors_included", []):
            assert c in COLOURS, (n, c)
        for k, v in a.items():
            ok = isinstance(v, (str, int, float, bool)) or (
                isinstance(v, list) and all(isinstance(x, str) for x in v))
            assert ok, (n, k, v)
        assert 2 <= len(p["reviews"]) <= 4, n
        for r in p["reviews"]:
            assert list(r) == ["rating", "author", "text"] and 1 <= r["rating"] <= 5, n
        assert p["tags"] and all(t == t.lower() for t in p["tags"]), n
        if any("\u4e00" <= ch <= "\u9fff" for ch in p["title"]):
            zh_titles += 1
        cats[p["category"]] = cats.get(p["category"], 0) + 1
    assert len(lines) >= 320, len(lines)
    assert len(cats) >= 10, cats
    assert zh_titles >= 25, zh_titles
    return len(lines), cats, zh_titles


if __name__ == "__main__":
    build()
    total, cats, zh_count = check()
    warranty = sum("warranty" in json.loads(l)["attributes"] for l in OUT.read_text(encoding="utf-8").splitlines())
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")
    print(f"{total} products, {len(cats)} categories, {zh_count} with Chinese titles, "
          f"{warranty} ({warranty / total:.0%}) list a warranty")
    for c, k in sorted(cats.items()):
        print(f"  {c:<24} {k}")
