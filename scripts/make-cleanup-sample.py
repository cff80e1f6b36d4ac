#!/usr/bin/env python3
"""Builds sample-data/cleanup/: the inputs of pipelines/cleanup.yml (`crm clean`).

Two invented systems that hold the same invented people, as a migration finds them:
  old_crm_customers.csv  an old Chinese CRM's customer export: GBK, CRLF, Chinese headers, dates as 2021/3/5
  old_crm_orders.csv     its orders (GBK), keyed by its own customer ids (KH….)
  erp.sqlite             a second system: tables `customers` and `orders`, keyed by C-….
  truth.csv              for tests: every customer row (source, line) → the invented person it describes

Duplicates are made the hard way: a wrong character in a Chinese name, swapped given/family name in
English names, missing e-mail or phone, phones written +86 138 …, 0086-…, 138-…, full-width digits,
e-mail case, 有限公司 vs 股份有限公司 and Co., Ltd. vs Co.,Ltd / Limited, a moved city. A few rows are hostile on
purpose: no name at all, an unreadable created date, a customer id used twice, a company switchboard
number shared by unrelated people. Deterministic: same script, same bytes (python3 standard library only).
"""
import csv
import io
import os
import random
import sqlite3

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sample-data", "cleanup")
rng = random.Random(20261123)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣怡佳琪晨阳子轩博文"
# Characters typed for one another (same pinyin or same shape) — the typos a data-entry clerk makes.
LOOKALIKE = {"伟": "玮", "玮": "伟", "芳": "方", "静": "靜", "丽": "莉", "磊": "垒", "军": "君", "洋": "阳", "杰": "洁",
             "涛": "滔", "明": "鸣", "霞": "侠", "华": "桦", "玲": "琳", "燕": "艳", "斌": "彬", "宇": "雨", "浩": "皓",
             "健": "建", "俊": "骏", "宁": "凝", "林": "琳", "欣": "馨", "佳": "家", "琪": "棋", "晨": "辰", "博": "波"}
EN_GIVEN = ["David", "Michael", "Grace", "Helen", "Kevin", "Linda", "Jason", "Emily", "Tony", "Amy", "Eric", "Vivian",
            "Peter", "Cindy", "Frank", "Lucy"]
EN_FAMILY = ["Wang", "Li", "Zhang", "Chen", "Liu", "Huang", "Zhou", "Wu", "Lin", "Zhao"]
CITIES = [("上海", "上海"), ("北京", "北京"), ("广东", "深圳"), ("广东", "广州"), ("浙江", "杭州"), ("江苏", "南京"),
          ("四川", "成都"), ("湖北", "武汉"), ("陕西", "西安"), ("辽宁", "沈阳"), ("福建", "厦门"), ("山东", "青岛")]
CN_FIRM = ["华谊", "金桥", "光明", "新世纪", "宏达", "恒通", "东方", "瑞丰", "嘉禾", "天成", "远航", "博雅", "中联", "海悦"]
CN_FIRM_PINYIN = ["huayi", "jinqiao", "guangming", "xinshiji", "hongda", "hengtong", "dongfang", "ruifeng", "jiahe",
                  "tiancheng", "yuanhang", "boya", "zhonglian", "haiyue"]
CN_TRADE = ["贸易", "科技", "网络科技", "实业", "物流", "电子", "医疗器械", "食品"]
EN_FIRM = ["Bright Star", "Golden Bridge", "Pacific Rim", "Blue Ocean", "Evergreen", "Silver Lake"]
EN_TRADE = ["Trading", "Technology", "Logistics", "Electronics"]
FREEMAIL = ["qq.com", "163.com", "126.com", "gmail.com", "sina.com", "hotmail.com"]
PINYIN = {c: p for c, p in zip(SURNAMES, ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou",
                                          "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng",
                                          "liang", "xie", "song", "tang", "xu", "han", "feng", "deng", "cao", "peng",
                                          "zeng", "xiao", "tian", "dong", "yuan", "pan", "cai", "jiang", "yu", "yu",
                                          "du", "ye", "cheng", "su", "wei", "lv", "ding", "ren", "shen", "yao", "lu",
                                          "jiang", "cui", "zhong", "tan", "lu", "wang", "fan", "jin", "shi", "liao",
                                          "jia", "xia", "wei", "fu", "fang", "bai", "zou", "meng", "xiong", "qin",
                                          "qiu", "jiang", "yin", "xue", "yan", "duan", "lei", "hou", "long", "shi",
                                          "tao", "li", "he", "gu", "mao", "hao", "gong", "shao", "wan", "qian", "yan",
                                          "qin", "wu", "dai", "mo", "kong", "xiang", "tang"])}
