// Benchmark of the aggregate analyses on 1 M customers / 5 M orders (plus 200 k opportunities with
// history, 300 k tickets, 1 M interactions), generated in memory so it needs no Ingest or Generator.
// Prints wall and CPU time per analysis run one after another, then the concurrent AnalysisSuite.
//   swift build -c release --product analytics-bench && .build/release/analytics-bench
// To be folded into crm-bench once Generator and Ingest land. Foundation links libm (`round`, `floor`).
import Foundation
import Columns
import Analytics

struct RNG { var s: UInt64; mutating func next() -> UInt64 { s &+= 0x9E3779B97F4A7C15; var z = s; z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) &* 0x94D049BB133111EB; return z ^ (z >> 31) }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) } }
let nc = 1_000_000, no = 5_000_000
var rng = RNG(s: 42)
func cid(_ i: Int) -> String { "C" + String(1_000_000_000 + (i &* 7919) % 1_000_000_000).dropFirst() }
let t0 = ContinuousClock.now
var ids = StringBuilder(capacity: nc, forceEncoding: false), owner = StringBuilder(capacity: nc), source = StringBuilder(capacity: nc)
var name = StringBuilder(capacity: nc, forceEncoding: false)
for i in 0..<nc { ids.append(cid(i)); owner.append("rep\(i % 50)"); source.append(["web", "展会", "ads", "referral"][i % 4]); name.append("n\(i)") }
let customers = try! Table(name: "customers", columns: [("customer_id", .string(ids.finish())), ("owner", .string(owner.finish())), ("source", .string(source.finish())), ("name", .string(name.finish()))])
var oc = StringBuilder(capacity: no, forceEncoding: false)
var od = PrimitiveBuilder<Int32>(zero: 0, capacity: no), oa = PrimitiveBuilder<Double>(zero: 0, capacity: no)
let base = Int32(CivilDate.days(year: 2022, month: 1, day: 1))
for _ in 0..<no { oc.append(cid(min(rng.below(nc), rng.below(nc)))); od.append(base + Int32(rng.below(1095))); oa.append(Double(rng.below(100000)) / 100) }
let orders = try! Table(name: "orders", columns: [("customer_id", .string(oc.finish())), ("order_date", .date(od.finish())), ("amount", .double(oa.finish()))])
let nopp = 200_000
var oid = StringBuilder(forceEncoding: false), ost = StringBuilder(), ostatus = StringBuilder(), oown = StringBuilder(), osrc = StringBuilder()
var ocr = PrimitiveBuilder<Int64>(zero: 0), ocl = PrimitiveBuilder<Int64>(zero: 0), oam = PrimitiveBuilder<Double>(zero: 0)
var hid = StringBuilder(forceEncoding: false), hst = StringBuilder(), hat = PrimitiveBuilder<Int64>(zero: 0)
let stages = ["lead", "qualified", "proposal", "negotiation", "won"]
for i in 0..<nopp {
    let f = rng.below(5); let status = f == 4 ? "won" : (rng.below(2) == 0 ? "lost" : "open")
    let created = Int64(base) * 86400 + Int64(rng.below(1000 * 86400))
    oid.append("O\(i)"); ost.append(stages[f]); ostatus.append(status); oown.append("rep\(i % 50)"); osrc.append(["web", "ads"][i % 2])
    ocr.append(created); oam.append(Double(rng.below(10000)))
    var t = created
    for k in 0...f { hid.append("O\(i)"); hst.append(stages[k]); hat.append(t); t += Int64(rng.below(20 * 86400)) }
    if status == "open" { ocl.appendNull() } else { ocl.append(t) }
}
let opps = try! Table(name: "opportunities", columns: [("opportunity_id", .string(oid.finish())), ("stage", .string(ost.finish())), ("status", .string(ostatus.finish())), ("owner", .string(oown.finish())), ("source", .string(osrc.finish())), ("created_at", .timestamp(ocr.finish())), ("closed_at", .timestamp(ocl.finish())), ("amount", .double(oam.finish()))])
let history = try! Table(name: "stage_history", columns: [("opportunity_id", .string(hid.finish())), ("stage", .string(hst.finish())), ("entered_at", .timestamp(hat.finish()))])
let nt = 300_000
var tcr = PrimitiveBuilder<Int64>(zero: 0), tfr = PrimitiveBuilder<Int64>(zero: 0), trs = PrimitiveBuilder<Int64>(zero: 0), tpr = StringBuilder(), tch = StringBuilder(), tsat = PrimitiveBuilder<Int64>(zero: 0)
for _ in 0..<nt { let c = Int64(base) * 86400 + Int64(rng.below(1000 * 86400)); tcr.append(c); tfr.append(c + Int64(rng.below(86400))); trs.append(c + Int64(rng.below(10 * 86400))); tpr.append(["urgent", "high", "medium", "low"][rng.below(4)]); tch.append(["email", "phone"][rng.below(2)]); tsat.append(Int64(rng.below(5) + 1)) }
let tickets = try! Table(name: "tickets", columns: [("created_at", .timestamp(tcr.finish())), ("first_response_at", .timestamp(tfr.finish())), ("resolved_at", .timestamp(trs.finish())), ("priority", .string(tpr.finish())), ("channel", .string(tch.finish())), ("satisfaction", .int64(tsat.finish()))])
let ni = 1_000_000
var ic = StringBuilder(forceEncoding: false), iat = PrimitiveBuilder<Int64>(zero: 0)
for _ in 0..<ni { ic.append(cid(rng.below(nc))); iat.append(Int64(base) * 86400 + Int64(rng.below(1095 * 86400))) }
let interactions = try! Table(name: "interactions", columns: [("customer_id", .string(ic.finish())), ("occurred_at", .timestamp(iat.finish()))])
print("generated in \(ContinuousClock.now - t0)")

let input = AnalysisInput(customers: customers, orders: orders, interactions: interactions, opportunities: opps, stageHistory: history, tickets: tickets)
let p = AnalysisParameters(asOf: base + 1094)
func cpu() -> Double { var t = timespec(); clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
var cpuTotal = 0.0
@MainActor func time<T>(_ label: String, _ body: () -> T) -> T { let s = ContinuousClock.now; let c = cpu(); let r = body(); let used = cpu() - c; cpuTotal += used; print(label, "wall", ContinuousClock.now - s, "cpu", used); return r }
let total = ContinuousClock.now
let facts = time("order facts") { OrderFacts(orders: orders, customers: customers, asOf: p.asOf) }
let rfm = time("rfm") { RFMAnalysis.run(facts, p) }
_ = time("lifecycle") { LifecycleAnalysis.run(facts, p) }
_ = time("value tiers") { ValueTierAnalysis.run(facts, p) }
_ = time("cohorts") { CohortAnalysis.run(facts, p) }
_ = time("funnel") { FunnelAnalysis.run(input, p) }
_ = time("service") { ServiceAnalysis.run(input, p) }
_ = time("performance") { SalesPerformanceAnalysis.run(input, facts, p) }
_ = time("lead grade") { LeadGradeAnalysis.run(input, facts, p) }
let suiteStart = ContinuousClock.now; let suiteCPU = cpu()
let suite = AnalysisSuite.run(input, p)
print("suite (facts + all analyses, concurrent) wall", ContinuousClock.now - suiteStart, "cpu", cpu() - suiteCPU, "sections", suite.count)
print("total wall", ContinuousClock.now - total, "cpu", cpuTotal, "rfm rows", rfm.table("rfm")!.rowCount)
