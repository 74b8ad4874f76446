import Foundation
import Testing

/// `--format html` in a real browser: headless Chromium renders the page
/// eqlint writes for the examples and a plan full of markup, and prints it
/// to PDF, whose text pdftotext reads back. `.ci/run` installs chromium and
/// poppler-utils when they are missing; elsewhere these tests are skipped,
/// saying so, when chromium is not installed.
@Suite("HTML report in a browser")
struct HTMLReportBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/local/bin/chromium"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let skipMessage: Comment = "chromium is not installed (apt-get install chromium; .ci/run installs it)"

    static let hostilePlan = "Tests/RulesTests/Fixtures/report/hostile-plan.md"
    static let today = ["--today", "2026-11-23"]

    /// The page for the examples and the hostile plan, and the same run's findings as JSON.
    static func report() throws -> (page: URL, diagnostics: [[String: Any]]) {
        let folder = try TemporaryFolder.make("html-report")
        let page = folder.appendingPathComponent("report.html"), json = folder.appendingPathComponent("report.json")
        let html = try CLITests.run(["check"] + today + ["--format", "html", "--output", page.path, "examples", hostilePlan])
        #expect(html.status == 1)
        #expect(html.stdout.contains(": error: "), "the terminal gets the text format")
        _ = try CLITests.run(["check"] + today + ["--format", "json", "--output", json.path, "examples", hostilePlan])
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        return (page, document?["diagnostics"] as? [[String: Any]] ?? [])
    }

    /// Runs headless Chromium on a page with a fresh profile, for at most
    /// `timeout` seconds; its standard output.
    static func chromium(_ arguments: [String], page: URL, timeout: TimeInterval = 120) throws -> String {
        let profile = try TemporaryFolder.make("chromium-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        let output = profile.appendingPathComponent("stdout.txt")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: output.path])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)"] + arguments + [page.absoluteString]
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            Issue.record("chromium took more than \(Int(timeout)) seconds")
        }
        process.waitUntilExit()
        try handle.close()
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }

    /// Text as a browser serialises it in the DOM.
    static func serialised(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\u{A0}", with: "&nbsp;")
    }

    @Test("the rendered page has every finding, a full matrix, and nothing from a plan as markup",
          .enabled(if: chromium != nil, skipMessage))
    func renderedDOM() throws {
        let (page, diagnostics) = try Self.report()
        let dom = try Self.chromium(["--dump-dom"], page: page)
        #expect(dom.contains("<h1>Equality objectives: what eqlint found</h1>"))
        // The hostile plan's script did not run: the title is eqlint's.
        #expect(dom.contains("<title>Equality objectives: what eqlint found</title>"))
        #expect(!diagnostics.isEmpty)
        #expect(dom.components(separatedBy: "<li class=\"finding ").count - 1 == diagnostics.count)
        for diagnostic in diagnostics {
            let message = diagnostic["message"] as? String ?? ""
            #expect(dom.contains(Self.serialised(message)), "\(message)")
        }
        // No element or attribute from a plan's text: the page's elements and attributes are eqlint's own.
        let tags = dom.matches(of: /<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/)
        let elements = Set(tags.map { String($0.1).lowercased() })
        let allowed: Set<String> = ["html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "a",
                                    "strong", "main", "section", "table", "caption", "thead", "tbody", "tr", "th", "td", "span",
                                    "br", "ol", "li", "q", "footer", "code"]
        #expect(elements.isSubset(of: allowed), "\(elements.subtracting(allowed))")
        let attributes = Set(tags.flatMap { tag in
            String(tag.2).replacing(/"[^"]*"/, with: "\"\"").matches(of: /([a-zA-Z-]+)=/).map { String($0.1) }
        })
        let allowedAttributes: Set<String> = ["lang", "charset", "name", "content", "class", "id", "href", "scope",
                                              "aria-labelledby", "aria-hidden"]
        #expect(attributes.isSubset(of: allowedAttributes), "\(attributes.subtracting(allowedAttributes))")
        // The plan's markup is there as text.
        #expect(dom.contains("St &lt;script&gt;alert('school')&lt;/script&gt; &amp; \"Quotes\" School"))
        #expect(dom.contains("onerror=alert('title')"))
        // The matrix: every cell has a mark and a word.
        let rows = dom.matches(of: /<tr><th scope="row">[^<]*<\/th>((?:<td[^>]*>.*?<\/td>)+)<\/tr>/)
        #expect(rows.count >= 20)
        for row in rows {
            let cells = String(row.1).matches(of: /<td class="(met|absent|weak|unchecked)"><span class="mark" aria-hidden="true">(✓|✗|!|–)<\/span> (Yes|Missing|No|No criteria|Needs work|Not checked)<\/td>/)
            #expect(cells.count == 7, "\(row.1)")
        }
        // A plan that passes, and one that does not, with their verdicts in words.
        #expect(dom.contains("✓ Meets the legal requirements"))
        #expect(dom.contains("✗ Does not meet 3 legal requirements"))
    }

    @Test("printed to PDF on A4, the summary first, the text reads back",
          .enabled(if: chromium != nil && pdftotext != nil, skipMessage))
    func printed() throws {
        let (page, _) = try Self.report()
        let pdf = page.deletingLastPathComponent().appendingPathComponent("report.pdf")
        _ = try Self.chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"], page: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.pdftotext!)
        process.arguments = [pdf.path, "-"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for words in ["Summary", "Meets the legal requirements", "Does not meet", "Brookfield Primary School",
                      "Spixworth Infant School", "Each objective at a glance", "What to do:", "Where it comes from:",
                      "St <script>alert('school')</script> & \"Quotes\" School"] {
            #expect(text.contains(words), "\(words)")
        }
        // On paper as on screen, the summary comes first.
        let summary = try #require(text.range(of: "Summary"))
        let matrix = try #require(text.range(of: "Each objective at a glance"))
        #expect(summary.lowerBound < matrix.lowerBound)
        // A4 pages: 595 x 842 points.
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        #expect(bytes.contains("/MediaBox [0 0 594.95996 841.91998]"), "A4")
    }

    @Test("a screenshot of the examples' report (docs/html-report.png, re-recorded with EQLINT_RECORD_SNAPSHOTS=1)",
          .enabled(if: chromium != nil, skipMessage))
    func screenshot() throws {
        let folder = try TemporaryFolder.make("html-report")
        let page = folder.appendingPathComponent("examples.html")
        _ = try CLITests.run(["check"] + Self.today + ["--format", "html", "--output", page.path, "examples"])
        let png = folder.appendingPathComponent("shot.png")
        _ = try Self.chromium(["--hide-scrollbars", "--window-size=1200,1500", "--screenshot=\(png.path)"], page: page)
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        if ProcessInfo.processInfo.environment["EQLINT_RECORD_SNAPSHOTS"] == "1" {
            try data.write(to: CLITests.packageRoot.appendingPathComponent("docs/html-report.png"))
        }
    }

    @Test("the README shows the screenshot, and .ci/run installs what these tests need")
    func documented() throws {
        let readme = try String(contentsOf: CLITests.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("](docs/html-report.png)"))
        #expect(FileManager.default.fileExists(atPath: CLITests.packageRoot.appendingPathComponent("docs/html-report.png").path))
        let ci = try String(contentsOf: CLITests.packageRoot.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(ci.contains("command -v chromium") && ci.contains("missing+=(chromium)"))
        #expect(ci.contains("missing+=(poppler-utils)"))
    }
}
