@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// The words of an entry are sliced out of the file's words, read once: the
/// same words, at the same places, as reading the entry's text afresh.
@Suite struct WordSliceTests {
    @Test(arguments: ["federation-2020-2024.md", "model-plan.md", "soke-education-trust-2023-2026.md", "spixworth-infant-2025-26.md"])
    func sameAsReadingAfresh(file: String) throws {
        let text = try String(contentsOf: TestSupport.examplesDirectory.appendingPathComponent(file), encoding: .utf8)
        // With a comment, so the published text is in two spans.
        let source = SourceFile(path: file, text: text + "\n<!-- a note -->\nAfter the note: children’s and pupils' work.\n")
        let vocabulary = TestSupport.builtInRuleSet.vocabulary
        let plan = PlanParser(vocabulary: vocabulary).parse(source)
        let context = CheckContext(plan: plan, source: source, vocabulary: vocabulary, today: TestSupport.goldenToday,
                                   stops: PatternStops(path: file))
        var spans = plan.objectives.flatMap { $0.text.map(\.span) }
        #expect(spans.count > 10)
        // And spans that cut words, start at apostrophes and cross the comment.
        // (Whole characters: the parser never cuts one.)
        func characterStart(_ offset: Int) -> Int {
            var offset = min(offset, source.bytes.count)
            while offset < source.bytes.count, source.bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            return offset
        }
        for start in stride(from: 0, to: source.bytes.count, by: 37) {
            spans.append(characterStart(start)..<max(characterStart(start), characterStart(start + 53)))
        }
        for span in spans {
            let sliced = context.words(in: span)
            let afresh = PhraseIndex.words(in: source.bytes, span: span)
            #expect(sliced.map(\.span) == afresh.map(\.span), "\(span)")
            #expect(sliced.map(\.hash) == afresh.map(\.hash), "\(span)")
        }
        // Looked for from where the last span's words ended: in file order, in the
        // objectives' order, and in a shuffled order (where the hint mostly does not hold).
        var random = SplitMix64(seed: 7)
        let objectiveOrder = plan.objectives.flatMap { objective in
            objective.text.flatMap { $0.parts ?? [$0.span] }
        }
        for order in [spans.sorted { $0.lowerBound < $1.lowerBound }, objectiveOrder, spans.shuffled(using: &random)] {
            var hint = CheckContext.WordHint()
            for span in order {
                let sliced = context.words(in: span, hint: &hint)
                let afresh = PhraseIndex.words(in: source.bytes, span: span)
                #expect(sliced.map(\.span) == afresh.map(\.span), "\(span)")
                #expect(sliced.map(\.hash) == afresh.map(\.hash), "\(span)")
            }
        }
        // An objective's words, read once with the hint, are each span's words.
        for index in plan.objectives.indices {
            let spans = plan.objectives[index].text.flatMap { $0.parts ?? [$0.span] }
            #expect(context.objectiveWords(index).map { $0.map(\.span) } == spans.map { context.words(in: $0).map(\.span) })
        }
    }
}
