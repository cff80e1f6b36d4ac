import Columns
import Foundation

/// Finds a profile by name or path. A user overrides a bundled profile by copying it: either name
/// the copy in the pipeline (`profile: ./profiles/my-crm.yml`, relative to the pipeline file) or
/// put `<name>.yml` in a `profiles/` folder beside the pipeline, which wins over the bundled one.
public enum ProfileCatalog {
    public static let bundledNames = ["generic", "salesforce", "hubspot", "zoho", "odoo", "jiandaoyun", "fxiaoke",
                                      "xiaoshouyi", "yonyou", "kingdee", "beisen"]

    /// `reference` is a bundled name or a path ending in .yml/.yaml; `searchDirectories` are tried
    /// first for `<name>.yml`.
    public static func profile(_ reference: String, searchDirectories: [String] = [],
                               relativeTo base: String? = nil) throws(IngestError) -> CRMProfile {
        if reference.hasSuffix(".yml") || reference.hasSuffix(".yaml") || reference.contains("/") {
            let path = reference.hasPrefix("/") || base == nil ? reference : base! + "/" + reference
            return try ProfileReader.read(path: path)
        }
        for dir in searchDirectories {
            for ext in ["yml", "yaml"] {
                let path = dir + "/" + reference + "." + ext
                if FileManager.default.fileExists(atPath: path) { return try ProfileReader.read(path: path) }
            }
        }
        guard let path = bundledPath(reference) else {
            throw .profile(path: reference, line: nil,
                           message: "unknown profile '\(reference)'\(NameSuggestion.hint(for: reference, in: bundledNames)); profiles: \(bundledNames.joined(separator: ", "))")
        }
        return try ProfileReader.read(path: path)
    }

    /// Where the bundled copy of a profile is, to copy it and adjust.
    public static func bundledPath(_ name: String) -> String? {
        Bundle.module.url(forResource: name, withExtension: "yml", subdirectory: "Data")?.path
    }
}
