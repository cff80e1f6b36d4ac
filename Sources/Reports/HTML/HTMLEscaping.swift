/// Escaping for the two places a value can land in markup. Both first make the text inert
/// (no NUL, controls or direction overrides; see `InertText`).
enum HTMLEscaping {
    /// Text content: `&` and `<` would start markup, `>` is escaped too so that no `]]>`- or
    /// `-->`-shaped sequence survives.
    static func text(_ s: String, into out: inout String) {
        for scalar in InertText.scalars(of: s) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// A double-quoted attribute value: the quote could end it; `'` is escaped as well so the value
    /// would stay inert even if a template ever single-quoted it.
    static func attribute(_ s: String, into out: inout String) {
        for scalar in InertText.scalars(of: s) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
