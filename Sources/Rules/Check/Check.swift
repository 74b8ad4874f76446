/// The built-in checks a rule can use, each with its options. They are
/// implemented once, in `Linter`; rules configure them.
public enum Check: Sendable {
    /// The plan has at least one objective.
    case hasObjectives
    /// The rule's field is given (any of its fields will do). For an
    /// objective, actions may stand in for it as `inActions` says.
    case present(inActions: ActionQuantifier)
    /// The objective's own text (or, for an entry, the entry) names a phrase
    /// from a vocabulary list.
    case mentions(vocabulary: String)
    /// The entry matches a pattern from a vocabulary list, or names a date.
    case measurable(vocabulary: String, datesCount: Bool)
    /// At least one of the objective's entries of the field is measurable
    /// (silent when there are none).
    case anyMeasurable(vocabulary: String, datesCount: Bool)
    /// The entry names a concrete end date.
    case hasEndDate
    /// The entry matches the pattern.
    case matches(Pattern)
    /// The entry does not match the pattern.
    case notMatches(Pattern)
    /// The plan's period is at most this many years.
    case periodAtMost(years: Int)
    /// The plan's period has not ended.
    case periodNotEnded
    /// Every date in the front matter can be read.
    case datesReadable
    /// Fewer than this many years since publication (else since the period began).
    case notExpired(years: Int)
    /// Every abbreviation in the entry is in the plan's Glossary or a vocabulary list.
    case abbreviationsDefined(vocabulary: String)
    /// The entry's sentences and words are short enough for a child to read.
    case readable(maxSentenceWords: Int, maxWordLetters: Int)
    /// Every `eqlint-disable` comment in the plan suppresses a finding.
    case suppressionsUsed
    /// Every `eqlint-disable` comment gives a reason after `--`.
    case suppressionsExplained

    /// How actions may stand in for an objective's own field.
    public enum ActionQuantifier: String, Sendable {
        /// Only the objective's own field counts.
        case none
        /// One action having it is enough.
        case any
        /// Every action must have it (and there must be actions).
        case every
    }
}
