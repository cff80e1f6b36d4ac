extension ReportPage {
    enum TileKind { case count, money, share, score }

    func kpiSection() -> HTML {
        let k = model.kpis
        let tiles: [(Label, Metric?, TileKind, higherIsBetter: Bool)] = [
            (.kpiCustomers, k.customers, .count, true), (.kpiActive, k.activeCustomers, .count, true),
            (.kpiNew, k.newCustomers, .count, true), (.kpiRevenue, k.revenue, .money, true),
            (.kpiWinRate, k.winRate, .share, true), (.kpiAtRisk, k.customersAtRisk, .count, false),
            (.kpiCSAT, k.csat, .score, true),
        ]
        let grid = HTML.element(.div, [.class("tiles")], tiles.map { tile($0.0, $0.1, $0.2, higherIsBetter: $0.3) })
        return .element(.section, [.id("kpis"), .ariaLabel(t(.kpiTitle))], [grid])
    }

    func value(_ v: Double, _ kind: TileKind) -> String {
        switch kind {
        case .count: format.count(Int(v.isFinite ? v.rounded() : 0))
        case .money: format.moneyCompact(v)
        case .share: format.percent(v)
        case .score: format.decimal(v, digits: 2)
        }
    }

    private func tile(_ name: Label, _ metric: Metric?, _ kind: TileKind, higherIsBetter: Bool) -> HTML {
        var children: [HTML] = []
        if let csv = metric?.csv { children.append(drill(csv)) }
        children.append(.element(.span, [.class("name")], text: t(name)))
        guard let metric else {
            children.append(.element(.span, [.class("value")], text: t(.notAvailable)))
            children.append(.element(.span, [.class("change")], text: t(.notInData)))
            return .element(.div, [.class("tile")], children)
        }
        children.append(.element(.span, [.class("value")], text: value(metric.value, kind)))
        if let change = change(metric, kind, higherIsBetter: higherIsBetter) { children.append(change) }
        return .element(.div, [.class("tile")], children)
    }

    /// "▲ +12.3% vs same period last year", coloured by whether the move is good.
    private func change(_ m: Metric, _ kind: TileKind, higherIsBetter: Bool) -> HTML? {
        guard let previous = m.previous, previous.isFinite, m.value.isFinite else { return nil }
        let delta = m.value - previous
        let text: String
        switch kind {
        case .share: text = format.percentagePoints(delta)
        case .score: text = (delta > 0 ? "+" : "") + format.decimal(delta, digits: 2)
        case .count, .money:
            text = previous != 0 ? format.signedPercent(delta / abs(previous)) : (delta > 0 ? "+" : "") + value(delta, kind)
        }
        let (arrow, word, cls): (String, Label, String) =
            delta > 0 ? ("▲", .changeUp, higherIsBetter ? "up-good" : "up-bad")
            : delta < 0 ? ("▼", .changeDown, higherIsBetter ? "down-bad" : "down-good")
            : ("■", .changeFlat, "")
        let against: Label = m.comparedTo == .samePeriodLastYear ? .vsSamePeriodLastYear : .vsPrevious
        return .element(.span, [.class("change")], [
            .element(.span, cls.isEmpty ? [.title(t(word))] : [.class(cls), .title(t(word))], text: arrow + " " + text),
            .text(" " + t(against) + " (" + value(previous, kind) + ")"),
        ])
    }
}
