/// One thing wrong with a pipeline file, located for the user: `file:line:column: message`.
public struct PipelineIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, or `file: message` for problems with the file as a whole.
    public var description: String { line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)" }
}

/// All issues found in a pipeline file; the loader reports every one, not only the first.
public struct PipelineValidationError: Error, Sendable, CustomStringConvertible {
    public var issues: [PipelineIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
