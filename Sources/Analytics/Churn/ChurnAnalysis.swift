import Columns
import Foundation

/// Churn risk and customer value from the buy-till-you-die models (Fader, Hardie & Lee 2005): BG/NBD for purchase
/// counts and P(alive), Gamma-Gamma for spend, their product discounted into a finite-horizon CLV.
///
/// Definitions:
/// - Orders as in `OrderFacts`: with a customer id and a date on or before as-of, not cancelled/void/refunded.
/// - Time unit: weeks (days / 7). Same-day orders are one purchase occasion; frequency x = purchase days after the
///   first, recency_weeks = (last − first purchase day) / 7, age_weeks = (as-of − first purchase day) / 7 — the
///   conventions that reproduce the published CDNOW estimates (`RepeatPurchaseSummary`).
/// - expected_purchases: E[Y(horizonDays / 7) | x, t_x, T]; CLV: Σ over `clvMonths` months of 30 days of expected
///   purchases in the month × Gamma-Gamma expected average value / (1 + monthlyDiscount)^month.
/// - risk_band from P(alive): high below `highRiskBelow`, medium below `mediumRiskBelow`, low otherwise. BG/NBD puts
///   P(alive) = 1 for customers without a repeat purchase (noted), so one-time buyers are never "high risk".
/// - Model columns are null when the model could not be fitted; expected_value and clv are null when the
///   Gamma-Gamma spend model has no fit (notes say why).
///
/// Tables: `churn`, one row per ordering customer, sorted by risk band (high, medium, low, unscored), then CLV
/// descending (nulls last), then customer_id byte order; `churn_summary`, one row per risk band (high, medium, low)
/// with customers, share, mean P(alive), mean expected purchases, total CLV — empty when BG/NBD was not fitted.
public enum ChurnAnalysis {
    /// Above this many repeat buyers the Gamma-Gamma fit (per-customer likelihood, ~1 000 evaluations) uses a
    /// systematic sample: three parameters are pinned down long before, and it keeps the stage within its time budget.
    static let spendFitLimit = 2_000
    static let weeksPerMonth = 30.0 / 7.0

    public static func run(_ input: AnalysisInput, _ parameters: AnalysisParameters) -> ChurnResult {
        let facts = OrderFacts(orders: input.orders, asOf: parameters.asOf, excludedStatuses: parameters.rfm.excludedOrderStatuses)
        var result = run(facts, parameters)
        result.analysis.notes = facts.notes + result.analysis.notes
        return result
    }

    /// From order facts already built (the suite builds them once for every customer-level section).
    public static func run(_ facts: OrderFacts, _ parameters: AnalysisParameters) -> ChurnResult {
        var notes: [String] = []
        let p = validated(parameters.churn, notes: &notes)
        let h = CustomerHistories(facts)
        var models = ChurnModels(bgnbd: nil, gammaGamma: nil, fitMethod: nil, distinctHistories: 0)
        guard h.count > 0 else {
            notes.append("churn: no customers with usable orders; nothing to score")
            return finish(facts, h, nil, nil, nil, p, models, notes)
        }
        guard DistinctPurchaseHistories.fitsKey(ageDays: h.ageDays) else {
            notes.append("churn: purchase histories span more than 5 700 years (corrupt dates or as-of); no model fitted")
            return finish(facts, h, nil, nil, nil, p, models, notes)
        }
        let groups = DistinctPurchaseHistories(frequency: h.repeatDays, recencyDays: h.recencyDays, ageDays: h.ageDays, assign: true)
        models.distinctHistories = groups.groups
        let repeaters = h.repeatDays.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        if h.count < 2 {
            notes.append("churn: only one customer; BG/NBD needs a population to estimate, no model fitted")
            return finish(facts, h, groups, nil, nil, p, models, notes)
        }
        if repeaters == 0 {
            notes.append("churn: no customer bought again on a later day (one-time or same-day buyers only); purchase rate and dropout cannot be estimated, no model fitted")
            return finish(facts, h, groups, nil, nil, p, models, notes)
        }
        let fit = ChurnModelFit.fit(groups)
        let q = fit.model.parameters
        guard [q.r, q.alpha, q.a, q.b, fit.model.logLikelihood].allSatisfy(\.isFinite) else {
            notes.append("churn: the BG/NBD fit failed (non-finite likelihood); no model scores")
            return finish(facts, h, groups, nil, nil, p, models, notes)
        }
        models.bgnbd = fit.model
        models.fitMethod = fit.method
        if !fit.model.convergence.converged { notes.append("churn: BG/NBD optimizer did not fully converge; treat scores with caution") }
        if [q.r, q.alpha, q.a, q.b].contains(where: { $0 < 1e-4 || $0 > 1e4 }) {
            notes.append("churn: BG/NBD estimates at the edge of the parameter space (r \(short(q.r)), α \(short(q.alpha)), a \(short(q.a)), b \(short(q.b)), search bounded to 1e-6…1e6); the data do not identify the model (e.g. no visible dropout), treat P(alive) with caution")
        }
        if repeaters < 30 { notes.append("churn: only \(repeaters) repeat buyers; estimates are uncertain") }
        let oneTime = h.count - repeaters
        if oneTime > 0 {
            notes.append("churn: \(oneTime) customers without a repeat purchase get P(alive) = 1 by the BG/NBD definition (no evidence of dropout yet)")
        }
        let spend = fitSpend(h, repeaters: repeaters, notes: &notes)
        models.gammaGamma = spend
        let scores = GroupScores(
            model: fit.model, histories: groups, horizonWeeks: Double(p.horizonDays) / ChurnModelFit.daysPerPeriod,
            months: p.clvMonths, monthlyDiscount: p.monthlyDiscount, weeksPerMonth: weeksPerMonth,
            daysPerPeriod: ChurnModelFit.daysPerPeriod)
        return finish(facts, h, groups, scores, spend, p, models, notes)
    }

