/// Shorthands for the SVG elements charts are drawn with; all go through `HTML.element`, so labels
/// are escaped like any other text.
enum SVGElements {
    typealias A = HTMLAttribute
    static func n(_ v: Double) -> String { SVGNumber.format(v) }

    /// The chart's root: scales to its container, announces itself as one image with a name and a
    /// text description for screen readers.
    static func root(width: Double, height: Double, title: String, description: String, _ children: [HTML]) -> HTML {
        .element(
            .svg,
            // width/height give the natural size, so text is the same size in every chart; CSS
            // only shrinks a chart that does not fit.
            [A(.xmlns, "http://www.w3.org/2000/svg"), A(.viewBox, "0 0 \(n(width)) \(n(height))"), A(.role, "img"),
             A(.width, n(width)), A(.height, n(height)),
             A(.ariaLabel, title), A(.class, "chart")],
            [.element(.svgTitle, text: title), .element(.desc, text: description)] + children)
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil) -> HTML {
        .element(
            .rect,
            [A(.x, n(x)), A(.y, n(y)), A(.width, n(max(width, 0))), A(.height, n(max(height, 0))), A(.fill, fill)],
            title.map { [.element(.svgTitle, text: $0)] } ?? [])
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                     dash: String? = nil) -> HTML {
        var attrs = [A(.x1, n(x1)), A(.y1, n(y1)), A(.x2, n(x2)), A(.y2, n(y2)), A(.stroke, stroke),
                     A(.strokeWidth, n(width))]
        if let dash { attrs.append(A(.strokeDasharray, dash)) }
        return .element(.line, attrs)
    }

    enum Anchor: String { case start, middle, end }

    static func label(x: Double, y: Double, _ s: String, anchor: Anchor = .start, size: Double = 12,
                      fill: String = "#222222", bold: Bool = false) -> HTML {
        var attrs = [A(.x, n(x)), A(.y, n(y)), A(.textAnchor, anchor.rawValue), A(.fontSize, n(size)), A(.fill, fill)]
        if bold { attrs.append(A(.fontWeight, "bold")) }
        return .element(.text, attrs, text: s)
    }

    static func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) -> HTML {
        var attrs = [A(.points, pointList(points)), A(.fill, "none"), A(.stroke, stroke), A(.strokeWidth, n(width))]
        if let dash { attrs.append(A(.strokeDasharray, dash)) }
        return .element(.polyline, attrs)
    }

    static func polygon(_ points: [(Double, Double)], fill: String, opacity: Double) -> HTML {
        .element(.polygon, [A(.points, pointList(points)), A(.fill, fill), A(.fillOpacity, n(opacity))])
    }

    static func path(_ d: String, fill: String, title: String? = nil) -> HTML {
        .element(.path, [A(.d, d), A(.fill, fill), A(.stroke, "#FFFFFF"), A(.strokeWidth, "1")],
                 title.map { [.element(.svgTitle, text: $0)] } ?? [])
    }

    static func group(_ children: [HTML], transform: String? = nil) -> HTML {
        .element(.g, transform.map { [A(.transform, $0)] } ?? [], children)
    }

    private static func pointList(_ points: [(Double, Double)]) -> String {
        points.map { n($0.0) + "," + n($0.1) }.joined(separator: " ")
    }
}
