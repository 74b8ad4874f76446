@testable import EqlintKit
import EqlintText
import Rules
import Testing

/// The text report's notes, each rule's help given once per plan for each
/// wording: its hashes of rule and help, a rule's help hashed once, must be
/// those of each pair hashed on its own.
@Suite("Repeated notes")
struct RepeatedNoteTests {
    static func diagnostic(_ ruleID: String, _ help: String) -> Diagnostic {
        Diagnostic(path: "a.md", range: SourceRange(start: EqlintText.SourceLocation(line: 1, column: 1), end: EqlintText.SourceLocation(line: 1, column: 2)),
                   severity: .warning, ruleID: ruleID, message: "m", help: help)
    }

    @Test("each finding's rule and help hash as the pair does, whichever help repeats")
    func hashes() {
        let fixed = "Say who leads it, e.g. “the head” — not ASCII."
        let diagnostics = [
            Self.diagnostic("a", fixed), Self.diagnostic("b", fixed), Self.diagnostic("a", fixed),
            Self.diagnostic("a", "another help of a"), Self.diagnostic("a", "Caf\u{E9}"), Self.diagnostic("a", "Cafe\u{301}"),
            Self.diagnostic("c", "Cafe\u{301}"), Self.diagnostic("c", "Caf\u{E9}"), Self.diagnostic("a", fixed + ""),
            Self.diagnostic("b", String(fixed.unicodeScalars)),
        ]
        let expected = diagnostics.map { RuleAndText(ruleID: $0.ruleID, text: $0.help).hash64 }
        #expect(TextReporter.ruleAndHelpHashes(diagnostics) == expected)
        #expect(TextReporter.ruleAndHelpHashes([]) == [])
    }

    @Test("a rule's note is given once for each wording, canonically equal wordings being one")
    func notes() {
        let diagnostics = [Self.diagnostic("a", "Caf\u{E9}"), Self.diagnostic("a", "Cafe\u{301}"), Self.diagnostic("a", "other"),
                           Self.diagnostic("b", "Caf\u{E9}"), Self.diagnostic("a", "Caf\u{E9}")]
        let report = TextReporter().report([FileReport(path: "a.md", diagnostics: diagnostics)])
        #expect(report.components(separatedBy: "note:").count - 1 == 3)
    }
}
