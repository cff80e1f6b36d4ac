import Columns

/// The orders table prepared once for every customer-level analysis (RFM, lifecycle, cohorts,
/// performance): customer ids interned to dense codes, and each customer's orders laid out
/// contiguously (CSR) in ascending day order, so per-customer work is a scan of a short slice.
/// Only orders with a customer id and a date on or before as-of, and whose status is not one of
/// `excludedStatuses` (cancelled, void, refunded…), are kept; what was dropped is noted.
///
/// When a customers table is given its ids are interned first, so every customer-level analysis
/// finds a customers row's code in `customerRowCodes` instead of hashing the id again: the ids are
/// hashed once per run, not once per analysis. Customers without orders have empty order ranges.
public struct OrderFacts: Sendable {
    /// customer_id bytes → dense customer code; `interner.strings[code]` is the id.
    var interner: CustomerIndex
    /// Orders of customer c: indices `offsets[c] ..< offsets[c+1]` of `day` and `amount`.
    var offsets: [Int]
    var day: [Int32]
    /// Order amount; a missing amount counts as 0 (noted).
    var amount: [Double]
    /// Customer codes in byte order of their ids, and each code's position in that order: the
    /// deterministic tie-breaker and output order of customer-level tables.
    var idOrder: [Int32]
    var idRank: [Int32]
    public private(set) var notes: [String]
    public let asOf: Int32
    /// Code of each customers-table row (-1: no id), when a customers table with customer_id was given.
    var customerRowCodes: [Int32]?

    public var customerCount: Int { interner.count }
    public var orderCount: Int { day.count }

    /// Order statuses that mean "no purchase happened", compared case-insensitively. `cancel` is
    /// Odoo's raw sale.order state.
    public static let cancelledStatuses = ["cancelled", "canceled", "cancel", "void", "voided", "refunded", "returned",
                                           "已取消", "取消", "已作废", "作废", "已退款", "退款", "已退货", "退货"]

    /// Order statuses of offers not (yet) accepted: Odoo keeps quotations in sale_order with state
    /// draft or sent (the quotation was e-mailed to the customer — not "shipped", which shipping
    /// systems write as shipped/已发货), which the bundled odoo profile loads as `quotation`.
    /// Counting them would book every offer as revenue. `pending` is not here: elsewhere it is a
    /// confirmed order awaiting payment or delivery.
    public static let quotationStatuses = ["quotation", "quote", "draft", "sent", "草稿", "报价", "报价单", "报价中"]

    /// The default of `RFMParameters.excludedOrderStatuses`: orders that are not revenue.
    public static let nonRevenueStatuses = cancelledStatuses + quotationStatuses

