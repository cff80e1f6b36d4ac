import Cleaning
import Columns

/// The `clean` stage on customers: placeholders such as `[not provided]` or `暂无` made null first
/// (counted in a note and flagged per row in `placeholder_fields`), then sales regions from provinces or cities (the province kept in
/// `province`), phones in E.164 (`phone_e164`, with `phone_valid`), e-mails normalized
/// (`email_normalized`, with `email_valid`). Originals stay as they were, so nothing is lost and
/// masking and display still see what the source said.
struct CleanStage {
    struct Outcome {
        var customers: Table
        var invalidPhones: Int
        var invalidEmails: Int
        var unmappedRegions: Int
        var placeholders: PlaceholderCounts
        var notes: [String]
    }

    var regions = RegionMap.standard

    func run(_ customers: Table) throws -> Outcome {
        var t = customers
        // Before the normalizers read the columns: a placeholder is missing, not an invalid value.
        let placeholders = try Self.nullPlaceholders(in: &t)
        let phones = t["phone"]?.strings, emails = t["email"]?.strings
        let place = t["region"]?.strings, city = t["city"]?.strings
        // Rows are independent: fixed chunks on all cores, joined in chunk order (same bytes
        // whatever the core count). One million customers took ~7 s on one core.
        let ranges = ParallelChunks.ranges(count: t.rowCount, size: ParallelChunks.defaultSize)
        let parts = try ParallelChunks.map(ranges.count, parallel: ranges.count > 1) { i in
            Result { try cleanRows(ranges[i], phones: phones, emails: emails, place: place, city: city) }
        }.map { try $0.get() }
        var invalidPhones = 0, invalidEmails = 0, unmapped = 0
        for p in parts {
            invalidPhones += p.invalidPhones
            invalidEmails += p.invalidEmails
            unmapped += p.unmappedRegions
        }
        if let first = parts.first {
            let joined = parts.count == 1 ? first.columns : try Table.concatenate(parts.map(\.columns))
            for name in joined.columnNames { try t.add(name, joined[name]!) }
        }
        var notes: [String] = []
        if let note = placeholders.note { notes.append(note) }
        if invalidPhones > 0 { notes.append("clean: \(invalidPhones) phone numbers are not valid numbers (kept as given, flagged in phone_valid)") }
        if invalidEmails > 0 { notes.append("clean: \(invalidEmails) e-mail addresses are not valid (kept as given, flagged in email_valid)") }
        if unmapped > 0 { notes.append("clean: \(unmapped) customers' province/city maps to no sales region (kept as given)") }
        return Outcome(customers: t, invalidPhones: invalidPhones, invalidEmails: invalidEmails, unmappedRegions: unmapped,
                       placeholders: placeholders, notes: notes)
    }

    private struct ChunkOutcome {
        var columns: Table
        var invalidPhones = 0, invalidEmails = 0, unmappedRegions = 0
    }

    /// The derived columns for one range of rows.
    private func cleanRows(_ rows: Range<Int>, phones: StringColumn?, emails: StringColumn?,
                           place: StringColumn?, city: StringColumn?) throws -> ChunkOutcome {
        let n = rows.count
        var columns: [(String, Column)] = []
        var out = ChunkOutcome(columns: try Table(name: "clean", columns: []))
        if let phones {
            var e164 = StringBuilder(capacity: n), valid = PrimitiveBuilder<Bool>(zero: false, capacity: n)
            for r in rows {
                guard let raw = phones[r], !raw.isEmpty else { e164.appendNull(); valid.appendNull(); continue }
                let p = PhoneNormalizer.normalize(raw)
                if p.isValid { e164.append(p.value) } else { e164.appendNull(); out.invalidPhones += 1 }
                valid.append(p.isValid)
            }
            columns += [("phone_e164", .string(e164.finish())), ("phone_valid", .bool(valid.finish()))]
        }
        if let emails {
            var normalized = StringBuilder(capacity: n), valid = PrimitiveBuilder<Bool>(zero: false, capacity: n)
            for r in rows {
                guard let raw = emails[r], !raw.isEmpty else { normalized.appendNull(); valid.appendNull(); continue }
                let e = EmailNormalizer.normalize(raw)
                if e.isValid { normalized.append(e.value) } else { normalized.appendNull(); out.invalidEmails += 1 }
                valid.append(e.isValid)
            }
            columns += [("email_normalized", .string(normalized.finish())), ("email_valid", .bool(valid.finish()))]
        }
        if let place {
            var region = StringBuilder(capacity: n), province = StringBuilder(capacity: n)
            // Provinces and cities repeat endlessly; map each spelling once per chunk.
            var mapped: [String: String?] = [:]
            func regionOf(_ s: String) -> String? {
                if let known = mapped[s] { return known }
                let r = regions.region(of: s)
                mapped[s] = r
                return r
            }
            for r in rows {
                let given = place[r]
                if let g = given, RegionMap.regions.contains(g) {
                    region.append(g)
                    province.appendNull()
                    continue
                }
                province.append(given)
                if let m = given.flatMap(regionOf) ?? city?[r].flatMap(regionOf) {
                    region.append(m)
                } else {
                    region.append(given)
                    if given != nil { out.unmappedRegions += 1 }
                }
            }
            columns += [("region", .string(region.finish())), ("province", .string(province.finish()))]
        }
        out.columns = try Table(name: "clean", columns: columns)
        return out
    }
}
