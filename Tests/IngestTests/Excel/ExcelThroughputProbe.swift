import Columns
import Dispatch
import Ingest
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Not a timed test: a measurement hook, skipped unless `XLSX_BENCH_FILE=/path/to/sheet.xlsx` is set
/// (`python3 scripts/make-xlsx-fixtures.py --perf /tmp/perf100k.xlsx` writes a 100,000-row sheet).
@Test(.enabled(if: xlsxBenchFile != nil))
func excelThroughputProbe() throws {
    let path = xlsxBenchFile!
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try ExcelLoader.load(path: path)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print("xlsx probe: \(result.account.rowsRead) rows, \(result.table.columnNames.count) columns in \(seconds) s: "
        + "\(Int(Double(result.account.rowsRead) / seconds)) rows/s; quarantined \(result.account.rowsQuarantined); "
        + "types \(result.table.columns.map { "\($0.type)" }.joined(separator: ","))")
    #expect(result.account.balances)
}

private let xlsxBenchFile: String? = {
    guard let p = getenv("XLSX_BENCH_FILE") else { return nil }
    return String(cString: p)
}()
