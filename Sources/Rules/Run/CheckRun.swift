import Foundation

/// One `eqlint check`: finds the plan files, works out each one's
/// configuration, reads and checks it.
public struct CheckRun {
    public var resolver: ConfigurationResolver

    public init(resolver: ConfigurationResolver) {
        self.resolver = resolver
    }

    /// What a run produced: a report per plan, the plans that could not be
    /// read, the binary files a folder search found (named `.md`, but no
    /// plans: skipped, with a warning), and the rule patterns that had to be stopped.
    public struct Outcome: Sendable {
        public var reports: [FileReport] = []
        public var errors: [InputError] = []
        public var skippedBinaryFiles: [String] = []
        public var stoppedPatterns: [StoppedPattern] = []
    }

    /// Checks the plans under `paths`; `-` stands for standard input, read
    /// with `readStandardInput` and named `standardInputName`. A broken
    /// configuration or rule file stops the run.
    public mutating func check(
        paths: [String], standardInputName: String = "<stdin>", readStandardInput: () throws(InputError) -> [UInt8]
    ) throws(RuleFileError) -> Outcome {
        var outcome = Outcome()
        for path in paths {
            if path == "-" {
                let context = try resolver.context(forFile: standardInputName)
                record(Result { () throws(InputError) in try SourceFile(path: standardInputName, bytes: try readStandardInput()) },
                       context: context, into: &outcome)
                continue
            }
            switch PlanFinder.find(path) {
            case .missing:
                outcome.errors.append(.missing(path: path))
            case .file(let file):
                // A file named on the command line is always checked.
                record(Result { () throws(InputError) in try SourceFile.read(path: file) },
                       context: try resolver.context(forFile: file), into: &outcome)
            case .directory(let files, let unreadable):
                outcome.errors += unreadable.map { .unreadable(path: $0) }
                var checked = 0
                for file in files {
                    let context = try resolver.context(forFile: file)
                    guard context.configuration.includes(absolutePath: resolver.absolute(file)) else { continue }
                    let skipped = outcome.skippedBinaryFiles.count
                    record(Result { () throws(InputError) in try SourceFile.read(path: file) }, context: context, into: &outcome,
                           found: true)
                    if outcome.skippedBinaryFiles.count == skipped { checked += 1 }
                }
                // A run that checks nothing must not pass as if all were well.
                if checked == 0, unreadable.isEmpty { outcome.errors.append(.noPlans(path: path)) }
            }
        }
        return outcome
    }

    /// - Parameter found: whether a folder search found the file; a binary
    ///   file it found is skipped, not an error (it was never asked for).
    private func record(_ read: Result<SourceFile, InputError>, context: LintContext, into outcome: inout Outcome,
                        found: Bool = false) {
        switch read {
        case .success(let source):
            let checked = context.linter.check(source)
            outcome.reports.append(FileReport(
                path: source.path, source: source, diagnostics: checked.diagnostics,
                failOn: context.configuration.failOn))
            // A stopped pattern is not run again, so it is reported once, where it was stopped.
            for stop in checked.stoppedPatterns where !outcome.stoppedPatterns.contains(where: { $0.key == stop.key }) {
                outcome.stoppedPatterns.append(stop)
            }
        case .failure(.binary(let path)) where found:
            outcome.skippedBinaryFiles.append(path)
        case .failure(let error):
            outcome.errors.append(error)
        }
    }
}
