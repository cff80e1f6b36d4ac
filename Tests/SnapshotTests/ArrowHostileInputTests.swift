import Columns
import Foundation
import Testing

@testable import Snapshot

/// Truncated, foreign and garbage files must produce a `SnapshotError`, never a crash; a file
/// that is only damaged in its data bytes may read, but then only as a well-formed table.
@Suite struct ArrowHostileInputTests {
    static let validFile: [UInt8] = {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path + "/t.arrow"
        try! ArrowFileWriter.write(SampleTables.allTypes(rows: 150), to: path, rowsPerBatch: 64)
        return [UInt8](try! Data(contentsOf: URL(fileURLWithPath: path)))
    }()

    static func read(_ bytes: [UInt8]) throws -> Table {
        try bytes.withUnsafeBytes { try ArrowFileReader.read(bytes: $0) }
    }

    @Test func validFileReads() throws {
        let t = try Self.read(Self.validFile)
        #expect(tablesDiffer(t, SampleTables.allTypes(rows: 150)) == nil)
    }

    /// Every proper prefix of a valid file is rejected (the trailing magic is gone or misplaced).
    @Test func everyTruncationIsRejected() {
        let file = Self.validFile
        for length in 0..<file.count {
            #expect(throws: SnapshotError.self, "prefix of \(length) bytes") { try Self.read(Array(file[0..<length])) }
        }
    }

    /// A file cut short but with the trailing magic put back: the footer and blocks now point
    /// past the end, which the bounds checks must catch.
    @Test func truncationWithRestoredTrailerIsRejected() {
        let file = Self.validFile
        let trailer = Array(file.suffix(10))
        for cut in stride(from: 10, to: file.count - 10, by: 7) {
            let bytes = Array(file[0..<(file.count - 10 - cut)]) + trailer
            #expect(throws: SnapshotError.self, "cut \(cut)") { try Self.read(bytes) }
        }
    }

    static let foreign: [(String, [UInt8])] = [
        ("empty", []),
        ("csv", Array("customer_id,name\n1,张三\n".utf8)),
        ("parquet magic", Array("PAR1".utf8) + [UInt8](repeating: 0, count: 40) + Array("PAR1".utf8)),
        ("magic only", Array("ARROW1".utf8)),
        ("magics, no footer", Array("ARROW1".utf8) + [0, 0] + Array("ARROW1".utf8)),
        ("negative footer length", Array("ARROW1".utf8) + [0, 0] + [0xFF, 0xFF, 0xFF, 0xFF] + Array("ARROW1".utf8)),
        ("huge footer length", Array("ARROW1".utf8) + [0, 0] + [0, 0, 0, 0] + [0xFF, 0xFF, 0xFF, 0x7F] + Array("ARROW1".utf8)),
        ("zero footer", Array("ARROW1".utf8) + [0, 0] + [UInt8](repeating: 0, count: 16) + [16, 0, 0, 0] + Array("ARROW1".utf8)),
    ]

    @Test(arguments: foreign)
    func foreignFilesAreRejected(name: String, bytes: [UInt8]) {
        #expect(throws: SnapshotError.self, "\(name)") { try Self.read(bytes) }
    }

    /// Random bytes between valid magics, many seeds and sizes.
    @Test func randomBytesAreRejected() {
        var rng = SplitMix(42)
        for _ in 0..<2000 {
            let n = Int(rng.next() % 600)
            var bytes = Array("ARROW1".utf8) + [0, 0]
            for _ in 0..<n { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
            bytes += Array("ARROW1".utf8)
            #expect(throws: SnapshotError.self) { try Self.read(bytes) }
        }
    }

    /// Random byte overwrites anywhere in a valid file: reading may succeed (data bytes carry no
    /// checksum) but must never crash, and a table that comes back must be internally consistent.
    @Test func corruptedBytesNeverCrash() {
        let file = Self.validFile
        var rng = SplitMix(7)
        var rejected = 0
        for _ in 0..<3000 {
            var bytes = file
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
            }
            do {
                let t = try Self.read(bytes)
                for c in t.columns { #expect(c.count == t.rowCount) }
            } catch {
                rejected += 1
            }
        }
        // Most single-byte hits land in data buffers; metadata hits must be among the rejections.
        #expect(rejected > 0)
    }

    /// Errors say which file and what is wrong.
    @Test func errorNamesTheFile() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path + "/bad.arrow"
        try Data("customer_id,name\n1,张三\n2,李四\n".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ArrowFileReader.read(path: path)
            Issue.record("read a text file as Arrow")
        } catch {
            #expect(error.description.contains(path))
            #expect(error.description.contains("ARROW1"))
        }
        #expect(throws: SnapshotError.self) { try ArrowFileReader.read(path: dir.path + "/missing.arrow") }
        #expect(throws: SnapshotError.self) { try ArrowFileReader.read(path: dir.path) }
    }
}
