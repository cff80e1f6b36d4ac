import Columns
import Foundation

/// Evaluates a checked segment expression column-at-a-time over a snapshot's base table.
///
/// Conditions become `Truth` (selection vectors of true and unknown rows) built by the kernel
/// filters wherever one side is a column and the other a constant, and combined as sets; `and`
/// evaluates each operand only on the rows still undecided. Scalars become temporary columns
/// (`Value`) over contiguous buffers. Aggregates over related tables are computed once per
/// query into a per-customer column (`RelatedRows`, `AggregateScatter`).
///
/// Null semantics are SQL's (and checked against DuckDB in `EvaluationOracleTests`):
/// - A comparison, `in`, `between`, `contains`/`starts_with`/`ends_with`/`like`, arithmetic or a
///   function with a null operand is null (unknown), except `coalesce` and `is [not] null`.
/// - `and`/`or`/`not` follow three-valued logic: false and unknown is false, true or unknown is
///   true, not unknown is unknown. A segment keeps the rows where its condition is true, so
///   `not region = '华东'` leaves out customers without a region.
/// - `x in (a, b)` is true if x equals an item, else unknown if any comparison was unknown.
/// - Aggregates skip null values; `count(t)` counts rows, `count(t.col)` non-null values;
///   `count` of no rows is 0; `sum`/`avg`/`min`/`max` of no values are null.
/// - `/` divides as doubles (x/0 is ±inf, 0/0 NaN, as DuckDB); `%` by zero and integer
///   overflow are errors. NaN equals NaN and sorts above every number (DuckDB's order).
final class Evaluator {
    let schema: QuerySchema
    let base: Table
    let related: [Table]
    let asOf: Int32?
    let segments: [String: NamedSegment]
    /// Precomputed joins by related table name (the snapshot's `OwnerRows`).
    let owners: [String: [Int32]]

    /// Join of each related table to the base rows, computed on first use.
    var relations: [String: RelatedRows] = [:]
    /// Named segments already evaluated over the whole base table.
    var segmentTruths: [String: Truth] = [:]
    var segmentsInProgress: [String] = []
    /// What ran, in order, with nesting, when explaining.
    var trace: [String]?
    var traceDepth = 0

    init(
        schema: QuerySchema, base: Table, related: [Table], asOf: Int32?, segments: [String: NamedSegment],
        owners: [String: [Int32]] = [:], tracing: Bool
    ) {
        self.owners = owners
        self.schema = schema
        self.base = base
        self.related = related
        self.asOf = asOf
        self.segments = segments
        trace = tracing ? [] : nil
    }

    /// When tracing started, so each step shows the time it began at.
    let started = ContinuousClock.now

    func note(_ text: @autoclosure () -> String) {
        guard trace != nil else { return }
        let elapsed = (ContinuousClock.now - started).components
        let ms = Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15
        let stamp = "[" + String(Int(ms.rounded())) + " ms]"
        trace!.append(stamp.padding(toLength: 10, withPad: " ", startingAt: 0) + String(repeating: "  ", count: traceDepth) + text())
    }

    /// The rows of the base table where `e` is true.
    func select(_ e: Expr) throws(QueryError) -> SelectionVector {
        try truth(of: e, in: .base(base), within: nil).yes
    }

    // MARK: Conditions

    func truth(of e: Expr, in frame: Frame, within domain: SelectionVector?) throws(QueryError) -> Truth {
        traceDepth += 1
        defer { traceDepth -= 1 }
        switch e.kind {
        case .logical(.and, let operands):
            note("and of \(operands.count): each operand only on the rows the previous left true or unknown")
            var t = try truth(of: operands[0], in: frame, within: domain)
            for x in operands.dropFirst() {
                let undecided = t.undecided
                if undecided.isEmpty { break }
                t = t.and(try truth(of: x, in: frame, within: undecided))
            }
            return t
        case .logical(.or, let operands):
            note("or of \(operands.count): each operand on the rows not yet true, union of selections")
            let all = Truth.all(domain, rowCount: frame.rowCount)
            var t = try truth(of: operands[0], in: frame, within: domain)
            for x in operands.dropFirst() {
                let open = all.subtracting(t.yes)
                if open.isEmpty { break }
                t = t.or(try truth(of: x, in: frame, within: open))
            }
            return t
        case .not(let x):
            note("not: complement of true and unknown within the domain")
            return try truth(of: x, in: frame, within: domain).negated(within: domain, rowCount: frame.rowCount)
        case .comparison(let op, let a, let b):
            return try compare(op, try value(of: a, in: frame), try value(of: b, in: frame), in: frame, within: domain, at: e.range)
        case .inList(let x, let items, let negated):
            let t = try inList(x, items, in: frame, within: domain, at: e.range)
            return negated ? t.negated(within: domain, rowCount: frame.rowCount) : t
        case .between(let x, let low, let high, let negated):
            note("between: >= low and <= high")
            let v = try value(of: x, in: frame)
            let lower = try compare(.greaterEqual, v, try value(of: low, in: frame), in: frame, within: domain, at: e.range)
            let both = lower.and(
                try compare(.lessEqual, v, try value(of: high, in: frame), in: frame, within: lower.undecided, at: e.range))
            return negated ? both.negated(within: domain, rowCount: frame.rowCount) : both
        case .match(let op, let x, let pattern, let negated):
            let t = try match(op, try value(of: x, in: frame), try value(of: pattern, in: frame), in: frame, within: domain)
            return negated ? t.negated(within: domain, rowCount: frame.rowCount) : t
        case .isNull(let x, let negated):
            let v = try value(of: x, in: frame)
            note("is \(negated ? "not " : "")null: from the validity bitmap (kernel Column.select)")
            if v.isConstant { return Truth.constant(v.isNullConstant != negated, domain, rowCount: frame.rowCount) }
            let rows = try kernel(v.column, negated ? .isNotNull : .isNull, domain, at: e.range)
            return Truth(yes: rows, unknown: .empty)
        case .segment(let name):
            return try segmentTruth(name, in: frame, within: domain, at: e.range)
        default:
            // A boolean column, literal or function result used as a condition.
            let v = try value(of: e, in: frame)
            note("boolean value as condition: kernel Column.select(= true)")
            return try truth(ofBoolean: v, in: frame, within: domain, at: e.range)
        }
    }

