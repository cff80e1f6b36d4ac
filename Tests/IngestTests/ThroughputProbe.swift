import Columns
import Dispatch
import Ingest
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Not a timed test: a measurement hook for a release build, skipped unless
/// `INGEST_BENCH_FILE=/path/to/interactions.csv` is set. The numbers belong in crm-bench; this
/// only lets the ingest module be measured before that executable exists.
@Test(.enabled(if: benchFile != nil))
func throughputProbe() throws {
    let path = benchFile!
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try CSVLoader.load(path: path, options: CSVOptions(table: .interactions))
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let bytes = (try? SourceBytes(path: path).count) ?? 0
    print("ingest probe: \(result.account.rowsRead) rows, \(bytes) bytes in \(seconds) s: "
        + "\(Int(Double(result.account.rowsRead) / seconds)) rows/s, \(Double(bytes) / seconds / 1e6) MB/s; "
        + "quarantined \(result.account.rowsQuarantined)")
    #expect(result.account.balances)
}

private let benchFile: String? = {
    guard let p = getenv("INGEST_BENCH_FILE") else { return nil }
    return String(cString: p)
}()
