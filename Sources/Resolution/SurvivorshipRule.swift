/// How a golden record picks one field's value among its cluster's rows. Every rule looks only
/// at rows where the field is present; ties fall to source priority, then the most recent row,
/// then the first row.
public enum SurvivorshipRule: Sendable, Equatable, Codable {
    /// The row from the most trusted source (`ResolutionConfig.sourcePriority`).
    case sourcePriority
    /// The row with the latest `created_at` (or the configured recency column).
    case mostRecent
    /// The longest value: the most complete address or company name.
    case mostComplete
    /// The value most rows agree on (compared normalised); between equally frequent values, the
    /// spelling more common in the whole table (the name, not its typo).
    case mostFrequent
}
