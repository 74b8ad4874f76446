@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// The plan's memo of measurable answers gives the decider's own answer for
/// every text, asked once or again, at any place, past the growth of its table.
@Suite struct MeasurabilityMemoTests {
    static let texts = [
        "", "a", "Termly", "termly", "Attendance rises from 91% to 95% by July 2026.",
        "Attendance rises from 91% to 95% by July 2027.", "Attendance rises from 92% to 95% by July 2026.",
        "Continue to embed Zones of Regulation by July 2026", "Positive feedback from pupils", "Positive feedback from pupilz",
        "All staff complete training by December 2025", "Improve attendance", "Improve  attendance",
    ]

    func entry(_ text: String, at offset: Int) -> TextValue {
        TextValue(text: text, range: SourceRange(start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1)),
                  span: offset..<(offset + text.utf8.count))
    }

    @Test func sameAnswersAsTheDecider() {
        let vocabulary = TestSupport.builtInRuleSet.vocabulary
        let memo = MeasurabilityMemo(measurers: Measurability.all(for: TestSupport.builtInRuleSet))
        for measuresOnly in [false, true] {
            for datesCount in [true, false] {
                let decider = Measurability(list: vocabulary.lists["measures"], named: "measures", datesCount: datesCount)
                // Twice over, at two places: the second answers come from the memo.
                for (round, text) in (Self.texts + Self.texts).enumerated() {
                    let expected = decider.isMeasurable(entry(text, at: 0), measuresOnly: measuresOnly) { _ in }
                    let answer = memo.isMeasurable(entry(text, at: round * 7), list: "measures", datesCount: datesCount, measuresOnly: measuresOnly,
                                                   vocabulary: vocabulary) { _ in }
                    #expect(answer == expected, "\(text) (measuresOnly \(measuresOnly), datesCount \(datesCount))")
                }
            }
        }
    }

    @Test func manyTexts() {
        let vocabulary = TestSupport.builtInRuleSet.vocabulary
        let memo = MeasurabilityMemo(measurers: Measurability.all(for: TestSupport.builtInRuleSet))
        let decider = Measurability(list: vocabulary.lists["measures"], named: "measures", datesCount: true)
        let texts = (0..<200).map { "Attendance rises to \($0 % 2 == 0 ? "\($0)%" : "\($0) pupils") by July 2026" } + (0..<50).map { "Improve \($0)" }
        for text in texts + texts.reversed() {
            let answer = memo.isMeasurable(entry(text, at: 0), list: "measures", datesCount: true, vocabulary: vocabulary) { _ in }
            #expect(answer == decider.isMeasurable(entry(text, at: 0)) { _ in })
        }
    }
}
