import Columns

/// Monthly order KPIs from the order facts (kept orders only: see `OrderFacts`), over every calendar month from the
/// first order's month to the last complete month: the as-of month when as-of is its last day, else the month before
/// (a partial month would read as a collapse and drag the forecast down). Months without orders are zeros.
/// - revenue: sum of order amounts; orders: order rows; new_customers: customers whose first kept order is in the month.
struct MonthlyKPISeries {
    /// Month index (year·12 + month − 1) of the first value; `values` run consecutively from it.
    var firstMonth: Int32
    var revenue: [Double]
    var orders: [Double]
    var newCustomers: [Double]
    /// Orders in the as-of month left out because that month is not complete.
    var partialMonthOrders: Int

    var count: Int { revenue.count }

    static func lastCompleteMonth(asOf: Int32) -> Int32 {
        let (y, m, d) = CivilDate.civil(fromDays: Int(asOf))
        let month = Int32(y * 12 + m - 1)
        return d == CivilDate.daysInMonth(year: y, month: m) ? month : month - 1
    }

    /// nil when no kept order falls in a complete month.
    init?(_ facts: OrderFacts) {
        let last = Self.lastCompleteMonth(asOf: facts.asOf)
        guard let lo = facts.day.min(), let hi = facts.day.max() else { return nil }
        let monthOf = MonthIndex.table(lo: lo, hi: hi)
        let first = monthOf[0]
        guard first <= last else { return nil }
        let n = Int(last - first) + 1
        var revenue = [Double](repeating: 0, count: n), orders = [Double](repeating: 0, count: n)
        var newCustomers = [Double](repeating: 0, count: n)
        var partial = 0
        facts.day.withUnsafeBufferPointer { day in
            facts.amount.withUnsafeBufferPointer { amount in
                for i in 0..<day.count {
                    let k = Int(monthOf[Int(day[i] - lo)] - first)
                    guard k < n else { partial += 1; continue }
                    revenue[k] += amount[i]
                    orders[k] += 1
                }
            }
        }
        for c in 0..<facts.customerCount where facts.offsets[c + 1] > facts.offsets[c] {
            let k = Int(monthOf[Int(facts.day[facts.offsets[c]] - lo)] - first)
            if k < n { newCustomers[k] += 1 }
        }
        self.firstMonth = first
        self.revenue = revenue
        self.orders = orders
        self.newCustomers = newCustomers
        self.partialMonthOrders = partial
    }

    /// Day number of the first day of month index `month`.
    static func firstDay(ofMonth month: Int32) -> Int32 {
        let m = Int(month)
        let y = m >= 0 ? m / 12 : (m - 11) / 12
        return Int32(CivilDate.days(year: y, month: m - y * 12 + 1, day: 1))
    }
}
