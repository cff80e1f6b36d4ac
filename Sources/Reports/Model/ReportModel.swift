/// Everything the management report shows, as plain data. The pipeline runner fills it from the
/// analysis results; the page renders it and does no analysis of its own. A section left `nil`
/// is shown with a "no … in the data" note rather than left out.
///
/// Dates are days since 1970-01-01 (`CivilDate`); shares are fractions (0.25 = 25 %); amounts are
/// in `currency`. `csv` fields name the drill-down file (relative to `index.html`) holding the rows
/// behind a figure, e.g. "churn.csv"; nil when there is none.
public struct ReportModel: Sendable, Equatable {
    public var meta: ReportMeta
    public var kpis: KPIs
    public var funnel: FunnelSection?
    public var segments: SegmentSection?
    public var atRisk: AtRiskSection?
    public var forecast: ForecastSection?
    public var cohorts: CohortSection?
    public var service: ServiceSection?
    public var performance: PerformanceSection?
    public var dataQuality: DataQualitySection?
    public var models: [ModelParameters]

    public init(
        meta: ReportMeta, kpis: KPIs = KPIs(), funnel: FunnelSection? = nil, segments: SegmentSection? = nil,
        atRisk: AtRiskSection? = nil, forecast: ForecastSection? = nil, cohorts: CohortSection? = nil,
        service: ServiceSection? = nil, performance: PerformanceSection? = nil,
        dataQuality: DataQualitySection? = nil, models: [ModelParameters] = []
    ) {
        self.meta = meta
        self.kpis = kpis
        self.funnel = funnel
        self.segments = segments
        self.atRisk = atRisk
        self.forecast = forecast
        self.cohorts = cohorts
        self.service = service
        self.performance = performance
        self.dataQuality = dataQuality
        self.models = models
    }
}

public struct ReportMeta: Sendable, Equatable {
    /// Shown as the page heading after the catalog's title, e.g. the pipeline name or a scope ("华东").
    public var subtitle: String
    /// The as-of day of the run.
    public var asOf: Int32
    /// First day of the current period (the KPI "this period"), e.g. the first of the month.
    public var periodStart: Int32
    /// ISO 4217 code of the amounts ("CNY", "USD").
    public var currency: String
    /// Scope of a scoped variant ("region = 华东"); nil for the whole data set.
    public var scope: String?

    public init(subtitle: String, asOf: Int32, periodStart: Int32, currency: String, scope: String? = nil) {
        self.subtitle = subtitle
        self.asOf = asOf
        self.periodStart = periodStart
        self.currency = currency
        self.scope = scope
    }
}

/// A figure and what it is compared with.
public struct Metric: Sendable, Equatable {
    public enum Comparison: Sendable, Equatable { case samePeriodLastYear, previousPeriod }
    public var value: Double
    /// The comparison value; nil when unknown (no arrow is drawn then).
    public var previous: Double?
    /// What `previous` is; the tile says so next to the change.
    public var comparedTo: Comparison
    /// CSV of the rows behind the figure.
    public var csv: String?

    public init(_ value: Double, previous: Double? = nil, comparedTo: Comparison = .previousPeriod, csv: String? = nil) {
        self.value = value
        self.previous = previous
        self.comparedTo = comparedTo
        self.csv = csv
    }
}

/// The tiles at the top. A nil tile shows "–" and a "not in the data" note.
public struct KPIs: Sendable, Equatable {
    public var customers: Metric?
    public var activeCustomers: Metric?
    public var newCustomers: Metric?
    /// Revenue this period; `previous` = the same period last year.
    public var revenue: Metric?
    /// Won / (won + lost), a fraction.
    public var winRate: Metric?
    public var customersAtRisk: Metric?
    /// Mean satisfaction on the 1–5 scale.
    public var csat: Metric?

    public init(
        customers: Metric? = nil, activeCustomers: Metric? = nil, newCustomers: Metric? = nil, revenue: Metric? = nil,
        winRate: Metric? = nil, customersAtRisk: Metric? = nil, csat: Metric? = nil
    ) {
        self.customers = customers
        self.activeCustomers = activeCustomers
        self.newCustomers = newCustomers
        self.revenue = revenue
        self.winRate = winRate
        self.customersAtRisk = customersAtRisk
        self.csat = csat
    }
}
