/// The per-analysis parts of `ReportModel`. Rows come in the order they are to be shown.

public struct FunnelSection: Sendable, Equatable {
    public struct Stage: Sendable, Equatable {
        public var name: String
        /// Opportunities that reached the stage.
        public var reached: Int
        public var medianDaysInStage: Double?
        public init(name: String, reached: Int, medianDaysInStage: Double? = nil) {
            self.name = name
            self.reached = reached
            self.medianDaysInStage = medianDaysInStage
        }
    }
    public var stages: [Stage]
    public var winRate: Double?
    public var csv: String?
    public init(stages: [Stage], winRate: Double? = nil, csv: String? = nil) {
        self.stages = stages
        self.winRate = winRate
        self.csv = csv
    }
}

public struct SegmentSection: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public var name: String
        public var customers: Int
        public var revenue: Double
        public var meanRecencyDays: Double
        public var meanFrequency: Double
        public var meanMonetary: Double
        public init(name: String, customers: Int, revenue: Double, meanRecencyDays: Double, meanFrequency: Double,
                    meanMonetary: Double) {
            self.name = name
            self.customers = customers
            self.revenue = revenue
            self.meanRecencyDays = meanRecencyDays
            self.meanFrequency = meanFrequency
            self.meanMonetary = meanMonetary
        }
    }
    public var segments: [Segment]
    public var csv: String?
    public init(segments: [Segment], csv: String? = nil) {
        self.segments = segments
        self.csv = csv
    }
}

public struct AtRiskSection: Sendable, Equatable {
    public struct Customer: Sendable, Equatable {
        public var customerID: String
        public var name: String
        public var owner: String?
        public var lastOrder: Int32?
        /// BG/NBD probability the customer is still active.
        public var pAlive: Double
        /// Expected purchases in the next `horizonDays`.
        public var expectedPurchases: Double
        /// Gamma-Gamma customer lifetime value; nil when the model was not fitted.
        public var clv: Double?
        public init(customerID: String, name: String, owner: String? = nil, lastOrder: Int32? = nil, pAlive: Double,
                    expectedPurchases: Double, clv: Double? = nil) {
            self.customerID = customerID
            self.name = name
            self.owner = owner
            self.lastOrder = lastOrder
            self.pAlive = pAlive
            self.expectedPurchases = expectedPurchases
            self.clv = clv
        }
    }
    /// The top rows to show (the page shows them all; the runner picks how many, 20 is usual).
    public var customers: [Customer]
    public var horizonDays: Int
    public var csv: String?
    public init(customers: [Customer], horizonDays: Int, csv: String? = nil) {
        self.customers = customers
        self.horizonDays = horizonDays
        self.csv = csv
    }
}

public struct ForecastSection: Sendable, Equatable {
    public struct Observed: Sendable, Equatable {
        public var period: Int32
        public var value: Double
        public init(period: Int32, value: Double) {
            self.period = period
            self.value = value
        }
    }
    public struct Predicted: Sendable, Equatable {
        public var period: Int32
        public var mean: Double
        public var lower80: Double, upper80: Double
        public var lower95: Double, upper95: Double
        public init(period: Int32, mean: Double, lower80: Double, upper80: Double, lower95: Double, upper95: Double) {
            self.period = period
            self.mean = mean
            self.lower80 = lower80
            self.upper80 = upper80
            self.lower95 = lower95
            self.upper95 = upper95
        }
    }
    /// What is forecast, e.g. "月收入" / "monthly revenue" (data, not a label: the runner names it).
    public var seriesName: String
    /// True when values are amounts (formatted as money), false for counts.
    public var isMoney: Bool
    public var history: [Observed]
    public var forecast: [Predicted]
    /// The selected model, e.g. "ETS(A,Ad,M)".
    public var modelName: String
    /// Rolling-origin backtest accuracy; nil when there was too little history. sMAPE as a
    /// fraction (0.083 is shown as 8.3 %), MASE as the plain ratio.
    public var smape: Double?
    public var mase: Double?
    public var backtestFolds: Int
    /// Stage-weighted pipeline forecast from open opportunities, if computed.
    public var weightedPipeline: Double?
    public var csv: String?
    public init(seriesName: String, isMoney: Bool, history: [Observed], forecast: [Predicted], modelName: String,
                smape: Double? = nil, mase: Double? = nil, backtestFolds: Int = 0, weightedPipeline: Double? = nil,
                csv: String? = nil) {
        self.seriesName = seriesName
        self.isMoney = isMoney
        self.history = history
        self.forecast = forecast
        self.modelName = modelName
        self.smape = smape
        self.mase = mase
        self.backtestFolds = backtestFolds
        self.weightedPipeline = weightedPipeline
        self.csv = csv
    }
}

