/// A one-row legend drawn inside a chart, so it prints with it.
struct ChartLegend {
    enum Mark { case swatch, solidLine, dashedLine }
    struct Item {
        var label: String
        var color: String
        var mark: Mark = .swatch
        var opacity: Double = 1
    }
    var items: [Item]

    /// Legend items laid out left to right from (x, y), wrapping at `width`. Returns the elements
    /// and the height used.
    func draw(x: Double, y: Double, width: Double, fontSize: Double = 11) -> (HTML, Double) {
        var children: [HTML] = []
        var cx = x, cy = y
        let rowHeight = fontSize + 6
        for item in items {
            let text = TextWidth.fit(item.label, width: 160, fontSize: fontSize)
            let w = 18 + TextWidth.estimate(text, fontSize: fontSize) + 14
            if cx + w > x + width && cx > x { cx = x; cy += rowHeight }
            switch item.mark {
            case .swatch:
                children.append(.element(.rect, [
                    .init(.x, SVGNumber.format(cx)), .init(.y, SVGNumber.format(cy - fontSize + 2)),
                    .init(.width, "12"), .init(.height, SVGNumber.format(fontSize - 1)), .init(.fill, item.color),
                    .init(.fillOpacity, SVGNumber.format(item.opacity)),
                ]))
            case .solidLine, .dashedLine:
                children.append(SVGElements.line(x1: cx, y1: cy - fontSize / 2 + 1, x2: cx + 12, y2: cy - fontSize / 2 + 1,
                                                 stroke: item.color, width: 2.5,
                                                 dash: item.mark == .dashedLine ? "4 2" : nil))
            }
            children.append(SVGElements.label(x: cx + 16, y: cy, text, size: fontSize))
            cx += w
        }
        return (.element(.g, [.init(.class, "legend")], children), cy - y + rowHeight)
    }
}
