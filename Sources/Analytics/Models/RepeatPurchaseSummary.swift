/// The per-customer statistics every buy-till-you-die model consumes, built from a transaction list.
///
/// Conventions (those of Fader, Hardie & Lee and of the `lifetimes` package, which together reproduce the published
/// CDNOW figures):
/// - purchases on the same day are one purchase occasion (their values are summed);
/// - `frequency` x = number of purchase days after the first, up to and including `calibrationEnd`;
/// - `recency` t_x = (last purchase day − first purchase day) / `daysPerPeriod`, 0 when x = 0;
/// - `age` T = (`calibrationEnd` − first purchase day) / `daysPerPeriod`;
/// - `monetary` = mean value of the repeat purchase days (the first day excluded), 0 when x = 0. This is the
///   Gamma-Gamma input z̄ of Fader, Hardie & Lee (2005) "RFM and CLV".
/// Customers whose first purchase falls after `calibrationEnd` are not in the summary.
public struct RepeatPurchaseSummary: Sendable, Equatable {
    /// Customer keys as given, ascending.
    public var customers: [Int]
    public var frequency: [Double]
    public var recency: [Double]
    public var age: [Double]
    public var monetary: [Double]
    /// Purchase days strictly after `calibrationEnd` (same-day merged), for holdout checks.
    public var holdoutPurchases: [Double]

    public var count: Int { customers.count }

    /// - Parameters:
    ///   - customer: customer key per transaction (any integers; dense codes from a dictionary column work).
    ///   - day: transaction date as days since 1970-01-01 (`CivilDate` convention).
    ///   - value: transaction value; pass an empty array when there is none (monetary is then 0).
    /// - Throws: `ModelInputError.lengthMismatch` when the arrays disagree, `.invalidRow` for a non-positive or
    ///   non-finite `daysPerPeriod` (reported as row −1: it is not a row's fault).
    public static func make(
        customer: [Int], day: [Int32], value: [Double], calibrationEnd: Int32, daysPerPeriod: Double = 7
    ) throws -> RepeatPurchaseSummary {
        guard day.count == customer.count else {
            throw ModelInputError.lengthMismatch(expected: customer.count, got: day.count, argument: "day")
        }
        guard value.isEmpty || value.count == customer.count else {
            throw ModelInputError.lengthMismatch(expected: customer.count, got: value.count, argument: "value")
        }
        guard daysPerPeriod.isFinite, daysPerPeriod > 0 else {
            throw ModelInputError.invalidRow(index: -1, reason: "daysPerPeriod \(daysPerPeriod) must be a positive number")
        }
        let order = customer.indices.sorted {
            (customer[$0], day[$0], $0) < (customer[$1], day[$1], $1)
        }
        var out = RepeatPurchaseSummary(customers: [], frequency: [], recency: [], age: [], monetary: [], holdoutPurchases: [])
        var position = 0
        while position < order.count {
            let key = customer[order[position]]
            let first = day[order[position]]
            var lastCalibrationDay = first
            var repeatDays = 0
            var repeatValue = 0.0
            var holdoutDays = 0
            var previousDay: Int32? = nil
            while position < order.count && customer[order[position]] == key {
                let row = order[position]
                let d = day[row]
                let isNewDay = d != previousDay
                previousDay = d
                position += 1
                if d == first { continue }
                if d <= calibrationEnd {
                    if isNewDay { repeatDays += 1; lastCalibrationDay = d }
                    if !value.isEmpty { repeatValue += value[row] }
                } else if isNewDay {
                    holdoutDays += 1
                }
            }
            guard first <= calibrationEnd else { continue }
            out.customers.append(key)
            out.frequency.append(Double(repeatDays))
            out.recency.append(Double(lastCalibrationDay - first) / daysPerPeriod)
            out.age.append(Double(calibrationEnd - first) / daysPerPeriod)
            out.monetary.append(repeatDays > 0 ? repeatValue / Double(repeatDays) : 0)
            out.holdoutPurchases.append(Double(holdoutDays))
        }
        return out
    }
}
