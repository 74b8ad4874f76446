import EqlintKit
import EqlintText
import Foundation
import Rules
import Testing

/// `.eqlint.json5`: found by walking up from each plan, applied to the rules,
/// and refused with a positioned error when it is wrong.
@Suite("Configuration files")
struct ConfigurationTests {
    /// A fresh repository folder with files in it.
    static func repository(_ files: [String: String]) throws -> URL {
        let root = try TemporaryFolder.make("config")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        return root
    }

    static func resolver(_ root: URL, source: ConfigurationResolver.Source = .discover) -> ConfigurationResolver {
        ConfigurationResolver(source: source, ruleDirectories: [], today: TestSupport.goldenToday, currentDirectory: root.path)
    }

    static func loadError(_ configuration: String) throws -> RuleFileError? {
        let root = try repository([".eqlint.json5": configuration])
        var resolver = resolver(root)
        do {
            _ = try resolver.context(forDirectory: ".")
            return nil
        } catch {
            return error
        }
    }

    @Test("rules can be turned off, given a severity, and given options")
    func ruleSettings() throws {
        let root = try Self.repository([".eqlint.json5": """
            {
              rules: {
                "lead-initials": "off",
                "objective-child-friendly": "warning",
                "plan-period-too-long": { options: { years: 3 } },
                "suppression-reason": "on",
              },
            }
            """])
        var resolver = Self.resolver(root)
        let set = try resolver.context(forDirectory: ".").linter.ruleSet
        #expect(set.rule(id: "lead-initials")?.enabled == false)
        #expect(set.rule(id: "objective-child-friendly")?.severity == .warning)
        #expect(set.rule(id: "suppression-reason")?.enabled == true)
        #expect(set.rule(id: "objective-lead")?.configuredBy == nil)
        #expect(set.rule(id: "lead-initials")?.configuredBy == ".eqlint.json5")
        #expect(set.rule(id: "plan-period-too-long")?.checkName == "period-at-most")
        let linter = Linter(ruleSet: set, today: TestSupport.goldenToday)
        let tooLong = linter.lint(SourceFile(path: "p.md", text: "---\nperiod: 2025-09 to 2029-02\n---\n# Plan\n"),
                                  rules: [try #require(set.rule(id: "plan-period-too-long"))])
        #expect(tooLong.map(\.message) == ["The plan's period (September 2025 to February 2029) is longer than 3 years"])
        #expect(RuleCatalog.listing(set).contains("lead-initials                off      "))
    }

    @Test("the nearest configuration applies, found up to the repository root")
    func discovery() throws {
        let root = try Self.repository([
            ".eqlint.json5": "{ rules: { \"objective-lead\": \"warning\" } }",
            "plans/primary/.eqlint.json": "{ rules: { \"objective-lead\": \"info\" } }",
        ])
        var resolver = Self.resolver(root)
        let primary = try resolver.context(forFile: "plans/primary/a.md")
        let secondary = try resolver.context(forFile: "plans/secondary/deep/b.md")
        #expect(primary.linter.ruleSet.rule(id: "objective-lead")?.severity == .info)
        #expect(primary.configuration.path == "plans/primary/.eqlint.json")
        #expect(secondary.linter.ruleSet.rule(id: "objective-lead")?.severity == .warning)
        var none = Self.resolver(root, source: .none)
        #expect(try none.context(forFile: "plans/primary/a.md").linter.ruleSet.rule(id: "objective-lead")?.severity == .error)
    }

    @Test("vocabulary, rule directories, include, exclude and failOn")
    func everythingElse() throws {
        let rule = try String(contentsOf: TestSupport.rulesDirectory.appendingPathComponent("objective-rationale.json5"), encoding: .utf8)
            .replacingOccurrences(of: "id: \"objective-rationale\"", with: "id: \"trust-groups\"")
        let root = try Self.repository([
            ".eqlint.json5": """
                {
                  ruleDirectories: ["trust-rules"],
                  vocabulary: { labels: { lead: ["Accountable leader"] } },
                  include: ["plans/**/*.md"],
                  exclude: ["plans/archive/**", "draft-*.md"],
                  failOn: "warning",
                }
                """,
            "trust-rules/trust-groups.json5": rule,
            "plans/a.md": "## Objective 1\nAccountable leader: Headteacher\n",
            "plans/draft-b.md": "## Objective 1\n",
            "plans/archive/c.md": "## Objective 1\n",
            "notes/d.md": "## Objective 1\n",
        ])
        var run = CheckRun(resolver: Self.resolver(root))
        let outcome = try run.check(paths: [root.path]) { [] }
        #expect(outcome.reports.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["a.md"])
        let report = try #require(outcome.reports.first)
        #expect(report.failOn == .warning)
        #expect(!report.diagnostics.contains { $0.ruleID == "objective-lead" })
        #expect(report.diagnostics.contains { $0.ruleID == "trust-groups" })
        // A file named on the command line is checked even when excluded.
        let named = try run.check(paths: [root.appendingPathComponent("plans/archive/c.md").path]) { [] }
        #expect(named.reports.count == 1)
    }

    @Test("include and exclude apply however the folder searched is named: through a link, with a trailing slash or `..`")
    func folderNames() throws {
        let root = try Self.repository([
            ".eqlint.json5": "{ exclude: [\"plans/archive/**\"] }",
            "plans/a.md": "## Objective 1\n",
            "plans/archive/c.md": "## Objective 1\n",
            "plans/primary/e.md": "## Objective 1\n",
        ])
        let link = try TemporaryFolder.make("link").appendingPathComponent("plans")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root.appendingPathComponent("plans"))
        let plans = root.appendingPathComponent("plans").path
        for name in [plans, plans + "/", plans + "/archive/..", link.path, link.path + "/"] {
            var run = CheckRun(resolver: Self.resolver(root))
            let outcome = try run.check(paths: [name]) { [] }
            #expect(outcome.reports.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["a.md", "e.md"], "searching \(name)")
            // Each plan is shown by the name it was found under.
            #expect(outcome.reports.allSatisfy { $0.path.hasPrefix(name) }, "searching \(name)")
        }
    }

    @Test("a broken configuration the folder search meets after many plans stops the run with nothing reported")
    func brokenLate() throws {
        var files = ["zz/.eqlint.json5": "{ rulez: {} }", "zz/plan.md": "## Objective 1\n"]
        for index in 0..<40 { files["plans/\(index).md"] = "## Objective \(index)\n" }
        let root = try Self.repository(files)
        for jobs in [1, 2, 4] {
            var run = CheckRun(resolver: Self.resolver(root), jobs: jobs)
            var events = 0
            #expect(throws: RuleFileError.self, "\(jobs) jobs") {
                try run.check(paths: [root.path], readStandardInput: { [] }) { _ in events += 1 }
            }
            #expect(events == 0, "\(jobs) jobs")
        }
    }

