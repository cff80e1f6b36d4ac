import Cleaning
import Columns

/// The `clean` stage on customers: sales regions from provinces or cities (the province kept in
/// `province`), phones in E.164 (`phone_e164`, with `phone_valid`), e-mails normalized
/// (`email_normalized`, with `email_valid`). Originals stay as they were, so nothing is lost and
/// masking and display still see what the source said.
struct CleanStage {
    struct Outcome {
        var customers: Table
        var invalidPhones: Int
        var invalidEmails: Int
        var unmappedRegions: Int
        var notes: [String]
    }

    var regions = RegionMap.standard

    func run(_ customers: Table) throws -> Outcome {
        var t = customers
        var notes: [String] = []
        let n = t.rowCount

        var invalidPhones = 0, invalidEmails = 0, unmapped = 0
        if let phones = t["phone"]?.strings {
            var e164 = StringBuilder(capacity: n), valid = PrimitiveBuilder<Bool>(zero: false, capacity: n)
            for r in 0..<n {
                guard let raw = phones[r], !raw.isEmpty else { e164.appendNull(); valid.appendNull(); continue }
                let p = PhoneNormalizer.normalize(raw)
                if p.isValid { e164.append(p.value) } else { e164.appendNull(); invalidPhones += 1 }
                valid.append(p.isValid)
            }
            try t.add("phone_e164", .string(e164.finish()))
            try t.add("phone_valid", .bool(valid.finish()))
        }
        if let emails = t["email"]?.strings {
            var normalized = StringBuilder(capacity: n), valid = PrimitiveBuilder<Bool>(zero: false, capacity: n)
            for r in 0..<n {
                guard let raw = emails[r], !raw.isEmpty else { normalized.appendNull(); valid.appendNull(); continue }
                let e = EmailNormalizer.normalize(raw)
                if e.isValid { normalized.append(e.value) } else { normalized.appendNull(); invalidEmails += 1 }
                valid.append(e.isValid)
            }
            try t.add("email_normalized", .string(normalized.finish()))
            try t.add("email_valid", .bool(valid.finish()))
        }
        if let place = t["region"]?.strings {
            let city = t["city"]?.strings
            var region = StringBuilder(capacity: n), province = StringBuilder(capacity: n)
            for r in 0..<n {
                let given = place[r]
                if let g = given, RegionMap.regions.contains(g) {
                    region.append(g)
                    province.appendNull()
                    continue
                }
                province.append(given)
                if let mapped = given.flatMap(regions.region(of:)) ?? city?[r].flatMap(regions.region(of:)) {
                    region.append(mapped)
                } else {
                    region.append(given)
                    if given != nil { unmapped += 1 }
                }
            }
            try t.add("region", .string(region.finish()))
            try t.add("province", .string(province.finish()))
        }
        if invalidPhones > 0 { notes.append("clean: \(invalidPhones) phone numbers are not valid numbers (kept as given, flagged in phone_valid)") }
        if invalidEmails > 0 { notes.append("clean: \(invalidEmails) e-mail addresses are not valid (kept as given, flagged in email_valid)") }
        if unmapped > 0 { notes.append("clean: \(unmapped) customers' province/city maps to no sales region (kept as given)") }
        return Outcome(customers: t, invalidPhones: invalidPhones, invalidEmails: invalidEmails, unmappedRegions: unmapped, notes: notes)
    }
}
