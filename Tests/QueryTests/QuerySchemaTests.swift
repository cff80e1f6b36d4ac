import Columns
import Foundation
import Snapshot
import Testing

@testable import Query

@Suite struct QuerySchemaSnapshotTests {
    @Test func schemaFromASnapshotFolder() throws {
        let customers = try Table(name: "customers", columns: [("region", .string(StringColumn(["华东"])))])
        let orders = try Table(name: "orders", columns: [("amount", .double(PrimitiveColumn(values: [1.5])))])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("query-schema-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SnapshotWriter.write(tables: [customers, orders], asOf: 20_000, to: dir)
        let snapshot = try SnapshotReader.open(directory: dir)
        let schema = try QuerySchema(snapshot: snapshot)
        #expect(schema.related.map(\.name) == ["orders"])
        _ = try TypeChecker.check("region = '华东' and count(orders where amount > 1) > 0", against: schema)
        #expect(throws: QueryError.self) { try QuerySchema(snapshot: snapshot, base: "leads") }
    }
}
