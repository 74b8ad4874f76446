@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// `PhraseIndex.words` reads each byte once through a table; these tests
/// hold it to the scanner it replaced (kept below as it was), which found
/// markup with `memchr` and read the runs between byte by byte: the same
/// words, at the same places, with the same hashes.
@Suite struct PhraseWordsTests {
    /// Every Markdown, text and HTML fixture and example, whole and in spans that start and end anywhere.
    @Test func sameAsTheByteByByteScannerOnTheFixtures() throws {
        let roots = [TestSupport.examplesDirectory, TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures")]
        var files: [URL] = []
        for root in roots {
            let found = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = found?.nextObject() as? URL {
                if ["md", "txt", "html"].contains(url.pathExtension) { files.append(url) }
            }
        }
        #expect(files.count > 50)
        for file in files {
            let bytes = try SourceFile(path: file.path, bytes: Array(Data(contentsOf: file))).bytes
            expectSameWords(bytes, 0..<bytes.count, file.lastPathComponent)
            // Spans of whole characters, as the parser gives.
            func characterStart(_ offset: Int) -> Int {
                var offset = min(offset, bytes.count)
                while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                return offset
            }
            for start in stride(from: 0, to: bytes.count, by: 41) {
                let lower = characterStart(start)
                expectSameWords(bytes, lower..<max(lower, characterStart(start + 67)), file.lastPathComponent)
            }
        }
    }

    /// Each awkward piece (apostrophes, entities, tags, stray `<` and `&`,
    /// characters outside ASCII, spaces of every kind) at every place in words.
    @Test func sameAsTheByteByByteScannerOnAwkwardText() {
        let pieces = ["'", "’", "&rsquo;", "&#39;", "&amp;", "&nbsp;", "&#x2019;", "&bogus", "<b>", "</strong>", "<br />", "<", "&", "< b",
                      "\u{A0}", "é", "ß", "€", "—", "–", "“", "\u{200B}", "日本", "😀", "İ", "-", " ", "  ", "\t", "\n", "5", "x", "X", "Z9"]
        let words = ["Pupils", "children", "a", "SEND", "2024", "don", "t"]
        for piece in pieces {
            for other in pieces {
                for word in words {
                    for text in [piece + word + other, word + piece + word, word + piece + other + word, piece + other, word + other + piece] {
                        let bytes = Array(text.utf8)
                        expectSameWords(bytes, 0..<bytes.count, text)
                        // Less its first and last characters (a span never cuts one).
                        let inner = text.utf8.count - String(text.dropFirst()).utf8.count..<String(text.dropLast()).utf8.count
                        if !inner.isEmpty { expectSameWords(bytes, inner, text) }
                    }
                }
            }
        }
    }

    /// Every line of the Markdown examples, as bytes.
    static func exampleLines() throws -> [[UInt8]] {
        let examples = try FileManager.default.contentsOfDirectory(at: TestSupport.examplesDirectory, includingPropertiesForKeys: nil)
        return try examples.filter { $0.pathExtension == "md" }.flatMap {
            try String(contentsOf: $0, encoding: .utf8).split(separator: "\n").map { Array($0.utf8) }
        }
    }

    /// `hasMatch`, which stops at the first phrase, says whether `matches`
    /// finds any: every built-in list, all its groups and each one, on every
    /// line of the examples.
    @Test func hasMatchIsWhetherMatchesFindsAny() throws {
        let lines = try Self.exampleLines()
        var found = 0
        for (_, list) in TestSupport.builtInRuleSet.vocabulary.lists where !list.terms.isEmpty {
            var index = PhraseIndex()
            for group in list.terms.keys.sorted() {
                for phrase in list.terms[group] ?? [] { index.add(phrase, group: group) }
            }
            let selections: [Set<String>?] = [nil] + list.terms.keys.sorted().map { [$0] }
            for line in lines {
                let words = PhraseIndex.words(in: line, span: 0..<line.count)
                for groups in selections {
                    let matches = index.matches(in: words, bytes: line, groups: groups)
                    #expect(index.hasMatch(in: words, bytes: line, groups: groups) == !matches.isEmpty)
                    found += matches.count
                }
            }
        }
        #expect(found > 100)
    }

    /// A search of some groups passes over the first words of the others
    /// (`firstWords` holds each first word's groups): it finds what a search
    /// of an index of only those groups' phrases finds, and so does the same
    /// index made from its tables (`embed-rules`), whose first words' groups
    /// are worked out anew. Every built-in list, each group and each pair of
    /// neighbouring groups, on every line of the examples.
    @Test func searchOfSomeGroupsFindsWhatAnIndexOfThemFinds() throws {
        let lines = try Self.exampleLines()
        var found = 0
        for (_, list) in TestSupport.builtInRuleSet.vocabulary.lists where !list.terms.isEmpty {
            let names = list.terms.keys.sorted()
            var index = PhraseIndex()
            for group in names { index.add(list.terms[group] ?? [], group: group) }
            let fromTables = PhraseIndex(index.tables)
            for (offset, group) in names.enumerated() {
                let pair = [group] + (offset + 1 < names.count ? [names[offset + 1]] : [])
                for groups in [[group], pair] {
                    var only = PhraseIndex()
                    for name in names where groups.contains(name) { only.add(list.terms[name] ?? [], group: name) }
                    for line in lines {
                        let words = PhraseIndex.words(in: line, span: 0..<line.count)
                        let expected = only.matches(in: words, bytes: line)
                        #expect(index.matches(in: words, bytes: line, groups: Set(groups)) == expected)
                        #expect(fromTables.matches(in: words, bytes: line, groups: Set(groups)) == expected)
                        #expect(fromTables.hasMatch(in: words, bytes: line, groups: Set(groups)) == !expected.isEmpty)
                        found += expected.count
                    }
                }
            }
        }
        #expect(found > 100)
    }

    /// The most words a span can hold, one-letter words a byte apart (the
    /// room `words` makes), all found, whatever the span's length.
    @Test func asManyWordsAsHalfTheBytes() {
        for count in 0...9 {
            for separator in [" ", "'", "\u{2014}"] {
                let text = (0..<count).map { _ in "a" }.joined(separator: separator)
                let bytes = Array(text.utf8)
                let words = PhraseIndex.words(in: bytes, span: 0..<bytes.count)
                // An apostrophe joins: `a'a'a` is one word.
                #expect(words.count == (separator == "'" ? min(count, 1) : count), "\(text)")
                expectSameWords(bytes, 0..<bytes.count, text)
            }
        }
    }

    /// Phrases sharing a first word are tried longest first, those of one
    /// length in the order added; a search takes all groups, one, several,
    /// or, in a list of more than 64 groups, any of them by name.
    @Test func longestPhraseFirstInTheGroupsWanted() {
        var index = PhraseIndex()
        index.add("equality", group: "a")
        index.add("equality act", group: "b")
        index.add("equality duty", group: "c")
        index.add("equality act", group: "d")
        let text = Array("The Equality Act and the **equality** duty; equality.".utf8)
        let words = PhraseIndex.words(in: text, span: 0..<text.count)
        #expect(index.matches(in: words, bytes: text).map(\.group) == ["b", "c", "a"])
        #expect(index.matches(in: words, bytes: text, groups: ["a"]).map(\.group) == ["a", "a", "a"])
        #expect(index.matches(in: words, bytes: text, groups: ["d", "a"]).map(\.group) == ["d", "a", "a"])
        #expect(index.matches(in: words, bytes: text, groups: ["e"]).isEmpty)
        #expect(!index.hasMatch(in: words, bytes: text, groups: []))

        var many = PhraseIndex()
        for number in 0..<70 { many.add("word\(number) and", group: "group \(number)") }
        let more = Array("word3 and word68 and word69".utf8)
        let moreWords = PhraseIndex.words(in: more, span: 0..<more.count)
        #expect(many.matches(in: moreWords, bytes: more).map(\.group) == ["group 3", "group 68"])
        #expect(many.matches(in: moreWords, bytes: more, groups: ["group 68", "group 1"]).map(\.span) == [10..<20])
    }

    /// A phrase's word after its first, split in two by one space anywhere
    /// (`disadvanta ges`, as a wrapped table cell leaves it), is still found,
    /// in every built-in list, through an index made now or from its tables
    /// (`mayBeginJoin` passing over the joins that cannot be a phrase's word);
    /// split with its parts swapped, or by two spaces, it is not.
    @Test func wordSplitInTwoIsFoundWhereverTheSpaceFalls() {
        var tried = 0
        for (_, list) in TestSupport.builtInRuleSet.vocabulary.lists where !list.terms.isEmpty {
            var index = PhraseIndex()
            for group in list.terms.keys.sorted() { index.add(list.terms[group] ?? [], group: group) }
            let fromTables = PhraseIndex(index.tables)
            for phrase in list.terms.values.joined() {
                let words = phrase.lowercased().split(separator: " ").map(String.init)
                guard words.count > 1, words.allSatisfy({ $0.utf8.allSatisfy { (0x61...0x7A).contains($0) } }) else { continue }
                for (offset, word) in words.enumerated().dropFirst() where word.count > 1 {
                    for cut in 1..<word.count {
                        let head = String(word.prefix(cut)), tail = String(word.dropFirst(cut))
                        // Where some phrase is found from the same word up to the first part, it may win
                        // there, split or not (`ethnic group`, added before `ethnic groups`): passed over.
                        let upToHead = Array(("Here " + (words[..<offset] + [head]).joined(separator: " ")).utf8)
                        let headWords = PhraseIndex.words(in: upToHead, span: 0..<upToHead.count)
                        if index.matches(in: headWords, bytes: upToHead).contains(where: { $0.span.lowerBound == 5 }) { continue }
                        for (split, found) in [(head + " " + tail, true), (tail + " " + head, tail + head == word), (head + "  " + tail, false)] {
                            var parts = words
                            parts[offset] = split
                            let text = Array(("Here " + parts.joined(separator: " ") + " then").utf8)
                            let textWords = PhraseIndex.words(in: text, span: 0..<text.count)
                            let whole = 5..<(text.count - 5)
                            for searched in [index, fromTables] {
                                #expect(searched.matches(in: textWords, bytes: text).contains { $0.span == whole } == found, "\(String(decoding: text, as: UTF8.self))")
                            }
                            tried += 1
                        }
                    }
                }
            }
        }
        #expect(tried > 1000)
    }

    private func expectSameWords(_ bytes: [UInt8], _ span: Range<Int>, _ what: String) {
        let new = PhraseIndex.words(in: bytes, span: span)
        let old = ByteByByteWords.words(in: bytes, span: span)
        #expect(new.map(\.span) == old.map(\.span), "\(what) \(span)")
        #expect(new.map(\.hash) == old.map(\.hash), "\(what) \(span)")
    }
}

/// The word scanner as it was before `PhraseIndex.words` read bytes through a table.
private enum ByteByByteWords {
    static func words(in bytes: [UInt8], span: Range<Int>) -> [PhraseIndex.Word] {
        var words: [PhraseIndex.Word] = []
        bytes.withUnsafeBufferPointer { bytes in
            var word = WordState(start: span.lowerBound)
            var from = span.lowerBound
            var nextTag = ByteText.find(bytes, 0x3C, in: span) ?? span.upperBound
            var nextEntity = ByteText.find(bytes, 0x26, in: span) ?? span.upperBound
            while from < span.upperBound {
                let mark = min(nextTag, nextEntity)
                scan(bytes, from..<mark, end: span.upperBound, &word, into: &words)
                guard mark < span.upperBound else { break }
                let length = markup(bytes, at: mark, end: span.upperBound, inWord: word.inWord)
                if length == 0 {
                    scan(bytes, mark..<mark + 1, end: span.upperBound, &word, into: &words)
                    from = mark + 1
                } else {
                    if length > 0, word.inWord {
                        words.append(PhraseIndex.Word(span: word.start..<word.end, hash: word.hash))
                        word.inWord = false
                    }
                    from = mark + abs(length)
                }
                if nextTag < from { nextTag = ByteText.find(bytes, 0x3C, in: from..<span.upperBound) ?? span.upperBound }
                if nextEntity < from { nextEntity = ByteText.find(bytes, 0x26, in: from..<span.upperBound) ?? span.upperBound }
            }
            if word.inWord { words.append(PhraseIndex.Word(span: word.start..<word.end, hash: word.hash)) }
        }
        return words
    }

