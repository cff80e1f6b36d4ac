import Columns
import Testing

@testable import Query

@Suite struct TypeCheckerTests {
    static let schema = QuerySchema(
        base: .init(name: "customers", columns: [
            ("customer_id", .string), ("name", .string), ("email", .string), ("region", .string), ("vip", .bool),
            ("created_at", .timestamp), ("first_order", .date), ("last_order", .date), ("lifetime_value", .double),
            ("order_count", .int64), ("客户等级", .string),
        ]),
        related: [
            .init(name: "orders", columns: [
                ("order_id", .string), ("customer_id", .string), ("order_date", .date), ("amount", .double),
                ("channel", .string), ("quantity", .int64), ("paid", .bool),
            ]),
            .init(name: "tickets", columns: [("ticket_id", .string), ("created_at", .timestamp), ("satisfaction", .int64)]),
        ],
        segments: ["vip_east", "churned", "重要价值客户"])

    static let valid: [String] = [
        "region = '华东'",
        "region in ('华东', '华南') and vip",
        "last_order < as_of - 90d",
        "year(first_order) = 2024",
        "count(orders where amount > 1000) >= 3",
        "sum(orders.amount where order_date >= '2025-01-01') > 5000",
        "avg(orders.amount) between 100 and 500.5",
        "max(orders.order_date) < as_of - 1y and min(orders.order_date) >= '2020-01-01'",
        "count(orders where channel = '微信' and not paid) = 0",
        "count(tickets where created_at >= '2025-06-01 08:00:00' and satisfaction <= 2) > 1",
        "count(orders where orders.amount > lifetime_value / 10) > 0",
        "name contains '公司' or email ends_with '@qq.com' or name like '张%'",
        "email is null or region is not null",
        "@vip_east and not @churned or @重要价值客户",
        "lifetime_value * 2 + order_count > 10000",
        "last_order - first_order > 365",
        "created_at > '2025-01-01'",
        "created_at < as_of",
        "客户等级 = 'A'",
        "coalesce(region, '未知') != '未知'",
        "length(trim(name)) > 0 and lower(email) = 'a@b.cn'",
        "month(created_at) in (1, 2, 3)",
        "customers.region = '华北'",
        "-lifetime_value < -5",
        "abs(lifetime_value - 100) <= 0.5",
    ]

    @Test(arguments: valid)
    func accepts(source: String) throws {
        _ = try TypeChecker.check(source, against: Self.schema)
    }

    /// Source → error message prefix and the text the caret underlines.
    static let invalid: [(String, String, String)] = [
        ("regon = '华东'", "unknown column 'regon' in customers (did you mean 'region'?)", "regon"),
        ("region = '华东' and lastorder < as_of", "unknown column 'lastorder' in customers (did you mean 'last_order'?)", "lastorder"),
        ("count(order where amount > 1) > 0", "count() ranges over a related table; 'order' is not one (did you mean 'orders'?)", "order"),
        ("count(orders where amout > 1) > 0", "unknown column 'amout' in orders (did you mean 'amount'?)", "amout"),
        ("sum(orders.amont) > 1", "orders has no column 'amont' (did you mean 'amount'?)", "amont"),
        ("sum(orders.channel) > 1", "sum() needs numbers, but orders.channel is text", "channel"),
        ("sum(orders) > 1", "sum() needs a column", "sum(orders)"),
        ("orders.amount > 1000", "orders.amount has many values per customers row", "orders.amount"),
        ("@vip_eats", "unknown segment @vip_eats (did you mean '@vip_east'?)", "@vip_eats"),
        ("region", "a segment must be a condition (true/false), but this is text", "region"),
        ("order_count + 1", "a segment must be a condition", "order_count + 1"),
        ("region = 5", "cannot compare text with an integer", "region = 5"),
        ("last_order < 90d", "cannot compare a date with a duration; compare with a date, as in as_of - 90d", "last_order < 90d"),
        ("last_order < as_of - 90", "cannot apply '-' to a date and an integer; write a duration such as 90d", "as_of - 90"),
        ("last_order > '2025-02-30'", "'2025-02-30' is not a valid date (YYYY-MM-DD)", "'2025-02-30'"),
        ("created_at > '2025-01-01 25:00:00'", "'2025-01-01 25:00:00' is not a valid timestamp", "'2025-01-01 25:00:00'"),
        ("last_order > region", "text compared with a date must be a literal like '2025-01-01'", "region"),
        ("email = null", "nothing equals null; use 'is null' or 'is not null'", "null"),
        ("yaer(first_order) = 2024", "unknown function yaer() (did you mean 'year'?)", "yaer(first_order)"),
        ("year(region) = 2024", "year(date or timestamp) cannot take text", "year(region)"),
        ("name contains 5", "'contains' works on text, but this is an integer", "5"),
        ("vip and region", "'and' needs a condition, but this is text", "region"),
        ("not region", "'not' needs a condition, but this is text", "region"),
        ("count(orders where count(tickets) > 0) > 0", "aggregates cannot nest", "count(tickets)"),
        ("count(orders where amount) > 0", "'where' needs a condition, but this is a number", "amount"),
        ("region in ('华东', 3)", "cannot compare text with an integer", "region in ('华东', 3"),
        ("-region = 'x'", "'-' needs a number, but this is text", "region"),
        ("max(orders.paid)", "max() cannot order true/false values", "paid"),
        ("foo.bar = 1", "unknown table 'foo'", "foo.bar"),
        ("客户等极 = 'A'", "unknown column '客户等极' in customers (did you mean '客户等级'?)", "客户等极"),
    ]

