import Columns

/// The workbook's shared string table (`xl/sharedStrings.xml`) as one byte buffer with offsets, so
/// a cell's `<v>17</v>` resolves to bytes without a String per entry. Rich-text runs are joined;
/// phonetic guides (`<rPh>`) are left out, as Excel displays them only on request.
struct SharedStrings {
    private(set) var strings = StringBuffer()

    var count: Int { strings.count }

    init() {}

    init(xml: [UInt8], path: String) throws(IngestError) {
        var buffer = StringBuffer()
        var scratch: [UInt8] = []
        var overflow = false
        xml.withUnsafeBytes { raw in
            var x = XMLBytes(raw)
            var inItem = false, phonetic = 0
            // The declared count is only a hint: never trust it for an allocation.
            while let t = x.nextTag() {
                if x.tag(t, is: "si") {
                    if t.isEnd || t.isSelfClosing {
                        if scratch.count > StringBuffer.byteCapacity - buffer.bytes.count { overflow = true; return }
                        scratch.withUnsafeBytes { buffer.append($0) }
                        scratch.removeAll(keepingCapacity: true)
                        inItem = false
                    } else {
                        inItem = true
                    }
                } else if x.tag(t, is: "rPh") {
                    if !t.isSelfClosing { phonetic += t.isEnd ? -1 : 1 }
                } else if inItem, phonetic == 0, x.tag(t, is: "t"), !t.isEnd, !t.isSelfClosing {
                    x.appendDecoded(x.text(), to: &scratch)
                }
            }
        }
        if overflow {
            throw .notAnXLSX(path: path, detail: "shared strings exceed \(StringBuffer.byteCapacity) bytes")
        }
        strings = buffer
    }

    @inline(__always)
    func withBytes<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
        guard index >= 0, index < strings.count else { return nil }
        return strings.withBytes(index, body)
    }
}
