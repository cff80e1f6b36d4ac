/// A series with its forecast: the observed line, the forecast mean dashed, and the 80 % and 95 %
/// prediction intervals as shaded bands. Periods are evenly spaced (one x step per period).
public struct BandLineChart: Sendable {
    public struct Point: Sendable, Equatable {
        public var label: String
        public var value: Double
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }
    public struct Band: Sendable, Equatable {
        public var label: String
        public var mean: Double, lower80: Double, upper80: Double, lower95: Double, upper95: Double
        public init(label: String, mean: Double, lower80: Double, upper80: Double, lower95: Double, upper95: Double) {
            self.label = label
            self.mean = mean
            self.lower80 = lower80
            self.upper80 = upper80
            self.lower95 = lower95
            self.upper95 = upper95
        }
    }
    public struct Legend: Sendable {
        public var actual: String, forecast: String, band80: String, band95: String
        public init(actual: String, forecast: String, band80: String, band95: String) {
            self.actual = actual
            self.forecast = forecast
            self.band80 = band80
            self.band95 = band95
        }
    }

    public var title: String
    public var history: [Point]
    public var forecast: [Band]
    public var legend: Legend
    public var valueText: @Sendable (Double) -> String
    /// Axis tick labels; ticks are round numbers, so they can drop decimals values keep.
    public var tickText: @Sendable (Double) -> String

    public init(title: String, history: [Point], forecast: [Band], legend: Legend,
                tickText: (@Sendable (Double) -> String)? = nil,
                valueText: @escaping @Sendable (Double) -> String) {
        self.title = ChartText.label(title)
        self.history = history
        self.forecast = forecast
        self.legend = legend
        self.valueText = valueText
        self.tickText = tickText ?? valueText
    }

    var description: String {
        let h = history.map { $0.label + " " + valueText($0.value) }
        let f = forecast.map {
            $0.label + " " + valueText($0.mean) + " (95%: " + valueText($0.lower95) + "–" + valueText($0.upper95) + ")"
        }
        return legend.actual + ": " + h.joined(separator: ", ") + ". " + legend.forecast + ": " + f.joined(separator: ", ")
    }

    public func render() -> HTML {
        typealias E = SVGElements
        let width = 640.0, height = 300.0, left = 68.0, right = 12.0, top = 30.0, bottom = 40.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let all = history.map(\.value) + forecast.flatMap { [$0.lower95, $0.upper95, $0.mean] }
        let finite = all.filter(\.isFinite)
        let s = NiceScale(min: min(0, finite.min() ?? 0), max: finite.max() ?? 1)
        let count = history.count + forecast.count
        let step = plotWidth / Double(max(count - 1, 1))
        func x(_ i: Int) -> Double { left + Double(i) * step }
        func y(_ v: Double) -> Double { top + (1 - s.fraction(v.isFinite ? v : 0)) * plotHeight }

        var children: [HTML] = []
        let (legendNode, _) = ChartLegend(items: [
            .init(label: legend.actual, color: ChartPalette.primary, mark: .solidLine),
            .init(label: legend.forecast, color: ChartPalette.forecast, mark: .dashedLine),
            .init(label: legend.band80, color: ChartPalette.forecast, opacity: 0.35),
            .init(label: legend.band95, color: ChartPalette.forecast, opacity: 0.15),
        ]).draw(x: left, y: 14, width: plotWidth)
        children.append(legendNode)
        for t in s.ticks {
            children.append(E.line(x1: left, y1: y(t), x2: width - right, y2: y(t), stroke: ChartPalette.grid))
            children.append(E.label(x: left - 6, y: y(t) + 4, tickText(t), anchor: .end, size: 10,
                                    fill: ChartPalette.axis))
        }
        // About eight period labels whatever the length, always including the first forecast period.
        let labels = history.map(\.label) + forecast.map(\.label)
        let every = max(1, Int((Double(count) / 8).rounded(.up)))
        var shown = Set(stride(from: 0, to: count, by: every))
        if !forecast.isEmpty {
            let f = history.count
            shown = shown.filter { $0 == 0 || abs($0 - f) * 2 >= every }
            shown.insert(f)
        }
        for i in shown.sorted() where i < labels.count {
            let l = labels[i]
            children.append(E.line(x1: x(i), y1: top + plotHeight, x2: x(i), y2: top + plotHeight + 4,
                                   stroke: ChartPalette.axis))
            children.append(E.label(x: x(i), y: top + plotHeight + 18, l, anchor: .middle, size: 10,
                                    fill: ChartPalette.axis))
        }
        if !forecast.isEmpty {
            // Bands start at the last observation so the forecast visibly continues the line.
            let start = history.count
            let anchor: [(Int, Double)] = history.last.map { [(start - 1, $0.value)] } ?? []
            func band(_ lower: KeyPath<Band, Double>, _ upper: KeyPath<Band, Double>) -> [(Double, Double)] {
                let up = anchor.map { (x($0.0), y($0.1)) } + forecast.enumerated().map { (x(start + $0.offset), y($0.element[keyPath: upper])) }
                let down = (anchor.map { (x($0.0), y($0.1)) } + forecast.enumerated().map { (x(start + $0.offset), y($0.element[keyPath: lower])) }).reversed()
                return up + down
            }
            children.append(E.polygon(band(\.lower95, \.upper95), fill: ChartPalette.forecast, opacity: 0.15))
            children.append(E.polygon(band(\.lower80, \.upper80), fill: ChartPalette.forecast, opacity: 0.35))
            let mean = anchor.map { (x($0.0), y($0.1)) } + forecast.enumerated().map { (x(start + $0.offset), y($0.element.mean)) }
            children.append(E.polyline(mean, stroke: ChartPalette.forecast, width: 2, dash: "6 3"))
            if start > 0 {
                children.append(E.line(x1: x(start - 1), y1: top, x2: x(start - 1), y2: top + plotHeight,
                                       stroke: ChartPalette.axis, dash: "2 3"))
            }
        }
        if !history.isEmpty {
            children.append(E.polyline(history.enumerated().map { (x($0.offset), y($0.element.value)) },
                                       stroke: ChartPalette.primary, width: 2))
        }
        children.append(E.line(x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight,
                               stroke: ChartPalette.axis))
        return E.root(width: width, height: height, title: title, description: description, children)
    }
}
