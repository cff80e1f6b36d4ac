/// Sample quantiles by linear interpolation between order statistics — Hyndman & Fan (1996)
/// definition 7, the default of R's `quantile`, NumPy's `percentile` and DuckDB's `quantile_cont`:
/// h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
enum Quantile {
    /// Sorts `values` in place and returns the p-quantile; nil for no values.
    static func of(_ values: inout [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        values.sort()
        return sorted(values, p)
    }

    static func sorted(_ x: [Double], _ p: Double) -> Double? {
        guard !x.isEmpty else { return nil }
        let h = Double(x.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, x.count - 1)
        let f = h - Double(lo)
        return x[lo] + f * (x[hi] - x[lo])
    }

    /// Median and 90th percentile of `values` (sorted in place).
    static func medianP90(_ values: inout [Double]) -> (median: Double?, p90: Double?) {
        guard !values.isEmpty else { return (nil, nil) }
        values.sort()
        return (sorted(values, 0.5), sorted(values, 0.9))
    }
}
