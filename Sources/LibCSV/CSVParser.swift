import CLibCSV

/// Receives what libcsv parses: one call per field (bytes valid only during the call) and one per
/// record end. A base class rather than a protocol so the C callbacks reach it through one
/// unretained context pointer and a vtable call — no dynamic cast, allocation or reference counting
/// per field.
open class CSVRecordSink {
    public init() {}
    /// `bytes` points into libcsv's entry buffer; copy what must outlive the call.
    open func field(_ bytes: UnsafeRawBufferPointer) {}
    /// `terminator` is the byte that ended the record (`\n`, `\r`), or -1 at end of input.
    open func endRecord(terminator: Int32) {}
}

/// The one owner of a libcsv `struct csv_parser`: initialised in `init`, freed in `deinit`, never
/// shared between threads (each chunk of a file gets its own parser).
public final class CSVParser {
    public struct Options: Sendable {
        public var delimiter: UInt8
        public var quote: UInt8
        /// libcsv's strict mode: a stray quote inside a quoted field is an error instead of literal text.
        public var strict: Bool
        /// Report every unquoted CR/LF as a record end, so blank lines and line numbers can be counted.
        public var reportAllNewlines: Bool

        public init(delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""), strict: Bool = false,
                    reportAllNewlines: Bool = true) {
            self.delimiter = delimiter
            self.quote = quote
            self.strict = strict
            self.reportAllNewlines = reportAllNewlines
        }
    }

    private let parser: UnsafeMutablePointer<csv_parser>
    public let options: Options
    /// Bytes fed so far, so an error can say where it happened.
    public private(set) var bytesFed = 0

    public init(options: Options = Options()) throws(CSVError) {
        self.options = options
        parser = .allocate(capacity: 1)
        var flags = UInt8(CSV_STRICT_FINI)
        if options.strict { flags |= UInt8(CSV_STRICT) }
        if options.reportAllNewlines { flags |= UInt8(CSV_REPALL_NL) }
        let rc = csv_init(parser, flags)
        guard rc == 0 else {
            parser.deallocate()
            throw CSVError(code: Int(rc), offset: 0, context: "csv_init")
        }
        csv_set_delim(parser, options.delimiter)
        csv_set_quote(parser, options.quote)
        // Grow the entry buffer in large steps: a 1 MB field should not take thousands of reallocs.
        csv_set_blk_size(parser, 64 * 1024)
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }

    /// Parses `bytes`, calling `sink` synchronously for every completed field and record.
    public func feed(_ bytes: UnsafeRawBufferPointer, into sink: CSVRecordSink) throws(CSVError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let parsed = withExtendedLifetime(sink) {
            csv_parse(parser, base, bytes.count, csvFieldCallback, csvRecordCallback, context)
        }
        bytesFed += parsed
        if parsed != bytes.count {
            throw CSVError(code: Int(csv_error(parser)), offset: bytesFed, context: "csv_parse")
        }
    }

    /// Flushes the last field and record. Throws `CSV_EPARSE` when input ends inside a quoted field.
    public func finish(into sink: CSVRecordSink) throws(CSVError) {
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let rc = withExtendedLifetime(sink) {
            csv_fini(parser, csvFieldCallback, csvRecordCallback, context)
        }
        if rc != 0 { throw CSVError(code: Int(csv_error(parser)), offset: bytesFed, context: "csv_fini") }
    }
}

private func sink(from context: UnsafeMutableRawPointer?) -> CSVRecordSink {
    // The context is the sink passed unretained by `feed`/`finish`, alive for the whole call.
    Unmanaged<CSVRecordSink>.fromOpaque(context!).takeUnretainedValue()
}

private let csvFieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
    data, length, context in
    sink(from: context).field(UnsafeRawBufferPointer(start: data, count: length))
}

private let csvRecordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, context in
    sink(from: context).endRecord(terminator: terminator)
}
