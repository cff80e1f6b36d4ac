/// Re-creates a record's CSV text from its fields (quoting where needed), for quarantine.csv.
enum RecordText {
    static func join(_ fields: [UnsafeRawBufferPointer], delimiter: UInt8) -> String {
        var out: [UInt8] = []
        for (k, f) in fields.enumerated() {
            if k > 0 { out.append(delimiter) }
            let needsQuotes = f.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes {
                out.append(UInt8(ascii: "\""))
                for b in f {
                    if b == UInt8(ascii: "\"") { out.append(b) }
                    out.append(b)
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: f)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Shown in reasons: at most 40 characters of a value, lossily decoded.
    static func excerpt(_ f: UnsafeRawBufferPointer) -> String {
        let s = String(decoding: f, as: UTF8.self)
        return s.count > 40 ? String(s.prefix(40)) + "…" : s
    }
}
