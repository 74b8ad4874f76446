import EqlintKit
import EqlintText
import Foundation
import Rules
#if canImport(FoundationXML)
import FoundationXML
#endif
import Rules
import Testing

/// The machine formats, each against its consumer's contract: SARIF against
/// the official schema, GitHub commands by their exact syntax, JUnit and
/// Checkstyle parsed back as XML.
@Suite("Output formats")
struct FormatTests {
    /// Every example's report, with paths relative to the package root.
    static func reports(_ names: [String] = GoldenTests.exampleNames) throws -> [FileReport] {
        try names.map { try GoldenTests.report($0) }
    }

    static func sarif(_ reports: [FileReport]) -> String {
        SARIFReporter(ruleSet: TestSupport.builtInRuleSet, baseDirectory: TestSupport.packageRoot.path,
                      currentDirectory: TestSupport.packageRoot.path).report(reports)
    }

    /// A finding whose message and path hold characters every format must escape.
    static let awkward: FileReport = {
        var diagnostic = Diagnostic(
            path: "plans/a,b:c d.md",
            range: SourceRange(start: EqlintText.SourceLocation(line: 2, column: 3), end: EqlintText.SourceLocation(line: 2, column: 9)),
            severity: .info, ruleID: "objective-rationale",
            message: "100% <sure> & \"quoted\" 'single',\r\nnext: line\u{1}", help: "h")
        diagnostic.fingerprint = Fingerprint.make(ruleID: diagnostic.ruleID, faultText: "x", occurrence: 0)
        return FileReport(path: diagnostic.path, source: nil, diagnostics: [diagnostic])
    }()

    // Golden files of every format: GoldenTests.

    // MARK: SARIF

    @Test("SARIF validates against the official SARIF 2.1.0 schema")
    func sarifSchema() throws {
        let schema = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/sarif-schema-2.1.0.json"))
        let validator = try JSONSchemaValidator(schema: schema)
        let document = Self.sarif(try Self.reports() + [Self.awkward])
        #expect(try validator.validate(Data(document.utf8)) == [])
        // The validator does catch mistakes.
        let broken = document.replacingOccurrences(of: "\"version\" : \"2.1.0\"", with: "\"version\" : \"2.0\"")
        #expect(try !validator.validate(Data(broken.utf8)).isEmpty)
    }

    @Test("SARIF: rules, results, fingerprints and repository-relative locations")
    func sarifContent() throws {
        let reports = try Self.reports()
        let document = Self.sarif(reports + [Self.awkward])
        #expect(!document.contains("security-severity"))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count == TestSupport.builtInRuleSet.rules.count)
        #expect(rules.allSatisfy { ($0["properties"] as? [String: String])?["source"]?.isEmpty == false })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == reports.flatMap(\.diagnostics).count + 1)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            #expect((result["partialFingerprints"] as? [String: String])?["eqlint/v1"]?.count == 16)
        }
        let uris = results.compactMap {
            ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        #expect(uris.contains("examples/federation-2020-2024.md"))
        #expect(uris.contains("plans/a,b%3Ac%20d.md"))
    }

    // MARK: GitHub

    @Test("GitHub: every line is an exact workflow command")
    func githubSyntax() throws {
        let output = GitHubReporter().report(try Self.reports())
        let command = try NSRegularExpression(
            pattern: "^::(error|warning|notice) file=[^,:]+,line=\\d+,col=\\d+,endLine=\\d+,endColumn=\\d+,title=[a-z0-9-]+ \\((legal requirement|recommendation)\\)::[^\\r\\n]+$")
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let count = try Self.reports().flatMap(\.diagnostics).count
        #expect(lines.count == count)
        for line in lines {
            #expect(command.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil, "\(line)")
        }
        #expect(output.hasSuffix("\n"))
    }

