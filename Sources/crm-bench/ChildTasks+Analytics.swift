import Analytics
import Columns
import Foundation
import Ingest

/// `crm-bench --child analytics DIR [sequential]`: the analyses of the nightly run on the generated
/// data, after load. Loads the six tables the analyses read, then runs every section through
/// `AnalysisSuite` (both cores, as `crm run` does). Prints "rows seconds" for the suite, then one
/// line per section: "section seconds", and "cpu seconds" (process CPU time of the analyses: on a
/// shared machine wall time swells, CPU time much less). With `sequential`, each section runs alone, one after another,
/// so its own cost shows (the concurrent timings overlap).
extension ChildTasks {
    static let analysisTables: [CanonicalTable] = [.customers, .orders, .interactions, .opportunities, .stageHistory, .tickets]

    static func analytics(directory: String, sequential: Bool) throws {
        var tables: [CanonicalTable: Table] = [:]
        var rows = 0
        for t in analysisTables {
            let loaded = try CSVLoader.load(path: directory + "/\(t.rawValue).csv", options: CSVOptions(table: t))
            tables[t] = loaded.table
            rows += loaded.account.rowsLoaded
        }
        let input = AnalysisInput(customers: tables[.customers], orders: tables[.orders], interactions: tables[.interactions],
                                  opportunities: tables[.opportunities], stageHistory: tables[.stageHistory], tickets: tables[.tickets])
        // as_of: auto in a pipeline is the last order day; the same here.
        guard case .date(let orderDates)? = tables[.orders]?["order_date"] else {
            throw BenchError.failed("analytics", "orders.csv has no order_date column of dates")
        }
        var asOf = Int32.min
        for i in 0..<orderDates.count { if let d = orderDates[i] { asOf = max(asOf, d) } }
        let parameters = AnalysisParameters(asOf: asOf)

        let start = Date()
        let cpuStart = processCPUSeconds()
        var timings: [(String, Double)] = []
        if sequential {
            for section in AnalysisSuite.sections {
                timings += AnalysisSuite.run(input, parameters, sections: [section]).map { ($0.section, $0.seconds) }
            }
        } else {
            timings = AnalysisSuite.run(input, parameters, sections: Set(AnalysisSuite.sections)).map { ($0.section, $0.seconds) }
        }
        print(rows, Date().timeIntervalSince(start))
        for (section, seconds) in timings { print(section, seconds) }
        print("cpu", processCPUSeconds() - cpuStart)
    }

    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
