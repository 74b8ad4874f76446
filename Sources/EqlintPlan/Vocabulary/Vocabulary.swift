import EqlintText
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
    private(set) var labelIndex: [String: FieldName] = [:]
    /// The longest key in `labelIndex`, in bytes (with the `s` a `(s)` label may take).
    private(set) var longestLabelKey = 0
    /// Each list's phrases, for finding in a plan's text, and the list's name
    /// at the same place in `phraseLists`: found by comparing names (a dozen
    /// lists), cheaper than hashing a list's name for every text asked about.
    private var phraseIndexes: [PhraseIndex] = []
    private var phraseLists: [String] = []
    /// Each list's terms upper-cased, from all its groups: made for a list
    /// when first asked for (see `upperCasedTerms(of:)`).
    private var upperCased = UpperCasedTerms()
    /// The pattern groups of each list that has patterns (three or so), in
    /// group-name order as `find` and `contains` try them: found by comparing
    /// names, cheaper than hashing a list's name for every text asked about.
    private var orderedPatternGroups: [(list: String, groups: [(group: String, patterns: [Pattern])])] = []
    /// Where the patterns of the lists record a stopped match, and learn
    /// which are stopped: the record of the one plan being read and
    /// checked with this copy (see `stopping(in:)`), or nil for none.
    public private(set) var stops: PatternStops?

    public init() {}

    /// The same lists, their patterns' stops recorded in (and read from)
    /// one plan's record: how the linter passes a run's stops to the
    /// reading of a plan and to its checks.
    public func stopping(in stops: PatternStops) -> Vocabulary {
        var copy = self
        copy.stops = stops
        return copy
    }

    /// Adds groups of terms to a list, after any it already has.
    public mutating func add(terms: [String: [String]], to list: String) {
        add(terms: terms, to: list, indexingPhrases: true)
    }

    /// Each list's phrase index, in the order the lists first had phrases
    /// (what `embed-rules` writes into eqlint for its own vocabulary).
    package var phraseIndexTables: [(list: String, tables: PhraseIndex.Tables)] {
        phraseLists.indices.map { (phraseLists[$0], phraseIndexes[$0].tables) }
    }

    /// Takes these phrase indexes for the lists, as `embed-rules` made them
    /// from the terms given already with `indexingPhrases: false`.
    package mutating func usePhraseIndexes(_ indexes: [(list: String, tables: PhraseIndex.Tables)]) {
        phraseLists = indexes.map(\.list)
        phraseIndexes = indexes.map { PhraseIndex($0.tables) }
    }

    /// Adds groups of terms to a list; with `indexingPhrases` false, not to
    /// the list's phrase index, which `usePhraseIndexes` then gives.
    package mutating func add(terms: [String: [String]], to list: String, indexingPhrases: Bool) {
        // Each group with its phrases, in name order: no group's name looked up again.
        let groups = terms.sorted { $0.key < $1.key }
        guard !groups.isEmpty else { return }
        // Upper-cased anew when next asked for; a copy made before keeps its own.
        upperCased = UpperCasedTerms()
        // The list is looked up once, not once for each group.
        func append(to entry: inout List) {
            for (group, phrases) in groups { entry.terms[group, default: []].append(contentsOf: phrases) }
        }
        append(to: &lists[list, default: List()])
        if list == "labels" {
            // Room for every key at once (two for a `(s)` label), not grown key by key.
            labelIndex.reserveCapacity(labelIndex.count + 2 * groups.reduce(0) { $0 + $1.value.count })
            for (group, phrases) in groups {
                for phrase in phrases {
                    // `Target group(s)` stands for `Target group` and `Target groups`.
                    let key = TextNormalizer.labelKey(phrase)
                    labelIndex[key] = FieldName(rawValue: group)
                    if phrase.hasSuffix("(s)") { labelIndex[key + "s"] = FieldName(rawValue: group) }
                    longestLabelKey = max(longestLabelKey, key.utf8.count + 1)
                }
            }
        }
        // The list's phrase index is looked up once, not once for each phrase (a list with no phrases gets none).
        guard indexingPhrases, groups.contains(where: { !$0.value.isEmpty }) else { return }
        func addPhrases(to index: inout PhraseIndex) {
            for (group, phrases) in groups { index.add(phrases, group: group) }
        }
        if let known = phraseLists.firstIndex(of: list) {
            addPhrases(to: &phraseIndexes[known])
        } else {
            phraseLists.append(list)
            phraseIndexes.append(PhraseIndex())
            addPhrases(to: &phraseIndexes[phraseIndexes.count - 1])
        }
    }

    /// Adds groups of patterns to a list, after any it already has.
    public mutating func add(patterns: [String: [Pattern]], to list: String) {
        for group in patterns.keys.sorted() {
            lists[list, default: List()].patterns[group, default: []].append(contentsOf: patterns[group] ?? [])
        }
        let ordered = (lists[list]?.patterns ?? [:]).sorted { $0.key < $1.key }.map { (group: $0.key, patterns: $0.value) }
        if let known = orderedPatternGroups.firstIndex(where: { $0.list == list }) {
            orderedPatternGroups[known].groups = ordered
        } else if !ordered.isEmpty {
            orderedPatternGroups.append((list, ordered))
        }
    }

    /// The field a label names, if the labels list knows it.
    public func field(forLabel label: String) -> FieldName? {
        // Most texts asked about are whole lines, far longer than any label:
        // a key keeps every letter but the `s` of a trailing `(s)`.
        if TextNormalizer.wordBytes(in: label, exceed: longestLabelKey + 1) { return nil }
        let key = TextNormalizer.labelKey(label)
        return key.isEmpty ? nil : labelIndex[key]
    }

    /// Why a rule cannot use a selection (no such list, or no such group), or nil.
    package func problem(with selection: VocabularySelection) -> String? {
        guard let list = lists[selection.list] else {
            return "no vocabulary list is named '\(selection.list)'; the lists are \(lists.keys.sorted().joined(separator: ", "))"
        }
        // Most selections name a group or two the list has: the sets are made only for an error.
        guard let wanted = selection.groups, !wanted.allSatisfy({ list.terms[$0] != nil || list.patterns[$0] != nil }) else { return nil }
        let groups = Set(list.terms.keys).union(list.patterns.keys)
        guard let unknown = wanted.subtracting(groups).sorted().first else { return nil }
        return "the vocabulary list '\(selection.list)' has no group '\(unknown)'; its groups are \(groups.sorted().joined(separator: ", "))"
    }

    /// The phrases and pattern matches of a selection found in `bytes[span]`,
    /// in the order they appear.
    /// - Parameter words: the words of the span, when already read.
    package func find(_ selection: VocabularySelection, in bytes: [UInt8], span: Range<Int>, words: ArraySlice<PhraseIndex.Word>? = nil) -> [VocabularyMatch] {
        let phrases = phraseIndex(of: selection.list)
        var search = PhraseIndex.Search(groups: selection.groups)
        return find(in: bytes, span: span, words: words, phrases: phrases, search: &search, patternGroups: patternGroups(of: selection))
    }

    /// `find` in each of some spans, the matches of one after another's:
    /// the selection's list, groups and patterns looked up once, not for each span.
    /// - Parameter words: the words of a span, by its index in `spans`.
    package func find(_ selection: VocabularySelection, in bytes: [UInt8], spans: [Range<Int>],
                      words: (Int) -> ArraySlice<PhraseIndex.Word>) -> [VocabularyMatch] {
        let phrases = phraseIndex(of: selection.list)
        var search = PhraseIndex.Search(groups: selection.groups)
        let groups = patternGroups(of: selection)
        var found: [VocabularyMatch] = []
        for index in spans.indices {
            found += find(in: bytes, span: spans[index], words: phrases == nil ? nil : words(index), phrases: phrases, search: &search,
                          patternGroups: groups)
        }
        return found
    }

    /// `find` in one span, the selection looked up already.
    private func find(in bytes: [UInt8], span: Range<Int>, words: ArraySlice<PhraseIndex.Word>?, phrases: PhraseIndex?,
                      search: inout PhraseIndex.Search, patternGroups groups: [(group: String, patterns: [Pattern])]) -> [VocabularyMatch] {
        var found: [VocabularyMatch] = []
        if let phrases {
            found = phrases.matches(in: words ?? PhraseIndex.words(in: bytes, span: span)[...], bytes: bytes, search: &search)
        }
        guard !groups.isEmpty else { return found }
        // Over the span's bytes: a `String` is made only if Foundation has to match it.
        bytes.withUnsafeBufferPointer { bytes in
            let text = UnsafeBufferPointer(rebasing: bytes[span])
            for (group, patterns) in groups {
                for pattern in patterns {
                    found += pattern.matchSpans(utf8: text, stops: stops).map {
                        VocabularyMatch(span: span.lowerBound + $0.lowerBound..<span.lowerBound + $0.upperBound, group: group)
                    }
                }
            }
        }
        // In order, and where a phrase and a pattern overlap, the first found:
        // at one place the longest, then phrases before patterns and patterns
        // by group name (the order they were added), so `{term}` never
        // depends on a dictionary's order.
        var kept: [VocabularyMatch] = []
        for (_, match) in found.enumerated().sorted(by: {
            ($0.element.span.lowerBound, -$0.element.span.count, $0.offset) < ($1.element.span.lowerBound, -$1.element.span.count, $1.offset)
        }) where kept.last.map({ match.span.lowerBound >= $0.span.upperBound }) ?? true {
            kept.append(match)
        }
        return kept
    }

    /// Whether `bytes[span]` holds a phrase or pattern of the selection:
    /// phrases first, patterns only when no phrase is there.
    package func contains(_ selection: VocabularySelection, in bytes: [UInt8], span: Range<Int>, words: ArraySlice<PhraseIndex.Word>? = nil) -> Bool {
        let phrases = phraseIndex(of: selection.list)
        var search = PhraseIndex.Search(groups: selection.groups)
        return contains(selection, in: bytes, span: span, words: words, phrases: phrases, search: &search, patternList: patternList(of: selection))
    }

    /// Whether some span holds a phrase or pattern of the selection, each
    /// span read as `contains` reads it, in order, up to the first that
    /// does: the selection's list and groups looked up once, not for each span.
    /// - Parameter words: the words of a span, by its index in `spans`.
    package func contains(_ selection: VocabularySelection, in bytes: [UInt8], spans: [Range<Int>],
                          words: (Int) -> ArraySlice<PhraseIndex.Word>) -> Bool {
        let phrases = phraseIndex(of: selection.list)
        var search = PhraseIndex.Search(groups: selection.groups)
        let patterns = patternList(of: selection)
        for index in spans.indices where contains(selection, in: bytes, span: spans[index], words: phrases == nil ? nil : words(index),
                                                  phrases: phrases, search: &search, patternList: patterns) {
            return true
        }
        return false
    }

    /// `contains` in one span, the selection looked up already.
    private func contains(_ selection: VocabularySelection, in bytes: [UInt8], span: Range<Int>, words: ArraySlice<PhraseIndex.Word>?,
                          phrases: PhraseIndex?, search: inout PhraseIndex.Search, patternList list: Int?) -> Bool {
        if let phrases, phrases.hasMatch(in: words ?? PhraseIndex.words(in: bytes, span: span)[...], bytes: bytes, search: &search) {
            return true
        }
        // The list's pattern groups passed over in place: no array of the selection's is made.
        guard let list else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            let text = UnsafeBufferPointer(rebasing: bytes[span])
            return orderedPatternGroups[list].groups.contains { entry in
                Self.wants(selection, entry.group) && entry.patterns.contains { $0.match(utf8: text, stops: stops) == .found }
            }
        }
    }

    /// A list's phrase index, if it has phrases: a copy (its tables
    /// retained), made once for a search of all its spans.
    private func phraseIndex(of list: String) -> PhraseIndex? {
        phraseLists.firstIndex(of: list).map { phraseIndexes[$0] }
    }

    /// The place in `orderedPatternGroups` of a selection's list, if it has patterns.
    private func patternList(of selection: VocabularySelection) -> Int? {
        orderedPatternGroups.firstIndex(where: { $0.list == selection.list })
    }

    /// The pattern groups of a selection, in group-name order.
    private func patternGroups(of selection: VocabularySelection) -> [(group: String, patterns: [Pattern])] {
        guard let list = patternList(of: selection) else { return [] }
        let all = orderedPatternGroups[list].groups
        guard selection.groups != nil else { return all }
        return all.filter { Self.wants(selection, $0.group) }
    }

    /// Whether a selection takes a group of its list.
    private static func wants(_ selection: VocabularySelection, _ group: String) -> Bool {
        // A rule names a group or two: each compared for equality, cheaper
        // than hashing every group's name to look it up in the set.
        selection.groups?.contains { $0 == group } ?? true
    }

    /// Every term of a list, from all its groups, upper-cased.
    public func upperCasedTerms(of list: String) -> Set<String> {
        upperCased.terms(of: list, in: lists)
    }
}

