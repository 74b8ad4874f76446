import EqlintPlan
import EqlintText
import Foundation
@testable import Rules
import Testing

/// `<!-- eqlint-disable ... -->` comments in a plan.
@Suite("Inline suppression")
struct SuppressionTests {
    /// Two objectives with no lead (findings on lines 3 and 6 or 7), checked
    /// for objective-lead and unused-suppression.
    func lint(_ plan: String) -> [String] {
        TestSupport.lint(plan, rules: ["objective-lead", "unused-suppression", "objective-aim"])
            .filter { $0.ruleID != "objective-aim" }
            .map { "\($0.range.start.line) \($0.ruleID)" + ($0.ruleID == "unused-suppression" ? ": \($0.message)" : "") }
    }

    @Test("disable-next-line silences the next line only")
    func nextLine() {
        #expect(lint("""
            <!-- eqlint-disable-next-line objective-lead -- named in the trust plan -->
            ## Objective 1
            ## Objective 2
            """) == ["3 objective-lead"])
    }

    @Test("disable … enable silences a region; with no ids, every rule")
    func region() {
        #expect(lint("""
            <!-- eqlint-disable objective-lead -->
            ## Objective 1
            <!-- eqlint-enable objective-lead -->
            ## Objective 2
            """) == ["4 objective-lead"])
        #expect(TestSupport.lint("<!-- eqlint-disable -->\n## Objective 1\n", rules: ["objective-lead", "objective-aim"]).isEmpty)
    }

    @Test("disable-file silences the whole file; several ids may be given")
    func file() {
        #expect(TestSupport.lint("## Objective 1\n## Objective 2\n<!-- eqlint-disable-file objective-aim, objective-lead -->\n",
                                 rules: ["objective-lead", "objective-aim", "unused-suppression"]).isEmpty)
    }

    @Test("a suppression that silences nothing is reported where it is written")
    func unused() {
        #expect(lint("""
            ## Objective 1
            Lead: Head

            <!-- eqlint-disable-next-line objective-lead -->
            Text.
            """) == ["4 unused-suppression: This eqlint comment has no effect: there is no finding of objective-lead on the next line to silence"])
    }

    @Test("unknown rule ids and misspelt instructions are reported")
    func misspelt() {
        #expect(lint("<!-- eqlint-disable-file objectve-lead -->\n## Objective 1\n").contains(
            "1 unused-suppression: This eqlint comment has no effect: 'objectve-lead' is not a rule (did you mean 'objective-lead'?)"))
        #expect(lint("<!-- eqlint-disabel objective-lead -->\n## Objective 1\n").contains(
            "1 unused-suppression: This eqlint comment has no effect: 'eqlint-disabel' is not an eqlint instruction (did you mean 'eqlint-disable'?)"))
    }

    @Test("ordinary comments are left alone")
    func ordinaryComments() {
        #expect(lint("<!-- TODO: ask the governors -->\n## Objective 1\nLead: Head\n") == [])
    }

    @Test("suppression-reason reports comments without a reason, when turned on")
    func reasons() {
        let findings = TestSupport.lint("""
            <!-- eqlint-disable-next-line objective-lead -->
            ## Objective 1
            <!-- eqlint-disable-next-line objective-lead -- the trust plan names the lead -->
            ## Objective 2
            """, rules: ["objective-lead", "suppression-reason"])
        #expect(findings.map(\.ruleID) == ["suppression-reason"])
        #expect(findings.first?.range.start.line == 1)
        #expect(TestSupport.builtInRuleSet.rule(id: "suppression-reason")?.enabled == false)
    }

    // Issue 13: comments that were ignored without a word.

    @Test("disable-line at the end of a heading silences that line; unused there, it is reported")
    func disableLine() {
        #expect(lint("""
            ## Objective 1 <!-- eqlint-disable-line objective-lead -- named in the trust plan -->
            ## Objective 2
            """) == ["2 objective-lead"])
        #expect(lint("""
            ## Objective 1 <!-- eqlint-disable-line objective-lead -->
            Lead: Headteacher
            """) == ["1 unused-suppression: This eqlint comment has no effect: there is no finding of objective-lead on this line to silence"])
    }

    @Test("disable-line on a line of its own points to disable-next-line, not disable-file")
    func disableLineOnItsOwn() {
        #expect(lint("""
            <!-- eqlint-disable-line objective-lead -->
            ## Objective 1
            """) == ["1 unused-suppression: This eqlint comment has no effect: 'eqlint-disable-line' silences the line it ends, and this line "
                + "holds only the comment (to silence objective-lead on the next line, write 'eqlint-disable-next-line')",
                "2 objective-lead"])
    }

    @Test("a space for the hyphen, and a line-of-its-own instruction at the end of a heading, are reported with the right spelling")
    func spacedOrInLine() {
        #expect(lint("""
            <!-- eqlint disable-next-line objective-lead -->
            ## Objective 1
            """) == ["1 unused-suppression: This eqlint comment has no effect: 'eqlint disable-next-line' is not an eqlint instruction "
                + "(did you mean 'eqlint-disable-next-line'?)", "2 objective-lead"])
        #expect(lint("""
            ## Objective 1 <!-- eqlint-disable-next-line objective-lead -->
            """) == ["1 objective-lead", "1 unused-suppression: This eqlint comment has no effect: 'eqlint-disable-next-line' works only "
                + "on a line of its own (at the end of a line, write 'eqlint-disable-line')"])
        // Ordinary comments, in a line or on their own, are not eqlint's.
        #expect(lint("## Objective 1 <!-- draft -->\n<!-- eqlint is great -->\nLead: Head\n") == [])
    }

    @Test("a comment told not to be eqlint's by its bytes is one reading it word by word leaves out")
    func notForEqlintByBytes() {
        let comments = [
            "<!-- eqlint-disable -->", "<!--EQLINT-DISABLE objective-lead-->", "<!-- \teqlint disable-next-line -->", "<!-- eqlint: enable -->",
            "<!-- eqlint -->", "<!--eqlint-->", "<!-- draft -->", "<!-- -- eqlint-disable -->", "<!-- \u{301}eqlint-disable -->",
            "<!--\u{301}eqlint-disable -->", "<!-- \u{A0}eqlint-disable -->", "<!--\r\neqlint-disable -->", "<!-- eqlin -->", "<!-- eqlinx-disable -->",
            "<!-- \u{212A}eqlint -->", "eqlint-disable", "<!-- Eqlint-Enable objective-lead -- reviewed -->", "<!---->", "<!--", "",
        ]
        for text in comments {
            let start = EqlintText.SourceLocation(line: 1, column: 1)
            let comment = TextValue(text: text, range: EqlintText.SourceRange(start: start, end: start), span: 0..<text.utf8.count)
            if !SuppressionDirective.mayBeForEqlint(text) { #expect(SuppressionDirective.read(comment) == nil, "\(text)") }
        }
        #expect(SuppressionDirective.mayBeForEqlint("<!-- eqlint-disable -->"))
        #expect(SuppressionDirective.mayBeForEqlint("<!--\tEqLint disable -->"))
        #expect(!SuppressionDirective.mayBeForEqlint("<!-- draft -->"))
    }

    @Test("a reason trimmed over its bytes as Foundation trims it")
    func reasonTrimmed() {
        let texts = ["", " ", "a", " a ", "  the trust plan names the lead ", "\t\nreason\r\n", "reason\u{A0}", "\u{A0}reason",
                     " \u{2003}reason\u{2028} ", "re ason", " e\u{301} ", " \u{301}x ", "x\u{85}", " \u{1F600} ", "\u{B}\u{C}x\u{B}", "\n\n"]
        for text in texts {
            for padded in [text, "xx" + text] {
                let reason = Substring(padded).dropFirst(padded == text ? 0 : 2)
                #expect(SuppressionDirective.trimmed(reason) == reason.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            }
        }
    }

    @Test("a comment opening is found anywhere, and only a whole one")
    func commentOpening() {
        for text in ["<!--", "a <!-- b", "x\n<!-- eqlint-disable -->", "<<!--", "<!<!--"] {
            #expect(Linter.hasCommentOpening(Array(text.utf8)), "\(text)")
        }
        for text in ["", "<", "<!-", "<!- -", "< !--", "a < b <! -- c", "<!-"] {
            #expect(!Linter.hasCommentOpening(Array(text.utf8)), "\(text)")
        }
    }
}
