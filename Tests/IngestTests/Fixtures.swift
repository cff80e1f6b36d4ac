import Foundation

/// Writes test inputs to a private temporary directory and removes it afterwards.
final class Fixtures {
    let directory: String

    init() {
        directory = NSTemporaryDirectory() + "ingest-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = directory + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    /// GB18030 bytes of `text`.
    static func gbk(_ text: String) -> [UInt8] {
        Array(text.data(using: String.Encoding(rawValue: 0x8000_0632))!)
    }
}
