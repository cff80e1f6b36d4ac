#!/usr/bin/env python3
"""Derive the non-UTF-8 sample exports from sample-data/csv (written by the generator):

- sample-data/gbk/customers.csv: the same customers as a Chinese CRM (纷享销客/简道云 style) exports
  them from Excel on Simplified-Chinese Windows: GBK (code page 936), CRLF, Chinese headers,
  dates 2024/3/5 9:07 and 2024年3月5日, amounts ￥1,234.50.
- sample-data/sqlite/export.sqlite: orders and tickets as typed SQLite tables (NULL for missing).

Deterministic: same CSV in, same bytes out. Run from the repository root (scripts/make-sample-data.sh does).
"""
import csv
import os
import sqlite3
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sample-data")
CSV_DIR = os.path.join(ROOT, "csv")

GBK_HEADER = ["客户编号", "客户名称", "手机", "邮箱", "公司", "所属行业", "省份", "城市", "客户来源", "负责人",
              "创建时间", "最后跟进时间", "累计成交金额", "标签"]


def read(name):
    with open(os.path.join(CSV_DIR, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def slash_datetime(ts):
    # "2024-03-05 09:07:33" -> "2024/3/5 9:07" (Excel's zh-CN short date-time)
    date, time = ts.split(" ")
    y, m, d = date.split("-")
    hh, mm, _ = time.split(":")
    return f"{int(y)}/{int(m)}/{int(d)} {int(hh)}:{mm}"


def chinese_date(ts):
    y, m, d = ts[:10].split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def money(cents, currency):
    # GBK has no U+00A5 ¥; Chinese Windows writes the full-width ￥ (U+FFE5).
    symbol = "￥" if currency == "CNY" else "$"
    return f"{symbol}{cents // 100:,}.{cents % 100:02d}"


def write_gbk(customers, interactions, orders):
    last_contact = {}
    for i in interactions:
        cid = i["customer_id"]
        if i["occurred_at"] > last_contact.get(cid, ""):
            last_contact[cid] = i["occurred_at"]
    spent = {}
    for o in orders:
        if o["status"] != "completed":
            continue
        cents = int(o["amount"].replace(".", ""))
        total, _ = spent.get(o["customer_id"], (0, o["currency"]))
        spent[o["customer_id"]] = (total + cents, o["currency"])
    os.makedirs(os.path.join(ROOT, "gbk"), exist_ok=True)
    path = os.path.join(ROOT, "gbk", "customers.csv")
    with open(path, "w", newline="", encoding="gbk", errors="strict") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(GBK_HEADER)
        for c in customers:
            cid = c["customer_id"]
            total = spent.get(cid)
            w.writerow([cid, c["name"], c["phone"], c["email"], c["company"], c["industry"], c["region"], c["city"],
                        c["source"], c["owner"], slash_datetime(c["created_at"]),
                        chinese_date(last_contact[cid]) if cid in last_contact else "",
                        money(*total) if total else "", c["tags"]])
    return path


def write_sqlite(orders, tickets):
    os.makedirs(os.path.join(ROOT, "sqlite"), exist_ok=True)
    path = os.path.join(ROOT, "sqlite", "export.sqlite")
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE orders (order_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, order_date TEXT NOT NULL,
                             amount REAL NOT NULL, currency TEXT, channel TEXT, status TEXT) WITHOUT ROWID;
        CREATE TABLE tickets (ticket_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, created_at TEXT NOT NULL,
                              first_response_at TEXT, resolved_at TEXT, priority TEXT, channel TEXT, status TEXT,
                              satisfaction INTEGER) WITHOUT ROWID;
    """)
    none = lambda v: v if v != "" else None
    db.executemany("INSERT INTO orders VALUES (?,?,?,?,?,?,?)",
                   [(o["order_id"], o["customer_id"], o["order_date"], float(o["amount"]), o["currency"], o["channel"],
                     o["status"]) for o in orders])
    db.executemany("INSERT INTO tickets VALUES (?,?,?,?,?,?,?,?,?)",
                   [(t["ticket_id"], t["customer_id"], t["created_at"], none(t["first_response_at"]),
                     none(t["resolved_at"]), t["priority"], t["channel"], t["status"],
                     int(t["satisfaction"]) if t["satisfaction"] else None) for t in tickets])
    db.commit()
    db.execute("VACUUM")
    counts = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("orders", "tickets")]
    db.close()
    if counts != [len(orders), len(tickets)]:
        sys.exit(f"sqlite row counts {counts} differ from the CSVs {[len(orders), len(tickets)]}")
    return path


def main():
    customers = read("customers.csv")
    interactions = read("interactions.csv")
    orders = read("orders.csv")
    tickets = read("tickets.csv")
    print(write_gbk(customers, interactions, orders), len(customers), "rows")
    print(write_sqlite(orders, tickets), len(orders), "orders,", len(tickets), "tickets")


if __name__ == "__main__":
    main()
