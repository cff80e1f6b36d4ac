import Columns

/// Reads the date spellings a birth-date column usually holds (`2024-03-05`, `2024/3/5`,
/// `2024.3.5`, `2024年3月5日`, `20240305`, optionally followed by a time). Ingest's full date
/// parser supersedes this once typed columns arrive; this keeps string columns usable meanwhile.
enum SimpleDate {
    static func days(from text: String) -> Int32? {
        var parts: [Int] = []
        var current = 0, digits = 0
        var allDigits: [UInt8] = []
        for c in text.unicodeScalars {
            let v = c.value
            if v >= 48 && v <= 57 {
                current = current * 10 + Int(v - 48); digits += 1
                allDigits.append(UInt8(v - 48))
            } else if v >= 0xFF10 && v <= 0xFF19 {
                current = current * 10 + Int(v - 0xFF10); digits += 1
                allDigits.append(UInt8(v - 0xFF10))
            } else {
                if digits > 0 { parts.append(current) }
                current = 0; digits = 0
                if parts.count == 3 { break }
                if !(c == "-" || c == "/" || c == "." || c == "年" || c == "月" || c == "日" || c == " ") { return nil }
            }
        }
        if digits > 0 && parts.count < 3 { parts.append(current) }
        if parts.count == 1 && allDigits.count == 8 {
            let v = parts[0]
            parts = [v / 10000, v / 100 % 100, v % 100]
        }
        guard parts.count == 3, parts[0] >= 1000, CivilDate.isValid(year: parts[0], month: parts[1], day: parts[2]) else { return nil }
        return Int32(CivilDate.days(year: parts[0], month: parts[1], day: parts[2]))
    }
}