public struct CohortSection: Sendable, Equatable {
    public struct Cohort: Sendable, Equatable {
        /// First day of the acquisition month.
        public var month: Int32
        public var size: Int
        /// Share still buying in month 0, 1, 2, …; nil where that month is after the as-of date.
        public var retention: [Double?]
        public init(month: Int32, size: Int, retention: [Double?]) {
            self.month = month
            self.size = size
            self.retention = retention
        }
    }
    public var cohorts: [Cohort]
    public var csv: String?
    public init(cohorts: [Cohort], csv: String? = nil) {
        self.cohorts = cohorts
        self.csv = csv
    }
}

public struct ServiceSection: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// Channel or priority the row is about.
        public var group: String
        public var tickets: Int
        public var medianFirstResponseHours: Double?
        public var medianResolutionHours: Double?
        public var slaBreachRate: Double?
        public var csat: Double?
        public init(group: String, tickets: Int, medianFirstResponseHours: Double? = nil,
                    medianResolutionHours: Double? = nil, slaBreachRate: Double? = nil, csat: Double? = nil) {
            self.group = group
            self.tickets = tickets
            self.medianFirstResponseHours = medianFirstResponseHours
            self.medianResolutionHours = medianResolutionHours
            self.slaBreachRate = slaBreachRate
            self.csat = csat
        }
    }
    /// All tickets together, then one row per group.
    public var total: Row
    public var rows: [Row]
    public var csv: String?
    public init(total: Row, rows: [Row], csv: String? = nil) {
        self.total = total
        self.rows = rows
        self.csv = csv
    }
}

public struct PerformanceSection: Sendable, Equatable {
    public struct Rep: Sendable, Equatable {
        public var owner: String
        public var revenue: Double
        public var wonDeals: Int
        public var winRate: Double?
        public var medianCycleDays: Double?
        public init(owner: String, revenue: Double, wonDeals: Int, winRate: Double? = nil,
                    medianCycleDays: Double? = nil) {
            self.owner = owner
            self.revenue = revenue
            self.wonDeals = wonDeals
            self.winRate = winRate
            self.medianCycleDays = medianCycleDays
        }
    }
    /// Ranked, best first.
    public var reps: [Rep]
    /// Share of revenue from the ten largest customers.
    public var top10CustomerShare: Double?
    public var csv: String?
    public init(reps: [Rep], top10CustomerShare: Double? = nil, csv: String? = nil) {
        self.reps = reps
        self.top10CustomerShare = top10CustomerShare
        self.csv = csv
    }
}

public struct DataQualitySection: Sendable, Equatable {
    public struct Source: Sendable, Equatable {
        /// Source file or query, as the pipeline file names it.
        public var source: String
        public var table: String
        public var rowsIn: Int
        public var loaded: Int
        public var quarantined: Int
        public init(source: String, table: String, rowsIn: Int, loaded: Int, quarantined: Int) {
            self.source = source
            self.table = table
            self.rowsIn = rowsIn
            self.loaded = loaded
            self.quarantined = quarantined
        }
    }
    public var sources: [Source]
    /// Customer records merged into others by resolution, and the golden records that remain.
    public var mergedRecords: Int?
    public var goldenRecords: Int?
    public var csv: String?
    /// The quarantine file (bad rows with reasons).
    public var quarantineCSV: String?
    public init(sources: [Source], mergedRecords: Int? = nil, goldenRecords: Int? = nil, csv: String? = nil,
                quarantineCSV: String? = nil) {
        self.sources = sources
        self.mergedRecords = mergedRecords
        self.goldenRecords = goldenRecords
        self.csv = csv
        self.quarantineCSV = quarantineCSV
    }
}

/// One fitted model's parameters, as `models.json` has them.
public struct ModelParameters: Sendable, Equatable {
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: Double
        public init(name: String, value: Double) {
            self.name = name
            self.value = value
        }
    }
    /// e.g. "BG/NBD", "Gamma-Gamma", "ETS(A,N,A)".
    public var model: String
    public var parameters: [Parameter]
    public var logLikelihood: Double?
    public var converged: Bool?
    public init(model: String, parameters: [Parameter], logLikelihood: Double? = nil, converged: Bool? = nil) {
        self.model = model
        self.parameters = parameters
        self.logLikelihood = logLikelihood
        self.converged = converged
    }
}
