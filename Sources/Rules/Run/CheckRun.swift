import Foundation

/// One `eqlint check`: finds the plan files, works out each one's
/// configuration, then reads and checks the plans, on several threads, and
/// hands back what each produced in a fixed order: the order of the paths
/// given, and within a directory its files sorted by path. A parallel run
/// gives exactly what a serial one does.
///
/// Each plan is read, checked and dropped: only its findings (and the lines
/// they start on) are kept, so memory stays flat however many plans a run
/// checks.
public struct CheckRun {
    public var resolver: ConfigurationResolver
    /// How many plans to check at once (1: one after another).
    public var jobs: Int
    /// Whether reports keep the source lines findings start on (for `TextReporter`'s excerpts).
    public var keepsSourceLines: Bool
    /// Turns each report into output on the thread that checked the plan
    /// (a streaming reporter's part), so the printing thread only writes.
    public var render: (@Sendable (FileReport) -> String)?

    public init(resolver: ConfigurationResolver, jobs: Int = 1, keepsSourceLines: Bool = true) {
        self.resolver = resolver
        self.jobs = jobs
        self.keepsSourceLines = keepsSourceLines
    }

    /// The number of processors this process may run on: the default for `jobs`.
    public static var activeProcessorCount: Int { max(ProcessInfo.processInfo.activeProcessorCount, 1) }

    /// What checking one path or plan produced, in the order of the run.
    public enum Event: Sendable {
        /// A plan was read and checked; with `render`, its output too.
        case report(FileReport, rendered: String?)
        /// A path or plan could not be read, or held no plans.
        case error(InputError)
    }

    /// What a run produced: a report per plan, and the plans that could not be read.
    public struct Outcome: Sendable {
        public var reports: [FileReport] = []
        public var errors: [InputError] = []
    }

    /// Checks the plans under `paths` and returns every report at once (see
    /// `check(paths:standardInputName:readStandardInput:each:)`).
    public mutating func check(
        paths: [String], standardInputName: String = "<stdin>", readStandardInput: () throws(InputError) -> [UInt8]
    ) throws(RuleFileError) -> Outcome {
        var outcome = Outcome()
        try check(paths: paths, standardInputName: standardInputName, readStandardInput: readStandardInput) { event in
            switch event {
            case .report(let report, _): outcome.reports.append(report)
            case .error(let error): outcome.errors.append(error)
            }
        }
        return outcome
    }

    /// Checks the plans under `paths`, calling `each` with every report and
    /// error in order as soon as it is ready. `-` stands for standard input,
    /// read with `readStandardInput` and named `standardInputName`. A broken
    /// configuration or rule file stops the run before any plan is checked.
    public mutating func check(
        paths: [String], standardInputName: String = "<stdin>", readStandardInput: () throws(InputError) -> [UInt8],
        each: (Event) -> Void
    ) throws(RuleFileError) {
        let tasks = try plan(paths: paths, standardInputName: standardInputName, readStandardInput: readStandardInput)
        let keepsSourceLines = self.keepsSourceLines
        let render = self.render
        // More threads than this only cost memory, whatever was asked for.
        OrderedParallel.forEach(count: tasks.count, jobs: min(jobs, 256), work: { index in
            let event = tasks[index].run(keepsSourceLines: keepsSourceLines)
            guard let render, case .report(let report, _) = event else { return event }
            return .report(report, rendered: render(report))
        }, deliver: each)
    }

    /// Works out what to check, in order, and each plan's configuration.
    private mutating func plan(
        paths: [String], standardInputName: String, readStandardInput: () throws(InputError) -> [UInt8]
    ) throws(RuleFileError) -> [CheckTask] {
        var tasks: [CheckTask] = []
        for path in paths {
            if path == "-" {
                let context = try resolver.context(forFile: standardInputName)
                do throws(InputError) {
                    let bytes = try readStandardInput()
                    tasks.append(.standardInput(Result { () throws(InputError) in try SourceFile(path: standardInputName, bytes: bytes) },
                                                context: context))
                } catch {
                    tasks.append(.error(error))
                }
                continue
            }
            switch PlanFinder.find(path) {
            case .missing:
                tasks.append(.error(.missing(path: path)))
            case .file(let file):
                // A file named on the command line is always checked.
                tasks.append(.file(file, context: try resolver.context(forFile: file)))
            case .directory(let files, let unreadable):
                tasks += unreadable.map { .error(.unreadable(path: $0)) }
                var checked = 0
                for file in files {
                    let context = try resolver.context(forFile: file)
                    guard context.configuration.includes(absolutePath: resolver.absoluteFile(file)) else { continue }
                    tasks.append(.file(file, context: context))
                    checked += 1
                }
                // A run that checks nothing must not pass as if all were well.
                if checked == 0, unreadable.isEmpty { tasks.append(.error(.noPlans(path: path))) }
            }
        }
        return tasks
    }
}

/// One step of a run: check a plan file, check standard input, or report an error.
private enum CheckTask: Sendable {
    case file(String, context: LintContext)
    case standardInput(Result<SourceFile, InputError>, context: LintContext)
    case error(InputError)

    func run(keepsSourceLines: Bool) -> CheckRun.Event {
        switch self {
        case .error(let error):
            return .error(error)
        case .file(let path, let context):
            return Self.check(Result { () throws(InputError) in try SourceFile.read(path: path) }, context, keepsSourceLines)
        case .standardInput(let read, let context):
            return Self.check(read, context, keepsSourceLines)
        }
    }

    private static func check(_ read: Result<SourceFile, InputError>, _ context: LintContext, _ keepsSourceLines: Bool) -> CheckRun.Event {
        switch read {
        case .success(let source):
            let diagnostics = context.linter.lint(source)
            return .report(FileReport(
                path: source.path, diagnostics: diagnostics,
                sourceLines: keepsSourceLines ? FileReport.lines(of: diagnostics, in: source) : [:],
                failOn: context.configuration.failOn), rendered: nil)
        case .failure(let error):
            return .error(error)
        }
    }
}
