import Columns
import Testing
@testable import Pipelines

/// Resolve re-keys event rows to the golden customer. The nightly run dictionary-encodes event
/// customer ids before resolve (one lookup per distinct id); `crm clean` hands them over plain
/// (one per row). Both must give the same ids, the same shared dictionary and the same count of
/// rows whose id changed — ids of no customer, nulls and empty ids included.
@Suite struct EventRekeyingTests {
    static func customers() throws -> Table {
        try Table(name: "customers", columns: [
            ("customer_id", .string(StringColumn(["A1", "A2", "B1", "C1"]))),
            ("name", .string(StringColumn(["张三丰", "张三丰", "Maria Garcia", "李四"]))),
            ("email", .string(StringColumn(["zsf@qq.com", "zsf@qq.com", "maria@b.com", "lisi@163.com"]))),
            ("phone", .string(StringColumn(["13812345678", "13812345678", nil, "13900001111"]))),
            ("city", .string(StringColumn(["北京", "北京", "上海", "广州"]))),
        ])
    }

    static let orderIDs: [String?] = ["A2", "X9", "B1", nil, "A2", "", "X9", "C1", "A1", "Y7"]

    static func rekeyed(encoded: Bool) throws -> (ids: [String?], dictionary: [String], changed: Int) {
        var ids = StringColumn(Self.orderIDs)
        if encoded { ids = ids.dictionaryEncoded() }
        let orders = try Table(name: "orders", columns: [("customer_id", .string(ids)),
                                                          ("amount", .double(PrimitiveColumn(values: Self.orderIDs.map { _ in 1.0 })))])
        let outcome = try #require(try ResolveStage(settings: ResolutionSettings()).run([.customers: customers(), .orders: orders]))
        let column = try #require(outcome.tables[.orders]?["customer_id"]?.strings)
        guard case .dictionary(_, let dictionary) = column.storage else {
            Issue.record("re-keyed ids are not dictionary-encoded")
            return ([], [], 0)
        }
        return ((0..<column.count).map { column[$0] }, (0..<dictionary.count).map { dictionary[$0] }, outcome.rekeyedEvents)
    }

    @Test func plainAndEncodedIdsRekeyAlike() throws {
        let plain = try Self.rekeyed(encoded: false)
        let encoded = try Self.rekeyed(encoded: true)
        #expect(encoded.ids == plain.ids)
        #expect(encoded.dictionary == plain.dictionary)
        #expect(encoded.changed == plain.changed)
        // A1 and A2 are one person: both of their orders name one golden id; unknown ids stay.
        let a1 = try #require(plain.ids[8]), a2 = try #require(plain.ids[0])
        #expect(a1 == a2 && ["A1", "A2"].contains(a1))
        #expect(plain.ids[1] == "X9" && plain.ids[9] == "Y7" && plain.ids[3] == nil)
        #expect(plain.changed == 1 || plain.changed == 2)
    }

    @Test func theNightlyRunEncodesEventIdsBeforeResolve() throws {
        let orders = try Table(name: "orders", columns: [("customer_id", .string(StringColumn(Self.orderIDs)))])
        let out = PipelineRunner.dictionaryEncodingEventCustomerIDs([.customers: try Self.customers(), .orders: orders])
        #expect(out[.orders]?["customer_id"]?.strings?.isDictionary == true)
        #expect(out[.customers]?["customer_id"]?.strings?.isDictionary == false, "customers keep plain ids")
        let ids = try #require(out[.orders]?["customer_id"]?.strings)
        #expect((0..<ids.count).map { ids[$0] } == Self.orderIDs)
    }
}
