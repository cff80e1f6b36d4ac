import Columns
import Testing
@testable import Cleaning

@Suite struct ValidatorTests {
    static let formatCases: [(ValueFormat, String, Bool)] = [
        (.phone, "138 1234 5678", true), (.phone, "1234", false), (.mobile, "010-88886666", false),
        (.mobile, "+86 13812345678", true), (.email, "a@b.com", true), (.email, "a@b", false),
        (.number, "1,234.50", true), (.number, "-12", true), (.number, "1.2.3", false), (.number, "abc", false),
        (.postcode, "100080", true), (.postcode, "10008", false), (.postcode, "１００１００", true),
        (.idNumber, "11010519491231002X", true), (.idNumber, "110105194912310021", false),
        (.idNumber, "11010519491331002X", false), (.idNumber, "1101051949123100", false),
        (.idNumber, "11010519491231002x", true), (.idNumber, "440524188001010014", false), (.number, "+3.5", true),
    ]

    @Test(arguments: formatCases)
    func formats(_ c: (ValueFormat, String, Bool)) {
        #expect((c.0.problem(with: c.1) == nil) == c.2)
    }

    @Test func rulesQuarantineOrFlagWithReasons() throws {
        let t = try Table(name: "customers", columns: [
            ("customer_id", .string(StringColumn(["C1", nil, "C3", "C4"]))),
            ("email", .string(StringColumn(["a@b.com", "bad", nil, "c@d.com"]))),
            ("level", .string(StringColumn(["VIP", "普通", "ＶＩＰ", "gold"]))),
        ])
        let rules = [
            ValidationRule(column: "customer_id", check: .required, action: .quarantine),
            ValidationRule(column: "email", check: .format(.email), action: .flag),
            ValidationRule(column: "level", check: .allowedValues(["VIP", "普通"]), action: .flag),
        ]
        let r = try Validator.validate(t, rules: rules)
        #expect(r.quarantinedRows == [1])
        #expect(r.issueCount == 3)
        let issues = r.issues
        #expect((0..<3).map { issues["row"]!.text(at: $0)! } == ["1", "1", "3"])
        #expect((0..<3).map { issues["rule"]!.text(at: $0)! } == ["required", "format:email", "allowed_values"])
        #expect(issues["reason"]!.text(at: 2)!.contains("gold"))
    }

    @Test func unknownColumnIsAnError() throws {
        let t = try Table(name: "customers", columns: [("name", .string(StringColumn(["x"])))])
        #expect(throws: ValidationError.self) {
            try Validator.validate(t, rules: [ValidationRule(column: "phone", check: .required, action: .flag)])
        }
    }

    @Test func emptyTableHasNoIssues() throws {
        let t = try Table(name: "customers", columns: [("name", .string(StringColumn([])))])
        let r = try Validator.validate(t, rules: [ValidationRule(column: "name", check: .required, action: .quarantine)])
        #expect(r.quarantinedRows.isEmpty && r.issueCount == 0)
    }
}
