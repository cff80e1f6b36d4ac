/// Masks for personal data in scoped reports. The caller decides which columns to mask; these
/// functions only decide what of a value may show. Each is total: any input, including garbage,
/// gives a masked string that reveals no more than the rule allows.
public enum PIIMask {
    /// Chinese mobiles keep the carrier prefix and last four (`138****1234`); any other number
    /// (landline, 400, foreign) keeps only its last four digits (`****1234`). A value with four
    /// digits or fewer is masked whole.
    public static func phone(_ s: String) -> String {
        var out: [UInt8] = []
        Array(s.utf8).withUnsafeBytes { appendPhone($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `phone(_:)` over UTF-8 bytes, appending the masked text to `out` (a scoped report masks a
    /// million of these). Only ASCII decides — digits, a leading `+` or `00` after spaces and tabs —
    /// and UTF-8 never uses ASCII bytes inside a multi-byte character, so bytes and scalars agree.
    static func appendPhone(_ s: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(s.count, 1)) { digits in
            var n = 0
            for b in s where b >= 0x30 && b <= 0x39 { digits[n] = b; n += 1 }
            var start = 0
            while start < s.count && (s[start] == 0x20 || s[start] == 0x09) { start += 1 }
            // Drop the country code the way it is written in China: +86, 0086, 86. Another explicit
            // country code (+1 415…) makes it a foreign number, whatever its digits look like.
            var foreign = start < s.count && (s[start] == 0x2B || (start + 1 < s.count && s[start] == 0x30 && s[start + 1] == 0x30))
            var first = 0
            if n == 15 && digits[0] == 0x30 && digits[1] == 0x30 && digits[2] == 0x38 && digits[3] == 0x36 {
                first = 4; foreign = false
            } else if n == 13 && digits[0] == 0x38 && digits[1] == 0x36 {
                first = 2; foreign = false
            }
            let number = UnsafeBufferPointer(rebasing: digits[first..<n])
            if !foreign, number.count == 11, number[0] == 0x31, number[1] >= 0x33 && number[1] <= 0x39 {
                out += number[0..<3]
                out += maskedDigits
                out += number[7...]
                return
            }
            out += maskedDigits
            if number.count > 4 { out += number.suffix(4) }
        }
    }

    private static let maskedDigits: [UInt8] = Array("****".utf8)

    /// The local part's first character and the domain: `zhang@example.com` → `z***@example.com`.
    /// Without a usable `@`, everything is masked.
    /// `email(_:)` over UTF-8 bytes, appending to `out`. ASCII without a carriage return is
    /// masked byte by byte (there, one byte is one character); anything else goes through
    /// `email(_:)`'s character rules.
    static func appendEmail(_ s: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        guard !s.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else {
            out += email(String(decoding: s, as: UTF8.self)).utf8
            return
        }
        var start = 0, end = s.count
        while start < end && (s[start] == 0x20 || s[start] == 0x09) { start += 1 }
        while end > start && (s[end - 1] == 0x20 || s[end - 1] == 0x09) { end -= 1 }
        var at = end - 1
        while at >= start && s[at] != 0x40 { at -= 1 }
        guard at > start, at + 1 < end else { out += maskedEmail; return }
        out.append(s[start])
        out += maskedLocalPart
        out += UnsafeRawBufferPointer(rebasing: s[(at + 1)..<end])
    }

    private static let maskedEmail: [UInt8] = Array("***".utf8)
    private static let maskedLocalPart: [UInt8] = Array("***@".utf8)

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
