import Foundation

/// The documents a run writes beside its reports (manifest.json, models.json): the same value
/// always gives the same bytes — sorted keys, snake_case, pretty-printed, a trailing newline — so
/// reruns are byte-identical and diffs between runs are readable.
public protocol StableJSONDocument: Encodable {}

extension StableJSONDocument {
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Model parameters can be infinite (an unbounded spend); JSON has no word for that.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
