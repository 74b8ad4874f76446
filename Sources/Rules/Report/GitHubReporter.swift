import Foundation

/// GitHub Actions workflow commands, which show each finding as an
/// annotation on the pull request:
/// `::error file=P,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::message`
/// (`::warning`, and `::notice` for info).
public struct GitHubReporter: Reporter {
    public init() {}

    public func report(_ files: [FileReport]) -> String {
        files.flatMap(\.diagnostics).map { diagnostic in
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            let range = diagnostic.range
            let properties = [
                "file=\(Self.escapeProperty(diagnostic.path))",
                "line=\(range.start.line)", "col=\(range.start.column)",
                "endLine=\(range.end.line)", "endColumn=\(range.end.column)",
                "title=\(Self.escapeProperty(diagnostic.ruleID))",
            ]
            return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(diagnostic.message))\n"
        }.joined()
    }

    /// A command's message: `%`, CR and LF are encoded.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value: as the message, and `:` and `,` too.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
