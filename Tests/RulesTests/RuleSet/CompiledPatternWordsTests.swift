@testable import EqlintPlan
@testable import Rules
import Testing

/// What `embed-rules` compiles of eqlint's own patterns into eqlint
/// (`Pattern.compiledWords(of:)`: the prefilter's requirements and the byte
/// program): each reads back as what its source makes, and every pattern in
/// `rules/` that the byte matcher reads has them, so no start works them out again.
struct CompiledPatternWordsTests {
    @Test func embeddedPatternsAreWhatTheirSourcesCompileTo() throws {
        #expect(!embeddedPatterns.isEmpty)
        for (source, range) in embeddedPatterns {
            let words = embeddedPatternWords[range]
            #expect(Array(words) == Pattern.compiledWords(of: source), "\(source)")
            let parts = try #require(Pattern.parts(ofCompiled: words), "\(source)")
            #expect(BytePattern(words: parts.program) == BytePattern(source, caseSensitive: false), "\(source)")
            #expect(PatternPrefilter(words: parts.prefilter)?.requirements == PatternPrefilter(pattern: source)?.requirements, "\(source)")
        }
        // The patterns fill the array, one after another.
        #expect(embeddedPatterns.values.map(\.count).reduce(0, +) == embeddedPatternWords.count)
        let withinSubset = Set(try PatternPrefilterTests.builtInPatternSources()).filter { BytePattern($0, caseSensitive: false) != nil }
        #expect(withinSubset.count > 10)
        #expect(Set(embeddedPatterns.keys) == withinSubset)
        // Some have a prefilter with later requirements, some have none.
        let prefilters = embeddedPatterns.keys.map { PatternPrefilter(pattern: $0) }
        #expect(prefilters.contains { $0 == nil })
        #expect(prefilters.contains { ($0?.requirements.count ?? 0) > 1 })
    }

    /// Every kind of prefilter reads back: none, a digit, runs of bytes, later requirements.
    @Test(arguments: [#"\d+%"#, #"\b(?:target|aim)s?\b"#, #"\bby\s++\d++\s*+(%|per\s?cent\b)"#, #".*"#, #"(?i)café"#])
    func prefilterReadsBack(source: String) {
        let words = PatternPrefilter.words(analysing: source)
        #expect(PatternPrefilter(words: words[...])?.requirements == PatternPrefilter(pattern: source)?.requirements, "\(source)")
    }

    /// Every shape a program takes (look-arounds with their scans, atomic
    /// groups, anchors, case-sensitive sets) is written and read back.
    @Test(arguments: [
        #"\b(?:one|two)\s+\d{1,3}%"#, #"^(?>ab|a)c$"#, #"(?<=\bby\s)\d+"#, #"(?<!no )target(?!s)"#,
        #"(?s)(?=.*?\bpupils\b).x"#, #"(?=.*?%)\w+"#, #"a*?b+?c??"#, #"\Bend\B"#, "",
    ])
    func everyShapeReadsBack(source: String) throws {
        for caseSensitive in [false, true] {
            let compiled = try #require(BytePattern(source, caseSensitive: caseSensitive), "\(source)")
            #expect(BytePattern(words: compiled.words[...]) == compiled, "\(source)")
        }
    }

    @Test func theShapesAboveHaveBothKindsOfScan() throws {
        let byByte = try #require(BytePattern(#"(?=.*?%)\w+"#, caseSensitive: false))
        let byCharacter = try #require(BytePattern(#"(?s)(?=.*?\bpupils\b).x"#, caseSensitive: false))
        #expect(byByte.lookarounds.contains { if case .byte = $0.scan { true } else { false } })
        #expect(byCharacter.lookarounds.contains { $0.scan == .character })
    }

    @Test func wordsNotWrittenByWordsAreRefused() throws {
        let words = try #require(BytePattern(#"\b(?:one|two)\s+\d+"#, caseSensitive: false)).words
        #expect(BytePattern(words: []) == nil)
        #expect(BytePattern(words: words.dropLast()) == nil)
        #expect(BytePattern(words: (words + [0])[...]) == nil)
        // A step of no known kind: the program's first step starts after the header and the leading pairs.
        let firstStep = 2 + 3 + 1 + 128 * 3 + 1
        var unknownStep = words
        unknownStep[firstStep] = 99
        #expect(BytePattern(words: unknownStep[...]) == nil)
    }

    @Test func prefilterWordsNotWrittenByWordsAreRefused() {
        let words = PatternPrefilter.words(analysing: #"\b(?:target|aim)s?\b"#)
        #expect(PatternPrefilter(words: words.dropLast()) == nil)
        #expect(PatternPrefilter(words: (words + [0])[...]) == nil)
        #expect(PatternPrefilter(words: [0]) == nil)
        #expect(Pattern.parts(ofCompiled: [5, 1]) == nil)
    }

    /// A pattern given what was compiled of it matches as one that works it out from its source.
    @Test func patternWithCompiledWordsMatchesAsCompiled() throws {
        for source in [#"\b\d{1,3}\s?%"#, #"\b(?:target|aim)s?\b"#] {
            let given = Pattern(source, origin: nil, compiled: try #require(Pattern.compiledWords(of: source))[...])
            let compiled = try Pattern(source, timeLimited: false)
            for text in ["attendance rises to 96 % by July", "no figure here", "100% of pupils", "our aims", "é 45%", "Targets"] {
                #expect(given.matches(text) == compiled.matches(text), "\(text)")
                #expect(given.matchSpans(in: text) == compiled.matchSpans(in: text), "\(text)")
            }
            #expect(given.isMatchedOverBytes)
            #expect(given.hasPrefilter == compiled.hasPrefilter)
        }
    }
}
