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

    /// Drops the mapped file's pages from this process's resident memory once every value has
    /// been parsed out of them: a 700 MB file need not stay resident while its columns are merged.
    /// The mapping stays valid (a later read faults the page back in from the file).
    public func releasePages() {
        guard mapped, let base else { return }
        madvise(base, count, MADV_DONTNEED)
    }

    /// Drops the whole pages inside `range` (byte offsets into `bytes`) once parsed, so resident
    /// memory follows the parser instead of accumulating the file. Only for a file mapping: on an
    /// owned (transcoded) buffer MADV_DONTNEED would zero the data, so it is a no-op there.
    public func releasePages(in range: Range<Int>) {
        guard mapped, let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        guard end > start else { return }
        madvise(base + start, end - start, MADV_DONTNEED)
    }
}
