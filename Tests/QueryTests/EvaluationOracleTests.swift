import Columns
import Foundation
import Snapshot
import Testing

@testable import Query

/// Every query's selected customers must equal DuckDB's for the same condition written in SQL,
/// over the same Arrow files (`QueryFixture` written with `SnapshotWriter`).
@Suite(.serialized) struct EvaluationOracleTests {
    static func orders(_ select: String, _ condition: String? = nil) -> String {
        "(SELECT \(select) FROM orders o WHERE o.customer_id = c.customer_id\(condition.map { " AND " + $0 } ?? ""))"
    }

    static func tickets(_ select: String, _ condition: String) -> String {
        "(SELECT \(select) FROM tickets t WHERE t.customer_id = c.customer_id AND \(condition))"
    }

    static let asOf = "DATE '2025-06-30'"

    static let segments = ["big": "lifetime_value > 5000", "east": "region = '华东'", "big_east": "@big and @east"]

    /// Our query → the same condition in DuckDB SQL.
    static let cases: [(String, String)] = [
        ("region = '华东'", "region = '华东'"),
        ("region != '华东'", "region <> '华东'"),
        ("not region = '华东'", "NOT (region = '华东')"),
        ("region in ('华东', '华南')", "region IN ('华东', '华南')"),
        ("region not in ('华东', '华南')", "region NOT IN ('华东', '华南')"),
        ("region is null", "region IS NULL"),
        ("email is not null and region is null", "email IS NOT NULL AND region IS NULL"),
        ("name contains '公司'", "contains(name, '公司')"),
        ("name starts_with '张'", "starts_with(name, '张')"),
        ("email ends_with '@qq.com'", "ends_with(email, '@qq.com')"),
        ("name like '李%'", "name LIKE '李%'"),
        ("name like '_明%'", "name LIKE '_明%'"),
        ("name not like '%公司%'", "name NOT LIKE '%公司%'"),
        ("name = 'O''Brien'", "name = 'O''Brien'"),
        ("lifetime_value > 5000", "lifetime_value > 5000"),
        ("lifetime_value between 1000 and 5000", "lifetime_value BETWEEN 1000 AND 5000"),
        ("lifetime_value not between 1000 and 5000", "lifetime_value NOT BETWEEN 1000 AND 5000"),
        ("order_count >= 3 or lifetime_value < 100", "order_count >= 3 OR lifetime_value < 100"),
        ("not (order_count >= 3 or lifetime_value < 100)", "NOT (order_count >= 3 OR lifetime_value < 100)"),
        ("not (order_count >= 3 and not vip) or region = '西南'", "NOT (order_count >= 3 AND NOT vip) OR region = '西南'"),
        ("vip", "vip"),
        ("not vip", "NOT vip"),
        ("vip = false or vip is null", "vip = false OR vip IS NULL"),
        ("(lifetime_value > 1000) = vip", "(lifetime_value > 1000) = vip"),
        ("last_order < as_of - 90d", "last_order < \(asOf) - INTERVAL 90 DAY"),
        ("last_order >= as_of - 6m", "last_order >= \(asOf) - INTERVAL 6 MONTH"),
        ("last_order + 2w > as_of - 1y", "last_order + INTERVAL 14 DAY > \(asOf) - INTERVAL 1 YEAR"),
        ("year(first_order) = 2024", "year(first_order) = 2024"),
        ("month(created_at) in (1, 2, 3)", "month(created_at) IN (1, 2, 3)"),
        ("weekday(last_order) = 0 or quarter(first_order) = 4", "weekday(last_order) = 0 OR quarter(first_order) = 4"),
        ("created_at >= '2024-01-01'", "created_at >= TIMESTAMPTZ '2024-01-01 00:00:00'"),
        ("date(created_at) = first_order - 1d", "CAST(created_at AS DATE) = first_order - INTERVAL 1 DAY"),
        ("last_order - first_order > 365", "last_order - first_order > 365"),
        ("count(orders where amount > 1000) >= 3", "\(orders("count(*)", "o.amount > 1000")) >= 3"),
        ("count(orders) = 0", "\(orders("count(*)")) = 0"),
        ("count(orders.amount) < count(orders)", "\(orders("count(o.amount)")) < \(orders("count(*)"))"),
        ("sum(orders.amount where order_date >= '2025-01-01') > 3000",
         "\(orders("sum(o.amount)", "o.order_date >= DATE '2025-01-01'")) > 3000"),
        ("avg(orders.amount) between 1000 and 1500", "\(orders("avg(o.amount)")) BETWEEN 1000 AND 1500"),
        ("max(orders.order_date) < as_of - 1y", "\(orders("max(o.order_date)")) < \(asOf) - INTERVAL 1 YEAR"),
        ("min(orders.order_date) >= '2023-06-01'", "\(orders("min(o.order_date)")) >= DATE '2023-06-01'"),
        ("max(orders.channel) = '微信'", "\(orders("max(o.channel)")) = '微信'"),
        ("sum(orders.quantity where paid) >= 6", "\(orders("sum(o.quantity)", "o.paid")) >= 6"),
        ("count(orders where channel = '微信' and not paid) >= 1", "\(orders("count(*)", "o.channel = '微信' AND NOT o.paid")) >= 1"),
        ("count(orders where amount > lifetime_value / 10) > 2", "\(orders("count(*)", "o.amount > c.lifetime_value / 10")) > 2"),
        ("count(orders where order_date between as_of - 60d and as_of) > 0",
         "\(orders("count(*)", "o.order_date BETWEEN \(asOf) - INTERVAL 60 DAY AND \(asOf)")) > 0"),
        ("count(tickets where satisfaction <= 2) > 0", "\(tickets("count(*)", "t.satisfaction <= 2")) > 0"),
        ("count(tickets where created_at >= '2025-03-01 08:00:00') >= 2",
         "\(tickets("count(*)", "t.created_at >= TIMESTAMPTZ '2025-03-01 08:00:00'")) >= 2"),
        ("region = '华东' and (vip or count(orders where amount > 2000) >= 1) and not email ends_with '@163.com'",
         "region = '华东' AND (vip OR \(orders("count(*)", "o.amount > 2000")) >= 1) AND NOT ends_with(email, '@163.com')"),
        ("coalesce(region, '未知') = '未知'", "coalesce(region, '未知') = '未知'"),
        ("length(trim(name)) > 3", "length(trim(name)) > 3"),
        ("lower(email) like '%@example.com'", "lower(email) LIKE '%@example.com'"),
        ("upper(name) contains 'BOB'", "contains(upper(name), 'BOB')"),
        ("lifetime_value * 2 + order_count > 10000", "lifetime_value * 2 + order_count > 10000"),
        ("-lifetime_value < -5000", "-lifetime_value < -5000"),
        ("abs(lifetime_value - 3000) <= 500", "abs(lifetime_value - 3000) <= 500"),
        ("round(lifetime_value / 3, 1) > 1000", "round(lifetime_value / 3, 1) > 1000"),
        ("lifetime_value / order_count > 2000", "lifetime_value / order_count > 2000"),
        ("order_count % 4 = 1", "order_count % 4 = 1"),
        ("客户等级 = 'A' or 客户等级 is null", "客户等级 = 'A' OR 客户等级 IS NULL"),
        ("customers.region = '华北' and 5000 < lifetime_value", "c.region = '华北' AND 5000 < lifetime_value"),
        ("@big and not @east", "lifetime_value > 5000 AND NOT (region = '华东')"),
        ("@big_east or count(orders where @east) > 4", "(lifetime_value > 5000 AND region = '华东') OR \(orders("count(*)", "c.region = '华东'")) > 4"),
        ("order_count in (1, lifetime_value, 3)", "order_count IN (1, lifetime_value, 3)"),
        ("coalesce(order_count, 0) + coalesce(lifetime_value, 0.5) > 4000",
         "coalesce(order_count, 0) + coalesce(lifetime_value, 0.5) > 4000"),
    ]

