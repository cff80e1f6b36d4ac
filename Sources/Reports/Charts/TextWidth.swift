/// Rough text width for layout without a font engine: CJK and other wide characters are one em,
/// everything else about 0.6 em. Enough to place labels and decide when to truncate.
enum TextWidth {
    static func estimate(_ s: String, fontSize: Double) -> Double {
        var ems = 0.0
        for u in s.unicodeScalars { ems += isWide(u) ? 1 : 0.6 }
        return ems * fontSize
    }

    /// `s` cut (with "…") so that it fits `width`.
    static func fit(_ s: String, width: Double, fontSize: Double) -> String {
        if estimate(s, fontSize: fontSize) <= width { return s }
        var out = ""
        var used = estimate("…", fontSize: fontSize)
        for ch in s {
            let w = estimate(String(ch), fontSize: fontSize)
            if used + w > width { break }
            used += w
            out.append(ch)
        }
        return out + "…"
    }

    static func isWide(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD: true
        default: false
        }
    }
}
