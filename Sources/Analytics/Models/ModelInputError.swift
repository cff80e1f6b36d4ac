/// Why a customer-model fit refused its input; names the first offending customer row so the caller can find it.
public enum ModelInputError: Error, Equatable, CustomStringConvertible {
    case empty
    case lengthMismatch(expected: Int, got: Int, argument: String)
    case invalidRow(index: Int, reason: String)

    public var description: String {
        switch self {
        case .empty: return "no customers to fit"
        case let .lengthMismatch(expected, got, argument): return "\(argument) has \(got) values, expected \(expected)"
        case let .invalidRow(index, reason): return "customer row \(index): \(reason)"
        }
    }

    /// Checks the (x, t_x, T) triple every buy-till-you-die model assumes: finite, x ≥ 0, 0 ≤ t_x ≤ T, and a
    /// repeat buyer's last purchase strictly after the first (t_x > 0 when x > 0) is *not* required — same-period
    /// repeats happen when the unit is coarse.
    static func validate(frequency: [Double], recency: [Double], age: [Double]) throws {
        guard !frequency.isEmpty else { throw ModelInputError.empty }
        guard recency.count == frequency.count else {
            throw ModelInputError.lengthMismatch(expected: frequency.count, got: recency.count, argument: "recency")
        }
        guard age.count == frequency.count else {
            throw ModelInputError.lengthMismatch(expected: frequency.count, got: age.count, argument: "age")
        }
        for i in frequency.indices {
            let x = frequency[i], tx = recency[i], t = age[i]
            guard x.isFinite, tx.isFinite, t.isFinite else {
                throw ModelInputError.invalidRow(index: i, reason: "non-finite value (frequency \(x), recency \(tx), age \(t))")
            }
            guard x >= 0 else { throw ModelInputError.invalidRow(index: i, reason: "negative frequency \(x)") }
            guard tx >= 0, tx <= t else {
                throw ModelInputError.invalidRow(index: i, reason: "recency \(tx) outside [0, age \(t)]")
            }
            guard x == 0 || t > 0 else { throw ModelInputError.invalidRow(index: i, reason: "repeat purchases with age 0") }
        }
    }
}
