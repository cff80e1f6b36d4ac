/// Makes text safe to show: hostile or broken input must neither change the page's structure nor
/// its reading direction. Used by HTML escaping and the CSV writer alike.
public enum InertText {
    /// U+FFFD, shown where a character had to go.
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The scalars of `s` with
    /// - NUL and other C0/C1 controls (except tab, LF, CR) replaced by U+FFFD: they are invalid in
    ///   HTML and truncate strings in C-based CSV readers;
    /// - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) dropped:
    ///   a U+202E in a customer name would otherwise reverse the text after it;
    /// - noncharacters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF) replaced, as HTML forbids them.
    static func scalars(of s: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            switch classify(u) {
            case .keep: out.append(u)
            case .drop: continue
            case .replace: out.append(replacement)
            }
        }
        return out
    }

    /// `s` made inert, as a String.
    public static func clean(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars(of: s))
        return String(out)
    }

    enum Disposition { case keep, drop, replace }

    static func classify(_ u: Unicode.Scalar) -> Disposition {
        let v = u.value
        switch v {
        case 0x09, 0x0A, 0x0D: return .keep
        case 0x00...0x1F, 0x7F...0x9F: return .replace
        case 0x202A...0x202E, 0x2066...0x2069: return .drop
        case 0xFDD0...0xFDEF: return .replace
        default: return (v & 0xFFFE) == 0xFFFE ? .replace : .keep
        }
    }

    /// At most `limit` characters, ending in "…" when cut: a 10 000-character name must not push a
    /// table off the page. The full value stays in the CSV.
    public static func truncated(_ s: String, limit: Int) -> String {
        guard limit > 0 else { return "" }
        var count = 0
        var end = s.startIndex
        while end < s.endIndex {
            if count == limit { return String(s[..<end]) + "…" }
            end = s.index(after: end)
            count += 1
        }
        return s
    }
}
