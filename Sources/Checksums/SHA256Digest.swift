import CCrypto
import Foundation

/// SHA-256 through the system's libcrypto (hardware-accelerated where the CPU has SHA extensions),
/// used for the manifest's input and output fingerprints.
public struct SHA256Digest: Sendable {
    private var context = SHA256_CTX()

    public init() {
        SHA256_Init(&context)
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        SHA256_Update(&context, base, bytes.count)
    }

    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    /// The digest as 64 lower-case hex characters.
    public mutating func finalizeHex() -> String {
        var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        SHA256_Final(&out, &context)
        let hex = Array("0123456789abcdef".utf8)
        var chars = [UInt8]()
        chars.reserveCapacity(64)
        for b in out {
            chars.append(hex[Int(b >> 4)])
            chars.append(hex[Int(b & 15)])
        }
        return String(decoding: chars, as: UTF8.self)
    }

    public static func hex(of data: Data) -> String {
        var d = SHA256Digest()
        d.update(data)
        return d.finalizeHex()
    }

    /// Hashes a file in 4 MiB reads, so memory stays flat for gigabyte inputs.
    public static func hex(ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var d = SHA256Digest()
        while let chunk = try handle.read(upToCount: 4 << 20), !chunk.isEmpty { d.update(chunk) }
        return d.finalizeHex()
    }
}
