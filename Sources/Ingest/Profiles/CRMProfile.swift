import Columns

/// How one CRM's export maps onto the canonical tables, read from a YAML profile file
/// (`Profiles/Data/<name>.yml`, or a user's copy): which file becomes which table, which header
/// feeds which canonical column, how stage labels map onto the canonical funnel, and how ids and
/// dates are written.
public struct CRMProfile: Sendable {
    /// The canonical funnel stages every stage label maps onto.
    public static let canonicalStages = ["lead", "qualified", "proposal", "negotiation", "won", "lost"]

    public var name: String
    public var system: String
    /// Where the profile came from (a bundled resource or a user's file), for messages.
    public var origin: String
    public var files: [FileRule]
    /// Stage label as exported (any case) → canonical stage.
    public var stages: [String: String]
    public var ids: IDFormat
    public var dateOrder: DateOrder
    public var encoding: TextEncoding?
    public var decimalComma: Bool

    /// Rewrites every canonical `*_id` value so that ids from different files of the same system join.
    public enum IDFormat: Sendable, Equatable {
        case asIs
        /// Salesforce 18-character ids lose their 3 case-checksum characters: 15 characters identify
        /// the record (case-sensitively) and exports mix both forms.
        case salesforce15
        /// Zoho writes lookups as `zcrm_4876876000000123`: drop the prefix.
        case stripPrefix(String)
    }

    /// One kind of file in the export.
    public struct FileRule: Sendable {
        /// File-name globs (`*`, `?`; case-insensitive), e.g. `Deals*.csv`.
        public var patterns: [String]
        public var table: CanonicalTable
        /// Worksheet to read from an xlsx file; nil takes the first.
        public var sheet: String?
        /// Canonical column → source headers to try in order (vendors rename columns between versions).
        public var columns: [String: [String]]
        /// Canonical column → headers whose value fills it where it is empty, in order (a Salesforce
        /// campaign member is a Contact or a Lead: ContactId, else LeadId).
        public var fillFrom: [String: [String]]
        /// Canonical column → (exported value → canonical value), applied after loading.
        public var values: [String: [String: String]]
        /// Canonical column whose values are ids into another file of the export.
        public var lookups: [String: Lookup]
        /// Status overrides from extra columns, e.g. Odoo's archived (`active = false`) leads are lost.
        public var statusRules: [StatusRule]
        /// Canonical column → the table whose key it references (checked by `ExportLoader`).
        public var foreignKeys: [String: CanonicalTable]
    }

    /// Replace an id by a value from another file (Odoo's crm_lead.stage_id → crm_stage.name).
    public struct Lookup: Sendable {
        public var file: String
        public var key: String
        public var value: String
        /// For jsonb translated names `{"en_US": "New", "zh_CN": "新"}`: the locales to try in order.
        public var locales: [String]
    }

    public struct StatusRule: Sendable {
        public var column: String
        public var equals: [String]
        public var status: String
    }

    /// The rule whose patterns match `fileName`, if any.
    public func rule(for fileName: String) -> FileRule? {
        files.first { r in r.patterns.contains { FileGlob.matches($0, fileName) } }
    }

    /// The canonical stage for an exported stage label (exact, then case- and space-insensitive).
    public func canonicalStage(_ label: String) -> String? {
        if CRMProfile.canonicalStages.contains(label) { return label }
        if let s = stages[label] { return s }
        let folded = Self.fold(label)
        return stages.first { Self.fold($0.key) == folded }?.value
    }

    static func fold(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "_" && $0 != "-" })
    }
}

extension CRMProfile.IDFormat {
    /// One id in the form `ProfileLoader.normalizeIDs` writes, so a lookup keyed by ids of one file
    /// finds the rows of another that write the same record's id in its other form (15 vs 18 characters).
    func normalized(_ id: String) -> String {
        switch self {
        case .asIs: return id
        case .salesforce15: return id.utf8.count == 18 ? String(decoding: id.utf8.prefix(15), as: UTF8.self) : id
        case .stripPrefix(let p): return id.utf8.count > p.utf8.count && id.hasPrefix(p) ? String(id.dropFirst(p.count)) : id
        }
    }
}
