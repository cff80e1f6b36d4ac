/// Colours of the charts: a qualitative set distinguishable in colour-blind vision and in greyscale
/// print (after the Okabe–Ito palette), plus a sequential blue ramp for the heatmap.
enum ChartPalette {
    static let series = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
    static let primary = "#0072B2"
    static let forecast = "#D55E00"
    static let axis = "#555555"
    static let grid = "#DDDDDD"

    static func series(_ i: Int) -> String { series[i % series.count] }

    /// White (0) to deep blue (1), in 1 % steps so colours are exact hex text.
    static func sequential(_ t: Double) -> String {
        let t = t.isFinite ? Swift.min(Swift.max(t, 0), 1) : 0
        let from = (r: 0xF7, g: 0xFB, b: 0xFF), to = (r: 0x08, g: 0x30, b: 0x6B)
        func mix(_ a: Int, _ b: Int) -> Int { a + Int((Double(b - a) * t).rounded()) }
        return "#" + hex(mix(from.r, to.r)) + hex(mix(from.g, to.g)) + hex(mix(from.b, to.b))
    }

    private static func hex(_ v: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[(v >> 4) & 15], digits[v & 15]])
    }
}