    /// With a repeated customer id (related rows join through the kernel) and without (the
    /// snapshot's precomputed owner rows, or the unique-key lookup in memory).
    @Test(arguments: [true, false])
    func matchesDuckDB(repeatedID: Bool) throws {
        let dir = try QueryFixture.writeSnapshot(segments: Self.segments, repeatedID: repeatedID)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snapshot = try SnapshotReader.open(directory: dir)
        let segments = try SegmentFile.load(directory: dir)
        let expected = try DuckDBOracle.run(folder: dir, whereClauses: Self.cases.map(\.1))
        #expect(Self.cases.count >= 40)
        let ids = snapshot["customers"]!["customer_id"]!.strings!
        var nonTrivial = 0
        for ((query, sql), oracle) in zip(Self.cases, expected) {
            let ours: [String]
            do {
                let rows = try SegmentQuery(query, snapshot: snapshot, segments: segments).run()
                ours = rows.map { ids[$0]! }.sorted()
                // As `crm query` runs it: only the named columns read, strings plain, and without
                // a repeated id the join taken from the snapshot's owner rows.
                let opened = try SegmentQuery.open(query, snapshotDirectory: dir, segments: segments)
                #expect(opened.owners.isEmpty == repeatedID || !query.contains("orders"))
                #expect(try opened.run() == rows, "\(query): the folder-opened query selects other rows")
            } catch {
                Issue.record("\(query): \(error)")
                continue
            }
            switch oracle {
            case .success(let theirs):
                #expect(ours == theirs, "\(query)  ⇔  \(sql): ours \(ours.count) rows, DuckDB \(theirs.count)")
                if !theirs.isEmpty && theirs.count < snapshot["customers"]!.rowCount { nonTrivial += 1 }
            case .failure(let e):
                Issue.record("DuckDB rejected \(sql): \(e)")
            }
        }
        // Cases that select nothing or everything prove little; nearly all must split the rows.
        #expect(nonTrivial >= Self.cases.count - 2)
    }
}

