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