    @Test("GitHub: %, CR and LF are escaped in messages; : and , too in properties")
    func githubEscaping() {
        #expect(GitHubReporter(notes: false).report([Self.awkward]) ==
            "::notice file=plans/a%2Cb%3Ac d.md,line=2,col=3,endLine=2,endColumn=9,title=objective-rationale (recommendation)"
            + "::100%25 <sure> & \"quoted\" 'single',%0D%0Anext: line\u{1}\n")
        // With notes (the default), the fix follows on a line of its own, escaped as the message is.
        let withFix = GitHubReporter().report([Self.awkward])
        #expect(withFix.hasSuffix("next: line\u{1}%0AHow to fix: \(Self.escapedHelp)\n"))
    }

    /// The awkward finding's help (plain text, nothing to escape).
    static var escapedHelp: String { awkward.diagnostics[0].help }

    // MARK: XML formats

    /// The elements of an XML document in order, with their attributes and text.
    final class XMLElements: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        static func parse(_ xml: String) throws -> XMLElements {
            let collector = XMLElements()
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = collector
            guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
            return collector
        }
    }

    @Test("JUnit: well-formed, a suite per plan, a case per rule, a failure per rule with findings")
    func junit() throws {
        let reports = try Self.reports()
        let rules = TestSupport.builtInRuleSet.rules.filter(\.enabled)
        let parsed = try XMLElements.parse(JUnitReporter(ruleSet: TestSupport.builtInRuleSet).report(reports))
        #expect(parsed.elements.first?.name == "testsuites")
        let suites = parsed.elements.filter { $0.name == "testsuite" }
        #expect(suites.map { $0.attributes["name"] } == reports.map(\.path))
        #expect(parsed.elements.filter { $0.name == "testcase" }.count == rules.count * reports.count)
        let failing = reports.map { Set($0.diagnostics.map(\.ruleID)).count }
        #expect(parsed.elements.filter { $0.name == "failure" }.count == failing.reduce(0, +))
        #expect(suites.map { Int($0.attributes["failures"] ?? "") } == failing)
        // The model plan: every case passes.
        let model = try #require(suites.first { $0.attributes["name"] == "examples/model-plan.md" })
        #expect(model.attributes["failures"] == "0" && model.attributes["tests"] == "\(rules.count)")
        // Special characters survive the round trip.
        let awkward = try XMLElements.parse(JUnitReporter(ruleSet: TestSupport.builtInRuleSet).report([Self.awkward]))
        #expect(awkward.elements.first { $0.name == "failure" }?.attributes["message"] == Self.awkward.diagnostics[0].message.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}"))
    }

    @Test("Checkstyle: well-formed, a file per plan, an error per finding")
    func checkstyle() throws {
        let reports = try Self.reports()
        let parsed = try XMLElements.parse(CheckstyleReporter().report(reports))
        #expect(parsed.elements.first?.name == "checkstyle")
        #expect(parsed.elements.first?.attributes["version"] == "4.3")
        #expect(parsed.elements.filter { $0.name == "file" }.map { $0.attributes["name"] } == reports.map(\.path))
        let errors = parsed.elements.filter { $0.name == "error" }
        let diagnostics = reports.flatMap(\.diagnostics)
        #expect(errors.count == diagnostics.count)
        for (element, diagnostic) in zip(errors, diagnostics) {
            #expect(element.attributes["line"] == "\(diagnostic.range.start.line)")
            #expect(element.attributes["column"] == "\(diagnostic.range.start.column)")
            #expect(element.attributes["severity"] == diagnostic.severity.rawValue)
            #expect(element.attributes["source"] == "eqlint.\(diagnostic.ruleID)")
            #expect(element.attributes["message"] == "\(diagnostic.message) (\(diagnostic.basis?.isLegal == true ? "legal requirement" : "recommendation"))\nHow to fix: \(diagnostic.help)")
        }
        let awkward = try XMLElements.parse(CheckstyleReporter().report([Self.awkward]))
        #expect(awkward.elements.first { $0.name == "file" }?.attributes["name"] == "plans/a,b:c d.md")
    }
}
