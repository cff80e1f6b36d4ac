/// Whether an e-mail's mailbox name is made from its owner's name. Such handles (`li.feiwen`,
/// `tao.zhang`, `jbaker`, `nlpan`) repeat between namesakes and agree whenever the names agree,
/// so the two are one piece of evidence; a handle that is not (`60723971`, `sunnybird`), or
/// that carries a number of its own (`li.feiwen1983`), is evidence of its own.
enum MailboxName {
    /// - Parameters:
    ///   - email: the normalised address.
    ///   - romanizedName: the name's `NameForms.romanized` (words separated by spaces).
    static func isSpelledFromName(_ email: UnsafeBufferPointer<UInt32>, romanizedName name: UnsafeBufferPointer<UInt32>) -> Bool {
        guard let at = email.lastIndex(of: 64) else { return false }
        // Three digits or more make a handle personal (`zhangwei1987`): namesakes rarely share
        // them. One or two (`chenli81`) do not: among a million customers, the 陈丽s and 陈立s
        // hold chenli81 at several providers.
        guard email[0..<at].lazy.filter({ $0 >= 48 && $0 <= 57 }).count < 3 else { return false }
        let letters = email[0..<at].filter { $0 >= 97 && $0 <= 122 }
        guard letters.count >= 2, !name.isEmpty else { return false }
        // A name word of two letters or more inside the handle (`nlpan` holds `pan`).
        var start = 0
        for i in 0...name.count where i == name.count || name[i] == 32 {
            if i - start >= 2, contains(letters, name[start..<i]) { return true }
            start = i + 1
        }
        // The handle inside the name's letters (`karen` in `karen james`).
        let joined = name.filter { $0 != 32 }
        return contains(joined, letters[...])
    }

    private static func contains(_ haystack: [UInt32], _ needle: ArraySlice<UInt32>) -> Bool {
        guard needle.count <= haystack.count, !needle.isEmpty else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        return false
    }

    private static func contains(_ haystack: [UInt32], _ needle: Slice<UnsafeBufferPointer<UInt32>>) -> Bool {
        guard needle.count <= haystack.count, !needle.isEmpty else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        return false
    }
}
