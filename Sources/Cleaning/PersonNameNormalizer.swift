/// Normalises person names: 全角→半角, whitespace collapsed, spaces inside Chinese names removed
/// (`张 三` → `张三`), middle-dot variants unified (`阿卜杜·热合曼`), `LAST, First` reordered,
/// honorifics (Mr./Ms./Dr.) dropped, Latin case folded.
public enum PersonNameNormalizer {
    public static func normalize(_ raw: String) -> PersonName {
        // Each step can expose work for another (reordering `张, 三` puts two Han characters
        // side by side), so the steps repeat until the name stops changing.
        var display = normalizeOnce(raw)
        // Already in normal form (most names are): a second pass could not change it.
        if display == raw { return PersonName(display: display, key: matchingKey(display)) }
        for _ in 0..<4 {
            let again = normalizeOnce(display)
            if again == display { break }
            display = again
        }
        return PersonName(display: display, key: matchingKey(display))
    }

    static func normalizeOnce(_ raw: String) -> String {
        var text = WidthFolding.foldAndCollapse(raw)
        text = unifyMiddleDots(text)
        text = removeSpacesBetweenHan(text)
        text = reorderLastCommaFirst(text)
        var words = text.split(separator: " ").map(String.init)
        while words.count > 1, honorifics.contains(words[0].lowercased()) { words.removeFirst() }
        return words.map(titleCased).joined(separator: " ")
    }

    static let honorifics: Set<String> = ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof."]

    /// `·` (U+00B7), katakana middle dot, bullet and full stop variants all appear between the
    /// parts of Uyghur and transliterated names.
    static func unifyMiddleDots(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c.value {
            case 0x30FB, 0x2022, 0x2027, 0xFF65, 0x2219, 0x22C5: out.append("\u{00B7}")
            default: out.append(c)
            }
        }
        return String(out)
    }

    static func removeSpacesBetweenHan(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, c) in scalars.enumerated() {
            if c == " ", i > 0, i + 1 < scalars.count,
               WidthFolding.isHan(scalars[i - 1]) || scalars[i - 1] == "\u{00B7}",
               WidthFolding.isHan(scalars[i + 1]) || scalars[i + 1] == "\u{00B7}" {
                continue
            }
            out.append(c)
        }
        return String(out)
    }

    /// `SMITH, John` → `John SMITH` (title-casing comes later). Only one comma and Latin on both
    /// sides: `张三, 李四` is a list, not a reordered name.
    static func reorderLastCommaFirst(_ s: String) -> String {
        let parts = s.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return s }
        let last = parts[0].trimmingSpaces, first = parts[1].trimmingSpaces
        guard !last.isEmpty, !first.isEmpty,
              !last.unicodeScalars.contains(where: WidthFolding.isHan),
              !first.unicodeScalars.contains(where: WidthFolding.isHan),
              !suffixes.contains(first.lowercased()) else { return s }
        return first + " " + last
    }

    static let suffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md"]

    /// Words typed all in capitals or all in lower case get a capital initial; mixed case
    /// (`McDonald`, `DeLuca`) is kept as the person wrote it.
    static func titleCased(_ word: String) -> String {
        let hasUpper = word.unicodeScalars.contains { $0.properties.isUppercase }
        let hasLower = word.unicodeScalars.contains { $0.properties.isLowercase }
        guard hasUpper != hasLower else { return word }
        var out = ""
        var startOfPart = true
        for ch in word {
            // Only one-to-one case mappings: `ß` → `SS` would change the word's length and make
            // the normaliser not idempotent.
            let mapped = startOfPart ? ch.uppercased() : ch.lowercased()
            out += mapped.unicodeScalars.count == ch.unicodeScalars.count ? mapped : String(ch)
            startOfPart = ch == "-" || ch == "'"
        }
        return out
    }

    /// Lower-cased, with dots, commas and apostrophes dropped; hyphens become spaces so
    /// `Jean-Luc` and `Jean Luc` match.
    public static func matchingKey(_ display: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for c in display.lowercased().unicodeScalars {
            if c == " " || c == "-" || c == "_" {
                pendingSpace = !out.isEmpty
                continue
            }
            if c == "." || c == "," || c == "'" || c == "\u{2019}" || c == "\"" { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(c)
        }
        return String(out)
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
