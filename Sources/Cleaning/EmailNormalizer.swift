/// Normalises e-mail addresses: trims, width-folds (`＠` → `@`), strips `mailto:` and angle
/// brackets, lower-cases (mailbox providers here treat local parts case-insensitively), checks
/// the shape, and flags domains one typing slip away from a well-known provider.
public enum EmailNormalizer {
    public static func normalize(_ raw: String) -> EmailAddress {
        let s = matchingValue(raw)
        if s.isEmpty { return EmailAddress(value: "", isValid: false, issue: "empty") }
        if let problem = shapeProblem(s) { return EmailAddress(value: s, isValid: false, issue: problem) }
        let domain = String(s[s.index(after: s.lastIndex(of: "@")!)...])
        if let meant = DomainTypos.suggestion(for: domain) {
            return EmailAddress(value: s, isValid: true, issue: "domain \(domain) looks like a typo of \(meant)",
                                suggestedDomain: meant)
        }
        return EmailAddress(value: s, isValid: true)
    }

    /// The normalised address alone (`value` of `normalize`), without the shape and domain-typo
    /// checks: what matching compares, cheap enough for millions of rows.
    public static func matchingValue(_ raw: String) -> String {
        if let plain = plainASCII(raw) { return plain }
        var s = WidthFolding.foldAndCollapse(raw).lowercased()
        // Wrappers can nest (`<mailto:a@b.com>`); peel until none is left.
        while true {
            let before = s
            if s.hasPrefix("mailto:") { s.removeFirst(7) }
            if s.hasPrefix("<") && s.hasSuffix(">") && s.count >= 2 { s = String(s.dropFirst().dropLast()) }
            s = WidthFolding.foldAndCollapse(s)
            if s == before { break }
        }
        return s
    }

    /// The common cell — printable ASCII with no space, no wrapper — lower-cased straight from its
    /// bytes: folding and collapsing could not change it, and the loop below would find nothing to
    /// peel. Nil sends the cell down the general path.
    static func plainASCII(_ raw: String) -> String? {
        var raw = raw
        return raw.withUTF8 { bytes -> String? in
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), bytes[0] != UInt8(ascii: "<") else { return nil }
            let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if lower.starts(with: "mailto:".utf8) { return nil }
            return String(decoding: lower, as: UTF8.self)
        }
    }

    /// Characters a local part may hold besides letters and digits.
    private static func isLocalPunctuation(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "'"),
             UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "/"),
             UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"),
             UInt8(ascii: "}"), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// A practical subset of RFC 5322 addr-spec: what real exports contain, not quoted locals.
    /// One pass over the bytes (this runs once per e-mail cell of every load).
    static func shapeProblem(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { shapeProblem(bytes: $0) }
    }

    private static func shapeProblem(bytes b: UnsafeBufferPointer<UInt8>) -> String? {
        let at = UInt8(ascii: "@"), dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")
        var atCount = 0, atIndex = 0
        for i in b.indices where b[i] == at { atCount += 1; atIndex = i }
        guard atCount == 1 else { return atCount == 0 ? "no @" : "more than one @" }
        let local = b[..<atIndex], domain = b[(atIndex + 1)...]
        if local.isEmpty { return "empty local part" }
        if domain.isEmpty { return "empty domain" }
        if local.count > 64 || b.count > 254 { return "too long" }
        // Every byte of a multi-byte UTF-8 sequence is ≥ 0x80, and non-ASCII is allowed.
        var previous: UInt8 = 0, dotPair = false
        for c in local {
            let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c > 0x7F || isLocalPunctuation(c)
            if !ok { return "character '\(Unicode.Scalar(c))' not allowed in the local part" }
            if c == dot && previous == dot { dotPair = true }
            previous = c
        }
        if local.first == dot || local.last == dot || dotPair { return "misplaced dot in the local part" }
        let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
        if labels.count < 2 { return "domain has no dot" }
        for label in labels {
            if label.isEmpty { return "empty label in the domain" }
            if label.first == hyphen || label.last == hyphen { return "domain label starts or ends with '-'" }
            for c in label {
                let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == hyphen || c > 0x7F
                if !ok { return "character '\(Unicode.Scalar(c))' not allowed in the domain" }
            }
        }
        let tld = labels[labels.count - 1]
        let numeric = tld.allSatisfy { $0 < 0x80 }
            ? tld.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            : String(decoding: tld, as: UTF8.self).allSatisfy(\.isNumber)  // e.g. CJK numerals count as numbers
        if numeric { return "top-level domain is numeric" }
        return nil
    }
}
