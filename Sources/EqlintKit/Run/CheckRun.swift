import EqlintPlan
import EqlintText
import Foundation
import Rules

/// One `eqlint check`: finds the plan files, works out each one's
/// configuration, then reads and checks the plans, on several threads, and
/// hands back what each produced in a fixed order: the order of the paths
/// given, and within a directory its files sorted by path. A parallel run
/// gives exactly what a serial one does.
///
/// A trust's pattern stopped on one plan (too slow) is skipped on every
/// later plan in that order and on no earlier one (see `PatternStops`): a
/// plan is checked knowing the stops of the plans delivered before it
/// started, and if it ran a pattern that a plan before it, checked at the
/// same time, stopped, it is checked again before it is delivered.
///
/// Each plan is read, checked and dropped: only its findings (and the lines
/// they start on) are kept, so memory stays flat however many plans a run
/// checks.
public struct CheckRun {
    public var resolver: ConfigurationResolver
    /// How many plans to check at once (1: one after another); nil: one per
    /// active processor, asked only when there is more than one plan.
    public var jobs: Int?
    /// Whether reports keep the source lines findings start on (for `TextReporter`'s excerpts).
    public var keepsSourceLines: Bool
    /// Turns each report into output, as UTF-8, on the thread that checked
    /// the plan (a streaming reporter's part), so the printing thread only writes.
    public var render: (@Sendable (FileReport) -> [UInt8])?
    /// The least severe finding kept; those below it are dropped as each plan is checked.
    public var minimumSeverity = Severity.info
    /// Whether a report handed back keeps its findings once `render` has
    /// made its output. A run that only streams output and counts needs
    /// none of them: each plan's findings are then freed on the thread that
    /// made them, and its report carries the tally alone. (Freed on the
    /// delivering thread instead, they cost a two-job run 5–8% of its time:
    /// memory one thread allocated, another frees.)
    public var keepsFindings = true
    /// `--fix` or `--diff`: fix each plan first (see `PlanFixer`); nil: only check.
    public var fixMode: FixMode?
    /// Of a plan's findings (its path as given, its findings), those the run
    /// reports, whose fixes `--fix` applies: a baseline leaves some out.
    public var reported: @Sendable (_ path: String, _ diagnostics: [Diagnostic]) -> [Diagnostic] = { $1 }

    public init(resolver: ConfigurationResolver, jobs: Int? = 1, keepsSourceLines: Bool = true) {
        self.resolver = resolver
        self.jobs = jobs
        self.keepsSourceLines = keepsSourceLines
    }

    /// The number of processors this process may run on: the default for `jobs`.
    public static var activeProcessorCount: Int { max(ProcessInfo.processInfo.activeProcessorCount, 1) }

    /// What checking one path or plan produced, in the order of the run.
    public enum Event: Sendable {
        /// A plan was read and checked: its report, its findings counted
        /// (made on the thread that checked it), and with `render` its
        /// output. With `render` and not `keepsFindings`, the report's
        /// findings are left out: the tally counts them.
        case report(FileReport, tally: PlanTally, rendered: [UInt8]?)
        /// A path or plan could not be read, or held no plans.
        case error(InputError)
        /// A file a folder search found (named `.md`) is binary, not a plan:
        /// skipped with a warning, as it was never asked for by name.
        case skippedBinary(path: String)
        /// A README, changelog or licence a folder search found, with no
        /// objectives in it: not a plan, so not reported.
        case skippedNotAPlan(path: String)
    }

    /// What a run produced: a report per plan, the plans that could not be
    /// read, and the binary files a folder search skipped.
    public struct Outcome: Sendable {
        public var reports: [FileReport] = []
        public var errors: [InputError] = []
        public var skippedBinaryFiles: [String] = []
        public var skippedNotPlans: [String] = []
    }

