import Rules

/// From which severity a finding fails the run (`--fail-on`, `failOn`).
public enum FailThreshold: String, CaseIterable, Sendable {
    case error, warning, info, never

    /// Whether a finding of this severity fails the run.
    public func fails(_ severity: Severity) -> Bool {
        switch self {
        case .error: return severity >= .error
        case .warning: return severity >= .warning
        case .info: return true
        case .never: return false
        }
    }
}
