import Columns

public struct LeadGradeParameters: Sendable {
    /// Interactions and campaign responses count when in the last `engagementDays` days up to as-of.
    public var engagementDays: Int32
    /// Interactions (responses) at which the engagement part is full.
    public var interactionCap: Int
    public var responseCap: Int
    /// Weight of engagement in the score (fit gets 1 − this).
    public var engagementWeight: Double
    /// Score thresholds of grades A and B (C below B).
    public var gradeA: Double
    public var gradeB: Double

    public init(engagementDays: Int32 = 90, interactionCap: Int = 5, responseCap: Int = 2,
                engagementWeight: Double = 0.6, gradeA: Double = 70, gradeB: Double = 40) {
        self.engagementDays = engagementDays
        self.interactionCap = max(1, interactionCap)
        self.responseCap = max(1, responseCap)
        self.engagementWeight = min(1, max(0, engagementWeight))
        self.gradeA = gradeA
        self.gradeB = gradeB
    }
}

/// Lead grade A/B/C from the two halves of classic lead scoring — *fit* (explicit data: is this
/// the kind of customer we want, and do we know enough about them) and *engagement* (implicit
/// data: are they interacting) — as in marketing-automation practice (e.g. Marketo's and
/// HubSpot's lead-scoring guides; Monat, "Industrial sales lead conversion modeling", Marketing
/// Intelligence & Planning 29(2), 2011). The formula, also returned as text by `formula(_:)`:
///
///     engagement = 60·min(interactions, I)/I + 40·min(responses, R)/R                 (0–100)
///     completeness = share of name, email, phone, company, industry, region, city present
///     size_score = 1 (≥1000 employees), 0.75 (≥200), 0.5 (≥50), 0.25 (≥10), 0 (<10)
///     fit = 100·completeness, or 70·completeness + 30·size_score when company size is known
///     score = w·engagement + (1 − w)·fit;   A if score ≥ a, B if ≥ b, else C
///
/// interactions = interactions rows of the customer in the last D days, responses = campaign
/// responses (campaign_members.responded_at) in the same days; I, R, D, w, a, b are parameters
/// (defaults 5, 2, 90, 0.6, 70, 40). Company size is read from an optional non-canonical numeric
/// column `company_size` or `employees` of customers.
///
/// Tables: `lead_grades` (per customer, customer_id byte order), `lead_grade_summary`,
/// `lead_grade_formula` (one row: the formula text).
public enum LeadGradeAnalysis {
    static let fitFields = ["name", "email", "phone", "company", "industry", "region", "city"]

    public static func formula(_ p: LeadGradeParameters) -> String {
        let w = formatDouble(p.engagementWeight), fw = formatDouble(((1 - p.engagementWeight) * 1e6).rounded() / 1e6)
        return "engagement = 60·min(interactions, \(p.interactionCap))/\(p.interactionCap) + 40·min(responses, \(p.responseCap))/\(p.responseCap), "
            + "counting interactions and campaign responses in the last \(p.engagementDays) days; "
            + "fit = 100·completeness (share of name, email, phone, company, industry, region, city present), "
            + "or 70·completeness + 30·size score (1 for ≥1000 employees, 0.75 ≥200, 0.5 ≥50, 0.25 ≥10, else 0) when company size is known; "
            + "score = \(w)·engagement + \(fw)·fit; A if score ≥ \(formatDouble(p.gradeA)), B if ≥ \(formatDouble(p.gradeB)), else C."
    }

    static func sizeScore(_ employees: Double) -> Double {
        employees >= 1000 ? 1 : employees >= 200 ? 0.75 : employees >= 50 ? 0.5 : employees >= 10 ? 0.25 : 0
    }

