/// The built-in checks a rule can use, each with its options. They are
/// implemented once, in `Linter`; rules configure them.
public enum Check: Sendable {
    /// The plan has at least one objective.
    case hasObjectives
    /// The rule's field is given (any of its fields will do, or with `all`,
    /// every one). For an objective, actions may stand in for it as
    /// `inActions` says. For a plan, a field is given in the front matter,
    /// or by the file mentioning a phrase of the vocabulary group named
    /// after the field (`approved`: "approved by the governing board").
    /// With `statementCounts`, an objective's statement with a measure in it
    /// ("… to 95% by July 2025") counts as the field given.
    case present(inActions: ActionQuantifier, all: Bool = false, mentions: String? = nil, statementCounts: Bool = false)
    /// The objective's own text (or, for an entry, the entry) names a phrase
    /// or pattern of a vocabulary list.
    case mentions(VocabularySelection)
    /// Each phrase or pattern of a vocabulary list found in the text (the
    /// whole file, the objective's own text, or the entry) is a finding; the
    /// group it is in names the better term.
    case avoids(VocabularySelection)
    /// The entry matches a pattern from a vocabulary list, or names a date.
    case measurable(vocabulary: String, datesCount: Bool)
    /// At least one of the objective's entries of the field is measurable
    /// (silent when there are none).
    /// With `statementCounts`, a measure in the objective's statement counts too.
    case anyMeasurable(vocabulary: String, datesCount: Bool, statementCounts: Bool = false)
    /// The entry names a concrete end date.
    case hasEndDate
    /// The entry's dates run forwards: its end is not before its start.
    case datesInOrder
    /// The entry's dates fall within the plan's period.
    case withinPeriod
    /// The period in the title agrees with the period in the front matter.
    case periodsAgree
    /// Once the objective's last date has passed, the field is given; a
    /// label for the field with nothing under it is reported at any time.
    case recordedWhenDue
    /// The entry matches the pattern.
    case matches(Pattern)
    /// The entry does not match the pattern.
    case notMatches(Pattern)
    /// The plan's period is at most this many years.
    case periodAtMost(years: Int)
    /// The plan's period has not ended.
    case periodNotEnded
    /// Every date the plan gives of itself (front matter, `Published: ...`)
    /// can be read; for an entry, every date in it.
    case datesReadable
    /// Fewer than this many years since publication (else since the period began).
    case notExpired(years: Int)
    /// Every abbreviation in the entry is in the plan's Glossary or a vocabulary list.
    case abbreviationsDefined(vocabulary: String)
    /// Every acronym in the file is known (a vocabulary list), in the
    /// Glossary, or spelt out where it is first used. Text of the skipped
    /// fields is left to other rules.
    case acronymsDefined(vocabulary: String, skipping: [FieldName])
    /// The entry is easy for a child to read: short sentences, a reading-ease
    /// score at or above the minimum, and (unless allowed) no acronyms.
    case readable(Readability.Limits)
    /// A count below `below` next to a group of people (from a vocabulary
    /// list) could identify individual pupils.
    case smallCounts(below: Int, people: VocabularySelection)
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
