import Rules

/// The output formats of `eqlint check`: the one list of them.
///
/// `--format` takes the identifiers here, `eqlint check --help` lists them
/// with their descriptions, an unknown `--format` is answered from them, and
/// the tests go through them all (golden output of the examples, streaming,
/// the README's Output table, every format from the command line).
public enum Reporters {
    /// Every registered reporter, in the order `--help` lists them; the first is the default.
    ///
    /// To add a format, write its reporter in one new file in
    /// `Sources/Rules/Report/` (a type conforming to `Reporter`, or to
    /// `StreamingReporter` if it can be written plan by plan), and add the
    /// type here. Nothing else lists formats. The tests then ask for what
    /// the format still needs: its golden output of each example (recorded
    /// in `Tests/RulesTests/Snapshots/` on the first run, to be checked), a
    /// row in the README's table of formats and its name in the README's
    /// `--format FORMAT` option; `--help` lists it by itself.
    public static let all: [any Reporter.Type] = [
        TextReporter.self,
        JSONReporter.self,
        SARIFReporter.self,
        GitHubReporter.self,
        JUnitReporter.self,
        CheckstyleReporter.self,
        HTMLReporter.self,
    ]

    /// The format used when none is asked for.
    public static var `default`: any Reporter.Type { all[0] }

    /// The identifiers `--format` takes, in order.
    public static var identifiers: [String] { all.map { $0.identifier } }

    /// The reporter type whose identifier is `name`.
    public static func named(_ name: String) throws(UnknownFormatError) -> any Reporter.Type {
        guard let format = all.first(where: { $0.identifier == name }) else {
            throw UnknownFormatError(name: name, known: identifiers, suggestion: Spelling.closest(to: name, in: identifiers))
        }
        return format
    }
}
