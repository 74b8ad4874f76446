/// GitHub Actions workflow commands, which show each finding as an
/// annotation on the pull request:
/// `::error file=P,line=L,col=C,endLine=EL,endColumn=EC,title=RULE (KIND)::message`, KIND saying legal requirement or recommendation
/// (`::warning`, and `::notice` for info). The fix follows the message on
/// a line of its own.
public struct GitHubReporter: StreamingReporter {
    public static let identifier = "github"
    public static let description = "GitHub Actions workflow commands: each finding an annotation on the pull request."

    /// Whether each finding's message carries its fix on a second line.
    public var notes: Bool

    public init(notes: Bool = true) {
        self.notes = notes
    }

    public init(context: ReporterContext) {
        self.init(notes: context.notes)
    }

    // Streaming: one line per finding, nothing around them.
    public func head() -> String { "" }
    public func part(_ file: FileReport) -> String { report([file]) }
    public var separator: String { "" }
    public func tail(_ summary: Summary) -> String { "" }

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
                "title=\(Self.escapeProperty("\(diagnostic.ruleID) (\(diagnostic.kind))"))",
            ]
            return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(diagnostic.message(withFix: notes)))\n"
        }.joined()
    }

    /// A command's message: `%`, CR and LF are encoded.
    static func escapeData(_ text: String) -> String {
        escape(text, alsoSeparators: false)
    }

    /// A property value: as the message, and `:` and `,` too.
    static func escapeProperty(_ text: String) -> String {
        escape(text, alsoSeparators: true)
    }

    private static func escape(_ text: String, alsoSeparators: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x25: out += Array("%25".utf8)
            case 0x0D: out += Array("%0D".utf8)
            case 0x0A: out += Array("%0A".utf8)
            case 0x3A where alsoSeparators: out += Array("%3A".utf8)
            case 0x2C where alsoSeparators: out += Array("%2C".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
