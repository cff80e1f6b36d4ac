import Columns
import Yams

extension ConfigReader {
    mutating func readFunnel(_ node: Node, into s: inout FunnelSettings) {
        guard let m = map(node, "funnel") else { return }
        for (key, _, value) in entries(m, allowed: ["stages", "probabilities"], context: "funnel") {
            switch key {
            case "stages":
                let stages = stringList(value, "funnel.stages")
                if stages.count < 2 { report(value, "funnel.stages: give at least two stages in order, e.g. [lead, qualified, won]") }
                else if Set(stages).count != stages.count { report(value, "funnel.stages: a stage is listed twice") }
                else { s.stages = stages }
            default:
                guard let pm = map(value, "funnel.probabilities") else { continue }
                for (k, v) in pm {
                    guard let stage = k.string, let p = double(v, "funnel.probabilities.\(stage)", range: 0...1) else { continue }
                    s.probabilities[stage] = p
                }
            }
        }
        for stage in s.probabilities.keys.sorted() where !s.stages.contains(stage) {
            report(node, "funnel.probabilities: '\(stage)' is not one of the funnel stages\(NameSuggestion.hint(for: stage, in: s.stages))")
        }
    }

    mutating func readRFM(_ node: Node, into s: inout RFMSettings) {
        guard let m = map(node, "rfm") else { return }
        let keys = ["window_days", "dormant_days", "churned_days", "new_days", "excluded_order_statuses"]
        for (key, _, value) in entries(m, allowed: keys, context: "rfm") {
            switch key {
            case "excluded_order_statuses": s.excludedOrderStatuses = stringList(value, "rfm.excluded_order_statuses")
            case "window_days":
                if string(value, "rfm.window_days") == "all" { s.windowDays = nil }
                else { s.windowDays = int(value, "rfm.window_days", range: 1...36500) ?? s.windowDays }
            case "dormant_days": s.dormantDays = int(value, "rfm.dormant_days", range: 1...36500) ?? s.dormantDays
            case "churned_days": s.churnedDays = int(value, "rfm.churned_days", range: 1...36500) ?? s.churnedDays
            default: s.newDays = int(value, "rfm.new_days", range: 1...36500) ?? s.newDays
            }
        }
        if s.dormantDays >= s.churnedDays { report(node, "rfm: dormant_days (\(s.dormantDays)) must be less than churned_days (\(s.churnedDays))") }
    }

    mutating func readChurn(_ node: Node, into s: inout ChurnSettings) {
        guard let m = map(node, "churn") else { return }
        for (key, _, value) in entries(m, allowed: ["horizon_days", "clv_months", "monthly_discount"], context: "churn") {
            switch key {
            case "horizon_days": s.horizonDays = int(value, "churn.horizon_days", range: 1...3650) ?? s.horizonDays
            case "clv_months": s.clvMonths = int(value, "churn.clv_months", range: 1...240) ?? s.clvMonths
            default: s.monthlyDiscount = double(value, "churn.monthly_discount", range: 0...0.5) ?? s.monthlyDiscount
            }
        }
    }

    mutating func readForecast(_ node: Node, into s: inout ForecastSettings) {
        guard let m = map(node, "forecast") else { return }
        for (key, _, value) in entries(m, allowed: ["horizon_months", "season_months"], context: "forecast") {
            switch key {
            case "horizon_months": s.horizonMonths = int(value, "forecast.horizon_months", range: 1...60) ?? s.horizonMonths
            default: s.seasonMonths = int(value, "forecast.season_months", range: 1...24) ?? s.seasonMonths
            }
        }
    }

    mutating func readService(_ node: Node, into s: inout ServiceSettings) {
        guard let m = map(node, "service") else { return }
        for (key, _, value) in entries(m, allowed: ["first_response_hours", "resolution_hours"], context: "service") {
            guard let pm = map(value, "service.\(key)") else { continue }
            var hours: [String: Double] = [:]
            for (k, v) in pm {
                guard let priority = k.string, let h = double(v, "service.\(key).\(priority)", range: 0...100_000) else { continue }
                hours[priority] = h
            }
            if key == "first_response_hours" { s.firstResponseHours = hours } else { s.resolutionHours = hours }
        }
    }

    mutating func readResolution(_ node: Node, into s: inout ResolutionSettings) {
        guard let m = map(node, "resolution") else { return }
        for (key, _, value) in entries(m, allowed: ["threshold", "source_priority", "compare"], context: "resolution") {
            switch key {
            case "threshold": s.threshold = double(value, "resolution.threshold", range: 0.5...1) ?? s.threshold
            case "source_priority": s.sourcePriority = stringList(value, "resolution.source_priority")
            default: s.compare = stringList(value, "resolution.compare")
            }
        }
    }

    mutating func readReport(_ node: Node) -> ReportSpec? {
        guard let m = map(node, "report") else { return nil }
        let line = node.mark?.line ?? 0
        let e = entries(m, allowed: ["html", "lang", "csv", "scope", "mask_pii"], context: "report")
        let keys = Set(e.map(\.key))
        var lang = "en"
        if let l = e.first(where: { $0.key == "lang" }) {
            let value = string(l.value, "lang") ?? "en"
            if ["zh", "en"].contains(value) { lang = value } else { report(l.value, "lang: expected zh or en, got '\(value)'") }
        }
        if let h = e.first(where: { $0.key == "html" }) {
            guard let f = string(h.value, "html") else { return nil }
            guard f.hasSuffix(".html"), !f.contains("/") else {
                report(h.value, "html: expected a file name ending in .html inside the output folder, got '\(f)'")
                return nil
            }
            return ReportSpec(kind: .html(file: f, lang: lang), line: line)
        }
        if let c = e.first(where: { $0.key == "csv" }) {
            var names: [String] = []
            for item in list(c.value, "csv") {
                guard let n = string(item, "csv") else { continue }
                if PipelineLoader.csvReports.contains(n) { names.append(n) } else {
                    report(item, "csv: unknown export '\(n)'\(NameSuggestion.hint(for: n, in: PipelineLoader.csvReports)); exports: \(PipelineLoader.csvReports.joined(separator: ", "))")
                }
            }
            return ReportSpec(kind: .csv(names: names), line: line)
        }
        if let s = e.first(where: { $0.key == "scope" }) {
            guard let by = string(s.value, "scope") else { return nil }
            guard ["region", "owner"].contains(by) else {
                report(s.value, "scope: expected region or owner\(NameSuggestion.hint(for: by, in: ["region", "owner"])), got '\(by)'")
                return nil
            }
            let mask = e.first(where: { $0.key == "mask_pii" }).flatMap { bool($0.value, "mask_pii") } ?? false
            return ReportSpec(kind: .scoped(by: by, maskPII: mask), line: line)
        }
        if !keys.isEmpty || e.isEmpty { report(node, "report: give one of html:, csv: or scope:") }
        return nil
    }
}
