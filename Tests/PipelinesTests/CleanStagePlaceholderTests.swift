import Columns
import Testing
@testable import Pipelines

/// A Salesforce lead says `[not provided]` for its company; the account of the same person has
/// the real one. Cleaning must hand resolution a null, count it and flag the row.
@Suite struct CleanStagePlaceholderTests {
    static func customers(_ rows: [(id: String, name: String?, email: String?, phone: String?, company: String?)]) throws -> Table {
        try Table(name: "customers", columns: [
            ("customer_id", .string(StringColumn(rows.map { Optional($0.id) }))),
            ("name", .string(StringColumn(rows.map(\.name)))),
            ("email", .string(StringColumn(rows.map(\.email)))),
            ("phone", .string(StringColumn(rows.map(\.phone)))),
            ("company", .string(StringColumn(rows.map(\.company)))),
        ])
    }

    @Test(arguments: [
        // (company cell, expected company after clean, expected flag)
        ("[not provided]", nil, "company"),
        ("N/A", nil, "company"),
        ("暂无", nil, "company"),
        ("  none ", nil, "company"),
        ("Acme Ltd", "Acme Ltd", nil),
        ("Test Industries", "Test Industries", nil),
    ] as [(String, String?, String?)])
    func companyPlaceholders(cell: String, company: String?, flag: String?) throws {
        var table = try Self.customers([("00Q1", "Wang Fang", "wang@example.com", "13800138000", cell)])
        let counts = try CleanStage.nullPlaceholders(in: &table)
        #expect(table["company"]?.strings?[0] == company)
        #expect(table[CleanStage.placeholderFlagColumn]?.strings?[0] == flag)
        #expect(counts.total == (flag == nil ? 0 : 1))
        #expect((counts.note != nil) == (flag != nil))
    }

    @Test func countsPerColumnAndPlaceholderReachTheNotes() throws {
        let table = try Self.customers([
            ("00Q1", "Li Lei", "li@example.com", "N/A", "[not provided]"),
            ("00Q2", "未知", "none", "-", "[not provided]"),
            ("0011", "Li Lei", "li@example.com", "13800138000", "北京星辰科技有限公司"),
            ("0012", nil, nil, nil, nil),
        ])
        let outcome = try CleanStage().run(table)
        let c = outcome.customers
        #expect(outcome.placeholders.count(column: "company", placeholder: "[not provided]") == 2)
        #expect(outcome.placeholders.count(column: "phone", placeholder: "N/A") == 1)
        #expect(outcome.placeholders.count(column: "phone", placeholder: "-") == 1)
        #expect(outcome.placeholders.count(column: "name", placeholder: "未知") == 1)
        #expect(outcome.placeholders.count(column: "email", placeholder: "none") == 1)
        #expect(outcome.placeholders.total == 6)
        #expect((0..<4).map { c[CleanStage.placeholderFlagColumn]?.strings?[$0] } == ["phone,company", "name,email,phone,company", nil, nil])
        // A placeholder phone is missing, not an invalid number; a placeholder e-mail likewise.
        #expect(outcome.invalidPhones == 0 && outcome.invalidEmails == 0)
        #expect(c["phone_valid"]?.isNull(0) == true)
        let note = try #require(outcome.notes.first { $0.contains("placeholder") })
        #expect(note.contains("6 placeholder values") && note.contains("company: \"[not provided]\" 2"))
    }

    /// Resolution after cleaning: the lead and the account are one person, and the golden record
    /// keeps the account's company rather than the placeholder.
    @Test func goldenRecordDoesNotKeepThePlaceholder() throws {
        let table = try Self.customers([
            ("00Q1", "Li Lei", "li.lei@example.com", "13800138000", "[not provided]"),
            ("0011", "Li Lei", "li.lei@example.com", "13800138000", "Northwind Traders"),
        ])
        let cleaned = try CleanStage().run(table).customers
        let resolved = try #require(try ResolveStage(settings: ResolutionSettings()).run([.customers: cleaned]))
        let golden = try #require(resolved.tables[.customers])
        let companies = (0..<golden.rowCount).compactMap { golden["company"]?.strings?[$0] }
        #expect(!companies.contains("[not provided]"))
        #expect(companies.contains("Northwind Traders"))
    }

    @Test func dictionaryEncodedColumnsAreCleanedToo() throws {
        let column = StringColumn(["N/A", "Acme", "N/A", nil]).dictionaryEncoded()
        var table = try Table(name: "customers", columns: [("company", .string(column))])
        let counts = try CleanStage.nullPlaceholders(in: &table)
        #expect((0..<4).map { table["company"]?.strings?[$0] } == [nil, "Acme", nil, nil])
        #expect(counts.count(column: "company", placeholder: "N/A") == 2)
    }
}
