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
        let all = baseColumnNames
        let names = columns ?? all
        for n in names where !all.contains(n) { throw unknown(n, "--columns") }
        var keys = [SortKey]()
        for s in sort {
            let descending = s.hasPrefix("-")
            let name = descending ? String(s.dropFirst()) : s
            guard all.contains(name) else { throw unknown(name, "--sort") }
            keys.append(SortKey(name, descending: descending))
        }
        let base = try shown(names + keys.map(\.column))
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

    /// Every column of the base table, read or not.
    var baseColumnNames: [String] { baseFile?.columnNames ?? base.columnNames }

    /// The base table with at least `names`: those the query did not read come from the file,
    /// in the file's encoding (dictionary columns as the writer had them).
    private func shown(_ names: [String]) throws(ResultOptionError) -> Table {
        guard let baseFile else { return base }
        var table = base
        for name in names where table[name] == nil {
            do {
                guard let column = try baseFile.column(name) else { continue }
                try table.add(name, column)
            } catch {
                throw ResultOptionError(description: "\(error)")
            }
        }
        return table
    }

    private func unknown(_ name: String, _ option: String) -> ResultOptionError {
        let all = baseColumnNames
        let hint = NameSuggestion.hint(for: name, in: all)
        let valid = hint.isEmpty ? " (columns: \(all.joined(separator: ", ")))" : hint
        return ResultOptionError(description: "\(option): \(base.name) has no column '\(name)'\(valid)")
    }
}
