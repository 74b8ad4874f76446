import EqlintPlan
import EqlintText

/// Decides whether a success criterion can be measured. What counts is in a
/// vocabulary list (`measures` unless the rule names another), whose groups of
/// patterns are of three kinds, told apart by the group's name:
///
/// - **vague** (a name starting `vague`): intent verbs ("ensure", "embed",
///   "continue"), a direction with no amount ("improve"), feelings and
///   judgements with no figure ("positive feedback", "staff are confident");
/// - **weak** (a name starting `weak`): signals that a thing can be checked
///   only if nothing vague is said ("termly", "by the end of the year");
/// - **measures** (any other name): a percentage, a counting number, a
///   comparison with the national figure, everyone completing something.
///
/// The decision, in order of precedence:
///
/// 1. a measure makes the criterion measurable, whatever else it says;
/// 2. otherwise a vague pattern makes it vague, even with a date
///    ("Continue to embed Zones of Regulation by July 2026");
/// 3. otherwise a weak signal, or a date with an end (when `datesCount`),
///    makes it measurable: a dated deliverable ("Keyworker assigned to every
///    child in the ESP by December 2025");
/// 4. otherwise it is vague.
///
/// A class: a decider, built once for a run, is shared by every plan's
/// check, and reading a struct of a dozen arrays out of the memo's list
/// copied it (each array retained and released) at every entry.
final class Measurability: Sendable {
    /// The measures, vague and weak patterns, in that order (their prefilters' order).
    private let patterns: [Pattern]
    /// Where the vague patterns start in `patterns`, and the weak ones.
    private let vagueStart: Int
    private let weakStart: Int
    /// The vocabulary list's name.
    let list: String
    let datesCount: Bool
    /// The prefilters of the measures, vague and weak patterns, in that
    /// order: an entry's text is scanned once for all of them.
    private let prefilters: PatternPrefilterSet

    /// Sorts a vocabulary list's pattern groups by kind (see the type's comment).
    init(list: Vocabulary.List?, named name: String = "", datesCount: Bool) {
        self.list = name
        self.datesCount = datesCount
        let sorted = MeasuringPatterns(list)
        patterns = sorted.all
        vagueStart = sorted.measures.count
        weakStart = vagueStart + sorted.vague.count
        prefilters = Self.prefilters(of: patterns)
    }

    /// The prefilter set of some patterns: as `embed-rules` wrote it when
    /// eqlint was built, for the same patterns of one of eqlint's own lists
    /// (the sets are equal: `PatternPrefilterTests`), else worked out now.
    static func prefilters(of patterns: [Pattern]) -> PatternPrefilterSet {
        for (sources, tables) in embeddedPrefilterSets
        where sources.count == patterns.count && patterns.indices.allSatisfy({ patterns[$0].source == sources[$0] }) {
            return PatternPrefilterSet(tables)
        }
        return PatternPrefilterSet(patterns)
    }

    /// Whether the entry is measurable. A pattern whose match had to be
    /// stopped (a trust's, too slow), now or before (as `stops` records),
    /// is passed to `stopped`, and the entry then counts as measurable: no
    /// finding is made on a guess.
    /// With `measuresOnly`, only a measure counts (step 1): what an
    /// objective's statement needs to count as a success criterion.
    /// With `dates`, the entry's dates are read from (and kept in) the plan's readings.
    func isMeasurable(_ entry: TextValue, measuresOnly: Bool = false, stops: PatternStops? = nil, dates: DateReadings? = nil,
                      stopped: (Pattern) -> Void) -> Bool {
        var text = entry.text
        return text.withUTF8 { isMeasurable(entry, utf8: $0, measuresOnly: measuresOnly, stops: stops, dates: dates, stopped: stopped) }
    }

    /// `isMeasurable` of an entry whose text's UTF-8 `bytes` holds: the
    /// bytes taken once for the prefilters and every pattern.
    func isMeasurable(_ entry: TextValue, utf8 bytes: UnsafeBufferPointer<UInt8>, measuresOnly: Bool = false, stops: PatternStops? = nil,
                      dates: DateReadings? = nil, stopped: (Pattern) -> Void) -> Bool {
        let candidates = prefilters.candidates(in: bytes)
        if anyMatches(0..<vagueStart, candidates, bytes, stops, stopped) { return true }
        if measuresOnly || anyMatches(vagueStart..<weakStart, candidates, bytes, stops, stopped) { return false }
        if anyMatches(weakStart..<patterns.count, candidates, bytes, stops, stopped) { return true }
        return datesCount && (dates.map { $0.span(in: entry.text) } ?? DateReader.span(in: entry.text))?.end != nil
    }

