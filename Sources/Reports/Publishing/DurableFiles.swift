#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls publishing needs, with fsync, and errors that name the path.
enum DurableFiles {
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func makeDirectory(_ path: String) throws(PublishError) {
        guard mkdir(path, 0o755) == 0 else { throw fail("mkdir", path) }
    }

    /// Creates `path` (which must not exist), writes all of `bytes` and fsyncs it.
    static func writeNew(_ path: String, _ bytes: [UInt8]) throws(PublishError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail("create", path) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("write", path)
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw fail("fsync", path) }
    }

    /// fsync of a directory: makes the creation and renaming of its entries durable.
    static func syncDirectory(_ path: String) throws(PublishError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw fail("open", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw fail("fsync", path) }
    }

    static func move(_ from: String, _ to: String) throws(PublishError) {
        guard rename(from, to) == 0 else { throw fail("rename to \(to):", from) }
    }

    /// Removes a folder of files (no subfolders are created by publishing; any found are removed too).
    static func removeTree(_ path: String) throws(PublishError) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) != S_IFDIR {
            guard unlink(path) == 0 else { throw fail("unlink", path) }
            return
        }
        guard let dir = opendir(path) else { throw fail("opendir", path) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(dir)
        for n in names { try removeTree(path + "/" + n) }
        guard rmdir(path) == 0 else { throw fail("rmdir", path) }
    }

    static func fail(_ operation: String, _ path: String) -> PublishError {
        PublishError(operation: operation, path: path, errno: errno)
    }
}
