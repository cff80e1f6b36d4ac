import Foundation

/// `currency: { base: CNY, rates: { USD: 7.1, EUR: 7.8 } }`: the currency money figures are in,
/// and how many units of it one unit of each other currency is worth. Orders in another currency
/// are converted when loaded; orders in a currency without a rate are left out of money figures
/// (and said so) rather than summed as if they were `base`.
public struct CurrencySettings: Sendable, Equatable {
    /// ISO 4217 code; nil = the currency most orders are in.
    public var base: String?
    /// Currency code → units of `base` per unit of it.
    public var rates: [String: Double] = [:]

    public init(base: String? = nil, rates: [String: Double] = [:]) {
        self.base = base
        self.rates = rates
    }

    /// The code a currency cell means: trimmed, upper-cased, with the spellings Chinese exports use
    /// for the yuan (`RMB`, `人民币`, `元`, `¥`, `￥`) read as CNY and `US$`, `€` as USD, EUR. A bare
    /// `$` stays as written: it is the sign of too many currencies to guess.
    public static func code(_ raw: String) -> String {
        let t = raw.trimmingCharacters(in: .whitespaces).uppercased()
        switch t {
        case "RMB", "人民币", "元", "¥", "￥", "CN¥": return "CNY"
        case "US$": return "USD"
        case "€": return "EUR"
        default: return t
        }
    }
}
