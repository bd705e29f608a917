"""Conversation scenarios (public shopper phrasing, English and our Chinese translation) and the
catalog slots they are played with. `build_specs.py` turns them into the frozen JSONL specs.

`src` of a turn: `mgs:<dialogue id>#<utterance id>` (mgshopdial_dev.json client turn),
`webshop:<index>` (webshop_goals_500_on.json), `bitext:<row>` (Bitext CSV, 0-based data row),
`issue8` (a phrase quoted by testers in the project's issue 8). The shopper text keeps the public
turn's words, with the product noun or amount swapped for the slot's.
"""
from __future__ import annotations

# -- slots: what each catalog sells, as a shopper would name it -------------------------------------
# kind: the evaluation kinds a card may have (bench/eval/catalogs.py); budget in the catalog's
# currency (splits the kind: some rows under, some over); brand_out / brand_in: brands sold in the
# kind; vattr / vval: a variant sold in the kind.
SLOTS: dict[str, dict[str, dict]] = {
    "demo": {
        "boots": dict(en="hiking boots", zh="登山鞋", kind=["hiking boots"], budget=120, brand_out="Trailmark",
                      brand_in="Cairnline", vattr="color", vval="black", vzh="黑色"),
        "runshoes": dict(en="running shoes", zh="跑鞋", kind=["running shoes"], budget=130, brand_out="Pacewind",
                         brand_in="Stridewell", vattr="color", vval="blue", vzh="蓝色"),
        "earbuds": dict(en="wireless earbuds", zh="蓝牙耳机", kind=["earbuds", "headphones"], budget=100,
                        brand_out="Tidewave", brand_in="Sonique", vattr="color", vval="white", vzh="白色"),
        "headphones": dict(en="noise cancelling headphones", zh="降噪耳机", kind=["headphones", "earbuds"], budget=200,
                           brand_out="Sonique", brand_in="Auralis", vattr="color", vval="silver", vzh="银色"),
        "tent": dict(en="tent", zh="帐篷", kind=["tents"], budget=250, brand_out="Cairnline", brand_in="Wildmere",
                     vattr="color", vval="green", vzh="绿色"),
        "yogamat": dict(en="yoga mat", zh="瑜伽垫", kind=["yoga mats"], budget=40, brand_out="Flexora", brand_in="Zenmat",
                        vattr="color", vval="purple", vzh="紫色"),
        "laptop": dict(en="laptop", zh="笔记本电脑", kind=["laptops"], budget=800, brand_out="Tessel", brand_in="Corvane",
                       vattr="color", vval="silver", vzh="银色"),
        "coffee": dict(en="coffee maker", zh="咖啡机", kind=["coffee makers", "espresso machines"], budget=60,
                       brand_out="Brewster & Pine", brand_in="Hearthline", vattr="color", vval="silver", vzh="银色"),
        "powerbank": dict(en="power bank", zh="充电宝", kind=["power banks"], budget=40, brand_out="Pocketvolt",
                          brand_in="Ampora", vattr="color", vval="black", vzh="黑色"),
        "backpack": dict(en="hiking backpack", zh="登山背包", kind=["backpacks"], budget=150, brand_out="Kestrel Ridge",
                         brand_in="Cairnline", vattr="color", vval="black", vzh="黑色"),
        "chair": dict(en="office chair", zh="办公椅", kind=["office chairs"], budget=250, brand_out="Ergonest",
                      brand_in="Sitwell", vattr="color", vval="grey", vzh="灰色"),
        "dress": dict(en="dress", zh="连衣裙", kind=["dresses"], budget=100, brand_out="Ashby & Wren",
                      brand_in="Wrenfield", vattr="color", vval="red", vzh="红色"),
        "keyboard": dict(en="mechanical keyboard", zh="机械键盘", kind=["keyboards"], budget=90, brand_out="Keystrand",
                         brand_in="Clackworks", vattr="color", vval="black", vzh="黑色"),
        "speaker": dict(en="bluetooth speaker", zh="蓝牙音箱", kind=["speakers"], budget=150, brand_out="Tidewave",
                        brand_in="Echoloft", vattr="color", vval="black", vzh="黑色"),
        "jacket": dict(en="rain jacket", zh="冲锋衣", kind=["jackets", "rain jackets"], budget=150, brand_out="Nordvik",
                       brand_in="Coastline Apparel", vattr="color", vval="red", vzh="红色"),
    },
    "dummyjson": {
        "phone": dict(en="smartphone", zh="智能手机", kind=["smartphones"], budget=300, brand_out="Apple",
                      brand_in="Samsung", vattr="color", vval="black", vzh="黑色"),
        "sunglasses": dict(en="sunglasses", zh="太阳镜", kind=["sunglasses"], budget=25, brand_out="Fashion Shades",
                           brand_in="Fashion Fun", vattr="color", vval="black", vzh="黑色"),
        "perfume": dict(en="perfume", zh="香水", kind=["fragrances"], budget=80, brand_out="Gucci", brand_in="Chanel",
                        vattr="color", vval="black", vzh="黑色"),
        "laptop": dict(en="laptop", zh="笔记本电脑", kind=["laptops"], budget=1500, brand_out="Apple", brand_in="Asus",
                       vattr="color", vval="silver", vzh="银色"),
        "mensshoes": dict(en="men's shoes", zh="男鞋", kind=["mens-shoes"], budget=100, brand_out="Nike",
                          brand_in="Puma", vattr="color", vval="black", vzh="黑色"),
        "bag": dict(en="handbag", zh="女士手提包", kind=["womens-bags"], budget=100, brand_out="Prada",
                    brand_in="Heshe", vattr="color", vval="black", vzh="黑色"),
        "tablet": dict(en="tablet", zh="平板电脑", kind=["tablets"], budget=500, brand_out="Apple", brand_in="Samsung",
                       vattr="color", vval="black", vzh="黑色"),
        "watch": dict(en="women's watch", zh="女士手表", kind=["womens-watches"], budget=1000, brand_out="Rolex",
                      brand_in="IWC", vattr="color", vval="gold", vzh="金色"),
    },
    "tau": {
        "boots": dict(en="hiking boots", zh="登山鞋", kind=["Hiking Boots"], budget=240, vattr="size", vval="10", vzh="10码"),
        "tshirt": dict(en="t-shirt", zh="T恤", kind=["T-Shirt"], budget=50, vattr="color", vval="red", vzh="红色"),
        "bottle": dict(en="water bottle", zh="水杯", kind=["Water Bottle"], budget=48, vattr="color", vval="blue", vzh="蓝色"),
        "speaker": dict(en="bluetooth speaker", zh="蓝牙音箱", kind=["Bluetooth Speaker"], budget=290, vattr="color",
                        vval="blue", vzh="蓝色"),
        "earbuds": dict(en="wireless earbuds", zh="无线耳机", kind=["Wireless Earbuds"], budget=250, vattr="color",
                        vval="black", vzh="黑色"),
        "chair": dict(en="office chair", zh="办公椅", kind=["Office Chair"], budget=500, vattr="color", vval="blue", vzh="蓝色"),
        "kettle": dict(en="electric kettle", zh="电热水壶", kind=["Electric Kettle"], budget=145, vattr="color",
                       vval="white", vzh="白色"),
        "backpack": dict(en="backpack", zh="双肩包", kind=["Backpack"], budget=205, vattr="color", vval="green", vzh="绿色"),
        "lamp": dict(en="desk lamp", zh="台灯", kind=["Desk Lamp"], budget=145, vattr="color", vval="white", vzh="白色"),
        "camera": dict(en="action camera", zh="运动相机", kind=["Action Camera"], budget=500, vattr="color", vval="black",
                       vzh="黑色"),
    },
    "mgshopdial": {
        "runshoes": dict(en="running shoes", zh="跑鞋", kind=["running shoes"], budget=70, brand_out="Nike",
                         brand_in="ASICS", vattr="color", vval="red", vzh="红色"),
        "book": dict(en="thriller book", zh="悬疑小说", kind=["book"], budget=12, brand_out="Stephen King",
                     brand_in="Agatha Christie", vattr="color", vval="red", vzh="红色"),
        "phone": dict(en="smartphone", zh="智能手机", kind=["smartphone"], budget=600, brand_out="Samsung",
                      brand_in="Google", vattr="color", vval="black", vzh="黑色"),
        "mic": dict(en="microphone", zh="麦克风", kind=["microphone"], budget=60, brand_out="TONOR", brand_in="EIVOTOR",
                    vattr="color", vval="black", vzh="黑色"),
        "racquet": dict(en="badminton racquet", zh="羽毛球拍", kind=["badminton racquet"], budget=45, brand_out="Senston",
                        brand_in="YONEX", vattr="color", vval="black", vzh="黑色"),
        "calendar": dict(en="wall calendar", zh="挂历", kind=["calendar"], budget=20, brand_out="Dunwell",
                         brand_in="Acrylic", vattr="color", vval="black", vzh="黑色"),
        "ink": dict(en="ink cartridges", zh="墨盒", kind=["ink cartridge"], budget=40, brand_out="Speedy Inks",
                    brand_in="MeetRGB", vattr="color", vval="black", vzh="黑色"),
        "skates": dict(en="ice hockey gear", zh="冰球装备", kind=["ice hockey gear"], budget=100, brand_out="CCM",
                       brand_in="Winnwell", vattr="color", vval="black", vzh="黑色"),
    },
}


