import Foundation

/// The text of `ResolutionResult.explain`: the prior, then one line per compared field with both
/// values, the agreement level and its weight, then the total and the verdict.
struct Explanation {
    let scorer: PairScorer
    let threshold: Double
    let sameCluster: Bool

    func text(_ a: Int, _ b: Int) -> String {
        let (weight, levels) = scorer.score(a, b)
        let p = MatchParameters.probability(weight: weight)
        var lines: [String] = []
        let verdict = p >= threshold ? "MATCH" : "NO MATCH"
        lines.append("rows \(a) and \(b): \(verdict) — match probability \(format(p, 4)) (threshold \(format(threshold, 2))), "
            + "weight \(signed(weight)) bits" + (sameCluster ? "; same golden record" : "; different golden records"))
        lines.append("  prior                 \(signed(scorer.parameters.priorWeight))  (prior match probability of two records: \(String(format: "%.2e", scorer.parameters.matchShare)))")
        let effective = levels.withUnsafeBufferPointer { lv in
            (0..<scorer.fieldCount).map { scorer.effectiveContribution($0, levels: lv.baseAddress!, a, b) }
        }
        let order = (0..<scorer.fieldCount).sorted { abs(effective[$0]) > abs(effective[$1]) || (abs(effective[$0]) == abs(effective[$1]) && $0 < $1) }
        for k in order {
            let f = scorer.comparator.fields[k]
            let w = effective[k]
            let raw = scorer.contribution(k, level: levels[k], a, b)
            let shared = levels[k] < 0 && f.field.present[a] && f.field.present[b]
            let level = shared ? "shared by many records" : f.method.describe(level: Int(levels[k]))
            var why = levels[k] < 0 ? "no evidence" : w > 0 ? "supports a match" : w < 0 ? "speaks against" : "neutral"
            if raw != w, let g = f.comparison.corroborates, w == 0 {
                why = "agrees (\(signed(raw))), but only backs up \(g) evidence, and the pair has none"
            } else if raw != w, let g = f.comparison.evidenceGroup {
                why = "agrees (\(signed(raw))), but \(g) evidence counts once and another field gave more"
            }
            lines.append("  \(pad(f.comparison.column, 20))  \(signed(w))  \(level): \(f.field.display(a)) vs \(f.field.display(b)) — \(why)")
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ v: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", v)
    }

    private func signed(_ v: Double) -> String { (v >= 0 ? "+" : "") + String(format: "%.2f", v) }

    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}
