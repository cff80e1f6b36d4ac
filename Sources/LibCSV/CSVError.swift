import CLibCSV

/// A libcsv failure: its error code (`CSV_EPARSE`, `CSV_ENOMEM`, `CSV_ETOOBIG`), the byte offset
/// reached, and — once a caller knows them — the file, line and column.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var offset: Int
    public var context: String
    public var file: String?
    public var line: Int?
    public var column: Int?

    public init(code: Int, offset: Int, context: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.offset = offset
        self.context = context
        self.file = file
        self.line = line
        self.column = column
    }

    /// libcsv's own wording for the code.
    public var message: String {
        guard let s = csv_strerror(Int32(code)) else { return "unknown libcsv error \(code)" }
        return String(cString: s)
    }

    public var isParseError: Bool { code == Int(CSV_EPARSE) }

    public var description: String {
        var place = file ?? "<input>"
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(context): \(message) (libcsv code \(code), byte \(offset))"
    }
}
