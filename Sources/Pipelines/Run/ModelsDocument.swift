import Foundation
import Resolution

/// `models.json`: every fitted model of the run — parameters, likelihood, convergence — so a run
/// can be audited and compared with the literature without re-running it.
struct ModelsDocument: Encodable {
    var formatVersion = 1
    /// Fellegi–Sunter m/u probabilities and EM convergence of entity resolution.
    var resolution: MatchParameters?

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
