/// One data-quality rule, as data (pipeline files carry lists of these).
public struct ValidationRule: Sendable, Equatable, Codable {
    public enum Check: Sendable, Equatable, Codable {
        /// The cell must be present and not blank.
        case required
        /// The cell, when present, must have this shape.
        case format(ValueFormat)
        /// The cell, when present, must be one of these (compared after width-folding and trimming).
        case allowedValues([String])
    }

    /// What happens to a row that fails.
    public enum Action: String, Sendable, Equatable, Codable {
        /// The row leaves the table for the quarantine file, with the reason.
        case quarantine
        /// The row stays, with a data-quality flag.
        case flag
    }

    public var column: String
    public var check: Check
    public var action: Action

    public init(column: String, check: Check, action: Action) {
        self.column = column
        self.check = check
        self.action = action
    }
}

/// Shapes a cell can be required to have.
public enum ValueFormat: String, Sendable, Equatable, Codable, CaseIterable {
    /// Any phone number `PhoneNormalizer` accepts.
    case phone
    /// A Chinese mobile number.
    case mobile
    case email
    /// A decimal number (`-12.5`, `1,234.00`).
    case number
    /// A Chinese postcode: six digits.
    case postcode
    /// An 18-character Chinese resident id with a correct ISO 7064 MOD 11-2 check character.
    case idNumber

    /// nil when `text` has the format, otherwise why not.
    public func problem(with text: String) -> String? {
        switch self {
        case .phone:
            let p = PhoneNormalizer.normalize(text)
            return p.isValid ? nil : "not a phone number (\(p.issue ?? "invalid"))"
        case .mobile:
            let p = PhoneNormalizer.normalize(text)
            return p.isValid && p.kind == .mobile ? nil : "not a mobile number"
        case .email:
            let e = EmailNormalizer.normalize(text)
            return e.isValid ? nil : "not an e-mail address (\(e.issue ?? "invalid"))"
        case .number:
            return ValueFormat.isNumber(WidthFolding.foldAndCollapse(text)) ? nil : "not a number"
        case .postcode:
            let t = WidthFolding.foldAndCollapse(text)
            return t.utf8.count == 6 && t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? nil : "a postcode has six digits"
        case .idNumber:
            return ResidentID.problem(WidthFolding.foldAndCollapse(text))
        }
    }

    static func isNumber(_ t: String) -> Bool {
        var digits = 0, dots = 0
        for (i, c) in t.utf8.enumerated() {
            switch c {
            case 48...57: digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: ","): if digits == 0 { return false }
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if i != 0 { return false }
            default: return false
            }
        }
        return digits > 0 && dots <= 1
    }
}

/// The 18-character resident identity number (GB 11643): 6-digit area, 8-digit birth date,
/// 3-digit sequence, and a check character.
public enum ResidentID {
    public static func problem(_ id: String) -> String? {
        let c = Array(id.uppercased().utf8)
        guard c.count == 18 else { return "an id number has 18 characters" }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for i in 0..<17 {
            guard c[i] >= 48 && c[i] <= 57 else { return "an id number has 17 digits before its check character" }
            sum += Int(c[i] - 48) * weights[i]
        }
        let expected = Array("10X98765432".utf8)[sum % 11]
        guard c[17] == expected else { return "wrong check character" }
        let year = Int(String(decoding: c[6..<10], as: UTF8.self))!
        let month = Int(String(decoding: c[10..<12], as: UTF8.self))!
        let day = Int(String(decoding: c[12..<14], as: UTF8.self))!
        guard year >= 1900, (1...12).contains(month), day >= 1, day <= 31 else { return "impossible birth date" }
        return nil
    }
}
