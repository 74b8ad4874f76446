@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// Entities and tags in the raw text that eqlint's byte scanners read:
/// `InlineText` decodes entities; words, acronyms, counts and labels never
/// come from a tag's or an entity's name.
@Suite("Markup in text")
struct MarkupTextTests {
    func plain(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return InlineText.plain(bytes, 0..<bytes.count)
    }

    func words(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return PhraseIndex.words(in: bytes, span: 0..<bytes.count).map { String(decoding: bytes[$0.span], as: UTF8.self) }
    }

    // MARK: Entities

    @Test("numeric entities, decimal and hex, any case")
    func numeric() {
        #expect(plain("2024&#8211;2025 &#x2019; &#X2014; &#163;5 &#233;") == "2024–2025 ’ — £5 é")
    }

    @Test("the named entities pages use", arguments: [
        ("&nbsp;&amp;&lt;&gt;&quot;&apos;", "&<>\"'"),
        ("&rsquo;&lsquo;&rdquo;&ldquo;&ndash;&mdash;&hellip;&bull;&middot;", "’‘”“–—…•·"),
        ("&pound;&euro;&copy;&reg;&trade;&deg;&frac12;&times;&divide;", "£€©®™°½×÷"),
        ("&eacute;&egrave;&aacute;&agrave;&uuml;&ouml;&auml;&ccedil;&Eacute;&szlig;&oelig;", "éèáàüöäçÉßœ"),
        ("&laquo;&raquo;&plusmn;&le;&ge;&rarr;&check;&frac14;&sect;&cent;&yen;", "«»±≤≥→✓¼§¢¥"),
        ("&AMP;&LT;&GT;&QUOT;&COPY;", "&<>\"©"),
    ])
    func named(text: String, expected: String) {
        #expect(plain(text) == expected)
    }

    @Test("what Markdown decoded before decodes as it did")
    func markdownCompatible() {
        #expect(plain("Aims &amp; objectives &lt;draft&gt; &quot;ours&quot; &#39;x&#39;&nbsp;y") == "Aims & objectives <draft> \"ours\" 'x' y")
        #expect(plain("**Lead:** [Head](http://x) `code` \\*") == "Lead: Head code *")
    }

