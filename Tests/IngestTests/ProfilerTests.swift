import Columns
import Testing
@testable import Ingest

struct ProfilerTests {
    @Test func profilesEveryColumn() throws {
        let f = Fixtures()
        let path = f.write("p.csv", """
            id,city,amount,signed_up,vip
            1,上海,¥10.50,2024-03-05,yes
            2,北京,20,2024-03-06,no
            3,上海,,2024-03-01,yes
            4,,5,2024-03-09,no
            5,上海,7,2024-03-02,no
            6,广州,x,2024-03-02,no

            """)
        let p = try Profiler.profile(path: path, options: CSVOptions(types: ["amount": .double]))
        #expect(p.encoding == .utf8)
        #expect(p.delimiter == UInt8(ascii: ","))
        #expect(p.account == RowAccount(source: path, rowsRead: 6, rowsLoaded: 5, rowsQuarantined: 1))
        let byName = Dictionary(uniqueKeysWithValues: p.columns.map { ($0.name, $0) })
        #expect(byName["id"]?.type == .int64)
        #expect(byName["id"]?.min == "1")
        #expect(byName["id"]?.max == "5")
        #expect(byName["city"]?.type == .string)
        #expect(byName["city"]?.nullCount == 1)
        #expect(byName["city"]?.nullPercent == 20)
        #expect(byName["city"]?.distinctCount == 2)
        #expect(byName["city"]?.topValues.first?.value == "上海")
        #expect(byName["city"]?.topValues.first?.count == 3)
        #expect(byName["amount"]?.min == "5")
        #expect(byName["amount"]?.max == "20")
        #expect(byName["signed_up"]?.type == .date)
        #expect(byName["signed_up"]?.min == "2024-03-01")
        #expect(byName["vip"]?.type == .bool)
        #expect(byName["vip"]?.topValues.map(\.value) == ["false", "true"])
        let text = p.rendered
        #expect(text.contains("encoding UTF-8, delimiter ','"))
        #expect(text.contains("rows 6 read, 5 loaded, 1 quarantined"))
        #expect(text.contains("quarantined \(path):7 [amount]"))
    }

    @Test func inferenceKeepsLabelsAsStrings() {
        #expect(TypeInference.infer(["007", "12"]) == .string)
        #expect(TypeInference.infer(["13800138000", "13900139000"]) == .int64)
        #expect(TypeInference.infer(["12345678901234567", "1"]) == .string)
        #expect(TypeInference.infer(["1.5", "2"]) == .double)
        #expect(TypeInference.infer(["2024-03-05", "2024/3/6"]) == .date)
        #expect(TypeInference.infer(["2024-03-05", "2024-03-06T10:00:00Z"]) == .timestamp)
        #expect(TypeInference.infer(["45356", "45357"]) == .int64)
        #expect(TypeInference.infer(["yes", "no", ""]) == .bool)
        #expect(TypeInference.infer(["1", "0"]) == .int64)
        #expect(TypeInference.infer(["", "NULL"]) == .string)
    }
}