SWITCHBOARD = "400-820-8820"


def person(i):
    """One invented person: the values a careful system would hold."""
    province, city = rng.choice(CITIES)
    english = rng.random() < 0.15
    if english:
        given, family = rng.choice(EN_GIVEN), rng.choice(EN_FAMILY)
        name = f"{given} {family}"
        handle = f"{given.lower()}.{family.lower()}"
    else:
        s = rng.choice(SURNAMES)
        g = "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))
        name = s + g
        handle = PINYIN.get(s, "kh") + str(rng.randrange(10, 99)) + str(i % 10)
    if rng.random() < 0.35:
        company, domain = None, None
    elif rng.random() < 0.75:
        firm, trade = rng.choice(CN_FIRM), rng.choice(CN_TRADE)
        company = f"{city}{firm}{trade}有限公司"
        domain = CN_FIRM_PINYIN[CN_FIRM.index(firm)] + rng.choice(["", "-" + PINYIN.get(city[0], "cn")]) + ".com.cn"
    else:
        company = f"{rng.choice(EN_FIRM)} {rng.choice(EN_TRADE)} Co., Ltd."
        domain = company.split()[0].lower() + company.split()[1].lower() + ".com"
    email = f"{handle}@{domain or rng.choice(FREEMAIL)}"
    mobile = rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
    phone = "1" + mobile
    created = (2019 + rng.randrange(5), 1 + rng.randrange(12), 1 + rng.randrange(28), rng.randrange(8, 19), rng.randrange(60))
    return dict(id=i, name=name, english=english, email=email, phone=phone, company=company, province=province,
                city=city, created=created)


