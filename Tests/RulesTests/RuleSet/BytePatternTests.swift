@testable import EqlintPlan
import Foundation
@testable import Rules
import Testing

/// The byte matcher against Foundation: for every built-in pattern, on every
/// line and paragraph of the example plans, the fixtures and the rules' own
/// examples, and on generated awkward text, `Pattern` finds the same matches
/// as `NSRegularExpression`; on ASCII text the byte matcher answers itself,
/// with every match Foundation finds, empty ones too.
@Suite struct BytePatternTests {
    // MARK: - What Foundation finds

    /// Every match Foundation's `enumerateMatches` finds, empty ones too, as
    /// UTF-16 offsets (byte offsets on ASCII text).
    static func foundationMatches(_ source: String, caseSensitive: Bool = false, in text: String) throws -> [Range<Int>] {
        let regex = try NSRegularExpression(pattern: source, options: caseSensitive ? [] : [.caseInsensitive])
        return regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).map {
            $0.range.location..<$0.range.location + $0.range.length
        }
    }

    /// Foundation's non-empty matches as UTF-8 byte offsets, as `Pattern.matchSpans` gives them.
    static func foundationSpans(_ source: String, caseSensitive: Bool = false, in text: String) throws -> [Range<Int>] {
        let utf16 = Array(text.utf16)
        func utf8Offset(_ offset: Int) -> Int {
            String(decoding: utf16[..<offset], as: UTF16.self).utf8.count
        }
        return try foundationMatches(source, caseSensitive: caseSensitive, in: text).filter { !$0.isEmpty }
            .map { utf8Offset($0.lowerBound)..<utf8Offset($0.upperBound) }
    }

    /// Checks a pattern on one text: the byte matcher (when it answers) and
    /// `Pattern` as the checks call it agree with Foundation.
    static func expectAgreement(_ pattern: Pattern, caseSensitive: Bool = false, on text: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try foundationMatches(pattern.source, caseSensitive: caseSensitive, in: text)
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let byBytes = pattern.byteMatches(in: text)
        if pattern.isMatchedOverBytes, isASCII {
            #expect(byBytes == expected, "\(pattern.source) on \(text.debugDescription)", sourceLocation: sourceLocation)
        } else {
            #expect(byBytes == nil, "\(pattern.source) on \(text.debugDescription)", sourceLocation: sourceLocation)
        }
        #expect(pattern.matches(text) == !expected.isEmpty, "\(pattern.source) on \(text.debugDescription)", sourceLocation: sourceLocation)
        let spans = try foundationSpans(pattern.source, caseSensitive: caseSensitive, in: text)
        #expect(pattern.matchSpans(in: text) == spans, "\(pattern.source) on \(text.debugDescription)", sourceLocation: sourceLocation)
    }

    /// `\b` reads word bytes by comparisons: the same bytes as `ByteSet.word`.
    @Test func wordBytesAreTheWordSet() {
        for byte in UInt8(0)..<0x80 {
            #expect(BytePattern.isWordByte(byte) == ByteSet.word.contains(byte), "\(byte)")
        }
    }

    // MARK: - Built-in patterns

    static let builtInSources: [String] = (try? PatternPrefilterTests.builtInPatternSources()) ?? []

    /// Every one of eqlint's own patterns is within the subset, so no plan
    /// written in ASCII calls into ICU.
    @Test func builtInPatternsAreMatchedOverBytes() throws {
        #expect(Self.builtInSources.count > 25)
        for source in Self.builtInSources {
            #expect(try Pattern(source, timeLimited: false).isMatchedOverBytes, "\(source)")
        }
    }

    /// The texts of the repository: every line and every paragraph (lines up
    /// to a blank one, so `$`, `\s` and `(?s).` meet line breaks) of the
    /// example plans, the fixtures' plans and seeds, and the rules' examples.
    static func corpusTexts() throws -> [String] {
        var files: [URL] = []
        for directory in [TestSupport.examplesDirectory, TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures")] {
            let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
            while let file = enumerator?.nextObject() as? URL {
                if ["md", "txt"].contains(file.pathExtension) { files.append(file) }
            }
        }
        var documents = try files.map { try String(contentsOf: $0, encoding: .utf8) }
        for rule in TestSupport.builtInRuleSet.rules {
            documents += (rule.examples.pass + rule.examples.fail).map(\.text)
        }
        var texts: Set<String> = []
        for document in documents {
            texts.formUnion(document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            texts.formUnion(document.components(separatedBy: "\n\n"))
        }
        return texts.sorted()
    }

    @Test func sameMatchesOnTheCorpus() throws {
        let texts = try Self.corpusTexts()
        #expect(texts.count > 1_000)
        #expect(texts.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.count * 10 > texts.count * 8)
        for source in Self.builtInSources {
            let pattern = try Pattern(source, timeLimited: false)
            for text in texts {
                try Self.expectAgreement(pattern, on: text)
            }
        }
    }

    /// Random mixes of a pattern's own words, numbers, punctuation, line
    /// breaks and letters outside ASCII, for each built-in pattern; and
    /// texts made from the pattern itself (a random way through it, so most
    /// match), then changed a little (a piece put in or taken out, a letter's
    /// case changed), so that they only nearly match.
    @Test func sameMatchesOnGeneratedText() throws {
        var random = SplitMix64(seed: 17)
        var matched = 0
        for source in Self.builtInSources {
            let pattern = try Pattern(source, timeLimited: false)
            let node = try #require(BytePatternSyntax.parse(source, caseSensitive: false))
            let words = Self.words(in: source)
            for _ in 0..<300 {
                try Self.expectAgreement(pattern, on: Self.awkwardText(words: words, random: &random))
            }
            for _ in 0..<600 {
                var text = Self.awkwardText(words: words, random: &random, count: 2) + Self.sample(node, random: &random)
                    + Self.awkwardText(words: words, random: &random, count: 2)
                if random.next(below: 2) == 0 { text = Self.mutate(text, random: &random) }
                if pattern.matches(text) { matched += 1 }
                try Self.expectAgreement(pattern, on: text)
            }
        }
        // Many of the texts made from patterns do match (a seventh when
        // written): the test is not all misses.
        #expect(matched * 10 > Self.builtInSources.count * 600)
    }

    /// A text that goes one random way through the pattern: a byte of each
    /// set (printable where the set allows), a branch of each alternation,
    /// a number of repeats; nothing for zero-width items.
    static func sample(_ node: BytePatternNode, random: inout SplitMix64) -> String {
        switch node {
        case .set(let set):
            let printable = (UInt8(0x20)...0x7E).filter(set.contains) + [0x0A, 0x09].filter(set.contains)
            let members = printable.isEmpty ? (UInt8(0)..<0x80).filter(set.contains) : printable
            guard !members.isEmpty else { return "" }
            return String(UnicodeScalar(members[random.next(below: members.count)]))
        case .anyCharacter:
            return ["a", " ", "\n", "\r\n", "."][random.next(below: 5)]
        case .sequence(let items):
            return items.map { sample($0, random: &random) }.joined()
        case .alternation(let branches):
            return sample(branches[random.next(below: branches.count)], random: &random)
        case .repetition(let item, let min, let max, _):
            let count = min + random.next(below: Swift.min(max ?? min + 3, min + 3) - min + 1)
            return (0..<count).map { _ in sample(item, random: &random) }.joined()
        case .atomic(let item):
            return sample(item, random: &random)
        case .lookaround, .wordBoundary, .textStart, .textEnd:
            return ""
        }
    }

    /// The text with one change: a piece put in, a character taken out, or
    /// the case of the letters changed.
    static func mutate(_ text: String, random: inout SplitMix64) -> String {
        var characters = Array(text)
        guard !characters.isEmpty else { return text }
        let place = random.next(below: characters.count)
        switch random.next(below: 4) {
        case 0: characters.insert(contentsOf: pieces[random.next(below: pieces.count)], at: place)
        case 1: characters.remove(at: place)
        case 2: return text.uppercased()
        default: characters[place] = pieces[random.next(below: pieces.count)].first ?? " "
        }
        return String(characters)
    }

    /// The letters of a source taken as words (`(?:half|a third)` gives
    /// `half`, `a`, `third`), with the common words of plans.
    static func words(in source: String) -> [String] {
        let letters = source.split { !$0.isLetter }.map(String.init).filter { $0.count > 1 }
        return letters + ["the", "of", "all", "staff", "pupils", "year", "by", "to", "national", "average", "term", "baseline", "target"]
    }

    static let pieces = [
        " ", " ", " ", "  ", "\n", "\r\n", "\t", ".", ",", ";", ":", "-", "/", "%", "+", "(", ")", "[", "]", "'", "&", "_",
        "£", "–", "—", "“", "”", "’", "é", "ß", "İ", "ſ", "\u{212A}", "\u{00A0}", "\u{0663}", "2026", "2025-26", "1:1",
        "12/2025", "5", "18", "96.5", "1,000", "0", "4+", "of", "a", "s", "es", "ed", "ing", "x",
    ]

    static func awkwardText(words: [String], random: inout SplitMix64, count: Int = 12) -> String {
        var text = ""
        for _ in 0..<random.next(below: count) + 1 {
            if random.next(below: 2) == 0 {
                var word = words[random.next(below: words.count)]
                switch random.next(below: 4) {
                case 0: word = word.uppercased()
                case 1: word = word.prefix(1).uppercased() + word.dropFirst()
                default: break
                }
                text += word
            } else {
                text += pieces[random.next(below: pieces.count)]
            }
        }
        return text
    }

    // MARK: - The subset's semantics, piece by piece

    /// Small patterns in the subset that exercise each construct, on every
    /// short text over an alphabet that makes them interact.
    static let semanticsPatterns = [
        "a|ab", "ab|a", "a*", "a+?", "a*+a", "(?:a|b)*c", "a{2,3}", "a{2,3}?", "a{2,}", "a{2,3}+a", "(?:ab){1,2}b",
        "\\ba", "a\\b", "\\Ba", "\\b", "^a", "a$", "$", "^$", "\\s+$", "(?=a)", "(?!a)", "(?<=a)b", "(?<!a)b",
        "(?<=\\ba)b", "(?<=a{1,2}+)b", "(?<=(?:a|ab))c", "(?<=a(?=bc))b", "(?<![\\w.])\\d++", "(?>a|ab)c", "(?>a*)a",
        "[^a]", "[^a-b]+", "[a-]", "[-a]", "[\\w'-]+", "[^\\s,.;:]++", "A", ".", "(?s).", "\\.", "\\d\\D\\s\\S\\w\\W",
        "(?x) a b | c", "(?x) a + b", "(?x) a+ ? b", "(?i)A", "(?-i)A", "a(?:b|c)?", "(?:(?:a|b)c)?a", "(a)(b)?",
        "\\(a\\)", "[\u{2013}-]", "(?:a|)?b", "a??b", "(?:a\\s++)?b",
        // Tried only at a word's start (a leading `\b`, then a word byte), or not (`-` is no word byte);
        // alternations whose branches start with different bytes, passed over together.
        "\\b(?:a|ab|b)c", "\\b(?:b|c|a)\\b", "\\b(?:-|a)", "\\b\\w+?", "\\b(?:a1|1a|_)", "(?x) \\b a", "\\b(?=a)", "\\bb\\w*", "\\b1",
        "(?:b|c|1|a)+", "(?:c|b|a)(?:1|b|a|c)*?b", "(?:b|c|\\.)?a", "(?<=(?:b|c|a))\\.",
        // Look-aheads `(?=.*?X)`, searched for X: `.` with and without line breaks (and `\r\n` as one), X that
        // may be empty or match at the end, negated, one after another at the start.
        "(?=.*?a)", "(?=.*?\\ba\\b)b", "(?s)(?=.*?a$)", "(?!.*?b)a", "(?s)^(?=.*?\\ba\\b)(?=.*?\\bc\\b)", "(?=[^1]*?1)a",
        "(?s)(?=.*?\\n)", "(?s)(?=.*?(?:\\r|b1))", "(?=.*?(?:b|)c?)",
        // Lazy repeats whose way on must start with a byte of a set (through `\b`, `\B`, look-arounds, jumps), or need not.
        "[^.1]{0,3}?\\bb", "a*?(?=b)b", "(?:a|b)*?(?<=a)c", "a*?\\B1", "(?s).*?\\bc", "a+?(?:b|c1)", "a*?$", "a*?(?>b)",
        // Tried only where the first two bytes may start a match (two bytes at least): through empty items, repeats,
        // look-arounds and `(?s).` (`\r\n` at once).
        "ab", "a?bc", "(?:a|b1)c", "a(?=b)b", "(?s).\\n", "(?s)a.", "(?:ab)+c", "a(?:b|)c", "(?>a|b)c", "a\\b\\.", "(?:a|\\b)b1", "a*b$",
    ]

    @Test(arguments: semanticsPatterns)
    func sameMatchesOnShortText(source: String) throws {
        let alphabet = ["a", "A", "b", "c", "1", ".", " ", "\n", "\r", "-", "_"]
        for caseSensitive in [false, true] {
            let pattern = try Pattern(source, caseSensitive: caseSensitive, timeLimited: false)
            #expect(pattern.isMatchedOverBytes, "\(source)")
            // Every text of up to three characters, and some longer ones.
            var texts = [""]
            var shorter = [""]
            for _ in 0..<3 {
                shorter = shorter.flatMap { text in alphabet.map { text + $0 } }
                texts += shorter
            }
            var random = SplitMix64(seed: UInt64(source.utf8.count))
            for _ in 0..<300 {
                texts.append((0..<random.next(below: 6) + 4).map { _ in alphabet[random.next(below: alphabet.count)] }.joined())
            }
            for text in texts {
                try Self.expectAgreement(pattern, caseSensitive: caseSensitive, on: text)
            }
        }
    }

    /// Each class and escape against every ASCII character, with and without case.
    @Test func setsOnEveryASCIICharacter() throws {
        let sources = ["\\s", "\\S", "\\d", "\\D", "\\w", "\\W", ".", "(?s).", "[a-z]", "[^a-z]", "[^A-Z0-9]", "[!-/]", "[\\w'-]",
                       "[^\\s,.;:]", "[\\d.]", "[-\u{2013}/:]", "[^\u{2013}]", "k", "K", "s", "\\$", "[(|)]", "i"]
        for source in sources {
            for caseSensitive in [false, true] {
                let pattern = try Pattern(source, caseSensitive: caseSensitive, timeLimited: false)
                #expect(pattern.isMatchedOverBytes, "\(source)")
                for byte in UInt8(0)..<0x80 {
                    try Self.expectAgreement(pattern, caseSensitive: caseSensitive, on: String(UnicodeScalar(byte)))
                }
            }
        }
    }

    /// Sources outside the subset are left to Foundation, and still match.
    @Test(arguments: [
        (#"\p{L}+ing"#, "Sing along"),
        (#"(?i:ab)c"#, "ABc"),
        (#"(?x) ab # a comment"#, "ab"),
        (#"(a)\1"#, "aa"),
        (#"[[a-z]&&[^b]]"#, "b c"),
        (#"(?<word>ab)"#, "xab"),
        (#"\Qa.b\E"#, "a.b"),
        (#"café"#, "CAFÉ"),
        (#"(?:a|)*b"#, "aab"),
        (#"a{1,200}"#, "aaa"),
        (#"\Aab"#, "ab"),
        (#"(?m)^b"#, "a\nb"),
        (#"ab(?i)c"#, "abC"),
    ])
    func outsideTheSubset(source: String, text: String) throws {
        let pattern = try Pattern(source, timeLimited: false)
        #expect(!pattern.isMatchedOverBytes)
        #expect(BytePatternSyntax.parse(source, caseSensitive: false) == nil)
        #expect(pattern.matches(text))
        #expect(pattern.byteMatches(in: text) == nil)
        try Self.expectAgreement(pattern, on: text)
    }

    /// A text with a character outside ASCII goes to Foundation, whose case
    /// folding and word boundaries the byte matcher does not copy.
    @Test func textOutsideASCIIGoesToFoundation() throws {
        let pattern = try Pattern(#"\bstaff\b"#, timeLimited: false)
        #expect(pattern.byteMatches(in: "all staff") == [4..<9])
        #expect(pattern.byteMatches(in: "all ſtaff") == nil)
        #expect(pattern.matches("all ſtaff"))  // the long s folds to s
        #expect(pattern.matchSpans(in: "é staff") == [3..<8])  // UTF-8 offsets
        #expect(!pattern.matches("éstaff"))  // é is a letter: no boundary
    }

    /// A trust's pattern that backtracks badly gets no answer from the byte
    /// matcher once it takes too many steps, and runs on Foundation under the
    /// time limit as before.
    @Test func tooManyStepsGoesToFoundation() throws {
        let pattern = try Pattern(#"(?:a|a)*(?:a|a)*(?:a|a)*(?:a|a)*b"#, timeLimited: true)
        #expect(pattern.isMatchedOverBytes)
        #expect(pattern.byteMatches(in: String(repeating: "a", count: 40)) == nil)
        #expect(pattern.byteMatches(in: "aab") == [0..<3])
    }

    /// A search keeping more places to go back to than the room it starts
    /// with (32) moves them to memory of its own and goes on: the same
    /// matches as Foundation, in a look-around and an atomic group too.
    @Test func deepBacktrackingAgrees() throws {
        let sources = [#"(?:a|b)*c"#, #"(?:a|b)*?c"#, #"(?=(?:a|b)*c)a"#, #"(?>(?:a|b)*)c"#, #"x(?:ab|a)*b"#]
        let texts = [String(repeating: "ab", count: 50), String(repeating: "ab", count: 50) + "c",
                     String(repeating: "a", count: 200) + "bc", "x" + String(repeating: "ab", count: 40) + "x"]
        for source in sources {
            let pattern = try Pattern(source, timeLimited: false)
            #expect(pattern.isMatchedOverBytes, "\(source)")
            for text in texts { try Self.expectAgreement(pattern, on: text) }
        }
    }
}