@Suite struct SnapshotFolderTests {
    /// The folder-opened query reads only the columns it names, yet its result shows any column,
    /// sorted by any column, exactly as the query over the whole snapshot in memory does.
    @Test(arguments: [
        ("region = '华东' and vip", nil as [String]?, ["-lifetime_value"]),
        ("count(orders where amount > 1000) >= 2", ["customer_id", "name", "email"], ["name", "-customer_id"]),
        ("sum(orders.amount where channel = '微信') > 500", nil, []),
    ])
    func resultShowsColumnsTheQueryDidNotRead(query: String, columns: [String]?, sort: [String]) throws {
        let dir = try QueryFixture.writeSnapshot(repeatedID: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let opened = try SegmentQuery.open(query, snapshotDirectory: dir)
        #expect(opened.base.columnCount < 4, "read \(opened.base.columnNames)")
        let whole = try SegmentQuery(query, snapshot: try SnapshotReader.open(directory: dir))
        let a = try opened.result(rows: try opened.run(), columns: columns, sort: sort, limit: 30)
        let b = try whole.result(rows: try whole.run(), columns: columns, sort: sort, limit: 30)
        #expect(a.rowCount > 0 && a.columnNames == b.columnNames && a.rowCount == b.rowCount)
        for (x, y) in zip(a.columns, b.columns) {
            #expect((0..<a.rowCount).map { x.text(at: $0) } == (0..<b.rowCount).map { y.text(at: $0) })
        }
        #expect(throws: ResultOptionError.self) { try opened.result(rows: try opened.run(), columns: ["nmae"]) }
    }

    /// A query on customers alone must not read the orders file: it works with that file damaged,
    /// and an order aggregate then fails naming the file.
    @Test func readsOnlyTheTablesAQueryNeeds() throws {
        let dir = try QueryFixture.writeSnapshot()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let all = try SegmentQuery("region = '华东'", snapshot: try SnapshotReader.open(directory: dir)).run()
        try Data("not arrow".utf8).write(to: URL(fileURLWithPath: dir + "/orders.arrow"))
        let q = try SegmentQuery.open("region = '华东'", snapshotDirectory: dir)
        #expect(q.related.map(\.name) == [])
        #expect(try q.run() == all)
        #expect(try SegmentQuery.open("count(tickets) > 1", snapshotDirectory: dir).related.map(\.name) == ["tickets"])
        do {
            _ = try SegmentQuery.open("count(orders) > 1", snapshotDirectory: dir)
            Issue.record("read a damaged orders file")
        } catch let error as SnapshotError {
            #expect(error.description.contains("orders.arrow"))
        }
        do {
            _ = try SegmentQuery.open("count(order) > 1", snapshotDirectory: dir)
            Issue.record("accepted an unknown table")
        } catch let error as QueryError {
            #expect(error.message.contains("did you mean 'orders'?"))
        }
    }
}
