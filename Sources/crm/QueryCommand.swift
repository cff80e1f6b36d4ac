import ArgumentParser
import Columns
import Foundation
import Query
import Reports
import Snapshot

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Select customers from the last run's snapshot with a segment expression.",
        discussion: """
        The expression is a condition on customers. It may use their columns, as_of (the run's as-of date), durations (90d, 2w, 6m, 1y), functions (year, quarter, month, day, weekday, date, lower, upper, trim, length, abs, round, coalesce), aggregates over related tables joined on customer_id (count, sum, avg, min, max, each with an optional where), and saved segments (@name, from segments.json in the snapshot folder). Nulls behave as in SQL: a comparison with null is unknown, and only rows where the whole condition is true are selected.

        Examples:
          crm query "region = '华东' and vip"
          crm query "last_order < as_of - 90d" --columns customer_id,name,phone
          crm query "count(orders where amount > 1000) >= 3" --count
          crm query "sum(orders.amount where order_date >= '2025-01-01') > 5000" \
                    --sort -lifetime_value --limit 20
          crm query "year(first_order) = 2024" --format csv > campaign.csv
          crm query "@重要价值客户 and region in ('华东', '华南')" --format json
          crm query "name like '张%' or name contains '公司'" --explain

        Exit status 0 on success; 1 otherwise, with the error on stderr: its line:column, the query, and a caret under the offending part, naming the nearest valid column.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: "The segment expression (quote it for the shell).")
    var expression: String

    @Option(help: "Snapshot folder (default: reports/snapshot of the project, the last nightly run).")
    var snapshot: String?

    @Option(help: "Columns to show, comma-separated (default: all customer columns).")
    var columns: String?

    @Option(parsing: .unconditional, help: "Sort by columns, comma-separated; -name sorts descending (--sort=-name also works).")
    var sort: String?

    @Option(help: "At most this many rows.")
    var limit: Int?

    @Option(help: "table (aligned), csv (RFC 4180, UTF-8) or json (an array, one object per line).")
    var format: Format = .table

    @Flag(help: "Print only the number of matching customers.")
    var count = false

    @Flag(help: "Print the typed expression tree and the operators that ran, instead of the rows.")
    var explain = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let folder = snapshot ?? Self.defaultSnapshot()
        let segments: [String: String]
        let query: SegmentQuery
        do {
            segments = try SegmentFile.load(directory: folder)
            query = try SegmentQuery.open(expression, snapshotDirectory: folder, segments: segments)
        } catch let error as QueryError {
            printError(error.rendered(in: expression))
            throw ExitCode(1)
        } catch {
            printError("crm query: \(error)")
            throw ExitCode(1)
        }
        do {
            if explain {
                print(try query.explain())
                return
            }
            let rows = try query.run()
            if count {
                print(rows.count)
                return
            }
            let list = columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            let keys = sort.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
            let table = try query.result(rows: rows, columns: list, sort: keys, limit: limit)
            switch format {
            case .table: print(TextTable.render(table))
            case .json: print(JSONRows.render(table))
            case .csv: FileHandle.standardOutput.write(Data(CSVWriter.encode(table, bom: false)))
            }
        } catch let error as QueryError {
            printError(error.rendered(in: expression))
            throw ExitCode(1)
        } catch let error as ResultOptionError {
            printError("crm query: \(error)")
            throw ExitCode(1)
        }
    }

    /// `reports/snapshot` in the project: the nearest folder, from here up, with a `pipelines/`
    /// or `reports/` folder; else `reports/snapshot` here.
    static func defaultSnapshot() -> String {
        let fm = FileManager.default
        var dir = fm.currentDirectoryPath
        while true {
            var isDir: ObjCBool = false
            for marker in ["pipelines", "reports"] where fm.fileExists(atPath: dir + "/" + marker, isDirectory: &isDir) && isDir.boolValue {
                return dir + "/reports/snapshot"
            }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return "reports/snapshot" }
            dir = parent
        }
    }
}
