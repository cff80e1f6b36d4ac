import Columns
import Ingest
import Resolution

/// A pipeline file (`pipelines/*.yml`) after parsing and validation: what to load, which stages
/// to run, with which parameters, and which reports to write. Shape documented in DESIGN.md.
public struct PipelineConfig: Sendable {
    /// Absolute path of the pipeline file; relative paths inside it are resolved against its folder.
    public var path: String
    public var name: String
    public var asOf: AsOf
    public var sources: [SourceSpec]
    public var stages: [Stage]
    public var funnel: FunnelSettings
    public var rfm: RFMSettings
    public var churn: ChurnSettings
    public var forecast: ForecastSettings
    public var service: ServiceSettings
    public var resolution: ResolutionSettings
    public var reports: [ReportSpec]
    /// Named segments in file order: name → query expression.
    public var segments: [(name: String, expression: String)]
    /// Base currency and conversion rates for order amounts.
    public var currency = CurrencySettings()
    /// What `crm clean` does besides loading, cleaning and resolving (`cleanup:` in the file).
    public var cleanup = CleanupSettings()

    public enum AsOf: Sendable, Equatable {
        /// The latest event date in the data.
        case auto
        case date(Int32)
    }

    public enum Stage: String, Sendable, CaseIterable, Codable {
        case clean, resolve, rfm, funnel, churn, forecast, cohorts, service, performance, leads, segments
    }
}

/// One input: a file or a database query mapped onto a canonical table.
public struct SourceSpec: Sendable {
    public enum Location: Sendable, Equatable {
        case csv(path: String)
        case sqlite(path: String, query: String)
        /// A live PostgreSQL database: a connection URL (may hold a password; never printed) and a query.
        case postgres(connection: String, query: String)
    }

    public var table: CanonicalTable
    public var location: Location
    /// A bundled profile name, or the absolute path of a user's profile file.
    public var profile: String
    /// Worksheet of an .xlsx file; nil reads the first.
    public var sheet: String? = nil
    /// Canonical column → source header, where the profile does not map it.
    public var columns: [String: String]
    public var types: [String: ColumnType]
    public var encoding: String?
    public var delimiter: UInt8?
    /// How to read `03/05/2024`: "auto" (only when unambiguous), "dmy" or "mdy".
    public var dateOrder: String
    public var decimalComma: Bool
    /// Where the source is declared, for error messages.
    public var line: Int
    /// Written before every customer_id and opportunity_id of this source, so two systems that
    /// both number customers 1, 2, 3… cannot collide (`SourceIDs`).
    public var idPrefix: String? = nil

    /// A short id for manifests and lineage: the file name, or file + table for queries.
    public var displayName: String {
        switch location {
        case .csv(let p): return lastPathComponent(p)
        case .sqlite(let p, _): return lastPathComponent(p) + ":" + table.rawValue
        case .postgres(let c, _): return lastPathComponent(PostgresLoader.redactedTarget(c)) + ":" + table.rawValue
        }
    }
}

public struct FunnelSettings: Sendable {
    public var stages: [String] = ["lead", "qualified", "proposal", "negotiation", "won"]
    /// Stage → win probability for the weighted pipeline forecast; empty = calibrate from history.
    public var probabilities: [String: Double] = [:]
}

public struct RFMSettings: Sendable {
    /// Days of order history scored; nil = all.
    public var windowDays: Int? = 365
    /// First order within this many days before as-of: new.
    public var newDays: Int = 90
    /// Last order longer ago than this: dormant (沉睡).
    public var dormantDays: Int = 180
    /// Last order longer ago than this: churned.
    public var churnedDays: Int = 365
    /// Order statuses that are not revenue (cancelled, quotations…); nil = `OrderFacts.nonRevenueStatuses`.
    public var excludedOrderStatuses: [String]? = nil
}

public struct ChurnSettings: Sendable {
    public var horizonDays: Int = 90
    public var clvMonths: Int = 12
    public var monthlyDiscount: Double = 0.01
}

public struct ForecastSettings: Sendable {
    public var horizonMonths: Int = 6
    public var seasonMonths: Int = 12
}

public struct ServiceSettings: Sendable {
    /// Priority → hours allowed to first response; nil keeps the analysis defaults.
    public var firstResponseHours: [String: Double]?
    /// Priority → hours allowed to resolution; nil keeps the analysis defaults.
    public var resolutionHours: [String: Double]?
}

public struct ResolutionSettings: Sendable {
    public var threshold: Double = ResolutionConfig.pipelineThreshold
    /// Source names, most trusted first, for survivorship.
    public var sourcePriority: [String] = []
    /// Extra columns compared besides the defaults (e.g. birth_date, postcode).
    public var compare: [String] = []
}

public struct ReportSpec: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case html(file: String, lang: String)
        case csv(names: [String])
        case scoped(by: String, maskPII: Bool)
    }
    public var kind: Kind
    public var line: Int
}

func lastPathComponent(_ p: String) -> String {
    p.split(separator: "/").last.map(String.init) ?? p
}
