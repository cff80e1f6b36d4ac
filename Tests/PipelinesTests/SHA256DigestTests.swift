import Foundation
import Testing
import Checksums

@Suite struct SHA256DigestTests {
    /// FIPS 180-2 test vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, hex: String) {
        #expect(SHA256Digest.hex(of: Data(input.utf8)) == hex)
    }

    @Test func fileHashEqualsDataHash() throws {
        let path = NSTemporaryDirectory() + "sha-\(getpid()).bin"
        let data = Data((0..<(5 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try SHA256Digest.hex(ofFile: path) == SHA256Digest.hex(of: data))
        #expect(throws: (any Error).self) { try SHA256Digest.hex(ofFile: path + ".missing") }
    }
}
