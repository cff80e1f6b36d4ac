/// A grid of shares (cohort retention): rows × columns, each cell shaded by its value on a
/// white-to-blue ramp with the value written in it; empty cells (not yet observed) stay blank.
public struct Heatmap: Sendable {
    public var title: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// `cells[row][column]`, shares in 0…1; rows may be shorter than `columnLabels`.
    public var cells: [[Double?]]
    public var valueText: @Sendable (Double) -> String

    public init(title: String, rowLabels: [String], columnLabels: [String], cells: [[Double?]],
                valueText: @escaping @Sendable (Double) -> String) {
        self.title = ChartText.label(title)
        self.rowLabels = rowLabels.map(ChartText.label)
        self.columnLabels = columnLabels.map(ChartText.label)
        self.cells = cells
        self.valueText = valueText
    }

    static let minimumCellWidth = 36.0

    public func render() -> HTML {
        typealias E = SVGElements
        let labelWidth = 130.0, top = 24.0, cellHeight = 26.0
        let columns = max(columnLabels.count, 1)
        // Cells shrink to fit 640 units but never below 30, where "100%" still fits; a wider grid
        // is scaled down as a whole by the page, keeping its proportions.
        let cellWidth = max(min((640 - labelWidth - 4) / Double(columns), 60), Self.minimumCellWidth)
        let width = max(labelWidth + Double(columns) * cellWidth + 8, labelWidth + 5 * 56 + 40)
        let legendTop = top + Double(rowLabels.count) * cellHeight + 12
        let height = legendTop + 22
        var children: [HTML] = []
        // Headers such as 第12月 overflow a narrow cell at 11 units; a smaller size for all of them
        // keeps every header whole rather than cutting some to "第12…".
        let headerSize = columnLabels.allSatisfy { TextWidth.estimate($0, fontSize: 11) <= cellWidth - 2 } ? 11.0 : 9.0
        for (j, l) in columnLabels.enumerated() {
            children.append(E.label(x: labelWidth + (Double(j) + 0.5) * cellWidth, y: top - 7,
                                    TextWidth.fit(l, width: cellWidth - 2, fontSize: headerSize), anchor: .middle, size: headerSize,
                                    fill: ChartPalette.axis))
        }
        var summary: [String] = []
        for (i, rowLabel) in rowLabels.enumerated() {
            let y = top + Double(i) * cellHeight
            children.append(E.label(x: labelWidth - 6, y: y + cellHeight * 0.68,
                                    TextWidth.fit(rowLabel, width: labelWidth - 8, fontSize: 12), anchor: .end, size: 12))
            let row = i < cells.count ? cells[i] : []
            var rowText: [String] = []
            for j in 0..<min(row.count, columnLabels.count) {
                guard let v = row[j], v.isFinite else { continue }
                let x = labelWidth + Double(j) * cellWidth
                let text = valueText(v)
                rowText.append((j < columnLabels.count ? columnLabels[j] : "") + " " + text)
                children.append(E.rect(x: x + 0.5, y: y + 0.5, width: cellWidth - 1, height: cellHeight - 1,
                                       fill: ChartPalette.sequential(v), title: rowLabel + ", " + columnLabels[j] + ": " + text))
                children.append(E.label(x: x + cellWidth / 2, y: y + cellHeight * 0.68, text, anchor: .middle, size: 12,
                                        fill: v > 0.5 ? "#FFFFFF" : "#222222"))
            }
            summary.append(rowLabel + ": " + rowText.joined(separator: ", "))
        }
        // Scale: five swatches from 0 to 100 %.
        for k in 0...4 {
            let t = Double(k) / 4
            let x = labelWidth + Double(k) * 56
            children.append(E.rect(x: x, y: legendTop, width: 14, height: 12, fill: ChartPalette.sequential(t)))
            children.append(E.label(x: x + 18, y: legendTop + 10, valueText(t), size: 11, fill: ChartPalette.axis))
        }
        return E.root(width: width, height: height, title: title, description: summary.joined(separator: "; "), children)
    }
}
