/// One telephone number and the many ways people type it. The number is the identity; the style is
/// how one system happens to have stored it (13812345678 vs +86 138 1234 5678 vs 0086-138-1234-5678).
struct PhoneNumber: Sendable, Equatable {
    enum Kind: UInt8, Sendable {
        /// CN mobile, 11 digits `1[3-9]x…`.
        case mobile
        /// CN landline: `place` indexes `Geography.cities` for the area code; `digits` is the local number.
        case landline
        /// Outside mainland China: `place` indexes `Geography.overseas`; `digits` is the national number.
        case overseas
        /// A 400 service number (10 digits), typical of company switchboards.
        case service
    }

    var kind: Kind
    var digits: UInt64
    var place: UInt16 = 0
    /// Extension (landlines), 0 = none.
    var ext: UInt16 = 0

    static let mobilePrefixes: [UInt64] = [130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 145, 147, 150, 151, 152, 153, 155,
                                           156, 157, 158, 159, 166, 170, 173, 175, 176, 177, 178, 180, 181, 182, 183, 184,
                                           185, 186, 187, 188, 189, 191, 198, 199]

    static func styleCount(_ kind: Kind) -> Int {
        switch kind {
        case .mobile: return 8
        case .landline: return 6
        case .overseas: return 5
        case .service: return 4
        }
    }

    static func randomMobile(_ rng: inout Xoshiro256) -> PhoneNumber {
        let prefix = mobilePrefixes[rng.below(mobilePrefixes.count)]
        return PhoneNumber(kind: .mobile, digits: prefix * 100_000_000 + UInt64(rng.below(100_000_000)))
    }

    static func randomLandline(city: Int, _ rng: inout Xoshiro256) -> PhoneNumber {
        let local = Geography.cities[city].city.localDigits
        let low = local == 8 ? 20_000_000 : 2_000_000
        let number = UInt64(low + rng.below(low * 4))
        let ext: UInt16 = rng.chance(0.25) ? UInt16(1 + rng.below(rng.chance(0.5) ? 9 : 899)) : 0
        return PhoneNumber(kind: .landline, digits: number, place: UInt16(city), ext: ext)
    }

    static func randomOverseas(place: Int, _ rng: inout Xoshiro256) -> PhoneNumber {
        let city = Geography.overseas[place]
        let total = city.groups.reduce(0, +)
        let leadValue = UInt64(city.lead) ?? 0
        let restDigits = total - city.lead.count
        var rest: UInt64 = 1
        for _ in 0..<restDigits { rest *= 10 }
        var value = leadValue * rest + UInt64(rng.below(Int(rest)))
        if city.countryCode == "1" {
            // A North American exchange starts with 2–9. (The 555-01xx range reserved for fiction
            // holds a hundred numbers per area code: dozens of unrelated customers shared each.)
            value = leadValue * 10_000_000 + UInt64(2_000_000 + rng.below(8_000_000))
        }
        return PhoneNumber(kind: .overseas, digits: value, place: UInt16(place))
    }

