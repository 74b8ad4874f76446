import EqlintText
/// A reporter whose document can be written plan by plan while a run goes
/// on: a head, a part for each plan, and a tail that may depend on the
/// whole run's summary. Written in order, they are exactly `report(_:)` of
/// all the plans, so a run need not keep its reports to print them.
public protocol StreamingReporter: Reporter {
    /// The start of the document.
    func head() -> String
    /// What one plan adds, with no separator before it. A pure function of
    /// the report, so it may be made on any thread.
    func part(_ file: FileReport) -> String
    /// `part` as UTF-8, as a run writes it (by default `part`'s bytes; a
    /// reporter that writes bytes need not make a `String` of them).
    func partUTF8(_ file: FileReport) -> [UInt8]
    /// What goes between two parts that add something (`,` and a line break in JSON).
    var separator: String { get }
    /// The end of the document, once every plan is in.
    func tail(_ summary: Summary) -> String
}

extension StreamingReporter {
    public var streaming: (any StreamingReporter)? { self }

    public func partUTF8(_ file: FileReport) -> [UInt8] {
        Array(part(file).utf8)
    }

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

    /// The text one more plan adds; `part`, when given, is the reporter's
    /// part for it, made beforehand (on the thread that checked the plan).
    public mutating func add(_ file: FileReport, part: String? = nil) -> String {
        summary.add(file)
        let text = part ?? reporter.part(file)
        guard !text.isEmpty else { return "" }
        defer { continuing = true }
        return continuing ? reporter.separator + text : text
    }

    /// `add`'s text appended to `out` as UTF-8; `part`, when given, is the
    /// reporter's `partUTF8` for the plan, made beforehand (then the
    /// report's findings may be left out: `tally` counts them).
    public mutating func add(_ file: FileReport, tally: PlanTally, partUTF8 part: [UInt8]?, to out: inout [UInt8]) {
        summary.add(tally)
        let bytes = part ?? reporter.partUTF8(file)
        guard !bytes.isEmpty else { return }
        if continuing { out.append(utf8: reporter.separator) }
        continuing = true
        out += bytes
    }

    public func tail() -> String {
        reporter.tail(summary)
    }
}
