/// Well-known mail domains and the check that a domain is one slip (a wrong, missing, extra or
/// swapped character) away from one of them. Flagging only: the caller decides.
public enum DomainTypos {
    public static let knownDomains: [String] = [
        "gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "icloud.com", "live.com", "msn.com", "aol.com",
        "qq.com", "163.com", "126.com", "sina.com", "sina.cn", "sohu.com", "foxmail.com", "aliyun.com",
        "139.com", "yeah.net", "mail.com", "me.com", "ymail.com", "vip.qq.com", "vip.163.com", "vip.sina.com", "tom.com", "21cn.com",
    ]

    /// Misspellings too far from their target for the one-slip rule but common in real data.
    static let frequent: [String: String] = [
        "gmial.com": "gmail.com", "gamil.com": "gmail.com", "gmaill.com": "gmail.com", "gnail.com": "gmail.com",
        "gmail.co": "gmail.com", "gmail.cn": "gmail.com", "hotmial.com": "hotmail.com", "hotmai.com": "hotmail.com",
        "yahooo.com": "yahoo.com", "yaho.com": "yahoo.com", "outlok.com": "outlook.com", "qq.cn": "qq.com",
        "qq.con": "qq.com", "163.cn": "163.com", "163.con": "163.com", "126.cn": "126.com",
    ]

    static let knownScalars: [[Unicode.Scalar]] = knownDomains.map { Array($0.unicodeScalars) }

    public static func suggestion(for domain: String) -> String? {
        if knownDomains.contains(domain) { return nil }
        if let d = frequent[domain] { return d }
        // One slip changes the length by at most one; most company domains are ruled out by that
        // before any comparison (this runs once per e-mail cell).
        let n = domain.unicodeScalars.count
        guard knownScalars.contains(where: { abs($0.count - n) <= 1 }) else { return nil }
        let a = Array(domain.unicodeScalars)
        // Short numeric domains (163/126/139) are one slip from each other, so only letters count there.
        for (i, known) in knownScalars.enumerated() where abs(known.count - n) <= 1 && oneSlipApart(a, known) {
            return knownDomains[i]
        }
        return nil
    }

    /// True when `a` and `b` differ by exactly one substitution, insertion, deletion or swap of
    /// adjacent characters, and the difference is not a digit in a numeric label (`136.com` is
    /// not a typo of `126.com` or `163.com` that we would dare to suggest).
    static func oneSlipApart(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if a == b || abs(a.count - b.count) > 1 { return false }
        var i = 0
        while i < a.count && i < b.count && a[i] == b[i] { i += 1 }
        var ja = a.count, jb = b.count
        while ja > i && jb > i && a[ja - 1] == b[jb - 1] { ja -= 1; jb -= 1 }
        let da = Array(a[i..<ja]), db = Array(b[i..<jb])
        if da.contains(where: isDigit) || db.contains(where: isDigit) { return false }
        if da.count + db.count == 1 { return true }
        if da.count == 1 && db.count == 1 { return true }
        if da.count == 2 && db.count == 2 && da[0] == db[1] && da[1] == db[0] { return true }
        return false
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
}