    /// Checks the plans under `paths` and returns every report at once (see
    /// `check(paths:standardInputName:readStandardInput:each:)`).
    public mutating func check(
        paths: [String], standardInputName: String = "<stdin>", readStandardInput: () throws(InputError) -> [UInt8]
    ) throws(RuleFileError) -> Outcome {
        var outcome = Outcome()
        try check(paths: paths, standardInputName: standardInputName, readStandardInput: readStandardInput) { event in
            switch event {
            case .report(let report, _, _): outcome.reports.append(report)
            case .error(let error): outcome.errors.append(error)
            case .skippedBinary(let path): outcome.skippedBinaryFiles.append(path)
            case .skippedNotAPlan(let path): outcome.skippedNotPlans.append(path)
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
        let handing = HandingBack(keepsSourceLines: keepsSourceLines, minimumSeverity: minimumSeverity,
                                  render: render, keepsFindings: keepsFindings)
        let minimumSeverity = self.minimumSeverity
        let reported = self.reported
        let fixing = fixMode.map { mode in
            Fixing(mode: mode) { path, diagnostics in reported(path, diagnostics.filter { $0.severity >= minimumSeverity }) }
        }
        // Events come in task order, so the binary files a folder search skipped can be counted as they pass.
        var delivered = 0
        var skippedInFolder = 0
        let stops = RunPatternStops()
        @Sendable func run(_ index: Int, stoppedEarlier: Set<String>) -> CheckTask.Outcome {
            tasks[index].run(handing: handing, stoppedEarlier: stoppedEarlier, fixing: fixing)
        }
        // One plan (an editor checking on save) needs no thread, so the processors are not counted;
        // more threads than 256 only cost memory, whatever was asked for.
        let threads = tasks.count < 2 ? 1 : min(jobs ?? Self.activeProcessorCount, 256)
        OrderedParallel.forEach(count: tasks.count, jobs: threads, work: { index in
            run(index, stoppedEarlier: stops.known)
        }, deliver: { outcome in
            defer { delivered += 1 }
            // Every plan before this one is delivered: their stops are all known.
            let stoppedBefore = stops.known
            var outcome = outcome
            if !outcome.patternsRun.isDisjoint(with: stoppedBefore) { outcome = run(delivered, stoppedEarlier: stoppedBefore) }
            stops.add(outcome.patternsStopped)
            let event = outcome.event
            each(event)
            guard case .file(_, _, let folder?) = tasks[delivered] else { return }
            switch event {
            case .skippedBinary, .skippedNotAPlan: skippedInFolder += 1
            default: break
            }
            guard folder.isLast else { return }
            // A folder whose every plan was a binary file (or no plan) checked nothing: not a pass.
            if skippedInFolder == folder.count { each(.error(.noPlans(path: folder.path))) }
            skippedInFolder = 0
        })
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
                    let source = try SourceFile(path: standardInputName, bytes: try readStandardInput())
                    tasks.append(.standardInput(source, context: context))
                } catch {
                    tasks.append(.error(error))
                }
                continue
            }
            switch PlanFinder.find(path, noting: ConfigurationResolver.discoveryNames) {
            case .missing:
                tasks.append(.error(.missing(path: path)))
            case .file(let file):
                // A file named on the command line is always checked.
                tasks.append(.file(file, context: try resolver.context(forFile: file), folder: nil))
            case .directory(let files, let folders, let unreadable):
                tasks += unreadable.map { .error(.unreadable(path: $0)) }
                var included: [(String, LintContext)] = []
                // The search goes through no link to a folder: a plain file's absolute path is the folder's and the rest of its own.
                let absoluteFolder = resolver.absolute(path)
                resolver.noteListed(folders, foundIn: path, absoluteFolder: absoluteFolder)
                for file in files {
                    let absolute = (file.isLink ? nil : Paths.path(file.path, foundIn: path, absoluteFolder: absoluteFolder))
                        ?? resolver.absoluteFile(file.path)
                    let context = try resolver.context(forAbsoluteFile: absolute)
                    guard context.configuration.includes(absolutePath: absolute) else { continue }
                    included.append((file.path, context))
                }
                let checked = included.count
                for (index, (file, context)) in included.enumerated() {
                    let folder = FolderSearch(path: path, count: unreadable.isEmpty ? checked : -1, isLast: index == checked - 1)
                    tasks.append(.file(file, context: context, folder: folder))
                }
                // A run that checks nothing must not pass as if all were well.
                if checked == 0, unreadable.isEmpty { tasks.append(.error(.noPlans(path: path))) }
            }
        }
        return tasks
    }
}

/// The folder search a plan file came from: the folder as given, how many
/// plans it found to check (-1 when some of it could not be read, so an
/// empty result is already reported), and whether this is the last of them.
private struct FolderSearch: Sendable {
    var path: String
    var count: Int
    var isLast: Bool
}

