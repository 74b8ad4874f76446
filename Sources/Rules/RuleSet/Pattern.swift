import Foundation

/// A regular expression from a rule, vocabulary or configuration file,
/// compiled once.
///
/// Foundation's regular expressions backtrack, so some patterns take
/// exponential time on some text. `PatternSafety` refuses the usual shape
/// when the rules load; the matching of a trust's patterns is bounded as
/// well: a match that runs past `timeLimit(forLength:)` is stopped (through
/// `.reportProgress`, which swift-corelibs-foundation honours: ICU calls back
/// at each place a match is tried from and every few thousand steps of a
/// match), and a pattern stopped once is not run again, so one bad pattern
/// costs a run about a second, not hours. eqlint's own patterns, written to
/// run in linear time (and fuzzed), run without the limit and its cost.
public struct Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable and safe to share across threads;
    // `StopFlag` is locked.
    public let source: String
    /// Where the pattern is written, to say which one was stopped.
    public let origin: RuleOrigin?
    /// Whether a match is stopped when it takes too long.
    public let isTimeLimited: Bool
    private let regex: NSRegularExpression
    /// Rules out most texts without running the regular expression.
    private let prefilter: PatternPrefilter?
    private let stopFlag = StopFlag()

    /// What matching found.
    public enum Match: Sendable, Equatable {
        case found
        case notFound
        /// The match took too long and was stopped (now or earlier): whether
        /// the pattern matches is not known.
        case stopped
    }

    /// Compiles a pattern (case-insensitive unless asked), or says why it cannot.
    public init(_ source: String, caseSensitive: Bool = false, origin: RuleOrigin? = nil, timeLimited: Bool = true) throws {
        self.source = source
        self.origin = origin
        isTimeLimited = timeLimited
        regex = try NSRegularExpression(pattern: source, options: caseSensitive ? [] : [.caseInsensitive])
        prefilter = PatternPrefilter(pattern: source)
    }

    /// How long one match may take, in seconds: half a second, and a
    /// microsecond more for each character of the text (a pattern that runs
    /// in linear time needs well under a tenth of that), so a very long entry
    /// is still checked. Under a second, because ICU abandons some runaway
    /// matches itself after about a second and reports them as no match,
    /// which would be a finding made on a guess.
    public static func timeLimit(forLength length: Int) -> Double {
        0.5 + Double(length) / 1_000_000
    }

    /// Whether the pattern matches somewhere in `text`, within the time limit.
    public func match(_ text: String) -> Match {
        if let prefilter, !prefilter.mayMatch(text) { return .notFound }
        return matchRegex(text)
    }

    /// Whether the prefilter lets `text` through whenever the pattern
    /// matches it: never false, unless the prefilter is wrong (for tests and fuzzing).
    func prefilterAgrees(on text: String) -> Bool {
        guard let prefilter, !prefilter.mayMatch(text) else { return true }
        return matchRegex(text) != .found
    }

    /// Whether the pattern's text `.prefilter` rules anything out (for tests).
    var hasPrefilter: Bool { prefilter != nil }

    private func matchRegex(_ text: String) -> Match {
        let range = NSRange(location: 0, length: text.utf16.count)
        // The range alone: no match object is made.
        guard isTimeLimited else { return regex.rangeOfFirstMatch(in: text, range: range).location == NSNotFound ? .notFound : .found }
        if stopFlag.isSet { return .stopped }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(Self.timeLimit(forLength: range.length) * 1e9)
        var outcome = Match.notFound
        var calls = 0
        // The block is called at every place a match is tried from, and every
        // few thousand steps of a match: the clock is read every 256th call.
        regex.enumerateMatches(in: text, options: [.reportProgress], range: range) { result, _, stop in
            calls &+= 1
            if result != nil {
                outcome = .found
                stop.pointee = true
            } else if calls & 0xFF == 0, DispatchTime.now().uptimeNanoseconds > deadline {
                outcome = .stopped
                stop.pointee = true
            }
        }
        if outcome == .stopped { stopFlag.set() }
        return outcome
    }

    /// Whether the pattern matches somewhere in `text` (a stopped match counts as none).
    public func matches(_ text: String) -> Bool {
        match(text) == .found
    }

    /// Where each match is, as UTF-8 byte offsets into `text`. A match that
    /// runs past the time limit stops the search there (and the pattern is
    /// not run again), keeping the matches found before it.
    func matchSpans(in text: String) -> [Range<Int>] {
        if stopFlag.isSet { return [] }
        if let prefilter, !prefilter.mayMatch(text) { return [] }
        let range = NSRange(text.startIndex..., in: text)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(Self.timeLimit(forLength: range.length) * 1e9)
        var spans: [Range<Int>] = []
        var calls = 0
        regex.enumerateMatches(in: text, options: isTimeLimited ? [.reportProgress] : [], range: range) { result, _, stop in
            calls &+= 1
            if let result, let found = Range(result.range, in: text), !found.isEmpty {
                let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
                spans.append(start..<start + text.utf8.distance(from: found.lowerBound, to: found.upperBound))
            } else if isTimeLimited, calls & 0xFF == 0, DispatchTime.now().uptimeNanoseconds > deadline {
                stopFlag.set()
                stop.pointee = true
            }
        }
        return spans
    }

    /// Set once a match has been stopped; shared by copies of the pattern.
    private final class StopFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false

        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
    }
}
