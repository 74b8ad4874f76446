import EqlintKit
import EqlintPlan
import EqlintText
import Foundation
import Rules
import Testing

/// Plans laid out as schools publish them (`Fixtures/layouts/`, one or more
/// per layout, and `Fixtures/holdout/`, a second batch written by someone
/// else to see how eqlint reads plans it was not built on), each with what a
/// careful reader says it contains (`NAME.expected.json`, written from the
/// layouts document, not from eqlint's output): the plan's dates, every
/// objective with the line it is marked on, its number, statement and the
/// lines of its fields' entries, and the errors a reader would expect.
@Suite("Layouts in the wild")
struct LayoutFixtureTests {
    static let directory = TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures")

    /// `layouts/NAME` and `holdout/NAME`.
    static let fixtures: [String] = ["layouts", "holdout"].flatMap { folder in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
        return names.filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) && $0 != "README.md" }.sorted().map { "\(folder)/\($0)" }
    }

    /// One fixture read and checked, and what it should give.
    struct Case {
        var plan: Plan
        var diagnostics: [Diagnostic]
        var expected: [String: Any]

        init(_ name: String) throws {
            let source = try SourceFile.read(path: LayoutFixtureTests.directory.appendingPathComponent(name).path, displayPath: name)
            let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)
            plan = linter.parser.parse(source)
            diagnostics = linter.lint(source)
            let stem = name.split(separator: ".").dropLast().joined(separator: ".")
            let data = try Data(contentsOf: LayoutFixtureTests.directory.appendingPathComponent("\(stem).expected.json"))
            expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
    }

    @Test("there is a fixture for every layout, with its expectations")
    func fixturesExist() {
        #expect(Self.fixtures.count >= 20)
        for layout in 1...12 {
            #expect(Self.fixtures.contains { $0.hasPrefix(String(format: "layouts/%02d-", layout)) }, "no fixture for layout \(layout)")
        }
    }

    @Test("the plan's period, publication, approval and review", arguments: fixtures)
    func dates(name: String) throws {
        let fixture = try Case(name)
        for key in Plan.dateKeys where fixture.expected.keys.contains(key) {
            let wanted = fixture.expected[key] as? [String]
            let date = fixture.plan.date(key)
            let got = date.map { [$0.span.start?.description ?? "", $0.span.end?.description ?? ""] }
            #expect(got == wanted, "\(name): \(key)")
        }
    }

    @Test("every objective where the school marked it, with its number and statement", arguments: fixtures)
    func objectives(name: String) throws {
        let fixture = try Case(name)
        let expected = try #require(fixture.expected["objectives"] as? [[String: Any]])
        let objectives = fixture.plan.objectives
        #expect(objectives.map(\.anchor.start.line) == expected.map { $0["line"] as? Int ?? 0 }, "\(name): objective lines")
        for (objective, wanted) in zip(objectives, expected) {
            let number = (wanted["number"] as? String).map(Self.numeral)
            #expect(objective.number == number, "\(name): objective at line \(objective.anchor.start.line), number")
            if let title = wanted["title"] as? String {
                #expect(objective.title == title, "\(name): objective at line \(objective.anchor.start.line), statement")
            }
        }
    }

    @Test("each objective's fields, entry by entry", arguments: fixtures)
    func fields(name: String) throws {
        let fixture = try Case(name)
        let expected = try #require(fixture.expected["objectives"] as? [[String: Any]])
        for (objective, wanted) in zip(fixture.plan.objectives, expected) {
            let place = "\(name): objective at line \(objective.anchor.start.line)"
            if let fields = wanted["fields"] as? [String: [Int]] {
                #expect(Self.entryLines(objective.fields, statement: objective) == fields, "\(place): fields")
            }
            if let actions = wanted["actions_table"] as? [[String: Any]] {
                #expect(objective.actions.map(\.anchor.start.line) == actions.map { $0["line"] as? Int ?? 0 }, "\(place): actions")
                for (action, wantedAction) in zip(objective.actions, actions) {
                    let fields = (wantedAction["fields"] as? [String: [Int]] ?? [:]).filter { $0.key != "actions" }
                    #expect(Self.entryLines(action.fields, statement: nil).filter { $0.key != "actions" } == fields,
                            "\(place): action at line \(action.anchor.start.line)")
                }
            }
        }
    }

    @Test("the errors a reader would expect, and no others", arguments: fixtures)
    func errors(name: String) throws {
        let fixture = try Case(name)
        guard let wanted = fixture.expected["errors"] as? [String] else { return }
        let got = Set(fixture.diagnostics.filter { $0.severity == .error }.map(\.ruleID))
        #expect(got == Set(wanted), "\(name): errors")
    }

    @Test("golden findings", arguments: fixtures)
    func golden(name: String) throws {
        let source = try SourceFile.read(path: Self.directory.appendingPathComponent(name).path, displayPath: name)
        let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)
        let report = FileReport(path: source.path, source: source, diagnostics: linter.lint(source))
        assertSnapshot(TextReporter().report([report]), named: "\(name).txt")
    }

    /// The lines of each field's entries, as the expectations give them: no
    /// statement (`objective`), and not the deadline read from the statement;
    /// a field given with no value (an empty cell) at its label's line.
    static func entryLines(_ fields: Fields, statement objective: Objective?) -> [String: [Int]] {
        let statements = objective?.fields[.objective]?.entries ?? []
        var lines: [String: [Int]] = [:]
        for (name, field) in fields where name != .objective {
            let entries = field.entries.filter { entry in
                !(name == .timescale && statements.contains { $0.spans.contains { $0.contains(entry.span.lowerBound) } })
            }
            if entries.isEmpty, field.entries.isEmpty {
                lines[name.rawValue] = [field.label.start.line]
            } else if !entries.isEmpty {
                lines[name.rawValue] = entries.map(\.location.line)
            }
        }
        return lines
    }

    /// `One` → `1`, as eqlint numbers an objective written `Objective One`.
    static func numeral(_ number: String) -> String {
        let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return words.firstIndex(of: number.lowercased()).map { String($0 + 1) } ?? number
    }
}
