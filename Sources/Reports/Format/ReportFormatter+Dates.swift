import Columns

extension ReportFormatter {
    private static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A day (days since 1970-01-01): zh `2025年3月5日`, en `Mar 5, 2025`.
    public func date(_ days: Int32) -> String {
        let (y, m, d) = CivilDate.civil(fromDays: Int(days))
        return language == .zh ? "\(y)年\(m)月\(d)日" : "\(Self.englishMonths[m - 1]) \(d), \(y)"
    }

    /// The month containing a day: zh `2025年3月`, en `Mar 2025`.
    public func month(_ days: Int32) -> String {
        let (y, m, _) = CivilDate.civil(fromDays: Int(days))
        return language == .zh ? "\(y)年\(m)月" : "\(Self.englishMonths[m - 1]) \(y)"
    }

    /// A short month for axes and heatmap rows: `2025-03` in both languages (compact, sorts as text).
    public func shortMonth(_ days: Int32) -> String {
        String(CivilDate.iso(Int(days)).prefix(7))
    }

    /// A duration in hours: `3.5 h` / `3.5小时`; over two days, in days: `4.2 d` / `4.2天`.
    public func duration(hours: Double) -> String {
        guard hours.isFinite else { return "–" }
        if abs(hours) >= 48 {
            let d = DecimalText.format(hours / 24, digits: 1)
            return language == .zh ? d + "天" : d + " d"
        }
        let h = DecimalText.format(hours, digits: 1)
        return language == .zh ? h + "小时" : h + " h"
    }

    /// A number of days: `12` → `12天` / `12 d`.
    public func days(_ v: Double) -> String {
        guard v.isFinite else { return "–" }
        let d = DecimalText.format(v, digits: v == v.rounded() ? 0 : 1)
        return language == .zh ? d + "天" : d + " d"
    }
}
