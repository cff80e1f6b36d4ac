/// Values that exports put in a field when nobody knew its content: Salesforce writes
/// `[not provided]` into a lead's required Company, forms and spreadsheets carry `N/A`, `-`, `无`,
/// `暂无`. Taken as data they merge strangers ("same company") and survive into golden records,
/// so cleaning treats them as missing.
///
/// The list is deliberately short: a real name can be anything, so only values that cannot be
/// real content in a customer field are here (`test`, `TBD` or a lone `x` are not). Matching
/// ignores surrounding whitespace, full-width forms (`Ｎ／Ａ`) and ASCII case, except for `NA`,
/// which matches only in capitals because `Na` is a surname (那).
public enum PlaceholderValues {
    /// The placeholders as written in reports and notes, in a fixed order; a match returns the
    /// index into this list.
    public static let standard: [String] = [
        "[not provided]", "N/A", "#N/A", "NA", "-", "--", "/", "none", "null", "unknown",
        "无", "暂无", "未知", "不详", "待定",
    ]

    /// Index in `standard` of the placeholder `text` is, or nil for real content.
    public static func match(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { match(UnsafeRawBufferPointer($0)) }
    }

    /// Index in `standard` of the placeholder these UTF-8 bytes spell, or nil. Allocates nothing:
    /// the folded bytes go to a small stack buffer, and any value longer than a placeholder can
    /// be, even after trimming, is rejected first.
    public static func match(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty, bytes.count <= maxInputBytes else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: foldedCapacity) { buffer -> Int? in
            guard let (length, hadLowercase) = fold(bytes, into: buffer), length > 0 else { return nil }
            let folded = UnsafeBufferPointer(rebasing: buffer[0..<length])
            for (i, candidate) in foldedStandard.enumerated() where candidate.count == length {
                guard folded.elementsEqual(candidate) else { continue }
                // `NA` in capitals only: `Na`, `na` may be a person's name.
                if i == capitalsOnlyIndex && hadLowercase { return nil }
                return i
            }
            return nil
        }
    }

    public static func isPlaceholder(_ text: String) -> Bool { match(text) != nil }

    // MARK: - Folding

    private static let capitalsOnlyIndex = standard.firstIndex(of: "NA")!
    /// The placeholders trimmed, width-folded and ASCII-lowercased, as `fold` writes input.
    private static let foldedStandard: [[UInt8]] = standard.map { Array($0.lowercased().utf8) }
    private static let foldedCapacity = foldedStandard.map(\.count).max()! + 4
    /// Room for a placeholder in full-width forms (3 bytes a character) padded with spaces.
    private static let maxInputBytes = 96

    /// Writes the trimmed, width-folded, ASCII-lowercased UTF-8 of `bytes` into `out`; nil when it
    /// does not fit (then it is no placeholder) or is not valid UTF-8.
    private static func fold(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>)
        -> (length: Int, hadLowercase: Bool)?
    {
        var length = 0, pendingSpace = false, hadLowercase = false
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let raw):
                if WidthFolding.isSpace(raw) {
                    pendingSpace = length > 0
                    continue
                }
                if pendingSpace {
                    guard length < out.count else { return nil }
                    out[length] = 0x20
                    length += 1
                    pendingSpace = false
                }
                var scalar = WidthFolding.fold(raw)
                if scalar.value >= 0x61 && scalar.value <= 0x7A { hadLowercase = true }
                if scalar.value >= 0x41 && scalar.value <= 0x5A { scalar = Unicode.Scalar(scalar.value + 0x20)! }
                var fits = true
                UTF8.encode(scalar) { byte in
                    if length < out.count { out[length] = byte; length += 1 } else { fits = false }
                }
                guard fits else { return nil }
            case .emptyInput:
                return (length, hadLowercase)
            case .error:
                return nil
            }
        }
    }
}
