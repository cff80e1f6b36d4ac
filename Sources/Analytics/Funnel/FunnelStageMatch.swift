/// Matches a stage label to a parameter stage: case-insensitive, ignoring surrounding spaces.
enum FunnelStageMatch {
    static func index(of label: String, in stages: [String]) -> Int? {
        let t = normalise(label)
        return stages.firstIndex { normalise($0) == t }
    }

    static func normalise(_ s: String) -> String {
        s.trimmingCharacters().lowercased()
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
