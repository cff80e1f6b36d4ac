/// The "usual" normalisation a naive matcher applies: fold full width, case and spacing, keep only a
/// phone's digits without country code or trunk 0. A hard duplicate must differ even after this.
/// Test support only; the product's normalisers live in Cleaning.
enum TestNormalizer {
    static func fold(_ s: String) -> String {
        var scalars = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if (0xFF01...0xFF5E).contains(u.value) { scalars.append(Unicode.Scalar(u.value - 0xFEE0)!) }
            else if u.value == 0x3000 { scalars.append(" ") }
            else { scalars.append(u) }
        }
        return String(scalars).lowercased()
    }

    static func text(_ s: String) -> String { fold(s).filter { !$0.isWhitespace } }

    static func phone(_ s: String) -> String {
        var d = Substring(fold(s).filter(\.isASCII).filter(\.isNumber))
        if d.hasPrefix("00") { d = d.dropFirst(2) }
        if d.hasPrefix("86") && d.count >= 11 { d = d.dropFirst(2) }
        if d.hasPrefix("0") { d = d.dropFirst() }
        return String(d)
    }

    static func city(_ s: String) -> String {
        let t = text(s)
        return t.hasSuffix("市") ? String(t.dropLast()) : t
    }

    /// The fields a duplicate is compared on.
    static func key(_ row: [String: String]) -> [String] {
        [text(row["name"]!), text(row["email"]!), phone(row["phone"]!), text(row["company"]!), city(row["city"]!)]
    }
}
