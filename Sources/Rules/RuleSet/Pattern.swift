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
/// run in linear time (and fuzzed), run without the limit and its cost, and
/// are compiled when first needed: most are never run on a given plan (see
/// `PatternPrefilter`), and compiling them all would be a third of the time
/// it takes to check one plan on save. The test suite compiles every one.
public struct Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable and safe to share across threads;
    // `State` is locked.
    public let source: String
    /// Where the pattern is written, to say which one was stopped.
    public let origin: RuleOrigin?
    /// Whether a match is stopped when it takes too long.
    public let isTimeLimited: Bool
    /// Rules out most texts without running the regular expression.
    private let prefilter: PatternPrefilter?
    /// The compiled expression, and whether a match has been stopped; shared by copies.
    private let state: State

    /// What matching found.
    public enum Match: Sendable, Equatable {
        case found
        case notFound
        /// The match took too long and was stopped (now or earlier): whether
        /// the pattern matches is not known.
        case stopped
    }

    /// Compiles a pattern (case-insensitive unless asked), or says why it
    /// cannot; eqlint's own (`timeLimited: false`) are compiled when first used.
    public init(_ source: String, caseSensitive: Bool = false, origin: RuleOrigin? = nil, timeLimited: Bool = true) throws {
        self.source = source
        self.origin = origin
        isTimeLimited = timeLimited
        prefilter = PatternPrefilter(pattern: source)
        state = State(source: source, options: caseSensitive ? [] : [.caseInsensitive])
        if timeLimited { _ = try state.compiled() }
    }

    /// Compiles the pattern now if it is not yet, or says why it cannot (for tests).
    func compile() throws {
        _ = try state.compiled()
    }

    /// The compiled expression. eqlint's own patterns all compile (the test
    /// suite compiles each one), so failing here is a bug in eqlint.
    private var regex: NSRegularExpression {
        do {
            return try state.compiled()
        } catch {
            fatalError("eqlint's own pattern does not compile (a bug in eqlint): \(source)")
        }
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

    /// Whether the pattern has a prefilter (for tests).
    var hasPrefilter: Bool { prefilter != nil }

    private func matchRegex(_ text: String) -> Match {
        let range = NSRange(location: 0, length: text.utf16.count)
        // The range alone: no match object is made.
        let regex = self.regex
        guard isTimeLimited else { return regex.rangeOfFirstMatch(in: text, range: range).location == NSNotFound ? .notFound : .found }
        if state.isStopped { return .stopped }
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
        if outcome == .stopped { state.stop() }
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
        if state.isStopped { return [] }
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
                state.stop()
                stop.pointee = true
            }
        }
        return spans
    }

    /// The compiled expression (made on first use for eqlint's own patterns)
    /// and whether a match has been stopped, shared by copies of the pattern.
    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private let source: String
        private let options: NSRegularExpression.Options
        private var regex: NSRegularExpression?
        private var stopped = false

        init(source: String, options: NSRegularExpression.Options) {
            self.source = source
            self.options = options
        }

        /// The compiled expression, compiling it now if it is not yet.
        func compiled() throws -> NSRegularExpression {
            try lock.withLock {
                if let regex { return regex }
                let made = try NSRegularExpression(pattern: source, options: options)
                regex = made
                return made
            }
        }

        var isStopped: Bool { lock.withLock { stopped } }
        func stop() { lock.withLock { stopped = true } }
    }
}
