#!/usr/bin/env python3
"""How many of the generator's true duplicate pairs no model can find at pairwise precision 0.995.

Usage: bench/ambiguous_pairs.py DIR      (DIR from `crm generate`, with duplicates_truth.csv)

Looks only at pairs of records with the same name (case and spaces ignored) in the same city that
share no e-mail, no phone (last 8 digits) and no company: all a model has left for them is how rare
the name is and how far apart the records were entered. Counts true and false pairs in each cell of
(entered within 30 days or not) x (name on at most 3 rows or more). In a cell where false pairs
outnumber true ones many times over, every true pair linked costs several wrong ones, so at
precision 0.995 those true pairs stay missed whatever the model; their share of all true pairs is
printed as a ceiling on recall. The cell counts grow with the table: namesakes per city grow with
the row count, a person's duplicates do not.
"""
import collections
import csv
import datetime
import re
import sys


def normalized(text):
    return re.sub(r"\s+", "", (text or "").replace("\u3000", " ")).lower()


def place(text):
    text = (text or "").strip()
    return text[:-1] if text.endswith("市") else text.lower()


def main(folder):
    entity = {}
    with open(folder + "/duplicates_truth.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            entity[row["customer_id"]] = row["entity_id"]
    rows = []
    with open(folder + "/customers.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            try:
                day = datetime.date.fromisoformat((row["created_at"] or "")[:10]).toordinal()
            except ValueError:
                day = None
            rows.append((entity.get(row["customer_id"]), normalized(row["name"]), normalized(row["email"]),
                         re.sub(r"\D", "", row["phone"] or "")[-8:], normalized(row["company"]), place(row["city"]), day))
    members = collections.Counter(r[0] for r in rows)
    true_pairs = sum(n * (n - 1) // 2 for n in members.values())
    name_rows = collections.Counter(r[1] for r in rows)
    groups = collections.defaultdict(list)
    for i, r in enumerate(rows):
        if len(r[1]) >= 2 and r[5]:
            groups[(r[1], r[5])].append(i)
    cells = collections.Counter()
    for members_of_group in groups.values():
        for x in range(len(members_of_group)):
            a = rows[members_of_group[x]]
            for y in range(x + 1, len(members_of_group)):
                b = rows[members_of_group[y]]
                if (a[2] and a[2] == b[2]) or (a[3] and a[3] == b[3]) or (a[4] and a[4] == b[4]):
                    continue
                near = a[6] is not None and b[6] is not None and abs(a[6] - b[6]) <= 30
                cells[(a[0] == b[0], near, name_rows[a[1]] <= 3)] += 1
    print(f"{len(rows)} records, {true_pairs} true pairs")
    print("same name, same city, no shared e-mail, phone or company:")
    print(f"  {'entered':<16} {'name':<22} {'true':>7} {'false':>9} {'false per true':>15}")
    hopeless = 0
    for near in (True, False):
        for rare in (True, False):
            t, f = cells[(True, near, rare)], cells[(False, near, rare)]
            ratio = f / t if t else float("inf")
            # A cell whose pairs are mostly false cannot be linked at precision 0.995.
            if ratio >= 1:
                hopeless += t
            print(f"  {'within 30 days' if near else 'further apart':<16} {'on <= 3 rows' if rare else 'on more rows':<22} "
                  f"{t:>7} {f:>9} {ratio:>15.1f}")
    print(f"true pairs in cells with more false pairs than true: {hopeless} "
          f"({hopeless / max(true_pairs, 1):.4f} of all) -> recall ceiling at high precision ~{1 - hopeless / max(true_pairs, 1):.4f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
