/// Normalises e-mail addresses: trims, width-folds (`＠` → `@`), strips `mailto:` and angle
/// brackets, lower-cases (mailbox providers here treat local parts case-insensitively), checks
/// the shape, and flags domains one typing slip away from a well-known provider.
public enum EmailNormalizer {
    public static func normalize(_ raw: String) -> EmailAddress {
        var s = plainASCII(raw) ?? WidthFolding.foldAndCollapse(raw).lowercased()
        // Wrappers can nest (`<mailto:a@b.com>`); peel until none is left.
        while true {
            let before = s
            if s.hasPrefix("mailto:") { s.removeFirst(7) }
            if s.hasPrefix("<") && s.hasSuffix(">") && s.count >= 2 { s = String(s.dropFirst().dropLast()) }
            s = WidthFolding.foldAndCollapse(s)
            if s == before { break }
        }
        if s.isEmpty { return EmailAddress(value: "", isValid: false, issue: "empty") }
        if let problem = shapeProblem(s) { return EmailAddress(value: s, isValid: false, issue: problem) }
        let domain = String(s[s.index(after: s.lastIndex(of: "@")!)...])
        if let meant = DomainTypos.suggestion(for: domain) {
            return EmailAddress(value: s, isValid: true, issue: "domain \(domain) looks like a typo of \(meant)",
                                suggestedDomain: meant)
        }
        return EmailAddress(value: s, isValid: true)
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
    static func shapeProblem(_ s: String) -> String? {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count == 1 ? "no @" : "more than one @" }
        let local = parts[0], domain = parts[1]
        if local.isEmpty { return "empty local part" }
        if domain.isEmpty { return "empty domain" }
        if local.utf8.count > 64 || s.utf8.count > 254 { return "too long" }
        // By bytes: every byte of a multi-byte UTF-8 sequence is ≥ 0x80, and non-ASCII is allowed.
        for b in local.utf8 {
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b > 0x7F || isLocalPunctuation(b)
            if !ok { return "character '\(Unicode.Scalar(b))' not allowed in the local part" }
        }
        // Adjacent dots by bytes: Substring.contains("..") goes through Foundation's NSString search,
        // which cost more than the rest of the normalisation together.
        let dotPair = zip(local.utf8, local.utf8.dropFirst()).contains { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }
        if local.hasPrefix(".") || local.hasSuffix(".") || dotPair { return "misplaced dot in the local part" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 { return "domain has no dot" }
        for label in labels {
            if label.isEmpty { return "empty label in the domain" }
            if label.hasPrefix("-") || label.hasSuffix("-") { return "domain label starts or ends with '-'" }
            for b in label.utf8 {
                let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b > 0x7F
                if !ok { return "character '\(Unicode.Scalar(b))' not allowed in the domain" }
            }
        }
        if let tld = labels.last, tld.allSatisfy({ $0.isNumber }) { return "top-level domain is numeric" }
        return nil
    }
}
