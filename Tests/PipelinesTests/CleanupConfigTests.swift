import Cleaning
import Foundation
import Testing
@testable import Pipelines

/// The `cleanup:` block of a pipeline file: what is accepted, and what is reported where.
@Suite struct CleanupConfigTests {
    static let folder: String = {
        let dir = NSTemporaryDirectory() + "crm-cleanup-config-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try? "customer_id,name\nA1,x\n".write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        return dir
    }()

    static func parse(_ cleanup: String) throws -> PipelineConfig {
        try PipelineLoader.parse(yaml: "sources:\n  - { table: customers, file: c.csv }\ncleanup:\n" + cleanup,
                                 path: folder + "/p.yml", displayPath: "p.yml")
    }

    @Test func acceptsOutLangAndRules() throws {
        let c = try Self.parse("""
              out: ../reports/cleanup
              lang: zh
              validate:
                - { column: name, check: required, action: quarantine }
                - { column: email, check: email }
                - { column: region, check: allowed, values: [华东, 华南], action: flag }
            """)
        #expect(c.cleanup.lang == "zh")
        #expect(c.cleanup.out == ((Self.folder as NSString).deletingLastPathComponent as NSString).appendingPathComponent("reports/cleanup"))
        #expect(c.cleanup.validate == [
            ValidationRule(column: "name", check: .required, action: .quarantine),
            ValidationRule(column: "email", check: .format(.email), action: .flag),
            ValidationRule(column: "region", check: .allowedValues(["华东", "华南"]), action: .flag),
        ])
    }

    @Test func defaultsWhenAbsent() throws {
        let c = try PipelineLoader.parse(yaml: "sources:\n  - { table: customers, file: c.csv }\n", path: Self.folder + "/p.yml")
        #expect(c.cleanup.out == nil)
        #expect(c.cleanup.lang == "en")
        #expect(c.cleanup.validate.isEmpty)
    }

    @Test(arguments: [
        ("  outt: x\n", "p.yml:4:3: cleanup: unknown key 'outt' (did you mean 'out'?)"),
        ("  lang: fr\n", "p.yml:4:9: cleanup.lang: expected zh or en, got 'fr'"),
        ("  validate:\n    - { column: nmae, check: required }\n", "p.yml:5:17: validate.column: 'nmae' is not a customers column (did you mean 'name'?)"),
        ("  validate:\n    - { column: email, check: emial }\n", "p.yml:5:31: validate.check: unknown check 'emial' (did you mean 'email'?)"),
        ("  validate:\n    - { column: email, check: email, action: drop }\n", "validate.action: expected quarantine or flag"),
        ("  validate:\n    - { column: region, check: allowed }\n", "'check: allowed' needs 'values: [a, b, …]'"),
        ("  validate:\n    - { check: required }\n", "validation rule: missing 'column:'"),
        ("  validate: name\n", "cleanup.validate: expected a list"),
    ])
    func mistakesAreLocated(block: String, message: String) {
        do {
            _ = try Self.parse(block)
            Issue.record("accepted: \(block)")
        } catch let e as PipelineValidationError {
            #expect(e.issues.contains { $0.description.contains(message) }, "\(e.issues.map(\.description))")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func extraAttributesMayBeValidated() throws {
        // birth_date is not canonical but real exports carry it; only near-misses of canonical names are typos.
        let c = try Self.parse("  validate:\n    - { column: postcode, check: postcode }\n")
        #expect(c.cleanup.validate.first?.column == "postcode")
    }
}
