import Testing
import Columns
@testable import Analytics

/// The shared contract of every analysis: degenerate input gives a clear note, never a crash, and
/// no NaN or infinity in any result table.
@Suite struct AnalysisContextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: AnalysisInput
        /// A note some analysis must give (a substring).
        let note: String
        var testDescription: String { name }
    }

    static let asOf = Fixture.day("2024-06-30")

    static func emptyCanonical(_ table: CanonicalTable) -> Table {
        Fixture.table(table.rawValue, table.fields.map { ($0.name, AnyColumnBuilder(type: $0.type).finish()) })
    }

    static func tickets(created: [String?], priority: [String?] = []) -> Table {
        Fixture.table("tickets", [
            ("ticket_id", Fixture.strings(created.indices.map { "T\($0)" })), ("created_at", Fixture.timestamps(created)),
            ("first_response_at", Fixture.timestamps(created)),
            ("priority", Fixture.strings(priority.isEmpty ? created.map { _ in "high" } : priority)),
        ])
    }

    static let cases: [Case] = [
        Case(name: "no tables at all", input: AnalysisInput(), note: "no orders table"),
        Case(name: "empty canonical tables",
             input: AnalysisInput(customers: emptyCanonical(.customers), orders: emptyCanonical(.orders),
                                  interactions: emptyCanonical(.interactions), opportunities: emptyCanonical(.opportunities),
                                  stageHistory: emptyCanonical(.stageHistory), tickets: emptyCanonical(.tickets),
                                  campaigns: emptyCanonical(.campaigns), campaignMembers: emptyCanonical(.campaignMembers)),
             note: "no usable orders"),
        Case(name: "one customer, one order",
             input: AnalysisInput(customers: Fixture.table("customers", [("customer_id", Fixture.strings(["only"]))]),
                                  orders: Fixture.orders([("only", "2024-06-01", 10)]),
                                  tickets: tickets(created: ["2024-06-01 10:00:00"])),
             note: "only 1 customer(s)"),
        Case(name: "all purchases on the same day",
             input: AnalysisInput(orders: Fixture.orders((0..<20).map { ("c\($0)", "2024-06-01", 10) })),
             note: "same recency"),
        Case(name: "zero and negative amounts",
             input: AnalysisInput(orders: Fixture.orders([("a", "2024-06-01", 0), ("b", "2024-06-02", -5), ("b", "2024-06-03", 5)])),
             note: "total revenue in the window is 0"),
        Case(name: "missing optional columns",
             input: AnalysisInput(
                customers: Fixture.table("customers", [("customer_id", Fixture.strings(["a"]))]),
                orders: Fixture.table("orders", [("customer_id", Fixture.strings(["a", "b"])), ("order_date", Fixture.dates(["2024-01-01", "2024-02-01"]))]),
                opportunities: Fixture.table("opportunities", [("opportunity_id", Fixture.strings(["o"]))]),
                tickets: Fixture.table("tickets", [("ticket_id", Fixture.strings(["t"])), ("created_at", Fixture.timestamps(["2024-01-01"]))]),
                campaigns: Fixture.table("campaigns", [("campaign_id", Fixture.strings(["k"]))])),
             note: "orders has no amount column"),
        Case(name: "wrong column types",
             input: AnalysisInput(orders: Fixture.table("orders", [("customer_id", Fixture.ints([1])), ("order_date", Fixture.strings(["2024-01-01"]))]),
                                  tickets: Fixture.table("tickets", [("created_at", Fixture.strings(["x"]))])),
             note: "expected string"),
        Case(name: "every value null",
             input: AnalysisInput(customers: Fixture.table("customers", [("customer_id", Fixture.strings([nil, nil]))]),
                                  orders: Fixture.orders([(nil, nil, nil), (nil, "2024-01-01", nil), ("a", nil, 1)]),
                                  opportunities: Fixture.table("opportunities", [
                                    ("opportunity_id", Fixture.strings([nil])), ("stage", Fixture.strings([nil])), ("status", Fixture.strings([nil])),
                                    ("created_at", Fixture.timestamps([nil])), ("closed_at", Fixture.timestamps([nil]))]),
                                  tickets: tickets(created: [nil, nil], priority: [nil, nil])),
             note: "rows without customer_id"),
        Case(name: "huge and non-finite amounts",
             input: AnalysisInput(orders: Fixture.orders([("a", "2024-06-01", 1e308), ("a", "2024-06-02", 1e308), ("b", "2024-06-01", .infinity),
                                                          ("c", "2024-06-01", .nan), ("d", "2024-06-01", -1e308)])),
             note: "non-finite values treated as missing"),
        Case(name: "corrupt dates and timestamps",
             input: AnalysisInput(
                orders: Fixture.table("orders", [("customer_id", Fixture.strings(["a", "a", "b"])),
                                                 ("order_date", .date(PrimitiveColumn(values: [Int32.min, Int32.max, -719_162]))),
                                                 ("amount", Fixture.doubles([1, 2, 3]))]),
                opportunities: Fixture.table("opportunities", [
                    ("opportunity_id", Fixture.strings(["o1", "o2"])), ("stage", Fixture.strings(["lead", "won"])),
                    ("status", Fixture.strings(["lost", "won"])),
                    ("created_at", .timestamp(PrimitiveColumn(values: [Int64.min, -62_135_596_800]))),
                    ("closed_at", .timestamp(PrimitiveColumn(values: [Int64.max, 0])))]),
                stageHistory: Fixture.table("stage_history", [("opportunity_id", Fixture.strings(["o1", "o1"])), ("stage", Fixture.strings(["lead", "won"])),
                                                              ("entered_at", .timestamp(PrimitiveColumn(values: [Int64.min, Int64.max])))]),
                tickets: Fixture.table("tickets", [("created_at", .timestamp(PrimitiveColumn(values: [Int64.min, 0]))),
                                                   ("resolved_at", .timestamp(PrimitiveColumn(values: [Int64.max, Int64.min]))),
                                                   ("priority", Fixture.strings(["urgent", "low"]))])),
             note: "before 1900-01-01"),
        Case(name: "Chinese ids and labels",
             input: AnalysisInput(
                customers: Fixture.table("customers", [("customer_id", Fixture.strings(["客户甲", "客户乙"])), ("source", Fixture.strings(["抖音", "微信"])),
                                                       ("owner", Fixture.strings(["张伟", "李娜"]))]),
                orders: Fixture.orders([("客户甲", "2024-06-01", 100), ("客户乙", "2023-06-01", 50)]),
                opportunities: Fixture.table("opportunities", [("opportunity_id", Fixture.strings(["商机1"])), ("stage", Fixture.strings(["赢单"])),
                                                               ("owner", Fixture.strings(["张伟"]))])),
             note: "only 1 customer(s)"),
    ]

    static func runAll(_ input: AnalysisInput) -> [AnalysisResult] {
        let p = AnalysisParameters(asOf: asOf)
        let facts = OrderFacts(orders: input.orders, asOf: asOf)
        return [
            FunnelAnalysis.run(input, p), RFMAnalysis.run(input, p), LifecycleAnalysis.run(input, p),
            ValueTierAnalysis.run(facts, p), CohortAnalysis.run(input, p), ServiceAnalysis.run(input, p),
            SalesPerformanceAnalysis.run(input, p), LeadGradeAnalysis.run(input, p),
        ]
    }

    @Test(arguments: cases)
    func degenerateInputGivesNotesNotCrashes(_ c: Case) {
        let results = Self.runAll(c.input)
        let notes = results.flatMap(\.notes)
        #expect(notes.contains { $0.contains(c.note) }, "notes: \(notes)")
        for result in results {
            #expect(!result.tables.isEmpty)
            for (name, table) in result.tables {
                #expect(table.hasOnlyFiniteDoubles, "\(name) has a non-finite value")
                #expect(table.columnCount > 0)
            }
        }
    }

    @Test func resultTablesHaveStableNamesAndOrder() {
        let names = Self.runAll(AnalysisInput()).flatMap { $0.tables.map(\.name) }
        #expect(names == ["funnel", "funnel_summary", "funnel_breakdown", "funnel_groups", "rfm", "rfm_segments", "rfm_segments_cn",
                          "lifecycle", "lifecycle_summary", "lifecycle_lapsed", "value_tiers", "cohorts", "service",
                          "performance_owners", "top_customers", "channel_roi", "campaign_roi",
                          "lead_grades", "lead_grade_summary", "lead_grade_formula"])
    }

    @Test(arguments: [
        // values, p → type-7 quantile
        ([1.0], 0.5, 1.0), ([1, 2], 0.5, 1.5), ([4, 1, 3, 2], 0.9, 3.7), ([10, 10, 4, 10], 0.5, 10), ([0, 100], 0.9, 90),
    ] as [([Double], Double, Double)])
    func quantileType7(values: [Double], p: Double, expected: Double) {
        var v = values
        #expect(abs(Quantile.of(&v, p)! - expected) < 1e-12)
    }

    @Test func sameInputSameOutput() {
        let orders = RFMTests.generatedOrders(customers: 100, orders: 800, seed: 9)
        let shuffled = orders.gather((0..<orders.rowCount).reversed())
        let a = RFMAnalysis.run(AnalysisInput(orders: orders), AnalysisParameters(asOf: Self.asOf))
        let b = RFMAnalysis.run(AnalysisInput(orders: shuffled), AnalysisParameters(asOf: Self.asOf))
        // Row order of the input does not change any result: ties go by customer id, not by row.
        #expect(a.table("rfm")!.rows() == b.table("rfm")!.rows())
        #expect(a.notes == b.notes)
    }
}
