import Testing

@testable import Snapshot

@Suite struct SHA256Tests {
    /// FIPS 180-4 / NIST example vectors, plus lengths around the 55/56/64-byte padding edges.
    static let vectors: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        ("华东", "142461b190ccf545a8047f4d3a04304d496b6bb42586ac408a97f3e7b76a2216"),
    ]

    @Test(arguments: vectors)
    func digest(input: String, expected: String) {
        var h = SHA256()
        h.update(Array(input.utf8))
        #expect(h.finalizeHex() == expected)
    }

    /// Feeding the same bytes in uneven pieces gives the same digest as one update.
    @Test(arguments: [1, 3, 63, 64, 65, 1000])
    func chunkingDoesNotMatter(chunk: Int) {
        var rng = SplitMix(UInt64(chunk))
        let bytes = (0..<5000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        var whole = SHA256()
        whole.update(bytes)
        var pieces = SHA256()
        var i = 0
        while i < bytes.count {
            pieces.update(Array(bytes[i..<min(bytes.count, i + chunk)]))
            i += chunk
        }
        #expect(pieces.finalizeHex() == whole.finalizeHex())
    }

    @Test func millionAs() {
        var h = SHA256()
        let block = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { h.update(block) }
        #expect(h.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
