/// One real-world customer behind one or more customer rows: who they are, where, how to reach
/// them, and the parameters of their buying behaviour. Compact on purpose: a million of these are
/// held at once.
struct Entity: Sendable {
    var created: Int64
    /// 0 = crm_a, 1 = erp_b: the system its first record lives in.
    var system: UInt8
    var name: PersonName
    /// Index into the company list, or -1 for a private (B2C) customer.
    var company: Int32
    /// Index into `Geography.cities`, or -1 when overseas.
    var city: Int16
    /// Index into `Geography.overseas`, or -1 when in mainland China.
    var overseas: Int8
    var phone: PhoneNumber
    var hasPhone: Bool
    var phoneStyle: UInt8
    var email: EmailAddress
    var hasEmail: Bool
    var owner: UInt16
    var leadSource: UInt8
    var tags: UInt8
    var hostile: HostileCase?

    // Buying behaviour (BG/NBD: a purchase rate while alive, a dropout chance after each purchase).
    var buys: Bool
    var firstPurchaseDelayDays: Float
    /// Purchase rate relative to the population's mean rate (Gamma distributed, mean 1).
    var rateFactor: Float
    var dropout: Float
    /// Median order amount in cents of the entity's currency.
    var spendCents: Float
    var engagement: Float

    // Filled from the purchase process once the population's mean rate is calibrated.
    var orderCount: Int32 = 0
    var firstOrderDay: Int32 = -1
    var lastOrderDay: Int32 = -1
    var churned: Bool = false

    var isB2B: Bool { company >= 0 }
    var createdDay: Int { Int(created >= 0 ? created / 86400 : (created - 86399) / 86400) }

    /// The last day the customer is still in touch (follow-ups, tickets): the end of the data for a
    /// live customer, a few months after the last order for one who churned, a short while for a
    /// lead who never bought.
    func activeUntil(endDay: Int) -> Int {
        if orderCount == 0 { return min(endDay, createdDay + 150) }
        if churned { return min(endDay, Int(lastOrderDay) + 120) }
        return endDay
    }

    static let leadSources: [EncodedText] = ["官网", "展会", "转介绍", "广告投放", "电话营销", "合作伙伴", "社交媒体", "线下活动", "Website", "Referral"]
    static let leadSourceCumulative = cumulativeWeights([20, 12, 15, 12, 10, 8, 10, 6, 4, 3])
    static let tagNames = ["VIP", "重点客户", "老客户", "经销商", "KA", "潜在客户", "高意向", "价格敏感"]
}

/// Deliberately awkward records a real export contains; few, but every pipeline must survive them.
/// The raw value is the label in the `notes` column of `duplicates_truth.csv`.
public enum HostileCase: String, Sendable, CaseIterable {
    /// Unrelated customers giving one company switchboard number.
    case sharedSwitchboard = "shared_switchboard"
    case emptyName = "empty_name"
    /// 未知, N/A, 测试客户 … instead of a name.
    case placeholderName = "placeholder_name"
    case malformedEmail = "malformed_email"
    case malformedPhone = "malformed_phone"
    /// Leading/trailing ASCII or ideographic spaces around the name.
    case paddedName = "padded_name"
    /// A newline inside a quoted field.
    case newlineInTags = "newline_in_tags"
    /// A double quote inside the name: Robert "Bob" Smith.
    case quoteInName = "quote_in_name"

    var label: String { rawValue }

    /// Share of entities with this case (at least one each when there are enough entities).
    var rate: Double {
        switch self {
        case .sharedSwitchboard: return 0.003
        case .emptyName, .malformedEmail: return 0.001
        case .placeholderName, .malformedPhone, .quoteInName: return 0.0005
        case .paddedName: return 0.002
        case .newlineInTags: return 0.0002
        }
    }

    /// Three switchboards shared by the `sharedSwitchboard` customers.
    static let switchboards: [PhoneNumber] = [
        PhoneNumber(kind: .service, digits: 4_008_208_820),
        PhoneNumber(kind: .landline, digits: 88_886_666, place: 38),
        PhoneNumber(kind: .landline, digits: 68_888_888, place: 0),
    ]
}
