/// Labels as charts keep them: cut to a length that fits tooltips and screen-reader descriptions,
/// so a 10 000-character customer name cannot bloat the SVG.
enum ChartText {
    static let limit = 60

    static func label(_ s: String) -> String { InertText.truncated(s, limit: limit) }
}
