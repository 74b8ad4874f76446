import Foundation

/// Word lists loaded from `rules/`: field labels, the aims of the duty,
/// measures, known abbreviations. Each list has named groups of terms (plain
/// phrases) or patterns (regular expressions).
public struct Vocabulary: Sendable {
    /// A named list, such as `labels` (groups: field names) or `aims`.
    public struct List: Sendable {
        public var terms: [String: [String]] = [:]
        public var patterns: [String: [Pattern]] = [:]
    }

    public private(set) var lists: [String: List] = [:]
    /// Label key (see `TextNormalizer.labelKey`) → field, from the `labels` list.
    private var labelIndex: [String: FieldName] = [:]
    /// Each list's phrases in `TextNormalizer.phraseText` form, for matching in text.
    private var phraseIndex: [String: [[UInt8]]] = [:]
    /// Each list's terms upper-cased, and its patterns, from all its groups.
    private var upperCasedTerms: [String: Set<String>] = [:]
    private var patternIndex: [String: [Pattern]] = [:]

    public init() {}

    /// Adds groups of terms to a list, after any it already has.
    public mutating func add(terms: [String: [String]], to list: String) {
        for group in terms.keys.sorted() {
            let phrases = terms[group] ?? []
            lists[list, default: List()].terms[group, default: []].append(contentsOf: phrases)
            upperCasedTerms[list, default: []].formUnion(phrases.map { $0.uppercased() })
            for phrase in phrases {
                phraseIndex[list, default: []].append(TextNormalizer.phraseText(phrase))
                if list == "labels" {
                    // `Target group(s)` stands for `Target group` and `Target groups`.
                    let key = TextNormalizer.labelKey(phrase)
                    labelIndex[key] = FieldName(rawValue: group)
                    if phrase.hasSuffix("(s)") { labelIndex[key + "s"] = FieldName(rawValue: group) }
                }
            }
        }
    }

    /// Adds groups of patterns to a list, after any it already has.
    public mutating func add(patterns: [String: [Pattern]], to list: String) {
        for group in patterns.keys.sorted() {
            lists[list, default: List()].patterns[group, default: []].append(contentsOf: patterns[group] ?? [])
            patternIndex[list, default: []].append(contentsOf: patterns[group] ?? [])
        }
    }

    /// The field a label names, if the labels list knows it.
    public func field(forLabel label: String) -> FieldName? {
        let key = TextNormalizer.labelKey(label)
        return key.isEmpty ? nil : labelIndex[key]
    }

    /// Whether `text` (in `TextNormalizer.phraseText` form) holds a phrase of `list`.
    public func containsPhrase(of list: String, inPhraseText text: [UInt8]) -> Bool {
        phraseIndex[list]?.contains { TextNormalizer.contains(text, phrase: $0) } ?? false
    }

    /// Every term of a list, from all its groups, upper-cased.
    public func upperCasedTerms(of list: String) -> Set<String> {
        upperCasedTerms[list] ?? []
    }

    /// Every pattern of a list, from all its groups.
    public func allPatterns(of list: String) -> [Pattern] {
        patternIndex[list] ?? []
    }
}

/// A regular expression from a rule file, compiled once.
public struct Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable and safe to share across threads.
    public let source: String
    private let regex: NSRegularExpression

    /// Compiles a pattern (case-insensitive unless asked), or says why it cannot.
    public init(_ source: String, caseSensitive: Bool = false) throws {
        self.source = source
        regex = try NSRegularExpression(pattern: source, options: caseSensitive ? [] : [.caseInsensitive])
    }

    public func matches(_ text: String) -> Bool {
        // The range alone: no match object is made.
        regex.rangeOfFirstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)).location != NSNotFound
    }
}
