/// Outcome of an opportunity, read from `status` (or, where status is missing, from a stage named
/// like an outcome). CRMs spell these differently: Salesforce "Closed Won", HubSpot "closedwon",
/// 销售易/纷享销客 "赢单"/"输单".
enum FunnelStatus: UInt8, Sendable {
    case open, won, lost

    static func parse(_ text: String) -> FunnelStatus? {
        let t = text.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
        switch t {
        case "won", "closedwon", "win", "赢单", "成交", "已成交", "赢": return .won
        case "lost", "closedlost", "lose", "输单", "丢单", "失败", "输": return .lost
        case "open", "进行中", "跟进中", "active": return .open
        default: return nil
        }
    }
}
