#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts a whole GB18030 or UTF-16 file to UTF-8 with glibc's iconv, so the CSV parser and the
/// value parsers only ever see UTF-8. Invalid input stops with the byte offset, never a crash.
enum Transcoder {
    static func iconvName(_ e: TextEncoding) -> String {
        switch e {
        case .utf8, .utf8BOM: "UTF-8"
        case .gb18030: "GB18030"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        }
    }

    /// The UTF-8 text of `input` (BOM already skipped), or the offset of the first undecodable byte.
    static func toUTF8(_ input: UnsafeRawBufferPointer, from encoding: TextEncoding, path: String)
        throws(IngestError) -> SourceBytes
    {
        let cd = iconv_open("UTF-8", iconvName(encoding))
        guard cd != iconv_t(bitPattern: -1) else {
            throw .cannotOpen(path: path, reason: "iconv cannot convert from \(iconvName(encoding))")
        }
        defer { iconv_close(cd) }
        // GB18030 → UTF-8 grows at most 3/2 (2-byte → 3-byte), UTF-16 → UTF-8 at most 3/2 as well.
        var capacity = input.count + input.count / 2 + 16
        var output = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        var produced = 0
        var consumed = 0
        while consumed < input.count {
            var inPtr = UnsafeMutablePointer(mutating: input.baseAddress!.advanced(by: consumed)
                .assumingMemoryBound(to: CChar.self))
            var inLeft = input.count - consumed
            var outPtr: UnsafeMutablePointer<CChar>? = output.advanced(by: produced).assumingMemoryBound(to: CChar.self)
            var outLeft = capacity - produced
            let rc = withUnsafeMutablePointer(to: &inPtr) { ip in
                ip.withMemoryRebound(to: UnsafeMutablePointer<CChar>?.self, capacity: 1) { ipp in
                    iconv(cd, ipp, &inLeft, &outPtr, &outLeft)
                }
            }
            let err = errno
            consumed = input.count - inLeft
            produced = capacity - outLeft
            if rc != -1 { break }
            if err == E2BIG {
                capacity *= 2
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
                bigger.copyMemory(from: output, byteCount: produced)
                output.deallocate()
                output = bigger
                continue
            }
            output.deallocate()
            throw .undecodable(path: path, encoding: encoding, offset: consumed)
        }
        return SourceBytes(path: path, owning: output, count: produced)
    }
}
