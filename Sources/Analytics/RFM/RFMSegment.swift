/// The common 11-segment RFM map (Champions … Lost), as listed by Putler ("RFM Analysis for
/// Successful Customer Segmentation", putler.com) and used in many RFM tutorials, which place
/// segments on the grid of recency score R × frequency score F (M follows F closely in practice and
/// is left out of the map, as in those sources). The published ranges overlap; this is the
/// non-overlapping, total assignment used here (every one of the 25 cells maps to one segment):
///
/// ```
///        F=1             F=2                 F=3                 F=4            F=5
/// R=5    New             Potential Loyalist  Potential Loyalist  Champions      Champions
/// R=4    Promising       Potential Loyalist  Potential Loyalist  Loyal          Loyal
/// R=3    About to Sleep  About to Sleep      Need Attention      Loyal          Loyal
/// R=2    Hibernating     Hibernating         At Risk             At Risk        Can't Lose Them
/// R=1    Lost            Hibernating         At Risk             At Risk        Can't Lose Them
/// ```
/// A higher R means more recent (see `RFMQuintiles`).
public enum RFMSegment: String, CaseIterable, Sendable {
    case champions = "Champions"
    case loyal = "Loyal"
    case potentialLoyalist = "Potential Loyalist"
    case new = "New"
    case promising = "Promising"
    case needAttention = "Need Attention"
    case aboutToSleep = "About to Sleep"
    case atRisk = "At Risk"
    case cantLoseThem = "Can't Lose Them"
    case hibernating = "Hibernating"
    case lost = "Lost"

    public init(r: Int, f: Int) {
        switch (r, f) {
        case (5, 1): self = .new
        case (5, 4...5): self = .champions
        case (4...5, 2...3): self = .potentialLoyalist
        case (4, 1): self = .promising
        case (3...4, 4...5): self = .loyal
        case (3, 3): self = .needAttention
        case (3, 1...2): self = .aboutToSleep
        case (1...2, 5): self = .cantLoseThem
        case (1...2, 3...4): self = .atRisk
        case (1, 1): self = .lost
        default: self = .hibernating
        }
    }

    /// The rule text shown in reports.
    public static let ruleText = """
        Segments on the R×F score grid (R higher = more recent): Champions R5 F4–5; Loyal R3–4 F4–5; \
        Potential Loyalist R4–5 F2–3; New R5 F1; Promising R4 F1; Need Attention R3 F3; About to Sleep R3 F1–2; \
        At Risk R1–2 F3–4; Can't Lose Them R1–2 F5; Hibernating R2 F1–2 and R1 F2; Lost R1 F1.
        """
}
