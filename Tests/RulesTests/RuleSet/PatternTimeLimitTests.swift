import EqlintPlan
import EqlintText
import Foundation
import Rules
import Testing

/// A trust's regular expression cannot hang a run: a match that runs past its
/// time limit is stopped, the pattern is not run again, and the rule using it
/// is reported by its id and the pattern's place.
@Suite("Pattern time limits")
struct PatternTimeLimitTests {
    /// Text on which `^(a|aa)+$` tries about 2^60 ways before it fails.
    static let exponentialText = String(repeating: "a", count: 60) + "b"

    static func seconds(_ body: () -> Void) -> Double {
        let start = Date()
        body()
        return Date().timeIntervalSince(start)
    }

    @Test("a match that backtracks without end is stopped after its limit, and the plan's record keeps it from running again")
    func stopped() throws {
        let pattern = try Pattern("^(a|aa)+$")
        let stops = PatternStops(path: "plan.md")
        var match = Pattern.Match.found
        let first = Self.seconds { match = pattern.match(Self.exponentialText, stops: stops) }
        #expect(match == .stopped)
        #expect(first >= 0.5 && first < 10, "stopped after \(first) s")
        // A copy checked with the same record is stopped too: a second run costs nothing, even on text it would match.
        let copy = pattern
        let second = Self.seconds { match = copy.match("aa", stops: stops) }
        #expect(match == .stopped)
        #expect(second < 0.5)
        #expect(!pattern.matches("aa", stops: stops))
        #expect(stops.keysStoppedHere == [pattern.key])
        // The pattern keeps no stop of its own: another plan's record runs it ...
        #expect(pattern.match("aa", stops: PatternStops(path: "other.md")) == .found)
        // ... unless that plan comes later in the run and is given the stops before it.
        let later = PatternStops(path: "later.md", stoppedEarlier: stops.keysStoppedHere)
        #expect(pattern.match("aa", stops: later) == .stopped)
        #expect(later.keysRun.isEmpty)
    }

    @Test("the limit grows with the text, so a linear pattern on a long entry is never stopped")
    func linearOnLongText() throws {
        #expect(Pattern.timeLimit(forLength: 0) == 0.5)
        #expect(Pattern.timeLimit(forLength: 2_000_000) == 2.5)
        let pattern = try Pattern("\\bbaseline\\b.*\\btarget\\b")
        let text = String(repeating: "word ", count: 400_000) + "baseline 10, target 20"
        #expect(pattern.match(text) == .found)
        #expect(pattern.match(String(repeating: "word ", count: 400_000)) == .notFound)
    }

    @Test("eqlint's own patterns run without the limit (they are written to run in linear time)")
    func defaultsUnlimited() throws {
        let measures = (TestSupport.builtInRuleSet.vocabulary.lists["measures"]?.patterns.values.flatMap { $0 } ?? [])
        #expect(!measures.isEmpty)
        #expect(measures.allSatisfy { !$0.isTimeLimited })
        let trust = try RuleSet.load(layers: [
            try RuleSet.files(inDirectory: TestSupport.rulesDirectory.path),
            [(path: "trust/measures.json5", text: "{ vocabulary: 'measures', patterns: { score: ['\\\\bscore of \\\\d'] } }")],
        ], defaultLayers: 1)
        let added = (trust.vocabulary.lists["measures"]?.patterns.values.flatMap { $0 } ?? []).filter { $0.origin?.path == "trust/measures.json5" }
        #expect(added.count == 1)
        #expect(added.allSatisfy { $0.isTimeLimited })
        #expect(added.first?.origin?.location == EqlintText.SourceLocation(line: 1, column: 47))
    }

    static let rule = """
        {
          id: "lead-letters",
          severity: "warning",
          summary: "Leads are not a row of a's.",
          scope: "entry",
          field: "lead",
          check: "not-matches",
          options: { pattern: "^(a|aa)+$" },
          message: "{objective}: the lead is a row of a's",
          help: "Name a role.",
          source: "A test.", basis: "good-practice",
          examples: { pass: [["## Objective 1", "Lead: Head"]], fail: [["## Objective 1", "Lead: aa"]] },
        }
        """

    @Test("a stopped pattern is reported with its rule, its place and the text's place; no finding is made on a guess")
    func reported() throws {
        let set = try RuleSet.load(layers: [
            try RuleSet.files(inDirectory: TestSupport.rulesDirectory.path),
            [(path: "trust/lead-letters.json5", text: Self.rule)],
        ], defaultLayers: 1)
        let linter = Linter(ruleSet: set, today: TestSupport.goldenToday)
        let plan = "## Objective 1\n\nLead: aa\n\n## Objective 2\n\nLead: \(Self.exponentialText)\n\n## Objective 3\n\nLead: aaaa\n"
        let outcome = linter.check(SourceFile(path: "plan.md", text: plan))
        // Objective 1 was matched before the stop; objective 3 comes after it, and is not guessed at.
        #expect(outcome.diagnostics.filter { $0.ruleID == "lead-letters" }.map(\.range.start.line) == [3])
        let stop = try #require(outcome.stoppedPatterns.first)
        #expect(outcome.stoppedPatterns.count == 1)
        #expect(stop.ruleID == "lead-letters")
        #expect(stop.origin?.path == "trust/lead-letters.json5")
        #expect(stop.description.hasPrefix("trust/lead-letters.json5:8:23: rule 'lead-letters': the pattern '^(a|aa)+$' took more "
            + "than 0.5 seconds on plan.md:7:7 and was stopped, so the rule is not fully checked"))
        // The rest of the rules still ran on every objective.
        #expect(outcome.diagnostics.filter { $0.ruleID == "objective-aim" }.count == 3)
    }

    @Test("a stopped measure pattern makes no 'cannot be measured' finding")
    func stoppedMeasure() throws {
        let vocabulary = "{ vocabulary: 'measures', patterns: { slow: ['^(\\\\w|\\\\w\\\\w)+%'] } }"
        let set = try RuleSet.load(layers: [
            try RuleSet.files(inDirectory: TestSupport.rulesDirectory.path),
            [(path: "trust/measures.json5", text: vocabulary)],
        ], defaultLayers: 1)
        let linter = Linter(ruleSet: set, today: TestSupport.goldenToday)
        let plan = "## Objective 1\n\nSuccess criteria: \(String(repeating: "x", count: 60))!\n"
        let outcome = linter.check(SourceFile(path: "plan.md", text: plan))
        #expect(outcome.stoppedPatterns.map(\.ruleID).first.map { ["criterion-vague", "objective-measurable"].contains($0) } == true)
        #expect(!outcome.diagnostics.contains { $0.ruleID == "criterion-vague" || $0.ruleID == "objective-measurable" })
    }
}
