import CLibPQ

/// A connection string (`postgresql://user:pw@host:port/db?…` or `host=… dbname=…`) and the form of it
/// that may be shown: `postgresql://user@host:port/db`, never the password. Every error and every
/// lineage entry uses `redacted`; the raw string stays inside this module.
public struct ConnectionTarget: Sendable, Equatable, CustomStringConvertible {
    let conninfo: String
    public let redacted: String

    public init(_ conninfo: String) {
        self.conninfo = conninfo
        redacted = Self.describe(conninfo) ?? Self.strippedOfPasswords(conninfo)
    }

    public var description: String { redacted }

    /// Rebuilt from libpq's own parse, so every spelling of the password (URI userinfo, `?password=`,
    /// `password=` keyword) is left out by construction. nil when libpq cannot parse it.
    static func describe(_ conninfo: String) -> String? {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            if let errorMessage { PQfreemem(errorMessage) }
            return nil
        }
        defer { PQconninfoFree(options) }
        var given: [String: String] = [:]
        var p = options
        while let keyword = p.pointee.keyword {
            if let value = p.pointee.val, value.pointee != 0 { given[String(cString: keyword)] = String(cString: value) }
            p += 1
        }
        let user = given["user"].map { $0 + "@" } ?? ""
        let host = given["host"] ?? given["hostaddr"] ?? "localhost"
        let port = given["port"].map { ":" + $0 } ?? ""
        let database = given["dbname"] ?? given["user"] ?? ""
        return "postgresql://\(user)\(host)\(port)/\(database)"
    }

    /// For strings libpq rejects (the error is shown with the target): drop the userinfo password of a
    /// URI and the value of any `password=` parameter, whatever else is malformed.
    static func strippedOfPasswords(_ text: String) -> String {
        var s = Substring(text)
        var out = ""
        if let scheme = s.firstRange(of: "://") {
            out += s[..<scheme.upperBound]
            s = s[scheme.upperBound...]
            let authorityEnd = s.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? s.endIndex
            if let at = s[..<authorityEnd].lastIndex(of: "@") {
                let userinfo = s[..<at]
                out += (userinfo.firstIndex(of: ":").map { userinfo[..<$0] } ?? userinfo) + "@"
                s = s[s.index(after: at)...]
            }
        }
        while let r = s.firstRange(of: "password=") {
            out += s[..<r.upperBound] + "***"
            s = s[r.upperBound...]
            if s.first == "'" {
                // A quoted keyword value runs to the next unescaped quote, blanks included.
                var escaped = false
                var i = s.index(after: s.startIndex)
                while i < s.endIndex, escaped || s[i] != "'" {
                    escaped = !escaped && s[i] == "\\"
                    i = s.index(after: i)
                }
                s = i < s.endIndex ? s[s.index(after: i)...] : s[s.endIndex...]
            } else {
                let end = s.firstIndex(where: { $0 == "&" || $0 == " " }) ?? s.endIndex
                s = s[end...]
            }
        }
        return out + s
    }
}
