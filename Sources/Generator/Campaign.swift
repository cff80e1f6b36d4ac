import Columns

/// Marketing campaigns: a few dozen over the window, with the names, channels and budgets a
/// marketing team in China would run (双十一, 618, webinars, trade shows).
struct Campaign: Sendable {
    let name: String
    let channel: Int
    let costCents: Int64
    let startDay: Int

    static let channels: [EncodedText] = ["email", "sms", "wechat", "event", "ads", "webinar", "social"]

    static func schedule(customers: Int, config: GeneratorConfig) -> [Campaign] {
        guard customers > 0 else { return [] }
        var rng = Xoshiro256(seed: config.seed, stream: Streams.campaigns, index: 0)
        let count = 24 + customers / 25_000
        let start = Int(config.startDate)
        let span = Int(config.endDate) - start + 1
        var starts = (0..<count).map { _ in start + rng.below(span) }
        starts.sort()
        var seen = Set<String>()
        return starts.map { day in
            let (y, m, _) = CivilDate.civil(fromDays: day)
            let template = rng.below(10)
            let channel: Int
            var name: String
            switch template {
            case 0: name = "\(y) 双十一大促"; channel = 4
            case 1: name = "\(y) 618 年中大促"; channel = 4
            case 2: name = "\(y)年\(m)月 会员日"; channel = 2
            case 3: name = "\(y) Q\((m - 1) / 3 + 1) Product Webinar"; channel = 5
            case 4: name = "\(y) 春季新品发布会"; channel = 3
            case 5: name = "Newsletter \(y)-\(m < 10 ? "0" : "")\(m)"; channel = 0
            case 6: name = "\(y) 老客户回访计划"; channel = 1
            case 7: name = "\(y) 行业展会（上海）"; channel = 3
            case 8: name = "\(y)年\(m)月 朋友圈广告"; channel = 6
            default: name = "\(y) 短信唤醒 第\(m)期"; channel = 1
            }
            var unique = name
            var k = 2
            while !seen.insert(unique).inserted { unique = name + " (\(k))"; k += 1 }
            name = unique
            let cost = rng.logNormal(median: channel == 3 ? 150_000 : 30_000, sigma: 0.7)
            return Campaign(name: name, channel: channel, costCents: Int64((cost * 100).rounded()), startDay: day)
        }
    }
}
