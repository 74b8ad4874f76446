import EqlintPlan
import EqlintText

/// One declarative rule, as read from a file in `rules/`.
public struct Rule: Sendable {
    /// What a rule looks at.
    public enum Scope: String, CaseIterable, Sendable {
        /// The plan as a whole (once per file).
        case plan
        /// Each objective.
        case objective
        /// Each action (a row of an action table).
        case action
        /// Each entry of the rule's field (each success criterion, each lead...).
        case entry
    }

    public var id: String
    public var severity: Severity
    /// Whether the rule runs; a rule file may ship a rule turned off, for a
    /// configuration to turn on.
    public var enabled: Bool
    /// One line saying what the rule checks, for `eqlint rules`.
    public var summary: String
    public var scope: Scope
    /// The fields the rule is about (any of them will do for `present`).
    public var fields: [FieldName]
    /// The check, built from the rule's options and bound to its scope.
    var check: ScopedCheck
    /// Where the rule applies (`when`) or does not (`unless`).
    public var conditions: [RuleCondition] = []
    /// The message, with the placeholders its scope and check fill
    /// (`{objective}`, `{text}`, `{years}` ...), checked when the rule loads.
    public var message: MessageTemplate
    /// The rule's wording of its check's message parts (see `MessagePart`), by name.
    var parts: [String: MessageTemplate] = [:]
    /// How to fix it, for someone who is not a programmer.
    public var help: String
    /// The help as a template, when it uses placeholders.
    var helpTemplate: MessageTemplate?
    /// What the rule rests on: statute, guidance or good practice.
    public var source: String
    /// Whether the rule is the law, guidance or good practice (`basis`).
    public var basis: Basis
    /// Why it matters, for `eqlint explain` (every default rule has one).
    public var why: String?
    /// Plans the rule must pass and fail, for the test suite and `eqlint explain`.
    public var examples: RuleExamples {
        get { examplesSource.examples }
        set { examplesSource = .read(newValue) }
    }
    var examplesSource: RuleExamples.Source
    /// The fixes the rule file declares (`fix`), tried in order: a finding
    /// gets the first that applies to it.
    public var fixes: [RuleFix] = []
    /// Where the rule was defined.
    public var origin: RuleOrigin
    /// How the rule file asked for its check, to rebuild it with new options.
    var definition: CheckDefinition
    /// The rules whose findings this rule's findings replace at the same
    /// place (see `Supersession`), each with where the rule file names it.
    public var supersedes: [String] = []
    var supersedesLocations: [SourceLocation] = []
    /// The configuration file that changed this rule, if one did.
    public var configuredBy: String?

    /// The name of the built-in check the rule uses (`present`).
    public var checkName: String { definition.name }
}

/// Plans a rule must pass and plans it must fail, checked by the test suite.
public struct RuleExamples: Sendable {
    /// The day the examples are checked on (date rules depend on it).
    public var today: CalendarDay?
    public var pass: [RuleExample] = []
    public var fail: [RuleExample] = []
    /// Plans before and after the rule's fixes are applied (`fixed`).
    public var fixed: [FixExample] = []

    /// A rule's examples, or how to read them from its rule file when first
    /// asked for (eqlint's own rules: a check never needs them).
    enum Source: Sendable {
        case read(RuleExamples)
        case unread(@Sendable () -> RuleExamples)

        var examples: RuleExamples {
            switch self {
            case .read(let examples): return examples
            case .unread(let read): return read()
            }
        }
    }
}

/// One example plan, and where it is written in its rule file.
public struct RuleExample: Sendable {
    public var text: String
    public var location: SourceLocation
    /// Where in the example plan a fail example says the rule fires, in
    /// report order (`expect: "3:4"` or a list of them); empty when it
    /// does not say.
    public var expected: [SourceLocation] = []

    public init(text: String, location: SourceLocation, expected: [SourceLocation] = []) {
        self.text = text
        self.location = location
        self.expected = expected
    }
}
