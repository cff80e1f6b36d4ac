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
            // North American numbers 555-01xx are reserved for fiction.
            value = leadValue * 10_000_000 + 5_550_100 + UInt64(rng.below(100))
        }
        return PhoneNumber(kind: .overseas, digits: value, place: UInt16(place))
    }

    /// Appends the number written in `style` (taken modulo the kind's style count).
    func render(style rawStyle: Int, into out: inout [UInt8]) {
        let style = rawStyle % PhoneNumber.styleCount(kind)
        switch kind {
        case .mobile:
            let d = PhoneNumber.digitArray(digits, width: 11)
            switch style {
            case 0: out += d
            case 1: out += Array("+86 ".utf8); group(d, [3, 4, 4], " ", into: &out)
            case 2: out += Array("0086-".utf8); group(d, [3, 4, 4], "-", into: &out)
            case 3: out += Array("+86".utf8); out += d
            case 4: group(d, [3, 4, 4], "-", into: &out)
            case 5: group(d, [3, 4, 4], " ", into: &out)
            case 6: out += Array("86-".utf8); out += d
            default: out += Array("(+86) ".utf8); out += d
            }
        case .landline:
            let city = Geography.cities[Int(place)].city
            let area = Array(city.areaCode.utf8)
            let local = PhoneNumber.digitArray(digits, width: city.localDigits)
            let half = local.count - 4
            switch style {
            case 0: out += [48] + area + [45] + local
            case 1: out += Array("(0".utf8) + area + Array(") ".utf8); group(local, [half, 4], " ", into: &out)
            case 2: out += Array("+86 ".utf8) + area + [32]; group(local, [half, 4], " ", into: &out)
            case 3: out += [48] + area + [32]; group(local, [half, 4], " ", into: &out)
            case 4: out += Array("0086-".utf8) + area + [45] + local
            default: out += [48] + area + local
            }
            if ext != 0 {
                let e = PhoneNumber.digitArray(UInt64(ext), width: 1)
                switch style % 4 {
                case 0: out += Array("-".utf8) + e
                case 1: out += Array(" ext ".utf8) + e
                case 2: out += Array(" 转".utf8) + e
                default: out += Array(" x".utf8) + e
                }
            }
        case .overseas:
            let city = Geography.overseas[Int(place)]
            let cc = Array(city.countryCode.utf8)
            let d = PhoneNumber.digitArray(digits, width: city.groups.reduce(0, +))
            switch style {
            case 0: out += [43] + cc + [32]; group(d, city.groups, " ", into: &out)
            case 1:
                out += [43] + cc + Array(" (".utf8)
                out += d[0..<city.groups[0]]
                out += Array(") ".utf8)
                group(Array(d[city.groups[0]...]), Array(city.groups.dropFirst()), "-", into: &out)
            case 2: out += [48, 48] + cc + [45]; group(d, city.groups, "-", into: &out)
            case 3: out += [43] + cc + d
            default: out += [43] + cc + [45]; group(d, city.groups, "-", into: &out)
            }
        case .service:
            let d = PhoneNumber.digitArray(digits, width: 10)
            switch style {
            case 0: group(d, [3, 3, 4], "-", into: &out)
            case 1: out += d
            case 2: group(d, [3, 3, 4], " ", into: &out)
            default: group(d, [3, 4, 3], "-", into: &out)
            }
        }
    }

    private func group(_ d: [UInt8], _ sizes: [Int], _ sep: Character, into out: inout [UInt8]) {
        var i = 0
        for (n, size) in sizes.enumerated() {
            if n > 0 { out.append(sep.asciiValue!) }
            out += d[i..<min(d.count, i + size)]
            i += size
        }
    }

    static func digitArray(_ value: UInt64, width: Int) -> [UInt8] {
        var v = value
        var d: [UInt8] = []
        repeat {
            d.append(UInt8(v % 10) + 48)
            v /= 10
        } while v > 0
        while d.count < width { d.append(48) }
        return d.reversed()
    }
}
