import Columns
import Query
import Reports

/// The pipeline's named segments (`segments:`) exported as CSV: `segments/NAME.csv` holds the
/// customers `crm query @NAME` selects from this run's snapshot, with every customer column,
/// in snapshot order. Scoped report sets get `scope/VALUE/segments/NAME.csv` with the segment's
/// members of that scope only, PII masked when the scope asks for it. The segment is the
/// company-wide one in both places (a scope's "Champions" are the company's Champions), so a
/// scope file is always a subset of the top-level file.
struct SegmentExports {
    /// The snapshot's tables: enriched customers first, then the event tables.
    let customers: Table
    let related: [Table]
    let asOf: Int32
    let segments: [(name: String, expression: String)]

    /// The selected customer rows of every segment, in the pipeline file's order.
    func selections() throws -> [(name: String, rows: SelectionVector)] {
        let texts = Dictionary(segments.map { ($0.name, $0.expression) }, uniquingKeysWith: { _, last in last })
        return try segments.map { s in
            do throws(QueryError) {
                let query = try SegmentQuery("@" + s.name, base: customers, related: related, asOf: asOf, segments: texts)
                return (s.name, try query.run())
            } catch {
                throw SegmentExportError(segment: s.name, message: error.rendered(in: "@" + s.name))
            }
        }
    }

    static func file(_ name: String, in folder: String = "") -> String {
        folder + "segments/" + name + ".csv"
    }

    /// `segments/NAME.csv` for every segment, each handed to `sink` as soon as it is encoded.
    func write(_ selections: [(name: String, rows: SelectionVector)], bom: Bool, to sink: ReportSink) throws {
        for s in selections {
            try sink(ReportFile(name: Self.file(s.name), bytes: CSVWriter.encode(customers.gather(s.rows.map { Int($0) }), bom: bom)))
        }
    }

    /// `scope/VALUE/segments/NAME.csv`: each segment's members grouped by the scope column, as
    /// `ScopedReports` groups customers into folders (a scope with no members gets a header-only file).
    func writeScoped(
        _ selections: [(name: String, rows: SelectionVector)], by column: String, maskPII: Bool, bom: Bool, to sink: ReportSink
    ) throws {
        guard let scopeColumn = customers[column]?.strings else { return }
        // Each customer's scope folder, worked out once per distinct value; then each segment's
        // members are split by folder in one pass (per row and per folder, this was a fifth of a
        // 1 M-customer run).
        var folderCode: [String: Int32] = [:]
        var folderNames: [String] = []
        var codeOfValue: [String: Int32] = [:]
        var rowFolder = [Int32](repeating: 0, count: customers.rowCount)
        for r in 0..<customers.rowCount {
            let value = scopeColumn[r].flatMap { $0.isEmpty ? nil : $0 } ?? ScopedReports.noValue
            if let code = codeOfValue[value] {
                rowFolder[r] = code
                continue
            }
            let name = ScopedReports.folderName(value)
            let code = folderCode[name] ?? {
                folderNames.append(name)
                folderCode[name] = Int32(folderNames.count - 1)
                return Int32(folderNames.count - 1)
            }()
            codeOfValue[value] = code
            rowFolder[r] = code
        }
        let membersByFolder: [[[Int]]] = selections.map { s in
            var buckets = [[Int]](repeating: [], count: folderNames.count)
            for row in s.rows { buckets[Int(rowFolder[Int(row)])].append(Int(row)) }
            return buckets
        }
        // One file at a time: each is gathered, masked, encoded and handed to `sink` before the next.
        let order = folderNames.indices.sorted { Array(folderNames[$0].utf8).lexicographicallyPrecedes(Array(folderNames[$1].utf8)) }
        for f in order {
            for (k, s) in selections.enumerated() {
                var members = customers.gather(membersByFolder[k][f])
                if maskPII { members = try ScopedReports.maskingPII(members) }
                try sink(ReportFile(name: Self.file(s.name, in: "scope/" + folderNames[f] + "/"), bytes: CSVWriter.encode(members, bom: bom)))
            }
        }
    }
}

/// A named segment that cannot be evaluated on this run's data (a column the data lacks, a type
/// mismatch): the run stops and says which segment and where in its expression.
struct SegmentExportError: Error, CustomStringConvertible {
    let segment: String
    let message: String
    var description: String { "segments: \(segment): \(message)" }
}
