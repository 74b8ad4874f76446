/// What a rule rests on: the law itself, official guidance, or good
/// practice. A finding of a `law` rule is a legal requirement the plan does
/// not meet; every other finding is a recommendation.
public enum Basis: String, CaseIterable, Comparable, Sendable, Codable {
    /// The Equality Act 2010 (s.149 and the protected characteristics) and
    /// the Specific Duties Regulations 2017: what a school must do.
    case law
    /// DfE, EHRC and other official advice: what a school is advised to do.
    case guidance
    /// What makes a plan clear and useful, required by neither.
    case goodPractice = "good-practice"

    /// Whether a finding of a rule with this basis is a legal requirement not met.
    public var isLegal: Bool { self == .law }

    /// How a reader is told it: `legal requirement`, `guidance`, `good practice`.
    public var phrase: String {
        switch self {
        case .law: return "legal requirement"
        case .guidance: return "guidance"
        case .goodPractice: return "good practice"
        }
    }

    public static func < (lhs: Basis, rhs: Basis) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
