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

    /// A practical subset of RFC 5322 addr-spec: what real exports contain, not quoted locals.
    static func shapeProblem(_ s: String) -> String? {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count == 1 ? "no @" : "more than one @" }
        let local = parts[0], domain = parts[1]
        if local.isEmpty { return "empty local part" }
        if domain.isEmpty { return "empty domain" }
        if local.utf8.count > 64 || s.utf8.count > 254 { return "too long" }
        for c in local.unicodeScalars {
            let ok = (c.value >= 0x61 && c.value <= 0x7A) || (c.value >= 0x30 && c.value <= 0x39)
                || "._%+-'!#$&*/=?^`{|}~".unicodeScalars.contains(c) || c.value > 0x7F
            if !ok { return "character '\(c)' not allowed in the local part" }
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
            for c in label.unicodeScalars {
                let ok = (c.value >= 0x61 && c.value <= 0x7A) || (c.value >= 0x30 && c.value <= 0x39) || c == "-" || c.value > 0x7F
                if !ok { return "character '\(c)' not allowed in the domain" }
            }
        }
        if let tld = labels.last, tld.allSatisfy({ $0.isNumber }) { return "top-level domain is numeric" }
        return nil
    }
}