def distinct_english_names(people):
    """English names come from small lists, so two invented people could be `David Liu` and `David Li`: namesakes
    no matcher can tell apart, which truth.csv would then call different people. Each later one takes another family
    name instead (no random draw, so everything else in the sample stays as it was)."""
    spare = iter(["Xu", "Sun", "Guo", "He", "Luo", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao"])
    seen = []
    for p in people:
        if not p["english"]:
            continue
        given, family = p["name"].split(" ")
        while any(g == given and (f == family or f.startswith(family) or family.startswith(f)) for g, f in seen):
            new = next(spare)
            p["email"] = p["email"].replace(f".{family.lower()}@", f".{new.lower()}@")
            family = new
        p["name"] = f"{given} {family}"
        seen.append((given, family))


def phone_style(p):
    d = p
    return rng.choice([d, f"+86 {d[:3]} {d[3:7]} {d[7:]}", f"0086-{d[:3]}-{d[3:7]}-{d[7:]}", f"{d[:3]}-{d[3:7]}-{d[7:]}",
                       f"(+86) {d}", d.translate(str.maketrans("0123456789", "０１２３４５６７８９"))])


def typo_name(p):
    n = p["name"]
    if p["english"]:
        given, family = n.split(" ")
        choice = rng.randrange(3)
        if choice == 0:
            return f"{family} {given}"                  # swapped
        if choice == 1:
            return f"{family.upper()}, {given}"         # LAST, First
        i = rng.randrange(1, len(given) - 1)
        return f"{given[:i]}{given[i + 1]}{given[i]}{given[i + 2:]} {family}"  # transposed letters
    chars = list(n)
    positions = [k for k in range(1, len(chars)) if chars[k] in LOOKALIKE]
    if positions and rng.random() < 0.8:
        k = rng.choice(positions)
        chars[k] = LOOKALIKE[chars[k]]
        return "".join(chars)
    return " ".join(chars) if rng.random() < 0.5 else n + " "   # spaced out, trailing blank


def company_variant(c):
    if c is None:
        return None
    if c.endswith("Co., Ltd."):
        return rng.choice([c.replace("Co., Ltd.", "Co.,Ltd"), c.replace("Co., Ltd.", "Limited"), c.upper()])
    # 股份 added, the legal suffix left off, or the city prefix left off.
    return rng.choice([c.replace("有限公司", "股份有限公司"), c.replace("有限公司", ""), c[2:]])


def gbk_date(c, style):
    y, m, d, hh, mm = c
    return f"{y}/{m}/{d} {hh}:{mm:02d}" if style == 0 else f"{y}年{m}月{d}日"


def iso(c):
    y, m, d, hh, mm = c
    return f"{y:04d}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}:00"


def main():
    os.makedirs(ROOT, exist_ok=True)
    people = [person(i) for i in range(1, 241)]
    distinct_english_names(people)
    old_rows, erp_rows, truth = [], [], []

    # Who lives where: 0–59 old CRM only, 60–139 both, 140–199 ERP only, 200–239 both with a second old-CRM row.
    for p in people:
        in_old = p["id"] <= 140 or p["id"] > 200
        in_erp = p["id"] > 60
        if in_old:
            old_rows.append((p, "clean"))
        if p["id"] > 200:
            old_rows.append((p, "dup"))
        if in_erp:
            erp_rows.append((p, "dup" if in_old else "clean"))
    rng.shuffle(old_rows)
    rng.shuffle(erp_rows)

    # --- old CRM (GBK CSV) ---
    header = ["客户编号", "客户名称", "手机", "邮箱", "公司", "省份", "城市", "创建时间", "负责人"]
    owners = ["高刚立", "田思", "李娜", "Gregory Shen"]
    lines = [header]
    old_ids = {}
    for k, (p, kind) in enumerate(old_rows, start=1):
        cid = f"KH{k:05d}"
        old_ids.setdefault(p["id"], cid)
        name, email, phone, company, city = p["name"], p["email"], p["phone"], p["company"], p["city"]
        if kind == "dup":
            name = typo_name(p) if rng.random() < 0.6 else name
            if rng.random() < 0.3:
                email = None
            elif rng.random() < 0.3:
                email = email.upper()
            phone = None if email is not None and rng.random() < 0.3 else phone
            company = company_variant(company) if rng.random() < 0.5 else company
        # Typing slips that validation flags (the rows stay): a doubled @, a phone cut short.
        if k % 41 == 0 and email:
            email = email.replace("@", "@@")
        if k % 53 == 0 and phone:
            phone = phone[:7]
        province = p["province"] + ("省" if rng.random() < 0.3 and p["province"] not in ("上海", "北京") else "")
        lines.append([cid, name, phone_style(phone) if phone else "", email or "", company or "", province, city,
                      gbk_date(p["created"], k % 2), rng.choice(owners)])
        truth.append(("old_crm_customers.csv", len(lines), cid, p["id"]))

    # Hostile rows, each with a reason to be there.
    n = len(lines)
    lines.append([f"KH{n:05d}", "", "", "", "", "上海", "上海", "2021/5/5 10:00", "田思"])          # no name: quarantined
    truth.append(("old_crm_customers.csv", len(lines), f"KH{n:05d}", -1))
    lines.append([f"KH{n + 1:05d}", "吴测试", "13900000000", "", "", "北京", "北京", "2021/13/45", "李娜"])  # bad date
    truth.append(("old_crm_customers.csv", len(lines), f"KH{n + 1:05d}", -2))
    lines.append(["KH00003", "重复编号", "13911112222", "", "", "浙江", "杭州", "2022/1/1 9:00", "李娜"])  # id used twice
    truth.append(("old_crm_customers.csv", len(lines), "KH00003", -3))
    for j, (s, g) in enumerate([("何", "明远"), ("邹", "思琪"), ("武", "建国"), ("戴", "晓")]):
        # Unrelated staff of one firm, all reached through its switchboard.
        lines.append([f"KH{n + 2 + j:05d}", s + g, SWITCHBOARD, "", "上海恒通物流有限公司", "上海", "上海",
                      "2022/3/1 9:00", "高刚立"])
        truth.append(("old_crm_customers.csv", len(lines), f"KH{n + 2 + j:05d}", 1000 + j))

    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(lines)
    with open(os.path.join(ROOT, "old_crm_customers.csv"), "wb") as f:
        f.write(buf.getvalue().encode("gbk"))

    # --- ERP (SQLite) ---
    path = os.path.join(ROOT, "erp.sqlite")
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA page_size = 4096")
    db.execute("""CREATE TABLE customers (customer_id TEXT PRIMARY KEY, name TEXT, email TEXT, phone TEXT,
                  company TEXT, region TEXT, city TEXT, created_at TEXT)""")
    db.execute("""CREATE TABLE orders (order_id TEXT PRIMARY KEY, customer_id TEXT, order_date TEXT, amount REAL,
                  currency TEXT, channel TEXT, status TEXT)""")
    erp_ids = {}
    for k, (p, kind) in enumerate(erp_rows, start=1):
        cid = f"C-{1000 + k}"
        erp_ids[p["id"]] = cid
        name, email, phone, company, city = p["name"], p["email"], p["phone"], p["company"], p["city"]
        if kind == "dup":
            name = typo_name(p) if rng.random() < 0.5 else name
            r = rng.random()
            if r < 0.25:
                email = None
            elif r < 0.45:
                phone = None
            elif r < 0.6:
                email = email.capitalize()
            if company and rng.random() < 0.5:
                company = company_variant(company)
            if rng.random() < 0.1:
                other = rng.choice(CITIES)
                city = other[1]                     # moved
        db.execute("INSERT INTO customers VALUES (?,?,?,?,?,?,?,?)",
                   (cid, name, email, ("+86 " + phone) if phone and rng.random() < 0.5 else phone, company,
                    p["province"] + ("市" if p["province"] in ("上海", "北京") else "省"), city + "市", iso(p["created"])))
        truth.append(("erp.sqlite:customers", k, cid, p["id"]))
    for k in range(1, 401):
        p = rng.choice(people[60:])
        y, m, d, _, _ = p["created"]
        db.execute("INSERT INTO orders VALUES (?,?,?,?,?,?,?)",
                   (f"SO-{k:05d}", erp_ids[p["id"]], f"{min(y + 1 + k % 2, 2025)}-{1 + k % 12:02d}-{1 + k % 27:02d}",
                    round(rng.uniform(200, 20000), 2), "CNY", rng.choice(["直销", "渠道", "电商"]), "completed"))
    db.commit()
    db.execute("VACUUM")
    db.close()

    # --- old CRM orders (GBK CSV) ---
    lines = [["订单编号", "客户编号", "下单日期", "订单金额", "币种"]]
    for k in range(1, 301):
        p = rng.choice([q for q in people if q["id"] in old_ids])
        y, m, d, _, _ = p["created"]
        amount = rng.uniform(100, 9000)
        lines.append([f"DD{k:06d}", old_ids[p["id"]], f"{min(y + k % 3, 2024)}年{1 + k % 12}月{1 + k % 28}日",
                      f"￥{amount:,.2f}", "CNY"])
    lines.append(["DD999999", "KH00001", "不是日期", "￥12.00", "CNY"])     # quarantined: unreadable date
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(lines)
    with open(os.path.join(ROOT, "old_crm_orders.csv"), "wb") as f:
        f.write(buf.getvalue().encode("gbk"))

    with open(os.path.join(ROOT, "truth.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "line", "customer_id", "person"])
        w.writerows(truth)


if __name__ == "__main__":
    main()
