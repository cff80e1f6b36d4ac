/// Normalises company names. Branch offices (`分公司`) keep their branch in the key: a branch
/// is its own customer in most CRMs, so `星辰科技上海分公司` does not silently become `星辰科技`.
public enum CompanyNameNormalizer {
    /// Chinese legal forms, longest first so `股份有限公司` is not read as `有限公司`.
    public static let chineseLegalForms: [String] = [
        "集团股份有限公司", "集团有限责任公司", "集团有限公司", "股份有限公司", "有限责任公司", "股份公司",
        "有限公司", "集团公司", "集团", "公司",
    ]

    /// Latin legal forms as word sequences, compared after lower-casing and dropping punctuation.
    public static let latinLegalForms: [[String]] = [
        ["co", "ltd"], ["company", "limited"], ["co", "limited"], ["pty", "ltd"], ["pte", "ltd"],
        ["ltd"], ["limited"], ["inc"], ["incorporated"], ["llc"], ["l", "l", "c"], ["llp"], ["corp"],
        ["corporation"], ["gmbh"], ["ag"], ["sa"], ["s", "a"], ["bv"], ["plc"], ["co"], ["company"], ["group"],
    ]

    public static func normalize(_ raw: String) -> CompanyName {
        let display = WidthFolding.foldAndCollapse(raw)
        return CompanyName(display: display, key: matchingKey(display))
    }

    public static func matchingKey(_ display: String) -> String {
        // Bracketed parts are locations or former names: 阿里巴巴(中国)有限公司 is 阿里巴巴.
        var text = String.UnicodeScalarView()
        var depth = 0
        for c in display.lowercased().unicodeScalars {
            switch c {
            case "(", "[", "【", "〔": depth += 1
            case ")", "]", "】", "〕": depth = max(0, depth - 1)
            default: if depth == 0 { text.append(c) }
            }
        }
        // Words: Latin runs split at spaces and punctuation; Han text stays one run.
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
        }
        for c in text {
            if c.properties.isAlphabetic || (c.value >= 48 && c.value <= 57) || c == "&" { current.append(c) } else { flush() }
        }
        flush()

        // Strip legal forms from the end, repeatedly (`… Group Co., Ltd.`), but never the whole name.
        var changed = true
        while changed {
            changed = false
            for form in latinLegalForms where words.count > form.count && Array(words.suffix(form.count)) == form {
                words.removeLast(form.count)
                changed = true
                break
            }
            if let last = words.last, !last.hasSuffix("分公司"), !chineseLegalForms.contains(last) {
                for form in chineseLegalForms where last.hasSuffix(form) && last.count > form.count {
                    let kept = String(last.dropLast(form.count))
                    words[words.count - 1] = kept
                    changed = true
                    break
                }
            }
        }
        // The legal form may also sit before a branch: 星辰科技有限公司上海分公司.
        if let last = words.last, last.hasSuffix("分公司") {
            var head = Array(last.dropLast(3))
            for form in chineseLegalForms where form != "公司" {
                let f = Array(form)
                if let at = firstIndex(of: f, in: head) {
                    head.removeSubrange(at..<(at + f.count))
                    break
                }
            }
            words[words.count - 1] = String(head) + "分公司"
        }
        return words.joined(separator: " ")
    }

    private static func firstIndex(of needle: [Character], in hay: [Character]) -> Int? {
        guard !needle.isEmpty, needle.count <= hay.count else { return nil }
        for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle { return i }
        return nil
    }
}
