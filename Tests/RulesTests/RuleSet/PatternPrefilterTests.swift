@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// The quick byte test run before a pattern: what it reads from a pattern's
/// source, and that it never rules out a text the pattern matches.
@Suite struct PatternPrefilterTests {
    static func runs(_ runs: String...) -> PatternPrefilter.Requirement {
        .oneOf(runs.map { Array($0.utf8) })
    }

    static let readings: [(String, PatternPrefilter.Requirement)] = [
        (#"\b(?:ensur(?:e|es)|promot(?:e|es))\b"#, runs("ensur", "promot")),
        (#"\bTermly\b"#, runs("termly")),
        (#"\bin line with\s++"#, runs("in line with")),
        (#"(?x) in \s line"#, runs("in")),
        (#"(?x) in line"#, runs("inline")),
        (#"(?s)\bbaseline\b.*?\btarget\b|\btarget\b.*?\bbaseline\b"#, runs("baseline", "target")),
        (#"(?s)^(?=.*?\bbaseline\b)(?=.*?\btarget\b)"#, runs("baseline")),
        (#"(?=.*x)abc"#, runs("abc")),
        (#".*?abc"#, runs("abc")),
        (#"(?x) . * ? abc"#, runs("abc")),
        (#".{0,3}abc"#, runs("abc")),
        (#"(?=\d)(?<![\d.])\d++(\.\d++)?\s*+%"#, .digit),
        (#"(?x) (?=\d) (?<![\w.]|[\w.][-/:]) \d++"#, .digit),
        (#"^\d{2}"#, .digit),
        (#"abc?"#, runs("ab")),
        (#"(?:one|two)+ pupils"#, runs("one", "two")),
        (#"\((name|date)\)"#, runs("(name", "(date")),
        (#"\[(insert|add)\b[^\]]*\]"#, runs("[insert", "[add")),
        (#"ab(?:cd)?"#, runs("ab")),
        (#"ab(?:c|)"#, runs("ab")),
    ]

    @Test(arguments: readings)
    func reads(source: String, expected: PatternPrefilter.Requirement) {
        #expect(PatternPrefilter(pattern: source)?.requirement == expected)
    }

    /// Sources whose start is not plain enough: the pattern always runs.
    @Test(arguments: [
        #"a?bc"#,  // the first letter is optional, the rest is one letter
        #"(?:foo)?bar"#,  // an optional group
        #"\bx|yz"#,  // a branch of one letter
        #"[a-z]+ing"#,  // a set first
        #"(?:ab|\d)"#,  // a word or a digit
        #"\Qab\E"#,  // quoted
        #"abc\Qd\E"#,  // quoted, later on
        #"abc[]x]"#,  // a set that starts with `]`
        #"abc[^]x]"#,
        #"abc#"#,  // a `#`, a comment's in `(?x)`
        #"(?x) ab # a comment (with | in it)"#,  // a comment
        #"(?:(?x) a b)"#,  // white space read differently part way
        #"(?x) (?:ab|cd) * x"#,  // in extended mode a quantifier may follow white space
        #"(?x) \d ?c"#,
        #"(?x) a b ?c"#,
        #"\d?ab"#,  // an optional digit
        #".+abc"#,  // not followed past a dot that must match
        #"(?=a|bc)"#,
        #".ab"#,
        #"(?<name>ab)"#,
        #"(?i:ab)"#,
    ])
    func none(source: String) {
        #expect(PatternPrefilter(pattern: source) == nil)
    }

    @Test func rulesOut() throws {
        let words = try #require(PatternPrefilter(pattern: #"\b(?:improv(?:e|es)|more)\b"#))
        #expect(words.mayMatch("Attendance IMPROVES"))
        #expect(words.mayMatch("fewer or more"))
        #expect(!words.mayMatch("Attendance rises to 96%"))
        #expect(!words.mayMatch(""))
        #expect(!words.mayMatch("m"))
        // Curly quotes, dashes and accents cannot fold to ASCII letters …
        #expect(!words.mayMatch("“Café” – naïve"))
        // … but these can, so the pattern must run.
        #expect(words.mayMatch("ſtaff"))  // long s
        #expect(words.mayMatch("Straße"))
        #expect(words.mayMatch("\u{FB01}nal"))  // the ligature fi
        #expect(words.mayMatch("\u{212A}elvin"))  // the Kelvin sign

        let digit = try #require(PatternPrefilter(pattern: #"(?=\d)\d+%"#))
        #expect(digit.mayMatch("rises to 96%"))
        #expect(!digit.mayMatch("rises a lot"))
        #expect(digit.mayMatch("\u{0663}\u{0660}%"))  // Arabic-Indic digits: \d matches them
    }

    /// A prefilter with few candidate bytes passes over eight bytes at a
    /// time: what it looks for is found at every offset, next to text
    /// outside ASCII, and at the very end.
    @Test func findsRunsAtEveryOffset() throws {
        let bracket = try #require(PatternPrefilter(pattern: #"\((name|date)\)"#))
        let letter = try #require(PatternPrefilter(pattern: #"\bage\b"#))
        for offset in 0..<20 {
            let padding = String(repeating: "x", count: offset)
            #expect(bracket.mayMatch(padding + "(name)" + padding))
            #expect(bracket.mayMatch(padding + "(NAME"))
            #expect(!bracket.mayMatch(padding + "(nam" + padding))
            #expect(!bracket.mayMatch(padding + "name) (" + padding + "– ’"))
            #expect(bracket.mayMatch(padding + "’(date" + padding))
            #expect(letter.mayMatch(padding + "AGE"))
            #expect(letter.mayMatch(padding + "“Age”" + padding))
            #expect(!letter.mayMatch(padding + "ag e" + padding))
            #expect(letter.mayMatch(padding + "Straße" + padding))  // may fold to ASCII: the pattern must run
        }
    }

    /// A run is looked for at its least common byte: a rare letter, a digit
    /// or punctuation, never a space; the first of equals.
    @Test func anchorsAtTheRarestByte() {
        let anchors = ["age": 1, "(name": 0, "in line with": 8, "ensur": 3, "3 pupils": 0, "ee": 0, "a b": 2]
        for (run, anchor) in anchors {
            #expect(PatternPrefilter.anchor(of: Array(run.utf8)) == anchor, "\(run)")
        }
    }

    /// A run that holds another is dropped from the scan: a text with it
    /// has the other (`setAgreesWithEachPrefilter` shows the answers are
    /// those of every run).
    @Test func dropsRunsThatHoldAnother() {
        let runs = ["increase", "increases", "decrease", "rate", "rates", "separate", "gap", "gap", "ga"].map { Array($0.utf8) }
        #expect(PatternPrefilter.shortestRuns(runs).map { String(decoding: $0, as: UTF8.self) } == ["increase", "decrease", "rate", "ga"])
        let words = ["from", "now", "current", "currently"].map { Array($0.utf8) }
        #expect(PatternPrefilter.shortestRuns(words).count == 3)
    }

    /// eqlint's own patterns are compiled when first used, so a pattern that
    /// does not compile would be found only on the plan that needs it: here,
    /// every one is compiled.
    @Test func builtInPatternsCompile() throws {
        let sources = try Self.builtInPatternSources()
        #expect(sources.count > 25)
        for source in sources {
            #expect(throws: Never.self, "\(source)") { try Pattern(source, timeLimited: false).compile() }
        }
        #expect(throws: (any Error).self) { try Pattern("(unclosed", timeLimited: false).compile() }
    }

    /// Every pattern in eqlint's rule and vocabulary files, against every line
    /// of the example plans and the rules' own examples, and some awkward text:
    /// where the regular expression matches, the prefilter lets the text through.
    @Test func soundOnBuiltInPatterns() throws {
        let patterns = try Self.builtInPatternSources().map { try Pattern($0, timeLimited: false) }
        #expect(patterns.count > 25)
        // Most of eqlint's own patterns start plainly enough to be ruled out quickly.
        #expect(patterns.filter(\.hasPrefilter).count * 4 >= patterns.count * 3)

        var texts = ["", "ſtaff complete training", "Straße", "\u{FB01}nal", "\u{212A}S2", "\u{0663}\u{0660}% of pupils",
                     "ALL STAFF COMPLETE TRAINING", "half of the pupils", "at least three visits", "in line with national"]
        for file in try FileManager.default.contentsOfDirectory(at: TestSupport.examplesDirectory, includingPropertiesForKeys: nil) {
            texts += try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        for rule in TestSupport.builtInRuleSet.rules {
            texts += (rule.examples.pass + rule.examples.fail).flatMap { $0.text.split(separator: "\n").map(String.init) }
        }
        for pattern in patterns {
            for text in texts {
                #expect(pattern.prefilterAgrees(on: text), "\(pattern.source) on \(text)")
            }
        }
    }

    /// All the prefilters of a set in one scan give each pattern's own
    /// answer: every built-in pattern (and some with no prefilter), on the
    /// texts `soundOnBuiltInPatterns` uses.
    @Test func setAgreesWithEachPrefilter() throws {
        let patterns = try (Self.builtInPatternSources() + [#"[a-z]+ing"#, #"(?=\d)\d+%"#, #"\b(?:at|in)\b"#]).map { try Pattern($0, timeLimited: false) }
        var texts = ["", "A", "at", "AT IN", "ſtaff complete training", "Straße", "\u{FB01}nal", "\u{212A}S2", "\u{0663}\u{0660}% of pupils",
                     "“Café” – naïve 12", "half of the pupils", "IN LINE WITH NATIONAL", "termly\u{00A0}reviews"]
        for file in try FileManager.default.contentsOfDirectory(at: TestSupport.examplesDirectory, includingPropertiesForKeys: nil) {
            texts += try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        // One set of them all three times over (more than 64: several words of bits), and sets of a few.
        let all = Array(patterns.indices)
        #expect(all.count * 3 > 64)
        for chosen in [all + all + all, [0], Array(all.suffix(5)), []] {
            let set = PatternPrefilterSet(chosen.map { patterns[$0] })
            for text in texts {
                let candidates = set.candidates(in: text)
                for (place, index) in chosen.enumerated() {
                    let own = PatternPrefilter(pattern: patterns[index].source).map { Self.mayMatchByScan($0, text) } ?? true
                    #expect(candidates.mayMatch(place) == own, "\(patterns[index].source) on \(text)")
                }
            }
        }
    }

    /// The answer of the scan of every byte (what a set gives for each pattern).
    static func mayMatchByScan(_ prefilter: PatternPrefilter, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { prefilter.mayMatchByScan(bytes: $0) }
    }

    /// A prefilter whose runs all hang on one punctuation byte or digit
    /// (`(name`, `[insert`) looks only at that byte's places and the bytes
    /// a match there could take: it never rules out a text Foundation
    /// matches, characters that fold to ASCII letters (`ſ`, `ß`, `ﬁ`, the
    /// Kelvin sign) next to the anchor included; on ASCII text it answers as
    /// the scan of every byte does, and it rules out everything that rules out.
    @Test func anchoredAtPunctuationIsSound() throws {
        let sources = [#"\((name|school name|academy name|trust name|date|insert|enter)\)"#, #"\[(insert|enter|add)\b[^\]\n]{0,60}\]"#,
                       #"\bss 7\b"#, #"\bkey stage 2\b"#, #"\(sk\)"#]
        let middles = ["(name)", "(NAME)", "(ſchool name)", "(school naMe)", "(Straße)", "(\u{212A}ey)", "(sk)", "(ſ\u{212A})", "(s\u{212A})",
                       "[insert school]", "[inſert school]", "[ENTER]", "[add\u{FB01}]", "[\u{FB01}nal]", "ß 7", "SS 7", "ſs 7", "key ſtage 2",
                       "\u{212A}ey stage 2", "(nam)", "[ins", "“(date)”", "(date’", "– (enter) –", "(", "[", "7", "", "café (naïve) 7"]
        let sides = ["", "x", "ſ", "ß", "\u{212A}", "\u{FB01}", "“", "’ – ", "é", String(repeating: "pad ", count: 20), "ſ" + String(repeating: "pad ", count: 20)]
        var texts: [String] = []
        for middle in middles {
            for before in sides {
                for after in sides { texts.append(before + middle + after) }
            }
        }
        var anchored = 0
        for source in sources {
            let pattern = try Pattern(source, timeLimited: false)
            let prefilter = try #require(PatternPrefilter(pattern: source))
            for text in texts {
                #expect(pattern.prefilterAgrees(on: text), "\(source) on \(text)")
                let byScan = Self.mayMatchByScan(prefilter, text)
                let quick = prefilter.mayMatch(text)
                if !byScan { #expect(!quick, "\(source) on \(text)") }
                if text.utf8.allSatisfy({ $0 < 0x80 }) { #expect(quick == byScan, "\(source) on \(text)") }
                if byScan != quick { anchored += 1 }
            }
        }
        // Texts with a foldable character only far from any anchor are ruled out now.
        #expect(anchored > 0)
    }

    /// Sources whose later items give requirements tested before the scan
    /// at letters (`alsoRequired`), and how many: runs that eight-byte
    /// blocks pass over (few candidate bytes), not a digit or many letters;
    /// none where the pattern's own requirement is passed over so (`team`).
    @Test(arguments: [
        // The rules' `not-matches` patterns: `%`/`per`, and `by` or `to`.
        (#"\b(gap|gaps|attendance|absence|proportion|percentage|rate|rates|share)\b[^.;\n]{0,80}?\bby\s++\d++(\.\d++)?\s*+(%|per\s?cent\b)"#, 2),
        (#"\b(increase|increases|rise|reduce|fall|falls|narrow|narrows)\b[^.;\n]{0,80}?\bto\s++\d++(\.\d++)?\s*+(%|per\s?cent\b)"#, 2),
        (#"\b(?:team|squad|crew)\b.*?%"#, 1),
        (#"\b(?:team|squad|crew)\b[0-9]*,"#, 1),
        (#"\b(?:team|squad|crew)\b(?:x|y)+,"#, 1),
        (#"\b(?:team|squad|crew)\b(?:one|two)"#, 1),
        // Nothing to add: a branch at the top level, an optional or skipped item,
        // a requirement found with memchr, (?x), a back reference first.
        (#"\b(?:team|squad|crew)\b%|\bsquad\b"#, 0),
        (#"\b(?:team|squad|crew)\b(?:%)?"#, 0),
        (#"\b(?:team|squad|crew)\b%?"#, 0),
        (#"\b(?:team|squad|crew)\b(?=.*%)"#, 0),
        (#"\b(?:team|squad|crew)\b(?<!%)"#, 0),
        (#"\((name|date)\)%"#, 0),
        (#"\bteam\b%"#, 0),
        (#"(?x) \b(?:team|squad|crew)\b \s %"#, 0),
        (#"(\b(?:team|squad|crew)\b)\1%"#, 0),
        (#"\b(?:team|squad|crew)\b\d+"#, 0),
        (#"\b(?:team|squad|crew)\b(?:apple|bird|cow|dog|fish)"#, 0),
    ])
    func readsLaterRequirements(source: String, count: Int) throws {
        let prefilter = try #require(PatternPrefilter(pattern: source))
        #expect(prefilter.alsoRequiredCount == count, "\(source)")
    }

    /// A prefilter with later requirements never rules out a text
    /// Foundation matches: many texts made at random from the patterns'
    /// own words, digits, `%`, white space of several kinds and characters
    /// that fold to ASCII letters, and the built-in patterns' own texts.
    @Test func laterRequirementsAreSound() throws {
        let sources = [
            #"\b(gap|gaps|attendance|absence|proportion|percentage|rate|rates|share)\b[^.;\n]{0,80}?\bby\s++\d++(\.\d++)?\s*+(%|per\s?cent\b)"#,
            #"\b(increase|increases|increased|rise|rises|raise|raised|improve|improves|improved|reduce|reduces|reduced|fall|falls|decrease|decreases|grow|grows|narrow|narrows)\b[^.;\n]{0,80}?\bto\s++\d++(\.\d++)?\s*+(%|per\s?cent\b)"#,
            #"\b(?:team|squad|crew)\b.*?%"#, #"\b(?:team|squad|crew)\b[0-9]*,"#, #"\b(?:team|squad|crew)\b (?:x|y)+,"#, #"(?i)\b(?:team|squad|crew)\b (?-i:Per)+;"#, #"\b(?:team|squad|crew)\b (?>by|to) @"#,
            #"\b(?:gap|gulf|chasm)\b\s*(?:of)?\s*\d+\s?%"#, #"(?s)\b(?:team|squad|crew)\b.{0,5}?by\b"#,
        ]
        let pieces = ["gap", "GAP", "Gaps", "attendance", "rate", "share", "rises", "RAISE", "falls", "narrows", "team", "TEAM", "squad", "Crew", "gulf", "by", "BY", "to", "To",
                      "per", "PER", "cent", "percent", "per cent", "of", "x", "y", "@", " ", "  ", "\t", "\n", "\u{00A0}", "\u{2003}", ".", ";", ",",
                      "%", "％", "12", "7.5", "0", "ſ", "ß", "\u{212A}", "\u{FB01}", "é", "“", "’", "(", ")", "–"]
        var random = SplitMix64(seed: 17)
        var texts = ["", "The attendance gap narrows by 5%", "Attendance rises to 95 per cent", "Reduce the gap by 3 PERCENT",
                     "team, then 12%", "TEAM 99 ,", "team xy,", "teamxy,", "team Per;", "teamPer;", "team by @", "teamby @", "gap of 12 %"]
        for _ in 0..<4000 {
            let count = 1 + Int(random.next() % 12)
            texts.append((0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        var ruledOut = 0
        for source in sources {
            let pattern = try Pattern(source, timeLimited: false)
            let prefilter = try #require(PatternPrefilter(pattern: source))
            #expect(prefilter.alsoRequiredCount > 0, "\(source)")
            var matched = 0
            for text in texts {
                #expect(pattern.prefilterAgrees(on: text), "\(source) on \(text)")
                if pattern.matches(text) { matched += 1 }
                if Self.mayMatchByScan(prefilter, text), !prefilter.mayMatch(text) { ruledOut += 1 }
            }
            #expect(matched > 0, "\(source)")
        }
        // The later requirements rule out texts the scan at letters lets through.
        #expect(ruledOut > 1000)
    }

    /// The prefilter sets `embed-rules` wrote into eqlint are the sets made
    /// from their patterns at run time, and are those of the default rule
    /// set's pattern lists, in the order `Measurability` takes them (so
    /// every start uses them).
    @Test func embeddedSetsAreTheSetsOfTheirPatterns() throws {
        #expect(!embeddedPrefilterSets.isEmpty)
        for (sources, tables) in embeddedPrefilterSets {
            let patterns = try sources.map { try Pattern($0, timeLimited: false) }
            #expect(PatternPrefilterSet(patterns) == PatternPrefilterSet(tables), "\(sources.first ?? "")")
            #expect(PatternPrefilterSet(patterns).tables == tables)
        }
        let vocabulary = try RuleSet.defaults().vocabulary
        let lists = vocabulary.lists.keys.sorted().filter { vocabulary.lists[$0]?.patterns.isEmpty == false }
        #expect(lists.count == embeddedPrefilterSets.count)
        for list in lists {
            let patterns = MeasuringPatterns(vocabulary.lists[list]).all
            #expect(embeddedPrefilterSets.contains { $0.sources == patterns.map(\.source) }, "\(list)")
            #expect(Measurability.prefilters(of: patterns) == PatternPrefilterSet(patterns))
        }
        // Other patterns: the set is made from them.
        let other = try [#"\bnew\b"#, #"\d+%"#].map { try Pattern($0, timeLimited: false) }
        #expect(Measurability.prefilters(of: other) == PatternPrefilterSet(other))
    }

    /// The sources of every pattern in `rules/`: values of `pattern` keys and
    /// the members of `patterns` objects.
    static func builtInPatternSources() throws -> [String] {
        var sources: [String] = []
        func collect(_ node: JSON5Node, underPatterns: Bool) {
            switch node.value {
            case .object(let members):
                for member in members {
                    if member.key == "pattern", case .string(let source) = member.value.value { sources.append(source) }
                    collect(member.value, underPatterns: underPatterns || member.key == "patterns")
                }
            case .array(let items):
                for item in items { collect(item, underPatterns: underPatterns) }
            case .string(let source) where underPatterns:
                sources.append(source)
            default:
                break
            }
        }
        let enumerator = FileManager.default.enumerator(at: TestSupport.rulesDirectory, includingPropertiesForKeys: nil)
        while let file = enumerator?.nextObject() as? URL {
            guard file.pathExtension == "json5" else { continue }
            collect(try JSON5Parser.parse(SourceFile(path: file.path, text: String(contentsOf: file, encoding: .utf8))), underPatterns: false)
        }
        return sources
    }
}
