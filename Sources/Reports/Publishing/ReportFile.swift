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

    /// A relative path that stays inside the folder: components separated by `/` (scoped
    /// reports live in subfolders), none empty, `.`/`..` or hidden (hidden names are the
    /// publisher's own staging and backup), no NUL, each at most 255 bytes.
    var hasSafeName: Bool {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        return !name.isEmpty && parts.count <= 8 && parts.allSatisfy { p in
            !p.isEmpty && !p.hasPrefix(".") && !p.contains("\u{0}") && p.utf8.count <= 255
        }
    }

    /// The folders (relative) that must exist before the file is written, outermost first.
    var parentFolders: [String] {
        let parts = name.split(separator: "/").dropLast()
        return parts.indices.map { parts[...$0].joined(separator: "/") }
    }
}
