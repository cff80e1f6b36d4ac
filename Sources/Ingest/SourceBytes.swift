#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a source file, memory-mapped read-only (the OS streams pages in as the parser
/// walks them, so a 500 MB file is not copied), or an owned UTF-8 buffer after transcoding.
/// Immutable after init, hence shareable by the chunk workers.
public final class SourceBytes: @unchecked Sendable {
    public let path: String
    private let base: UnsafeMutableRawPointer?
    public let count: Int
    private let mapped: Bool

    public init(path: String) throws(IngestError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .notAFile(path: path) }
        count = Int(st.st_size)
        if count == 0 {
            base = nil
            mapped = false
            return
        }
        let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        madvise(p, count, MADV_SEQUENTIAL)
        base = p
        mapped = true
    }

    /// Takes ownership of `buffer` (count bytes, allocated with `UnsafeMutableRawPointer.allocate`).
    init(path: String, owning buffer: UnsafeMutableRawPointer?, count: Int) {
        self.path = path
        base = buffer
        self.count = count
        mapped = false
    }

    deinit {
        guard let base else { return }
        if mapped { munmap(base, count) } else { base.deallocate() }
    }

    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
