import Columns

/// Writes `interactions.csv`: calls, emails, visits, WeChat messages … spread over the time a
/// customer is in touch, more for active buyers.
struct InteractionsTable {
    /// type, the channels it happens on, its possible outcomes.
    static let types: [EncodedText] = ["call", "email", "meeting", "visit", "wechat", "demo", "sms"]
    static let typeCumulative = cumulativeWeights([30, 22, 10, 8, 20, 5, 5])
    static let channels: [EncodedText] = ["phone", "email", "onsite", "video", "wechat", "sms"]
    /// Channel index per type (meetings and demos split between on-site and video).
    static let typeChannels: [[Int]] = [[0], [1], [2, 3], [2], [4], [3, 2], [5]]
    static let outcomes: [EncodedText] = ["connected", "no_answer", "voicemail", "completed", "interested", "not_interested",
                                          "follow_up", "no_reply"]
    static let typeOutcomes: [[Int]] = [[0, 0, 1, 2, 4, 6], [3, 7, 7, 4, 6], [3, 4, 6, 5], [3, 4, 6], [3, 7, 4, 6],
                                        [3, 4, 5, 6], [3, 7]]
    static let idPrefix = EncodedText("I")

    let population: Population

    func write(to writer: CSVByteWriter) {
        writer.header(CanonicalTable.interactions.fields.map(\.name))
        let rows = population.rows
        let team = population.team
        var times: [Int64] = []
        var nextID = 1
        for e in population.entities.indices {
            let entity = population.entities[e]
            var rng = Xoshiro256(seed: population.seed, stream: Streams.interactions, index: UInt64(e))
            let n = rng.poisson(mean: population.interactionScale * Population.interactionWeight(entity))
            if n == 0 { continue }
            let from = entity.created
            let until = Int64(entity.activeUntil(endDay: population.endDay)) * 86400 + 86399
            let span = max(1, until - from)
            times.removeAll(keepingCapacity: true)
            for _ in 0..<n {
                // Office hours mostly: place the day uniformly, then a working-hours time of day.
                let t = from + Int64(rng.below(Int(span)))
                let day = t >= 0 ? t / 86400 : (t - 86399) / 86400
                let second = rng.chance(0.85) ? Int64(9 * 3600 + rng.below(9 * 3600)) : Int64(rng.below(86400))
                times.append(max(from, min(until, day * 86400 + second)))
            }
            times.sort()
            for t in times {
                writer.beginField()
                writer.appendPart(InteractionsTable.idPrefix)
                writer.appendDigits(nextID, width: 9)
                nextID += 1
                rows.writeID(rows.rowForEvent(entity: e, at: t, &rng), to: writer)
                writer.timestamp(seconds: t)
                let type = rng.pick(cumulative: InteractionsTable.typeCumulative)
                writer.field(InteractionsTable.types[type])
                let channelChoices = InteractionsTable.typeChannels[type]
                writer.field(InteractionsTable.channels[channelChoices[rng.below(channelChoices.count)]])
                let outcomeChoices = InteractionsTable.typeOutcomes[type]
                writer.field(InteractionsTable.outcomes[outcomeChoices[rng.below(outcomeChoices.count)]])
                let owner = rng.chance(0.85) ? Int(entity.owner) : rng.below(team.count)
                writer.field(team.names[owner])
                writer.endRow()
            }
        }
    }
}
