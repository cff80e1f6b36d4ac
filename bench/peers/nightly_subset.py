"""The peer side of issue #8's goal: what DuckDB (or Polars) needs for only a *subset* of crm's
nightly run, on the same files and cores. crm-bench times `crm run` on the full pipeline beside it.

The subset, all results materialised (not streamed to /dev/null):
  1. load customers, orders, interactions, opportunities (every column, as crm does);
  2. RFM per customer: recency (days before as-of = last order day), frequency (distinct order
     days), monetary (sum), and 1-5 quintile scores (ntile over each measure);
  3. per-customer activity summary: interactions count, last interaction, distinct types;
  4. stage funnel: opportunities per stage, won/lost counts and amount;
  5. exact duplicate groups by normalised email (lower(trim)) and by phone (digits only, last 11).

usage: python3 nightly_subset.py duckdb|polars DIR THREADS   → prints "rows seconds"
"""
import sys
import time

engine, folder, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = {t: f"{folder}/{t}.csv" for t in ("customers", "orders", "interactions", "opportunities")}
start = time.perf_counter()

if engine == "duckdb":
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    for t, path in files.items():
        con.execute(f"CREATE TABLE {t} AS SELECT * FROM read_csv('{path}', header=true)")
    con.execute("""
        CREATE TABLE rfm AS
        WITH last_day AS (SELECT max(order_date) AS d FROM orders),
             c AS (SELECT customer_id, (SELECT d FROM last_day) - max(order_date) AS recency,
                          count(DISTINCT order_date) AS frequency, sum(amount) AS monetary
                   FROM orders GROUP BY customer_id)
        SELECT *, ntile(5) OVER (ORDER BY recency DESC, customer_id) AS r,
                  ntile(5) OVER (ORDER BY frequency, customer_id) AS f,
                  ntile(5) OVER (ORDER BY monetary, customer_id) AS m
        FROM c""")
    con.execute("""
        CREATE TABLE activity AS
        SELECT customer_id, count(*) AS interactions, max(occurred_at) AS last_interaction,
               count(DISTINCT type) AS types
        FROM interactions GROUP BY customer_id""")
    con.execute("""
        CREATE TABLE funnel AS
        SELECT stage, count(*) AS opportunities, count(*) FILTER (WHERE status = 'won') AS won,
               count(*) FILTER (WHERE status = 'lost') AS lost, sum(amount) AS amount
        FROM opportunities GROUP BY stage""")
    con.execute("""
        CREATE TABLE dup_email AS
        SELECT lower(trim(email)) AS key, count(*) AS n, list(customer_id) AS ids
        FROM customers WHERE email IS NOT NULL AND trim(email) <> ''
        GROUP BY 1 HAVING count(*) > 1""")
    con.execute("""
        CREATE TABLE dup_phone AS
        SELECT right(regexp_replace(phone, '[^0-9]', '', 'g'), 11) AS key, count(*) AS n, list(customer_id) AS ids
        FROM customers WHERE phone IS NOT NULL AND length(regexp_replace(phone, '[^0-9]', '', 'g')) >= 7
        GROUP BY 1 HAVING count(*) > 1""")
    rows = sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
               for t in ("rfm", "activity", "funnel", "dup_email", "dup_phone"))
elif engine == "polars":
    import os
    os.environ["POLARS_MAX_THREADS"] = str(threads)
    import polars as pl
    t = {name: pl.read_csv(path, infer_schema_length=10000, try_parse_dates=True) for name, path in files.items()}
    o = t["orders"]
    asof = o["order_date"].max()
    c = (o.group_by("customer_id")
          .agg((pl.lit(asof) - pl.col("order_date").max()).dt.total_days().alias("recency"),
               pl.col("order_date").n_unique().alias("frequency"), pl.col("amount").sum().alias("monetary")))
    n = c.height
    def ntile(expr):
        return ((expr.rank("ordinal") - 1) * 5 // n + 1)
    rfm = (c.sort("customer_id")
            .with_columns(ntile(-pl.col("recency")).alias("r"), ntile(pl.col("frequency")).alias("f"),
                          ntile(pl.col("monetary")).alias("m")))
    activity = (t["interactions"].group_by("customer_id")
                .agg(pl.len().alias("interactions"), pl.col("occurred_at").max().alias("last_interaction"),
                     pl.col("type").n_unique().alias("types")))
    opp = t["opportunities"]
    funnel = (opp.group_by("stage")
              .agg(pl.len().alias("opportunities"), (pl.col("status") == "won").sum().alias("won"),
                   (pl.col("status") == "lost").sum().alias("lost"), pl.col("amount").sum().alias("amount")))
    cust = t["customers"]
    dup_email = (cust.filter(pl.col("email").is_not_null())
                 .with_columns(pl.col("email").str.strip_chars().str.to_lowercase().alias("key"))
                 .filter(pl.col("key") != "")
                 .group_by("key").agg(pl.len().alias("n"), pl.col("customer_id")).filter(pl.col("n") > 1))
    digits = pl.col("phone").cast(pl.Utf8).str.replace_all(r"[^0-9]", "")
    dup_phone = (cust.filter(pl.col("phone").is_not_null())
                 .with_columns(digits.alias("d")).filter(pl.col("d").str.len_chars() >= 7)
                 .with_columns(pl.col("d").str.slice(-11).alias("key"))
                 .group_by("key").agg(pl.len().alias("n"), pl.col("customer_id")).filter(pl.col("n") > 1))
    rows = rfm.height + activity.height + funnel.height + dup_email.height + dup_phone.height
else:
    sys.exit(f"unknown engine {engine}")
print(rows, time.perf_counter() - start)
