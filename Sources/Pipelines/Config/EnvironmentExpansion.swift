/// `${NAME}` and `${NAME:-default}` in a `postgres:` URL are replaced from the environment, so a
/// pipeline file can leave out what changes per machine or must not be committed — the port of a
/// test server, a password: `postgresql://crm@127.0.0.1:${PGPORT:-5432}/odoo`. Only the postgres
/// URL is expanded; file paths stay literal so a `$` in a file name means itself.
enum EnvironmentExpansion {
    enum Failure: Error, Equatable {
        /// `${NAME}` without a default, and NAME is not set.
        case unset(name: String)
        /// `${` without its `}`, or a name that is not letters, digits and `_` (not starting with a digit).
        case malformed(String)
    }

    static func expand(_ text: String, environment: [String: String]) -> Result<String, Failure> {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                return .failure(.malformed("'${' without a closing '}'"))
            }
            let body = afterOpen[..<close]
            let name: Substring, fallback: Substring?
            if let dash = body.range(of: ":-") {
                name = body[..<dash.lowerBound]
                fallback = body[dash.upperBound...]
            } else {
                name = body
                fallback = nil
            }
            guard isName(name) else { return .failure(.malformed("'${\(body)}' is not ${NAME} or ${NAME:-default}")) }
            // An empty value counts as unset, as in the shell's `:-`.
            if let value = environment[String(name)], !value.isEmpty {
                out += value
            } else if let fallback {
                out += fallback
            } else {
                return .failure(.unset(name: String(name)))
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        out += rest
        return .success(out)
    }

    static func isName(_ s: Substring) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
