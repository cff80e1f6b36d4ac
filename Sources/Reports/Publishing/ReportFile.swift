/// One file of a report set: a plain name inside the set's folder and its bytes.
public struct ReportFile: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// A name that stays inside the folder: no separators, not `.`/`..`, no NUL, not hidden
    /// (hidden names are the publisher's own staging and backup).
    var hasSafeName: Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\u{0}") && name.utf8.count <= 255
    }
}
