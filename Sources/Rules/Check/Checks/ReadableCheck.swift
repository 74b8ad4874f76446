/// `readable`: the entry is easy for a child to read: short sentences, a
/// reading-ease score at or above the minimum (judged only on an entry of
/// `readingEaseMinWords` words or more), and (unless allowed) no acronyms
/// (see `Readability`).
struct ReadableCheck: EntryCheck {
    static let name = "readable"
    static let firesWhen = "the entry has a sentence longer than `maxSentenceWords`, a reading-ease score below `minReadingEase`, "
        + "or (with `allowAcronyms: false`) an acronym: one finding for the first of these"
    static let needsField = true

    static let maxSentenceWords = CheckOption<Int>.count("maxSentenceWords", default: 20, "the most words a sentence may have")
    static let minReadingEase = CheckOption<Int>.count(
        "minReadingEase", note: "Flesch, none by default", "the lowest Flesch reading-ease score allowed (70 or more is easy for a child of about 12)")
    static let readingEaseMinWords = CheckOption<Int>.count(
        "readingEaseMinWords", default: 30,
        "the fewest words an entry must have for `minReadingEase` to apply (a score on a sentence or two means little)")
    static let allowAcronyms = CheckOption<Bool>.flag("allowAcronyms", default: true, "acronyms (`PSHE`, `SEND`) may appear")
    static let options = [maxSentenceWords.info, minReadingEase.info, readingEaseMinWords.info, allowAcronyms.info]

    /// What makes the entry hard to read.
    struct Values: Sendable {
        var problem: Readability.Problem
        var limits: Readability.Limits
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("problem", "what makes it hard to read, worded by the rule's parts",
                     parts: Readability.Problem.Kind.allCases.map(\.rawValue)) { .part($0.problem.kind.rawValue) }]
    }

    static let parts: [MessagePart<Values>] = [
        MessagePart(Readability.Problem.Kind.longSentence.rawValue, "a sentence has more words than `maxSentenceWords`", placeholders: [
            Placeholder("words", "the words in the longest sentence") {
                if case .longSentence(let words) = $0.problem { "\(words)" } else { "" }
            },
            Placeholder("maxWords", "the option `maxSentenceWords`") { "\($0.limits.maxSentenceWords)" },
        ]),
        MessagePart(Readability.Problem.Kind.lowReadingEase.rawValue, "the reading-ease score is below `minReadingEase`", placeholders: [
            Placeholder("score", "the entry's Flesch reading-ease score, rounded") {
                if case .lowReadingEase(let score) = $0.problem { "\(score)" } else { "" }
            },
            Placeholder("minScore", "the option `minReadingEase`") { $0.limits.minReadingEase.map { "\(Int($0))" } ?? "" },
        ]),
        MessagePart(Readability.Problem.Kind.acronym.rawValue, "the entry has an acronym, and `allowAcronyms` is false", placeholders: [
            Placeholder("found", "the first acronym") { if case .acronym(let found) = $0.problem { found } else { "" } },
        ]),
    ]

    let limits: Readability.Limits

    init(options: CheckOptions) throws(RuleFileError) {
        let ease = try options.given(Self.minReadingEase)
        limits = Readability.Limits(maxSentenceWords: try options.value(Self.maxSentenceWords), minReadingEase: ease.map(Double.init),
                                    allowAcronyms: try options.value(Self.allowAcronyms),
                                    readingEaseMinWords: try options.value(Self.readingEaseMinWords))
    }

    func entryFindings(_ input: EntryInput) -> [CheckFinding<Values>] {
        guard let problem = Readability.problem(in: input.entry.text, limits: limits) else { return [] }
        return [CheckFinding(range: input.entry.range, values: Values(problem: problem, limits: limits))]
    }
}
