import Columns

/// A wrong `--columns` or `--sort` name, with the nearest valid one.
public struct ResultOptionError: Error, CustomStringConvertible {
    public let description: String
}

extension SegmentQuery {
    /// The selected rows as a table: `columns` of the base table (all when nil), ordered by
    /// `sort` (`name` ascending, `-name` descending; nulls as the sort kernel orders them), at
    /// most `limit` rows.
    public func result(rows: SelectionVector, columns: [String]?, sort: [String] = [], limit: Int? = nil) throws(ResultOptionError) -> Table {
        let names = columns ?? base.columnNames
        for n in names where base[n] == nil { throw unknown(n, "--columns") }
        var keys = [SortKey]()
        for s in sort {
            let descending = s.hasPrefix("-")
            let name = descending ? String(s.dropFirst()) : s
            guard base[name] != nil else { throw unknown(name, "--sort") }
            keys.append(SortKey(name, descending: descending))
        }
        var order: [Int]
        do {
            if keys.isEmpty {
                order = rows.map { $0 }
            } else if let limit, limit < rows.count {
                order = try base.topK(limit, by: keys, within: rows)
            } else {
                order = try base.sortPermutation(by: keys, within: rows)
            }
        } catch {
            throw ResultOptionError(description: "--sort: \(error)")
        }
        if let limit, order.count > limit { order = Array(order.prefix(limit)) }
        do {
            return try base.gather(order).select(names)
        } catch {
            throw ResultOptionError(description: "\(error)")
        }
    }

    private func unknown(_ name: String, _ option: String) -> ResultOptionError {
        let hint = NameSuggestion.hint(for: name, in: base.columnNames)
        let valid = hint.isEmpty ? " (columns: \(base.columnNames.joined(separator: ", ")))" : hint
        return ResultOptionError(description: "\(option): \(base.name) has no column '\(name)'\(valid)")
    }
}
