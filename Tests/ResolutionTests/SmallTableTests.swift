import Columns
import Testing
@testable import Resolution

/// A migration often starts with a few dozen rows (a pilot export). Random pairs of so few rows
/// are often duplicates themselves; the model must still weigh agreement on name, e-mail and phone
/// as strong evidence, and a stranger must stay apart.
@Suite struct SmallTableTests {
    static func table(_ rows: [[String?]]) throws -> Table {
        let names = ["customer_id", "name", "email", "phone", "company", "city"]
        var builders = names.map { _ in StringBuilder() }
        for r in rows { for (k, v) in r.enumerated() { builders[k].append(v) } }
        return try Table(name: "customers", columns: names.enumerated().map { ($0.element, .string(builders[$0.offset].finish())) })
    }

    static let cases: [(String, [[String?]], [[Int]])] = [
        ("one person in three systems and a stranger", [
            ["L3", "赵 敏", "ZhaoMin@example.com", "+8618600001111", nil, nil],
            ["O17", "赵敏", "zhaomin@example.com", "+8618600001111", nil, "上海"],
            ["C008", "赵敏", "zhaomin@example.com", "+8618600001111", nil, "上海"],
            ["X1", "王伟", "wangwei@qq.com", "+8613800138000", nil, "北京"],
        ], [[0, 1, 2], [3]]),
        ("two pairs, nothing shared between them", [
            ["A", "Jonas Becker", "jonas@nordlicht.de", "+491705551234", "Nordlicht Logistik GmbH", "Hamburg"],
            ["B", "Jonas Becker", "jonas@nordlicht.de", nil, "Nordlicht Logistik", "Hamburg"],
            ["C", "刘婷", "liuting@pengyuan.cn", "+8613912345678", "深圳市鹏远电子股份有限公司", "深圳"],
            ["D", "刘婷", nil, "+8613912345678", "鹏远电子", "深圳"],
        ], [[0, 1], [2, 3]]),
    ]

    @Test(arguments: cases.indices)
    func duplicatesInATinyTableMerge(_ k: Int) throws {
        let (_, rows, expected) = Self.cases[k]
        let result = try Resolver.resolve(try Self.table(rows))
        for group in expected {
            let ids = Set(group.map { result.goldenIndex[$0] })
            #expect(ids.count == 1, "\(Self.cases[k].0): rows \(group) → \(group.map { result.goldenIndex[$0] })")
        }
        let distinct = Set(expected.map { result.goldenIndex[$0[0]] })
        #expect(distinct.count == expected.count, "\(Self.cases[k].0): groups must stay apart")
    }
}
