import Cleaning
import Columns
import Dispatch

/// The customers table made ready for resolution: each compared or blocking column normalised
/// once, fields side by side on the worker threads.
struct PreparedRecords: Sendable {
    let rowCount: Int
    var fields: [String: PreparedField] = [:]
    /// Non-missing rows per field, for term frequencies.
    var nonMissing: [String: Int] = [:]

    init(table: Table, columns: [String], methods: [String: ComparisonMethod], threads: Int) {
        rowCount = table.rowCount
        var unique: [String] = []
        for name in columns where table[name] != nil && !unique.contains(name) { unique.append(name) }
        let names = unique
        // Fields are independent: with several threads each field is prepared whole on one of
        // them (its sequential steps — interning, name forms, tokens — overlap with the other
        // fields' work); the result is the same as preparing them one after another.
        let prepared = PartResults<PreparedField>(parts: names.count)
        let perField = names.count > 1 && threads > 1 ? 1 : threads
        let work: @Sendable (Int) -> Void = { i in
            let name = names[i], column = table[name]!
            let kind = PreparedField.kind(column: name, method: methods[name], type: column.type)
            let field = PreparedRecords.prepare(column, name: name, kind: kind, threads: perField)
            switch methods[name] {
            case .company?, .tokens?: field.buildTokens()
            default: break
            }
            prepared.set(i, field)
        }
        if perField == 1 && threads > 1 {
            DispatchQueue.concurrentPerform(iterations: names.count, execute: work)
        } else {
            for i in names.indices { work(i) }
        }
        for (name, field) in zip(names, prepared.inOrder) {
            nonMissing[name] = field.present.lazy.filter { $0 }.count
            fields[name] = field
        }
        let ordered = names.compactMap { fields[$0] }
        if let email = ordered.first(where: { $0.kind == .email }), let name = ordered.first(where: { $0.kind == .personName }) {
            email.spelledFromName = (0..<rowCount).map { r in
                email.present[r] && name.present[r] && email.text.withScalars(r) { e in
                    name.romanized.withScalars(r) { n in MailboxName.isSpelledFromName(e, romanizedName: n) }
                }
            }
        }
    }

    private struct Chunk: Sendable {
        var text = ScalarStrings()
        var alternate = ScalarStrings()
        var present: [Bool] = []
        var days: [Int32] = []
        var numbers: [Double] = []
    }

