import Columns
import Foundation
import Testing
@testable import Pipelines

/// Odoo orders in CNY, EUR and SGD were summed as yuan. Amounts in another currency are now
/// converted with the pipeline's rates; without a rate they leave the money figures, with a note.
@Suite struct CurrencyConversionTests {
    static func orders(_ rows: [(currency: String?, amount: Double?)]) throws -> Table {
        try Table(name: "orders", columns: [
            ("order_id", .string(StringColumn(rows.indices.map { "O\($0)" }))),
            ("amount", .double(PrimitiveColumn(rows.map(\.amount), zero: 0))),
            ("currency", .string(StringColumn(rows.map(\.currency)))),
        ])
    }

    static func amounts(_ t: Table) -> [Double?] {
        guard case .double(let a)? = t["amount"] else { return [] }
        return (0..<t.rowCount).map { a.validity.isValid($0) ? a.values[$0] : nil }
    }

    static let rates = CurrencySettings(base: "CNY", rates: ["USD": 7.1, "EUR": 7.8])

    @Test(arguments: [
        // (currency cell, amount, expected amount in CNY or nil = left out, expected currency cell)
        ("CNY", 100.0, 100.0, "CNY"),
        ("USD", 10.0, 71.0, "CNY"),
        ("eur", 10.0, 78.0, "CNY"),
        (" USD ", 2.0, 14.2, "CNY"),
        ("SGD", 10.0, nil, "SGD"),
        ("RMB", 5.0, 5.0, "RMB"),
        ("人民币", 5.0, 5.0, "人民币"),
        ("￥", 5.0, 5.0, "￥"),
        (nil, 7.0, 7.0, nil),
        ("", 7.0, 7.0, ""),
        // Hostile: a corrupt huge amount must not become ∞ in every revenue sum.
        ("USD", 1e308, nil, "CNY"),
        ("USD", -0.0, 0.0, "CNY"),
    ] as [(String?, Double, Double?, String?)])
    func perRow(currency: String?, amount: Double, expected: Double?, cell: String?) throws {
        // A second CNY row keeps CNY the majority whatever the row under test holds.
        let out = try CurrencyConversion(settings: Self.rates).run(try Self.orders([(currency, amount), ("CNY", 1)]))
        let got = Self.amounts(out.orders)[0]
        #expect(got.map { abs($0 - (expected ?? .nan)) < 1e-9 } ?? (expected == nil), "\(String(describing: got))")
        #expect(out.notes.contains { $0.contains("too large") } == (amount > 1e300))
        #expect(out.orders["currency"]?.strings?[0] == cell)
    }

    @Test func notesCountPerCurrency() throws {
        let out = try CurrencyConversion(settings: Self.rates).run(try Self.orders([
            ("CNY", 1), ("USD", 1), ("USD", nil), ("EUR", 1), ("SGD", 1), ("SGD", 1), ("JPY", 1),
        ]))
        #expect(out.converted.map { "\($0.code) \($0.rows)" } == ["EUR 1", "USD 2"])
        #expect(out.withoutRate.map { "\($0.code) \($0.rows)" } == ["JPY 1", "SGD 2"])
        #expect(out.notes == [
            "currency: 3 orders converted to CNY (EUR 1 at 7.8, USD 2 at 7.1)",
            "currency: 3 orders in a currency without a rate to CNY are left out of money figures (still counted as orders): JPY 1, SGD 2; add their rates under currency.rates",
        ])
        #expect(out.orders.rowCount == 7)
    }

    /// One currency throughout (or no currency column): the orders come back untouched, no note.
    @Test(arguments: [[("EUR", 1.0), ("eur", 2.0), (nil, 3.0)], [("CNY", 1.0)], []] as [[(String?, Double?)]])
    func singleCurrencyChangesNothing(rows: [(String?, Double?)]) throws {
        let orders = try Self.orders(rows.map { ($0.0, $0.1) })
        let out = try CurrencyConversion(settings: CurrencySettings()).run(orders)
        #expect(out.notes.isEmpty)
        #expect(Self.amounts(out.orders) == Self.amounts(orders))
        #expect((0..<orders.rowCount).map { out.orders["currency"]?.strings?[$0] } == (0..<orders.rowCount).map { orders["currency"]?.strings?[$0] })
    }

    /// Mixed currencies and no `currency:` section: counted in the majority currency, the rest left
    /// out and the note says how to fix it.
    @Test func mixedWithoutSettingsFlagsTheMinority() throws {
        let out = try CurrencyConversion(settings: CurrencySettings()).run(try Self.orders([("CNY", 10), ("CNY", 20), ("EUR", 30)]))
        #expect(out.base == "CNY")
        #expect(Self.amounts(out.orders) == [10, 20, nil])
        #expect(out.notes.count == 1)
        #expect(out.notes[0].contains("EUR 1") && out.notes[0].contains("add currency: { base: CNY, rates: { EUR: … } }"))
    }

    // MARK: - The pipeline file's `currency:` section

    static let folder: String = {
        let dir = NSTemporaryDirectory() + "crm-currency-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir + "/orders.csv", contents: Data("order_id,customer_id\n1,a\n".utf8))
        return dir
    }()

    static func parse(_ currency: String) throws -> PipelineConfig {
        try PipelineLoader.parse(yaml: "sources:\n  - { table: orders, file: orders.csv }\n" + currency,
                                 path: folder + "/p.yml", displayPath: "p.yml")
    }

    @Test(arguments: [
        ("", CurrencySettings()),
        ("currency: { base: CNY, rates: { USD: 7.1, EUR: 7.8 } }\n", CurrencySettings(base: "CNY", rates: ["USD": 7.1, "EUR": 7.8])),
        ("currency: { base: rmb }\n", CurrencySettings(base: "CNY")),
        ("currency:\n  base: EUR\n  rates: { usd: 0.92 }\n", CurrencySettings(base: "EUR", rates: ["USD": 0.92])),
    ])
    func settingsParse(yaml: String, expected: CurrencySettings) throws {
        #expect(try Self.parse(yaml).currency == expected)
    }

    @Test(arguments: [
        ("currency: { base: yuan }\n", 3, "currency.base: expected a 3-letter ISO 4217 code"),
        ("currency: { rates: { USD: 7.1 } }\n", 3, "'rates:' needs 'base:'"),
        ("currency: { base: CNY, rates: { USD: -7 } }\n", 3, "currency.rates.USD: expected a number"),
        ("currency: { base: CNY, rates: { USD: abc } }\n", 3, "currency.rates.USD: expected a number"),
        ("currency: { base: CNY, rates: { CNY: 1 } }\n", 3, "CNY is the base currency"),
        ("currency: { base: CNY, ratse: {} }\n", 3, "did you mean 'rates'?"),
        ("currency: CNY\n", 3, "currency: expected a mapping"),
    ])
    func badSettingsAreLocated(yaml: String, line: Int, fragment: String) {
        do {
            _ = try Self.parse(yaml)
            Issue.record("accepted \(yaml)")
        } catch let e as PipelineValidationError {
            #expect(e.issues.contains { $0.line == line && $0.message.contains(fragment) }, "\(e.issues)")
        } catch {
            Issue.record("\(error)")
        }
    }
}
