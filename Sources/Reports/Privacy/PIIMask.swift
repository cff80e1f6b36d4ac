/// Masks for personal data in scoped reports. The caller decides which columns to mask; these
/// functions only decide what of a value may show. Each is total: any input, including garbage,
/// gives a masked string that reveals no more than the rule allows.
public enum PIIMask {
    /// Chinese mobiles keep the carrier prefix and last four (`138****1234`); any other number
    /// (landline, 400, foreign) keeps only its last four digits (`****1234`). A value with four
    /// digits or fewer is masked whole.
    public static func phone(_ s: String) -> String {
        var digits = s.unicodeScalars.compactMap { u -> UInt8? in
            (0x30...0x39).contains(u.value) ? UInt8(u.value - 0x30) : nil
        }
        // Drop the country code the way it is written in China: +86, 0086, 86. Another explicit
        // country code (+1 415…) makes it a foreign number, whatever its digits look like.
        let trimmed = s.trimmingASCIISpaces()
        var foreign = trimmed.hasPrefix("+") || trimmed.hasPrefix("00")
        if digits.count == 15, digits.starts(with: [0, 0, 8, 6]) { digits.removeFirst(4); foreign = false }
        if digits.count == 13, digits.starts(with: [8, 6]) { digits.removeFirst(2); foreign = false }
        // ASCII bytes, not a String per digit: a scoped report masks a million of these.
        let text = digits.map { $0 + 0x30 }
        if !foreign, digits.count == 11, digits[0] == 1, (3...9).contains(digits[1]) {
            return String(decoding: text[0..<3] + maskedDigits + text[7...], as: UTF8.self)
        }
        guard digits.count > 4 else { return "****" }
        return String(decoding: maskedDigits + text.suffix(4), as: UTF8.self)
    }

    private static let maskedDigits: [UInt8] = Array("****".utf8)

    /// The local part's first character and the domain: `zhang@example.com` → `z***@example.com`.
    /// Without a usable `@`, everything is masked.
    public static func email(_ s: String) -> String {
        let trimmed = s.trimmingASCIISpaces()
        guard let at = trimmed.lastIndex(of: "@"), at != trimmed.startIndex else { return "***" }
        let domain = trimmed[trimmed.index(after: at)...]
        guard !domain.isEmpty else { return "***" }
        return String(trimmed[trimmed.startIndex]) + "***@" + domain
    }

    /// Chinese names keep the first character (the family name in most cases): `张伟` → `张*`,
    /// `欧阳娜娜` → `欧***`. Other names keep each word's initial: `John Smith` → `J*** S***`.
    public static func name(_ s: String) -> String {
        let trimmed = s.trimmingASCIISpaces()
        guard let first = trimmed.first else { return "" }
        if first.unicodeScalars.contains(where: { TextWidth.isWide($0) }) {
            return String(first) + String(repeating: "*", count: max(trimmed.count - 1, 1))
        }
        return trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
            .map { String($0.first!) + "***" }
            .joined(separator: " ")
    }
}

extension String {
    func trimmingASCIISpaces() -> Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
