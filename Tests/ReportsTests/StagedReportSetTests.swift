import Foundation
import Testing
@testable import Reports

/// Publishing file by file (`AtomicPublisher.begin` → `StagedReportSet`): the same invariant as
/// `publish` — at any moment one complete set is live — with files written by a background writer
/// while the caller goes on, and large files written straight into staging beside them.
@Suite struct StagedReportSetTests {
    typealias T = AtomicPublisherTests
    static let scratchDir = T.scratchDir
    static let contents = T.contents
    static let asSet = T.asSet

    /// A folder tree's files, relative path → bytes.
    static func tree(_ dir: String) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let e = FileManager.default.enumerator(atPath: dir)
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + p, isDirectory: &isDir), !isDir.boolValue {
                out[p] = FileManager.default.contents(atPath: dir + "/" + p).map { Array($0) }
            }
        }
        return out
    }

    /// Streams `files` through a session, plus `snapshot/big.bin` written directly.
    static func stream(_ files: [ReportFile], into p: AtomicPublisher, pendingLimit: Int = StagedReportSet.defaultPendingLimit) throws -> [StagedReportSet.Entry] {
        let set = try p.begin(pendingLimit: pendingLimit)
        for f in files { try set.write(f) }
        _ = try set.folder("snapshot")
        try set.writeDirectly { staging in
            try Data(repeating: 0x5A, count: 300_000).write(to: URL(fileURLWithPath: staging + "/snapshot/big.bin"))
        }
        return try set.commit()
    }

    static let nested = [ReportFile(name: "index.html", text: "top"), ReportFile(name: "scope/华东/index.html", text: "east"),
                         ReportFile(name: "scope/华东/segments/vip.csv", text: "id\r\n1\r\n"), ReportFile(name: "rfm.csv", text: "")]

    /// Known SHA-256 values (FIPS 180-2 examples and the empty string): the entries are real digests of the bytes.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func entriesCarryEachFilesSizeAndDigest(text: String, sha256: String) throws {
        let dir = try Self.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let entries = try Self.stream([ReportFile(name: "x.csv", text: text)], into: AtomicPublisher(target: dir + "/report"))
        #expect(entries == [.init(name: "x.csv", bytes: text.utf8.count, sha256: sha256)])
        #expect(FileManager.default.contents(atPath: dir + "/report/x.csv").map { Array($0) } == Array(text.utf8))
    }

    /// Entries come back in the order files were handed over, one per file, and only for files
    /// handed to `write` (not the directly written snapshot); the published tree is exactly both.
    @Test(arguments: [1, 64, StagedReportSet.defaultPendingLimit])
    func entriesMatchTheFilesOnDiskInHandOverOrder(pendingLimit: Int) throws {
        let dir = try Self.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = Self.nested + (0..<40).map { ReportFile(name: "part/\($0).csv", bytes: Array(repeating: UInt8(48 + $0 % 10), count: 1000 * $0)) }
        let entries = try Self.stream(files, into: AtomicPublisher(target: dir + "/report"), pendingLimit: pendingLimit)
        #expect(entries.map(\.name) == files.map(\.name))
        #expect(entries.map(\.bytes) == files.map(\.bytes.count))
        let onDisk = Self.tree(dir + "/report")
        var expected = Self.asSet(files)
        expected["snapshot/big.bin"] = Array(repeating: 0x5A, count: 300_000)
        #expect(onDisk == expected)
        #expect(Set(entries.map(\.sha256)).count == Set(files.map(\.bytes)).count, "equal bytes, equal digests; different bytes, different digests")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report"])
    }

    @Test func rerunsAreByteIdenticalAndMatchPublish() throws {
        let dir = try Self.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = AtomicPublisher(target: dir + "/report")
        let first = try Self.stream(Self.nested, into: p)
        let firstTree = Self.tree(dir + "/report")
        let second = try Self.stream(Self.nested, into: p)
        #expect(first == second)
        #expect(Self.tree(dir + "/report") == firstTree)
        try p.publish(Self.nested)
        #expect(Self.tree(dir + "/report") == Self.asSet(Self.nested))
    }

    enum Ending: String, CaseIterable {
        /// The caller fails after handing over some files and abandons the set.
        case callerAbandons
        /// The caller drops the session without committing (an error unwound past it).
        case dropped
        /// The writer cannot create a file (it already exists: made by a direct write).
        case fileCannotBeCreated
        /// A direct write into staging fails.
        case directWriteFails
    }
    struct Boom: Error {}

    @Test(arguments: Ending.allCases)
    func failureInTheMiddleLeavesThePreviousSetAndNoStaging(ending: Ending) throws {
        let dir = try Self.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/report"
        try AtomicPublisher(target: target).publish(T.old)
        let p = AtomicPublisher(target: target)
        do {
            let set = try p.begin()
            try set.write(T.new[0])
            switch ending {
            case .callerAbandons:
                try set.write(T.new[1])
                set.abandon()
            case .dropped:
                try set.write(T.new[2])
            case .fileCannotBeCreated:
                try set.writeDirectly { staging in try Data("taken".utf8).write(to: URL(fileURLWithPath: staging + "/b.csv")) }
                _ = try set.written()
                try set.write(T.new[1])
                do {
                    try set.commit()
                    Issue.record("commit over a file that cannot be created")
                } catch AtomicPublisher.Failure.io(let e) {
                    #expect(e.operation == "create" && e.path == p.staging + "/b.csv" && e.errno == EEXIST, "\(e)")
                }
            case .directWriteFails:
                try set.writeDirectly { _ in throw Boom() }
                #expect(throws: Boom.self) {
                    try set.write(T.new[1])
                    try set.commit()
                }
            }
            #expect(Self.contents(target) == Self.asSet(T.old), "previous set live while staging")
        }
        #expect(Self.contents(target) == Self.asSet(T.old))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report"], "no staging, backup or lock left")
        // The next publish goes through.
        try AtomicPublisher(target: target).publish(T.new)
        #expect(Self.contents(target) == Self.asSet(T.new))
    }

    @Test(arguments: ["../x", ".hidden", "", "a//b", "a/.hidden", "/abs", "scope/.."])
    func unsafeNamesAreRefusedAtWriteAndTheSetGoesOn(name: String) throws {
        let dir = try Self.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let set = try AtomicPublisher(target: dir + "/report").begin()
        try set.write(ReportFile(name: "a.csv", text: "a"))
        #expect(throws: AtomicPublisher.Failure.unsafeFileName(name)) { try set.write(ReportFile(name: name, text: "x")) }
        #expect(throws: AtomicPublisher.Failure.unsafeFileName(name)) { _ = try set.folder(name) }
        #expect(throws: AtomicPublisher.Failure.duplicateFileName("a.csv")) { try set.write(ReportFile(name: "a.csv", text: "again")) }
        try set.commit()
        #expect(Self.contents(dir + "/report") == ["a.csv": Array("a".utf8)])
    }

    /// A publish in progress holds the lock: a second one on the same target is refused at once.
    @Test func anOpenSetHoldsTheLock() throws {
        let dir = try Self.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = AtomicPublisher(target: dir + "/report")
        let set = try p.begin()
        #expect(throws: AtomicPublisher.Failure.busy(p.target)) { _ = try p.begin() }
        try set.commit()
        _ = try p.begin()
    }

    static var cases: [(PublishStep, T.Fault)] { T.cases }

    /// The fault matrix of `AtomicPublisherTests`, on a streamed set with nested folders and a direct write.
    @Test(arguments: cases)
    func interruptedStreamingKeepsOneCompleteSet(step: PublishStep, fault: T.Fault) throws {
        let dir = try Self.scratchDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/report"
        try AtomicPublisher(target: target).publish(T.old)
        var p = AtomicPublisher(target: target)
        p.afterStep = { s in
            guard s == step else { return }
            if fault == .crash { throw SimulatedCrash() } else { throw T.Injected() }
        }
        #expect(throws: (any Error).self) { _ = try Self.stream(Self.nested, into: p) }

        let live = step == .newMovedIn || step == .parentSynced || step == .backupRemoved
        var newSet = Self.asSet(Self.nested)
        newSet["snapshot/big.bin"] = Array(repeating: 0x5A, count: 300_000)
        let expected = live ? newSet : Self.asSet(T.old)
        if fault == .crash && step == .previousMovedAside {
            #expect(!FileManager.default.fileExists(atPath: target))
            #expect(Self.contents(p.backup) == Self.asSet(T.old))
        } else {
            #expect(Self.tree(target) == expected, "target after \(fault) at \(step)")
        }
        if fault == .error && !live {
            #expect(!FileManager.default.fileExists(atPath: p.staging))
            #expect(!FileManager.default.fileExists(atPath: p.backup))
        }
        try AtomicPublisher(target: target).recover()
        #expect(Self.tree(target) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report"])
    }
}
