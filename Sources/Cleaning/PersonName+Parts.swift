/// Full names from the two columns contact exports split them into (Salesforce FirstName /
/// LastName, HubSpot and Zoho "First Name" / "Last Name", 姓 / 名). Chinese names put the family
/// name first with no space (张 + 三丰 → 张三丰); others put the given name first (Mary + Smith →
/// Mary Smith).
extension PersonNameNormalizer {
    /// Normalised header spellings of the given-name column (see `HeaderAliases.normalize`).
    public static let givenNameHeaders: Set<String> = ["firstname", "givenname", "forename", "名", "名字"]
    /// Normalised header spellings of the family-name column.
    public static let familyNameHeaders: Set<String> = ["lastname", "surname", "familyname", "姓", "姓氏"]

    /// The full name from its parts; nil when both are empty.
    public static func compose(given: String?, family: String?) -> String? {
        let g = WidthFolding.foldAndCollapse(given ?? ""), f = WidthFolding.foldAndCollapse(family ?? "")
        if g.isEmpty { return f.isEmpty ? nil : f }
        if f.isEmpty { return g }
        let hanOnly = (g + f).unicodeScalars.allSatisfy { WidthFolding.isHan($0) || $0 == "\u{00B7}" }
        return hanOnly ? f + g : g + " " + f
    }
}
