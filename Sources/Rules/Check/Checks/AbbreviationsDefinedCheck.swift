import EqlintText

/// `abbreviations-defined`: every abbreviation in the entry is in the
/// plan's Glossary or a vocabulary list, or spelt out in brackets anywhere
/// in the plan (`Director of Learning (DoL)`); a plural, `SENCOs`, counts.
struct AbbreviationsDefinedCheck: EntryCheck {
    static let name = "abbreviations-defined"
    static let firesWhen = "the entry has initials or abbreviations that neither the list, nor the plan's Glossary, nor the plan's text (`Director of Learning (DoL)`) explains"
    static let needsField = true

    static let vocabulary = CheckOption<String>.vocabulary(default: "abbreviations", "the vocabulary list of abbreviations every reader knows")
    static let options = [vocabulary.info]

    /// The abbreviations nothing explains, in order.
    struct Values: Sendable {
        var unknown: [String]
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("terms", "the abbreviations nothing explains, each in quotes, joined with commas") {
            $0.unknown.map { "\u{201C}\($0)\u{201D}" }.concatenated(separator: ", ")
        }]
    }

    let list: String

    init(options: CheckOptions) throws(RuleFileError) {
        list = try options.selection(Self.vocabulary).list
    }

    func entryFindings(_ input: EntryInput) -> [CheckFinding<Values>] {
        let context = input.context
        let unknown = Abbreviations.find(in: input.entry.text).filter {
            !context.isKnownAbbreviation($0, list: list) && !context.isSpeltOutInPlan($0)
        }
        return unknown.isEmpty ? [] : [CheckFinding(range: input.entry.range, values: Values(unknown: unknown))]
    }
}
