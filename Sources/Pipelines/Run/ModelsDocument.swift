import Foundation
import Resolution

/// `models.json`: every fitted model of the run — parameters, likelihood, convergence — so a run
/// can be audited and compared with the literature without re-running it.
struct ModelsDocument: StableJSONDocument {
    var formatVersion = 1
    /// Fellegi–Sunter m/u probabilities and EM convergence of entity resolution.
    var resolution: MatchParameters?
    /// Per analysis section (churn: BG/NBD + Gamma-Gamma; forecast: ETS fits and backtests).
    var sections: [(name: String, models: any Encodable & Sendable)] = []

    enum CodingKeys: String, CodingKey { case formatVersion, resolution, sections }

    struct SectionKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encodeIfPresent(resolution, forKey: .resolution)
        var nested = c.nestedContainer(keyedBy: SectionKey.self, forKey: .sections)
        for (name, models) in sections {
            try nested.encode(models, forKey: SectionKey(stringValue: name))
        }
    }
}
