/// Stages as centred bars narrowing with the count reached, each with the count and the share
/// converted from the stage before.
public struct FunnelChart: Sendable {
    public struct Stage: Sendable, Equatable {
        public var label: String
        public var count: Int
        public init(label: String, count: Int) {
            self.label = label
            self.count = count
        }
    }
    public var title: String
    public var stages: [Stage]
    public var countText: @Sendable (Int) -> String
    public var shareText: @Sendable (Double) -> String
    /// Width of the drawing in SVG units; 480 suits a half-width column, 640 the full width, so
    /// text keeps about the same size on the page either way.
    public var width: Double = 640

    public init(title: String, stages: [Stage], countText: @escaping @Sendable (Int) -> String,
                shareText: @escaping @Sendable (Double) -> String) {
        self.title = ChartText.label(title)
        self.stages = stages.map { Stage(label: ChartText.label($0.label), count: $0.count) }
        self.countText = countText
        self.shareText = shareText
    }

    /// Share of the previous stage that reached stage `i` (nil for the first or after an empty one).
    func conversion(_ i: Int) -> Double? {
        guard i > 0, stages[i - 1].count > 0 else { return nil }
        return Double(stages[i].count) / Double(stages[i - 1].count)
    }

    public func render() -> HTML {
        typealias E = SVGElements
        let labelWidth = min(140.0, width * 0.28), rightWidth = min(130.0, width * 0.2), barHeight = 30.0, gap = 6.0, top = 6.0
        let plotLeft = labelWidth + 8, plotWidth = width - plotLeft - rightWidth
        let centre = plotLeft + plotWidth / 2
        let height = top * 2 + Double(stages.count) * (barHeight + gap)
        let maxCount = max(stages.map(\.count).max() ?? 0, 1)
        var children: [HTML] = []
        var parts: [String] = []
        for (i, s) in stages.enumerated() {
            let y = top + Double(i) * (barHeight + gap)
            // A minimum width keeps a stage with few rows visible and clickable-looking.
            let w = max(plotWidth * Double(max(s.count, 0)) / Double(maxCount), 3)
            let conv = conversion(i).map(shareText)
            let tip = s.label + ": " + countText(s.count) + (conv.map { " (" + $0 + ")" } ?? "")
            parts.append(tip)
            children.append(E.label(x: labelWidth, y: y + barHeight * 0.65,
                                    TextWidth.fit(s.label, width: labelWidth - 4, fontSize: 12), anchor: .end))
            children.append(E.rect(x: centre - w / 2, y: y, width: w, height: barHeight,
                                   fill: ChartPalette.series(0), title: tip))
            children.append(E.label(x: plotLeft + plotWidth + 8, y: y + barHeight * 0.45, countText(s.count), size: 12,
                                    bold: true))
            if let conv {
                children.append(E.label(x: plotLeft + plotWidth + 8, y: y + barHeight * 0.45 + 13, "↳ " + conv,
                                        size: 10, fill: ChartPalette.axis))
            }
        }
        return E.root(width: width, height: height, title: title, description: parts.joined(separator: "; "), children)
    }
}