    static func prepare(_ column: Column, name: String, kind: PreparedField.Kind, threads: Int) -> PreparedField {
        let field = PreparedField(column: name, kind: kind)
        let n = column.count
        // Dictionary-encoded columns are normalised once per distinct value.
        if case .string(let sc) = column, case .dictionary(let codes, let dict) = sc.storage, kind != .date, kind != .number {
            var distinct = [String?](repeating: nil, count: dict.count)
            var distinctAlt = [String](repeating: "", count: dict.count)
            for c in 0..<dict.count {
                distinct[c] = PreparedField.normalize(dict[c], kind: kind)
                if kind == .personName, let v = distinct[c] { distinctAlt[c] = PreparedField.alternateName(v) }
            }
            field.present.reserveCapacity(n)
            for r in 0..<n {
                let v = sc.validity.isValid(r) ? distinct[Int(codes[r])] : nil
                field.present.append(v != nil)
                field.text.append(v ?? "")
                if kind == .personName { field.alternate.append(v == nil ? "" : distinctAlt[Int(codes[r])]) }
            }
        } else {
            let results = PartResults<Chunk>(parts: max(1, threads))
            ParallelRanges.run(count: n, parts: threads) { k, range in
                var chunk = Chunk()
                var memoKeys = ByteInterner()
                var memoValues: [(String?, String)] = []
                chunk.present.reserveCapacity(range.count)
                for r in range {
                    switch (kind, column) {
                    case (.date, .date(let c)):
                        chunk.present.append(c.validity.isValid(r)); chunk.days.append(c.values[r])
                    case (.date, .timestamp(let c)):
                        let s = c.values[r]
                        chunk.present.append(c.validity.isValid(r)); chunk.days.append(Int32(s >= 0 ? s / 86400 : (s - 86399) / 86400))
                    case (.date, _):
                        let d = column.text(at: r).flatMap(SimpleDate.days(from:))
                        chunk.present.append(d != nil); chunk.days.append(d ?? 0)
                    case (.number, .double(let c)):
                        chunk.present.append(c.validity.isValid(r) && c.values[r].isFinite); chunk.numbers.append(c.values[r])
                    case (.number, .int64(let c)):
                        chunk.present.append(c.validity.isValid(r)); chunk.numbers.append(Double(c.values[r]))
                    case (.number, _):
                        let d = column.text(at: r).flatMap { Double(WidthFolding.foldAndCollapse($0)) }
                        chunk.present.append(d != nil); chunk.numbers.append(d ?? 0)
                    case (_, .string(let sc)):
                        // Values repeat (common names): normalise each once. The memo is keyed by the
                        // raw bytes, so a repeat costs a hash probe, not a String.
                        guard sc.validity.isValid(r) else {
                            chunk.present.append(false); chunk.text.append("")
                            if kind == .personName { chunk.alternate.append("") }
                            continue
                        }
                        let (v, alt): (String?, String) = sc.withBytes(r) { raw in
                            if let code = memoKeys.code(of: raw) { return memoValues[Int(code)] }
                            let v = PreparedField.normalize(String(decoding: raw, as: UTF8.self), kind: kind)
                            let alt = kind == .personName ? v.map(PreparedField.alternateName) ?? "" : ""
                            if memoKeys.count < 200_000 {
                                _ = memoKeys.intern(raw)
                                memoValues.append((v, alt))
                            }
                            return (v, alt)
                        }
                        chunk.present.append(v != nil)
                        chunk.text.append(v ?? "")
                        if kind == .personName { chunk.alternate.append(alt) }
                    default:
                        guard let raw = column.text(at: r) else {
                            chunk.present.append(false); chunk.text.append("")
                            if kind == .personName { chunk.alternate.append("") }
                            continue
                        }
                        let v = PreparedField.normalize(raw, kind: kind)
                        let alt = kind == .personName ? v.map(PreparedField.alternateName) ?? "" : ""
                        chunk.present.append(v != nil)
                        chunk.text.append(v ?? "")
                        if kind == .personName { chunk.alternate.append(alt) }
                    }
                }
                results.set(k, chunk)
            }
            for chunk in results.inOrder {
                field.present.append(contentsOf: chunk.present)
                field.text.append(contentsOf: chunk.text)
                field.alternate.append(contentsOf: chunk.alternate)
                field.days.append(contentsOf: chunk.days)
                field.numbers.append(contentsOf: chunk.numbers)
            }
        }
        if kind == .date || kind == .number {
            // Typed values: the code is the value itself, interned for frequencies and blocking.
            var interner = ByteInterner()
            field.codes = (0..<n).map { r -> Int32 in
                guard field.present[r] else { return -1 }
                var key: UInt64 = kind == .date ? UInt64(bitPattern: Int64(field.days[r])) : field.numbers[r].bitPattern
                return withUnsafeBytes(of: &key) { interner.intern($0) }
            }
            field.frequency = frequencies(field.codes, distinct: interner.count)
            field.distinctValues = interner.count
            field.text = ScalarStrings()
            field.text.offsets = [Int32](repeating: 0, count: n + 1)
        } else {
            (field.codes, field.distinctValues) = intern(field.text, present: field.present)
            field.frequency = frequencies(field.codes, distinct: field.distinctValues)
            if kind == .personName {
                field.alternateCodes = intern(field.alternate, present: field.present).0
                field.buildNameForms()
            }
            if kind == .email { field.buildHandles() }
        }
        return field
    }

    static func intern(_ strings: ScalarStrings, present: [Bool]) -> ([Int32], Int) {
        var interner = ByteInterner(capacity: strings.count / 2)
        var codes = [Int32](repeating: -1, count: strings.count)
        strings.scalars.withUnsafeBytes { raw in
            for r in 0..<strings.count where present[r] {
                let lo = Int(strings.offsets[r]) * 4, hi = Int(strings.offsets[r + 1]) * 4
                codes[r] = interner.intern(UnsafeRawBufferPointer(rebasing: raw[lo..<hi]))
            }
        }
        return (codes, interner.count)
    }

    static func frequencies(_ codes: [Int32], distinct: Int) -> [Int32] {
        var f = [Int32](repeating: 0, count: distinct)
        for c in codes where c >= 0 { f[Int(c)] += 1 }
        return f
    }
}
