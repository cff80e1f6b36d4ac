import Columns

public struct RFMParameters: Sendable {
    /// Orders on days (asOf − windowDays, asOf] are scored; nil scores the whole history.
    public var windowDays: Int32?
    /// Orders whose status is one of these (case-insensitive) did not happen or are not revenue
    /// (quotations), for every customer-level analysis (RFM, lifecycle, cohorts, performance).
    public var excludedOrderStatuses: [String]

    public init(windowDays: Int32? = 365, excludedOrderStatuses: [String] = OrderFacts.nonRevenueStatuses) {
        self.windowDays = windowDays
        self.excludedOrderStatuses = excludedOrderStatuses
    }
}

/// Recency–frequency–monetary analysis (Hughes 1994; Fader, Hardie & Lee, "RFM and CLV", 2005):
/// per customer with at least one order in the window,
/// - recency = as-of day − day of the last order (days, ≥ 0),
/// - frequency = number of distinct days with an order (several orders on one day are one purchase
///   occasion, so split shipments do not inflate F),
/// - monetary = sum of order amounts (refunds, as negative amounts, included),
/// then quintile scores (`RFMQuintiles`), the 11-segment map (`RFMSegment`) and the 8-class map
/// (`RFMChineseClass`). Every kept order row is a purchase occasion whatever its amount: a refund
/// booked as its own negative row lowers monetary and also counts as an occasion, so sources that
/// book refunds that way should mark them with a status in `excludedOrderStatuses` or net them
/// upstream. Orders with a cancelled/void/refunded or quotation status are dropped before any of this.
///
/// Tables: `rfm` (one row per scored customer, in customer_id byte order), `rfm_segments` (11 rows,
/// map order), `rfm_segments_cn` (8 rows, map order).
public enum RFMAnalysis {
    public static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters) -> AnalysisResult {
        let facts = OrderFacts(orders: input.orders, customers: input.customers, asOf: parameters.asOf, excludedStatuses: parameters.rfm.excludedOrderStatuses)
        var result = run(facts, parameters)
        result.notes = facts.notes + result.notes
        return result
    }

    /// RFM over prepared order facts (share one `OrderFacts` between RFM, lifecycle, cohorts…).
    public static func run(_ facts: OrderFacts, _ parameters: AnalysisParameters) -> AnalysisResult {
        var notes: [String] = []
        let asOf = parameters.asOf
        let windowStart = SafeTime.windowStart(asOf: asOf, days: parameters.rfm.windowDays)

        // Customers in id order that have an order in the window, with their raw R, F, M.
        var members: [Int32] = []
        var recency: [Int64] = [], frequency: [Int64] = [], monetary: [Double] = []
        members.reserveCapacity(facts.customerCount)
        facts.day.withUnsafeBufferPointer { day in
            facts.amount.withUnsafeBufferPointer { amount in
                for c in facts.idOrder {
                    let range = facts.orders(of: Int(c))
                    var lo = range.lowerBound
                    while lo < range.upperBound && day[lo] < windowStart { lo += 1 }
                    guard lo < range.upperBound else { continue }
                    var distinct: Int64 = 0, sum = 0.0, previous = Int32.min
                    for i in lo..<range.upperBound {
                        if day[i] != previous { distinct += 1; previous = day[i] }
                        sum += amount[i]
                    }
                    members.append(c)
                    recency.append(Int64(asOf) - Int64(day[range.upperBound - 1]))
                    frequency.append(distinct)
                    monetary.append(sum)
                }
            }
        }
        let n = members.count
        if n == 0 {
            notes.append("RFM: no customer has an order in the window; nothing to score")
        } else if n < 5 {
            notes.append("RFM: only \(n) customer(s) scored; quintile scores need at least 5 to mean anything")
        }
        if n > 1 {
            if recency.allSatisfy({ $0 == recency[0] }) { notes.append("RFM: every customer has the same recency (same last purchase day); R scores reflect only the customer-id tie rule") }
            if frequency.allSatisfy({ $0 == frequency[0] }) { notes.append("RFM: every customer has the same frequency; F scores reflect only the customer-id tie rule") }
            if monetary.allSatisfy({ $0 == monetary[0] }) { notes.append("RFM: every customer has the same monetary value; M scores reflect only the customer-id tie rule") }
        }
        let nonPositive = monetary.reduce(0) { $0 + ($1 <= 0 ? 1 : 0) }
        if nonPositive > 0 { notes.append("RFM: \(nonPositive) customer(s) with zero or negative monetary value in the window") }

        // Ties by customer id: members are already in id order, so their index is the tie rank.
        let tie = Array(0..<Int32(n))
        let r = RFMQuintiles.scores(ascending: recency.map { -$0 }, tieRank: tie)
        let f = RFMQuintiles.scores(ascending: frequency, tieRank: tie)
        let m = RFMQuintiles.scores(ascending: monetary, tieRank: tie)

        let meanR = n == 0 ? 0 : Double(recency.reduce(0, +)) / Double(n)
        let meanF = n == 0 ? 0 : Double(frequency.reduce(0, +)) / Double(n)
        let meanM = n == 0 ? 0 : monetary.reduce(0, +) / Double(n)

        let segmentNames = StringBuffer(RFMSegment.allCases.map(\.rawValue))
        let classNames = StringBuffer(RFMChineseClass.allCases.map(\.rawValue))
        var segmentCodes = [Int32](repeating: 0, count: n)
        var classCodes = [Int32](repeating: 0, count: n)
        var segmentCount = [Int](repeating: 0, count: RFMSegment.allCases.count)
        var segmentRevenue = [Double](repeating: 0, count: RFMSegment.allCases.count)
        var classCount = [Int](repeating: 0, count: RFMChineseClass.allCases.count)
        var classRevenue = [Double](repeating: 0, count: RFMChineseClass.allCases.count)
        let segmentIndex = Dictionary(uniqueKeysWithValues: RFMSegment.allCases.enumerated().map { ($1, Int32($0)) })
        let classIndex = Dictionary(uniqueKeysWithValues: RFMChineseClass.allCases.enumerated().map { ($1, Int32($0)) })
        // 25 grid cells and 8 classes: look the codes up once, not per customer.
        var gridCode = [Int32](repeating: 0, count: 36)
        for rs in 1...5 { for fs in 1...5 { gridCode[rs * 6 + fs] = segmentIndex[RFMSegment(r: rs, f: fs)]! } }
        var cnCode = [Int32](repeating: 0, count: 8)
        for bits in 0..<8 {
            cnCode[bits] = classIndex[RFMChineseClass(recentHigh: bits & 4 != 0, frequencyHigh: bits & 2 != 0, monetaryHigh: bits & 1 != 0)]!
        }
        var scoreText = [Int64](repeating: 0, count: n)
        for i in 0..<n {
            let s = gridCode[Int(r[i]) * 6 + Int(f[i])]
            segmentCodes[i] = s
            segmentCount[Int(s)] += 1
            segmentRevenue[Int(s)] += monetary[i]
            let bits = (Double(recency[i]) < meanR ? 4 : 0) | (Double(frequency[i]) > meanF ? 2 : 0) | (monetary[i] > meanM ? 1 : 0)
            let k = cnCode[bits]
            classCodes[i] = k
            classCount[Int(k)] += 1
            classRevenue[Int(k)] += monetary[i]
            scoreText[i] = Int64(r[i]) * 100 + Int64(f[i]) * 10 + Int64(m[i])
        }

        let perCustomer = ResultColumns.table("rfm", [
            ("customer_id", facts.idColumn(members)),
            ("recency_days", .int64(PrimitiveColumn(values: recency))),
            ("frequency", .int64(PrimitiveColumn(values: frequency))),
            // A sum can overflow to infinity on absurd amounts: such a cell is null, never inf.
            ("monetary", monetary.allSatisfy(\.isFinite) ? .double(PrimitiveColumn(values: monetary)) : ResultColumns.doubles(monetary)),
            ("r_score", .int64(PrimitiveColumn(values: r.map { Int64($0) }))),
            ("f_score", .int64(PrimitiveColumn(values: f.map { Int64($0) }))),
            ("m_score", .int64(PrimitiveColumn(values: m.map { Int64($0) }))),
            ("rfm_score", .int64(PrimitiveColumn(values: scoreText))),
            ("segment", .string(StringColumn(storage: .dictionary(codes: segmentCodes, dictionary: segmentNames)))),
            ("segment_cn", .string(StringColumn(storage: .dictionary(codes: classCodes, dictionary: classNames)))),
        ])
        let totalRevenue = monetary.reduce(0, +)
        func summary(_ name: String, _ labels: [String], _ counts: [Int], _ revenue: [Double]) -> Table {
            ResultColumns.table(name, [
                ("segment", ResultColumns.strings(labels)),
                ("customers", ResultColumns.ints(counts)),
                ("customer_share", ResultColumns.doubles(counts.map { ResultColumns.ratio(Double($0), Double(n)) })),
                ("revenue", ResultColumns.doubles(revenue)),
                ("revenue_share", ResultColumns.doubles(revenue.map { ResultColumns.ratio($0, totalRevenue) })),
            ])
        }
        if totalRevenue == 0 && n > 0 { notes.append("RFM: total revenue in the window is 0; revenue shares are empty") }
        return AnalysisResult(tables: [
            ("rfm", perCustomer),
            ("rfm_segments", summary("rfm_segments", RFMSegment.allCases.map(\.rawValue), segmentCount, segmentRevenue)),
            ("rfm_segments_cn", summary("rfm_segments_cn", RFMChineseClass.allCases.map(\.rawValue), classCount, classRevenue)),
        ], notes: notes)
    }
}
