import Testing
@testable import Reports

/// `writeText` copies a field unchanged when `isPlainField` says so; that must be exactly what
/// the general path (sanitise, neutralise, quote) writes for it. Checked on curated edge cases at
/// every boundary the scan tests, and on random bytes biased towards UTF-8 lead bytes.
@Suite struct CSVPlainFieldTests {
    static func general(_ bytes: [UInt8]) -> [UInt8] {
        var w = CSVWriter(bom: false)
        bytes.withUnsafeBytes { w.writeFieldScalarByScalar($0) }
        return w.bytes
    }

    static func fast(_ bytes: [UInt8]) -> [UInt8] {
        var w = CSVWriter(bom: false)
        bytes.withUnsafeBytes { w.writeText($0) }
        return w.bytes
    }

    static let cases: [(String, [UInt8], Bool)] = [
        ("ASCII id", Array("KH00012345".utf8), true),
        ("Chinese name", Array("王侠林".utf8), true),
        ("mixed", Array("Katherine Hu 胡经理".utf8), true),
        ("Latin-1 letter", Array("José".utf8), true),
        ("full-width", Array("ｈｕｎｉｎｇ７９＠ｆｏｘｍａｉｌ．ｃｏｍ".utf8), true),
        ("empty", [], true),
        ("comma", Array("a,b".utf8), false),
        ("quote", Array("say \"hi\"".utf8), false),
        ("tab inside", Array("a\tb".utf8), false),
        ("formula", Array("=1+2".utf8), false),
        ("minus", Array("-12.5".utf8), false),
        ("DEL", [0x61, 0x7F], false),
        ("C1 control U+0085", [0xC2, 0x85], false),
        ("U+00A0", [0xC2, 0xA0], true),
        ("RLO U+202E", [0xE2, 0x80, 0xAE], false),
        ("U+2029 kept", [0xE2, 0x80, 0xA9], true),
        ("isolate U+2066", [0xE2, 0x81, 0xA6], false),
        ("U+2065 kept", [0xE2, 0x81, 0xA5], true),
        ("noncharacter U+FDD0", [0xEF, 0xB7, 0x90], false),
        ("U+FDF0 kept", [0xEF, 0xB7, 0xB0], true),
        ("U+FFFE", [0xEF, 0xBF, 0xBE], false),
        ("U+FFFD kept", [0xEF, 0xBF, 0xBD], true),
        ("surrogate", [0xED, 0xA0, 0x80], false),
        ("overlong", [0xE0, 0x80, 0x80], false),
        ("truncated", [0xE4, 0xB8], false),
        ("stray continuation", [0x61, 0x80], false),
        ("emoji", Array("👍".utf8), false),
    ]

    @Test(arguments: cases)
    func curatedFields(name: String, bytes: [UInt8], plain: Bool) {
        #expect(bytes.withUnsafeBytes { CSVWriter.isPlainField($0) } == plain, "\(name)")
        #expect(Self.fast(bytes) == Self.general(bytes), "\(name)")
        if plain { #expect(Self.general(bytes) == bytes, "\(name)") }
    }

    @Test func randomBytesWriteAsTheGeneralPathDoes() {
        var state: UInt64 = 0x5EED_C5F0
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let alphabet: [UInt8] = [0x41, 0x7A, 0x20, 0x2C, 0x22, 0x2D, 0x3D, 0x0A, 0x7F, 0x80, 0x85, 0xA0, 0xA6, 0xAE, 0xB7, 0xBF,
                                 0xBE, 0x90, 0xC2, 0xC3, 0xE0, 0xE2, 0xE4, 0xED, 0xEF, 0xF0, 0x81, 0xB8, 0xAD]
        var plainSeen = 0
        for _ in 0..<50_000 {
            let length = Int(next() % 7)
            let bytes = (0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            let plain = bytes.withUnsafeBytes { CSVWriter.isPlainField($0) }
            if plain { plainSeen += 1 }
            #expect(Self.fast(bytes) == Self.general(bytes), "\(bytes)")
            if plain { #expect(Self.general(bytes) == bytes, "\(bytes)") }
        }
        #expect(plainSeen > 1_000)
    }
}
