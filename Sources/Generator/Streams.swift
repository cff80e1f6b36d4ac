/// Stream identifiers for `Xoshiro256(seed:stream:index:)`: one per purpose, so adding a draw in one
/// table never shifts another table's numbers.
enum Streams {
    static let salesTeam: UInt64 = 1
    static let companies: UInt64 = 2
    static let entities: UInt64 = 3
    static let purchases: UInt64 = 4
    static let customerRows: UInt64 = 5
    static let duplicates: UInt64 = 6
    static let orders: UInt64 = 7
    static let interactions: UInt64 = 8
    static let opportunities: UInt64 = 9
    static let tickets: UInt64 = 10
    static let campaigns: UInt64 = 11
    static let campaignMembers: UInt64 = 12
    static let calibration: UInt64 = 13
    static let hostile: UInt64 = 14
    static let mailboxes: UInt64 = 15
    static let phones: UInt64 = 16
}
