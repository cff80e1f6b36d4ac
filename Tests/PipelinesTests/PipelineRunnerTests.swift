import Foundation
import Testing
@testable import Pipelines

/// Whole runs of the nightly pipeline on the committed sample data.
@Suite(.serialized) struct PipelineRunnerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func run(into out: String, asOf: Int32? = nil) throws -> RunSummary {
        let config = try PipelineLoader.load(path: root + "/pipelines/nightly.yml")
        return try PipelineRunner(config: config, options: RunOptions(outDirectory: out, asOf: asOf, progress: ProgressReporter(style: .silent))).run()
    }

    static func scratch(_ tag: String) -> String {
        let dir = NSTemporaryDirectory() + "crm-run-\(tag)-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// All files below `dir`, relative path → bytes.
    static func files(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + p, isDirectory: &isDir), !isDir.boolValue {
                out[p] = FileManager.default.contents(atPath: dir + "/" + p)
            }
        }
        return out
    }

    /// The values of one column of an RFC 4180 file (quoted fields, doubled quotes, CRLF, BOM).
    static func csvColumn(_ data: Data, _ column: String) -> [String] {
        var records: [[String]] = [[]]
        var field = "", quoted = false, afterQuote = false
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false; afterQuote = true } else { field.append(ch) }
                continue
            }
            switch ch {
            case "\"": if afterQuote { field.append("\"") }; quoted = true
            case ",": records[records.count - 1].append(field); field = ""
            case "\r\n", "\n": records[records.count - 1].append(field); field = ""; records.append([])
            default: field.append(ch)
            }
            afterQuote = false
        }
        if !field.isEmpty || !(records.last?.isEmpty ?? true) { records[records.count - 1].append(field) }
        records.removeAll { $0.isEmpty }
        guard let header = records.first, let i = header.firstIndex(of: column) else { return [] }
        return records.dropFirst().compactMap { i < $0.count ? $0[i] : nil }
    }

    /// Canonical JSON text of a manifest member, for comparing two runs.
    static func canonical(_ object: [String: Any], _ key: String) throws -> String {
        guard let value = object[key] else { return "<missing>" }
        let data = try JSONSerialization.data(withJSONObject: ["v": value], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    @Test func twoRunsAreByteIdenticalAndAccountForEveryRow() throws {
        let a = Self.scratch("a"), b = Self.scratch("b")
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        let s1 = try Self.run(into: a + "/out")
        _ = try Self.run(into: b + "/out")
        #expect(s1.rowsRead == s1.rowsLoaded + s1.rowsQuarantined)
        #expect(s1.rowsRead > 60_000)
        let f1 = Self.files(a + "/out"), f2 = Self.files(b + "/out")
        #expect(f1.keys.sorted() == f2.keys.sorted())
        for name in f1.keys.sorted() where name != "manifest.json" {
            #expect(f1[name] == f2[name], "\(name) differs between two runs on the same inputs")
        }
        for required in ["index.html", "manifest.json", "models.json", "quarantine.csv", "merge_log.csv", "rfm.csv",
                         "funnel.csv", "snapshot/customers.arrow", "snapshot/snapshot.json", "snapshot/segments.json"] {
            #expect(f1[required] != nil, "missing \(required)")
        }
        // The manifest differs at most in timings.
        let m1 = try JSONSerialization.jsonObject(with: f1["manifest.json"]!) as! [String: Any]
        let m2 = try JSONSerialization.jsonObject(with: f2["manifest.json"]!) as! [String: Any]
        for key in ["inputs", "outputs", "accounting", "as_of"] {
            #expect(try Self.canonical(m1, key) == Self.canonical(m2, key), "manifest \(key) differs")
        }
        let accounting = m1["accounting"] as! [String: Any]
        #expect(accounting["balanced"] as? Bool == true)
    }

    /// Every scope folder holds its own customers only, and every customer id in its CSVs is one of them.
    @Test func scopedReportsContainNoOtherScopesCustomers() throws {
        let dir = Self.scratch("scope")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Self.run(into: dir + "/out")
        let files = Self.files(dir + "/out")
        let scopes = Set(files.keys.filter { $0.hasPrefix("scope/") }.map { $0.split(separator: "/")[1] })
        #expect(scopes.count >= 7)
        var seen = Set<String>()
        for scope in scopes {
            let customers = try #require(files["scope/\(scope)/customers.csv"])
            let regions = Set(Self.csvColumn(customers, "region"))
            #expect(regions.isSubset(of: [String(scope), ""]), "scope \(scope) has regions \(regions)")
            let ids = Set(Self.csvColumn(customers, "customer_id"))
            #expect(seen.isDisjoint(with: ids), "a customer appears in two scopes")
            seen.formUnion(ids)
            for (name, data) in files where name.hasPrefix("scope/\(scope)/") && name.hasSuffix(".csv") {
                let referenced = Set(Self.csvColumn(data, "customer_id"))
                #expect(referenced.isSubset(of: ids), "\(name) names customers of another scope: \(referenced.subtracting(ids).prefix(3))")
            }
            // mask_pii: no full phone number or e-mail handle survives.
            let text = String(decoding: customers, as: UTF8.self)
            #expect(text.range(of: #"1[3-9]\d{9}"#, options: .regularExpression) == nil, "unmasked mobile in scope \(scope)")
        }
        let everyone = Set(Self.csvColumn(try #require(files["lead_grades.csv"]), "customer_id"))
        #expect(seen == everyone, "scopes together cover every customer exactly once")
    }

    @Test func explicitAsOfIsUsed() throws {
        let dir = Self.scratch("asof")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let day = Int32(20_089)  // 2025-01-01
        let s = try Self.run(into: dir + "/out", asOf: day)
        #expect(s.asOf == day)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/out/manifest.json"))) as! [String: Any]
        #expect(manifest["as_of"] as? String == "2025-01-01")
    }
}
