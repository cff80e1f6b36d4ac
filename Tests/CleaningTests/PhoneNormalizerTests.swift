import Testing
@testable import Cleaning

@Suite struct PhoneNormalizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let raw: String, value: String, kind: PhoneKind, valid: Bool
        init(_ raw: String, _ value: String, _ kind: PhoneKind, _ valid: Bool = true) {
            self.raw = raw; self.value = value; self.kind = kind; self.valid = valid
        }
        var testDescription: String { "\"\(raw)\"" }
    }

    static let cases: [Case] = [
        Case("13812345678", "+8613812345678", .mobile),
        Case("138 1234 5678", "+8613812345678", .mobile),
        Case("138-1234-5678", "+8613812345678", .mobile),
        Case("+86 138 1234 5678", "+8613812345678", .mobile),
        Case("+86-13812345678", "+8613812345678", .mobile),
        Case("(+86)13812345678", "+8613812345678", .mobile),
        Case("0086 13812345678", "+8613812345678", .mobile),
        Case("8613812345678", "+8613812345678", .mobile),
        Case("86 138 1234 5678", "+8613812345678", .mobile),
        Case("１３８１２３４５６７８", "+8613812345678", .mobile),
        Case("＋８６ １３８-１２３４-５６７８", "+8613812345678", .mobile),
        Case("  19912345678\t", "+8619912345678", .mobile),
        Case("013812345678", "+8613812345678", .mobile),
        Case("010-88886666", "+861088886666", .landline),
        Case("(010) 8888 6666", "+861088886666", .landline),
        Case("021-6123 4567", "+862161234567", .landline),
        Case("0755-12345678", "+8675512345678", .landline),
        Case("0371-6123456", "+863716123456", .landline),
        Case("+86 10 8888 6666", "+861088886666", .landline),
        Case("+86 (0)10 8888 6666", "+861088886666", .landline),
        Case("010-88886666 转 123", "+861088886666;ext=123", .landline),
        Case("010-88886666转8001", "+861088886666;ext=8001", .landline),
        Case("0755-12345678 ext. 42", "+8675512345678;ext=42", .landline),
        Case("0755-12345678-8001", "+8675512345678;ext=8001", .landline),
        Case("021 61234567 x12", "+862161234567;ext=12", .landline),
        Case("+861088886666;ext=123", "+861088886666;ext=123", .landline),
        Case("400-810-8888", "4008108888", .tollFree),
        Case("800 820 8820", "8008208820", .tollFree),
        Case("95588", "95588", .shortCode),
        Case("+1 (415) 555-2671", "+14155552671", .international),
        Case("001 415 555 2671", "+14155552671", .international),
        Case("+44 20 7946 0958", "+442079460958", .international),
        Case("+44 (0)20 7946 0958", "+442079460958", .international),
        Case("+852 2123 4567", "+85221234567", .international),
        // invalid: flagged, never invented
        Case("1381234567", "1381234567", .mobile, false),
        Case("138123456789", "138123456789", .mobile, false),
        Case("12345678901", "12345678901", .mobile, false),
        Case("88886666", "88886666", .landline, false),
        Case("010-8888666", "010-8888666", .landline, false),
        Case("tel: 138", "tel: 138", .unknown, false),
        Case("n/a", "n/a", .unknown, false),
        Case("+999 1234 5678", "+999 1234 5678", .international, false),
        Case("+1 415 555 267", "+1 415 555 267", .international, false),
        Case("", "", .empty, false),
        Case("  - ", "-", .empty, false),
        Case("010-88886666 转 1234567", "010-88886666 转 1234567", .unknown, false),
    ]

    @Test(arguments: cases)
    func normalizes(_ c: Case) {
        let p = PhoneNormalizer.normalize(c.raw)
        #expect(p.value == c.value)
        #expect(p.kind == c.kind)
        #expect(p.isValid == c.valid)
        #expect((p.issue == nil) == c.valid)
    }

    @Test func otherDefaultCountryWritesE164() {
        #expect(PhoneNormalizer.normalize("(415) 555-2671", defaultCountryCode: "1").value == "+14155552671")
        #expect(PhoneNormalizer.normalize("020 7946 0958", defaultCountryCode: "44").value == "+442079460958")
    }

    @Test func idempotentOnRandomCells() {
        var g = SeededGenerator(seed: 20261123)
        let fragments = ["1", "3", "8", "0", "5", "9", "4", "86", "+", "00", "-", " ", "(", ")", "１", "８", "转", "ext",
                         "x", "#", "010", "0755", "400", "138", "a", "电话", "　", ".", ";ext=", "＋", "2"]
        for _ in 0..<5000 {
            let raw = randomCell(fragments, maxParts: 9, using: &g)
            let once = PhoneNormalizer.normalize(raw)
            let twice = PhoneNormalizer.normalize(once.value)
            #expect(twice.value == once.value, "\(raw)")
            #expect(twice.kind == once.kind, "\(raw)")
            #expect(twice.isValid == once.isValid, "\(raw)")
        }
    }

    @Test func nothingIsInvented() {
        var g = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let digits = (0..<Int.random(in: 5...13, using: &g)).map { _ in String(Int.random(in: 0...9, using: &g)) }.joined()
            let p = PhoneNormalizer.normalize(digits)
            if p.isValid {
                // A prefix may be rewritten (+86, trunk 0); the subscriber digits never change.
                #expect(p.value.filter(\.isNumber).suffix(5) == digits.suffix(5), "\(digits) → \(p.value)")
            } else {
                #expect(p.value == digits)
            }
        }
    }
}
