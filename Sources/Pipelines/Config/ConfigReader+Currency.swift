import Yams

extension ConfigReader {
    mutating func readCurrency(_ node: Node, into s: inout CurrencySettings) {
        guard let m = map(node, "currency") else { return }
        for (key, _, value) in entries(m, allowed: ["base", "rates"], context: "currency") {
            switch key {
            case "base":
                guard let b = string(value, "currency.base") else { continue }
                let code = CurrencySettings.code(b)
                if Self.isCurrencyCode(code) { s.base = code } else {
                    report(value, "currency.base: expected a 3-letter ISO 4217 code such as CNY, USD or EUR, got '\(b)'")
                }
            default:
                guard let rm = map(value, "currency.rates") else { continue }
                for (k, v) in rm {
                    guard let raw = k.string else { report(k, "currency.rates: keys must be currency codes"); continue }
                    let code = CurrencySettings.code(raw)
                    guard Self.isCurrencyCode(code) else {
                        report(k, "currency.rates: expected a 3-letter ISO 4217 code such as USD, got '\(raw)'")
                        continue
                    }
                    guard let rate = double(v, "currency.rates.\(code)", range: 1e-9...1e9), rate.isFinite else { continue }
                    if s.rates[code] != nil { report(k, "currency.rates: \(code) is listed twice") }
                    s.rates[code] = rate
                }
            }
        }
        if let base = s.base, s.rates[base] != nil {
            report(node, "currency.rates: \(base) is the base currency; remove its rate")
        }
        if s.base == nil && !s.rates.isEmpty {
            report(node, "currency: 'rates:' needs 'base:' (the currency the rates convert to), e.g. base: CNY")
        }
    }

    static func isCurrencyCode(_ s: String) -> Bool {
        s.utf8.count == 3 && s.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }
}
