import Columns

/// Maps a source's headers onto output columns: explicit `columnMap` entries first, then aliases
/// for the canonical table, then every remaining header as an extra column under its own
/// (de-duplicated) name. Canonical columns come first in canonical order, extras after in file order.
struct HeaderMapping {
    struct Mapped {
        var name: String
        var header: String
        var sourceIndex: Int
        var canonical: Bool
    }

    var columns: [Mapped]
    var unmappedHeaders: [String]

    static func map(headers: [String], table: CanonicalTable?, columnMap: [String: String], path: String)
        throws(IngestError) -> HeaderMapping
    {
        var claimed = [Int: String]()  // header index → output name
        func find(_ header: String) -> Int? {
            if let i = headers.indices.first(where: { headers[$0] == header && claimed[$0] == nil }) { return i }
            let n = HeaderAliases.normalize(header)
            return headers.indices.first { HeaderAliases.normalize(headers[$0]) == n && claimed[$0] == nil }
        }

        for (canonical, header) in columnMap.sorted(by: { $0.key < $1.key }) {
            if let table, table.field(canonical) == nil { throw .unknownColumn(path: path, column: canonical, table: table) }
            guard let i = find(header) else {
                throw .unknownMappedHeader(path: path, canonical: canonical, header: header, headers: headers)
            }
            claimed[i] = canonical
        }
        var columns: [Mapped] = []
        var unmapped: [String] = []
        if let table {
            for (i, h) in headers.enumerated() where claimed[i] == nil {
                if let c = HeaderAliases.canonical(for: h, in: table), !claimed.values.contains(c) { claimed[i] = c }
            }
            for field in table.fields {
                if let (i, _) = claimed.first(where: { $0.value == field.name }) {
                    columns.append(Mapped(name: field.name, header: headers[i], sourceIndex: i, canonical: true))
                }
            }
            if !columns.contains(where: { $0.name == table.key }) {
                throw .missingKeyColumn(path: path, table: table, key: table.key, headers: headers)
            }
        } else {
            for (i, h) in headers.enumerated() where claimed[i] != nil {
                columns.append(Mapped(name: claimed[i]!, header: h, sourceIndex: i, canonical: false))
            }
        }
        var used = Set(columns.map(\.name))
        for (i, h) in headers.enumerated() where claimed[i] == nil {
            let base = h.trimmingSpaces.isEmpty ? "column_\(i + 1)" : h.trimmingSpaces
            var name = base
            var n = 2
            while used.contains(name) {
                name = "\(base)_\(n)"
                n += 1
            }
            used.insert(name)
            columns.append(Mapped(name: name, header: h, sourceIndex: i, canonical: false))
            if table != nil { unmapped.append(h) }
        }
        if table == nil { columns.sort { $0.sourceIndex < $1.sourceIndex } }
        return HeaderMapping(columns: columns, unmappedHeaders: unmapped)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
