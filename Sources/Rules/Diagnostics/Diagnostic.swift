import EqlintText

/// One finding in one plan file: what is wrong, where, and how to fix it.
public struct Diagnostic: Hashable, Sendable {
    /// The file as the user named it.
    public var path: String
    /// The text at fault (a missing field: its objective's heading).
    public var range: SourceRange
    public var severity: Severity
    public var ruleID: String
    /// What is wrong, in plain words.
    public var message: String
    /// How to fix it, in plain words.
    public var help: String
    /// The text the range covers (its first line), as written in the file.
    public var faultText: String = ""
    /// Stable identity across unrelated edits (see `Fingerprint`): made
    /// from the rule, the text at fault and `occurrence` when read, as only
    /// some formats and baselines read it; "" before `Fingerprint.assign`.
    public var fingerprint: String {
        get { givenFingerprint ?? occurrence.map { Fingerprint.make(ruleID: ruleID, faultText: faultText, occurrence: $0) } ?? "" }
        set { givenFingerprint = newValue }
    }
    /// Which repeat of its rule and text in its file the finding is (see
    /// `Fingerprint.assign`), numbered in reading order from 0.
    var occurrence: Int?
    /// A fingerprint set outright, not made from `occurrence`.
    private var givenFingerprint: String?
    /// What the rule rests on (nil for a finding no rule file makes, such as `invalid-utf8`).
    public var basis: Basis?
    /// The index in the plan's objectives of the objective the finding is
    /// about, or in whose lines it is; nil for the plan as a whole.
    public var objective: Int?
    /// The fixes offered for it (see `FixIt`); at most one, from the rule's `fix`.
    public var fixIts: [FixIt] = []

    public init(path: String, range: SourceRange, severity: Severity, ruleID: String, message: String, help: String) {
        self.path = path
        self.range = range
        self.severity = severity
        self.ruleID = ruleID
        self.message = message
        self.help = help
    }

    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.path == rhs.path && lhs.range == rhs.range && lhs.severity == rhs.severity && lhs.ruleID == rhs.ruleID
            && lhs.message == rhs.message && lhs.help == rhs.help && lhs.faultText == rhs.faultText
            && lhs.fingerprint == rhs.fingerprint && lhs.basis == rhs.basis && lhs.objective == rhs.objective && lhs.fixIts == rhs.fixIts
    }

    /// Hashed as compared: by every value a reader sees, the fingerprint as made.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(range)
        hasher.combine(severity)
        hasher.combine(ruleID)
        hasher.combine(message)
        hasher.combine(help)
        hasher.combine(faultText)
        hasher.combine(fingerprint)
        hasher.combine(basis)
        hasher.combine(objective)
        hasher.combine(fixIts)
    }

    /// Reading order: by file, then position, then rule.
    public static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.range.start, lhs.ruleID) < (rhs.path, rhs.range.start, rhs.ruleID)
    }
}
