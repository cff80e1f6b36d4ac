import Columns

/// Writes `orders.csv`: one row per purchase of the BG/NBD process, amounts lognormal around the
/// customer's own spend level (a Gamma-Gamma-like spread between customers).
struct OrdersTable {
    static let b2cChannels: [EncodedText] = ["online_store", "tmall", "jd", "wechat_mini", "store"]
    static let b2cCumulative = cumulativeWeights([30, 25, 20, 15, 10])
    static let b2bChannels: [EncodedText] = ["direct_sales", "distributor", "online_store", "phone"]
    static let b2bCumulative = cumulativeWeights([45, 30, 15, 10])
    static let statuses: [EncodedText] = ["completed", "cancelled", "refunded", "shipped", "pending"]
    static let currencies: [EncodedText] = ["CNY", "USD"]
    static let idPrefix = EncodedText("SO")

    let population: Population

    func write(to writer: CSVByteWriter) {
        writer.header(CanonicalTable.orders.fields.map(\.name))
        let rows = population.rows
        let endDay = population.endDay
        var nextID = 1
        for e in population.entities.indices {
            let entity = population.entities[e]
            if !entity.buys { continue }
            var rng = Xoshiro256(seed: population.seed, stream: Streams.orders, index: UInt64(e))
            let currency = OrdersTable.currencies[entity.overseas >= 0 ? 1 : 0]
            _ = PurchaseProcess.run(entity, meanRatePerDay: population.meanPurchaseRate, endDay: endDay,
                                    seed: population.seed, index: e) { day in
                writer.beginField()
                writer.appendPart(OrdersTable.idPrefix)
                writer.appendDigits(nextID, width: 9)
                nextID += 1
                rows.writeID(rows.rowForEvent(entity: e, at: Int64(day) * 86400 + 86399, &rng), to: writer)
                writer.date(days: day)
                let cents = Double(entity.spendCents) * rng.logNormal(median: 1, sigma: 0.45)
                writer.money(cents: max(100, Int64(cents.rounded())))
                writer.field(currency)
                writer.field(entity.isB2B ? OrdersTable.b2bChannels[rng.pick(cumulative: OrdersTable.b2bCumulative)]
                                          : OrdersTable.b2cChannels[rng.pick(cumulative: OrdersTable.b2cCumulative)])
                let u = rng.uniform()
                let status: Int
                if endDay - day < 7 && u < 0.5 { status = 4 }
                else if endDay - day < 14 && u < 0.3 { status = 3 }
                else if u < 0.05 { status = 1 }
                else if u < 0.09 { status = 2 }
                else { status = 0 }
                writer.field(OrdersTable.statuses[status])
                writer.endRow()
            }
        }
    }
}