    public static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters) -> AnalysisResult {
        run(input, OrderFacts(orders: nil, customers: input.customers, asOf: parameters.asOf), parameters)
    }

    /// Lead grades over facts built with `input.customers` (its ids are then not hashed again).
    public static func run(_ input: AnalysisInput, _ facts: OrderFacts, _ parameters: AnalysisParameters) -> AnalysisResult {
        var notes: [String] = []
        let p = parameters.leadGrade
        let formulaTable = ResultColumns.table("lead_grade_formula", [("formula", ResultColumns.strings([formula(p)]))])
        guard let customers = input.customers, customers["customer_id"] != nil,
              let rowCodes = facts.customerRowCodes(for: customers, notes: &notes) else {
            notes.append(input.customers == nil ? "lead grade: no customers table" : "lead grade: customers has no customer_id column")
            return AnalysisResult(tables: [("lead_grades", LeadColumns().table(ids: StringBuffer())), ("lead_grade_summary", summary([])), ("lead_grade_formula", formulaTable)], notes: notes)
        }
        let count = facts.customerCount
        var row = [Int](repeating: -1, count: count)
        var repeated = false
        for r in 0..<customers.rowCount where rowCodes[r] >= 0 {
            if row[Int(rowCodes[r])] < 0 { row[Int(rowCodes[r])] = r } else { repeated = true }
        }
        if repeated { notes.append("lead grade: repeated customer_id rows; the first of each is graded") }

        let windowEnd = parameters.asOfEndSecond
        let windowStart = windowEnd - Int64(p.engagementDays) * 86_400
        var interactions = [Int](repeating: 0, count: count), responses = [Int](repeating: 0, count: count)
        func countEvents(_ table: Table?, _ timeColumn: String, into counts: inout [Int]) {
            guard let table, let who = ColumnAccess.strings(table, "customer_id", notes: &notes),
                  let when = ColumnAccess.seconds(table, timeColumn, notes: &notes, missingNote: "not counted for lead grades") else { return }
            let codes = facts.codes(of: who)
            for r in 0..<table.rowCount where codes[r] >= 0 && when.validity.isValid(r) {
                let t = when.values[r]
                if t >= windowStart && t < windowEnd { counts[Int(codes[r])] += 1 }
            }
        }
        countEvents(input.interactions, "occurred_at", into: &interactions)
        countEvents(input.campaignMembers, "responded_at", into: &responses)
        if input.interactions == nil { notes.append("lead grade: no interactions table; engagement counts campaign responses only") }

        let present: [StringColumn] = fitFields.compactMap { customers[$0]?.strings }
        if present.count < fitFields.count {
            let missing = fitFields.filter { customers[$0]?.strings == nil }
            notes.append("lead grade: customers lacks \(missing.joined(separator: ", ")); counted as not filled in")
        }
        var size: PrimitiveColumn<Double>?
        for name in ["company_size", "employees"] where size == nil && customers[name] != nil {
            size = ColumnAccess.numbers(customers, name, notes: &notes)
        }

        // Filled-in fields per customers row, one column at a time (contiguous passes, no per-row
        // switch over storage kinds).
        var filled = [UInt8](repeating: 0, count: customers.rowCount)
        for column in present {
            switch column.storage {
            case .plain(let buffer):
                buffer.offsets.withUnsafeBufferPointer { o in
                    for r in 0..<customers.rowCount where o[r + 1] > o[r] && column.validity.isValid(r) { filled[r] += 1 }
                }
            case .dictionary(let codes, let dictionary):
                let nonEmpty = (0..<dictionary.count).map { dictionary.range($0).count > 0 }
                for r in 0..<customers.rowCount where nonEmpty[Int(codes[r])] && column.validity.isValid(r) { filled[r] += 1 }
            }
        }

        var out = LeadColumns()
        out.reserve(count)
        for c in facts.idOrder.map({ Int($0) }) where row[c] >= 0 {
            let r = row[c]
            let completeness = Double(filled[r]) / Double(fitFields.count)
            let employees = size.flatMap { $0.validity.isValid(r) ? $0.values[r] : nil }
            let engagement = 60 * Double(min(interactions[c], p.interactionCap)) / Double(p.interactionCap)
                + 40 * Double(min(responses[c], p.responseCap)) / Double(p.responseCap)
            let fit = employees.map { 70 * completeness + 30 * sizeScore($0) } ?? 100 * completeness
            let score = p.engagementWeight * engagement + (1 - p.engagementWeight) * fit
            let grade: Int32 = score >= p.gradeA ? 0 : score >= p.gradeB ? 1 : 2
            out.append(code: Int32(c), interactions: interactions[c], responses: responses[c], completeness: completeness,
                       employees: employees, engagement: engagement, fit: fit, score: score, grade: grade)
        }
        if out.codes.isEmpty { notes.append("lead grade: customers table has no customer ids") }
        return AnalysisResult(tables: [
            ("lead_grades", out.table(ids: facts.interner.strings)),
            ("lead_grade_summary", summary(out.grades)),
            ("lead_grade_formula", formulaTable),
        ], notes: notes)
    }

    static let gradeLabels = ["A", "B", "C"]

    /// The `lead_grades` columns, appended per customer into contiguous arrays.
    struct LeadColumns {
        var codes: [Int32] = [], interactions: [Int64] = [], responses: [Int64] = [], completeness: [Double] = []
        var employees = PrimitiveBuilder<Double>(zero: 0)
        var engagement: [Double] = [], fit: [Double] = [], score: [Double] = [], grades: [Int32] = []

        mutating func reserve(_ n: Int) {
            codes.reserveCapacity(n); interactions.reserveCapacity(n); responses.reserveCapacity(n)
            completeness.reserveCapacity(n); engagement.reserveCapacity(n); fit.reserveCapacity(n)
            score.reserveCapacity(n); grades.reserveCapacity(n)
        }

        mutating func append(code: Int32, interactions i: Int, responses r: Int, completeness c: Double, employees e: Double?,
                             engagement en: Double, fit f: Double, score s: Double, grade g: Int32) {
            codes.append(code); interactions.append(Int64(i)); responses.append(Int64(r)); completeness.append(c)
            employees.append(e); engagement.append(en); fit.append(f); score.append(s); grades.append(g)
        }

        func table(ids: StringBuffer) -> Table {
            ResultColumns.table("lead_grades", [
                ("customer_id", .string(StringColumn(storage: .dictionary(codes: codes, dictionary: ids)))),
                ("interactions", .int64(PrimitiveColumn(values: interactions))),
                ("responses", .int64(PrimitiveColumn(values: responses))),
                ("completeness", .double(PrimitiveColumn(values: completeness))),
                ("company_size", .double(employees.finish())),
                ("engagement_score", .double(PrimitiveColumn(values: engagement))),
                ("fit_score", .double(PrimitiveColumn(values: fit))),
                ("score", .double(PrimitiveColumn(values: score))),
                ("grade", .string(StringColumn(storage: .dictionary(codes: grades, dictionary: StringBuffer(gradeLabels))))),
            ])
        }
    }

    static func summary(_ grades: [Int32]) -> Table {
        var counts = [0, 0, 0]
        for g in grades { counts[Int(g)] += 1 }
        return ResultColumns.table("lead_grade_summary", [
            ("grade", ResultColumns.strings(gradeLabels)),
            ("customers", ResultColumns.ints(counts)),
            ("share", ResultColumns.doubles(counts.map { ResultColumns.ratio(Double($0), Double(grades.count)) })),
        ])
    }
}
