import Columns

/// How two dates (days since 1970-01-01) relate, for dates of birth and the like: the same day,
/// the same date with day and month swapped (the `03/05` vs `05/03` export confusion), a few days
/// apart, or unrelated.
public enum DateProximity {
    public enum Relation: Sendable, Equatable {
        case same
        case dayMonthSwapped
        case within(days: Int)
        case apart(days: Int)
    }

    public static func relation(_ a: Int32, _ b: Int32, nearDays: Int) -> Relation {
        if a == b { return .same }
        let x = CivilDate.civil(fromDays: Int(a)), y = CivilDate.civil(fromDays: Int(b))
        if x.year == y.year && x.month == y.day && x.day == y.month { return .dayMonthSwapped }
        let d = abs(Int(a) - Int(b))
        return d <= nearDays ? .within(days: d) : .apart(days: d)
    }
}
