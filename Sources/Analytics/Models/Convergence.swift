/// How a numerical fit ended, recorded beside the parameters in models.json so a reader can judge the estimate.
public struct Convergence: Codable, Sendable, Equatable {
    /// Optimizer iterations summed over every restart (Nelder–Mead steps plus BFGS steps).
    public var iterations: Int
    /// Objective evaluations summed over every restart.
    public var evaluations: Int
    /// Euclidean norm of the objective's gradient at the reported optimum, in the optimizer's (log-)coordinates.
    public var gradientNorm: Double
    /// True when the best restart stopped on its gradient/step tolerance rather than on the iteration cap.
    public var converged: Bool
    /// Number of starting points tried.
    public var restarts: Int
    /// How many restarts reached (within 1e-6 relative) the same best objective; a low count hints at a flat or multimodal surface.
    public var restartsAgreeing: Int

    public init(iterations: Int, evaluations: Int, gradientNorm: Double, converged: Bool, restarts: Int, restartsAgreeing: Int) {
        self.iterations = iterations
        self.evaluations = evaluations
        self.gradientNorm = gradientNorm
        self.converged = converged
        self.restarts = restarts
        self.restartsAgreeing = restartsAgreeing
    }
}
