import Columns
import Testing
@testable import Reports

@Suite struct PIIMaskTests {
    @Test(arguments: [
        ("13812341234", "138****1234"),
        ("138 1234 1234", "138****1234"),
        ("+86 138-1234-1234", "138****1234"),
        ("008613812341234", "138****1234"),
        ("8613812341234", "138****1234"),
        ("010-8888 1234", "****1234"),
        ("0571-87654321", "****4321"),
        ("400-123-4567", "****4567"),
        ("+1 415 555 0100", "****0100"),
        ("1234", "****"),
        ("", "****"),
        ("not a phone", "****"),
        ("12812341234", "****1234"),
        ("\t+86 138 1234 1234 ", "138****1234"),
        ("  0044 20 7946 0958", "****0958"),
        ("+86 １３８ 1234 1234", "****1234"),   // full-width digits are not read as digits
        ("电话 13812341234 转 8", "****2348"),   // with an extension it is no plain mobile
    ])
    func phones(input: String, expected: String) {
        #expect(PIIMask.phone(input) == expected)
    }

    @Test(arguments: [
        ("zhang@example.com", "z***@example.com"),
        ("  Li.Na@corp.cn ", "L***@corp.cn"),
        ("王@例子.中国", "王***@例子.中国"),
        ("a@b@c.com", "a***@c.com"),
        ("@example.com", "***"),
        ("nobody", "***"),
        ("x@", "***"),
        ("", "***"),
    ])
    func emails(input: String, expected: String) {
        #expect(PIIMask.email(input) == expected)
    }

    @Test(arguments: [
        ("张伟", "张*"), ("欧阳娜娜", "欧***"), ("王", "王*"), ("John Smith", "J*** S***"), ("  Li  Na ", "L*** N***"),
        ("", ""),
    ])
    func names(input: String, expected: String) {
        #expect(PIIMask.name(input) == expected)
    }
}

extension PIIMaskTests {
    @Test func masksNamedColumnsOfATableAndKeepsTheRest() throws {
        let t = try Table(name: "customers", columns: [
            ("customer_id", .string(StringColumn(["C1", "C2", "C3"]))),
            ("name", .string(StringColumn(["张伟", nil, "John Smith"]))),
            ("phone", .string(StringColumn(["13812341234", "010-88881234", nil]))),
            ("email", .string(StringColumn(["zhang@example.com", "x", nil]).dictionaryEncoded())),
        ])
        let m = try PIIMask.masking(t, [("name", .name), ("phone", .phone), ("email", .email)])
        #expect(m.columnNames == t.columnNames)
        #expect((0..<3).map { m["customer_id"]!.text(at: $0) } == ["C1", "C2", "C3"])
        #expect((0..<3).map { m["name"]!.text(at: $0) } == ["张*", nil, "J*** S***"])
        #expect((0..<3).map { m["phone"]!.text(at: $0) } == ["138****1234", "****1234", nil])
        #expect((0..<3).map { m["email"]!.text(at: $0) } == ["z***@example.com", "***", nil])
    }

    @Test func missingOrNonStringColumnIsAnError() throws {
        let t = try Table(name: "customers", columns: [("amount", .double(PrimitiveColumn(values: [1.0])))])
        #expect(throws: TableError.self) { try PIIMask.masking(t, [("phone", .phone)]) }
        #expect(throws: TableError.typeMismatch(table: "customers", column: "amount", expected: .string, got: .double)) {
            try PIIMask.masking(t, [("amount", .phone)])
        }
    }
}

extension PIIMaskTests {
    /// A table's e-mails are masked from their bytes; whatever the bytes, the result is what the
    /// per-value rule (`PIIMask.email`) gives. Every string of up to three fragments is tried.
    @Test func tableMaskingOfEmailsMatchesThePerValueRule() throws {
        let fragments = ["a", "Z", "@", ".", " ", "\t", "\r\n", "王", "é", "e\u{301}", "-", "cn", "@@", ""]
        var values: [String] = []
        for x in fragments { for y in fragments { for z in fragments { values.append(x + y + z) } } }
        let t = try Table(name: "customers", columns: [("email", .string(StringColumn(values)))])
        let m = try PIIMask.masking(t, [("email", .email)])
        for (i, v) in values.enumerated() {
            #expect(m["email"]!.text(at: i) == PIIMask.email(v), "\(v.debugDescription)")
        }
    }
}
