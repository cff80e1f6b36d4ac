/// Normalises phone numbers as Chinese CRM exports write them: `+86 138-1234-5678`, `0086…`,
/// `86…`, `(010) 8888-6666 转 123`, `0755-12345678-8001`, `400-810-8888`, full-width digits;
/// and international numbers (`+1 415 555 2671`, `0044 20 7946 0958`) to E.164.
public enum PhoneNormalizer {
    /// - Parameter defaultCountryCode: the calling code assumed for numbers written without one.
    ///   With "86" (the default) the Chinese numbering plan applies; with another code a national
    ///   number is written as `+<code><number>` without its trunk 0.
    public static func normalize(_ raw: String, defaultCountryCode: String = "86") -> PhoneNumber {
        let cleaned = WidthFolding.foldAndCollapse(raw)
        if cleaned.isEmpty { return PhoneNumber(value: "", kind: .empty, isValid: false, issue: "empty") }
        func invalid(_ kind: PhoneKind, _ why: String) -> PhoneNumber {
            PhoneNumber(value: cleaned, kind: kind, isValid: false, issue: why)
        }

        guard let parsed = Scan(cleaned) else { return invalid(.unknown, "unexpected characters") }
        if parsed.digits.isEmpty { return invalid(.empty, "no digits") }
        var ext = parsed.extensionDigits
        if let e = ext, e.isEmpty || e.count > 6 { return invalid(.unknown, "extension must have 1-6 digits") }

        var digits = parsed.digits
        var international = parsed.plus
        if !international, digits.count > 2, digits[0] == 0, digits[1] == 0 {
            digits.removeFirst(2)
            international = true
        }
        let cc: [UInt8]
        if international {
            guard let code = CountryCallingCode.prefix(of: digits) else {
                return invalid(.international, "unknown country calling code")
            }
            cc = code
            digits.removeFirst(code.count)
        } else {
            cc = defaultCountryCode.utf8.compactMap { $0 >= 48 && $0 <= 57 ? $0 - 48 : nil }
            if cc == [8, 6], digits.count >= 12, digits[0] == 8, digits[1] == 6,
               classifyChinese(Array(digits.dropFirst(2)), hasTrunk: false).isValid {
                digits.removeFirst(2)  // "86 138…" typed without the plus
                international = true
            }
        }

        if cc != [8, 6] {
            while digits.first == 0 { digits.removeFirst() }  // trunk prefix is not dialled after a country code
            let total = cc.count + digits.count
            if cc == [1] && digits.count != 10 { return invalid(.international, "NANP numbers have 10 digits") }
            guard total >= 8 && total <= 15 else { return invalid(.international, "E.164 numbers have 8-15 digits") }
            return PhoneNumber(value: "+" + text(cc) + text(digits) + extSuffix(ext), kind: .international, isValid: true)
        }

        // Chinese plan. After +86 the trunk 0 is dropped, though people often keep it.
        var hasTrunk = !international
        if international && digits.first == 0 { digits.removeFirst(); hasTrunk = false }
        if !international && digits.first != 0 { hasTrunk = false }
        var result = classifyChinese(digits, hasTrunk: hasTrunk)
        // `0755-1234567-801` written without a marker: the last dash group is the extension.
        if !result.isValid, ext == nil, result.kind == .landline || result.kind == .unknown,
           parsed.groups.count >= 3, let last = parsed.groups.last, last <= 6, last < digits.count {
            let head = Array(digits.dropLast(last))
            let retry = classifyChinese(head, hasTrunk: hasTrunk)
            if retry.isValid && retry.kind == .landline {
                ext = text(Array(digits.suffix(last)))
                result = retry
            }
        }
        guard result.isValid else { return invalid(result.kind, result.issue) }
        return PhoneNumber(value: result.value + extSuffix(ext), kind: result.kind, isValid: true)
    }

    private static func extSuffix(_ ext: String?) -> String { ext.map { ";ext=" + $0 } ?? "" }

    static func text(_ digits: [UInt8]) -> String {
        String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
    }

