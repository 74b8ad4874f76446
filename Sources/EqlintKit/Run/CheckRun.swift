import EqlintPlan
import EqlintText
import Foundation
import Rules

/// One `eqlint check`: finds the plan files and works out each one's
/// configuration, while other threads already read and check the first
/// plans found, and hands back what each produced in a fixed order: the
/// order of the paths given, and within a directory its files sorted by
/// path. A parallel run gives exactly what a serial one does.
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
    /// configuration or rule file stops the run before any plan is reported
    /// (or, with `fixMode`, fixed).
    ///
    /// The first plans a folder search finds are checked while it goes on
    /// (on a machine with two processors, searching 2,751 folders for 10,000
    /// plans took about 45 ms of a 1.4 s run, one processor idle meanwhile).
    public mutating func check(
        paths: [String], standardInputName: String = "<stdin>", readStandardInput: () throws(InputError) -> [UInt8],
        each: (Event) -> Void
    ) throws(RuleFileError) {
        let handing = HandingBack(keepsSourceLines: keepsSourceLines, minimumSeverity: minimumSeverity,
                                  render: render, keepsFindings: keepsFindings)
        let minimumSeverity = self.minimumSeverity
        let reported = self.reported
        let fixing = fixMode.map { mode in
            Fixing(mode: mode) { path, diagnostics in reported(path, diagnostics.filter { $0.severity >= minimumSeverity }) }
        }
        let stops = RunPatternStops()
        var searches: [FolderSearch] = []
        // Events come in task order, so the binary files a folder search skipped can be counted as they pass.
        var skippedInFolder = 0
        // One plan (an editor checking on save) needs no thread, so the processors are not counted;
        // more threads than 256 only cost memory, whatever was asked for.
        let jobs = self.jobs
        // Fixing writes plans: none is fixed before every configuration is known to be sound.
        try OrderedParallel.forEach(jobs: min(jobs ?? Self.activeProcessorCount, 256), overlapping: fixing == nil,
                                    produce: { (add: (CheckTask) -> Void) throws(RuleFileError) in
            try plan(paths: paths, standardInputName: standardInputName, readStandardInput: readStandardInput,
                     searches: &searches, add: add)
        }, work: { (task: CheckTask) -> CheckTask.Outcome in
            task.run(handing: handing, stoppedEarlier: stops.known, fixing: fixing)
        }, deliver: { (task: CheckTask, outcome: CheckTask.Outcome) throws(RuleFileError) in
            // Every plan before this one is delivered: their stops are all known.
            let stoppedBefore = stops.known
            var outcome = outcome
            if !outcome.patternsRun.isDisjoint(with: stoppedBefore) {
                outcome = task.run(handing: handing, stoppedEarlier: stoppedBefore, fixing: fixing)
            }
            stops.add(outcome.patternsStopped)
            guard case .file(_, _, let place?) = task else { return each(outcome.event) }
            let search = searches[place.search]
            // The folders a search could not read come before the plans it found.
            if place.index == 0 { search.unreadable.forEach { each(.error(.unreadable(path: $0))) } }
            let event = outcome.event
            each(event)
            switch event {
            case .skippedBinary, .skippedNotAPlan: skippedInFolder += 1
            default: break
            }
            guard place.index == search.count - 1 else { return }
            // A folder whose every plan was a binary file (or no plan) checked nothing: not a pass.
            if skippedInFolder == search.count, search.unreadable.isEmpty { each(.error(.noPlans(path: search.path))) }
            skippedInFolder = 0
        })
    }

    /// Works out what to check, in order, and each plan's configuration,
    /// adding each task as soon as it is known; a folder search's
    /// bookkeeping goes in `searches`.
    private mutating func plan(
        paths: [String], standardInputName: String, readStandardInput: () throws(InputError) -> [UInt8],
        searches: inout [FolderSearch], add: (CheckTask) -> Void
    ) throws(RuleFileError) {
        for path in paths {
            if path == "-" {
                let context = try resolver.context(forFile: standardInputName)
                do throws(InputError) {
                    let source = try SourceFile(path: standardInputName, bytes: try readStandardInput())
                    add(.standardInput(source, context: context))
                } catch {
                    add(.error(error))
                }
                continue
            }
            switch PlanFinder.kind(of: path) {
            case .missing:
                add(.error(.missing(path: path)))
            case .file:
                // A file named on the command line is always checked.
                add(.file(path, context: try resolver.context(forFile: path), place: nil))
            case .folder:
                let search = searches.count
                var checked = 0
                // The search goes through no link to a folder: a plain file's absolute path is the folder's and the rest of its own.
                let absoluteFolder = resolver.absolute(path)
                let unreadable = try PlanFinder.search(path, noting: ConfigurationResolver.discoveryNames) { event throws(RuleFileError) in
                    switch event {
                    case .listed(let folder):
                        resolver.noteListed(folder, foundIn: path, absoluteFolder: absoluteFolder)
                    case .file(let file):
                        let absolute = (file.isLink ? nil : Paths.path(file.path, foundIn: path, absoluteFolder: absoluteFolder))
                            ?? resolver.absoluteFile(file.path)
                        let context = try resolver.context(forAbsoluteFile: absolute)
                        guard context.configuration.includes(absolutePath: absolute) else { return }
                        add(.file(file.path, context: context, place: SearchPlace(search: search, index: checked)))
                        checked += 1
                    }
                }
                searches.append(FolderSearch(path: path, count: checked, unreadable: unreadable))
                guard checked == 0 else { continue }
                // With no plan to come before, the folders it could not read are reported on their own;
                // a run that checks nothing must not pass as if all were well.
                unreadable.forEach { add(.error(.unreadable(path: $0))) }
                if unreadable.isEmpty { add(.error(.noPlans(path: path))) }
            }
        }
    }
}

/// A folder search's plans, as a run delivers them: the folder as given,
/// how many plans it found to check, and the folders in it that could not
/// be read (reported before its first plan). Made once the search is done,
/// before anything is delivered.
private struct FolderSearch {
    var path: String
    var count: Int
    var unreadable: [String]
}

/// Where a plan file stands in the folder search that found it: which
/// search (in the run's list), and which of its plans.
private struct SearchPlace: Sendable {
    var search: Int
    var index: Int
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
    /// A plan file, and where it stands in the folder search that found it (nil: named on the command line).
    case file(String, context: LintContext, place: SearchPlace?)
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
        case .file(let path, let context, let place):
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
                if place != nil, case .binary(let path) = error { return outcome(.skippedBinary(path: path)) }
                return outcome(.error(error))
            }
            if place != nil, PlanFinder.isProjectDocument(path), parser.parse(source).objectives.isEmpty {
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
