import EqlintText

/// `suppressions-used`: every `eqlint-disable` comment in the plan
/// silences a finding, names real rules, and is an eqlint instruction.
struct SuppressionsUsedCheck: SuppressionCheck {
    static let name = "suppressions-used"
    static let firesWhen = "a plan's `eqlint-disable` comment silences nothing, names a rule there is not, or is no eqlint instruction"
    static let needsField = false

    /// The rule's parts, one for each way a comment can have no effect.
    enum Part: String, Sendable, CaseIterable {
        case notAnInstruction
        case notAnInstructionNear
        case unknownRule
        case unknownRuleNear
        case unusedNextLine
        case unusedLine
        case lineOnItsOwn
        case inLine
        case unusedRegion
        case unusedFile
        /// What `{rules}` says of a comment that names no rule.
        case anyRule
    }

    /// Why the comment has no effect.
    struct Values: Sendable {
        var problem: IneffectiveSuppression

        var part: Part {
            switch problem {
            case .notAnInstruction(_, let suggestion): return suggestion == nil ? .notAnInstruction : .notAnInstructionNear
            case .unknownRule(_, let suggestion): return suggestion == nil ? .unknownRule : .unknownRuleNear
            case .inLine: return .inLine
            case .lineOnItsOwn: return .lineOnItsOwn
            case .unused(let kind, _):
                switch kind {
                case .disableNextLine: return .unusedNextLine
                case .disableLine: return .unusedLine
                case .disableFile: return .unusedFile
                case .disable, .enable: return .unusedRegion
                }
            }
        }

        var found: String {
            switch problem {
            case .notAnInstruction(let word, _), .unknownRule(let word, _): return word
            case .inLine(let kind): return kind.rawValue
            case .unused, .lineOnItsOwn: return ""
            }
        }

        var suggestion: String {
            switch problem {
            case .notAnInstruction(_, let suggestion), .unknownRule(_, let suggestion): return suggestion ?? ""
            case .unused, .inLine, .lineOnItsOwn: return ""
            }
        }

        var rules: MessageValue {
            let ids: [String]
            switch problem {
            case .unused(_, let named), .lineOnItsOwn(let named): ids = named
            default: ids = []
            }
            guard !ids.isEmpty else { return .part(Part.anyRule.rawValue) }
            return .text(ids.concatenated(separator: ", "))
        }
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("problem", "why the comment has no effect, worded by the rule's parts",
                     parts: Part.allCases.filter { $0 != .anyRule }.map(\.rawValue)) { .part($0.part.rawValue) }]
    }

    private static let found = Placeholder<Values>("found", "the word as written in the comment") { $0.found }
    private static let suggestion = Placeholder<Values>("suggestion", "the nearest word that would do") { $0.suggestion }
    private static let rules = Placeholder<Values>("rules", "the rule ids the comment names, joined with commas; the part `anyRule` when it names none",
                                                   parts: [Part.anyRule.rawValue]) { $0.rules }

    static let parts: [MessagePart<Values>] = [
        MessagePart(Part.notAnInstruction.rawValue, "an `eqlint-` word that is no instruction", placeholders: [found]),
        MessagePart(Part.notAnInstructionNear.rawValue, "an `eqlint-` word that is no instruction, but near one", placeholders: [found, suggestion]),
        MessagePart(Part.unknownRule.rawValue, "a rule id there is no rule for", placeholders: [found]),
        MessagePart(Part.unknownRuleNear.rawValue, "a rule id there is no rule for, but near one", placeholders: [found, suggestion]),
        MessagePart(Part.unusedNextLine.rawValue, "`eqlint-disable-next-line` with no finding on the next line", placeholders: [rules]),
        MessagePart(Part.unusedLine.rawValue, "`eqlint-disable-line` at the end of a line with no finding on it", placeholders: [rules]),
        MessagePart(Part.lineOnItsOwn.rawValue, "`eqlint-disable-line` on a line of its own, where there is nothing to silence", placeholders: [rules]),
        MessagePart(Part.inLine.rawValue, "an instruction that works only on a line of its own, at the end of a line of text", placeholders: [found]),
        MessagePart(Part.unusedRegion.rawValue, "`eqlint-disable` with no finding after it", placeholders: [rules]),
        MessagePart(Part.unusedFile.rawValue, "`eqlint-disable-file` with no finding in the file", placeholders: [rules]),
        MessagePart(Part.anyRule.rawValue, "what `{rules}` says when the comment names no rule"),
    ]

    init(options: CheckOptions) {}

    func suppressionFindings(_ input: SuppressionInput) -> [CheckFinding<Values>] {
        input.suppressions.ineffective(used: input.used, knownRuleIDs: input.knownRuleIDs).map {
            CheckFinding(range: $0.comment.range, values: Values(problem: $0.problem))
        }
    }
}