    @Test("never a control character: C0, DEL, surrogates and out-of-range references give U+FFFD; tab and line breaks a space")
    func noControlCharacters() {
        #expect(plain("a&#0;b&#1;c&#x1B;d&#127;e&#xD800;f&#x110000;g&#99999999;h") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}h")
        #expect(plain("a&#9;b&#10;c&#13;d&Tab;e&NewLine;f") == "a b c d e f")
        #expect(plain("line\none\r\ntwo") == "line one two")
        #expect(!plain("&#x9b;&#155;&#x85;").unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("references to 0x80–0x9F read as Windows-1252, as browsers read them")
    func windows1252() {
        #expect(plain("&#146;&#150;&#151;&#128;&#147;&#148;") == "’–—€“”")
    }

    @Test("unknown names, and & with no entity, are left as written")
    func unknown() {
        #expect(plain("&madeup; R&D &amp 5 & 6 &#; &#x;") == "&madeup; R&D &amp 5 & 6 &#; &#x;")
    }

    @Test("soft hyphens and zero-width joiners show nothing")
    func invisible() {
        #expect(plain("equal&shy;ity a&zwj;b") == "equality ab")
    }

    // MARK: Words

    @Test("a tag is a gap between words, never a word")
    func tagsAreNotWords() {
        #expect(words("<strong>Lead:</strong> Head of <em class=\"x\">School</em>") == ["Lead", "Head", "of", "School"])
        #expect(words("<br/><BR><td colspan=2></td><!-- note -->text") == ["text"])
        #expect(words("One<span>Two</span>") == ["One", "Two"])
    }

    @Test("an entity is a gap, an apostrophe's entity joins a word")
    func entities() {
        #expect(words("Aims&amp;objectives &nbsp;&#8211; done") == ["Aims", "objectives", "done"])
        let joined = words("children&rsquo;s pupils&#39; parent&#x2019;s")
        #expect(joined == ["children&rsquo;s", "pupils", "parent&#x2019;s"])
        #expect(PhraseIndex.hash("children&rsquo;s") == PhraseIndex.hash("childrens"))
        #expect(PhraseIndex.hash("children's") == PhraseIndex.hash("children&rsquo;s"))
    }

    @Test("a < or & that starts no markup is punctuation, in text of any size")
    func strayMarkupCharacters() {
        #expect(words("a < b & c <5 & d") == ["a", "b", "c", "5", "d"])
        #expect(words("x<y") == ["x", "y"])
        let hostile = String(repeating: "<a", count: 50_000) + " end"
        #expect(words(hostile).count == 50_001)
    }

    @Test("words read through markup are those read with no markup at all", arguments: [
        "Raise the attendance of disabled pupils from 89% to 94% by July 2027.",
        "The share of pupils’ families (SEND) who attend—at least once—rises.",
    ])
    func sameWordsWithoutMarkup(text: String) {
        let marked = "<p>" + text.replacingOccurrences(of: " ", with: " <span>").replacingOccurrences(of: ".", with: "</span>.") + "</p>"
        let hashes = { (text: String) -> [UInt64] in
            let bytes = Array(text.utf8)
            return PhraseIndex.words(in: bytes, span: 0..<bytes.count).map(\.hash)
        }
        #expect(hashes(marked) == hashes(text))
    }

    @Test("a phrase is found across tags, and not in a tag's name")
    func phrases() {
        var index = PhraseIndex()
        index.add("equality act", group: "law")
        index.add("strong", group: "tag")
        let bytes = Array("<p>The <strong>Equality</strong>&nbsp;<em>Act</em> 2010</p>".utf8)
        let found = index.matches(in: PhraseIndex.words(in: bytes, span: 0..<bytes.count), bytes: bytes)
        #expect(found.map(\.group) == ["law"])
        #expect(String(decoding: bytes[found[0].span], as: UTF8.self) == "Equality</strong>&nbsp;<em>Act")
    }

    @Test("label keys read through tags and entities")
    func labelKeys() {
        #expect(TextNormalizer.labelKey("<strong>Success</strong>&nbsp;criteria") == TextNormalizer.labelKey("Success criteria"))
        let vocabulary = TestSupport.builtInRuleSet.vocabulary
        #expect(vocabulary.field(forLabel: "<span style=\"font-weight: bold; font-family: Arial\">Success criteria</span>") == "success")
    }

    // MARK: Acronyms, counts, labels

    @Test("tag and entity names are never acronyms")
    func abbreviations() {
        #expect(Abbreviations.find(in: "<TD><B>Objective</B></TD> <P ALIGN=CENTER>text</P> &NBSP; &AMP;") == [])
        #expect(Abbreviations.find(in: "<strong>SENCo</strong> and the <abbr>EHCP</abbr>") == ["SENCo", "EHCP"])
        // Capitals that run on through inline tags are one run (shouting), not acronyms; a <br> ends a run.
        #expect(Abbreviations.find(in: "<b>OUR</b> AIMS") == [])
        #expect(Abbreviations.find(in: "SEND<br>PP") == ["SEND", "PP"])
    }

    @Test("abbreviations found passing over prose eight bytes at a time are those found reading every byte")
    func abbreviationsOverProse() throws {
        var texts = [
            "the HP ab CD and more words here", "abcdefg eHCP", "abcdefgh eHCP is", "aaaaaaa2HP", "caf\u{E9} HP and SEN",
            "lower words then OUR AIMS and <b>SENCo</b> &amp; the EHCPs, then iPads", "x HoS yy ESP (Enhanced) zzzzzzzz DoL",
            // Words with one capital passed over with the prose; shouting over long runs of spaces; words touching digits.
            "The Governors and Director of Education review it. The SENDCo, Our AIMS", "OUR            AIMS and THE       END",
            "SEND        pupils         with EAL", "Ab2CD and Ab2 CD then Xy9ZZ Zz", "The<b>SEND</b> Plan&amp;EAL A I B C",
            "Headteacher Review: Autumn Term 2024. Next: Jul\u{E9}DSL Mr Ms Dr", "A SENCO B ACE ab EHCPs Cd Ef Gh",
            // Bytes the eight-byte test stops on that are no capital or markup: `=` to `@`, and bytes outside
            // ASCII whose low seven bits are a capital, `<` or `&` (`Ä` is C3 84, `¼` C2 BC, `¦` C2 A6).
            "email head@school.org if a=b or c>d? then \u{C4}rger \u{BC} \u{A6} Caf\u{E9}s and the SENCo, then more lower case prose EHCPs",
        ]
        let examples = try FileManager.default.contentsOfDirectory(at: TestSupport.examplesDirectory, includingPropertiesForKeys: nil)
        texts += try examples.filter { $0.pathExtension == "md" }.map { try String(contentsOf: $0, encoding: .utf8) }
        for text in texts {
            let bytes = Array(text.utf8)
            #expect(Abbreviations.spans(in: bytes, span: 0..<bytes.count) == Abbreviations.spans(in: bytes, span: 0..<bytes.count, skippingProse: false))
            // `find` answers a text with no abbreviation from the text's own bytes: the words read from a copy, each once.
            for line in [text] + text.split(separator: "\n").map(String.init) + ["", "a", "Ab", "AB"] {
                let lineBytes = Array(line.utf8)
                var words: [String] = []
                for span in Abbreviations.spans(in: lineBytes, span: 0..<lineBytes.count, skippingProse: false) {
                    let word = String(decoding: lineBytes[span], as: UTF8.self)
                    if !words.contains(word) { words.append(word) }
                }
                #expect(Abbreviations.find(in: line) == words, "\(line)")
            }
            // Every start and some ends, so that the eight bytes fall everywhere.
            for start in 0..<bytes.count {
                for end in [start + 9, start + 40, start + 300].map({ min(bytes.count, $0) }) {
                    #expect(Abbreviations.spans(in: bytes, span: start..<end) == Abbreviations.spans(in: bytes, span: start..<end, skippingProse: false))
                }
            }
        }
    }

    @Test("abbreviations read from a line break no tag runs across are those of the whole text from there")
    func abbreviationsFromALineBreak() throws {
        var texts = ["OUR\nAIMS and EHCP", "SEND \n PP", "<span\nclass=\"x\">AB CD</span>\nEF GH", "A<b\n>HP</b> HP", "HP&\nnbsp;AB",
                     "x\r\nEHCP y", "ab\n<b>CD</b>\nEF <i\n>GH", "KS2\nHP", "SENCo\nSENCo", "\n\nHP\n"]
        let examples = try FileManager.default.contentsOfDirectory(at: TestSupport.examplesDirectory, includingPropertiesForKeys: nil)
        texts += try examples.filter { $0.pathExtension == "md" }.map { String(decoding: try String(contentsOf: $0, encoding: .utf8).utf8.prefix(6000), as: UTF8.self) }
        var cuts = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let whole = Abbreviations.spans(in: bytes, span: 0..<bytes.count)
            for cut in bytes.indices where Abbreviations.readAlikeFrom(cut, in: bytes, span: 0..<bytes.count) {
                #expect(whole.filter { $0.lowerBound >= cut } == Abbreviations.spans(in: bytes, span: cut..<bytes.count), "\(text) \(cut)")
                cuts += 1
            }
            // A line break inside a tag is no place to cut.
            if let tag = text.utf8.firstIndex(of: 0x3C), let close = text.utf8[tag...].firstIndex(of: 0x3E),
               let inside = text.utf8[tag..<close].firstIndex(of: 0x0A) {
                #expect(!Abbreviations.readAlikeFrom(text.utf8.distance(from: text.utf8.startIndex, to: inside), in: bytes, span: 0..<bytes.count))
            }
        }
        #expect(cuts > 100)
    }