    private struct WordState {
        var hash: UInt64 = 0
        var inWord = false
        var start: Int
        var end: Int

        init(start: Int) {
            self.start = start
            end = start
        }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, end limit: Int, _ word: inout WordState,
                             into words: inout [PhraseIndex.Word]) {
        var index = run.lowerBound
        while index < run.upperBound {
            let byte = bytes[index]
            if byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 {
                if !word.inWord {
                    word.inWord = true
                    word.start = index
                    word.hash = 0xCBF2_9CE4_8422_2325
                }
                word.hash = (word.hash ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* 0x100_0000_01B3
                index += 1
                word.end = index
                continue
            }
            let next = index + PhraseIndex.characterLength(byte, at: index, end: limit)
            let isApostrophe = byte == 0x27 || (byte == 0xE2 && next - index == 3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99)
            if isApostrophe, word.inWord {
                index = next
                continue
            }
            if byte >= 0x80, PhraseIndex.isWordCharacter(bytes, at: index, length: next - index) {
                if !word.inWord {
                    word.inWord = true
                    word.start = index
                    word.hash = 0xCBF2_9CE4_8422_2325
                }
                for offset in index..<next { word.hash = (word.hash ^ UInt64(bytes[offset])) &* 0x100_0000_01B3 }
                word.end = next
            } else if word.inWord {
                words.append(PhraseIndex.Word(span: word.start..<word.end, hash: word.hash))
                word.inWord = false
            }
            index = next
        }
    }

    private static func markup(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, inWord: Bool) -> Int {
        guard let length = Markup.length(bytes, at: index, end: end) else { return 0 }
        if inWord, bytes[index] == 0x26, Markup.isApostropheEntity(bytes, index..<index + length) { return -length }
        return length
    }
}
