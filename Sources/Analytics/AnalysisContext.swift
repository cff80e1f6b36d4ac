import Columns

/// The store tables an analysis reads, by canonical name (`Columns/CanonicalSchema.swift`). Every
/// table is optional: an analysis whose table is absent returns an empty result with a note.
public struct AnalysisInput: Sendable {
    public var customers: Table?
    public var orders: Table?
    public var interactions: Table?
    public var opportunities: Table?
    public var stageHistory: Table?
    public var tickets: Table?
    public var campaigns: Table?
    public var campaignMembers: Table?
    /// Optional sales targets: columns `owner` (string) and `target` (double or int64).
    public var targets: Table?

    public init(customers: Table? = nil, orders: Table? = nil, interactions: Table? = nil,
                opportunities: Table? = nil, stageHistory: Table? = nil, tickets: Table? = nil,
                campaigns: Table? = nil, campaignMembers: Table? = nil, targets: Table? = nil) {
        self.customers = customers
        self.orders = orders
        self.interactions = interactions
        self.opportunities = opportunities
        self.stageHistory = stageHistory
        self.tickets = tickets
        self.campaigns = campaigns
        self.campaignMembers = campaignMembers
        self.targets = targets
    }
}

/// Everything the analyses are parameterised by. `asOf` is the reference day (days since
/// 1970-01-01): events after it are ignored and every "days before" is measured from it.
public struct AnalysisParameters: Sendable {
    public var asOf: Int32
    public var funnel: FunnelParameters
    public var rfm: RFMParameters
    public var lifecycle: LifecycleParameters
    public var service: ServiceParameters
    public var performance: SalesPerformanceParameters
    public var leadGrade: LeadGradeParameters
    public var churn: ChurnParameters
    public var forecast: KPIForecastParameters

    public init(asOf: Int32,
                funnel: FunnelParameters = FunnelParameters(),
                rfm: RFMParameters = RFMParameters(),
                lifecycle: LifecycleParameters = LifecycleParameters(),
                service: ServiceParameters = ServiceParameters(),
                performance: SalesPerformanceParameters = SalesPerformanceParameters(),
                leadGrade: LeadGradeParameters = LeadGradeParameters(),
                churn: ChurnParameters = ChurnParameters(),
                forecast: KPIForecastParameters = KPIForecastParameters()) {
        self.asOf = asOf
        self.funnel = funnel
        self.rfm = rfm
        self.lifecycle = lifecycle
        self.service = service
        self.performance = performance
        self.leadGrade = leadGrade
        self.churn = churn
        self.forecast = forecast
    }

    /// The first second after the as-of day ends: timestamps before it are "up to as-of".
    var asOfEndSecond: Int64 { (Int64(asOf) + 1) * 86_400 }
}

/// What an analysis returns: named result tables in a fixed order, and human-readable notes on
/// anything degenerate or skipped in the input (never a crash, never NaN in a table: an undefined
/// value such as a rate over zero is a null cell).
public struct AnalysisResult: Sendable {
    public var tables: [(name: String, table: Table)]
    public var notes: [String]
    /// Fitted models of the section (churn: BG/NBD + Gamma-Gamma, forecast: ETS fits), for models.json; nil for
    /// sections that fit nothing. Encode it with `JSONEncoder().encode(models)` (the existential opens itself).
    public var models: (any Encodable & Sendable)?

    public init(tables: [(name: String, table: Table)] = [], notes: [String] = [], models: (any Encodable & Sendable)? = nil) {
        self.tables = tables
        self.notes = notes
        self.models = models
    }

    public func table(_ name: String) -> Table? { tables.first { $0.name == name }?.table }

    /// Appends another result's tables and notes (e.g. RFM and lifecycle into one section).
    public mutating func merge(_ other: AnalysisResult) {
        tables += other.tables
        notes += other.notes
    }
}

/// Day and time arithmetic that cannot trap on hostile values (a date in year 1, a timestamp near
/// Int64.max): analyses must never crash on input.
enum SafeTime {
    /// Orders, events and windows before 1900-01-01 are treated as corrupt dates.
    static let earliestDay: Int32 = -25_567

    /// First day of the window of `days` days ending at `asOf` inclusive; `Int32.min` for no window.
    static func windowStart(asOf: Int32, days: Int32?) -> Int32 {
        guard let days else { return Int32.min }
        return Int32(clamping: Int64(asOf) - Int64(days) + 1)
    }

    /// `end − start` in seconds, or nil when negative or not representable.
    static func elapsed(from start: Int64, to end: Int64) -> Int64? {
        let (d, overflow) = end.subtractingReportingOverflow(start)
        return overflow || d < 0 ? nil : d
    }
}