    func truth(ofBoolean v: Value, in frame: Frame, within domain: SelectionVector?, at range: SourceRange) throws(QueryError) -> Truth {
        if v.isConstant {
            guard case .bool(let c) = v.column else { throw QueryError("internal: not a condition", at: range) }
            return Truth.constant(c[0], domain, rowCount: frame.rowCount)
        }
        let yes = try kernel(v.column, .compare(.equal, .bool(true)), domain, at: range)
        let unknown = try kernel(v.column, .isNull, domain, at: range)
        return Truth(yes: yes, unknown: unknown)
    }

    /// Runs a kernel filter, turning its error into one at `range`.
    func kernel(_ column: Column, _ condition: ColumnCondition, _ domain: SelectionVector?, at range: SourceRange) throws(QueryError) -> SelectionVector {
        do {
            return try column.select(condition, within: domain)
        } catch {
            throw QueryError("cannot evaluate: \(error)", at: range)
        }
    }

    // MARK: Values

    func value(of e: Expr, in frame: Frame) throws(QueryError) -> Value {
        switch e.kind {
        case .literal(let l):
            switch l {
            case .integer(let v): return Value(.int64(v))
            case .decimal(let v): return Value(.double(v))
            case .string(let s): return Value(.string(s))
            case .bool(let b): return Value(.bool(b))
            case .null: return .null
            case .duration:
                throw QueryError("a duration such as 90d can only be added to or subtracted from a date", at: e.range)
            }
        case .column(let qualifier, let name):
            return try column(qualifier, name, in: frame, at: e.range)
        case .negate(let x):
            return try negate(try value(of: x, in: frame), frame: frame, at: e.range)
        case .arithmetic(let op, let a, let b):
            return try arithmetic(op, a, b, in: frame, at: e.range)
        case .call(let name, let arguments):
            return try call(name, arguments, in: frame, at: e.range)
        case .aggregate(let a):
            guard frame.isBase else { throw QueryError("aggregates cannot nest", at: e.range) }
            return .rows(try aggregate(a, at: e.range))
        default:
            // A condition used as a value (`(a > 1) = (b > 2)`, `coalesce(vip, a > 1)`).
            let t = try truth(of: e, in: frame, within: nil)
            return .rows(t.column(rowCount: frame.rowCount))
        }
    }

    /// Names resolve as the type checker resolves them: a qualified base column, the related
    /// table's own column, a base column, then `as_of`.
    func column(_ qualifier: String?, _ name: String, in frame: Frame, at range: SourceRange) throws(QueryError) -> Value {
        if let qualifier {
            if qualifier == base.name, let c = base[name] { return .rows(frame.fromBase(c)) }
            if qualifier == frame.relatedName, let c = frame.ownColumn(name) { return .rows(c) }
            throw QueryError("unknown column \(qualifier).\(name)", at: range)
        }
        if !frame.isBase, let c = frame.ownColumn(name) { return .rows(c) }
        if let c = base[name] { return .rows(frame.fromBase(c)) }
        if name == TypeChecker.asOfName {
            guard let asOf else {
                throw QueryError("the snapshot has no as-of date, so as_of has no value (rerun the pipeline to write one)", at: range)
            }
            return Value(.date(asOf))
        }
        throw QueryError("unknown column '\(name)'", at: range)
    }

    // MARK: Segments

    func segmentTruth(_ name: String, in frame: Frame, within domain: SelectionVector?, at range: SourceRange) throws(QueryError) -> Truth {
        note(frame.isBase
            ? "@\(name): evaluated once over \(base.name), intersected with the domain"
            : "@\(name): evaluated once over \(base.name), carried to \(frame.relatedName ?? "") rows through customer_id")
        let whole = try segmentOverBase(name, at: range)
        if frame.isBase {
            guard let domain else { return whole }
            return Truth(yes: whole.yes.intersection(domain), unknown: whole.unknown.intersection(domain))
        }
        let column = frame.fromBase(whole.column(rowCount: base.rowCount))
        return try truth(ofBoolean: .rows(column), in: frame, within: domain, at: range)
    }

    private func segmentOverBase(_ name: String, at range: SourceRange) throws(QueryError) -> Truth {
        if let t = segmentTruths[name] { return t }
        guard let segment = segments[name] else { throw QueryError("unknown segment @\(name)", at: range) }
        guard !segmentsInProgress.contains(name) else {
            let cycle = (segmentsInProgress + [name]).map { "@" + $0 }.joined(separator: " → ")
            throw QueryError("segment @\(name) refers to itself (\(cycle))", at: range)
        }
        segmentsInProgress.append(name)
        defer { segmentsInProgress.removeLast() }
        let t: Truth
        do {
            t = try truth(of: segment.expression, in: .base(base), within: nil)
        } catch {
            // A runtime error inside the segment's own text: say where, in that text.
            if error.message.hasPrefix("in segment @") { throw QueryError(error.message, at: range) }
            throw QueryError("in segment @\(name): \(error.rendered(in: segment.source))", at: range)
        }
        segmentTruths[name] = t
        return t
    }
}
