/// The canonical data model of DESIGN.md: every source is mapped onto these tables and column
/// names. The types are what each column holds once loaded; a source may omit any column but the key.
public enum CanonicalTable: String, Sendable, CaseIterable, Codable {
    case customers
    case orders
    case interactions
    case opportunities
    case stageHistory = "stage_history"
    case tickets
    case campaigns
    case campaignMembers = "campaign_members"

    public struct Field: Sendable, Equatable {
        public let name: String
        public let type: ColumnType
    }

    /// The columns in their canonical order.
    public var fields: [Field] {
        func f(_ n: String, _ t: ColumnType) -> Field { Field(name: n, type: t) }
        switch self {
        case .customers:
            return [f("customer_id", .string), f("name", .string), f("email", .string), f("phone", .string),
                    f("company", .string), f("industry", .string), f("region", .string), f("city", .string),
                    f("source", .string), f("owner", .string), f("created_at", .timestamp), f("tags", .string)]
        case .orders:
            return [f("order_id", .string), f("customer_id", .string), f("order_date", .date), f("amount", .double),
                    f("currency", .string), f("channel", .string), f("status", .string)]
        case .interactions:
            return [f("interaction_id", .string), f("customer_id", .string), f("occurred_at", .timestamp),
                    f("type", .string), f("channel", .string), f("outcome", .string), f("owner", .string)]
        case .opportunities:
            return [f("opportunity_id", .string), f("customer_id", .string), f("name", .string), f("stage", .string),
                    f("amount", .double), f("probability", .double), f("created_at", .timestamp),
                    f("expected_close", .date), f("closed_at", .timestamp), f("status", .string),
                    f("lost_reason", .string), f("owner", .string), f("source", .string)]
        case .stageHistory:
            return [f("opportunity_id", .string), f("stage", .string), f("entered_at", .timestamp)]
        case .tickets:
            return [f("ticket_id", .string), f("customer_id", .string), f("created_at", .timestamp),
                    f("first_response_at", .timestamp), f("resolved_at", .timestamp), f("priority", .string),
                    f("channel", .string), f("status", .string), f("satisfaction", .int64)]
        case .campaigns:
            return [f("campaign_id", .string), f("name", .string), f("channel", .string), f("cost", .double),
                    f("started_at", .date)]
        case .campaignMembers:
            return [f("campaign_id", .string), f("customer_id", .string), f("responded_at", .timestamp)]
        }
    }

    /// The column that identifies a row; rows without it are quarantined. `stage_history` and
    /// `campaign_members` are link tables: their first column is required but not unique.
    public var key: String { fields[0].name }

    public var keyIsUnique: Bool { self != .stageHistory && self != .campaignMembers }

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }
}