    @Test("mistakes in a configuration are errors at their place", arguments: [
        ("{ rules: { \"lead-initals\": \"off\" } }", "1:12", "no rule is named 'lead-initals'; did you mean 'lead-initials'?"),
        ("{ rulez: {} }", "1:3", "unknown key 'rulez' in a configuration file; did you mean 'rules'?"),
        ("{ rules: { \"lead-initials\": \"of\" } }", "1:29", "the setting of 'lead-initials' must be 'off', 'on', 'error', 'warning', 'info' or an object, not 'of' (did you mean 'off'?)"),
        ("{ rules: { \"plan-expired\": { options: { yeers: 3 } } } }", "1:41", "unknown key 'yeers' in the options of the rule 'plan-expired'; did you mean 'years'?"),
        // The rule the user configured is named, not its check (`period-at-most`).
        ("{ rules: { \"plan-period-too-long\": { options: { yeras: 3 } } } }", "1:49",
         "unknown key 'yeras' in the options of the rule 'plan-period-too-long'; did you mean 'years'?"),
        // Labels must name a field eqlint knows, and aims one of the duty's aims.
        ("{ vocabulary: { labels: { leed: [\"Accountable leader\"] } } }", "1:27",
         "'leed' is not a field eqlint knows; did you mean 'lead'? (the fields are actions, aim, characteristics, child, evaluation, glossary, groups, lead, number, objective, oversight, rationale, resources, success, timescale)"),
        ("{ rules: { \"plan-expired\": { options: { years: -1 } } } }", "1:48", "'years' must be a whole number from 1 to 1000"),
        ("{ failOn: \"sometimes\" }", "1:11", "'failOn' must be one of 'error', 'warning', 'info', 'never', not 'sometimes'"),
        ("{ include: [\"plans/**\"], exclude: 3 }", "1:35", "'exclude' must be a list ([ ... ]), not a number"),
        ("{ rules: { ", "1:12", "an object is never closed with '}'"),
        ("{ ruleDirectories: [\"missing\"] }", nil, "is not a directory of rule files"),
    ] as [(String, String?, String)])
    func errors(text: String, place: String?, message: String) throws {
        let error = try #require(try Self.loadError(text))
        #expect(error.location.map { "\($0)" } == place, "\(error)")
        #expect(error.message == message)
    }

