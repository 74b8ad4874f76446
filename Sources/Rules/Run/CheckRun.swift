/// One `eqlint check`: finds the plan files, reads and checks each.
public struct CheckRun: Sendable {
    public let linter: Linter

    public init(linter: Linter) {
        self.linter = linter
    }

    /// What a run produced: a report per plan, and what could not be read.
    public struct Outcome: Sendable {
        public var reports: [FileReport] = []
        public var errors: [InputError] = []
    }

    /// Checks the plans under `paths`; `-` stands for standard input, read
    /// with `readStandardInput` and named `standardInputName`.
    public func check(
        paths: [String], standardInputName: String = "<stdin>", readStandardInput: () -> [UInt8]
    ) -> Outcome {
        var outcome = Outcome()
        for path in paths {
            if path == "-" {
                record(Result { () throws(InputError) in try SourceFile(path: standardInputName, bytes: readStandardInput()) },
                       path: standardInputName, into: &outcome)
                continue
            }
            let found = PlanFinder.files(in: [path])
            outcome.errors += found.errors
            for file in found.files {
                record(Result { () throws(InputError) in try SourceFile.read(path: file) }, path: file, into: &outcome)
            }
        }
        return outcome
    }

    private func record(_ read: Result<SourceFile, InputError>, path: String, into outcome: inout Outcome) {
        switch read {
        case .success(let source):
            outcome.reports.append(FileReport(path: path, source: source, diagnostics: linter.lint(source)))
        case .failure(let error):
            outcome.errors.append(error)
        }
    }
}
