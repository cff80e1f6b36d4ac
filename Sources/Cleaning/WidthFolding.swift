/// Folds full-width forms (全角) to their ASCII twins (半角) and ideographic punctuation that
/// Chinese input methods produce, so `１３８` and `138`, `（` and `(` compare equal.
public enum WidthFolding {
    /// U+FF01–FF5E map to U+0021–007E by subtracting 0xFEE0; U+3000 is the ideographic space;
    /// 、 and 。 are the enumeration comma and full stop.
    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        switch v {
        case 0xFF01...0xFF5E: return Unicode.Scalar(v - 0xFEE0)!
        case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F, 0x205F: return " "
        case 0x3001: return ","
        case 0x3002: return "."
        case 0xFFE5: return "¥"
        default: return scalar
        }
    }

    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(fold(s)) }
        return String(out)
    }

    /// Whitespace as people type it, including zero-width characters pasted from web pages.
    @inline(__always)
    public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x3000, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0xFEFF: true
        default: false
        }
    }

    /// Width-folds, trims and collapses runs of whitespace to one ASCII space.
    public static func foldAndCollapse(_ text: String) -> String {
        isAlreadyFoldedASCII(text) ? text : foldAndCollapseScalars(text)
    }

    /// The general path of `foldAndCollapse`, scalar by scalar.
    static func foldAndCollapseScalars(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for raw in text.unicodeScalars {
            if isSpace(raw) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(fold(raw))
        }
        return String(out)
    }

    /// Printable ASCII with single inner spaces: nothing to fold, trim or collapse, so the text is
    /// returned as it is (most cells of most exports; rebuilding them scalar by scalar was a
    /// tenth of the clean stage).
    static func isAlreadyFoldedASCII(_ text: String) -> Bool {
        var previousSpace = true  // a leading space needs trimming
        for b in text.utf8 {
            if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if b > 0x20 && b < 0x7F {
                previousSpace = false
            } else {
                return false
            }
        }
        return !previousSpace || text.isEmpty
    }

    /// CJK ideographs (the unified blocks and extension A), where names carry no spaces.
    @inline(__always)
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2A6DF: true
        default: false
        }
    }
}
