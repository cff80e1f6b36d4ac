import Cleaning
import Columns

extension CleanStage {
    /// Customer columns in which a placeholder (`PlaceholderValues`) means "not known". The id and
    /// dates are not text people fill in; tags are free labels a company may legitimately call "none".
    static let placeholderColumns = ["name", "email", "phone", "company", "industry", "region", "city", "source", "owner"]

    /// Placeholders found, per column, per `PlaceholderValues.standard` entry.
    struct PlaceholderCounts {
        var byColumn: [(column: String, counts: [Int])] = []

        var total: Int { byColumn.reduce(0) { $0 + $1.counts.reduce(0, +) } }

        func count(column: String, placeholder: String) -> Int {
            guard let i = PlaceholderValues.standard.firstIndex(of: placeholder),
                  let c = byColumn.first(where: { $0.column == column }) else { return 0 }
            return c.counts[i]
        }

        /// `clean: 31 placeholder values treated as missing (company: "[not provided]" 30; phone: "N/A" 1) …`
        var note: String? {
            guard total > 0 else { return nil }
            let parts = byColumn.compactMap { entry -> String? in
                let found = entry.counts.enumerated().filter { $0.element > 0 }
                guard !found.isEmpty else { return nil }
                return entry.column + ": " + found.map { "\"\(PlaceholderValues.standard[$0.offset])\" \($0.element)" }.joined(separator: ", ")
            }
            return "clean: \(total) placeholder values treated as missing (\(parts.joined(separator: "; "))); "
                + "the columns each row lost are listed in \(CleanStage.placeholderFlagColumn)"
        }
    }

    /// Per row, the columns whose placeholder was made null (`company,phone`), null on clean rows.
    static let placeholderFlagColumn = "placeholder_fields"

    /// Makes placeholder values null in `placeholderColumns`, before any normalizer or the resolve
    /// stage sees them: resolution then neither matches on `[not provided]` nor lets it survive into
    /// a golden record. Nothing is dropped silently: the counts become a note and every touched
    /// row names its columns in `placeholder_fields`.
    static func nullPlaceholders(in table: inout Table) throws -> PlaceholderCounts {
        let n = table.rowCount
        let present = placeholderColumns.filter { table[$0]?.strings != nil }
        var counts = PlaceholderCounts()
        // Bit c of rowMask[r]: column present[c] held a placeholder in row r.
        var rowMask = [UInt16](repeating: 0, count: n)
        for (c, name) in present.enumerated() {
            guard var column = table[name]?.strings else { continue }
            var perPlaceholder = [Int](repeating: 0, count: PlaceholderValues.standard.count)
            let matches = placeholderMatches(column)
            var validity = column.validity
            for r in 0..<n {
                let m = matches(r)
                guard m >= 0 else { continue }
                perPlaceholder[m] += 1
                validity.set(r, valid: false)
                rowMask[r] |= 1 << UInt16(c)
            }
            guard perPlaceholder.contains(where: { $0 > 0 }) else { continue }
            column.validity = validity
            try table.add(name, .string(column))
            counts.byColumn.append((name, perPlaceholder))
        }
        if counts.total > 0 {
            // Few distinct masks: each combination's text is built once, rows reference it by code.
            var maskCode: [UInt16: Int32] = [:]
            var dictionary = StringBuffer()
            var codes = [Int32](repeating: 0, count: n)
            var validity = Validity(allValid: 0)
            validity.reserveCapacity(n)
            for r in 0..<n {
                let mask = rowMask[r]
                guard mask != 0 else { validity.append(false); continue }
                if let code = maskCode[mask] {
                    codes[r] = code
                } else {
                    let code = Int32(dictionary.count)
                    dictionary.append(present.indices.filter { mask & (1 << UInt16($0)) != 0 }.map { present[$0] }.joined(separator: ","))
                    maskCode[mask] = code
                    codes[r] = code
                }
                validity.append(true)
            }
            try table.add(placeholderFlagColumn, .string(StringColumn(storage: .dictionary(codes: codes, dictionary: dictionary), validity: validity)))
        }
        return counts
    }

    /// Row → index into `PlaceholderValues.standard`, or -1. A dictionary column is decided once per
    /// distinct value; a plain one per row, on its bytes.
    private static func placeholderMatches(_ column: StringColumn) -> (Int) -> Int {
        switch column.storage {
        case .dictionary(let codes, let dictionary):
            let perCode = (0..<dictionary.count).map { i in dictionary.withBytes(i) { PlaceholderValues.match($0) } ?? -1 }
            return { r in column.validity.isValid(r) ? perCode[Int(codes[r])] : -1 }
        case .plain:
            return { r in column.validity.isValid(r) ? column.withBytes(r) { PlaceholderValues.match($0) } ?? -1 : -1 }
        }
    }
}
