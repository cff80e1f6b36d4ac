import Foundation

/// Everything the tables share, built once before the tables are written in parallel: the sales
/// team, companies, entities with their calibrated purchase histories, the customer rows and the
/// campaigns. Immutable afterwards, so the table writers read it from any thread.
final class Population: Sendable {
    let config: GeneratorConfig
    let days: DayText
    let team: SalesTeam
    let companies: [Company]
    let entities: [Entity]
    let rows: CustomerRows
    let campaigns: [Campaign]
    /// Every entity's own mailbox, so a second mailbox made for a duplicate is nobody else's.
    let mailboxes: MailboxRegistry
    /// Mean purchase rate per day, calibrated so orders ≈ `ordersPerCustomer` × customer rows.
    let meanPurchaseRate: Double
    /// Expected events per entity weight, chosen so the totals meet the configured ratios.
    let interactionScale: Double
    let ticketScale: Double
    let opportunityScale: Double
    let memberScale: Double

    var startDay: Int { Int(config.startDate) }
    var endDay: Int { Int(config.endDate) }
    var seed: UInt64 { config.seed }

    init(_ config: GeneratorConfig) {
        self.config = config
        let start = Int(config.startDate)
        let end = Int(config.endDate)
        days = DayText(firstDay: start - 400, lastDay: end + 400)
        team = SalesTeam(customers: config.customers, seed: config.seed)

        let rowsTotal = config.customers
        let duplicates = rowsTotal <= 1 ? 0 : min(rowsTotal - 1, Int((Double(rowsTotal) * config.duplicateRate).rounded()))
        let entityCount = rowsTotal - duplicates

        let companyCount = max(1, entityCount / 3)
        companies = (0..<companyCount).map { c in
            var rng = Xoshiro256(seed: config.seed, stream: Streams.companies, index: UInt64(c))
            return Company.random(&rng)
        }

        var entities = Population.makeEntities(count: entityCount, companies: companies, team: team, config: config)
        Population.assignHostileCases(&entities, seed: config.seed)
        mailboxes = MailboxRegistry.assign(&entities, companies: companies, seed: config.seed)
        PhoneRegistry.assign(&entities, seed: config.seed)

        let perEntity = entityCount == 0 ? 0 : Double(rowsTotal) / Double(entityCount)
        let rate = PurchaseProcess.calibrate(entities, targetPerEntity: config.ordersPerCustomer * perEntity,
                                             endDay: end, seed: config.seed)
        meanPurchaseRate = rate
        var interactionWeight = 0.0, ticketWeight = 0.0, opportunityWeight = 0.0
        for i in entities.indices {
            let o = PurchaseProcess.run(entities[i], meanRatePerDay: rate, endDay: end, seed: config.seed, index: i) { _ in }
            entities[i].orderCount = o.count
            entities[i].firstOrderDay = o.firstDay
            entities[i].lastOrderDay = o.lastDay
            entities[i].churned = o.churned
            interactionWeight += Population.interactionWeight(entities[i])
            ticketWeight += Population.ticketWeight(entities[i])
            opportunityWeight += Population.opportunityWeight(entities[i])
        }
        let rowsD = Double(rowsTotal)
        interactionScale = interactionWeight > 0 ? config.interactionsPerCustomer * rowsD / interactionWeight : 0
        ticketScale = ticketWeight > 0 ? config.ticketsPerCustomer * rowsD / ticketWeight : 0
        opportunityScale = opportunityWeight > 0 ? config.opportunitiesPerCustomer * rowsD / opportunityWeight : 0
        memberScale = entityCount > 0 ? config.campaignMembersPerCustomer * rowsD / Double(entityCount) : 0

        self.entities = entities
        rows = CustomerRows(entities: entities, duplicates: duplicates, config: config)
        campaigns = Campaign.schedule(customers: rowsTotal, config: config)
    }

    /// Interactions follow activity: buyers are contacted more, and some customers are just chattier.
    static func interactionWeight(_ e: Entity) -> Double { Double(e.engagement) * (1.5 + Double(e.orderCount)) }
    static func ticketWeight(_ e: Entity) -> Double { e.orderCount == 0 ? 0.05 : 0.3 + Double(e.orderCount) }
    /// Deals are mostly a business-customer affair.
    static func opportunityWeight(_ e: Entity) -> Double { e.isB2B ? 1.0 : 0.3 }

