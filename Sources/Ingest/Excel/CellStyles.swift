/// Which cell style indices (`s="3"`) format numbers as dates or times, read from
/// `xl/styles.xml`: the built-in date formats 14–22, 45–47 (and the CJK ones 27–36, 50–58), plus
/// custom `numFmt` codes that contain date or time tokens outside quotes and brackets.
struct CellStyles {
    enum Kind: UInt8 { case number, date, dateTime, time }

    private(set) var kinds: [Kind] = []

    init() {}

    init(xml: [UInt8]) {
        var custom: [Int: Kind] = [:]
        var kinds: [Kind] = []
        xml.withUnsafeBytes { raw in
            var x = XMLBytes(raw)
            var inCellXfs = false
            while let t = x.nextTag() {
                if x.tag(t, is: "numFmt"), let id = x.attribute("numFmtId", in: t).flatMap({ x.integer($0) }),
                   let code = x.attribute("formatCode", in: t) {
                    custom[id] = Self.classify(code: x.string(code))
                } else if x.tag(t, is: "cellXfs") {
                    inCellXfs = !t.isEnd && !t.isSelfClosing
                } else if inCellXfs, x.tag(t, is: "xf"), !t.isEnd {
                    let id = x.attribute("numFmtId", in: t).flatMap { x.integer($0) } ?? 0
                    kinds.append(custom[id] ?? Self.builtIn(id))
                    x.skipElement(t)
                }
            }
        }
        self.kinds = kinds
    }

    @inline(__always)
    func kind(_ style: Int) -> Kind { style >= 0 && style < kinds.count ? kinds[style] : .number }

    static func builtIn(_ id: Int) -> Kind {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: .date
        case 22: .dateTime
        case 18...21, 32, 33, 45...47: .time
        default: .number
        }
    }

    /// Date tokens y/d (and m next to them), time tokens h/s, outside "…" literals, [colour]/[$-locale]
    /// sections and backslash escapes; `[h]:mm` elapsed-time formats count as time.
    static func classify(code: String) -> Kind {
        var hasDate = false, hasTime = false
        var inQuote = false, inBracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket {
                if ch == "]" { inBracket = false }
                if ch == "h" || ch == "s" { hasTime = true }
                continue
            }
            switch ch {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case "y", "d": hasDate = true
            case "h", "s": hasTime = true
            case "@": return .number
            default: break
            }
        }
        // A bare "m"/"mm" without y/d/h/s is ambiguous; Excel treats "mm" alone as months, still a date.
        if !hasDate && !hasTime && code.lowercased().contains("m") && !code.contains("0") && !code.contains("#") {
            hasDate = true
        }
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        default: return .number
        }
    }
}
