import Foundation

/// Shares of a whole as a ring, largest first, with a legend giving each slice's share. Slices
/// beyond `maxSlices` are summed into one "other" slice so the legend stays readable.
public struct DonutChart: Sendable {
    public struct Slice: Sendable, Equatable {
        public var label: String
        public var value: Double
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }
    public var title: String
    public var slices: [Slice]
    public var otherLabel: String
    public var maxSlices: Int
    public var shareText: @Sendable (Double) -> String
    /// Width of the drawing in SVG units; 480 suits a half-width column, 640 the full width, so
    /// text keeps about the same size on the page either way.
    public var width: Double = 640

    public init(title: String, slices: [Slice], otherLabel: String, maxSlices: Int = 7,
                shareText: @escaping @Sendable (Double) -> String) {
        self.title = ChartText.label(title)
        self.slices = slices.map { Slice(label: ChartText.label($0.label), value: $0.value) }
        self.otherLabel = otherLabel
        self.maxSlices = maxSlices
        self.shareText = shareText
    }

    /// Positive slices, largest first (ties by label, so order never depends on input order),
    /// with the tail folded into "other".
    var shown: [Slice] {
        let positive = slices.filter { $0.value.isFinite && $0.value > 0 }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.label < $1.label }
        guard positive.count > maxSlices else { return positive }
        let head = Array(positive.prefix(maxSlices - 1))
        let rest = positive.dropFirst(maxSlices - 1).reduce(0) { $0 + $1.value }
        return head + [Slice(label: otherLabel, value: rest)]
    }

    public func render() -> HTML {
        typealias E = SVGElements
        let height = 240.0, cx = 120.0, cy = 120.0, outer = 100.0, inner = 58.0
        let parts = shown
        let total = parts.reduce(0) { $0 + $1.value }
        var children: [HTML] = []
        var summary: [String] = []
        var start = -Double.pi / 2
        for (i, p) in parts.enumerated() {
            let share = total > 0 ? p.value / total : 0
            let text = p.label + ": " + shareText(share)
            summary.append(text)
            let color = ChartPalette.series(i)
            if share >= 0.9999 {
                // A full ring cannot be drawn as one arc; two half rings can.
                children.append(E.path(arc(cx, cy, outer, inner, -Double.pi / 2, Double.pi / 2), fill: color, title: text))
                children.append(E.path(arc(cx, cy, outer, inner, Double.pi / 2, 3 * Double.pi / 2), fill: color, title: text))
            } else {
                let end = start + share * 2 * Double.pi
                children.append(E.path(arc(cx, cy, outer, inner, start, end), fill: color, title: text))
                start = end
            }
            let ly = 28 + Double(i) * 24
            children.append(E.rect(x: 260, y: ly - 11, width: 12, height: 12, fill: color))
            children.append(E.label(x: 280, y: ly, TextWidth.fit(p.label, width: width - 340, fontSize: 12), size: 12))
            children.append(E.label(x: width - 10, y: ly, shareText(share), anchor: .end, size: 12, bold: true))
        }
        return E.root(width: width, height: max(height, 28 + Double(parts.count) * 24),
                      title: title, description: summary.joined(separator: "; "), children)
    }

    /// A ring segment from angle `a0` to `a1` (radians, clockwise from 3 o'clock in SVG space).
    private func arc(_ cx: Double, _ cy: Double, _ r: Double, _ r0: Double, _ a0: Double, _ a1: Double) -> String {
        let n = SVGNumber.format
        let large = a1 - a0 > Double.pi ? 1 : 0
        let p1 = (cx + r * cos(a0), cy + r * sin(a0)), p2 = (cx + r * cos(a1), cy + r * sin(a1))
        let q1 = (cx + r0 * cos(a1), cy + r0 * sin(a1)), q2 = (cx + r0 * cos(a0), cy + r0 * sin(a0))
        return "M\(n(p1.0)) \(n(p1.1))A\(n(r)) \(n(r)) 0 \(large) 1 \(n(p2.0)) \(n(p2.1))"
            + "L\(n(q1.0)) \(n(q1.1))A\(n(r0)) \(n(r0)) 0 \(large) 0 \(n(q2.0)) \(n(q2.1))Z"
    }
}
