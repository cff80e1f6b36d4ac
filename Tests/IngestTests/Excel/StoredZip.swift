import Foundation
import ZIPFoundation

/// Writes small zip packages for tests that need a workbook shaped one specific way.
enum StoredZip {
    static func write(_ path: String, _ entries: [(String, [UInt8])]) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
