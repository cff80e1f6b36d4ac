import Columns

/// What to generate. Everything that varies is drawn from `seed`, and all dates end at `endDate`,
/// so one configuration always produces the same bytes.
public struct GeneratorConfig: Sendable, Equatable {
    /// Customer rows, duplicates included (the entities are `customers − duplicates`).
    public var customers: Int
    public var seed: UInt64
    /// Share of customer rows that are near-duplicates of another row of the same entity.
    public var duplicateRate: Double = 0.08
    /// Last day of the data (days since 1970-01-01); default 2025-12-31.
    public var endDate: Int32 = Int32(CivilDate.days(year: 2025, month: 12, day: 31))
    /// Length of the window the customers are created in, ending at `endDate`.
    public var years: Int = 3
    /// Rows per customer row for the event tables (defaults 5, 10, 0.5, 0.2).
    public var ordersPerCustomer: Double = 5
    public var interactionsPerCustomer: Double = 10
    public var opportunitiesPerCustomer: Double = 0.5
    public var ticketsPerCustomer: Double = 0.2
    /// Campaign memberships per customer row.
    public var campaignMembersPerCustomer: Double = 1

    public init(customers: Int, seed: UInt64, duplicateRate: Double = 0.08,
                endDate: Int32 = Int32(CivilDate.days(year: 2025, month: 12, day: 31)), years: Int = 3) {
        self.customers = customers
        self.seed = seed
        self.duplicateRate = duplicateRate
        self.endDate = endDate
        self.years = years
    }

    /// The configuration of the committed `sample-data/csv` (see sample-data/README.md): 5,000
    /// customer rows, seed 42, fewer interactions per customer (4) to keep the repository small.
    public static var sampleData: GeneratorConfig {
        var config = GeneratorConfig(customers: 5000, seed: 42)
        config.interactionsPerCustomer = 4
        return config
    }

    /// Customers and their truth file only, no event tables: what resolution is measured on.
    public static func customersOnly(_ customers: Int, seed: UInt64) -> GeneratorConfig {
        var config = GeneratorConfig(customers: customers, seed: seed)
        config.ordersPerCustomer = 0
        config.interactionsPerCustomer = 0
        config.opportunitiesPerCustomer = 0
        config.ticketsPerCustomer = 0
        config.campaignMembersPerCustomer = 0
        return config
    }

    /// First day of the window.
    public var startDate: Int32 {
        let (y, m, d) = CivilDate.civil(fromDays: Int(endDate))
        let day = min(d, CivilDate.daysInMonth(year: y - years, month: m))
        return Int32(CivilDate.days(year: y - years, month: m, day: day) + 1)
    }

    /// Checks the values a caller can get wrong; the message names the setting and the allowed range.
    public func validate() throws {
        func bad(_ setting: String, _ value: String, _ allowed: String) -> GeneratorError {
            .invalidConfig(setting: setting, value: value, allowed: allowed)
        }
        if customers < 0 || customers > 100_000_000 {
            throw bad("customers", String(customers), "0 … 100,000,000")
        }
        if !(duplicateRate >= 0 && duplicateRate <= 0.5) {
            throw bad("duplicateRate", String(duplicateRate), "0 … 0.5")
        }
        if years < 1 || years > 50 { throw bad("years", String(years), "1 … 50") }
        let (y, _, _) = CivilDate.civil(fromDays: Int(endDate))
        if y - years < 1971 || y > 2200 { throw bad("endDate", CivilDate.iso(Int(endDate)), "a window inside 1971 … 2200") }
        for (name, value) in [("ordersPerCustomer", ordersPerCustomer), ("interactionsPerCustomer", interactionsPerCustomer),
                              ("opportunitiesPerCustomer", opportunitiesPerCustomer), ("ticketsPerCustomer", ticketsPerCustomer),
                              ("campaignMembersPerCustomer", campaignMembersPerCustomer)]
        where !(value >= 0 && value <= 1000) {
            throw bad(name, String(value), "0 … 1000")
        }
    }
}

public enum GeneratorError: Error, Equatable, CustomStringConvertible {
    case invalidConfig(setting: String, value: String, allowed: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidConfig(setting, value, allowed):
            return "generator: \(setting) = \(value) is out of range (allowed: \(allowed))"
        case let .cannotWrite(path, reason):
            return "generator: cannot write \(path): \(reason)"
        }
    }
}
