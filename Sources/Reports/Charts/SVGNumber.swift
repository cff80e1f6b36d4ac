/// Coordinates as text: one decimal, trailing ".0" dropped, "-0" never written. Fixed precision
/// keeps the SVG byte-identical across machines even where libm's last bit differs.
enum SVGNumber {
    static func format(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let tenths = Int64((v * 10).rounded(.toNearestOrAwayFromZero))
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let a = tenths.magnitude
        return a % 10 == 0 ? sign + String(a / 10) : sign + String(a / 10) + "." + String(a % 10)
    }
}
