/// Input a forecast cannot be made from; says what and where.
public enum ForecastError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptySeries
    case nonFiniteValue(index: Int, value: Double)
    case invalidSeasonPeriod(Int)
    case invalidHorizon(Int)

    public var description: String {
        switch self {
        case .emptySeries: return "the series has no values"
        case let .nonFiniteValue(index, value): return "value \(value) at position \(index) is not a finite number"
        case let .invalidSeasonPeriod(m): return "season period \(m) must be ≥ 1"
        case let .invalidHorizon(h): return "horizon \(h) must be ≥ 1"
        }
    }
}