    @Test(arguments: invalid)
    func rejects(source: String, message: String, underlined: String) {
        do {
            _ = try TypeChecker.check(source, against: Self.schema)
            Issue.record("accepted \(source)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
            let scalars = Array(source.unicodeScalars)
            let span = String(String.UnicodeScalarView(scalars[error.range.start..<min(error.range.end, scalars.count)]))
            #expect(span == underlined)
        }
    }

    /// The CLI shows the message with line:column, the query line and carets under the span;
    /// CJK characters are two columns wide, so carets stay under them.
    @Test func renderedErrorPointsAtTheSpan() {
        let source = "区域 = '华东' and regon = 'x'"
        let schema = QuerySchema(base: .init(name: "customers", columns: [("区域", .string), ("region", .string)]))
        do {
            _ = try TypeChecker.check(source, against: schema)
            Issue.record("accepted")
        } catch {
            #expect(error.rendered(in: source) == [
                "1:15: unknown column 'regon' in customers (did you mean 'region'?)",
                "  区域 = '华东' and regon = 'x'",
                "  " + String(repeating: " ", count: 18) + "^^^^^",  // 区域 and 华东 are two columns each
            ].joined(separator: "\n"))
        }
    }

    @Test func renderedErrorOnSecondLine() {
        let source = "region = '华东'\n  and vip = 3"
        do {
            _ = try TypeChecker.check(source, against: Self.schema)
            Issue.record("accepted")
        } catch {
            #expect(error.rendered(in: source) == [
                "2:7: cannot compare a condition (true/false) with an integer",
                "    and vip = 3",
                "        ^^^^^^^",
            ].joined(separator: "\n"))
        }
    }

    @Test func schemaFromTables() throws {
        let customers = try Table(name: "customers", columns: [("region", .string(StringColumn(["华东"])))])
        let orders = try Table(name: "orders", columns: [("amount", .double(PrimitiveColumn(values: [1.5])))])
        let schema = QuerySchema(base: customers, related: [orders])
        #expect(try TypeChecker.check(try Parser.parse("region = '华东' and sum(orders.amount) > 1"), against: schema) == .bool)
    }

    /// Far from every name, the error lists the valid ones instead of guessing.
    @Test(arguments: [
        ("zzzz = 1", "unknown column 'zzzz' in customers (valid: customer_id, name, email, region, vip, created_at, first_order, last_order, lifetime_value, order_count, 客户等级)"),
        ("count(payments) > 1", "count() ranges over a related table; 'payments' is not one (valid: orders, tickets)"),
        ("@nothing_like_it", "unknown segment @nothing_like_it (valid: @vip_east, @churned, @重要价值客户)"),
    ])
    func farMissListsValidNames(source: String, message: String) {
        do {
            _ = try TypeChecker.check(source, against: Self.schema)
            Issue.record("accepted \(source)")
        } catch {
            #expect(error.message == message)
        }
    }
}
