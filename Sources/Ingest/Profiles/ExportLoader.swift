import Columns
import Foundation

/// Loads every file of an export folder that a profile has a rule for, stacking files of the same
/// canonical table, and checks the profile's foreign keys across the loaded tables.
public enum ExportLoader {
    public struct Export: Sendable {
        public var tables: [CanonicalTable: Table] = [:]
        public var files: [ProfileLoader.Loaded] = []
        /// Files in the folder no rule matched (lookup-only files such as crm_stage are read by lookups, not loaded).
        public var skippedFiles: [String] = []
        /// "opportunities.customer_id 'X' (file:line) has no customers row", at most a few per key.
        public var danglingReferences: [String] = []
    }

    public static func load(directory: String, profile: CRMProfile) throws(IngestError) -> Export {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted() } catch {
            throw .cannotOpen(path: directory, reason: "\(error)")
        }
        var export = Export()
        var parts: [CanonicalTable: [Table]] = [:]
        for name in names where !name.hasPrefix(".") {
            // A lookup file is loaded too when a rule of its own matches it (Salesforce's Account.csv
            // gives contacts their company name and is itself customers); otherwise it is only read.
            guard profile.rule(for: name) != nil else {
                export.skippedFiles.append(name)
                continue
            }
            let loaded = try ProfileLoader.load(path: directory + "/" + name, profile: profile)
            export.files.append(loaded)
            parts[loaded.rule.table, default: []].append(loaded.result.table)
        }
        for (table, tables) in parts {
            do {
                export.tables[table] = try tables.count == 1 ? tables[0] : Table.concatenate(tables, name: table.rawValue)
            } catch {
                throw .table(path: directory, error)
            }
        }
        export.danglingReferences = danglingReferences(export)
        return export
    }

    static func danglingReferences(_ export: Export) -> [String] {
        var out: [String] = []
        var checked = Set<String>()
        for file in export.files {
            for (column, target) in file.rule.foreignKeys.sorted(by: { $0.key < $1.key }) {
                let id = "\(file.rule.table.rawValue).\(column)"
                guard checked.insert(id).inserted, let from = export.tables[file.rule.table],
                      let refs = from[column]?.strings,
                      let keys = export.tables[target]?[target.key]?.strings else { continue }
                var known = Set<String>()
                for r in 0..<keys.count { if let k = keys[r] { known.insert(k) } }
                var shown = 0
                for r in 0..<refs.count {
                    guard let v = refs[r], !known.contains(v) else { continue }
                    if shown < 5 {
                        let where_ = from.lineage.map { "\($0.source(of: r)):\($0.line[r])" } ?? "row \(r + 1)"
                        out.append("\(id) '\(v)' (\(where_)) has no \(target.rawValue) row")
                    }
                    shown += 1
                }
            }
        }
        return out
    }
}
