import PostgresDB
import Testing

/// What may be printed of a connection string: never the password, whichever way it was written.
struct ConnectionTargetTests {
    @Test(arguments: [
        ("postgresql://crm@127.0.0.1:5433/odoo", "postgresql://crm@127.0.0.1:5433/odoo"),
        ("postgresql://crm:s3cret@127.0.0.1:5433/odoo", "postgresql://crm@127.0.0.1:5433/odoo"),
        ("postgres://crm:s3cret@db.example.cn/odoo?sslmode=disable", "postgresql://crm@db.example.cn/odoo"),
        ("postgresql://db.example.cn/odoo?user=crm&password=s3cret", "postgresql://crm@db.example.cn/odoo"),
        ("postgresql://crm:p%40ss%3Aword@[::1]:6000/odoo", "postgresql://crm@::1:6000/odoo"),
        ("host=10.0.0.5 port=5432 dbname=odoo user=crm password=s3cret", "postgresql://crm@10.0.0.5:5432/odoo"),
        ("host=10.0.0.5 user=crm password='s3cret with spaces'", "postgresql://crm@10.0.0.5/crm"),
        ("postgresql:///odoo?host=/tmp/crm-pg.abc&port=5999", "postgresql:///tmp/crm-pg.abc:5999/odoo"),
        ("", "postgresql://localhost/"),
    ])
    func redactedTargetDropsThePassword(_ conninfo: String, _ expected: String) {
        let target = ConnectionTarget(conninfo)
        #expect(target.redacted == expected)
        #expect(!target.description.contains("s3cret"))
        #expect(!target.description.contains("p%40ss"))
    }

    /// Strings libpq cannot parse are still shown, with anything that looks like a password masked.
    @Test(arguments: [
        ("postgresql://crm:s3cret@host:notaport/odoo", "postgresql://crm@host:notaport/odoo"),
        ("host=a password=s3cret bogus", "host=a password=*** bogus"),
        ("postgresql://h/db?password=s3cret&bogus=1", "postgresql://h/db?password=***&bogus=1"),
        ("host=a password='s3cret with \\' quote' bogus", "host=a password=*** bogus"),
        ("host=a password='s3cret unterminated", "host=a password=***"),
    ])
    func unparsableTargetIsMasked(_ conninfo: String, _ expected: String) {
        #expect(ConnectionTarget(conninfo).redacted == expected)
    }

    @Test func errorFoldsLibpqLinesIntoOne() {
        let e = PostgresError(stage: .connect, message: "connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n",
                              target: "postgresql://crm@127.0.0.1:1/odoo")
        #expect(e.description == "postgresql://crm@127.0.0.1:1/odoo: cannot connect: connection to server at \"127.0.0.1\", port 1 failed: Connection refused; Is the server running on that host and accepting TCP/IP connections?")
    }
}
