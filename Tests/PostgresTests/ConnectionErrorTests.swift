import Ingest
import PostgresDB
import Testing

extension PostgresServerTests {
    /// Each way a postgres source can fail before any row arrives, and the one line the user sees.
    @Suite struct ConnectionErrors {
        enum Failure: String, CaseIterable, Sendable {
            case refused, badPassword, missingDatabase, missingTable

            func url(_ s: TestServer) -> String {
                switch self {
                case .refused: "postgresql://crm:hunter2@127.0.0.1:1/odoo"
                case .badPassword: s.url(user: "crm_reader", password: "wrong-secret")
                case .missingDatabase: s.url(password: "hunter2", database: "no_such_db")
                case .missingTable: s.url(user: "crm_reader", password: "reader-secret")
                }
            }

            func target(_ s: TestServer) -> String {
                switch self {
                case .refused: "postgresql://crm@127.0.0.1:1/odoo"
                case .badPassword, .missingTable: "postgresql://crm_reader@127.0.0.1:\(s.port)/odoo"
                case .missingDatabase: "postgresql://crm@127.0.0.1:\(s.port)/no_such_db"
                }
            }

            var query: String { self == .missingTable ? "SELECT id, name\n  FROM res_partnr" : "SELECT 1" }

            /// What libpq or the server says, which must survive into the message.
            var cause: String {
                switch self {
                case .refused: "Connection refused"
                case .badPassword: "password authentication failed for user \"crm_reader\""
                case .missingDatabase: "database \"no_such_db\" does not exist"
                case .missingTable: "postgres error 42P01: relation \"res_partnr\" does not exist"
                }
            }
        }

        @Test(arguments: Failure.allCases)
        func failureIsOneClearLineNamingTheTarget(_ failure: Failure) throws {
            let s = try TestServer.require()
            let error = #expect(throws: IngestError.self) {
                try PostgresLoader.load(connection: failure.url(s), query: failure.query)
            }
            guard case .postgres(let pg)? = error else {
                Issue.record("expected a postgres error, got \(String(describing: error))")
                return
            }
            let line = "\(error!)"
            #expect(line.hasPrefix(failure.target(s) + ": "), "\(line)")
            #expect(line.contains(failure.cause), "\(line)")
            #expect(!line.contains("\n") && !line.contains("\t"), "\(line)")
            for secret in ["hunter2", "wrong-secret", "reader-secret"] { #expect(!line.contains(secret), "\(line)") }
            #expect(pg.stage == (failure == .missingTable ? .query : .connect))
            if failure == .missingTable {
                #expect(pg.sqlState == "42P01")
                #expect(pg.isUndefinedTable)
                #expect(line.hasSuffix("— in: SELECT id, name FROM res_partnr"), "\(line)")
            }
        }

        @Test func rightPasswordConnectsAndLineageHoldsNoPassword() throws {
            let s = try TestServer.require()
            let r = try PostgresLoader.load(connection: s.url(user: "crm_reader", password: "reader-secret"),
                                            query: "SELECT count(*) AS n FROM sale_order")
            #expect(r.table["n"]?.int64s?.values == [12])
            let source = try #require(r.table.lineage?.source(of: 0))
            #expect(source == "postgresql://crm_reader@127.0.0.1:\(s.port)/odoo: SELECT count(*) AS n FROM sale_order")
            #expect(r.account.source == source)
        }

        @Test func queryErrorAfterRowsStartedIsReportedWithTheQuery() throws {
            let s = try TestServer.require()
            // Division by zero happens while rows are produced (at FETCH), not when the cursor is declared.
            let query = "SELECT 10 / (3 - g) AS x FROM generate_series(1, 5) AS g"
            let error = #expect(throws: IngestError.self) {
                try PostgresLoader.load(connection: s.url(), query: query, batchSize: 2)
            }
            let line = error.map { "\($0)" } ?? ""
            #expect(line.contains("postgres error 22012: division by zero"), "\(line)")
            #expect(line.hasSuffix("— in: \(query)"), "\(line)")
        }
    }
}
