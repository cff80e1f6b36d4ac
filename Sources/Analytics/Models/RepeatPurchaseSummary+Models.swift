/// Whole-population conveniences: fit straight from a summary and score every customer in summary order.
extension BGNBD {
    public static func fit(_ summary: RepeatPurchaseSummary) throws -> BGNBDModel {
        try fit(frequency: summary.frequency, recency: summary.recency, age: summary.age)
    }
}

extension ParetoNBD {
    public static func fit(_ summary: RepeatPurchaseSummary) throws -> ParetoNBDModel {
        try fit(frequency: summary.frequency, recency: summary.recency, age: summary.age)
    }
}

extension GammaGamma {
    public static func fit(_ summary: RepeatPurchaseSummary) -> GammaGammaModel {
        fit(frequency: summary.frequency, monetary: summary.monetary)
    }
}

extension BGNBDModel {
    public func pAlive(_ s: RepeatPurchaseSummary) -> [Double] {
        s.frequency.indices.map { pAlive(frequency: s.frequency[$0], recency: s.recency[$0], age: s.age[$0]) }
    }

    public func expectedPurchases(t: Double, _ s: RepeatPurchaseSummary) -> [Double] {
        s.frequency.indices.map { expectedPurchases(t: t, frequency: s.frequency[$0], recency: s.recency[$0], age: s.age[$0]) }
    }
}

extension ParetoNBDModel {
    public func pAlive(_ s: RepeatPurchaseSummary) -> [Double] {
        s.frequency.indices.map { pAlive(frequency: s.frequency[$0], recency: s.recency[$0], age: s.age[$0]) }
    }

    public func expectedPurchases(t: Double, _ s: RepeatPurchaseSummary) -> [Double] {
        s.frequency.indices.map { expectedPurchases(t: t, frequency: s.frequency[$0], recency: s.recency[$0], age: s.age[$0]) }
    }
}
