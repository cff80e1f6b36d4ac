/// The management report as one self-contained HTML document: inline CSS and SVG, no scripts, no
/// network. Every visible word comes from `Label`, every number from `ReportFormatter`, and every
/// value goes through the escaping builder. Rendering the same model twice gives the same bytes.
public struct ReportPage: Sendable {
    public let model: ReportModel
    public let language: ReportLanguage
    let format: ReportFormatter

    public init(model: ReportModel, language: ReportLanguage) {
        self.model = model
        self.language = language
        self.format = ReportFormatter(language: language, currency: model.meta.currency)
    }

    func t(_ label: Label) -> String { label.text(language) }

    /// The document as UTF-8 text.
    public func render() -> String {
        let head = HTML.element(.head, [], [
            .element(.meta, [HTMLAttribute(.charset, "utf-8")]),
            .element(.meta, [HTMLAttribute(.name, "viewport"), HTMLAttribute(.content, "width=device-width, initial-scale=1")]),
            .element(.meta, [HTMLAttribute(.name, "generator"), HTMLAttribute(.content, "crm")]),
            .element(.title, text: t(.reportTitle) + " · " + model.meta.subtitle),
            .element(.style, [], [HTML(trusted: StyleSheet.css)]),
        ])
        let body = HTML.element(.body, [], [
            header(),
            .element(.main, [], [
                kpiSection(), funnelSection(), segmentSection(), atRiskSection(), forecastSection(),
                cohortSection(), serviceSection(), performanceSection(), dataQualitySection(), modelSection(),
            ]),
            .element(.footer, [], [.element(.p, text: t(.footer))]),
        ])
        let html = HTML.element(.html, [HTMLAttribute(.lang, language.htmlLang)], [head, body])
        return "<!DOCTYPE html>\n" + html.markup + "\n"
    }

    /// The document as bytes to write.
    public func renderBytes() -> [UInt8] { Array(render().utf8) }

    /// Section ids in page order, with their titles, for the contents line.
    var sectionTitles: [(id: String, title: Label)] {
        [("kpis", .kpiTitle), ("funnel", .funnelTitle), ("segments", .segmentsTitle), ("at-risk", .atRiskTitle),
         ("forecast", .forecastTitle), ("cohorts", .cohortsTitle), ("service", .serviceTitle),
         ("performance", .performanceTitle), ("data-quality", .dataQualityTitle), ("models", .modelsTitle)]
    }

    private func header() -> HTML {
        var facts = [t(.asOf) + " " + format.date(model.meta.asOf), t(.period) + " " + format.date(model.meta.periodStart)]
        if let scope = model.meta.scope { facts.append(t(.scope) + ": " + scope) }
        let links = sectionTitles.dropFirst().map { s in
            HTML.element(.li, [], [.element(.a, [HTMLAttribute(.href, "#" + s.id)], text: t(s.title))])
        }
        return .element(.header, [], [
            .element(.h1, text: t(.reportTitle) + " · " + model.meta.subtitle),
            .element(.p, [.class("meta")], text: facts.joined(separator: " · ")),
            .element(.nav, [.ariaLabel(t(.contents))], [.element(.ul, [], links)]),
        ])
    }

    /// A titled section; when `content` is nil the section stays, saying what is missing.
    /// `keepTogether`: printed on one page (sections that are mostly one chart, so the heading
    /// never ends a page alone); long tables may flow across pages.
    func section(id: String, title: Label, csv: String?, empty: Label, keepTogether: Bool = false,
                 _ content: [HTML]?) -> HTML {
        var heading: [HTML] = [.text(t(title))]
        if let link = csv.flatMap(DrillDownLink.init(file:)) {
            heading += [.text(" "), link.anchor(t(.rowsCSV))]
        }
        let body = content ?? [.element(.p, [.class("empty")], text: t(empty))]
        var attributes: [HTMLAttribute] = [.id(id), .ariaLabel(t(title))]
        if keepTogether { attributes.append(.class("keep")) }
        return .element(.section, attributes, [.element(.h2, [], heading)] + body)
    }

    func drill(_ csv: String?) -> HTML {
        csv.flatMap(DrillDownLink.init(file:)).map { $0.anchor(t(.rowsCSV)) } ?? .empty
    }

    func optional(_ v: Double?, _ f: (Double) -> String) -> String { v.map(f) ?? t(.notAvailable) }
}
