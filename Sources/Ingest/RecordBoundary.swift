/// Finds where the header record ends, honouring quotes (a quoted header may span lines), after
/// skipping blank lines before it — so the data region can be chunked from a known line.
enum RecordBoundary {
    struct HeaderEnd {
        /// Offset just past the header's line terminator.
        var end: Int
        /// Physical lines up to `end` (blank lines before the header included).
        var lines: Int
        var blankLinesBefore: Int
    }

    static func endOfFirstRecord(_ b: UnsafeRawBufferPointer, quote: UInt8) -> HeaderEnd {
        let n = b.count
        var i = 0
        var lines = 0
        var blank = 0
        // Leading blank lines.
        while i < n {
            var j = i
            while j < n, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
            guard j < n, b[j] == 0x0A || b[j] == 0x0D else { break }
            if b[j] == 0x0D, j + 1 < n, b[j + 1] == 0x0A { j += 1 }
            i = j + 1
            lines += 1
            blank += 1
        }
        var quoted = false
        while i < n {
            let c = b[i]
            if c == quote {
                quoted.toggle()
            } else if !quoted && (c == 0x0A || c == 0x0D) {
                if c == 0x0D, i + 1 < n, b[i + 1] == 0x0A { i += 1 }
                return HeaderEnd(end: i + 1, lines: lines + 1, blankLinesBefore: blank)
            } else if c == 0x0A {
                lines += 1
            }
            i += 1
        }
        return HeaderEnd(end: n, lines: lines + 1, blankLinesBefore: blank)
    }
}
