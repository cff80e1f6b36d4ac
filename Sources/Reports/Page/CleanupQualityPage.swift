import Foundation

/// `data_quality.html` of `crm clean`: one self-contained page (inline CSS and SVG, no scripts, no
/// network), written with the same escaping builder, style sheet and tables as the management
/// report. The same model renders to the same bytes.
public struct CleanupQualityPage: Sendable {
    public let model: CleanupQuality
    public let language: ReportLanguage
    let format: ReportFormatter
    /// Conflicts listed on the page; the rest are summarised per column.
    public static let conflictsShown = 50

    public init(model: CleanupQuality, language: ReportLanguage) {
        self.model = model
        self.language = language
        self.format = ReportFormatter(language: language, currency: "CNY")
    }

    func t(_ label: CleanupLabel) -> String { label.text(language) }
    func t(_ label: CleanupLabel, _ argument: String) -> String { label.text(language, argument) }

    public func render() -> String {
        let title = t(.title) + " · " + model.pipeline
        let head = HTML.element(.head, [], [
            .element(.meta, [HTMLAttribute(.charset, "utf-8")]),
            .element(.meta, [HTMLAttribute(.name, "viewport"), HTMLAttribute(.content, "width=device-width, initial-scale=1")]),
            .element(.meta, [HTMLAttribute(.name, "generator"), HTMLAttribute(.content, "crm clean")]),
            .element(.title, text: title),
            .element(.style, [], [HTML(trusted: StyleSheet.css)]),
        ])
        let body = HTML.element(.body, [], [
            .element(.header, [], [
                .element(.h1, text: title),
                .element(.p, [.class("meta")], text: t(.subtitle, format.decimal(model.threshold, digits: 2))),
            ]),
            .element(.main, [], [accounting(), columns(), clusters(), conflicts(), flags(), quarantine()]),
            .element(.footer, [], [files(), .element(.p, text: t(.footer))]),
        ])
        return "<!DOCTYPE html>\n" + HTML.element(.html, [HTMLAttribute(.lang, language.htmlLang)], [head, body]).markup + "\n"
    }

    public func renderBytes() -> [UInt8] { Array(render().utf8) }

    private func section(_ id: String, _ title: CleanupLabel, _ content: [HTML]) -> HTML {
        .element(.section, [.id(id), .ariaLabel(t(title))], [.element(.h2, text: t(title))] + content)
    }

    private func empty(_ label: CleanupLabel) -> [HTML] { [.element(.p, [.class("empty")], text: t(label))] }

    private func accounting() -> HTML {
        let s = model.sources
        let read = s.reduce(0) { $0 + $1.rowsRead }, linked = s.reduce(0) { $0 + $1.linked }
        let quarantined = s.reduce(0) { $0 + $1.quarantined }
        let table = DataTable(
            caption: nil,
            columns: [.init(header: t(.source), nowrap: true), .init(header: t(.rowsRead), numeric: true),
                      .init(header: t(.linked), numeric: true), .init(header: t(.quarantined), numeric: true)],
            rows: s.map { [$0.source, format.count($0.rowsRead), format.count($0.linked), format.count($0.quarantined)] },
            totalRow: [t(.total), format.count(read), format.count(linked), format.count(quarantined)])
        // Re-checked here rather than trusted: a mismatch is shown loudly.
        let holds = s.allSatisfy { $0.rowsRead == $0.linked + $0.quarantined }
        return section("accounting", .accountingTitle, [
            table.render(),
            .element(.p, [.class(holds ? "note" : "warn")], text: t(holds ? .accountingHolds : .accountingBroken)),
            .element(.p, [], [.element(.strong, text: t(.goldenRecords) + ": " + format.count(model.goldenRecords))]),
        ])
    }

    private func columns() -> HTML {
        func valid(_ m: CleanupQuality.Measure) -> String { m.validity.map { format.percent($0) } ?? "–" }
        let table = DataTable(
            caption: nil,
            columns: [.init(header: t(.column), nowrap: true), .init(header: t(.completenessBefore), numeric: true),
                      .init(header: t(.completenessAfter), numeric: true), .init(header: t(.validityBefore), numeric: true),
                      .init(header: t(.validityAfter), numeric: true)],
            rows: model.columns.map {
                [$0.column, format.percent($0.before.completeness), format.percent($0.after.completeness),
                 valid($0.before), valid($0.after)]
            })
        return section("columns", .columnsTitle, [.element(.p, [.class("note")], text: t(.columnsNote)), table.render()])
    }

    private func sizeText(_ c: CleanupQuality.ClusterSize) -> String {
        c.orMore ? t(.sizeOrMore, String(c.size)) : String(c.size)
    }

