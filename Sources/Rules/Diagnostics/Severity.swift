/// How much a finding matters. Ordered: `info < warning < error`.
public enum Severity: String, CaseIterable, Comparable, Sendable, Codable {
    case info
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }
}