    public init(orders: Table?, customers: Table? = nil, asOf: Int32, excludedStatuses: [String] = OrderFacts.nonRevenueStatuses) {
        self.asOf = asOf
        var notes: [String] = []
        var interner = CustomerIndex(capacity: customers?.rowCount ?? 0)
        if let customers, let ids = ColumnAccess.strings(customers, "customer_id", notes: &notes) {
            customerRowCodes = DenseKeys(ids, interner: &interner).codes
        }
        guard let orders,
              let ids = ColumnAccess.strings(orders, "customer_id", notes: &notes, missingNote: "no customer-level analysis possible"),
              let days = ColumnAccess.days(orders, "order_date", notes: &notes, missingNote: "no customer-level analysis possible")
        else {
            if orders == nil { notes.append("no orders table") }
            let customers = interner.count
            self.interner = interner
            offsets = [Int](repeating: 0, count: customers + 1)
            day = []
            amount = []
            idOrder = ByteOrder.sorted(interner.strings)
            idRank = ByteOrder.ranks(idOrder)
            self.notes = notes
            return
        }
        let amounts = ColumnAccess.numbers(orders, "amount", notes: &notes, missingNote: "monetary values are 0")
        let keys: DenseKeys
        if customerRowCodes != nil {
            // Most order customers are in the customers table: look them up in parallel, then
            // intern the rest (orders of customers missing from the table) in row order.
            var codes = ParallelLookup.codes(ids, in: interner, missing: -2)
            for r in 0..<codes.count where codes[r] == -2 {
                codes[r] = ids.withBytes(r) { interner.intern($0) }
            }
            keys = DenseKeys(codes: codes, labels: interner.strings)
        } else {
            keys = DenseKeys(ids, interner: &interner)
        }
        let n = orders.rowCount
        let customers = interner.count

        var offsets = [Int](repeating: 0, count: customers + 1)
        var noCustomer = 0, noDate = 0, afterAsOf = 0, tooEarly = 0, cancelled = 0, noAmount = 0, nonPositive = 0
        // Status is low-cardinality: decide per distinct label, then per row by code.
        var statusCodes: [Int32]?, cancelledLabel: [Bool] = [], statusLabels: [String] = []
        if let status = ColumnAccess.strings(orders, "status", notes: &notes), !excludedStatuses.isEmpty {
            let statusKeys = DenseKeys(status)
            let excluded = Set(excludedStatuses.map { $0.lowercased() })
            statusLabels = (0..<statusKeys.count).map { statusKeys.labels[$0] }
            cancelledLabel = statusLabels.map { excluded.contains($0.lowercased()) }
            if cancelledLabel.contains(true) { statusCodes = statusKeys.codes }
        }
        // Rows left out per status label (by label code), for the note.
        var excludedPerLabel = [Int](repeating: 0, count: statusLabels.count)
        // Each row's customer code, or -1 when the row is left out (for whichever reason).
        var rowCode = keys.codes
        // Columns without nulls (the usual case) skip the per-row bitmap test.
        let datesComplete = !days.validity.hasNulls
        rowCode.withUnsafeMutableBufferPointer { code in
            days.values.withUnsafeBufferPointer { d in
                for r in 0..<n {
                    if code[r] < 0 { noCustomer += 1; continue }
                    if !datesComplete && !days.validity.isValid(r) { noDate += 1 }
                    else if d[r] > asOf { afterAsOf += 1 }
                    else if d[r] < SafeTime.earliestDay { tooEarly += 1 }
                    else if let statusCodes, statusCodes[r] >= 0, cancelledLabel[Int(statusCodes[r])] {
                        cancelled += 1
                        excludedPerLabel[Int(statusCodes[r])] += 1
                    }
                    else {
                        offsets[Int(code[r]) + 1] += 1
                        continue
                    }
                    code[r] = -1
                }
            }
        }
        for c in 0..<customers { offsets[c + 1] += offsets[c] }
        let kept = offsets[customers]
        var day = [Int32](repeating: 0, count: kept)
        var amount = [Double](repeating: 0, count: kept)
        var cursor = offsets
        let amountValues = amounts?.values ?? []
        let amountsComplete = amounts.map { !$0.validity.hasNulls } ?? false
        rowCode.withUnsafeBufferPointer { code in
            days.values.withUnsafeBufferPointer { d in
                amountValues.withUnsafeBufferPointer { av in
                    day.withUnsafeMutableBufferPointer { outDay in
                        amount.withUnsafeMutableBufferPointer { outAmount in
                            for r in 0..<n {
                                let c = Int(code[r])
                                guard c >= 0 else { continue }
                                let slot = cursor[c]
                                cursor[c] = slot + 1
                                outDay[slot] = d[r]
                                if amountsComplete || (amounts?.validity.isValid(r) ?? false) {
                                    let a = av[r]
                                    outAmount[slot] = a
                                    if a <= 0 { nonPositive += 1 }
                                } else {
                                    noAmount += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        // Each customer's orders in day order (amount order within a day, for determinism).
        day.withUnsafeMutableBufferPointer { d in
            amount.withUnsafeMutableBufferPointer { a in
                for c in 0..<customers {
                    let lo = offsets[c], hi = offsets[c + 1]
                    if hi - lo < 2 { continue }
                    if hi - lo <= 32 {
                        for i in (lo + 1)..<hi {
                            let kd = d[i], ka = a[i]
                            var j = i - 1
                            while j >= lo && (d[j] > kd || (d[j] == kd && a[j] > ka)) {
                                d[j + 1] = d[j]
                                a[j + 1] = a[j]
                                j -= 1
                            }
                            d[j + 1] = kd
                            a[j + 1] = ka
                        }
                    } else {
                        var pairs = (lo..<hi).map { (d[$0], a[$0]) }
                        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                        for (k, p) in pairs.enumerated() {
                            d[lo + k] = p.0
                            a[lo + k] = p.1
                        }
                    }
                }
            }
        }
        if noCustomer > 0 { notes.append("orders: \(noCustomer) rows without customer_id ignored") }
        if noDate > 0 { notes.append("orders: \(noDate) rows without order_date ignored") }
        if afterAsOf > 0 { notes.append("orders: \(afterAsOf) rows dated after the as-of day \(CivilDate.iso(Int(asOf))) ignored") }
        if cancelled > 0 {
            // Most frequent status first, then by label bytes: the note reads the same every run.
            let perStatus = excludedPerLabel.indices.filter { excludedPerLabel[$0] > 0 }
                .sorted { excludedPerLabel[$0] != excludedPerLabel[$1] ? excludedPerLabel[$0] > excludedPerLabel[$1]
                          : Array(statusLabels[$0].utf8).lexicographicallyPrecedes(Array(statusLabels[$1].utf8)) }
                .map { "\(statusLabels[$0]) \(excludedPerLabel[$0])" }
            notes.append("orders: \(cancelled) rows left out as not revenue (cancelled/void/refunded/quotation statuses), by status: \(perStatus.joined(separator: ", "))")
        }
        if tooEarly > 0 { notes.append("orders: \(tooEarly) rows dated before 1900-01-01 ignored as corrupt dates") }
        if noAmount > 0 && amounts != nil { notes.append("orders: \(noAmount) rows without amount counted as 0") }
        if nonPositive > 0 { notes.append("orders: \(nonPositive) rows with zero or negative amount (refunds?) included in sums") }
        if kept == 0 { notes.append("no usable orders on or before \(CivilDate.iso(Int(asOf)))") }

        self.interner = interner
        self.offsets = offsets
        self.day = day
        self.amount = amount
        self.idOrder = ByteOrder.sorted(interner.strings)
        self.idRank = ByteOrder.ranks(idOrder)
        self.notes = notes
    }

    @inline(__always)
    func orders(of customer: Int) -> Range<Int> { offsets[customer]..<offsets[customer + 1] }

    /// The code of a customer id from another table, if that customer has any order row.
    func code(of bytes: UnsafeRawBufferPointer) -> Int32? { interner.code(of: bytes) }

    /// Customer codes of a customer_id column of another table (interactions, campaign members),
    /// looked up on all cores; -1 for null, empty or unknown ids.
    func codes(of column: StringColumn) -> [Int32] { ParallelLookup.codes(column, in: interner) }

    /// A customer id column of result rows `codes`, sharing the interned bytes (no per-row String).
    func idColumn(_ codes: [Int32]) -> Column {
        .string(StringColumn(storage: .dictionary(codes: codes, dictionary: interner.strings)))
    }

    /// Codes of a customers table's rows: the ones interned at construction when it is that
    /// table, else looked up (customers not in the facts get -1).
    func customerRowCodes(for customers: Table, notes: inout [String]) -> [Int32]? {
        if let customerRowCodes, customerRowCodes.count == customers.rowCount { return customerRowCodes }
        guard let ids = ColumnAccess.strings(customers, "customer_id", notes: &notes) else { return nil }
        return (0..<ids.count).map { r in
            ids.validity.isValid(r) ? ids.withBytes(r) { facts in code(of: facts) ?? -1 } : -1
        }
    }
}