    @Test("abbreviations' keys are equal exactly when their upper-cased words are")
    func abbreviationKeys() throws {
        let examples = try FileManager.default.contentsOfDirectory(at: TestSupport.examplesDirectory, includingPropertiesForKeys: nil)
        var words: [(key: UInt64, letterKey: UInt64, upper: String)] = []
        for file in examples where file.pathExtension == "md" {
            let bytes = Array(try String(contentsOf: file, encoding: .utf8).utf8)
            for span in Abbreviations.spans(in: bytes, span: 0..<bytes.count) {
                words.append((AcronymCheck.upperCasedKey(bytes, span), AcronymCheck.letterKey(bytes, span),
                              String(decoding: bytes[span], as: UTF8.self).uppercased()))
            }
        }
        for extra in ["HP", "hp", "Hp", "SENCo", "SENCO", "SENCOS", "EHCPs", "ab", "AB", "ABCDEF", "abcdef", "ABCDEFG", "AZ", "az", "ZA", "AAZ", "ZZZZZZ", "zzzzz"] {
            let bytes = Array(extra.utf8)
            words.append((AcronymCheck.upperCasedKey(bytes, 0..<bytes.count), AcronymCheck.letterKey(bytes, 0..<bytes.count), extra.uppercased()))
        }
        // Each word as written once.
        var seen: Set<String> = []
        words = words.filter { seen.insert("\($0.key) \($0.upper)").inserted }
        #expect(words.count > 20)
        for first in words {
            for second in words { #expect((first.key == second.key) == (first.upper == second.upper), "\(first.upper) \(second.upper)") }
        }
        // The short key, for abbreviations (two to six letters), leaves the bits below it for a use's place.
        let abbreviations = words.filter { $0.upper.utf8.count <= 6 }
        for first in abbreviations {
            #expect(first.letterKey < 1 << (64 - 34))
            for second in abbreviations {
                #expect((first.letterKey == second.letterKey) == (first.upper == second.upper), "\(first.upper) \(second.upper)")
            }
        }
    }

    @Test("a term is known to be an acronym upper-cased as String.uppercased() would make it")
    func termsUpperCased() {
        let terms = ["HT", "ht", "Head", "SENCo", "senco", "DHT", "ß", "Straße", "STRASSE", "ﬁ", "é", "E\u{301}", "", "a b", "AB1",
                     "{}", "`~", "ABCDEFGH", "abcdefghi"]
        let words = ["HT", "HEAD", "SENCO", "DHT", "SS", "STRASSE", "FI", "E", "AB", "A", "ABCDEFGH", "ABCDEFGHI", "[]", "@^"]
        for term in terms {
            let known = AlsoKnownTerms([term])
            for word in words where word.utf8.count <= 8 && word.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) {
                let bytes = Array(word.utf8)
                #expect(known.contains(AcronymCheck.upperCasedKey(bytes, 0..<bytes.count), word) == (term.uppercased() == word), "\(term) \(word)")
            }
        }
    }