    private func clusters() -> HTML {
        let merged = model.clusterSizes.filter { $0.size > 1 }
        guard merged.contains(where: { $0.clusters > 0 }) else { return section("clusters", .clustersTitle, empty(.noDuplicates)) }
        let table = DataTable(
            caption: nil,
            columns: [.init(header: t(.clusterSize)), .init(header: t(.clusters), numeric: true), .init(header: t(.rows), numeric: true)],
            rows: model.clusterSizes.map { [sizeText($0), format.count($0.clusters), format.count($0.rows)] })
        let f = format
        let chart = BarChart(title: t(.clustersChart), bars: merged.map { .init(label: sizeText($0), value: Double($0.clusters)) },
                             orientation: .vertical, tickText: { f.countTick($0) }, valueText: { f.count(Int($0)) })
        return section("clusters", .clustersTitle, [
            .element(.div, [.class("side")], [.element(.figure, [], [chart.render()]), table.render()]),
        ])
    }

    private func ruleText(_ r: CleanupQuality.Rule) -> String {
        switch r {
        case .sourcePriority: t(.ruleSourcePriority)
        case .mostRecent: t(.ruleMostRecent)
        case .mostComplete: t(.ruleMostComplete)
        case .mostFrequent: t(.ruleMostFrequent)
        }
    }

    private func conflicts() -> HTML {
        guard model.conflictsTotal > 0 else { return section("conflicts", .conflictsTitle, empty(.noConflicts)) }
        let summary = DataTable(
            caption: nil,
            columns: [.init(header: t(.column), nowrap: true), .init(header: t(.rule)),
                      .init(header: t(.clustersWithConflict), numeric: true)],
            rows: model.conflictSummary.map { [$0.column, ruleText($0.rule), format.count($0.clusters)] })
        let examples = DataTable(
            caption: model.conflictsTotal > model.conflicts.count ? t(.conflictsShown, String(model.conflicts.count)) : nil,
            columns: [.init(header: t(.goldenID), numeric: true), .init(header: t(.column), nowrap: true),
                      .init(header: t(.valuesSeen)), .init(header: t(.survivor)), .init(header: t(.rule))],
            rows: model.conflicts.map { c in
                [String(c.goldenID), c.column, Self.distinctValues(c.values), "\(c.chosenValue) (\(c.chosenRow))", ruleText(c.rule)]
            })
        return section("conflicts", .conflictsTitle, [
            .element(.p, [.class("note")], text: t(.conflictsNote)), summary.render(), examples.render(),
        ])
    }

    /// `广东 ×2 · 广东省`: each value once, in first-seen order, with how many rows held it. The
    /// rows themselves are in source_rows and merge_log; the cell stays short enough to read.
    static func distinctValues(_ values: [(row: String, value: String)]) -> String {
        var order: [String] = []
        var count: [String: Int] = [:]
        for v in values {
            // Leading and trailing blanks would be invisible on the page: `毛琪英 ` shows as `毛琪英`.
            let shown = v.value.trimmingCharacters(in: .whitespaces)
            if count[shown] == nil { order.append(shown) }
            count[shown, default: 0] += 1
        }
        return order.map { count[$0]! > 1 ? "\($0) ×\(count[$0]!)" : $0 }.joined(separator: " · ")
    }

    private func flags() -> HTML {
        guard !model.flags.isEmpty else { return section("flags", .flagsTitle, empty(.noFlags)) }
        let table = DataTable(
            caption: nil,
            columns: [.init(header: t(.column), nowrap: true), .init(header: t(.flagRule)), .init(header: t(.rows), numeric: true)],
            rows: model.flags.map { [$0.column, $0.rule, format.count($0.rows)] })
        return section("flags", .flagsTitle, [table.render()])
    }

    private func quarantine() -> HTML {
        guard !model.quarantineReasons.isEmpty else { return section("quarantine", .quarantineTitle, empty(.noQuarantine)) }
        let table = DataTable(
            caption: nil,
            columns: [.init(header: t(.reason)), .init(header: t(.rows), numeric: true), .init(header: t(.example), nowrap: true)],
            rows: model.quarantineReasons.map { [$0.reason, format.count($0.rows), $0.example] })
        return section("quarantine", .quarantineTitle, [table.render()])
    }

    private func files() -> HTML {
        let links: [(String, CleanupLabel)] = [("golden_customers.csv", .goldenCSV), ("merge_log.csv", .mergeLogCSV),
                                               ("quarantine.csv", .quarantineCSV)]
        return .element(.p, [], [.text(t(.files) + ": ")] + links.compactMap { file, label in
            DrillDownLink(file: file).map { HTML.fragment([$0.anchor(t(label) + " (" + file + ")"), .text(" ")]) }
        })
    }
}
