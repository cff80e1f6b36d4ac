/// Bars with a value axis at nice ticks, grid lines and each bar's value printed at its end.
public struct BarChart: Sendable {
    public enum Orientation: Sendable { case horizontal, vertical }
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    public var title: String
    public var bars: [Bar]
    public var orientation: Orientation
    public var valueText: @Sendable (Double) -> String
    /// Axis tick labels; ticks are round numbers, so they can drop decimals values keep.
    public var tickText: @Sendable (Double) -> String
    public var color: String
    /// The bars count things: axis ticks are whole numbers (see `NiceScale.integerSteps`).
    public var countsAxis: Bool
    /// Width of the drawing in SVG units; 480 suits a half-width column, 640 the full width, so
    /// text keeps about the same size on the page either way.
    public var width: Double = 640

    public init(title: String, bars: [Bar], orientation: Orientation, color: String? = nil, countsAxis: Bool = false,
                tickText: (@Sendable (Double) -> String)? = nil,
                valueText: @escaping @Sendable (Double) -> String) {
        self.countsAxis = countsAxis
        self.title = ChartText.label(title)
        self.bars = bars.map { Bar(label: ChartText.label($0.label), value: $0.value) }
        self.orientation = orientation
        self.valueText = valueText
        self.tickText = tickText ?? valueText
        self.color = color ?? ChartPalette.primary
    }

    var description: String {
        bars.map { $0.label + ": " + valueText($0.value) }.joined(separator: "; ")
    }

    var scale: NiceScale {
        let values = bars.map(\.value).filter(\.isFinite)
        return NiceScale(min: min(0, values.min() ?? 0), max: max(0, values.max() ?? 0), integerSteps: countsAxis)
    }

    public func render() -> HTML {
        orientation == .horizontal ? horizontal() : vertical()
    }

    private func horizontal() -> HTML {
        typealias E = SVGElements
        let labelWidth = min(150.0, width * 0.3), valueWidth = 70.0, barHeight = 20.0, gap = 8.0, top = 8.0
        let plotLeft = labelWidth + 8, plotWidth = width - plotLeft - valueWidth
        let plotHeight = Double(bars.count) * (barHeight + gap)
        let height = top + plotHeight + 28
        let s = scale
        func x(_ v: Double) -> Double { plotLeft + s.fraction(v) * plotWidth }
        var children: [HTML] = []
        for t in s.ticks {
            children.append(E.line(x1: x(t), y1: top, x2: x(t), y2: top + plotHeight, stroke: ChartPalette.grid))
            children.append(E.label(x: x(t), y: top + plotHeight + 16, tickText(t), anchor: .middle, size: 10,
                                    fill: ChartPalette.axis))
        }
        for (i, b) in bars.enumerated() {
            let y = top + Double(i) * (barHeight + gap)
            let v = b.value.isFinite ? b.value : 0
            let x0 = x(min(0, v)), x1 = x(max(0, v))
            children.append(E.label(x: labelWidth, y: y + barHeight * 0.72,
                                    TextWidth.fit(b.label, width: labelWidth - 4, fontSize: 12), anchor: .end))
            children.append(E.rect(x: x0, y: y, width: x1 - x0, height: barHeight, fill: color,
                                   title: b.label + ": " + valueText(b.value)))
            children.append(E.label(x: x1 + 4, y: y + barHeight * 0.72, valueText(b.value), size: 11))
        }
        children.append(E.line(x1: x(0), y1: top, x2: x(0), y2: top + plotHeight, stroke: ChartPalette.axis))
        return E.root(width: width, height: height, title: title, description: description, children)
    }

    private func vertical() -> HTML {
        typealias E = SVGElements
        let height = 280.0, left = 64.0, right = 8.0, top = 18.0, bottom = 44.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let s = scale
        func y(_ v: Double) -> Double { top + (1 - s.fraction(v)) * plotHeight }
        let slot = plotWidth / Double(max(bars.count, 1))
        let barWidth = min(slot * 0.7, 60)
        var children: [HTML] = []
        for t in s.ticks {
            children.append(E.line(x1: left, y1: y(t), x2: width - right, y2: y(t), stroke: ChartPalette.grid))
            children.append(E.label(x: left - 6, y: y(t) + 4, tickText(t), anchor: .end, size: 10,
                                    fill: ChartPalette.axis))
        }
        for (i, b) in bars.enumerated() {
            let cx = left + slot * (Double(i) + 0.5)
            let v = b.value.isFinite ? b.value : 0
            let y0 = y(max(0, v)), y1 = y(min(0, v))
            children.append(E.rect(x: cx - barWidth / 2, y: y0, width: barWidth, height: y1 - y0, fill: color,
                                   title: b.label + ": " + valueText(b.value)))
            children.append(E.label(x: cx, y: y0 - 4, valueText(b.value), anchor: .middle, size: 10))
            children.append(E.label(x: cx, y: height - bottom + 16,
                                    TextWidth.fit(b.label, width: slot - 4, fontSize: 11), anchor: .middle, size: 11))
        }
        children.append(E.line(x1: left, y1: y(0), x2: width - right, y2: y(0), stroke: ChartPalette.axis))
        return E.root(width: width, height: height, title: title, description: description, children)
    }
}