    private static func makeEntities(count: Int, companies: [Company], team: SalesTeam, config: GeneratorConfig) -> [Entity] {
        // Creation times first, sorted, so entity order is creation order. Acquisition grows over the
        // window (density ∝ 1 + x), and people are entered in office hours.
        var timeRng = Xoshiro256(seed: config.seed, stream: Streams.entities, index: UInt64.max)
        let start = Double(config.startDate)
        let span = Double(Int(config.endDate) - Int(config.startDate) + 1)
        var created = (0..<count).map { _ -> Int64 in
            let x = -1 + (1 + 3 * timeRng.uniform()).squareRoot()
            let day = Int64(start + min(span - 1, (x * span).rounded(.down)))
            let hour = timeRng.chance(0.9) ? 9 + timeRng.below(10) : timeRng.below(24)
            return day * 86400 + Int64(hour * 3600 + timeRng.below(3600))
        }
        created.sort()
        return (0..<count).map { i in
            var rng = Xoshiro256(seed: config.seed, stream: Streams.entities, index: UInt64(i))
            let overseas = rng.chance(0.04)
            let chinese = overseas ? rng.chance(0.15) : rng.chance(0.93)
            let name = PersonName.random(chinese: chinese, &rng)
            let b2b = rng.chance(0.7)
            let company: Int32 = b2b ? Int32(rng.below(companies.count)) : -1
            var city: Int16 = -1
            var overseasCity: Int8 = -1
            if overseas {
                overseasCity = Int8(rng.below(Geography.overseas.count))
            } else if b2b && rng.chance(0.6) {
                city = Int16(companies[Int(company)].city)
            } else {
                let p = rng.pick(cumulative: Geography.provinceCumulative)
                let range = Geography.cityRange[p]
                city = Int16(range.lowerBound + rng.below(range.count))
            }
            let phone: PhoneNumber
            if overseas {
                phone = PhoneNumber.randomOverseas(place: Int(overseasCity), &rng)
            } else if b2b && rng.chance(0.15) {
                phone = PhoneNumber.randomLandline(city: Int(city), &rng)
            } else {
                phone = PhoneNumber.randomMobile(&rng)
            }
            let province = city >= 0 ? Geography.cities[Int(city)].province : Geography.provinces.count
            let pBuy = min(0.82, max(0.05, config.ordersPerCustomer / 1.5))
            var tags: UInt8 = 0
            for bit in 0..<Entity.tagNames.count where rng.chance(0.08) { tags |= 1 << UInt8(bit) }
            return Entity(
                created: created[i], system: rng.chance(0.62) ? 0 : 1, name: name, company: company,
                city: city, overseas: overseasCity, phone: phone, hasPhone: rng.chance(0.93),
                phoneStyle: UInt8(rng.below(PhoneNumber.styleCount(phone.kind))),
                email: EmailAddress.random(name: name, hasCompany: b2b, &rng), hasEmail: rng.chance(0.85),
                owner: UInt16(team.owner(province: province, &rng)),
                leadSource: UInt8(rng.pick(cumulative: Entity.leadSourceCumulative)), tags: tags, hostile: nil,
                buys: config.ordersPerCustomer > 0 && rng.chance(pBuy),
                firstPurchaseDelayDays: Float(rng.exponential(mean: 12)),
                rateFactor: Float(rng.gamma(shape: 0.9, scale: 1 / 0.9)),
                dropout: Float(rng.beta(0.8, 3.2)),
                spendCents: Float(rng.logNormal(median: b2b ? 600_000 : 35_000, sigma: 0.9)) / (overseas ? 7 : 1),
                engagement: Float(rng.gamma(shape: 2, scale: 0.5)))
        }
    }

    private static func assignHostileCases(_ entities: inout [Entity], seed: UInt64) {
        guard entities.count >= 50 else { return }
        var rng = Xoshiro256(seed: seed, stream: Streams.hostile, index: 0)
        for kind in HostileCase.allCases {
            let n = max(kind == .sharedSwitchboard ? 6 : 1, Int((Double(entities.count) * kind.rate).rounded()))
            for _ in 0..<n {
                let e = rng.below(entities.count)
                entities[e].hostile = kind
                if kind == .sharedSwitchboard { entities[e].hasPhone = true }
                if kind == .malformedEmail { entities[e].hasEmail = true }
            }
        }
    }
}
