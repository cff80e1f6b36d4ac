import Cleaning
import Columns
import Ingest

/// Contact exports split the name into given and family name columns (Salesforce FirstName /
/// LastName, HubSpot and Zoho "First Name" / "Last Name", 姓 / 名). Matching, reports and golden
/// records work on one `name`, so it is composed from the parts — which stay as extra attributes.
enum CustomerNameParts {
    /// Fills `name` from the parts on rows where it is missing or holds just one part (profiles
    /// fall back to LastName or First Name when an export has no compound name, and that column
    /// is then no longer an extra). Returns how many rows were composed; a table without part
    /// columns is left as it is.
    static func compose(_ table: inout Table) throws -> Int {
        func part(_ headers: Set<String>) -> Column? {
            table.columnNames.first { $0 != "name" && headers.contains(HeaderAliases.normalize($0)) }.flatMap { table[$0] }
        }
        let given = part(PersonNameNormalizer.givenNameHeaders), family = part(PersonNameNormalizer.familyNameHeaders)
        guard given != nil || family != nil else { return 0 }
        let existing = table["name"]
        var names: [String?] = []
        names.reserveCapacity(table.rowCount)
        var composed = 0
        for r in 0..<table.rowCount {
            let current = existing?.text(at: r).flatMap { $0.isEmpty ? nil : $0 }
            let g = given?.text(at: r).flatMap { $0.isEmpty ? nil : $0 }, f = family?.text(at: r).flatMap { $0.isEmpty ? nil : $0 }
            var full: String?
            if current == nil || current == g || current == f {
                full = PersonNameNormalizer.compose(given: g, family: f)
            } else if let current, given == nil, let f, !current.lowercased().contains(f.lowercased()) {
                full = PersonNameNormalizer.compose(given: current, family: f)
            } else if let current, family == nil, let g, !current.lowercased().contains(g.lowercased()) {
                full = PersonNameNormalizer.compose(given: g, family: current)
            }
            if let full, full != current {
                names.append(full)
                composed += 1
            } else {
                names.append(current)
            }
        }
        guard composed > 0 else { return 0 }
        try table.add("name", .string(StringColumn(names)))
        return composed
    }
}
