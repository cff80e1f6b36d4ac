/// A string from a vocabulary, encoded to UTF-8 once, with its CSV quoting need decided once,
/// so writing it a million times is a memcpy.
public struct EncodedText: Sendable, Equatable, ExpressibleByStringLiteral {
    public let bytes: [UInt8]
    public let needsQuotes: Bool

    public init(_ string: String) {
        bytes = Array(string.utf8)
        needsQuotes = bytes.contains { CSVByteWriter.needsQuoting($0) }
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
