import Columns
import Foundation
import Testing

@testable import Snapshot

/// Other engines open our files and see exactly the values we wrote: pyarrow (the reference
/// implementation, with full validation), Polars and DuckDB.
@Suite struct InteropTests {
    static let python = PythonEnvironment.probe()

    /// What each engine should report as the type of each of our column types.
    static let expectedTypes: [String: [ColumnType: String]] = [
        "pyarrow": [.int64: "int64", .double: "double", .bool: "bool", .date: "date32[day]",
                    .timestamp: "timestamp[s, tz=UTC]", .string: "string"],
        "polars": [.int64: "Int64", .double: "Float64", .bool: "Boolean", .date: "Date",
                   .timestamp: "Datetime(time_unit='ms', time_zone='UTC')", .string: "String"],
        "duckdb": [.int64: "BIGINT", .double: "DOUBLE", .bool: "BOOLEAN", .date: "DATE",
                   .timestamp: "TIMESTAMP WITH TIME ZONE", .string: "VARCHAR"],
    ]

    static func tables() throws -> [Table] {
        let chinese = try Table(name: "chinese", columns: [
            ("客户名称", .string(StringColumn(["上海某某贸易有限公司", nil, "北京🚀科技", "", "ＡＢＣ全角"]))),
            ("区域", .string(StringColumn(["华东", "华北", nil, "华东", "西南"]).dictionaryEncoded())),
        ])
        let empty = try Table(name: "empty", columns: [
            ("id", .int64(PrimitiveColumn(values: []))), ("d", .date(PrimitiveColumn(values: []))),
            ("s", .string(StringColumn([]))),
        ])
        let edges = try Table(name: "edges", columns: [
            ("i", .int64(PrimitiveColumn([Int64.min, Int64.max, 0, nil], zero: 0))),
            ("x", .double(PrimitiveColumn([-0.0, .infinity, -.infinity, .nan], zero: 0))),
            ("d", .date(PrimitiveColumn([-719_162, 2_932_896, 0, -1], zero: 0))),
            ("t", .timestamp(PrimitiveColumn([-62_135_596_800, 253_402_300_799, 0, nil], zero: 0))),
            ("b", .bool(PrimitiveColumn([nil, true, false, true], zero: false))),
        ])
        return [SampleTables.allTypes(rows: 1000, seed: 3), chinese, empty, edges]
    }

    /// Our canonical text for a value, matching the script's.
    static func canonical(_ c: Column, _ r: Int) -> String? {
        guard !c.isNull(r) else { return nil }
        switch c {
        case .int64(let p), .timestamp(let p): return String(p.values[r])
        case .double(let p): return p.values[r].isNaN ? "nan" : String(p.values[r].bitPattern)
        case .date(let p): return String(p.values[r])
        case .bool(let p): return p.values[r] ? "true" : "false"
        case .string(let s): return s[r]
        }
    }

    @Test(.enabled(if: python.pyarrow, "needs python3 with pyarrow (pip install pyarrow polars duckdb)"))
    func enginesReadExactlyWhatWasWritten() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        let tables = try Self.tables()
        try SnapshotWriter.write(tables: tables, asOf: 20_000, to: dir.path, rowsPerBatch: 256)
        let scriptPath = dir.path + "/interop.py"
        try Data(InteropScript.source.utf8).write(to: URL(fileURLWithPath: scriptPath))
        let (status, stdout, stderr) = try PythonEnvironment.run([scriptPath, dir.path])
        try #require(status == 0, "interop script failed: \(stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: stdout) as? [String: Any])
        #expect(Set(json.keys).isSuperset(of: ["pyarrow", "polars", "duckdb"]))

        for (engine, perTable) in json {
            let perTable = try #require(perTable as? [String: Any])
            let typeNames = Self.expectedTypes[engine.hasPrefix("duckdb") ? "duckdb" : engine]
            for table in tables {
                let seen = try #require(perTable[table.name] as? [String: Any], "\(engine) lacks \(table.name)")
                #expect(seen["rows"] as? Int == table.rowCount, "\(engine) \(table.name) rows")
                let columns = try #require(seen["columns"] as? [String: [Any]])
                let types = try #require(seen["types"] as? [String: String])
                #expect(Set(columns.keys) == Set(table.columnNames), "\(engine) \(table.name) columns")
                for (name, column) in zip(table.columnNames, table.columns) {
                    #expect(types[name] == typeNames?[column.type], "\(engine) \(table.name).\(name) type")
                    let values = (columns[name] ?? []).map { $0 as? String }
                    let expected = (0..<table.rowCount).map { Self.canonical(column, $0) }
                    #expect(values.count == expected.count, "\(engine) \(table.name).\(name) length")
                    if let i = (0..<min(values.count, expected.count)).first(where: { values[$0] != expected[$0] }) {
                        Issue.record("\(engine) \(table.name).\(name)[\(i)]: read \(values[i] ?? "null"), wrote \(expected[i] ?? "null")")
                    }
                }
            }
        }
    }

    /// The other direction: files pyarrow wrote (its own padding and buffer choices) read back
    /// exactly; compressed ones are refused with a clear error rather than misread.
    @Test(.enabled(if: python.pyarrow, "needs python3 with pyarrow (pip install pyarrow polars duckdb)"))
    func readsWhatPyarrowWrote() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        let scriptPath = dir.path + "/write.py"
        try Data(InteropScript.writerSource.utf8).write(to: URL(fileURLWithPath: scriptPath))
        let (status, _, stderr) = try PythonEnvironment.run([scriptPath, dir.path])
        try #require(status == 0, "writer script failed: \(stderr)")

        let t = try ArrowFileReader.read(path: dir.path + "/plain.arrow")
        let expected = try Table(name: "table", columns: [
            ("i", .int64(PrimitiveColumn([1, nil, -5], zero: 0))),
            ("x", .double(PrimitiveColumn([1.5, nil, .infinity], zero: 0))),
            ("b", .bool(PrimitiveColumn([true, nil, false], zero: false))),
            ("d", .date(PrimitiveColumn([0, 19_000, nil], zero: 0))),
            ("t", .timestamp(PrimitiveColumn([0, nil, 1_700_000_000], zero: 0))),
            ("s", .string(StringColumn(["华东", nil, ""]))),
            ("n", .int64(PrimitiveColumn(values: [7, 8, 9]))),
        ])
        #expect(tablesDiffer(t, expected) == nil, "\(tablesDiffer(t, expected) ?? "")")

        do {
            _ = try ArrowFileReader.read(path: dir.path + "/lz4.arrow")
            Issue.record("read an LZ4-compressed file as if it were plain")
        } catch {
            #expect(error.description.contains("compressed record batches"), "\(error)")
        }
    }
}

/// Whether python3 with pyarrow is on the PATH, and a way to run it.
struct PythonEnvironment {
    let pyarrow: Bool

    static func probe() -> PythonEnvironment {
        let ok = (try? run(["-c", "import pyarrow"]))?.status == 0
        return PythonEnvironment(pyarrow: ok)
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        // stderr goes to a file, so only one pipe needs draining and the child never blocks.
        let errPath = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("interop-\(UUID().uuidString).err").path
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return (process.terminationStatus, outData, String(decoding: errData, as: UTF8.self))
    }
}
