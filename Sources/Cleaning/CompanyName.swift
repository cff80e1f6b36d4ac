/// A normalised company name: `display` keeps the legal form for golden records; `key` drops it
/// (and brackets, punctuation and case) so `星辰科技有限公司` and `星辰科技(北京)股份有限公司`, or
/// `Acme Co., Ltd.` and `ACME Inc`, meet in one block.
public struct CompanyName: Sendable, Equatable, Codable {
    public var display: String
    public var key: String

    public init(display: String, key: String) {
        self.display = display
        self.key = key
    }
}
