"""The floor for entity resolution in crm-bench: DuckDB's exact GROUP BY on the normalized e-mail
(lower(trim(email))) over customers.csv, scored pairwise against the generator's truth file.

usage: python3 group_email.py CUSTOMERS_CSV TRUTH_CSV THREADS
prints: rows load_seconds group_seconds precision recall true_pairs predicted_pairs correct_pairs
"""
import sys
import time

import duckdb

path, truth, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
con = duckdb.connect()
con.execute(f"SET threads = {threads}")
start = time.perf_counter()
con.execute(f"CREATE TABLE c AS SELECT * FROM read_csv('{path}', header=true, all_varchar=true)")
loaded = time.perf_counter()
# The floor itself: one group per distinct normalized e-mail.
con.execute("CREATE TABLE k AS SELECT lower(trim(email)) AS e, count(*) AS n, min(customer_id) AS first_id FROM c GROUP BY 1")
grouped = time.perf_counter()
rows = con.execute("SELECT count(*) FROM c").fetchone()[0]
con.execute(f"CREATE TABLE t AS SELECT customer_id, entity_id FROM read_csv('{truth}', header=true, all_varchar=true)")
true_pairs, predicted_pairs, correct_pairs = con.execute("""
    WITH g AS (SELECT customer_id, CASE WHEN coalesce(lower(trim(email)), '') = '' THEN '#' || customer_id
                                        ELSE lower(trim(email)) END AS golden FROM c),
         j AS (SELECT g.golden, t.entity_id FROM g JOIN t USING (customer_id))
    SELECT (SELECT sum(n * (n - 1) / 2) FROM (SELECT count(*) n FROM j GROUP BY entity_id)),
           (SELECT sum(n * (n - 1) / 2) FROM (SELECT count(*) n FROM j GROUP BY golden)),
           (SELECT sum(n * (n - 1) / 2) FROM (SELECT count(*) n FROM j GROUP BY golden, entity_id))
""").fetchone()
precision = correct_pairs / predicted_pairs if predicted_pairs else 1.0
recall = correct_pairs / true_pairs if true_pairs else 1.0
print(rows, loaded - start, grouped - loaded, precision, recall, int(true_pairs), int(predicted_pairs), int(correct_pairs))
