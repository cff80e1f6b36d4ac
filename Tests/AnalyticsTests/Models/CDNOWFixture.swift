import Columns
import Foundation

@testable import Analytics

/// The CDNOW 1/10th sample (sample-data/cdnow/CDNOW_sample.txt), parsed here with Foundation so these tests do not
/// depend on the Ingest module. Columns: new id, original id, yyyymmdd, CDs bought, dollar value.
enum CDNOWFixture {
    struct Transactions {
        var customer: [Int] = []
        var day: [Int32] = []
        var value: [Double] = []
    }

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data/cdnow/CDNOW_sample.txt")

    static let transactions: Transactions = {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return Transactions() }
        var out = Transactions()
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 5, let id = Int(fields[1]), let ymd = Int(fields[2]), let dollars = Double(fields[4]) else { continue }
            out.customer.append(id)
            out.day.append(Int32(CivilDate.days(year: ymd / 10_000, month: ymd / 100 % 100, day: ymd % 100)))
            out.value.append(dollars)
        }
        return out
    }()

    /// 39-week calibration period 1997-01-01 … 1997-09-30, weeks as the unit.
    static let calibrationEnd = Int32(CivilDate.days(year: 1997, month: 9, day: 30))

    static let summary: RepeatPurchaseSummary = try! RepeatPurchaseSummary.make(
        customer: transactions.customer, day: transactions.day, value: transactions.value,
        calibrationEnd: calibrationEnd, daysPerPeriod: 7)
}
