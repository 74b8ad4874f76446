@testable import EqlintPlan
@testable import EqlintText
@testable import Rules
import Foundation
import Testing

/// A search of several spans at once (the selection looked up once) answers
/// as the spans searched one by one: every built-in list with phrases or
/// patterns, all its groups, each one and two together, over the lines of
/// the examples taken a few at a time.
@Suite("Vocabulary searched in several spans")
struct VocabularySpansTests {
    @Test func severalSpansAsEachAlone() throws {
        let vocabulary = TestSupport.builtInRuleSet.vocabulary
        let examples = try FileManager.default.contentsOfDirectory(at: TestSupport.examplesDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
        var found = 0
        for example in examples.prefix(4) {
            let bytes = Array(try Data(contentsOf: example))
            // Each line a span, in runs of five lines.
            var lines: [Range<Int>] = []
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == 0x0A {
                if index > start { lines.append(start..<index) }
                start = index + 1
            }
            for (name, list) in vocabulary.lists {
                let groups = Set(list.terms.keys).union(list.patterns.keys).sorted()
                let selections = [VocabularySelection(list: name)] + groups.map { VocabularySelection(list: name, groups: [$0]) }
                    + zip(groups, groups.dropFirst()).map { VocabularySelection(list: name, groups: [$0, $1]) }
                for selection in selections {
                    for first in stride(from: 0, to: lines.count, by: 5) {
                        let spans = Array(lines[first..<min(first + 5, lines.count)])
                        let words = spans.map { PhraseIndex.words(in: bytes, span: $0) }
                        let eachAlone = spans.indices.flatMap { vocabulary.find(selection, in: bytes, span: spans[$0], words: words[$0][...]) }
                        #expect(vocabulary.find(selection, in: bytes, spans: spans) { words[$0][...] } == eachAlone, "\(selection)")
                        let anyAlone = spans.indices.contains { vocabulary.contains(selection, in: bytes, span: spans[$0], words: words[$0][...]) }
                        #expect(vocabulary.contains(selection, in: bytes, spans: spans) { words[$0][...] } == anyAlone, "\(selection)")
                        found += eachAlone.count
                    }
                }
            }
        }
        #expect(found > 100)
    }
}
