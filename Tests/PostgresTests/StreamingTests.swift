import Columns
import Ingest
import PostgresDB
import Testing

extension PostgresServerTests {
    /// Large results come through a cursor in batches; batch boundaries must not lose, repeat or
    /// reorder a row, and a batch is all the client holds of the result at a time.
    @Suite struct Streaming {
        @Test(arguments: [(1, 10), (7, 100), (1000, 25_003), (10_000, 25_003), (25_003, 25_003), (4096, 0)])
        func batchesAddUpToTheWholeResult(_ batchSize: Int, _ rows: Int) throws {
            let s = try TestServer.require()
            let r = try PostgresLoader.load(connection: s.url(), query: """
                SELECT g AS id, g * 0.5 AS half, 'c' || g AS code, date '2024-01-01' + g AS day
                FROM generate_series(1, \(rows)) AS g ORDER BY g
                """, batchSize: batchSize)
            #expect(r.account.rowsRead == rows)
            #expect(r.table.rowCount == rows)
            let ids = try #require(r.table["id"]?.int64s?.values)
            #expect(ids == (0..<rows).map { Int64($0 + 1) })
            #expect(r.table["half"]?.doubles?.values.reduce(0, +) == Double(rows) * Double(rows + 1) / 4)
            #expect(r.table.lineage?.line == (0..<rows).map { UInt32($0 + 1) })
            if rows > 0 {
                #expect(r.table["code"]?.text(at: rows - 1) == "c\(rows)")
                #expect(r.table["day"]?.text(at: 0) == "2024-01-02")
            }
        }

        @Test func cursorFetchesAtMostOneBatch() throws {
            let s = try TestServer.require()
            let connection = try Connection(s.url())
            let cursor = try connection.openCursor(for: "SELECT g FROM generate_series(1, 2500) g", batchSize: 1000)
            var sizes: [Int] = []
            while true {
                let batch = try cursor.fetch()
                sizes.append(batch.rowCount)
                if batch.rowCount < cursor.batchSize { break }
            }
            #expect(throws: PostgresError.self) { try connection.openCursor(for: "SELECT 1") }
            try cursor.close()
            #expect(sizes == [1000, 1000, 500])
            // The transaction is over: the connection takes ordinary statements again.
            #expect(try connection.execute("SELECT $1::int + 1 AS n", parameters: ["41"]).text(0, 0) == "42")
        }

        @Test func droppedCursorRollsBackSoTheConnectionIsReusable() throws {
            let s = try TestServer.require()
            let connection = try Connection(s.url())
            do {
                let cursor = try connection.openCursor(for: "SELECT g FROM generate_series(1, 10) g", batchSize: 3)
                #expect(try cursor.fetch().rowCount == 3)
            }
            let status = try connection.execute("SELECT current_setting('transaction_read_only') AS ro")
            #expect(status.text(0, 0) == "off")
            #expect(connection.serverVersion >= 100_000)
        }
    }
}
