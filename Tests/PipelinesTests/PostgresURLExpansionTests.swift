import Foundation
import Testing
@testable import Pipelines

/// `${NAME}` and `${NAME:-default}` in a `postgres:` URL come from the environment the loader is
/// given; a variable that is missing, or written wrongly, is a located pipeline issue.
@Suite struct PostgresURLExpansionTests {
    static let environment = ["PGPORT": "54321", "PGPASSWORD": "s3cret", "EMPTY": "", "DB_1": "odoo"]

    @Test(arguments: [
        ("postgresql://crm@127.0.0.1:${PGPORT}/odoo", "postgresql://crm@127.0.0.1:54321/odoo"),
        ("postgresql://crm@127.0.0.1:${PGPORT:-5432}/odoo", "postgresql://crm@127.0.0.1:54321/odoo"),
        ("postgresql://crm@127.0.0.1:${NOT_SET:-5432}/odoo", "postgresql://crm@127.0.0.1:5432/odoo"),
        ("postgresql://crm@127.0.0.1:${EMPTY:-5432}/odoo", "postgresql://crm@127.0.0.1:5432/odoo"),  // empty = unset, as in sh
        ("postgresql://crm@127.0.0.1/${NOT_SET:-}", "postgresql://crm@127.0.0.1/"),
        ("postgresql://crm:${PGPASSWORD}@h:${PGPORT}/${DB_1}", "postgresql://crm:s3cret@h:54321/odoo"),
        ("postgresql://crm@h/odoo?options=$PGPORT", "postgresql://crm@h/odoo?options=$PGPORT"),  // only ${…} expands
        ("host=h port=${PGPORT} dbname=odoo", "host=h port=54321 dbname=odoo"),
        ("postgresql://用户@h:${PGPORT}/库", "postgresql://用户@h:54321/库"),
    ])
    func expands(_ raw: String, _ expected: String) {
        #expect(EnvironmentExpansion.expand(raw, environment: Self.environment) == .success(expected))
    }

    @Test(arguments: [
        ("postgresql://crm@h:${NOT_SET}/odoo", "environment variable NOT_SET is not set; set it, or give a default as ${NOT_SET:-value}"),
        ("postgresql://crm@h:${EMPTY}/odoo", "environment variable EMPTY is not set"),
        ("postgresql://crm@h:${PGPORT/odoo", "'${' without a closing '}'"),
        ("postgresql://crm@h:${}/odoo", "'${}' is not ${NAME} or ${NAME:-default}"),
        ("postgresql://crm@h:${1PORT}/odoo", "'${1PORT}' is not ${NAME}"),
        ("postgresql://crm@h:${PG PORT}/odoo", "'${PG PORT}' is not ${NAME}"),
        ("postgresql://crm@h:${端口}/odoo", "'${端口}' is not ${NAME}"),
    ])
    func aMissingOrMalformedVariableIsAnIssueOnItsLine(_ url: String, _ message: String) throws {
        let yaml = "sources:\n  - table: orders\n    postgres: \(url)\n    query: select 1\n"
        do {
            _ = try PipelineLoader.parse(yaml: yaml, path: NSTemporaryDirectory() + "p.yml", displayPath: "p.yml",
                                         environment: Self.environment)
            Issue.record("expected an issue for \(url)")
        } catch let e as PipelineValidationError {
            let issue = try #require(e.issues.first)
            #expect(e.issues.count == 1)
            #expect(issue.line == 3, "\(issue)")
            #expect(issue.message.hasPrefix("source postgres: "), "\(issue.message)")
            #expect(issue.message.contains(message), "\(issue.message)")
        }
    }

    @Test func thePostgresSourceGetsTheExpandedURLAndFilePathsStayLiteral() throws {
        let c = try PipelineLoader.parse(yaml: """
            sources:
              - table: orders
                postgres: postgresql://crm@127.0.0.1:${PGPORT:-5432}/odoo
                query: select 'a ${PGPORT} b' as note
            """, path: NSTemporaryDirectory() + "p.yml", environment: Self.environment)
        #expect(c.sources.first?.location == .postgres(connection: "postgresql://crm@127.0.0.1:54321/odoo",
                                                       query: "select 'a ${PGPORT} b' as note"))
    }

    @Test func theMixedSourcesPipelineValidatesWithAndWithoutPGPORT() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path + "/pipelines/mixed-sources.yml"
        for (environment, port) in [([String: String](), "5432"), (["PGPORT": "40123"], "40123")] {
            let c = try PipelineLoader.load(path: path, environment: environment)
            let urls = c.sources.compactMap { s -> String? in
                if case .postgres(let url, _) = s.location { return url } else { return nil }
            }
            #expect(urls == Array(repeating: "postgresql://crm@127.0.0.1:\(port)/odoo", count: 3))
        }
    }
}
