import EqlintKit
import Foundation
import Testing

/// `Reporters.all`, the one list of output formats: what `--format` takes
/// and `--help` lists, and how an unknown format is answered.
@Suite("The registry of reporters")
struct ReporterRegistryTests {
    @Test("identifiers are unique lowercase names; text is the default")
    func identifiers() {
        let identifiers = Reporters.identifiers
        #expect(!identifiers.isEmpty)
        #expect(Set(identifiers).count == identifiers.count, "two reporters share an identifier")
        for identifier in identifiers {
            #expect(identifier.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) != nil, "\(identifier)")
        }
        #expect(ObjectIdentifier(Reporters.default) == ObjectIdentifier(TextReporter.self))
        #expect(Reporters.default.identifier == "text")
    }

    @Test("each format says what it is in one short line, for --help", arguments: Reporters.identifiers)
    func descriptions(format: String) throws {
        let description = try Reporters.named(format).description
        #expect(!description.isEmpty && !description.contains("\n"))
        #expect(description.count <= 90, "\(format): keep it to one line of the help page")
        #expect(description.hasSuffix("."))
    }

    @Test("each format is found by its name and builds a reporter of its own type", arguments: Reporters.identifiers)
    func lookUp(format: String) throws {
        let type = try Reporters.named(format)
        #expect(type.identifier == format)
        let reporter = type.init(context: TestSupport.reporterContext)
        #expect(ObjectIdentifier(Swift.type(of: reporter)) == ObjectIdentifier(type))
    }

    @Test("the context reaches the reporters that use it")
    func context() {
        var context = TestSupport.reporterContext
        context.color = true
        context.showSource = true
        let text = TextReporter(context: context)
        #expect(text.color && text.showSource)
        context.baseDirectory = "/srv/plans"
        context.currentDirectory = "/srv/plans/trust"
        let sarif = SARIFReporter(context: context)
        #expect(sarif.baseDirectory == "/srv/plans" && sarif.currentDirectory == "/srv/plans/trust")
        #expect(sarif.rules.count == TestSupport.builtInRuleSet.rules.count)
        #expect(JUnitReporter(context: context).ruleIDs == TestSupport.builtInRuleSet.rules.filter(\.enabled).map(\.id))
    }

    @Test("by default SARIF locations are relative to the repository the current folder is in")
    func repositoryRoot() {
        let context = ReporterContext(ruleSet: TestSupport.builtInRuleSet, currentDirectory: TestSupport.examplesDirectory.path)
        #expect(context.baseDirectory == RepositoryRoot.find(from: TestSupport.examplesDirectory.path))
        let outside = ReporterContext(ruleSet: TestSupport.builtInRuleSet, currentDirectory: "/")
        #expect(outside.baseDirectory == (RepositoryRoot.find(from: "/") ?? "/"))
    }

    @Test("an unknown format lists the formats there are, and suggests the one meant", arguments: [
        ("pdf", nil),
        ("xml", "html"),
        ("jsno", "json"),
        ("SARIF", "sarif"),
        ("check-style", "checkstyle"),
        ("", nil),
    ] as [(String, String?)])
    func unknown(name: String, suggestion: String?) {
        #expect(throws: UnknownFormatError(name: name, known: Reporters.identifiers, suggestion: suggestion)) {
            try Reporters.named(name)
        }
    }

    @Test("the message for an unknown format")
    func message() {
        let known = ["text", "json", "sarif"]
        #expect(UnknownFormatError(name: "xml", known: known, suggestion: nil).description
            == "--format must be one of text, json, sarif, not 'xml'")
        #expect(UnknownFormatError(name: "jsno", known: known, suggestion: "json").description
            == "--format must be one of text, json, sarif, not 'jsno'; did you mean 'json'?")
    }
}
