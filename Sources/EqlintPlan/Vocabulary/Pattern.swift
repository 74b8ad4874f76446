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
/// match). A pattern stopped once is not run again where the caller passes
/// a `PatternStops`, the record of one plan's check that says which
/// patterns are stopped (on this plan, or on an earlier plan of the run), so
/// one bad pattern costs a run about a second, not hours. The pattern itself
/// holds no such state: copies shared by plans on several threads behave
/// the same whatever the timing. eqlint's own patterns, written to
/// run in linear time (and fuzzed), run without the limit and its cost, and
/// are compiled when first needed: most are never run on a given plan (see
/// `PatternPrefilter`), and compiling them all would be a third of the time
/// it takes to check one plan on save. The test suite compiles every one.
///
/// A pattern within the subset `BytePatternSyntax` reads (all of eqlint's
/// own) is matched on ASCII text by a `BytePattern`, over the text's bytes,
/// with the same matches as Foundation and a fraction of its cost;
/// Foundation matches the rest: other patterns, and text with any character
/// outside ASCII.
public struct Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable and safe to share across threads;
    // so is `Compiled`.
    /// The pattern, as written, and the compiled expression; the prefilter,
    /// which rules out most texts without running it; and the byte matcher,
    /// which matches ASCII text without Foundation when the source is within
    /// its subset. Each made when first needed (most of eqlint's patterns
    /// are never run on a given plan, and most never get past their
    /// prefilter) and shared by copies. Everything a pattern is, in one
    /// object: a copy (one for each pattern tried on each text) retains one
    /// reference, not one for each string.
    private let state: Compiled

    public var source: String { state.source }
    /// Where the pattern is written, to say which one was stopped.
    public var origin: RuleOrigin? { state.origin }
    /// Whether a match is stopped when it takes too long.
    public var isTimeLimited: Bool { state.isTimeLimited }

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
        let regex = timeLimited ? try Compiled.compile(source, caseSensitive: caseSensitive) : nil
        state = Compiled(source: source, origin: origin, timeLimited: timeLimited, caseSensitive: caseSensitive, regex: regex)
    }

    /// One of eqlint's own patterns (not time-limited, case-insensitive),
    /// with what `embed-rules` compiled of it (`compiledWords(of:)`): read
    /// back, not worked out again, when first needed.
    package init(_ source: String, origin: RuleOrigin?, compiled: ArraySlice<UInt64>) {
        state = Compiled(source: source, origin: origin, timeLimited: false, caseSensitive: false, regex: nil, compiled: compiled)
    }

    /// What `embed-rules` compiles of one of eqlint's own patterns (read
    /// case-insensitive), as numbers: how many words its prefilter takes,
    /// those (`PatternPrefilter.words`), then its byte program
    /// (`BytePattern.words`). Nil when the source is outside the byte
    /// matcher's subset.
    package static func compiledWords(of source: String) -> [UInt64]? {
        guard let program = BytePattern.words(compiling: source, caseSensitive: false) else { return nil }
        let prefilter = PatternPrefilter.words(analysing: source)
        return [UInt64(prefilter.count)] + prefilter + program
    }

    /// The two parts of `compiledWords(of:)`, or nil when the words do not have them.
    static func parts(ofCompiled words: ArraySlice<UInt64>) -> (prefilter: ArraySlice<UInt64>, program: ArraySlice<UInt64>)? {
        guard let count = words.first.flatMap({ Int(exactly: $0) }), count < words.count else { return nil }
        let programStart = words.startIndex + 1 + count
        return (words[(words.startIndex + 1)..<programStart], words[programStart...])
    }

    /// Compiles the pattern, or says why it cannot (for tests).
    func compile() throws {
        _ = try Compiled.compile(source, caseSensitive: state.caseSensitive)
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

    /// Identifies the pattern wherever it is copied: where it is written, and its text.
    public var key: String { "\(origin.map { "\($0.path):\($0.location)" } ?? "")\u{0}\(source)" }

    /// Whether the pattern matches somewhere in `text`, within the time
    /// limit. With `stops`, a pattern stopped before (on this plan or an
    /// earlier one) is not run again, and a match stopped now is recorded
    /// there; without, every call runs the pattern.
    public func match(_ text: String, stops: PatternStops? = nil) -> Match {
        var text = text
        return text.withUTF8 { match(utf8: $0, stops: stops) }
    }

    /// `match` of the text whose UTF-8 `utf8` holds (valid UTF-8, as a
    /// plan's bytes are), making a `String` only for Foundation.
    package func match(utf8 text: UnsafeBufferPointer<UInt8>, stops: PatternStops? = nil) -> Match {
        if !state.withPrefilter({ $0.mayMatch(bytes: text) }) { return .notFound }
        return matchPastPrefilter(utf8: text, stops: stops)
    }

    /// What the prefilter needs in a text, or nil when the pattern has none
    /// (for `PatternPrefilterSet`, which asks it of many patterns at once).
    var prefilterRequirement: PatternPrefilter.Requirement? { state.withPrefilter { $0.filter?.requirement } }

    /// `match` of a text the pattern's prefilter has already let through
    /// (as a `PatternPrefilterSet` says).
    package func matchPastPrefilter(_ text: String, stops: PatternStops? = nil) -> Match {
        var text = text
        return text.withUTF8 { matchPastPrefilter(utf8: $0, stops: stops) }
    }

    /// `matchPastPrefilter` of the text whose UTF-8 `text` holds (valid UTF-8):
    /// for a caller that tries several patterns on one text.
    package func matchPastPrefilter(utf8 text: UnsafeBufferPointer<UInt8>, stops: PatternStops? = nil) -> Match {
        if isTimeLimited, let stops, !stops.mayRun(self) { return .stopped }
        if let found = state.withByteMatcher({ $0.hasMatch(in: text) }) { return found ? .found : .notFound }
        return matchRegex(String(decoding: text, as: UTF8.self), stops: stops)
    }

    /// Whether the prefilter lets `text` through whenever the pattern
    /// matches it: never false, unless the prefilter is wrong (for tests and fuzzing).
    func prefilterAgrees(on text: String) -> Bool {
        guard !state.withPrefilter({ $0.mayMatch(text) }) else { return true }
        return matchRegex(text) != .found
    }

    /// Whether the pattern has a prefilter (for tests).
    var hasPrefilter: Bool { state.withPrefilter { $0.filter != nil } }

    /// Whether the pattern is matched over bytes on ASCII text (for tests).
    var isMatchedOverBytes: Bool { state.withByteMatcher { $0.exists } }

    /// The matches the byte matcher finds in `text`, empty ones too, as
    /// UTF-8 byte offsets; nil when it does not answer (the pattern is outside
    /// its subset, the text is not ASCII, or the search took too many steps).
    func byteMatches(in text: String, firstOnly: Bool = false) -> [Range<Int>]? {
        var text = text
        return text.withUTF8 { bytes in state.withByteMatcher { $0.matches(in: bytes, firstOnly: firstOnly) } }
    }

    /// Whether the byte matcher, where it answers, finds exactly the matches
    /// Foundation finds, empty ones too (for tests and fuzzing).
    func byteMatcherAgrees(on text: String) -> Bool {
        guard let byBytes = byteMatches(in: text) else { return true }
        // It answers only for ASCII text, where UTF-16 offsets are byte offsets.
        let found = state.withRegex { $0.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)) }.map {
            $0.range.location..<$0.range.location + $0.range.length
        }
        return byBytes == found
    }

    /// Whether Foundation's regular expression matches somewhere in `text`;
    /// the caller has asked `stops` whether the pattern may run.
    private func matchRegex(_ text: String, stops: PatternStops? = nil) -> Match {
        let range = NSRange(location: 0, length: text.utf16.count)
        // The range alone: no match object is made.
        guard isTimeLimited else {
            return state.withRegex { $0.rangeOfFirstMatch(in: text, range: range) }.location == NSNotFound ? .notFound : .found
        }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(Self.timeLimit(forLength: range.length) * 1e9)
        var outcome = Match.notFound
        var calls = 0
        // The block is called at every place a match is tried from, and every
        // few thousand steps of a match: the clock is read every 256th call.
        state.withRegex { regex in
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
        }
        if outcome == .stopped { stops?.stop(self) }
        return outcome
    }

    /// Whether the pattern matches somewhere in `text` (a stopped match counts as none).
    public func matches(_ text: String, stops: PatternStops? = nil) -> Bool {
        match(text, stops: stops) == .found
    }

    /// Where each match is, as UTF-8 byte offsets into `text`. A match that
    /// runs past the time limit stops the search there (and, with `stops`,
    /// the pattern is not run again), keeping the matches found before it.
    func matchSpans(in text: String, stops: PatternStops? = nil) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { matchSpans(utf8: $0, stops: stops) }
    }

    /// `matchSpans` of the text whose UTF-8 `utf8` holds (valid UTF-8, as a
    /// plan's bytes are), making a `String` only for Foundation.
    func matchSpans(utf8 text: UnsafeBufferPointer<UInt8>, stops: PatternStops? = nil) -> [Range<Int>] {
        if !state.withPrefilter({ $0.mayMatch(bytes: text) }) { return [] }
        if isTimeLimited, let stops, !stops.mayRun(self) { return [] }
        if let matches = state.withByteMatcher({ $0.matches(in: text) }) { return matches.filter { !$0.isEmpty } }
        return regexMatchSpans(in: String(decoding: text, as: UTF8.self), stops: stops)
    }

    /// Where Foundation's regular expression matches in `text`, as UTF-8 byte offsets (see `matchSpans`).
    private func regexMatchSpans(in text: String, stops: PatternStops?) -> [Range<Int>] {
        let range = NSRange(text.startIndex..., in: text)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(Self.timeLimit(forLength: range.length) * 1e9)
        var spans: [Range<Int>] = []
        var calls = 0
        state.withRegex { regex in
            regex.enumerateMatches(in: text, options: isTimeLimited ? [.reportProgress] : [], range: range) { result, _, stop in
                calls &+= 1
                if let result, let found = Range(result.range, in: text), !found.isEmpty {
                    let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
                    spans.append(start..<start + text.utf8.distance(from: found.lowerBound, to: found.upperBound))
                } else if isTimeLimited, calls & 0xFF == 0, DispatchTime.now().uptimeNanoseconds > deadline {
                    stops?.stop(self)
                    stop.pointee = true
                }
            }
        }
        return spans
    }

    /// The compiled expression, the prefilter and the byte matcher, each
    /// made on first use (the expression at once for a trust's patterns)
    /// and shared by copies of the pattern. Each is the same whoever makes
    /// it first, so sharing them makes no outcome depend on timing.
    private final class Compiled: Sendable {
        let source: String
        let origin: RuleOrigin?
        let isTimeLimited: Bool
        let caseSensitive: Bool
        private let regex: MadeOnce<NSRegularExpression>
        private let prefilter = MadeOnce<Prefilter>()
        private let byteMatcher = MadeOnce<ByteMatcher>()
        /// The prefilter and the byte matcher's program as numbers, as
        /// `embed-rules` compiled them when eqlint was built.
        private let prefilterWords: ArraySlice<UInt64>?
        private let byteProgram: ArraySlice<UInt64>?

        /// - Parameters:
        ///   - regex: the expression, compiled already; nil: compiled when first used.
        ///   - compiled: the prefilter and byte program (`Pattern.compiledWords(of:)`), read when first used; nil: worked out then.
        init(source: String, origin: RuleOrigin?, timeLimited: Bool, caseSensitive: Bool, regex: NSRegularExpression?,
             compiled: ArraySlice<UInt64>? = nil) {
            self.source = source
            self.origin = origin
            isTimeLimited = timeLimited
            self.caseSensitive = caseSensitive
            self.regex = regex.map { MadeOnce(made: $0) } ?? MadeOnce()
            let parts = compiled.flatMap(Pattern.parts(ofCompiled:))
            prefilterWords = parts?.prefilter
            byteProgram = parts?.program
        }

        static func compile(_ source: String, caseSensitive: Bool) throws -> NSRegularExpression {
            try NSRegularExpression(pattern: source, options: caseSensitive ? [] : [.caseInsensitive])
        }

        /// `body` called with the compiled expression. eqlint's own
        /// patterns all compile (the test suite compiles each one), so
        /// failing here is a bug in eqlint.
        func withRegex<Result>(_ body: (NSRegularExpression) -> Result) -> Result {
            regex.with(making: {
                do {
                    return try Self.compile(source, caseSensitive: caseSensitive)
                } catch {
                    fatalError("eqlint's own pattern does not compile (a bug in eqlint): \(source)")
                }
            }, body)
        }

        /// `body` called with the prefilter.
        func withPrefilter<Result>(_ body: (Prefilter) -> Result) -> Result {
            prefilter.with(making: {
                Prefilter(prefilterWords.map { PatternPrefilter(words: $0) } ?? PatternPrefilter(pattern: source))
            }, body)
        }

        /// `body` called with the byte matcher.
        func withByteMatcher<Result>(_ body: (ByteMatcher) -> Result) -> Result {
            byteMatcher.with(making: {
                ByteMatcher(byteProgram.flatMap(BytePattern.init(words:)) ?? BytePattern(source, caseSensitive: caseSensitive))
            }, body)
        }

        /// The pattern's prefilter, read in place (copied out, its half a
        /// dozen arrays would be retained and released at every match).
        final class Prefilter: Sendable {
            /// nil when the pattern has none.
            let filter: PatternPrefilter?

            init(_ filter: PatternPrefilter?) {
                self.filter = filter
            }

            /// Whether the text may match: true when there is no prefilter.
            func mayMatch(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
                filter?.mayMatch(bytes: bytes) ?? true
            }

            func mayMatch(_ text: String) -> Bool {
                filter?.mayMatch(text) ?? true
            }
        }

        /// The pattern's byte matcher, read in place as the prefilter is.
        final class ByteMatcher: Sendable {
            /// nil when the source is outside the subset it reads.
            private let pattern: BytePattern?

            init(_ pattern: BytePattern?) {
                self.pattern = pattern
            }

            var exists: Bool { pattern != nil }

            /// Whether the pattern matches in `text`; nil when it does not answer (see `BytePattern`), or there is no matcher.
            func hasMatch(in text: UnsafeBufferPointer<UInt8>) -> Bool? {
                pattern?.hasMatch(in: text)
            }

            func matches(in text: UnsafeBufferPointer<UInt8>, firstOnly: Bool = false) -> [Range<Int>]? {
                pattern?.matches(in: text, firstOnly: firstOnly)
            }
        }
    }
}
