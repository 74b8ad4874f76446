/// Turns the reports of a run into text for one consumer: an output format
/// of `eqlint check`. `report(_:)` is a pure function.
///
/// Each reporter type registers itself: it names its format (`identifier`,
/// what `--format` takes), says in one line what the format is (for
/// `eqlint check --help`), and builds itself from what a run knows (a
/// `ReporterContext`). `Reporters.all` lists the registered types; see there
/// for how to add a format.
public protocol Reporter: Sendable {
    /// The name `--format` takes, such as `sarif`: lowercase, unique among `Reporters.all`.
    static var identifier: String { get }
    /// What the format is and who reads it, in one short line for `eqlint check --help`.
    static var description: String { get }
    /// The reporter as a run of `eqlint check` makes it.
    init(context: ReporterContext)

    /// The whole document for the plans of a run, in order.
    func report(_ files: [FileReport]) -> String

    /// The reporter as a `StreamingReporter` if it is one (else nil): asked
    /// through the protocol, not with `as?`, whose first use scans every
    /// protocol conformance in the binary (~430,000 instructions).
    var streaming: (any StreamingReporter)? { get }
}

extension Reporter {
    public var streaming: (any StreamingReporter)? { nil }
}
