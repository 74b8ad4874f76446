import Testing
@testable import Rules
@testable import EqlintText

/// Fingerprints identify findings in baselines and SARIF across runs, so
/// their values must never change: these are pinned.
@Suite("Fingerprints")
struct FingerprintTests {
    /// FNV-1a written out plainly, over the bytes the fingerprint is defined on.
    private func reference(_ ruleID: String, _ text: String, _ occurrence: Int) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let bytes = Array(ruleID.utf8) + [0] + InlineText.collapseSpaces(Array(text.utf8)) + [0] + Array(String(occurrence).utf8)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test("pinned values")
    func pinned() {
        #expect(Fingerprint.make(ruleID: "objective-lead", faultText: "Objective 1", occurrence: 0) == "d6ce7949d3006a09")
        #expect(Fingerprint.make(ruleID: "placeholder-text", faultText: "[Insert date]", occurrence: 2) == "a21b122377b83d9f")
    }

    @Test("spaces, tabs and no-break spaces fold as the text's spaces do", arguments: [
        "", " ", "a", " a ", "a  b", "a\tb", "a\u{A0}b", "\u{A0}\u{A0}a\u{A0}", "  a \t\u{A0} b  ", "é  ü", "\u{C2}",
    ])
    func folding(text: String) {
        for occurrence in [0, 7, 12] {
            #expect(Fingerprint.make(ruleID: "rule", faultText: text, occurrence: occurrence) == reference("rule", text, occurrence))
        }
        #expect(Fingerprint.make(ruleID: "r", faultText: "a b", occurrence: 0) == Fingerprint.make(ruleID: "r", faultText: " a \t b ", occurrence: 0))
    }

    @Test("repeats numbered in reading order, as a dictionary of the rule and raw text counts them")
    func repeatsNumbered() {
        // "café" written with é, then with e and a combining accent: the same text to `String`.
        let pairs = [("a", "x"), ("b", "x"), ("a", "x"), ("a", "x "), ("a", "x"), ("b", "x"), ("a", ""), ("a", ""),
                     ("a", "caf\u{E9}"), ("a", "cafe\u{301}"), ("a", "caf\u{E9}")]
        var diagnostics = pairs.map { rule, text in
            var diagnostic = Diagnostic(path: "p.md", range: SourceRange(start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1)),
                                        severity: .warning, ruleID: rule, message: "m", help: "h")
            diagnostic.faultText = text
            return diagnostic
        }
        Fingerprint.assign(&diagnostics)
        var seen: [String: Int] = [:]
        for (diagnostic, (rule, text)) in zip(diagnostics, pairs) {
            let occurrence = seen[rule + "\u{0}" + text, default: 0]
            seen[rule + "\u{0}" + text] = occurrence + 1
            #expect(diagnostic.fingerprint == Fingerprint.make(ruleID: rule, faultText: text, occurrence: occurrence))
        }
    }

    @Test("occurrences: equal items counted in order, items of one hash told apart")
    func occurrences() {
        let items = ["a", "b", "a", "c", "a", "b", "d"]
        // "a", "c" and "d" share a hash: only comparing them tells them apart.
        let hashes: [UInt64] = items.map { $0 == "b" ? 2 : 1 }
        #expect(Occurrences.numbers(hashes: hashes) { items[$0] == items[$1] } == [0, 0, 1, 0, 2, 1, 0])
        #expect(Occurrences.numbers(hashes: []) { _, _ in true } == [])
    }
}