    /// Whether a pattern of one kind (the patterns at `kind`) matches, or
    /// one had to be stopped; only those past their prefilter are run.
    private func anyMatches(_ kind: Range<Int>, _ candidates: PatternPrefilterSet.Candidates, _ bytes: UnsafeBufferPointer<UInt8>,
                            _ stops: PatternStops?, _ stopped: (Pattern) -> Void) -> Bool {
        var unknown = false
        // By index: a pattern is read, in place, only past its prefilter (`enumerated()` copied each).
        for index in kind where candidates.mayMatch(index) {
            switch patterns[index].matchPastPrefilter(utf8: bytes, stops: stops) {
            case .found: return true
            case .notFound: continue
            case .stopped:
                stopped(patterns[index])
                unknown = true
            }
        }
        return unknown
    }
}

/// What one plan's check has found measurable, so that rules asking the
/// same question of the same entry (`criterion-vague` of each success
/// criterion, `objective-measurable` of the objective's) run the patterns once.
final class MeasurabilityMemo {
    /// The deciders, built once per vocabulary list and `datesCount` for the
    /// whole run, then those no rule asked for when the run began, built for
    /// this plan once. A rule set has one or two: a list, not a table.
    private var deciders: [Measurability]
    /// The answers each decider gave, by text: at `2 * decider` with every
    /// kind of pattern, at `2 * decider + 1` with measures only.
    private var answers: [TextMemo<Bool>]
    /// The plan's record of stopped patterns.
    let stops: PatternStops?

    init(measurers: [Measurability], stops: PatternStops? = nil) {
        deciders = measurers
        answers = Array(repeating: TextMemo(), count: 2 * measurers.count)
        self.stops = stops
    }

    func isMeasurable(_ entry: TextValue, list: String, datesCount: Bool, measuresOnly: Bool = false, vocabulary: Vocabulary,
                      dates: DateReadings? = nil, stopped: (Pattern) -> Void) -> Bool {
        let decider = self.decider(list: list, datesCount: datesCount, measuresOnly: measuresOnly, vocabulary: vocabulary)
        let memo = 2 * decider + (measuresOnly ? 1 : 0)
        let lookup = answers[memo].lookUp(entry.text)
        if let measurable = lookup.answer { return measurable }
        // The decider is a class: taken out of the list, nothing it holds is copied.
        let measurer = deciders[decider]
        var text = entry.text
        let measurable = text.withUTF8 {
            measurer.isMeasurable(entry, utf8: $0, measuresOnly: measuresOnly, stops: stops, dates: dates, stopped: stopped)
        }
        answers[memo].keep(measurable, for: entry.text, lookup)
        return measurable
    }

    /// The index of the decider for a list: one built for the run, or else
    /// for this plan. Only measures count with `measuresOnly`, so either
    /// `datesCount`'s will do.
    private func decider(list: String, datesCount: Bool, measuresOnly: Bool, vocabulary: Vocabulary) -> Int {
        if let index = deciders.firstIndex(where: { $0.list == list && $0.datesCount == datesCount }) { return index }
        if measuresOnly, let index = deciders.firstIndex(where: { $0.list == list }) { return index }
        deciders.append(Measurability(list: vocabulary.lists[list], named: list, datesCount: datesCount))
        answers += [TextMemo(), TextMemo()]
        return deciders.count - 1
    }
}

extension Measurability {
    /// Which decider a rule asks for.
    struct Key: Equatable, Sendable {
        var list: String
        var datesCount: Bool
    }

    /// A decider for every measuring check in a rule set, built once.
    static func all(for ruleSet: RuleSet) -> [Measurability] {
        var result: [Measurability] = []
        // By index: `for rule in` would copy each rule.
        for index in ruleSet.rules.indices {
            guard let key = ruleSet.rules[index].check.kind.measuringKey,
                  !result.contains(where: { $0.list == key.list && $0.datesCount == key.datesCount })
            else { continue }
            result.append(Measurability(list: ruleSet.vocabulary.lists[key.list], named: key.list, datesCount: key.datesCount))
        }
        return result
    }
}

/// A check that decides whether entries are measurable, so that its
/// decider is built once for a run (`Measurability.all(for:)`); one that
/// did not say so would still work, building its decider for each plan.
protocol MeasuringCheck: CheckKind {
    /// The vocabulary list and `datesCount` it decides with.
    var measurer: Measurability.Key { get }
}

extension MeasuringCheck {
    var measuringKey: Measurability.Key? { measurer }
}
