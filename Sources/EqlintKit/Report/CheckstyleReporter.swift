/// Checkstyle XML, read by Jenkins' warnings plugin and reviewdog:
/// `<checkstyle version="4.3"><file name="P"><error line column severity message source/></file></checkstyle>`.
/// The message carries the fix on a second line. Every plan checked has a `<file>` element, empty when the plan is clean.
public struct CheckstyleReporter: StreamingReporter {
    public static let identifier = "checkstyle"
    public static let description = "Checkstyle XML, for Jenkins' warnings plugin and reviewdog."

    /// Whether each finding's message carries its fix on a second line.
    public var notes: Bool

    public init(notes: Bool = true) {
        self.notes = notes
    }

    public init(context: ReporterContext) {
        self.init(notes: context.notes)
    }

    public func report(_ files: [FileReport]) -> String {
        streamedReport(files)
    }

    public func head() -> String {
        XMLText.declaration + "<checkstyle version=\"4.3\">\n"
    }

    public var separator: String { "" }

    public func part(_ file: FileReport) -> String {
        guard !file.diagnostics.isEmpty else {
            return "  <file name=\"\(XMLText.escape(file.path))\"/>\n"
        }
        var out = "  <file name=\"\(XMLText.escape(file.path))\">\n"
        for diagnostic in file.diagnostics {
            out += "    <error line=\"\(diagnostic.range.start.line)\" column=\"\(diagnostic.range.start.column)\""
                + " severity=\"\(diagnostic.severity.rawValue)\" message=\"\(XMLText.escape(Self.message(diagnostic, withFix: notes)))\""
                + " source=\"eqlint.\(XMLText.escape(diagnostic.ruleID))\"/>\n"
        }
        return out + "  </file>\n"
    }

    /// The message, saying whether it is a legal requirement or a recommendation, then the fix.
    static func message(_ diagnostic: Diagnostic, withFix: Bool) -> String {
        var finding = diagnostic
        finding.message += " (\(diagnostic.kind))"
        return finding.message(withFix: withFix)
    }

    public func tail(_ summary: Summary) -> String {
        "</checkstyle>\n"
    }
}
