/// Attribute names the builder can emit. Declaration order is the order attributes are written in,
/// so output does not depend on the order a caller listed them.
public enum HTMLAttributeName: String, Sendable, CaseIterable, Comparable {
    case id, `class`, lang, charset, name, content, href, download, title, role
    case ariaLabel = "aria-label", ariaHidden = "aria-hidden", ariaDescribedBy = "aria-describedby"
    case scope, colspan, dir
    // SVG geometry and presentation
    case viewBox, xmlns, preserveAspectRatio
    case x, y, x1, y1, x2, y2, cx, cy, r, width, height, d, points, transform
    case fill, fillOpacity = "fill-opacity", stroke, strokeWidth = "stroke-width", strokeDasharray = "stroke-dasharray"
    case textAnchor = "text-anchor", dominantBaseline = "dominant-baseline", fontSize = "font-size", fontWeight = "font-weight"

    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
}

/// One attribute: a fixed name and a value that is escaped when written, whatever it holds.
public struct HTMLAttribute: Sendable, Equatable {
    public let name: HTMLAttributeName
    public let value: String

    public init(_ name: HTMLAttributeName, _ value: String) {
        self.name = name
        self.value = value
    }

    public static func `class`(_ v: String) -> Self { .init(.class, v) }
    public static func id(_ v: String) -> Self { .init(.id, v) }
    public static func ariaLabel(_ v: String) -> Self { .init(.ariaLabel, v) }
    public static func title(_ v: String) -> Self { .init(.title, v) }
}
