import Columns
import Testing
@testable import Pipelines

/// `name` composed from split name columns, as contact exports (Salesforce, HubSpot, Zoho, 姓/名)
/// deliver them — including after a profile already put one part into `name`.
@Suite struct CustomerNamePartsTests {
    /// (columns, rows, expected names, rows composed)
    static let cases: [(String, [String], [[String?]], [String?], Int)] = [
        ("both parts, no name", ["First Name", "Last Name"], [["Mary", "Smith"], ["Chidi", nil], [nil, nil]],
         ["Mary Smith", "Chidi", nil], 2),
        ("HubSpot: First Name became name", ["name", "Last Name"], [["Mary", "Smith"], ["Wei", nil]], ["Mary Smith", "Wei"], 1),
        ("Salesforce: LastName became name", ["name", "FirstName"], [["Okafor", "Chidi"], ["Marin", nil]], ["Chidi Okafor", "Marin"], 1),
        ("compound name kept", ["name", "FirstName", "LastName"], [["Mary Smith", "Mary", "Smith"], ["Smith, Mary", "Mary", "Smith"]],
         ["Mary Smith", "Smith, Mary"], 0),
        ("姓 and 名", ["姓", "名"], [["张", "三丰"], ["欧阳", "娜娜"]], ["张三丰", "欧阳娜娜"], 2),
        ("given_name / surname", ["given_name", "surname"], [["michaela", "neumann"]], ["michaela neumann"], 1),
        ("no part columns", ["name", "city"], [["Mary", "Perth"]], ["Mary"], 0),
        ("name missing on some rows only", ["name", "first_name", "last_name"], [["Li Lei", "Lei", "Li"], [nil, "Han", "Meimei"]],
         ["Li Lei", "Han Meimei"], 1),
    ]

    @Test(arguments: cases.map(\.0))
    func composes(_ label: String) throws {
        let c = Self.cases.first { $0.0 == label }!
        var table = try Table(name: "customers", columns: c.1.enumerated().map { i, name in
            (name, .string(StringColumn(c.2.map { $0[i] })))
        })
        let composed = try CustomerNameParts.compose(&table)
        #expect(composed == c.4)
        #expect((0..<table.rowCount).map { table["name"]?.text(at: $0) } == c.3)
        // The parts stay as extra attributes.
        for column in c.1 { #expect(table[column] != nil || column == "name") }
    }
}

/// Extra attributes under their many headers take the names resolution compares.
@Suite struct CustomerAttributeNamesTests {
    /// (headers, attribute names after standardizing)
    static let cases: [([String], [String])] = [
        (["customer_id", "date_of_birth", "soc_sec_id", "postcode", "address_1"], ["customer_id", "birth_date", "id_number", "postcode", "address"]),
        (["customer_id", "DOB", "Zip Code", "Street Address"], ["customer_id", "birth_date", "postcode", "address"]),
        (["customer_id", "出生日期", "身份证号", "邮编", "详细地址"], ["customer_id", "birth_date", "id_number", "postcode", "address"]),
        (["customer_id", "birth_date", "Birthday"], ["customer_id", "birth_date", "Birthday"]),
        (["customer_id", "Tax ID"], ["customer_id", "id_number"]),
        (["customer_id", "nickname"], ["customer_id", "nickname"]),
    ]

    @Test(arguments: cases.indices)
    func standardizes(_ i: Int) throws {
        let (headers, expected) = Self.cases[i]
        var table = try Table(name: "customers", columns: headers.map { ($0, .string(StringColumn(["v-" + $0]))) })
        _ = try CustomerAttributeNames.standardize(&table)
        #expect(Set(table.columnNames) == Set(expected))
        // The values travel with the column.
        if let dob = headers.first(where: { ["date_of_birth", "DOB", "出生日期"].contains($0) }) {
            #expect(table["birth_date"]?.text(at: 0) == "v-" + dob)
        }
    }
}
