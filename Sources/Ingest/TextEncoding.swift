/// The character encoding a source was read in, as detected (or declared) and reported.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with BOM"
    /// GB18030, a superset of GBK / code page 936 (Excel on Simplified-Chinese Windows).
    case gb18030 = "GB18030"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
}