/// What a run keeps of each plan's report, and makes of it on the thread
/// that checked the plan (see `CheckRun`'s properties of the same names).
private struct HandingBack: Sendable {
    var keepsSourceLines: Bool
    var minimumSeverity: Severity
    var render: (@Sendable (FileReport) -> [UInt8])?
    var keepsFindings: Bool

    /// The event handed back for a plan's report: findings below the
    /// minimum severity dropped, the rest counted and rendered, and then
    /// dropped too when the run does not keep them.
    func event(for report: FileReport) -> CheckRun.Event {
        var report = report
        if minimumSeverity > .info { report.diagnostics.removeAll { $0.severity < minimumSeverity } }
        let tally = PlanTally(report)
        let rendered = render?(report)
        if rendered != nil, !keepsFindings {
            report.diagnostics = []
            report.sourceLines = [:]
        }
        return .report(report, tally: tally, rendered: rendered)
    }
}

/// What a run fixes, and which findings it reports (see `CheckRun.reported`).
private struct Fixing: Sendable {
    var mode: FixMode
    var reported: @Sendable (String, [Diagnostic]) -> [Diagnostic]
}

/// One step of a run: check a plan file, check standard input, or report an error.
private enum CheckTask: Sendable {
    /// A plan file, and the folder search that found it (nil: named on the command line).
    case file(String, context: LintContext, folder: FolderSearch?)
    case standardInput(SourceFile, context: LintContext)
    case error(InputError)

    /// What one step produced, and which of the trust's patterns it ran and stopped.
    struct Outcome: Sendable {
        var event: CheckRun.Event
        var patternsRun: Set<String> = []
        var patternsStopped: Set<String> = []
    }

    /// Runs the step, skipping the patterns earlier plans stopped.
    func run(handing: HandingBack, stoppedEarlier: Set<String>, fixing: Fixing? = nil) -> Outcome {
        switch self {
        case .error(let error):
            return Outcome(event: .error(error))
        case .file(let path, let context, let folder):
            let stops = PatternStops(path: path, stoppedEarlier: stoppedEarlier)
            let parser = context.linter.parser(stoppingIn: stops)
            func outcome(_ event: CheckRun.Event) -> Outcome {
                Outcome(event: event, patternsRun: stops.keysRun, patternsStopped: stops.keysStoppedHere)
            }
            // The reader for the file's format loads it: a .docx is converted, and its conversion checked.
            // (No `Result` holds what was read: its metadata, made on first use, costs ~235,000 instructions.)
            let source: SourceFile
            do throws(InputError) {
                source = try parser.load(path: path)
            } catch {
                if folder != nil, case .binary(let path) = error { return outcome(.skippedBinary(path: path)) }
                return outcome(.error(error))
            }
            if folder != nil, PlanFinder.isProjectDocument(path), parser.parse(source).objectives.isEmpty {
                return outcome(.skippedNotAPlan(path: path))
            }
            return outcome(handing.event(for: Self.check(source, context, handing.keepsSourceLines, stops: stops, fixing: fixing, path: path)))
        case .standardInput(let source, let context):
            let stops = PatternStops(path: source.path, stoppedEarlier: stoppedEarlier)
            return Outcome(event: handing.event(for: Self.check(source, context, handing.keepsSourceLines, stops: stops,
                                                                fixing: fixing, path: nil)),
                           patternsRun: stops.keysRun, patternsStopped: stops.keysStoppedHere)
        }
    }

    private static func check(_ source: SourceFile, _ context: LintContext, _ keepsSourceLines: Bool,
                              stops: PatternStops, fixing: Fixing?, path: String?) -> FileReport {
        var source = source
        var fixReport: FixReport?
        if let fixing {
            let name = source.path
            (source, fixReport) = PlanFixer.fix(source, path: path, linter: context.linter, mode: fixing.mode) { fixing.reported(name, $0) }
        }
        let checked = context.linter.check(source, stops: stops)
        var report = FileReport(
            path: source.path, diagnostics: checked.diagnostics,
            sourceLines: keepsSourceLines ? FileReport.lines(of: checked.diagnostics, in: source) : [:],
            failOn: context.configuration.failOn)
        report.stoppedPatterns = checked.stoppedPatterns
        report.synopsis = checked.synopsis
        report.fix = fixReport
        return report
    }
}
