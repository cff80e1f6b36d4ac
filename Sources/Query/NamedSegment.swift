import Foundation

/// A saved segment that queries name as `@name`: its text (for error messages) and its checked
/// expression.
public struct NamedSegment: Sendable {
    public let name: String
    public let source: String
    public let expression: Expr
}

/// `segments.json` in a snapshot folder: `{"name": "expression", …}`, written by the runner.
public enum SegmentFile {
    public static let fileName = "segments.json"

    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The named segments' texts; empty when the folder has no segments file.
    public static func load(directory: String) throws(LoadError) -> [String: String] {
        let path = directory + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError(description: "\(path): cannot read") }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw LoadError(description: "\(path): not valid JSON (\(error.localizedDescription))")
        }
        guard let dictionary = object as? [String: Any] else {
            throw LoadError(description: "\(path): expected an object of \"name\": \"expression\"")
        }
        var out = [String: String]()
        for (name, value) in dictionary {
            guard let text = value as? String else {
                throw LoadError(description: "\(path): segment \"\(name)\" must be an expression in a string")
            }
            out[name] = text
        }
        return out
    }
}