extension Vocabulary {
    /// The upper-cased terms of the lists asked for, each made when first
    /// asked for: a rule set asks for one or two lists (its abbreviations),
    /// and upper-casing and hashing every term of every list when the rules
    /// load cost half a million instructions a run. A vocabulary given more
    /// terms takes a new, empty one; copies made before share the old one,
    /// which still answers for their lists. Locked: copies on several
    /// threads share it, and whichever makes a list's set first makes the
    /// same set.
    final class UpperCasedTerms: @unchecked Sendable {
        private let lock = NSLock()
        private var made: [String: Set<String>] = [:]

        func terms(of list: String, in lists: [String: List]) -> Set<String> {
            lock.withLock {
                if let known = made[list] { return known }
                var upperCased: Set<String> = []
                for phrases in (lists[list]?.terms ?? [:]).values {
                    for phrase in phrases { upperCased.insert(phrase.uppercased()) }
                }
                made[list] = upperCased
                return upperCased
            }
        }
    }
}

/// Some groups of a vocabulary list (all of them when `groups` is nil), as a
/// rule names them: `{ vocabulary: "characteristics", groups: ["age"] }`.
public struct VocabularySelection: Sendable, Hashable {
    public var list: String
    public var groups: Set<String>?

    public init(list: String, groups: Set<String>? = nil) {
        self.list = list
        self.groups = groups
    }
}
