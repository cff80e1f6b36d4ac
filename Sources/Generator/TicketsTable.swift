import Columns
import Foundation

/// Writes `tickets.csv`: service requests from customers who bought, with first-response and
/// resolution times that depend on priority, and a CSAT score that falls as resolution drags on.
struct TicketsTable {
    static let priorities: [EncodedText] = ["low", "normal", "high", "urgent"]
    static let priorityCumulative = cumulativeWeights([30, 45, 18, 7])
    static let medianResponseMinutes = [600.0, 240.0, 60.0, 20.0]
    static let medianResolutionHours = [72.0, 36.0, 12.0, 4.0]
    static let channels: [EncodedText] = ["phone", "email", "wechat", "web", "chat"]
    static let channelCumulative = cumulativeWeights([30, 25, 25, 10, 10])
    static let statuses: [EncodedText] = ["resolved", "closed", "open", "in_progress"]
    static let idPrefix = EncodedText("TK")

    let population: Population

    func write(to writer: CSVByteWriter) {
        writer.header(CanonicalTable.tickets.fields.map(\.name))
        let rows = population.rows
        let endSeconds = Int64(population.endDay) * 86400 + 86399
        var nextID = 1
        for e in population.entities.indices {
            let entity = population.entities[e]
            var rng = Xoshiro256(seed: population.seed, stream: Streams.tickets, index: UInt64(e))
            let n = rng.poisson(mean: population.ticketScale * Population.ticketWeight(entity))
            if n == 0 { continue }
            let from = entity.firstOrderDay >= 0 ? Int64(entity.firstOrderDay) * 86400 : entity.created
            let until = min(endSeconds, Int64(entity.activeUntil(endDay: population.endDay)) * 86400 + 86400 * 60)
            for _ in 0..<n {
                let created = from + Int64(rng.below(Int(max(1, until - from))))
                let priority = rng.pick(cumulative: TicketsTable.priorityCumulative)
                let response = created + Int64(rng.logNormal(median: TicketsTable.medianResponseMinutes[priority], sigma: 1.0) * 60)
                let resolutionHours = rng.logNormal(median: TicketsTable.medianResolutionHours[priority], sigma: 1.0)
                let resolved = response + Int64(resolutionHours * 3600)

                writer.beginField()
                writer.appendPart(TicketsTable.idPrefix)
                writer.appendDigits(nextID, width: 8)
                nextID += 1
                rows.writeID(rows.rowForEvent(entity: e, at: created, &rng), to: writer)
                writer.timestamp(seconds: created)
                if response <= endSeconds { writer.timestamp(seconds: response) } else { writer.null() }
                if resolved <= endSeconds { writer.timestamp(seconds: resolved) } else { writer.null() }
                writer.field(TicketsTable.priorities[priority])
                writer.field(TicketsTable.channels[rng.pick(cumulative: TicketsTable.channelCumulative)])
                if resolved <= endSeconds {
                    writer.field(TicketsTable.statuses[rng.chance(0.6) ? 0 : 1])
                    if rng.chance(0.65) {
                        // Slower than usual for the priority → lower score.
                        let slowness = log(resolutionHours / TicketsTable.medianResolutionHours[priority])
                        let score = (4.3 - 0.7 * slowness + 0.7 * rng.normal()).rounded()
                        writer.int(Int(min(5, max(1, score))))
                    } else {
                        writer.null()
                    }
                } else {
                    writer.field(TicketsTable.statuses[response <= endSeconds ? 3 : 2])
                    writer.null()
                }
                writer.endRow()
            }
        }
    }
}