def _runs(**by_catalog_lang: str) -> list[tuple[str, str, str]]:
    """`demo_en="boots tent"` -> [("demo", "en", "boots"), ("demo", "en", "tent")]."""
    out = []
    for key, names in by_catalog_lang.items():
        catalog, lang = key.rsplit("_", 1)
        out += [(catalog, lang, n) for n in names.split()]
    return out


SEARCH = {"found": True, "kind": "$kind"}

SCENARIOS: list[dict] = [
    {"name": "budget-cheaper-cart", "turns": [
        {"en": "i am looking for {noun} under {budget} dollars", "zh": "{budget}块以内的{noun}",
         "src": "webshop:265", "expect": {**SEARCH, "price_max": "$budget"}},
        {"en": "Do you have any cheaper option?", "zh": "有没有便宜点的", "src": "mgs:SportsandOutdoors:46:111:120#21",
         "expect": {"cheaper": True, "kind_kept": True}},
        {"en": "add the cheapest of them to my cart", "zh": "把最便宜的那个加购物车", "src": "mgs:Officeproducts:49:109:120#11",
         "expect": {"cart_add": {"ref": "cheapest"}}},
        {"en": "how much is it all together?", "zh": "一共多少钱？", "src": "issue8", "expect": {"cart_total": True}},
    ], "runs": _runs(demo_en="boots coffee backpack", demo_zh="runshoes earbuds chair", dummyjson_en="phone",
                     dummyjson_zh="mensshoes", tau_en="boots", tau_zh="tshirt", mgshopdial_en="runshoes",
                     mgshopdial_zh="book")},
    {"name": "no-more-than", "turns": [
        {"en": "I'm looking for {noun}", "zh": "我想买{noun}", "src": "mgs:SportsandOutdoors:46:111:120#4",
         "expect": {**SEARCH, "cart_unchanged": True}},
        {"en": "no more than {budget} bucks please", "zh": "不超过{budget}块", "src": "mgs:Cellphones&Accessories:46:129:130#3",
         "expect": {"price_max": "$budget", "kind_kept": True}},
        {"en": "I'll take the second one", "zh": "第二个加购物车", "src": "mgs:Books:45:109:145#28",
         "expect": {"cart_add": {"ref": 1}}},
    ], "runs": _runs(demo_en="tent laptop speaker", demo_zh="boots dress powerbank", dummyjson_en="tablet",
                     dummyjson_zh="phone", tau_en="speaker", tau_zh="kettle", mgshopdial_en="phone",
                     mgshopdial_zh="runshoes")},
    {"name": "brand-out-compare", "turns": [
        {"en": "{noun}", "zh": "{noun}", "src": "webshop:322", "expect": SEARCH},
        {"en": "i had a {brand_out} before and i didn't like it much, do you have any other models?",
         "zh": "{brand_out}的不要，还有别的牌子吗？", "src": "mgs:SportsandOutdoors:46:131:133#15",
         "expect": {"brand_not": "$brand_out", "kind_kept": True}},
        {"en": "What is the difference between the first two?", "zh": "前两个有什么区别？",
         "src": "mgs:SportsandOutdoors:48:103:101#11", "expect": {"compare": [0, 1]}},
    ], "runs": _runs(demo_en="earbuds chair keyboard", demo_zh="tent speaker yogamat", dummyjson_en="sunglasses",
                     dummyjson_zh="tablet", mgshopdial_en="runshoes", mgshopdial_zh="phone")},
    {"name": "brand-in-price", "turns": [
        {"en": "i need some {noun}", "zh": "有{noun}吗", "src": "webshop:197", "expect": SEARCH},
        {"en": "anything from {brand_in}?", "zh": "有{brand_in}的吗？", "src": "mgs:SportsandOutdoors:46:131:133#23",
         "expect": {"brand_only": "$brand_in"}},
        {"en": "How much is it?", "zh": "多少钱？", "src": "mgs:SportsandOutdoors:46:111:120#18",
         "expect": {"about_price": 0}},
    ], "runs": _runs(demo_en="runshoes headphones jacket", demo_zh="laptop coffee boots", dummyjson_en="perfume mensshoes",
                     dummyjson_zh="laptop", mgshopdial_en="racquet", mgshopdial_zh="mic")},
    {"name": "variant-cart", "turns": [
        {"en": "i would like {noun}", "zh": "想买{noun}", "src": "webshop:146", "expect": SEARCH},
        {"en": "I think I want the {vval} one", "zh": "有{vzh}的吗？", "src": "mgs:Cellphones&Accessories:46:92:93#14",
         "expect": {"variant": {"attr": "$vattr", "value": "$vval"}, "kind_kept": True}},
        {"en": "stick it in my bag", "zh": "放进购物车", "src": "issue8", "expect": {"cart_add": {"ref": 0}}},
    ], "runs": _runs(demo_en="dress tent", demo_zh="runshoes chair", tau_en="tshirt bottle chair kettle",
                     tau_zh="boots speaker earbuds backpack lamp")},
    {"name": "spec-questions", "turns": [
        {"en": "I'm looking for {noun}", "zh": "我在找{noun}", "src": "mgs:SportsandOutdoors:46:111:120#4", "expect": SEARCH},
        {"en": "what is it made of?", "zh": "这个是什么材质的？", "src": "mgs:SportsandOutdoors:47:111:119#21",
         "expect": {"spec": {"ref": 0, "attr": "material"}}},
        {"en": "what about the warranty?", "zh": "保修多久？", "src": "mgs:Books:46:134:133#17",
         "expect": {"spec": {"ref": 0, "attr": "warranty"}}},
    ], "runs": _runs(demo_en="boots backpack yogamat", demo_zh="jacket chair headphones", dummyjson_en="mensshoes",
                     dummyjson_zh="sunglasses", tau_en="backpack", tau_zh="bottle", mgshopdial_en="skates")},
    {"name": "yes-no", "turns": [
        {"en": "i want {noun}", "zh": "要{noun}", "src": "webshop:1264", "expect": SEARCH},
        {"en": "is it waterproof?", "zh": "这个防水吗？", "src": "webshop:2589",
         "expect": {"yesno": {"ref": 0, "attr": ["waterproof", "water_resistance", "water resistance",
                                                  "water_resistant", "waterproof_rating", "ip_rating"]}}},
        {"en": "thanks a lot", "zh": "谢谢", "src": "mgs:Books:45:109:118#31", "expect": {"no_cards": True}},
    ], "runs": _runs(demo_en="boots speaker runshoes jacket", demo_zh="tent earbuds powerbank backpack",
                     dummyjson_en="phone", dummyjson_zh="watch", tau_en="camera speaker", tau_zh="boots earbuds",
                     mgshopdial_en="phone", mgshopdial_zh="runshoes")},
    {"name": "compare-after-one", "turns": [
        {"en": "{noun}", "zh": "{noun}", "src": "webshop:322", "expect": SEARCH},
        {"en": "how much is the first one?", "zh": "第一个多少钱？", "src": "mgs:Books:46:134:133#15",
         "expect": {"about_price": 0}},
        {"en": "compare the first two", "zh": "对比一下前两个", "src": "issue8", "expect": {"compare": [0, 1]}},
        {"en": "i'll go for the first one", "zh": "就要第一个了", "src": "mgs:Books:45:109:118#30",
         "expect": {"cart_add": {"ref": 0}}},
    ], "runs": _runs(demo_en="laptop headphones", demo_zh="keyboard boots", dummyjson_en="bag", tau_en="speaker", tau_zh="camera",
                     dummyjson_zh="perfume", mgshopdial_en="book", mgshopdial_zh="ink")},
    {"name": "smalltalk", "turns": [
        {"en": "Hi :)", "zh": "你好", "src": "mgs:Cellphones&Accessories:46:137:139#1", "expect": {"no_cards": True}},
        {"en": "How are you doing?", "zh": "最近怎么样？", "src": "mgs:SportsandOutdoors:46:111:120#3",
         "expect": {"no_cards": True}},
        {"en": "I'm looking for {noun}", "zh": "我在找{noun}", "src": "mgs:SportsandOutdoors:46:111:120#4", "expect": SEARCH},
        {"en": "thanks a lot!", "zh": "谢谢啦", "src": "mgs:Books:46:134:133#20", "expect": {"no_cards": True}},
        {"en": "bye :)", "zh": "拜拜", "src": "mgs:Cellphones&Accessories:46:137:139#42", "expect": {"no_cards": True}},
    ], "runs": _runs(demo_en="tent coffee laptop", demo_zh="yogamat dress boots", dummyjson_en="tablet", dummyjson_zh="bag",
                     tau_en="lamp", tau_zh="kettle", mgshopdial_en="calendar", mgshopdial_zh="racquet")},
    {"name": "escalation", "turns": [
        {"en": "i need some {noun}", "zh": "有{noun}吗", "src": "webshop:197", "expect": SEARCH},
        {"en": "how can I speak to a human agent?", "zh": "转人工", "src": "bitext:2784", "expect": {"escalated": True}},
    ], "runs": _runs(demo_en="powerbank dress", demo_zh="laptop earbuds", dummyjson_en="watch", dummyjson_zh="tablet",
                     tau_en="tshirt", tau_zh="lamp", mgshopdial_en="mic", mgshopdial_zh="calendar")},
    {"name": "no-false-escalation", "turns": [
        {"en": "i am looking for {noun} for our customer support team", "zh": "给我们客服团队买几个{noun}",
         "src": "webshop:8296+bitext:2650", "expect": {**SEARCH, "escalated": False}},
        {"en": "are you a bot or a real human? anyway, how much is the first one?",
         "zh": "你是机器人还是真人？先问下第一个多少钱", "src": "issue8+mgs:Books:46:134:133#15",
         "expect": {"escalated": False, "about_price": 0}},
        {"en": "can i get two of the first one", "zh": "第一个来两个", "src": "mgs:Books:49:115:121#16",
         "expect": {"escalated": False, "cart_add": {"ref": 0, "qty": 2}}},
    ], "runs": _runs(demo_en="headphones keyboard chair", demo_zh="earbuds speaker laptop", dummyjson_en="laptop",
                     dummyjson_zh="phone", tau_en="earbuds", tau_zh="chair", mgshopdial_en="mic")},
    {"name": "handback", "turns": [
        {"en": "I'm looking for {noun}", "zh": "我想买{noun}", "src": "mgs:SportsandOutdoors:46:111:120#4", "expect": SEARCH},
        {"en": "i need help speaking to a live agent", "zh": "我要找人工客服", "src": "bitext:3016",
         "expect": {"escalated": True}},
        {"staff": "take_over"},
        {"staff": "reply", "text": "Hi, this is Anna from the shop. How can I help?"},
        {"en": "show me {noun} under {budget} dollars", "zh": "看看{budget}块以内的{noun}", "src": "webshop:265",
         "expect": {"staff_silent": True}},
        {"staff": "hand_back", "expect": {"handback_answered": True}},
        {"en": "thanks!", "zh": "谢谢！", "src": "mgs:Books:45:109:145#9", "expect": {"no_cards": True, "escalated": False}},
    ], "runs": _runs(demo_en="boots earbuds", demo_zh="tent speaker", dummyjson_en="perfume", dummyjson_zh="laptop", tau_zh="bottle",
                     mgshopdial_en="book")},
    {"name": "more-options", "turns": [
        {"en": "i need {noun}", "zh": "我需要{noun}", "src": "webshop:507", "expect": SEARCH},
        {"en": "any other suggestions", "zh": "还有别的推荐吗", "src": "mgs:Books:49:115:121#11",
         "expect": {"new_cards": True, "kind_kept": True}},
        {"en": "and how much does the second one cost", "zh": "第二个多少钱", "src": "mgs:Books:49:115:121#12",
         "expect": {"about_price": 1}},
    ], "runs": _runs(demo_en="runshoes yogamat", demo_zh="jacket keyboard", dummyjson_en="sunglasses",
                     dummyjson_zh="mensshoes", tau_en="backpack", tau_zh="tshirt", mgshopdial_en="skates", mgshopdial_zh="book")},
    {"name": "policy-dont-know", "turns": [
        {"en": "I'm looking for {noun}", "zh": "我在找{noun}", "src": "mgs:SportsandOutdoors:46:111:120#4", "expect": SEARCH},
        {"en": "what is your money back policy for the first one?", "zh": "第一个可以退货吗？退货政策是什么？",
         "src": "bitext:2050", "expect": {"spec": {"ref": 0, "attr": "return_policy"}}},
        {"en": "How much for shipping to the Cayman Islands?", "zh": "寄到开曼群岛运费多少？",
         "src": "mgs:Cellphones&Accessories:46:129:130#11", "expect": {"dont_know": True}},
    ], "runs": _runs(demo_en="coffee speaker", demo_zh="powerbank", dummyjson_en="phone bag watch",
                     dummyjson_zh="sunglasses perfume", tau_en="lamp", tau_zh="earbuds",
                     mgshopdial_en="calendar", mgshopdial_zh="skates")},
]
