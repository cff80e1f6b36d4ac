/// The only element names the builder can emit. A closed set, so no caller-supplied string ever
/// becomes markup: a tag name cannot carry `>` or `on…=` because it is not a string at all.
public enum HTMLTag: String, Sendable, CaseIterable {
    // Document
    case html, head, body, meta, title, style
    // Sections and text
    case header, footer, main, section, nav, div, p, span, h1, h2, h3, small, strong, a, ul, li, figure, figcaption
    // Tables
    case table, caption, thead, tbody, tr, th, td
    // SVG (foreign content: empty elements are written self-closed)
    case svg, g, rect, line, path, circle, polyline, polygon, text, tspan, desc
    /// `<title>` inside SVG; written as `title` but kept apart so HTML's `<title>` stays in `<head>`.
    case svgTitle = "svg-title"

    /// The name written into markup.
    var markupName: String { self == .svgTitle ? "title" : rawValue }

    /// HTML void elements: written without a closing tag and never with children.
    var isVoid: Bool { self == .meta }

    /// SVG elements: written self-closed when empty.
    var isSVG: Bool {
        switch self {
        case .svg, .g, .rect, .line, .path, .circle, .polyline, .polygon, .text, .tspan, .desc, .svgTitle: true
        default: false
        }
    }
}