    @Test("every mistake in a configuration is reported, in the order of the file")
    func everyError() throws {
        let text = """
            {
              rules: {
                "plan-period-too-long": { options: { yeras: 3 } },
                "objective-leed": "off",
              },
              vocabulary: { labels: { leed: ["Accountable leader"] }, acronym: { trust: ["ABC"] } },
              failOn: "sometimes",
            }
            """
        let error = try #require(try Self.loadError(text))
        #expect(error.description.split(separator: "\n").map { String($0.split(separator: " ", maxSplits: 1)[0]) }
            == [".eqlint.json5:3:42:", ".eqlint.json5:4:5:", ".eqlint.json5:6:27:", ".eqlint.json5:6:59:", ".eqlint.json5:7:11:"])
        #expect(error.more.count == 4)
        #expect(error.more[2].message == "no vocabulary list is named 'acronym'; did you mean 'acronyms'?")
        // Each is a line of its own on standard error.
        var written = ""
        CommandIO(writeOutput: { _ in }, writeError: { written += $0 }, writeFile: { _, _ in }, readStandardInput: { [] })
            .error(error.description)
        #expect(written.split(separator: "\n").allSatisfy { $0.hasPrefix("eqlint: error: .eqlint.json5:") })
        #expect(written.split(separator: "\n").count == 5)
    }

    @Test("a label added to a known field works")
    func labelAdded() throws {
        let root = try Self.repository([".eqlint.json5": "{ vocabulary: { labels: { lead: [\"Accountable leader\"] } } }"])
        var resolver = Self.resolver(root)
        let linter = try resolver.context(forDirectory: ".").linter
        let found = linter.lint(SourceFile(path: "p.md", text: "## Objective 1\n\n**Accountable leader:** Headteacher\n"))
        #expect(!found.contains { $0.ruleID == "objective-lead" })
    }

    @Test("a named configuration file that does not exist is an error")
    func missingNamedFile() throws {
        var resolver = ConfigurationResolver(source: .file("/no/such/.eqlint.json5"), ruleDirectories: [], today: TestSupport.goldenToday)
        #expect(throws: RuleFileError(path: "/no/such/.eqlint.json5", location: nil, message: "no such configuration file")) {
            try resolver.context(forDirectory: ".")
        }
    }

    @Test("globs match as in .gitignore", arguments: [
        ("archive/**", "archive/a.md", true), ("archive/**", "plans/archive/a.md", false),
        ("**/archive/**", "plans/archive/a.md", true), ("draft-*.md", "plans/x/draft-1.md", true),
        ("plans/*.md", "plans/x/a.md", false), ("plans/?.md", "plans/a.md", true), ("archive/", "x/archive/a.md", true),
    ])
    func globs(pattern: String, path: String, matches: Bool) throws {
        #expect(try #require(Glob(pattern)).matches(path) == matches)
    }
}
