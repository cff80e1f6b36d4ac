/// Picks the delimiter among `,` `;` tab `|`: the one that splits the first lines into the same
/// number (> 0) of fields most consistently, counting only outside quotes. Ties go to the earlier
/// candidate in that order, so a one-column file reads as comma-separated.
public enum DelimiterSniffer {
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    public static func sniff(_ bytes: UnsafeRawBufferPointer, maxLines: Int = 50) -> UInt8 {
        let limit = min(bytes.count, 256 * 1024)
        var best = candidates[0]
        var bestScore = -1
        for d in candidates {
            var counts: [Int] = []
            var count = 0
            var quoted = false
            var i = 0
            while i < limit && counts.count < maxLines {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    quoted.toggle()
                } else if !quoted && (b == 0x0A || b == 0x0D) {
                    if i > 0 && !(b == 0x0A && bytes[i - 1] == 0x0D) { counts.append(count) }
                    count = 0
                } else if !quoted && b == d {
                    count += 1
                }
                i += 1
            }
            if count > 0 || (i == limit && counts.isEmpty) { counts.append(count) }
            guard let first = counts.first, first > 0 else { continue }
            // Lines agreeing with the header's count, weighted up by how many fields that is.
            let agreeing = counts.filter { $0 == first }.count
            let score = agreeing * 1000 / counts.count * 4 + min(first, 100)
            if score > bestScore {
                best = d
                bestScore = score
            }
        }
        return best
    }
}
