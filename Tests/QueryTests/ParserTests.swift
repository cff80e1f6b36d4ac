import Testing

@testable import Query

@Suite struct ParserTests {
    /// Source → how the parser groups it.
    static let groupings: [(String, String)] = [
        ("region = '华东'", "(= region '华东')"),
        ("region == '华东' AND vip", "(and (= region '华东') vip)"),
        ("a = 1 or b = 2 and c = 3", "(or (= a 1) (and (= b 2) (= c 3)))"),
        ("(a = 1 or b = 2) and c = 3", "(and (or (= a 1) (= b 2)) (= c 3))"),
        ("a = 1 or b = 2 or c = 3", "(or (= a 1) (= b 2) (= c 3))"),
        ("not a = 1 and b", "(and (not (= a 1)) b)"),
        ("not not vip", "(not (not vip))"),
        ("amount + 2 * 3 - 1 > 10", "(> (- (+ amount (* 2 3)) 1) 10)"),
        ("amount / 2 % 3 <> -4.5", "(!= (% (/ amount 2) 3) -4.5)"),
        ("-amount < -5", "(< (- amount) -5)"),
        ("last_order < as_of - 90d", "(< last_order (- as_of 90d))"),
        ("created_at >= as_of - 2w", "(>= created_at (- as_of 2w))"),
        ("first_order > as_of - 1Y", "(> first_order (- as_of 1y))"),
        ("year(first_order) = 2024", "(= (year first_order) 2024)"),
        ("region in ('华东', '华南')", "(in region '华东' '华南')"),
        ("region not in ('华东')", "(not-in region '华东')"),
        ("amount between 100 and 200 and vip", "(and (between amount 100 200) vip)"),
        ("amount not between 1 and 2", "(not-between amount 1 2)"),
        ("name contains '公司'", "(contains name '公司')"),
        ("email ends_with '@qq.com'", "(ends_with email '@qq.com')"),
        ("name STARTS_WITH '张' or name like '李%'", "(or (starts_with name '张') (like name '李%'))"),
        ("name not like '%test%'", "(not-like name '%test%')"),
        ("phone is null", "(is-null phone)"),
        ("phone IS NOT NULL", "(is-not-null phone)"),
        ("count(orders where amount > 1000) >= 3", "(>= (count orders where (> amount 1000)) 3)"),
        ("count(orders) = 0", "(= (count orders) 0)"),
        ("sum(orders.amount where order_date >= '2025-01-01') > 5000",
         "(> (sum orders.amount where (>= order_date '2025-01-01')) 5000)"),
        ("max(orders.order_date) < as_of - 1y", "(< (max orders.order_date) (- as_of 1y))"),
        ("@vip and not @churned", "(and @vip (not @churned))"),
        ("@重要客户", "@重要客户"),
        ("客户名称 = '上海某某有限公司'", "(= 客户名称 '上海某某有限公司')"),
        ("\"like\" = 'x'", "(= like 'x')"),
        ("name = 'O''Brien'", "(= name 'O''Brien')"),
        ("customers.region = '华北'", "(= customers.region '华北')"),
        ("coalesce(region, '未知') = '未知'", "(= (coalesce region '未知') '未知')"),
        ("vip = true or vip = FALSE", "(or (= vip true) (= vip false))"),
        ("amount > 1_000_000", "(> amount 1000000)"),
        ("  region\n= '华东'\t", "(= region '华东')"),
    ]

    @Test(arguments: groupings)
    func parses(source: String, expected: String) throws {
        #expect(try Parser.parse(source).description == expected)
    }

    /// Source → the start of the error message and the column (1-based) it points at.
    static let errors: [(String, String, Int)] = [
        ("", "the query ends where a value or column was expected", 1),
        ("region = ", "the query ends where a value or column was expected", 10),
        ("region = '华东", "unterminated string", 10),
        ("region = \"x", "unterminated quoted name", 10),
        ("region = '华东' and", "the query ends", 18),
        ("a = 1 b = 2", "unexpected 'b' after a complete expression", 7),
        ("a < b < c", "comparisons cannot be chained", 7),
        ("(a = 1", "expected ')' to close the '(' at column 1", 7),
        ("a = 1)", "unexpected ')'", 6),
        ("region in '华东'", "expected '(' after 'in'", 11),
        ("region in ('华东',)", "expected a value, column or '('", 17),
        ("amount between 1 or 2", "expected 'and' in 'between … and …'", 18),
        ("phone is empty", "expected 'null' after 'is'", 10),
        ("a not = 1", "expected in, between, contains", 3),
        ("last_order < as_of - 90x", "unknown duration unit 'x'", 24),
        ("last_order < as_of - 1.5d", "durations are whole numbers", 22),
        ("amount > 99999999999999999999", "integer 99999999999999999999 is out of range", 10),
        ("region = ‘华东’", "full-width '‘' — write '''", 10),
        ("region＝'华东'", "full-width '＝' — write '='", 7),
        ("count(orders where amount > 1", "expected ')' to close count(", 30),
        ("count('orders')", "count( needs a related table", 7),
        ("sum(orders.)", "expected a column of orders after 'orders.'", 12),
        ("@ vip", "'@' must be followed by a segment name", 1),
        ("a = #", "unexpected character '#'", 5),
        ("customers. = 1", "expected a column name after 'customers.'", 12),
        ("\"\" = 1", "empty quoted name", 1),
    ]

    @Test(arguments: errors)
    func rejects(source: String, message: String, column: Int) {
        do {
            let e = try Parser.parse(source)
            Issue.record("parsed \(source) as \(e)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
            #expect(error.range.start + 1 == column, "\(error.rendered(in: source))")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        for source in [
            String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000),
            String(repeating: "not ", count: 100_000) + "a",
            "a = " + String(repeating: "-", count: 100_000) + "1",
            "a = " + Array(repeating: "1", count: 100_000).joined(separator: " + "),
            String(repeating: "year(", count: 100_000),
            String(repeating: "a in (", count: 100_000),
            String(repeating: "count(orders where ", count: 100_000),
            String(repeating: "a between (", count: 100_000),
        ] {
            #expect(throws: QueryError.self) { try Parser.parse(source) }
        }
    }

    /// Flat `and`/`or` chains stay shallow, so long generated lists still parse.
    @Test func longLogicalChainsParse() throws {
        let source = (0..<10_000).map { "id = \($0)" }.joined(separator: " or ")
        let e = try Parser.parse(source)
        #expect(e.depth == 3)
        if case .logical(.or, let operands) = e.kind { #expect(operands.count == 10_000) } else { Issue.record("not an or") }
    }

    @Test func rangesCoverTheirText() throws {
        let source = "sum(orders.amount where order_date >= '2025-01-01') > 5000"
        let e = try Parser.parse(source)
        #expect(e.range == SourceRange(0, source.unicodeScalars.count))
        guard case .comparison(_, let lhs, _) = e.kind, case .aggregate(let a) = lhs.kind else {
            Issue.record("unexpected shape \(e)")
            return
        }
        #expect(a.tableRange == SourceRange(4, 10))
        #expect(a.fieldRange == SourceRange(11, 17))
    }
}
