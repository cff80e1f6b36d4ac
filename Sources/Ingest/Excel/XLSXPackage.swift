import Foundation
import ZIPFoundation

/// The parts of an xlsx file (an OOXML zip package) a loader needs: the workbook's sheets in
/// order with their part paths, the date system, which cell styles are dates, and the shared
/// strings. Only the parts are read, never the whole archive into memory.
final class XLSXPackage {
    struct Sheet {
        var name: String
        var part: String
    }

    let path: String
    private let archive: Archive
    let sheets: [Sheet]
    /// `<workbookPr date1904="1"/>`: serial 0 is 1904-01-01 instead of 1899-12-30.
    let uses1904: Bool
    private let workbookDirectory: String

    /// Largest part inflated, as a guard against zip bombs: well above what a 1 M-row sheet needs.
    static let maximumPartBytes = 4 << 30

    init(path: String) throws(IngestError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .cannotOpen(path: path, reason: "No such file or directory")
        }
        guard !isDirectory.boolValue else { throw .notAFile(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, reason: "permission denied")
        }
        let magic = (try? handle.read(upToCount: 4)) ?? nil
        try? handle.close()
        guard let magic, magic.count == 4, Array(magic) == [0x50, 0x4B, 0x03, 0x04] else {
            let detail = (magic?.isEmpty ?? true) ? "the file is empty" : "the file does not start with a zip signature"
            throw .notAnXLSX(path: path, detail: detail + "; an .xls (Excel 97–2003) or CSV file must be saved as .xlsx or loaded as CSV")
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .notAnXLSX(path: path, detail: "cannot read the zip directory (\(error))")
        }
        let workbookPart = Self.officeDocumentPart(archive) ?? "xl/workbook.xml"
        guard archive[workbookPart] != nil else {
            throw .notAnXLSX(path: path, detail: "the zip holds no workbook part (\(workbookPart)); is it an Excel workbook?")
        }
        let directory = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        workbookDirectory = directory
        let workbook = try Self.read(archive, workbookPart, path: path)
        let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/"
            + (workbookPart.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
        let targets = (archive[relsPart] != nil) ? Self.relationships(try Self.read(archive, relsPart, path: path)) : [:]
        var sheets: [Sheet] = []
        var uses1904 = false
        workbook.withUnsafeBytes { raw in
            var x = XMLBytes(raw)
            var index = 0
            while let t = x.nextTag() {
                if t.isEnd { continue }
                if x.tag(t, is: "workbookPr"), let v = x.attribute("date1904", in: t) {
                    let s = x.string(v)
                    uses1904 = s == "1" || s.lowercased() == "true"
                } else if x.tag(t, is: "sheet") {
                    index += 1
                    let name = x.attribute("name", in: t).map { x.string($0) } ?? "Sheet\(index)"
                    let rid = x.attribute("id", in: t).map { x.string($0) }
                    let target = rid.flatMap { targets[$0] } ?? "worksheets/sheet\(index).xml"
                    sheets.append(Sheet(name: name, part: Self.resolve(target, in: directory)))
                }
            }
        }
        self.sheets = sheets
        self.uses1904 = uses1904
    }

    /// The sheet called `name`, or the first one when nil; an unknown name lists the sheets.
    func sheet(named name: String?) throws(IngestError) -> Sheet {
        guard let first = sheets.first else {
            throw .notAnXLSX(path: path, detail: "the workbook lists no sheets")
        }
        guard let name else { return first }
        if let s = sheets.first(where: { $0.name == name }) { return s }
        let folded = name.trimmingSpaces.lowercased()
        if let s = sheets.first(where: { $0.name.trimmingSpaces.lowercased() == folded }) { return s }
        throw .unknownSheet(path: path, sheet: name, sheets: sheets.map(\.name))
    }

    /// The bytes of a part, inflated; throws when it is missing or larger than `limit`.
    func part(_ name: String, limit: Int = XLSXPackage.maximumPartBytes) throws(IngestError) -> [UInt8]? {
        guard archive[name] != nil else { return nil }
        return try Self.read(archive, name, path: path, limit: limit)
    }

    func partInWorkbook(_ relative: String) throws(IngestError) -> [UInt8]? {
        try part(Self.resolve(relative, in: workbookDirectory))
    }

    static func read(_ archive: Archive, _ name: String, path: String, limit: Int = maximumPartBytes)
        throws(IngestError) -> [UInt8]
    {
        guard let entry = archive[name] else { throw .notAnXLSX(path: path, detail: "missing part \(name)") }
        if entry.uncompressedSize > UInt64(limit) {
            throw .notAnXLSX(path: path, detail: "part \(name) inflates to \(entry.uncompressedSize) bytes, over the \(limit)-byte limit")
        }
        var bytes: [UInt8] = []
        // The declared size is only a hint (it may lie): reserve at most 256 MB up front.
        bytes.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(min(limit, 1 << 28)))))
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { data in
                // A lying size field must not let a bomb through.
                if bytes.count + data.count > limit { throw PartTooLarge() }
                bytes.append(contentsOf: data)
            }
        } catch is PartTooLarge {
            throw .notAnXLSX(path: path, detail: "part \(name) inflates past the \(limit)-byte limit")
        } catch {
            throw .notAnXLSX(path: path, detail: "cannot inflate part \(name) (\(error))")
        }
        return bytes
    }

    private struct PartTooLarge: Error {}

    /// `_rels/.rels` names the main document part; most writers use xl/workbook.xml.
    private static func officeDocumentPart(_ archive: Archive) -> String? {
        guard archive["_rels/.rels"] != nil, let rels = try? read(archive, "_rels/.rels", path: "") else { return nil }
        var found: String?
        rels.withUnsafeBytes { raw in
            var x = XMLBytes(raw)
            while let t = x.nextTag() {
                guard x.tag(t, is: "Relationship"), let type = x.attribute("Type", in: t),
                      x.string(type).hasSuffix("/officeDocument"), let target = x.attribute("Target", in: t) else { continue }
                found = resolve(x.string(target), in: "")
            }
        }
        return found
    }

    /// Relationship id → target from a `.rels` part.
    private static func relationships(_ bytes: [UInt8]) -> [String: String] {
        var map: [String: String] = [:]
        bytes.withUnsafeBytes { raw in
            var x = XMLBytes(raw)
            while let t = x.nextTag() {
                guard x.tag(t, is: "Relationship"), let id = x.attribute("Id", in: t),
                      let target = x.attribute("Target", in: t) else { continue }
                map[x.string(id)] = x.string(target)
            }
        }
        return map
    }

    /// A relationship target relative to `directory` (or absolute from the package root) as a zip path.
    static func resolve(_ target: String, in directory: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for p in target.split(separator: "/") {
            if p == ".." { _ = parts.popLast() } else if p != "." { parts.append(p) }
        }
        return parts.joined(separator: "/")
    }
}
