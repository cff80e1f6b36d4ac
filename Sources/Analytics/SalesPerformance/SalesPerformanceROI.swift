import Columns

/// Return on marketing spend, by acquisition channel and by campaign (return on marketing investment,
/// Farris et al., *Marketing Metrics*, 2nd ed. 2010): revenue per unit cost, customers per unit cost and
/// ROI = (revenue − cost) / cost; every ratio is empty where the cost is 0 or unknown.
/// Revenue is counted over all history up to as-of, since campaigns pay back over time.
/// - Channel (`channel_roi`): a customer's acquisition channel is `customers.source`; revenue is
///   those customers' orders; cost is the cost of campaigns started on or before as-of whose
///   `channel` equals that source label.
/// - Campaign (`campaign_roi`): members, responders (responded_at on or before as-of), converted =
///   responders with an order on or after their response day, revenue = those orders. A customer
///   in several campaigns is credited to each (touch attribution, not exclusive).
public enum ChannelROIAnalysis {
    public static func run(_ input: AnalysisInput, _ facts: OrderFacts, _ parameters: AnalysisParameters) -> AnalysisResult {
        var notes: [String] = []
        let asOf = parameters.asOf
        var channels = ByteInterner()
        var customers: [Int] = [], paying: [Int] = [], revenue: [Double] = [], cost: [Double] = []
        func grow() {
            while customers.count < channels.count { customers.append(0); paying.append(0); revenue.append(0); cost.append(0) }
        }
        if let table = input.customers,
           let source = ColumnAccess.strings(table, "source", notes: &notes, missingNote: "no acquisition-channel ROI"),
           let rowCodes = facts.customerRowCodes(for: table, notes: &notes) {
            let keys = DenseKeys(source, interner: &channels)
            grow()
            var seen = [Bool](repeating: false, count: facts.customerCount)
            for r in 0..<table.rowCount where keys.codes[r] >= 0 && rowCodes[r] >= 0 {
                let k = Int(keys.codes[r])
                let code = rowCodes[r]
                if seen[Int(code)] { continue }
                seen[Int(code)] = true
                customers[k] += 1
                guard !facts.orders(of: Int(code)).isEmpty else { continue }
                paying[k] += 1
                for i in facts.orders(of: Int(code)) { revenue[k] += facts.amount[i] }
            }
        }
        // Campaign costs, by channel and by campaign.
        var campaignIDs = ByteInterner()
        var campaignRow: [Int] = []
        var campaignCost: [Double?] = []
        if let table = input.campaigns, let ids = ColumnAccess.strings(table, "campaign_id", notes: &notes) {
            let idKeys = DenseKeys(ids, interner: &campaignIDs)
            campaignRow = [Int](repeating: -1, count: campaignIDs.count)
            campaignCost = [Double?](repeating: nil, count: campaignIDs.count)
            let costs = ColumnAccess.numbers(table, "cost", notes: &notes, missingNote: "no ROI")
            let started = ColumnAccess.days(table, "started_at", notes: &notes)
            let channelKeys = ColumnAccess.strings(table, "channel", notes: &notes).map { DenseKeys($0, interner: &channels) }
            grow()
            for r in 0..<table.rowCount where idKeys.codes[r] >= 0 {
                let c = Int(idKeys.codes[r])
                guard campaignRow[c] < 0 else { continue }
                campaignRow[c] = r
                if let started, started.validity.isValid(r), started.values[r] > asOf { continue }
                guard let costs, costs.validity.isValid(r) else { continue }
                campaignCost[c] = costs.values[r]
                if let channelKeys, channelKeys.codes[r] >= 0 { cost[Int(channelKeys.codes[r])] += costs.values[r] }
            }
            if costs?.values.contains(where: { $0 < 0 }) == true { notes.append("campaigns: negative costs included as given") }
        }
        let channelOrder = ByteOrder.sorted(channels.strings).map { Int($0) }
        let channelTable = ResultColumns.table("channel_roi", [
            ("channel", ResultColumns.strings(channelOrder.map { channels.strings[$0] })),
            ("customers", ResultColumns.ints(channelOrder.map { customers[$0] })),
            ("paying_customers", ResultColumns.ints(channelOrder.map { paying[$0] })),
            ("revenue", ResultColumns.doubles(channelOrder.map { revenue[$0] })),
            ("cost", ResultColumns.doubles(channelOrder.map { cost[$0] })),
            ("revenue_per_cost", ResultColumns.doubles(channelOrder.map { cost[$0] > 0 ? revenue[$0] / cost[$0] : nil })),
            ("customers_per_cost", ResultColumns.doubles(channelOrder.map { cost[$0] > 0 ? Double(paying[$0]) / cost[$0] : nil })),
            ("roi", ResultColumns.doubles(channelOrder.map { cost[$0] > 0 ? (revenue[$0] - cost[$0]) / cost[$0] : nil })),
        ])
        if channels.count == 0 { notes.append("channel ROI: no customer sources or campaign channels") }

        // Campaign members → responders → converted customers and their revenue after the response.
        let k = campaignIDs.count
        var members = [Int](repeating: 0, count: k), responders = [Int](repeating: 0, count: k)
        var converted = [Int](repeating: 0, count: k), campaignRevenue = [Double](repeating: 0, count: k)
        if let table = input.campaignMembers, k > 0,
           let ids = ColumnAccess.strings(table, "campaign_id", notes: &notes),
           let customerIDs = ColumnAccess.strings(table, "customer_id", notes: &notes) {
            let responded = ColumnAccess.days(table, "responded_at", notes: &notes, missingNote: "no responders or campaign revenue")
            var unknown = 0
            for r in 0..<table.rowCount where ids.validity.isValid(r) {
                guard let c = ids.withBytes(r, { campaignIDs.code(of: $0) }).map({ Int($0) }) else { unknown += 1; continue }
                members[c] += 1
                guard let responded, responded.validity.isValid(r), responded.values[r] <= asOf else { continue }
                responders[c] += 1
                guard customerIDs.validity.isValid(r), let code = customerIDs.withBytes(r, { facts.code(of: $0) }) else { continue }
                var any = false
                for i in facts.orders(of: Int(code)) where facts.day[i] >= responded.values[r] {
                    campaignRevenue[c] += facts.amount[i]
                    any = true
                }
                if any { converted[c] += 1 }
            }
            if unknown > 0 { notes.append("campaign_members: \(unknown) rows of campaigns not in campaigns ignored") }
        } else if input.campaigns != nil && input.campaignMembers == nil {
            notes.append("campaign ROI: no campaign_members table; campaign revenue is 0")
        }
        let campaignOrder = ByteOrder.sorted(campaignIDs.strings).map { Int($0) }
        let campaigns = input.campaigns
        func text(_ column: String, _ c: Int) -> String? {
            guard let campaigns, campaignRow[c] >= 0, let col = campaigns[column]?.strings else { return nil }
            return col[campaignRow[c]]
        }
        let campaignTable = ResultColumns.table("campaign_roi", [
            ("campaign_id", ResultColumns.strings(campaignOrder.map { campaignIDs.strings[$0] })),
            ("name", ResultColumns.strings(campaignOrder.map { text("name", $0) })),
            ("channel", ResultColumns.strings(campaignOrder.map { text("channel", $0) })),
            ("cost", ResultColumns.doubles(campaignOrder.map { campaignCost[$0] })),
            ("members", ResultColumns.ints(campaignOrder.map { members[$0] })),
            ("responders", ResultColumns.ints(campaignOrder.map { responders[$0] })),
            ("converted_customers", ResultColumns.ints(campaignOrder.map { converted[$0] })),
            ("revenue", ResultColumns.doubles(campaignOrder.map { campaignRevenue[$0] })),
            ("revenue_per_cost", ResultColumns.doubles(campaignOrder.map { c in campaignCost[c].flatMap { $0 > 0 ? campaignRevenue[c] / $0 : nil } })),
            ("customers_per_cost", ResultColumns.doubles(campaignOrder.map { c in campaignCost[c].flatMap { $0 > 0 ? Double(converted[c]) / $0 : nil } })),
            ("roi", ResultColumns.doubles(campaignOrder.map { c in campaignCost[c].flatMap { $0 > 0 ? (campaignRevenue[c] - $0) / $0 : nil } })),
        ])
        if input.campaigns == nil { notes.append("campaign ROI: no campaigns table") }
        return AnalysisResult(tables: [("channel_roi", channelTable), ("campaign_roi", campaignTable)], notes: notes)
    }
}
