/// A link from a figure to the CSV of its rows. Only a plain relative file name inside the report
/// folder is accepted — no scheme (`javascript:`), no `..`, no absolute path — and it is
/// percent-encoded, so a hostile table name cannot make the link do anything but download a file.
public struct DrillDownLink: Sendable, Equatable {
    public let href: String

    /// nil when `file` is not a safe relative path.
    public init?(file: String) {
        let segments = file.split(separator: "/", omittingEmptySubsequences: false)
        guard !file.isEmpty, !file.hasPrefix("/"),
              segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }),
              !segments[0].contains(":")
        else { return nil }
        href = segments.map { Self.percentEncode(String($0)) }.joined(separator: "/")
    }

    /// Keeps RFC 3986 unreserved characters; everything else as %XX of its UTF-8 bytes.
    static func percentEncode(_ s: String) -> String {
        var out = ""
        let hex = Array("0123456789ABCDEF")
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
            }
        }
        return out
    }

    /// The `<a>` element: a download link labelled `text`.
    func anchor(_ text: String) -> HTML {
        .element(.a, [HTMLAttribute(.href, href), HTMLAttribute(.download, ""), .class("drill")], text: text)
    }
}
