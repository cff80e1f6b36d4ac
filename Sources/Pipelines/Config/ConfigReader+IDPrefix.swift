import Yams

extension ConfigReader {
    /// `id_prefix:` text: non-empty, short, no spaces or control characters (it becomes part of
    /// every customer and opportunity id of the source).
    mutating func idPrefix(_ node: Node) -> String? {
        guard let p = string(node, "id_prefix") else { return nil }
        guard !p.isEmpty, p.utf8.count <= 64,
              !p.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) else {
            report(node, "id_prefix: expected a short text without spaces, e.g. 'odoo-', got '\(p)'")
            return nil
        }
        return p
    }
}
