/// The Python side of `InteropTests`: opens every table of a snapshot folder with pyarrow,
/// Polars and DuckDB and prints, per reader, each column's type and its values in a canonical
/// text form (ints and epoch days/seconds in decimal, doubles as their IEEE bit pattern, NaN as
/// "nan"), so the Swift side compares exactly, with no float formatting in between.
///
/// DuckDB has no built-in Arrow IPC file reader; it scans the file through a pyarrow dataset
/// (DuckDB's own Arrow import). Where the nanoarrow extension can be loaded (network), its
/// `read_arrow` reads the file directly as a fourth reader.
enum InteropScript {
    static let source = #"""
import json, math, struct, sys
import pyarrow as pa, pyarrow.ipc as ipc, pyarrow.dataset as ds
import polars as pl
import duckdb

folder = sys.argv[1]
manifest = json.load(open(folder + "/snapshot.json"))

def dbl(v):
    if v is None: return None
    if math.isnan(v): return "nan"
    return str(struct.unpack("<Q", struct.pack("<d", v))[0])

def text(v):
    if v is None: return None
    if isinstance(v, bool): return "true" if v else "false"
    return str(v)

def from_pyarrow(t):
    t.validate(full=True)
    cols, types = {}, {}
    for f in t.schema:
        c = t.column(f.name)
        types[f.name] = str(f.type)
        if pa.types.is_floating(f.type): cols[f.name] = [dbl(v) for v in c.to_pylist()]
        elif pa.types.is_date32(f.type): cols[f.name] = [text(v) for v in c.cast(pa.int32()).to_pylist()]
        elif pa.types.is_timestamp(f.type): cols[f.name] = [text(v) for v in c.cast(pa.int64()).to_pylist()]
        else: cols[f.name] = [text(v) for v in c.to_pylist()]
    return {"types": types, "columns": cols, "rows": t.num_rows}

def from_polars(df):
    cols, types = {}, {}
    for name, dtype in df.schema.items():
        s = df[name]
        types[name] = str(dtype)
        if dtype == pl.Float64: cols[name] = [dbl(v) for v in s.to_list()]
        elif dtype == pl.Date: cols[name] = [text(v) for v in s.cast(pl.Int32).to_list()]
        elif isinstance(dtype, pl.Datetime): cols[name] = [text(v) for v in s.dt.epoch("s").to_list()]
        else: cols[name] = [text(v) for v in s.to_list()]
    return {"types": types, "columns": cols, "rows": df.height}

def from_duckdb(con, relation_sql, schema):
    exprs, types = [], {}
    for f in schema:
        q = '"' + f.name.replace('"', '""') + '"'
        if pa.types.is_date32(f.type): exprs.append(f"({q} - DATE '1970-01-01')::BIGINT")
        elif pa.types.is_timestamp(f.type): exprs.append(f"epoch({q})::BIGINT")
        else: exprs.append(q)
    typed = con.sql(f"select * from {relation_sql}")
    types = {n: str(t) for n, t in zip(typed.columns, typed.types)}
    rows = con.sql(f"select {', '.join(exprs) or '1'} from {relation_sql}").fetchall()
    cols = {}
    for i, f in enumerate(schema):
        vals = [r[i] for r in rows]
        cols[f.name] = [dbl(v) for v in vals] if pa.types.is_floating(f.type) else [text(v) for v in vals]
    return {"types": types, "columns": cols, "rows": len(rows)}

con = duckdb.connect()
native = False
try:
    con.sql("INSTALL nanoarrow FROM community"); con.sql("LOAD nanoarrow"); native = True
except Exception:
    pass

out = {"pyarrow": {}, "polars": {}, "duckdb": {}}
if native: out["duckdb-read_arrow"] = {}
for entry in manifest["tables"]:
    path = folder + "/" + entry["file"]
    with pa.memory_map(path) as source:
        table = ipc.open_file(source).read_all()
    out["pyarrow"][entry["name"]] = from_pyarrow(table)
    out["polars"][entry["name"]] = from_polars(pl.read_ipc(path))
    dataset = ds.dataset(path, format="arrow")
    con.register("snapshot_table", dataset)
    out["duckdb"][entry["name"]] = from_duckdb(con, "snapshot_table", table.schema)
    con.unregister("snapshot_table")
    if native:
        out["duckdb-read_arrow"][entry["name"]] = from_duckdb(con, "read_arrow('" + path.replace("'", "''") + "')", table.schema)
json.dump(out, sys.stdout, ensure_ascii=False)
"""#

    /// Writes, with pyarrow, a small table of every snapshot type into argv[1] twice: as an
    /// uncompressed IPC file in two batches (8-byte padding, omitted validity buffers: layouts our
    /// writer does not produce) and as Feather v2 with pyarrow's default LZ4 compression.
    static let writerSource = #"""
import sys
import pyarrow as pa, pyarrow.ipc as ipc, pyarrow.feather as feather
t = pa.table({
    "i": pa.array([1, None, -5], pa.int64()),
    "x": pa.array([1.5, None, float("inf")], pa.float64()),
    "b": pa.array([True, None, False], pa.bool_()),
    "d": pa.array([0, 19000, None], pa.date32()),
    "t": pa.array([0, None, 1700000000], pa.timestamp("s", tz="UTC")),
    "s": pa.array(["华东", None, ""], pa.string()),
    "n": pa.array([7, 8, 9], pa.int64()),
})
with ipc.new_file(sys.argv[1] + "/plain.arrow", t.schema) as w:
    w.write_table(t, max_chunksize=2)
feather.write_feather(t, sys.argv[1] + "/lz4.arrow")
"""#
}