    /// Classifies national digits under the Chinese plan; `hasTrunk` says the number was written
    /// with its leading 0 (the trunk prefix).
    static func classifyChinese(_ d: [UInt8], hasTrunk: Bool) -> (value: String, kind: PhoneKind, isValid: Bool, issue: String) {
        let national = hasTrunk ? Array(d.dropFirst()) : d
        if national.count == 11 && national[0] == 1 && national[1] >= 3 {
            return ("+86" + text(national), .mobile, true, "")
        }
        if !hasTrunk && d.count == 10 && (d.starts(with: [4, 0, 0]) || d.starts(with: [8, 0, 0])) {
            return (text(d), .tollFree, true, "")
        }
        if !hasTrunk && d.count == 5 && (d.starts(with: [9, 5]) || d.starts(with: [9, 6]) || d.starts(with: [1, 0]) || d.starts(with: [1, 2])) {
            return (text(d), .shortCode, true, "")
        }
        if national.first == 1 && national.count >= 2 && national[1] != 0 {
            return ("", .mobile, false, "mobile numbers have 11 digits starting 13-19")
        }
        // Area codes: 10 (Beijing) and 2x take two digits, every other code three.
        guard let first = national.first, national.count >= 2 else { return ("", .unknown, false, "too short") }
        let areaLength: Int
        switch first {
        case 1 where national[1] == 0, 2: areaLength = 2
        case 3...9: areaLength = 3
        default: return ("", .unknown, false, "not a Chinese number")
        }
        if !hasTrunk && (national.count == 7 || national.count == 8) {
            return ("", .landline, false, "landline without area code")
        }
        let subscriber = national.dropFirst(areaLength)
        let okLength = areaLength == 2 ? subscriber.count == 8 : (subscriber.count == 7 || subscriber.count == 8)
        guard okLength, let s0 = subscriber.first, s0 != 0 else {
            return ("", .landline, false, "landline subscriber numbers have 7-8 digits after the area code")
        }
        return ("+86" + text(national), .landline, true, "")
    }

    /// The digits, digit groups and extension of a cleaned cell, or nil when it holds anything but
    /// digits, separators and an extension marker.
    struct Scan {
        var plus = false
        var digits: [UInt8] = []
        /// Lengths of the digit runs between separators, for the dash-extension heuristic.
        var groups: [Int] = []
        var extensionDigits: String?

        init?(_ text: String) {
            let scalars = Array(text.unicodeScalars)
            var i = 0
            var run = 0
            var sawDigit = false
            while i < scalars.count {
                let s = scalars[i]
                let v = s.value
                if v >= 48 && v <= 57 {
                    digits.append(UInt8(v - 48))
                    run += 1
                    sawDigit = true
                    i += 1
                    continue
                }
                if run > 0 { groups.append(run); run = 0 }
                if s == "+" && !sawDigit && !plus {
                    plus = true
                } else if s == "-" || s == " " || s == "." || s == "(" || s == ")" || s == "/" {
                    // separators people type between groups
                } else if sawDigit, let markerEnd = Scan.extensionMarker(scalars, at: i) {
                    var ext = ""
                    var j = markerEnd
                    while j < scalars.count {
                        let t = scalars[j]
                        if t.value >= 48 && t.value <= 57 { ext.unicodeScalars.append(t) }
                        else if !(t == " " || t == "-" || t == ":" || t == ".") { return nil }
                        j += 1
                    }
                    extensionDigits = ext
                    return
                } else {
                    return nil
                }
                i += 1
            }
            if run > 0 { groups.append(run) }
        }

        /// The index just past an extension marker starting at `i` (转, 分机, ext, x, #, `;ext=`).
        static func extensionMarker(_ s: [Unicode.Scalar], at i: Int) -> Int? {
            let markers: [String] = [";ext=", "ext.", "ext", "分机号", "分机", "转", "x", "#", ",", ";"]
            for m in markers {
                let ms = Array(m.unicodeScalars)
                guard i + ms.count <= s.count else { continue }
                var ok = true
                for k in 0..<ms.count {
                    var c = s[i + k]
                    if c.value >= 65 && c.value <= 90 { c = Unicode.Scalar(c.value + 32)! }
                    if c != ms[k] { ok = false; break }
                }
                if ok { return i + ms.count }
            }
            return nil
        }
    }
}
