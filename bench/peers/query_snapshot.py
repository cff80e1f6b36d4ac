"""DuckDB peer for crm-bench's query section: the same question on the same snapshot files.

Opens every Arrow file of the snapshot folder with pyarrow's memory map (zero-copy, as crm
maps them), registers each as a DuckDB view, then runs

    SELECT count(*) FROM customers c WHERE <condition>

and prints 'rows open_seconds query_seconds': open = mapping and registering the tables,
query = the SQL alone, both timed inside this process (Python's start-up excluded).

usage: python3 query_snapshot.py SNAPSHOT_DIR CONDITION THREADS
"""
import json
import sys
import time

folder, condition, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
import duckdb
import pyarrow as pa
import pyarrow.ipc as ipc

start = time.perf_counter()
con = duckdb.connect()
con.execute(f"SET threads = {threads}")
manifest = json.load(open(folder + "/snapshot.json"))
tables = {}
for entry in manifest["tables"]:
    source = pa.memory_map(folder + "/" + entry["file"])
    tables[entry["name"]] = ipc.open_file(source).read_all()
    con.register(entry["name"], tables[entry["name"]])
opened = time.perf_counter()
rows = con.execute("SELECT count(*) FROM customers c WHERE " + condition).fetchone()[0]
done = time.perf_counter()
print(rows, opened - start, done - opened)
