/// A piece of well-formed, escaped markup. Values of this type can only come from `text`
/// (escapes), `element` (a closed set of tag and attribute names, escaped values) and this module's
/// own style sheet; there is no public way to turn a `String` into markup, so every value a report
/// shows is escaped by construction.
public struct HTML: Sendable, Equatable {
    /// The markup; read-only outside the module.
    public private(set) var markup: String

    /// Markup this module wrote itself (the style sheet, the doctype). Never fed caller data.
    init(trusted markup: String) { self.markup = markup }

    public static let empty = HTML(trusted: "")

    /// A text node: the string is shown, never interpreted.
    public static func text(_ s: String) -> HTML {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        HTMLEscaping.text(s, into: &out)
        return HTML(trusted: out)
    }

    /// Several nodes side by side.
    public static func fragment(_ children: [HTML]) -> HTML {
        var out = ""
        out.reserveCapacity(children.reduce(0) { $0 + $1.markup.utf8.count })
        for c in children { out += c.markup }
        return HTML(trusted: out)
    }

    /// An element. Attributes are written in `HTMLAttributeName` order; when a name repeats, the
    /// last value wins. Children of void elements are dropped (they cannot have any).
    public static func element(_ tag: HTMLTag, _ attributes: [HTMLAttribute] = [], _ children: [HTML] = []) -> HTML {
        var out = "<" + tag.markupName
        for a in normalised(attributes) {
            out += " " + a.name.rawValue + "=\""
            HTMLEscaping.attribute(a.value, into: &out)
            out += "\""
        }
        if tag.isVoid { return HTML(trusted: out + ">") }
        if tag.isSVG && children.isEmpty { return HTML(trusted: out + "/>") }
        out += ">"
        for c in children { out += c.markup }
        out += "</" + tag.markupName + ">"
        return HTML(trusted: out)
    }

    /// Element with text content, the common case.
    public static func element(_ tag: HTMLTag, _ attributes: [HTMLAttribute] = [], text: String) -> HTML {
        element(tag, attributes, [.text(text)])
    }

    private static func normalised(_ attributes: [HTMLAttribute]) -> [HTMLAttribute] {
        var byName: [HTMLAttributeName: HTMLAttribute] = [:]
        for a in attributes { byName[a.name] = a }
        return byName.values.sorted { $0.name < $1.name }
    }
}
