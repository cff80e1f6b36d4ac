import Columns
import Snapshot

/// A segment expression compiled against a snapshot's tables: parsed, type-checked (with every
/// `@segment` it uses, transitively), ready to run. `run()` returns the selected base rows.
///
///     let q = try SegmentQuery("region = '华东' and count(orders where amount > 1000) >= 3", snapshot: s)
///     let rows = try q.run()          // SelectionVector over customers
public struct SegmentQuery: Sendable {
    public let source: String
    public let expression: Expr
    public let schema: QuerySchema
    public let base: Table
    public let related: [Table]
    public let asOf: Int32?
    /// The named segments this query uses (directly or through other segments).
    public let segments: [String: NamedSegment]
    /// Precomputed joins (related table → each row's base row), from the snapshot's
    /// `OwnerRows` files; a related table without one is joined on customer_id when used.
    let owners: [String: [Int32]]
    /// The base table's file when `base` holds only the columns the query reads; `result`
    /// reads the others it shows from here.
    let baseFile: ArrowTableFile?

    public init(
        _ source: String, base: Table, related: [Table], asOf: Int32?, segments texts: [String: String] = [:]
    ) throws(QueryError) {
        try self.init(source, base: base, related: related, asOf: asOf, segments: texts, owners: [:], baseFile: nil)
    }

    init(
        _ source: String, base: Table, related: [Table], asOf: Int32?, segments texts: [String: String],
        owners: [String: [Int32]], baseFile: ArrowTableFile?
    ) throws(QueryError) {
        let names = texts.keys.sorted()
        let schema = QuerySchema(base: base, related: related, segments: names)
        let expression = try TypeChecker.check(source, against: schema)
        var compiled = [String: NamedSegment]()
        try Self.compileSegments(used: expression, texts: texts, schema: schema, into: &compiled, chain: [])
        self.source = source
        self.expression = expression
        self.schema = schema
        self.base = base
        self.related = related
        self.asOf = asOf
        self.segments = compiled
        self.owners = owners
        self.baseFile = baseFile
    }

    /// Against a snapshot: `base` (customers) is the table segments select from, every other
    /// table is related; `as_of` is the manifest's.
    public init(_ source: String, snapshot: Snapshot, segments: [String: String] = [:], base: String = "customers") throws(QueryError) {
        guard let baseTable = snapshot[base] else {
            throw QueryError(
                "the snapshot has no \(base) table (tables: \(snapshot.tableNames.joined(separator: ", ")))", at: SourceRange(0, 0))
        }
        try self.init(source, base: baseTable, related: snapshot.tables.filter { $0.name != base }, asOf: snapshot.asOf, segments: segments)
    }

    /// The base rows where the expression is true.
    public func run() throws(QueryError) -> SelectionVector {
        try makeEvaluator(tracing: false).select(expression)
    }

    /// Runs the query and describes it: the typed tree, then the operators that ran, in order.
    public func explain() throws(QueryError) -> String {
        let evaluator = makeEvaluator(tracing: true)
        let rows = try evaluator.select(expression)
        var lines = ["query: \(source)", "as_of: \(asOf.map { CivilDate.iso(Int($0)) } ?? "none (the snapshot has no as-of date)")", "",
                     "typed tree:"]
        lines += TypedTree.lines(expression, schema: schema)
        for (name, s) in segments.sorted(by: { $0.key < $1.key }) {
            lines.append("@\(name) = \(s.source)")
            lines += TypedTree.lines(s.expression, schema: schema).map { "  " + $0 }
        }
        lines += ["", "operators (in the order they ran):"]
        lines += evaluator.trace ?? []
        lines += ["", "\(rows.count) of \(base.rowCount) \(base.name) rows selected"]
        if baseFile != nil {
            let read = ([base] + related).map { "\($0.name) (\($0.columnNames.joined(separator: ", ")))" }
            lines.append("columns read from the snapshot: " + read.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    private func makeEvaluator(tracing: Bool) -> Evaluator {
        Evaluator(schema: schema, base: base, related: related, asOf: asOf, segments: segments, owners: owners, tracing: tracing)
    }

    static func compileSegments(
        used e: Expr, texts: [String: String], schema: QuerySchema, into compiled: inout [String: NamedSegment], chain: [String]
    ) throws(QueryError) {
        for (name, range) in segmentReferences(e) {
            if chain.contains(name) {
                let cycle = (chain + [name]).map { "@" + $0 }.joined(separator: " → ")
                throw QueryError("segment @\(name) refers to itself (\(cycle))", at: range)
            }
            if compiled[name] != nil { continue }
            guard let text = texts[name] else { throw QueryError("unknown segment @\(name)", at: range) }
            let expression: Expr
            do {
                expression = try TypeChecker.check(text, against: schema)
                try compileSegments(used: expression, texts: texts, schema: schema, into: &compiled, chain: chain + [name])
            } catch {
                if error.message.hasPrefix("in segment @") || error.message.hasPrefix("segment @") {
                    throw QueryError(error.message, at: range)
                }
                throw QueryError("in segment @\(name): \(error.rendered(in: text))", at: range)
            }
            compiled[name] = NamedSegment(name: name, source: text, expression: expression)
        }
    }

    private static func segmentReferences(_ e: Expr) -> [(String, SourceRange)] {
        if case .segment(let name) = e.kind { return [(name, e.range)] }
        return e.kind.children.flatMap(segmentReferences)
    }
}