    private static func validated(_ p: ChurnParameters, notes: inout [String]) -> ChurnParameters {
        var p = p
        let defaults = ChurnParameters()
        if p.horizonDays < 0 || p.horizonDays > 36_500 {
            notes.append("churn: horizonDays \(p.horizonDays) outside 0…36500; using \(defaults.horizonDays)")
            p.horizonDays = defaults.horizonDays
        }
        if p.clvMonths < 0 || p.clvMonths > 1_200 {
            notes.append("churn: clvMonths \(p.clvMonths) outside 0…1200; using \(defaults.clvMonths)")
            p.clvMonths = defaults.clvMonths
        }
        if !p.monthlyDiscount.isFinite || p.monthlyDiscount <= -1 || p.monthlyDiscount > 10 {
            notes.append("churn: monthlyDiscount \(p.monthlyDiscount) outside (−1, 10]; using \(defaults.monthlyDiscount)")
            p.monthlyDiscount = defaults.monthlyDiscount
        }
        if !(p.highRiskBelow >= 0 && p.highRiskBelow <= p.mediumRiskBelow && p.mediumRiskBelow <= 1) {
            notes.append("churn: risk thresholds \(p.highRiskBelow)/\(p.mediumRiskBelow) not ordered within [0, 1]; using \(defaults.highRiskBelow)/\(defaults.mediumRiskBelow)")
            p.highRiskBelow = defaults.highRiskBelow
            p.mediumRiskBelow = defaults.mediumRiskBelow
        }
        return p
    }

    /// Gamma-Gamma on the repeat buyers' mean repeat-day values. Above `spendFitLimit` repeat buyers it is fitted on
    /// a systematic sample of them (every k-th in customer order): its likelihood is per customer (values are
    /// continuous, nothing to group), and three parameters are pinned down by a few thousand customers.
    private static func fitSpend(_ h: CustomerHistories, repeaters: Int, notes: inout [String]) -> GammaGammaModel {
        var frequency: [Double] = [], monetary: [Double] = []
        if repeaters <= spendFitLimit {
            frequency = h.repeatDays.map(Double.init)
            monetary = (0..<h.count).map { h.monetary($0) }
        } else {
            let stride = (repeaters + spendFitLimit - 1) / spendFitLimit
            var seen = 0
            for i in 0..<h.count where h.repeatDays[i] > 0 {
                if seen % stride == 0 {
                    frequency.append(Double(h.repeatDays[i]))
                    monetary.append(h.monetary(i))
                }
                seen += 1
            }
            notes.append("churn: Gamma-Gamma fitted on 1 in \(stride) repeat buyers (\(frequency.count) of \(repeaters)) to bound its cost")
        }
        let model = GammaGamma.fit(frequency: frequency, monetary: monetary)
        notes += model.notes.map { "churn: spend model: \($0)" }
        return model
    }

    private static func short(_ v: Double) -> String { String(format: "%.4g", v) }
}
