"""Built-in shopper words, English and Chinese: colours, materials, letter sizes and product-type synonyms.

Plain tables, no logic: `Vocabulary` maps them onto what a catalog actually says.
"""
from __future__ import annotations

__all__ = ["BUILTIN_BRAND_ALIASES", "BUILTIN_COLORS", "BUILTIN_MATERIALS", "BUILTIN_SIZES", "BUILTIN_SYNONYMS",
           "PRODUCT_NOUNS", "PROPERTY_ADJECTIVES", "VAGUE_HEADS"]

# Shopper word -> the value(s) it stands for; a catalog value containing one of them also counts.
BUILTIN_COLORS: dict[str, str | tuple[str, ...]] = {
    "black": "black", "white": "white", "red": "red", "blue": "blue", "green": "green",
    "grey": ("grey", "gray"), "gray": ("grey", "gray"), "brown": "brown", "navy": "navy", "navy blue": "navy",
    "pink": "pink", "beige": "beige", "orange": "orange", "purple": "purple", "violet": "purple",
    "yellow": "yellow", "silver": "silver", "gold": "gold", "khaki": "khaki", "olive": "olive",
    "teal": "teal", "cream": "cream", "burgundy": "burgundy", "tan": "tan",
    "黑色": "black", "黑": "black", "白色": "white", "白": "white", "红色": "red", "红": "red",
    "蓝色": "blue", "蓝": "blue", "绿色": "green", "绿": "green", "灰色": "grey", "灰": "grey",
    "棕色": "brown", "咖啡色": "brown", "褐色": "brown", "棕": "brown", "藏青色": "navy", "藏青": "navy",
    "海军蓝": "navy", "粉色": "pink", "粉红色": "pink", "粉红": "pink", "粉": "pink", "米色": "beige",
    "米白色": "beige", "橙色": "orange", "橘色": "orange", "橙": "orange", "紫色": "purple", "紫": "purple",
    "黄色": "yellow", "黄": "yellow", "银色": "silver", "银": "silver", "金色": "gold", "卡其色": "khaki",
}
BUILTIN_MATERIALS: dict[str, str | tuple[str, ...]] = {
    "leather": "leather", "suede": "suede", "nubuck": "nubuck", "cotton": "cotton", "wool": "wool",
    "merino": "merino", "cashmere": "cashmere", "silk": "silk", "linen": "linen", "denim": "denim",
    "canvas": "canvas", "polyester": "polyester", "nylon": "nylon", "fleece": "fleece",
    "gore-tex": "gore-tex", "goretex": "gore-tex", "mesh": "mesh", "rubber": "rubber",
    "stainless steel": "stainless steel", "steel": "steel", "carbon steel": "carbon steel",
    "aluminium": ("aluminium", "aluminum"), "aluminum": ("aluminium", "aluminum"), "titanium": "titanium",
    "cast iron": "cast iron",
    "bamboo": "bamboo", "wood": "wood", "wooden": "wood", "walnut": "walnut", "oak": "oak",
    "glass": "glass", "ceramic": "ceramic", "plastic": "plastic", "silicone": "silicone",
    "真皮": ("真皮", "leather"), "皮革": ("皮革", "leather"), "牛皮": ("牛皮", "leather"), "纯棉": ("棉", "cotton"),
    "羊毛": ("羊毛", "wool"), "羊绒": ("羊绒", "cashmere"), "真丝": ("丝", "silk"), "丝绸": ("丝", "silk"),
    "亚麻": ("亚麻", "linen"), "帆布": ("帆布", "canvas"), "涤纶": ("涤纶", "polyester"),
    "聚酯纤维": ("聚酯纤维", "polyester"), "尼龙": ("尼龙", "nylon"), "抓绒": ("抓绒", "fleece"),
    "不锈钢": ("不锈钢", "stainless steel"), "碳钢": ("碳钢", "carbon steel"), "铝合金": ("铝", "aluminium"),
    "钛": ("钛", "titanium"), "玻璃": ("玻璃", "glass"), "陶瓷": ("陶瓷", "ceramic"), "硅胶": ("硅胶", "silicone"),
    "铸铁": ("铸铁", "cast iron"), "实木": ("木", "wood"), "榉木": ("榉木", "beech"), "网布": ("网布", "mesh"),
}
# Letter sizes a shopper may say on their own ("a medium hoodie", "XL"). Bare S/M/L are too
# ambiguous alone and need "size M" / "M码".
BUILTIN_SIZES: dict[str, str] = {
    "xxs": "XXS", "xs": "XS", "xl": "XL", "xxl": "XXL", "xxxl": "XXXL", "2xl": "XXL", "3xl": "XXXL",
    "medium": "M", "extra small": "XS", "extra large": "XL", "x-small": "XS", "x-large": "XL",
    "中号": "M", "大号": "L", "小号": "S", "加大号": "XL", "加大码": "XL",
}
# Everyday names for product types, mapped to subcategory names a catalog is likely to use. A
# synonym only counts when the catalog really has that subcategory (see `Vocabulary.from_products`).
BUILTIN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "trainers": ("sneakers", "running shoes"), "earphones": ("earbuds",), "headset": ("headphones",),
    "phone": ("smartphones",), "phones": ("smartphones",), "cellphone": ("smartphones",),
    "mouse": ("mice",), "knife": ("knives",), "pan": ("cookware",), "pans": ("cookware",),
    "pots": ("cookware",), "mug": ("drinkware",), "mugs": ("drinkware",), "water bottle": ("drinkware",),
    "tumbler": ("drinkware",), "coat": ("jackets",), "raincoat": ("jackets",), "rucksack": ("backpacks",),
    "daypack": ("backpacks",), "sunscreen": ("skincare",), "moisturizer": ("skincare",),
    "moisturiser": ("skincare",), "hand cream": ("hand care",), "jigsaw": ("puzzles",),
    "phone case": ("cases",), "perfume": ("fragrances",), "perfumes": ("fragrances",), "cologne": ("fragrances",),
    "scent": ("fragrances",), "eau de toilette": ("fragrances",), "eau de parfum": ("fragrances",), "登山鞋": ("hiking boots",), "徒步鞋": ("hiking boots",),
    "跑鞋": ("running shoes",), "跑步鞋": ("running shoes",), "运动鞋": ("sneakers", "running shoes"),
    "凉鞋": ("sandals",), "帐篷": ("tents",), "睡袋": ("sleeping bags",), "冲锋衣": ("jackets",),
    "夹克": ("jackets",), "外套": ("jackets",), "背包": ("backpacks",), "双肩包": ("backpacks",), "登山包": ("backpacks",),
    "旅行包": ("backpacks",),
    "耳机": ("headphones", "earbuds"), "头戴式耳机": ("headphones",), "蓝牙耳机": ("earbuds", "headphones"),
    "音箱": ("speakers",), "音响": ("speakers",), "充电器": ("chargers",), "充电宝": ("power banks",),
    "移动电源": ("power banks",), "手机": ("smartphones",), "手机壳": ("cases",), "数据线": ("cables",),
    "笔记本电脑": ("laptops",), "笔记本": ("laptops",), "键盘": ("keyboards",), "鼠标": ("mice",),
    "显示器": ("monitors",), "料理机": ("blenders",), "破壁机": ("blenders",), "搅拌机": ("blenders",),
    "炒锅": ("cookware",), "平底锅": ("cookware",), "菜刀": ("knives",), "保温杯": ("drinkware",),
    "水杯": ("water bottles", "drinkware", "cups"), "电饭煲": ("rice cookers",), "护肤品": ("skincare",), "防晒霜": ("skincare",),
    "面霜": ("skincare",), "护手霜": ("hand care",), "瑜伽垫": ("yoga mats",), "拼图": ("puzzles",),
    "积木": ("building sets",), "图书": ("books",),
    "平板电脑": ("tablets",), "平板": ("tablets",), "智能手机": ("smartphones",), "香水": ("fragrances", "perfume"),
    "太阳镜": ("sunglasses",), "墨镜": ("sunglasses",), "手表": ("watches",), "腕表": ("watches",),
    "台灯": ("lamps", "lamp"), "灯": ("lamps", "lighting"), "口红": ("lipstick",), "沙发": ("sofa", "furniture"),
    "家具": ("furniture",), "连衣裙": ("dresses",), "裙子": ("dresses", "skirts"), "衬衫": ("shirts",),
    "T恤": ("t-shirts", "tops"), "钱包": ("wallets",), "手提包": ("handbags", "bags"), "包包": ("bags",),
    "戒指": ("rings", "jewellery"), "项链": ("necklaces", "jewellery"), "首饰": ("jewellery",),
    "蔬菜": ("vegetables", "groceries"), "水果": ("fruits", "groceries"), "零食": ("snacks", "groceries"),
    "摩托车": ("motorcycle",), "汽车": ("vehicle", "car"), "相机": ("cameras", "camera"), "麦克风": ("microphone",),
    "话筒": ("microphone",), "书": ("books", "book"), "小说": ("novels", "novel", "book"),
    "咖啡机": ("coffee makers", "coffee maker"), "吸尘器": ("vacuum",), "自行车": ("bicycle", "bike"),
    "水壶": ("water bottle", "kettle"), "电热水壶": ("electric kettles", "electric kettle", "kettle"), "蓝牙音箱": ("speakers", "bluetooth speaker"),
    "智能手表": ("smartwatch", "watches"), "运动装备": ("sports accessories",), "厨具": ("kitchen accessories",),
    "化妆品": ("beauty",), "男鞋": ("mens-shoes", "men's shoes"), "女鞋": ("womens-shoes", "women's shoes"),
    "男装": ("mens-shirts", "men's clothing"), "女装": ("womens-dresses", "women's clothing"),
    "女士手表": ("womens-watches",), "男士手表": ("mens-watches",), "办公椅": ("office chairs", "office chair"),
    "椅子": ("chairs", "chair"), "挂历": ("calendar",), "日历": ("calendar",), "背包客": ("backpacks",), "护肤": ("skincare",), "手套": ("gloves",), "帽子": ("hats",), "袜子": ("socks",),
}
# More everyday Chinese product names (a shop's English rows are found through these words; a
# word already above keeps its entry).
for _zh, _en in {
    "羽毛球拍": ("badminton racquets", "badminton racket"), "羽毛球": ("shuttlecocks", "badminton"),
    "网球拍": ("tennis rackets",), "乒乓球拍": ("table tennis paddles",), "篮球": ("basketballs",),
    "足球": ("soccer balls", "footballs"), "排球": ("volleyballs",), "高尔夫球杆": ("golf clubs",),
    "冰球装备": ("ice hockey gear", "hockey"), "冰球": ("ice hockey", "hockey"), "冰鞋": ("skates",),
    "溜冰鞋": ("skates",), "滑板": ("skateboards",), "头盔": ("helmets",), "护膝": ("knee pads",),
    "哑铃": ("dumbbells",), "跑步机": ("treadmills",), "鱼竿": ("fishing rods",), "登山杖": ("trekking poles",),
    "墨盒": ("ink cartridges", "ink cartridge"), "硒鼓": ("toner cartridges",), "打印纸": ("printer paper", "copy paper"),
    "复印纸": ("copy paper", "printer paper"), "打印机": ("printers",), "扫描仪": ("scanners",),
    "圆珠笔": ("ballpoint pens", "pens"), "中性笔": ("gel pens", "pens"), "钢笔": ("fountain pens", "pens"),
    "笔袋": ("pencil cases", "pencil case"), "文具袋": ("pencil cases", "pencil case"), "铅笔盒": ("pencil cases",),
    "颜料": ("paints", "paint"), "画笔": ("paint brushes",), "记事本": ("notebooks", "notepads"),
    "笔记本子": ("notebooks",), "本子": ("notebooks",), "日程本": ("planners",), "计划本": ("planners",),
    "台历": ("desk calendars", "calendar"), "文件夹": ("folders",), "订书机": ("staplers",), "计算器": ("calculators",),
    "便利贴": ("sticky notes",), "白板": ("whiteboards",),
    "三脚架": ("tripods", "tripod"), "自拍杆": ("selfie sticks", "selfie stick"), "补光灯": ("ring lights", "ring light"),
    "环形灯": ("ring lights", "ring light"), "稳定器": ("gimbals", "stabilizer"), "手机支架": ("phone holders",),
    "运动相机": ("action cameras", "camera"), "数码相机": ("digital cameras", "camera"), "镜头": ("lenses",),
    "无线耳机": ("wireless earbuds", "earbuds", "headphones"), "耳麦": ("headsets",), "路由器": ("routers",),
    "硬盘": ("hard drives",), "U盘": ("usb flash drives",), "内存卡": ("memory cards",), "投影仪": ("projectors",),
    "电视": ("tvs", "televisions"), "游戏机": ("game consoles",), "游戏手柄": ("controllers",), "手柄": ("controllers",),
    "智能手环": ("fitness trackers",), "手环": ("fitness trackers",), "电子书阅读器": ("e-readers",),
    "插座": ("power strips",), "灯泡": ("light bulbs",), "落地灯": ("floor lamps", "lamp"),
    "烧水壶": ("kettles", "kettle"),
    "茶壶": ("teapots", "tea kettle"), "水瓶": ("water bottles", "water bottle"),
    "杯子": ("cups", "mugs", "drinkware"), "马克杯": ("mugs", "drinkware"),
    "锅": ("pots", "cookware"), "砧板": ("cutting boards",), "微波炉": ("microwaves",), "烤箱": ("ovens",),
    "空气炸锅": ("air fryers",), "榨汁机": ("juicers", "blenders"), "碗": ("bowls",), "盘子": ("plates",),
    "扫地机器人": ("robot vacuums", "vacuum"), "空气净化器": ("air purifiers",), "加湿器": ("humidifiers",),
    "电风扇": ("fans",), "风扇": ("fans",), "电动牙刷": ("electric toothbrushes",), "剃须刀": ("shavers", "razors"),
    "吹风机": ("hair dryers",), "枕头": ("pillows",), "被子": ("comforters", "duvets"), "床单": ("sheets",),
    "毛巾": ("towels",), "窗帘": ("curtains",), "地毯": ("rugs",), "收纳盒": ("storage boxes",), "衣架": ("hangers",),
    "书架": ("bookshelves",), "书桌": ("desks",), "桌子": ("tables", "desks"), "床垫": ("mattresses",),
    "牛仔裤": ("jeans",), "裤子": ("pants", "trousers"), "运动裤": ("pants", "joggers"), "短裤": ("shorts",),
    "卫衣": ("hoodies",), "毛衣": ("sweaters",), "羽绒服": ("down jackets", "jackets"), "围巾": ("scarves",),
    "睡衣": ("pajamas",), "泳衣": ("swimsuits",), "内衣": ("underwear",), "高跟鞋": ("heels",), "拖鞋": ("slippers",),
    "靴子": ("boots",), "雪地靴": ("snow boots", "boots"), "帆布鞋": ("canvas shoes", "sneakers"),
    "粉底": ("foundation",), "眼影": ("eyeshadow",), "睫毛膏": ("mascara",), "洗发水": ("shampoo",),
    "护发素": ("conditioner",), "沐浴露": ("body wash",), "面膜": ("face masks",), "精华": ("serums", "serum"),
    "爽肤水": ("toners",), "洗面奶": ("cleansers", "face wash"), "指甲油": ("nail polish",),
    "童书": ("children's books", "books"), "漫画": ("comics", "books"), "教材": ("textbooks", "books"),
    "咖啡": ("coffee",), "爬山": ("hiking",), "登山": ("hiking",), "徒步": ("hiking",), "露营": ("camping",),
    "跑步": ("running",), "钓鱼": ("fishing",), "健身": ("fitness",), "骑行": ("cycling",), "游泳": ("swimming",),
    "摄影": ("camera", "photography"), "做饭": ("cooking", "kitchen"), "喝茶": ("tea",), "茶": ("tea",),
    "机械键盘": ("mechanical keyboards", "mechanical keyboard"), "无线键盘": ("wireless keyboards", "wireless keyboard"),
    "游戏鼠标": ("gaming mice", "gaming mouse"), "无线鼠标": ("wireless mice", "wireless mouse"),
    "玩具": ("toys",), "娃娃": ("dolls",), "毛绒玩具": ("plush toys", "stuffed animals"),
}.items():
    BUILTIN_SYNONYMS.setdefault(_zh, _en)
