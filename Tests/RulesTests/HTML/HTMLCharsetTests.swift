@testable import EqlintKit
@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// Web pages in Windows-1252 that say so (as Word's "Save as Web Page" and
/// older school websites write them) are read as a browser reads them, not
/// reported as text that is not UTF-8; every other page is read as before.
@Suite("Web pages in the encoding they declare")
struct HTMLCharsetTests {
    static let legacy = HTMLTestSupport.fixtures.appendingPathComponent("legacy")

    static func bytes(_ text: String, _ extra: [UInt8] = []) -> [UInt8] { Array(text.utf8) + extra }

    @Test("the declared charset, as browsers find it", arguments: [
        ("<meta charset=\"windows-1252\">", "windows-1252"),
        ("<META CHARSET=ISO-8859-1>", "iso-8859-1"),
        ("<meta charset='latin1' />", "latin1"),
        ("<meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\">", "windows-1252"),
        ("<meta content='text/html;charset=US-ASCII' http-equiv='content-type'>", "us-ascii"),
        ("<meta name=\"viewport\" content=\"width=device-width\">\n<meta charset = \"utf-8\">", "utf-8"),
    ])
    func declaredLabel(head: String, label: String) {
        #expect(HTMLCharset.declaredLabel(Self.bytes("<html><head>" + head + "<title>x</title>")) == label)
    }

    @Test("no declaration: none, or only after the first 1,024 bytes, or not in a <meta>")
    func noDeclaration() {
        #expect(HTMLCharset.declaredLabel(Self.bytes("<html><head><title>Equality</title></head>")) == nil)
        let late = "<html><head><!--" + String(repeating: "x", count: 1024) + "--><meta charset=windows-1252>"
        #expect(HTMLCharset.declaredLabel(Self.bytes(late)) == nil)
        #expect(HTMLCharset.declaredLabel(Self.bytes("<p>charset=windows-1252</p>")) == nil)
    }

    @Test("a page in Windows-1252 that says so: its quotes, dashes, pound signs and accents read as written")
    func transcoded() {
        let page = Self.bytes("<meta charset=windows-1252><p>Mrs O", [0x92]) + Self.bytes("Neill ", [0x96, 0x20, 0xA3])
            + Self.bytes("1,200 for the caf", [0xE9, 0x20, 0x85, 0x20, 0x81]) + Self.bytes("</p>")
        let read = String(decoding: HTMLCharset.utf8(page), as: UTF8.self)
        #expect(read == "<meta charset=windows-1252><p>Mrs O\u{2019}Neill \u{2013} \u{A3}1,200 for the caf\u{E9} \u{2026} \u{81}</p>")
        // One character for each byte: lines and columns stay where they were.
        #expect(read.unicodeScalars.count == page.count)
    }

    @Test("any other page is kept as it is", arguments: [
        // UTF-8 that declares Windows-1252: saved again as UTF-8, its old declaration left.
        bytes("<meta charset=windows-1252><p>Mrs O\u{2019}Neill</p>"),
        // Not UTF-8, but declaring UTF-8, or an encoding eqlint does not convert, or nothing.
        bytes("<meta charset=utf-8><p>Mrs O", [0x92, 0x4E]),
        bytes("<meta charset=iso-8859-15><p>Mrs O", [0x92, 0x4E]),
        bytes("<p>Mrs O", [0x92, 0x4E]),
        // A byte-order mark says UTF-8, whatever the page declares.
        [0xEF, 0xBB, 0xBF] + bytes("<meta charset=windows-1252><p>Mrs O", [0x92, 0x4E]),
    ])
    func keptAsItIs(page: [UInt8]) {
        #expect(HTMLCharset.utf8(page) == page)
    }

    /// Checks a page as eqlint loads it (through its reader).
    static func check(_ name: String) throws -> (source: SourceFile, diagnostics: [Diagnostic]) {
        let path = legacy.appendingPathComponent(name).path
        let source = try HTMLReader().load(path: path, displayPath: "html/legacy/\(name)")
        return (source, HTMLPlanTests.linter.lint(source))
    }

    @Test("a page as Word saves it, in Windows-1252: the findings of its UTF-8 twin, at the same lines and columns")
    func wordPage() throws {
        let raw = try Data(contentsOf: Self.legacy.appendingPathComponent("word-filtered.html"))
        #expect(!UTF8Repair.isValid(Array(raw)), "the fixture is Windows-1252 (see scripts/make-html-fixtures)")
        let page = try Self.check("word-filtered.html")
        let twin = try Self.check("word-filtered-utf8.html")
        #expect(page.source.invalidUTF8 == nil)
        #expect(!page.diagnostics.contains { $0.ruleID == Diagnostic.invalidUTF8RuleID })
        func described(_ diagnostics: [Diagnostic]) -> [String] {
            diagnostics.map { "\($0.range) \($0.ruleID) \($0.message) \($0.faultText)" }
        }
        #expect(described(page.diagnostics) == described(twin.diagnostics))
        let report = FileReport(path: page.source.path, source: page.source, diagnostics: page.diagnostics)
        assertSnapshot(TextReporter(showSource: true).report([report]), named: "html/word-filtered.html.source.txt")
        let plan = HTMLPlanTests.linter.parser.parse(page.source)
        #expect(plan.objectives.map { $0.entries(of: "lead").map(\.text) } == [
            ["Mrs Si\u{E2}n O\u{2019}Neill, English Lead"], ["Mr Jos\u{E9} Fern\u{E1}ndez, Deputy Headteacher"],
        ])
    }

    @Test("a page that is not UTF-8 and does not say what it is still gets its invalid-utf8 error")
    func undeclared() throws {
        let folder = try TemporaryFolder.make("html-charset")
        let file = folder.appendingPathComponent("page.html")
        try Data(Self.bytes("<h1>Equality Objectives 2025", [0x96]) + Self.bytes("2028</h1>")).write(to: file)
        let source = try HTMLReader().load(path: file.path, displayPath: "page.html")
        #expect(source.invalidUTF8?.byte == 0x96)
    }
}
