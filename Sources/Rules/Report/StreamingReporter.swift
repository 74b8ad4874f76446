/// A reporter whose document can be written plan by plan while a run goes
/// on: a head, a part for each plan, and a tail that may depend on the
/// whole run's summary. Written in order, they are exactly `report(_:)` of
/// all the plans, so a run need not keep its reports to print them.
public protocol StreamingReporter: Reporter {
    /// The start of the document.
    func head() -> String
    /// What one plan adds; `continuing` says whether an earlier part added
    /// anything (for separators between entries).
    func part(_ file: FileReport, continuing: Bool) -> String
    /// The end of the document, once every plan is in.
    func tail(_ summary: Summary) -> String
}

extension StreamingReporter {
    /// The whole document at once, from its head, parts and tail.
    public func streamedReport(_ files: [FileReport]) -> String {
        var stream = ReportStream(self)
        var out = stream.head()
        for file in files { out += stream.add(file) }
        return out + stream.tail()
    }
}

/// Writes a streaming reporter's document as reports arrive, keeping only
/// the summary.
public struct ReportStream {
    public let reporter: any StreamingReporter
    public private(set) var summary = Summary()
    private var continuing = false

    public init(_ reporter: any StreamingReporter) {
        self.reporter = reporter
    }

    public func head() -> String {
        reporter.head()
    }

    /// The text one more plan adds.
    public mutating func add(_ file: FileReport) -> String {
        summary.add(file)
        let text = reporter.part(file, continuing: continuing)
        if !text.isEmpty { continuing = true }
        return text
    }

    public func tail() -> String {
        reporter.tail(summary)
    }
}
