import EqlintKit
import Foundation
import Testing

/// Formats written plan by plan while a run goes on must read exactly as
/// the whole document does.
@Suite("Streaming reports")
struct StreamingReporterTests {
    /// Every registered format that streams, and each again as a terminal
    /// that shows colour and source lines would have it.
    static let reporters: [(String, any StreamingReporter)] = {
        var terminal = TestSupport.reporterContext
        terminal.color = true
        terminal.showSource = true
        return Reporters.all.flatMap { format in
            [(format.identifier, TestSupport.reporterContext), ("\(format.identifier) on a terminal", terminal)].compactMap { name, context in
                (format.init(context: context) as? any StreamingReporter).map { (name, $0) }
            }
        }
    }()

    @Test("a reporter says it streams exactly when it is a StreamingReporter")
    func streamingAsCast() {
        for format in Reporters.all {
            let reporter = format.init(context: TestSupport.reporterContext)
            #expect((reporter.streaming != nil) == (reporter is any StreamingReporter), "\(format.identifier)")
        }
        #expect(Reporters.all.contains { $0.init(context: TestSupport.reporterContext).streaming == nil })
    }

    @Test("head, parts and tail make the whole document, for no plans, clean plans and plans with findings")
    func sameDocument() throws {
        let all = try FormatTests.reports()
        let clean = all.filter(\.diagnostics.isEmpty)
        let withFindings = all.filter { !$0.diagnostics.isEmpty }
        #expect(!clean.isEmpty && withFindings.count >= 2)
        let cases: [[FileReport]] = [
            [], clean, [withFindings[0]], all, clean + withFindings + clean, [FormatTests.awkward] + all + [FormatTests.awkward],
        ]
        for (name, reporter) in Self.reporters {
            for files in cases {
                var stream = ReportStream(reporter)
                var streamed = stream.head()
                for file in files { streamed += stream.add(file) }
                streamed += stream.tail()
                #expect(streamed == reporter.report(files), "\(name), \(files.count) plans")
            }
        }
    }
}