# Head nouns too vague to stand for a category on their own ("sets" of "building sets").
VAGUE_HEADS = frozenset({"sets", "set", "care", "accessories", "items", "goods", "products", "gear", "room", "play",
                         "control", "furniture", "dining", "tools", "machines", "filters", "bands", "bags"})
# Chinese names of brands sold worldwide ("不要苹果" = not Apple); used only when the catalog has the brand.
BUILTIN_BRAND_ALIASES: dict[str, str] = {
    "苹果": "Apple", "耐克": "Nike", "阿迪达斯": "Adidas", "阿迪": "Adidas", "索尼": "Sony", "三星": "Samsung",
    "华为": "Huawei", "小米": "Xiaomi", "联想": "Lenovo", "戴尔": "Dell", "惠普": "HP", "佳能": "Canon",
    "尼康": "Nikon", "飞利浦": "Philips", "博世": "Bosch", "戴森": "Dyson", "罗技": "Logitech", "彪马": "Puma",
    "新百伦": "New Balance", "安德玛": "Under Armour", "北面": "The North Face", "哥伦比亚": "Columbia",
    "始祖鸟": "Arc'teryx", "乐高": "LEGO", "微软": "Microsoft", "谷歌": "Google", "华硕": "Asus", "宏碁": "Acer",
    "松下": "Panasonic", "雅诗兰黛": "Estee Lauder", "欧莱雅": "L'Oreal", "兰蔻": "Lancome", "香奈儿": "Chanel",
    "迪奥": "Dior", "古驰": "Gucci", "宜家": "IKEA",
}
# Common kinds of product, as the head noun of a title says them ("... Noise Canceling Headphones").
# A row without a category whose title's first head is one of these is that kind of product, so it
# can be told apart from the kind a shopper asked for (headphones are not a microphone). Accessory
# heads (kit, stand, holder) are here too: a "Smartphone Video Rig Kit" is a kit, not a smartphone.
PRODUCT_NOUNS = frozenset("""
adapter adapters backpack bag bags ball balls bat battery bed bench bicycle bike binder blanket blender
blouse board book books boot boots bottle bowl box bra bracelet brush cable calendar camera candle cap cartridge
cartridges case chair charger clock coat cooker cover cream cup curtain cushion desk dress drill drone
earbuds earphones earrings fan flashlight gimbal glasses gloves guitar hat headphones headset heater
helmet holder hoodie iron jacket jeans kettle keyboard kit knife lamp laptop lens light lipstick mat
microphone mirror monitor mount mouse mug necklace notebook notepad organizer oven pad pan pants pen
paper pencil pens perfume phone pillow planner plate player pouch printer projector puzzle racket racquet
rack remote ring rod router sandals scale scanner scarf serum shampoo shelf shirt shoe shoes shorts
shuttlecock shuttlecocks skates skirt smartphone smartwatch sneakers socks sofa speaker speakers stabilizer
stand sticker stool strap sunglasses sweater table tablet tent tie tights toy tray tripod trimmer
trousers umbrella vacuum vest wallet watch wipes
""".split())
# Properties a shopper adds to the product already being discussed ("waterproof is a must", "一定要防水的"):
# a message of these words alone narrows the need instead of starting a new one.
PROPERTY_ADJECTIVES = frozenset("""waterproof water-resistant water-repellent windproof breathable insulated
wireless bluetooth cordless rechargeable foldable adjustable lightweight ultralight noise-cancelling
noise-canceling ergonomic portable vegan organic non-stick nonstick dishwasher-safe waterproofed warm
防水 防风 透气 保暖 无线 蓝牙 可折叠 轻量 轻便 降噪 便携 有机""".split())
