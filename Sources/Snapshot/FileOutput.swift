import Checksums
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered, append-only file that knows how many bytes it has written (Arrow blocks record
/// file offsets) and hashes them on the way out (the manifest's sha256 costs no second read).
final class FileOutput {
    private let fd: Int32
    private let path: String
    private var buffer = [UInt8]()
    private static let flushThreshold = 1 << 20
    private(set) var offset = 0
    private var hasher = SHA256Digest()
    private var closed = false

    init(creating path: String) throws(SnapshotError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw SnapshotError.io("\(path): cannot create (\(String(cString: strerror(errno))))") }
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(Self.flushThreshold)
    }

    deinit {
        if !closed { _ = Glibc.close(fd) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        hasher.update(bytes)
        offset += bytes.count
        if buffer.count + bytes.count > Self.flushThreshold { try flush() }
        if bytes.count >= Self.flushThreshold {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { b in try write(b) }
    }

    func write<T: FixedWidthInteger>(_ value: T) throws {
        var le = value.littleEndian
        try withUnsafeBytes(of: &le) { b in try write(b) }
    }

    func writeZeros(_ n: Int) throws {
        guard n > 0 else { return }
        try write([UInt8](repeating: 0, count: n))
    }

    /// Flushes, syncs and closes; returns the sha256 of everything written.
    func finish() throws -> String {
        try flush()
        guard fsync(fd) == 0 else { throw SnapshotError.io("\(path): fsync failed (\(String(cString: strerror(errno))))") }
        closed = true
        guard Glibc.close(fd) == 0 else { throw SnapshotError.io("\(path): close failed (\(String(cString: strerror(errno))))") }
        return hasher.finalizeHex()
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { b in try writeAll(b) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw SnapshotError.io("\(path): write failed (\(String(cString: strerror(errno))))")
            }
            done += n
        }
    }
}