    @Test("an acronym spelt out through tags is spelt out; one in an attribute or a tag is none")
    func acronymsInPages() {
        let findings = TestSupport.lint("""
            # Plan

            The <abbr title="Special Educational Needs">SEND</abbr> (<em>Special Educational Needs</em>) team.
            Our <strong>ESP</strong> (Enhanced Specialist Provision) and <a href="/SENCO/CPD">link</a>.
            <SPAN CLASS="PTA">Parents</SPAN> and the <b>CARE</b> Federation.
            """, rules: ["acronym-undefined"])
        #expect(findings.map(\.message) == [])
    }

    @Test("a small count is read through tags, and in a web page across the file's line breaks")
    func smallCounts() throws {
        let html = "<p>Only <strong>3</strong> pupils, and 2\n  <em>disabled</em> children, and 4<br>pupils.</p>"
        let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)
        let rules = TestSupport.builtInRuleSet.rules.filter { $0.id == "small-numbers" }
        let findings = linter.lint(SourceFile(path: "page.html", text: html), rules: rules)
        #expect(findings.map(\.faultText) == ["3 pupils", "2 disabled children"])
        // In Markdown a line break still ends the sentence.
        let markdown = linter.lint(SourceFile(path: "plan.md", text: "Only 2\ndisabled children and <b>3</b> pupils."), rules: rules)
        #expect(markdown.map(\.faultText) == ["3</b> pupils"])
    }

    @Test("a label's value starts after the tags and spaces that close the label")
    func labelValue() throws {
        let vocabulary = TestSupport.builtInRuleSet.vocabulary
        let bytes = Array("Lead:</strong>&nbsp; <em>Mrs Patel</em>".utf8)
        let label = try #require(LabelLine(bytes, 0..<bytes.count, vocabulary: vocabulary))
        #expect(label.field == "lead")
        #expect(String(decoding: bytes[label.value], as: UTF8.self) == "Mrs Patel</em>")
    }

    @Test("splitting a cell: at <br>, and at the tags of the blocks a page's cell may hold")
    func splitCell() {
        let bytes = Array("One<br>Two<BR />Three<br clear=all><p>Four</p><ul><li>Five</li></ul>&nbsp;<brx>Six".utf8)
        #expect(InlineText.splitAtLineBreakTags(bytes, 0..<bytes.count).map { String(decoding: bytes[$0], as: UTF8.self) }
            == ["One", "Two", "Three", "Four", "Five", "<brx>Six"])
    }

    @Test("a plain span is told from one with markup, a control or two spaces wherever that falls, eight bytes at a time or not")
    func plainSpanCheckedAtEveryPosition() {
        let words = Array("Close the gap in reading for pupils eligible for pupil premium by July 2026".utf8)
        let breakers: [([UInt8], String)] = [
            (Array("*".utf8), ""), (Array("`".utf8), ""), (Array("__".utf8), ""), (Array("<b>".utf8), " "),
            (Array("&amp;".utf8), "&"), ([0x09], " "), ([0x0A], " "), ([0x7F], "\u{FFFD}"), ([0xC2, 0x85], "\u{FFFD}"),
        ]
        for start in [0, 3] {
            for position in 1..<words.count - 1 {
                // Bytes before the span are no part of it; the span starts at `start`.
                let prefix = Array(repeating: UInt8(0x20), count: start)
                for (breaker, replacement) in breakers {
                    let bytes = prefix + words[..<position] + breaker + words[position...]
                    let expected = String(decoding: words[..<position], as: UTF8.self) + replacement + String(decoding: words[position...], as: UTF8.self)
                    let collapsed = expected.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                    #expect(InlineText.plain(bytes, start..<bytes.count) == collapsed, "\(breaker) at \(position)")
                }
                let doubled = prefix + words[..<position] + [0x20] + words[position...]
                let text = String(decoding: doubled[start...], as: UTF8.self)
                #expect(InlineText.plain(doubled, start..<doubled.count) == text.split(separator: " ").joined(separator: " "), "space at \(position)")
            }
            let bytes = Array(repeating: UInt8(0x20), count: start) + words
            #expect(InlineText.plain(bytes, start..<bytes.count) == String(decoding: words, as: UTF8.self))
        }
    }
}
