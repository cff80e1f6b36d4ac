"""Peer loaders for crm-bench: read one CSV file fully into memory with DuckDB or Polars on the
same cores, and print 'rows seconds' so the harness can compare like with like.

usage: python3 load_csv.py duckdb|polars FILE THREADS
"""
import sys
import time

engine, path, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
start = time.perf_counter()
if engine == "duckdb":
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    # CREATE TABLE materialises every column, as our loader does; a bare count(*) could skip parsing.
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', header=true)")
    rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
elif engine == "polars":
    import os
    os.environ["POLARS_MAX_THREADS"] = str(threads)
    import polars as pl
    rows = pl.read_csv(path, infer_schema_length=10000, try_parse_dates=True).height
else:
    sys.exit(f"unknown engine {engine}")
print(rows, time.perf_counter() - start)
