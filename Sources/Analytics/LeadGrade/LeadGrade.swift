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
        var notes: [String] = []
        let p = parameters.leadGrade
        let formulaTable = ResultColumns.table("lead_grade_formula", [("formula", ResultColumns.strings([formula(p)]))])
        guard let customers = input.customers,
              let ids = ColumnAccess.strings(customers, "customer_id", notes: &notes, missingNote: "no lead grades") else {
            if input.customers == nil { notes.append("lead grade: no customers table") }
            return AnalysisResult(tables: [("lead_grades", table(ids: StringBuffer(), rows: [])), ("lead_grade_summary", summary([], 0)), ("lead_grade_formula", formulaTable)], notes: notes)
        }
        var interner = ByteInterner()
        let keys = DenseKeys(ids, interner: &interner)
        let count = interner.count
        var row = [Int](repeating: -1, count: count)
        for r in 0..<customers.rowCount where keys.codes[r] >= 0 && row[Int(keys.codes[r])] < 0 { row[Int(keys.codes[r])] = r }
        if count < keys.codes.filter({ $0 >= 0 }).count { notes.append("lead grade: repeated customer_id rows; the first of each is graded") }

        let windowEnd = parameters.asOfEndSecond
        let windowStart = windowEnd - Int64(p.engagementDays) * 86_400
        var interactions = [Int](repeating: 0, count: count), responses = [Int](repeating: 0, count: count)
        func countEvents(_ table: Table?, _ timeColumn: String, into counts: inout [Int]) {
            guard let table, let who = ColumnAccess.strings(table, "customer_id", notes: &notes),
                  let when = ColumnAccess.seconds(table, timeColumn, notes: &notes, missingNote: "not counted for lead grades") else { return }
            for r in 0..<table.rowCount where who.validity.isValid(r) && when.validity.isValid(r) {
                let t = when.values[r]
                guard t >= windowStart, t < windowEnd, let c = who.withBytes(r, { interner.code(of: $0) }) else { continue }
                counts[Int(c)] += 1
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

        var rows: [LeadRow] = []
        rows.reserveCapacity(count)
        for c in ByteOrder.sorted(interner.strings).map({ Int($0) }) {
            let r = row[c]
            var filled = 0
            for column in present where column.validity.isValid(r) && column.withBytes(r, { !$0.isEmpty }) { filled += 1 }
            let completeness = Double(filled) / Double(fitFields.count)
            let employees = size.flatMap { $0.validity.isValid(r) ? $0.values[r] : nil }
            let engagement = 60 * Double(min(interactions[c], p.interactionCap)) / Double(p.interactionCap)
                + 40 * Double(min(responses[c], p.responseCap)) / Double(p.responseCap)
            let fit = employees.map { 70 * completeness + 30 * sizeScore($0) } ?? 100 * completeness
            let score = p.engagementWeight * engagement + (1 - p.engagementWeight) * fit
            let grade = score >= p.gradeA ? "A" : score >= p.gradeB ? "B" : "C"
            rows.append(LeadRow(code: Int32(c), interactions: interactions[c], responses: responses[c], completeness: completeness,
                                employees: employees, engagement: engagement, fit: fit, score: score, grade: grade))
        }
        if rows.isEmpty { notes.append("lead grade: customers table has no customer ids") }
        return AnalysisResult(tables: [
            ("lead_grades", table(ids: interner.strings, rows: rows)),
            ("lead_grade_summary", summary(rows, rows.count)),
            ("lead_grade_formula", formulaTable),
        ], notes: notes)
    }

    struct LeadRow {
        var code: Int32, interactions: Int, responses: Int, completeness: Double, employees: Double?
        var engagement: Double, fit: Double, score: Double, grade: String
    }

    static func table(ids: StringBuffer, rows: [LeadRow]) -> Table {
        ResultColumns.table("lead_grades", [
            ("customer_id", .string(StringColumn(storage: .dictionary(codes: rows.map(\.code), dictionary: ids)))),
            ("interactions", ResultColumns.ints(rows.map(\.interactions))),
            ("responses", ResultColumns.ints(rows.map(\.responses))),
            ("completeness", ResultColumns.doubles(rows.map(\.completeness))),
            ("company_size", ResultColumns.doubles(rows.map(\.employees))),
            ("engagement_score", ResultColumns.doubles(rows.map(\.engagement))),
            ("fit_score", ResultColumns.doubles(rows.map(\.fit))),
            ("score", ResultColumns.doubles(rows.map(\.score))),
            ("grade", ResultColumns.strings(rows.map(\.grade))),
        ])
    }

    static func summary(_ rows: [LeadRow], _ n: Int) -> Table {
        let counts = ["A", "B", "C"].map { g in rows.filter { $0.grade == g }.count }
        return ResultColumns.table("lead_grade_summary", [
            ("grade", ResultColumns.strings(["A", "B", "C"])),
            ("customers", ResultColumns.ints(counts)),
            ("share", ResultColumns.doubles(counts.map { ResultColumns.ratio(Double($0), Double(n)) })),
        ])
    }
}
