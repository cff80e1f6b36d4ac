import Columns

/// Order amounts brought to one currency before any analysis sums them. Sources that sell in
/// several currencies (Odoo sale orders in CNY, EUR, SGD, USD) were summed as if every amount were
/// yuan. Now an amount in another currency is multiplied by its rate from the pipeline's
/// `currency:` section and its currency cell becomes the base; an amount in a currency with no
/// rate becomes null — the order still happened (it counts as a purchase), but its value is left
/// out of revenue, monetary and CLV — and a note counts those rows per currency. A blank currency
/// cell is taken to be the base (most exports omit it when there is only one). Orders all in one
/// currency are left exactly as they were.
struct CurrencyConversion {
    struct Outcome {
        var orders: Table
        /// The currency money figures are in.
        var base: String
        /// Rows converted, per source currency (code order).
        var converted: [(code: String, rows: Int)]
        /// Rows whose amount was left out for want of a rate, per currency (code order).
        var withoutRate: [(code: String, rows: Int)]
        var notes: [String]
    }

    let settings: CurrencySettings

    func run(_ orders: Table) throws -> Outcome {
        guard let currency = orders["currency"]?.strings else {
            return Outcome(orders: orders, base: settings.base ?? "CNY", converted: [], withoutRate: [], notes: [])
        }
        let n = orders.rowCount
        // Decide per distinct cell text (a handful), then per row by code.
        var cells = ByteInterner(capacity: 8)
        var rowCode = [Int32](repeating: -1, count: n)
        for r in 0..<n where currency.validity.isValid(r) {
            rowCode[r] = currency.withBytes(r) { cells.intern($0) }
        }
        let codes = (0..<cells.count).map { CurrencySettings.code(cells.strings[$0]) }
        var rowsPerCode: [String: Int] = [:]
        for r in 0..<n { let c = rowCode[r]; if c >= 0, !codes[Int(c)].isEmpty { rowsPerCode[codes[Int(c)], default: 0] += 1 } }
        let distinct = rowsPerCode.keys.sorted()
        // Most orders' currency, ties to the smaller code: deterministic.
        let mostCommon = rowsPerCode.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        let base = settings.base ?? mostCommon ?? "CNY"
        guard distinct.contains(where: { $0 != base }) else {
            return Outcome(orders: orders, base: base, converted: [], withoutRate: [], notes: [])
        }
        guard case .double(let amounts)? = orders["amount"] else {
            return Outcome(orders: orders, base: base, converted: [], withoutRate: [],
                           notes: ["currency: orders are in \(distinct.joined(separator: ", ")) but have no numeric amount column; nothing converted"])
        }

        // Per cell code: its rate to base (1 for base or blank), or nil for a currency without a rate.
        let factor: [Double?] = codes.map { c in c.isEmpty || c == base ? 1 : settings.rates[c] }
        var values = amounts.values
        var validity = amounts.validity
        var currencyOut = StringBuilder(capacity: n)
        var converted: [String: Int] = [:], missing: [String: Int] = [:], overflowed = 0
        for r in 0..<n {
            let c = rowCode[r]
            guard c >= 0 else { currencyOut.appendNull(); continue }
            let code = codes[Int(c)]
            switch factor[Int(c)] {
            case 1?:
                currency.withBytes(r) { currencyOut.append($0) }
            case let rate?:
                if validity.isValid(r) {
                    // A corrupt huge amount times a rate can leave the Double range: out, not ∞ in every sum.
                    let v = values[r] * rate
                    if v.isFinite { values[r] = v } else { validity.set(r, valid: false); overflowed += 1 }
                }
                converted[code, default: 0] += 1
                currencyOut.append(base)
            case nil:
                if validity.isValid(r) { validity.set(r, valid: false) }
                missing[code, default: 0] += 1
                currency.withBytes(r) { currencyOut.append($0) }
            }
        }
        var out = orders
        try out.add("amount", .double(PrimitiveColumn(values: values, validity: validity)))
        try out.add("currency", .string(currencyOut.finish()))

        let convertedList = converted.keys.sorted().map { (code: $0, rows: converted[$0]!) }
        let missingList = missing.keys.sorted().map { (code: $0, rows: missing[$0]!) }
        var notes: [String] = []
        if !convertedList.isEmpty {
            let parts = convertedList.map { "\($0.code) \($0.rows) at \(Self.rateText(settings.rates[$0.code]!))" }
            notes.append("currency: \(convertedList.reduce(0) { $0 + $1.rows }) orders converted to \(base) (\(parts.joined(separator: ", ")))")
        }
        if !missingList.isEmpty {
            let parts = missingList.map { "\($0.code) \($0.rows)" }
            let how = settings.base == nil
                ? "the pipeline has no 'currency:' section, so money is counted in \(base) (most orders' currency); add currency: { base: \(base), rates: { \(missingList[0].code): … } }"
                : "add their rates under currency.rates"
            notes.append("currency: \(missingList.reduce(0) { $0 + $1.rows }) orders in a currency without a rate to \(base) are left out of money figures "
                + "(still counted as orders): \(parts.joined(separator: ", ")); \(how)")
        }
        if overflowed > 0 {
            notes.append("currency: \(overflowed) converted amounts are too large for a number and are left out of money figures")
        }
        return Outcome(orders: out, base: base, converted: convertedList, withoutRate: missingList, notes: notes)
    }

    /// `7.1`, `0.92`: the rate as written in the pipeline file, without trailing zeros.
    static func rateText(_ rate: Double) -> String {
        let s = String(rate)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }
}
