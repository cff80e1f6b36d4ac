import Columns

/// Writes `campaigns.csv` and `campaign_members.csv`: customers join campaigns that ran while they
/// were in touch; a minority respond within days.
struct CampaignsTable {
    static let idPrefix = EncodedText("CMP")

    let population: Population

    func write(campaigns: CSVByteWriter, members: CSVByteWriter) {
        campaigns.header(CanonicalTable.campaigns.fields.map(\.name))
        for (i, campaign) in population.campaigns.enumerated() {
            campaigns.beginField(); campaigns.appendPart(CampaignsTable.idPrefix); campaigns.appendDigits(i + 1, width: 4)
            campaigns.field(campaign.name)
            campaigns.field(Campaign.channels[campaign.channel])
            campaigns.money(cents: campaign.costCents)
            campaigns.date(days: campaign.startDay)
            campaigns.endRow()
        }

        members.header(CanonicalTable.campaignMembers.fields.map(\.name))
        let starts = population.campaigns.map(\.startDay)
        guard !starts.isEmpty else { return }
        let rows = population.rows
        let endSeconds = Int64(population.endDay) * 86400 + 86399
        var joined: [Int] = []
        for e in population.entities.indices {
            let entity = population.entities[e]
            var rng = Xoshiro256(seed: population.seed, stream: Streams.campaignMembers, index: UInt64(e))
            let n = rng.poisson(mean: population.memberScale)
            if n == 0 { continue }
            let lo = lowerBound(starts, entity.createdDay + 1)
            let hi = lowerBound(starts, entity.activeUntil(endDay: population.endDay) + 1)
            if hi <= lo { continue }
            joined.removeAll(keepingCapacity: true)
            for _ in 0..<n {
                let c = lo + rng.below(hi - lo)
                if joined.contains(c) { continue }
                joined.append(c)
            }
            joined.sort()
            for c in joined {
                let start = Int64(starts[c]) * 86400
                members.beginField(); members.appendPart(CampaignsTable.idPrefix); members.appendDigits(c + 1, width: 4)
                rows.writeID(rows.rowForEvent(entity: e, at: start, &rng), to: members)
                let responded = start + 8 * 3600 + Int64(rng.exponential(mean: 3 * 86400))
                if rng.chance(0.18) && responded <= endSeconds {
                    members.timestamp(seconds: responded)
                } else {
                    members.null()
                }
                members.endRow()
            }
        }
    }

    private func lowerBound(_ values: [Int], _ x: Int) -> Int {
        var lo = 0, hi = values.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
