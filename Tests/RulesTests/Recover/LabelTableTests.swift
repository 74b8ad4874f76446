@testable import EqlintPlan
import EqlintText
import Foundation
import Testing

/// The label table structure recovery looks labels up in by bytes gives
/// what the vocabulary gives, for every label and for every line of the
/// fixtures and examples; so do the words read in place.
@Suite("Label table")
struct LabelTableTests {
    let vocabulary = TestSupport.builtInRuleSet.vocabulary

    /// Lines of every fixture plan and example, and the labels written as plans write them.
    func texts() throws -> [String] {
        var texts: [String] = []
        for (_, phrases) in vocabulary.lists["labels"]?.terms ?? [:] {
            for phrase in phrases {
                texts += [phrase, phrase.uppercased(), "**\(phrase):**", "\(phrase)(s)", "\(phrase) (S):", "<b>\(phrase)</b>",
                          "\(phrase)&nbsp;", "\(phrase) \u{2013}", phrase + String(repeating: "x", count: 40), "  \(phrase)?  "]
            }
        }
        texts += ["", ":", "(s)", "Lead person/ responsibility", "Caf\u{E9}", "\u{00A0}Lead", "Lead\u{2019}s", "<br>", "&amp;"]
        let folders = ["Tests/RulesTests/Fixtures/layouts", "Tests/RulesTests/Fixtures/holdout", "Tests/RulesTests/Fixtures/seeds", "examples"]
        for folder in folders {
            let url = TestSupport.packageRoot.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".md") || name.hasSuffix(".txt") {
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                texts += text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\t" || $0 == "|" }.map(String.init)
            }
        }
        return texts
    }

    @Test("a label's field by bytes is the vocabulary's, for labels and for the fixtures' lines")
    func sameAsVocabulary() throws {
        let table = LabelTable(vocabulary: vocabulary)
        for text in try texts() {
            #expect(table.field(forLabel: text) == vocabulary.field(forLabel: text), "\(text)")
            let bytes = Array(text.utf8)
            #expect(table.field(forLabel: bytes, 0..<bytes.count) == vocabulary.field(forLabel: text), "\(text)")
        }
    }

    @Test("a heading's leading evaluation label, and whether a line names the objectives, read in place as from words")
    func recognisersSameAsFromWords() throws {
        let document = Document(source: SourceFile(path: "p.md", text: ""), format: "markdown", blocks: [])
        let recovery = PlanRecovery(document: document, vocabulary: vocabulary, labels: LabelTable(vocabulary: vocabulary))
        var texts = try texts()
        texts += ["Monitoring and progress, July 2026", "Progress report 2025", "RAG rating: green", "Our equality objectives for 2024-2025 are:",
                  "Equality Objectives 2023-2026", "Objectives", "The objectives of the plan, as agreed by our governors in the summer term"]
        for text in texts {
            // As it was done with the words made as strings.
            var leading: FieldName?
            if text.utf8.count <= 100 {
                let words = TextWords(text).prefix(3)
                for count in stride(from: min(3, words.count), through: 1, by: -1)
                where vocabulary.field(forLabel: words.prefix(count).joined(separator: " ")) == .evaluation {
                    leading = .evaluation
                    break
                }
            }
            #expect(recovery.leadingEvaluationLabel(text) == leading, "\(text)")
            var names = false
            if text.utf8.count < 200, mentionsObjective(text), ObjectiveMarker(text) == nil, vocabulary.field(forLabel: text) == nil {
                let words = TextWords(text)
                names = words.count <= 16 && words.contains(where: { $0 == "objectives" || $0 == "objective" })
                    && (words.contains(where: { $0 == "equality" || $0 == "equalities" }) || text.hasSuffix(":")
                        || words.contains(where: { $0 == "our" }) || words.count <= 2)
            }
            #expect(recovery.namesObjectives(text) == names, "\(text)")
        }
    }

    @Test("a label read in place, with no plain text made, is the label its plain text names")
    func inlineLabelSameAsPlain() throws {
        let table = LabelTable(vocabulary: vocabulary)
        var texts = try texts()
        texts += ["  Lead  ", "Lead   person", "Lead\tperson", "Target  group (s)", "Lead &amp; deputy", "[Lead](x)", "*Lead*", "Lead > x", "`Lead`"]
        for text in texts {
            let bytes = Array(text.utf8)
            let span = 0..<bytes.count
            #expect(table.field(forInlineLabel: bytes, span) == table.field(forLabel: InlineText.plain(bytes, span)), "\(text)")
            // Whether only the spaces would change: the plain text is the text, its runs of spaces made one and its ends trimmed.
            if InlineText.changesOnlySpaces(bytes, span) {
                let spaced = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                #expect(InlineText.plain(bytes, span) == spaced, "\(text)")
            }
        }
    }

    @Test("whether a text mentions an objective, eight bytes at a time, is a search byte by byte")
    func mentionsObjectiveAsByteSearch() throws {
        var texts = try texts()
        for padding in 0...20 {
            let lead = String(repeating: "o", count: padding)
            texts += [lead + "objective", lead + "OBJECTIVES", lead + "ObJeCtIvE.", lead + "objectiv", lead + "\u{E9}objective", "x" + lead + "objectivx"]
        }
        for text in texts {
            let bytes = Array(text.utf8)
            let word = Array("objective".utf8)
            let found = bytes.count >= word.count && (0...(bytes.count - word.count)).contains { start in
                (0..<word.count).allSatisfy { bytes[start + $0] | 0x20 == word[$0] }
            }
            #expect(mentionsObjective(text) == found, "\(text)")
        }
    }

    @Test("words read in place are the words TextWords makes")
    func wordsInPlace() throws {
        for text in try texts() {
            var words: [String] = []
            var copy = text
            copy.withUTF8 { utf8 in
                TextWordScan.forEachWord(in: utf8) { word in
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[word]), as: UTF8.self).lowercased())
                    return true
                }
            }
            #expect(words == TextWords(text).map { $0.lowercased() }, "\(text)")
        }
    }

    @Test("a label key read into a short buffer is the start of the whole key, and says whether it runs on")
    func labelKeyIntoBuffer() throws {
        #expect(TextNormalizer.labelKey("Who's responsible?") == "whosresponsible")
        #expect(TextNormalizer.labelKey("Target group(s)") == "targetgroup")
        #expect(TextNormalizer.labelKey("<b>Success</b>&nbsp;criteria:</b>") == "successcriteria")
        #expect(TextNormalizer.labelKey("Caf\u{E9} \u{2013} Lead\u{00A0}person") == "caf\u{E9}leadperson")
        for text in try texts() + ["Success criteria", "Caf\u{E9}s and \u{1F600} (S)"] {
            let whole = Array(TextNormalizer.labelKey(text).utf8)
            var copy = text
            for capacity in [0, 1, 4, 12, 40] {
                copy.withUTF8 { utf8 in
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { key in
                        let (count, longer, sawMarkup) = TextNormalizer.labelKey(of: utf8, into: key)
                        #expect(Array(key[0..<count]) == Array(whole.prefix(count)), "\(text)")
                        #expect(longer == (count < whole.count), "\(text)")
                        #expect(!sawMarkup || text.contains(where: { $0 == "<" || $0 == ">" || $0 == "&" }), "\(text)")
                    }
                }
            }
        }
    }

    @Test("a label line's colon or question mark is the first in its first 121 bytes, as found byte by byte")
    func labelLineColon() throws {
        let table = LabelTable(vocabulary: vocabulary)
        var texts = try texts()
        for padding in 110...125 {
            let lead = String(repeating: "a", count: padding)
            texts += ["Lead \(lead): Head", "Lead: \(lead)? x", "Who is responsible\(lead)? SENCo", "\(lead)Lead: x", "Lead? : \(lead)"]
        }
        for text in texts {
            let bytes = Array(text.utf8)
            let span = 0..<bytes.count
            // As it was read: byte by byte up to the 120th byte after the start, then that byte.
            var colon = 0
            while colon < bytes.count, bytes[colon] != 0x3A, bytes[colon] != 0x3F, colon < 120 { colon += 1 }
            let found = colon < bytes.count && (bytes[colon] == 0x3A || bytes[colon] == 0x3F) && colon > 0
            let line = LabelLine(bytes, span, labels: table)
            if (bytes.first == 0x2A || bytes.first == 0x5F) && bytes.count > 4 && bytes[1] == bytes[0] { continue }  // `**Label:**`
            guard found else {
                #expect(line == nil, "\(text)")
                continue
            }
            var labelEnd = colon
            if bytes[colon] == 0x3F, colon + 1 < bytes.count, bytes[colon + 1] == 0x3A { labelEnd += 1 }
            let label = 0..<(bytes[labelEnd] == 0x3F ? labelEnd + 1 : labelEnd)
            let field = table.field(forLabel: InlineText.plain(bytes, label))
            #expect(line?.field == field, "\(text)")
            if line != nil { #expect(line?.label == ByteText.trim(bytes, label), "\(text)") }
        }
    }
}
