/// How to read an all-numeric date whose year comes last (`03/05/2024`). `auto` accepts such a date
/// only when it is unambiguous (one part above 12); ambiguous ones fail rather than guess.
public enum DateOrder: String, Sendable, Codable, CaseIterable {
    case auto
    case mdy
    case dmy
}