    /// Appends the number written in `style` (taken modulo the kind's style count). Writes straight
    /// into `out` (no temporary arrays): it runs once per customer row.
    func render(style rawStyle: Int, into out: inout [UInt8]) {
        let style = rawStyle % PhoneNumber.styleCount(kind)
        switch kind {
        case .mobile:
            let d = Digits(digits, width: 11)
            switch style {
            case 0: d.append(to: &out)
            case 1: out.append(contentsOf: "+86 ".utf8); d.group([3, 4, 4], separator: 32, to: &out)
            case 2: out.append(contentsOf: "0086-".utf8); d.group([3, 4, 4], separator: 45, to: &out)
            case 3: out.append(contentsOf: "+86".utf8); d.append(to: &out)
            case 4: d.group([3, 4, 4], separator: 45, to: &out)
            case 5: d.group([3, 4, 4], separator: 32, to: &out)
            case 6: out.append(contentsOf: "86-".utf8); d.append(to: &out)
            default: out.append(contentsOf: "(+86) ".utf8); d.append(to: &out)
            }
        case .landline:
            let city = Geography.cities[Int(place)].city
            let area = city.areaCode.utf8
            let local = Digits(digits, width: city.localDigits)
            let split = [city.localDigits - 4, 4]
            switch style {
            case 0: out.append(48); out.append(contentsOf: area); out.append(45); local.append(to: &out)
            case 1:
                out.append(contentsOf: "(0".utf8); out.append(contentsOf: area); out.append(contentsOf: ") ".utf8)
                local.group(split, separator: 32, to: &out)
            case 2:
                out.append(contentsOf: "+86 ".utf8); out.append(contentsOf: area); out.append(32)
                local.group(split, separator: 32, to: &out)
            case 3: out.append(48); out.append(contentsOf: area); out.append(32); local.group(split, separator: 32, to: &out)
            case 4: out.append(contentsOf: "0086-".utf8); out.append(contentsOf: area); out.append(45); local.append(to: &out)
            default: out.append(48); out.append(contentsOf: area); local.append(to: &out)
            }
            if ext != 0 {
                switch style % 4 {
                case 0: out.append(45)
                case 1: out.append(contentsOf: " ext ".utf8)
                case 2: out.append(contentsOf: " 转".utf8)
                default: out.append(contentsOf: " x".utf8)
                }
                Digits(UInt64(ext), width: 1).append(to: &out)
            }
        case .overseas:
            let city = Geography.overseas[Int(place)]
            let cc = city.countryCode.utf8
            let d = Digits(digits, width: city.groups.reduce(0, +))
            switch style {
            case 0: out.append(43); out.append(contentsOf: cc); out.append(32); d.group(city.groups, separator: 32, to: &out)
            case 1:
                out.append(43); out.append(contentsOf: cc); out.append(contentsOf: " (".utf8)
                d.append(0..<city.groups[0], to: &out)
                out.append(contentsOf: ") ".utf8)
                d.group(Array(city.groups.dropFirst()), separator: 45, from: city.groups[0], to: &out)
            case 2: out.append(contentsOf: [48, 48]); out.append(contentsOf: cc); out.append(45); d.group(city.groups, separator: 45, to: &out)
            case 3: out.append(43); out.append(contentsOf: cc); d.append(to: &out)
            default: out.append(43); out.append(contentsOf: cc); out.append(45); d.group(city.groups, separator: 45, to: &out)
            }
        case .service:
            let d = Digits(digits, width: 10)
            switch style {
            case 0: d.group([3, 3, 4], separator: 45, to: &out)
            case 1: d.append(to: &out)
            case 2: d.group([3, 3, 4], separator: 32, to: &out)
            default: d.group([3, 4, 3], separator: 45, to: &out)
            }
        }
    }
}

/// Up to 20 decimal digits of a number, most significant first, held inline (no allocation).
private struct Digits {
    private var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
    let count: Int

    init(_ value: UInt64, width: Int) {
        var v = value
        var n = 0
        var reversed: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &reversed) { raw in
            repeat {
                raw[n] = UInt8(v % 10) + 48
                v /= 10
                n += 1
            } while v > 0
            while n < min(width, 20) { raw[n] = 48; n += 1 }
        }
        count = n
        let total = n
        withUnsafeMutableBytes(of: &storage) { out in
            withUnsafeBytes(of: reversed) { rev in
                for i in 0..<total { out[i] = rev[total - 1 - i] }
            }
        }
    }

    func append(_ range: Range<Int>? = nil, to out: inout [UInt8]) {
        let r = range ?? 0..<count
        withUnsafeBytes(of: storage) { raw in
            for i in r where i < count { out.append(raw[i]) }
        }
    }

    /// The digits from `start` in groups of `sizes`, joined by `separator`.
    func group(_ sizes: [Int], separator: UInt8, from start: Int = 0, to out: inout [UInt8]) {
        var i = start
        for (n, size) in sizes.enumerated() {
            if n > 0 { out.append(separator) }
            append(i..<min(count, i + size), to: &out)
            i += size
        }
    }
}
