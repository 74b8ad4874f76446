/// Checkstyle XML, read by Jenkins' warnings plugin and reviewdog:
/// `<checkstyle version="4.3"><file name="P"><error line column severity message source/></file></checkstyle>`.
/// Every plan checked has a `<file>` element, empty when the plan is clean.
public struct CheckstyleReporter: Reporter {
    public init() {}

    public func report(_ files: [FileReport]) -> String {
        var out = XMLText.declaration + "<checkstyle version=\"4.3\">\n"
        for file in files {
            guard !file.diagnostics.isEmpty else {
                out += "  <file name=\"\(XMLText.escape(file.path))\"/>\n"
                continue
            }
            out += "  <file name=\"\(XMLText.escape(file.path))\">\n"
            for diagnostic in file.diagnostics {
                out += "    <error line=\"\(diagnostic.range.start.line)\" column=\"\(diagnostic.range.start.column)\""
                    + " severity=\"\(diagnostic.severity.rawValue)\" message=\"\(XMLText.escape(diagnostic.message))\""
                    + " source=\"eqlint.\(XMLText.escape(diagnostic.ruleID))\"/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
