import Foundation

/// Odoo 16+ stores translatable names as jsonb, `{"en_US": "New", "zh_CN": "新"}`; older versions
/// and other systems store plain text. Picks the first requested locale present, else en_US,
/// else any translation; plain text comes back unchanged.
enum TranslatedName {
    static func pick(_ raw: String, locales: [String]) -> String {
        let trimmed = raw.trimmingSpaces
        guard trimmed.hasPrefix("{"), trimmed.hasSuffix("}"),
              let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else { return raw }
        for l in locales + ["en_US"] { if let v = object[l] as? String { return v } }
        return object.keys.sorted().compactMap { object[$0] as? String }.first ?? raw
    }
}
