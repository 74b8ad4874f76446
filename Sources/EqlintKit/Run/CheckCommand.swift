import EqlintText
import Foundation
import Rules

/// `eqlint check`, from parsed options to exit status: checks the plans
/// (`CheckRun`, in parallel), writes the report in the chosen format (as
/// plans complete when the format streams, else at the end), leaves out
/// what a baseline already knows, writes `--output` and `--write-baseline`
/// files, and prints errors, warnings and the summary on standard error.
///
/// All reading and writing goes through a `CommandIO`, so a test can run a
/// check without starting a process.
///
/// Exit status: 0 no finding at or above the threshold, 1 findings at or
/// above it, 2 a plan or path could not be checked (its error is printed and
/// the other plans are still checked). With `writeBaseline`, findings never
/// fail the run. A thrown `CommandError` means the run could not be done at
/// all (exit status 2).
public struct CheckCommand {
    /// The configuration and rules of each plan.
    public var resolver: ConfigurationResolver
    /// Plan files and folders to check; `-` is standard input.
    public var paths: [String]
    /// The format of the report (`--format`).
    public var format: any Reporter.Type = Reporters.default
    /// Where to write the report in `format` (`--output`); the terminal then gets text.
    public var output: String?
    /// A baseline file whose findings are left out (`--baseline`).
    public var baseline: String?
    /// Where to record this run's findings as a baseline (`--write-baseline`).
    public var writeBaseline: String?
    /// The least severe finding that fails the run; nil: as each plan's configuration says, else `error`.
    public var failOn: FailThreshold?
    /// Whether text on standard output is coloured and shows source excerpts.
    public var color = false
    /// How many plans to check at once; nil: one per active processor.
    public var jobs: Int?
    /// The name reported for standard input.
    public var standardInputName = "<stdin>"
    /// The least severe finding reported; those below it are left out of
    /// every format, the summary and the exit status (`--min-severity`).
    public var minimumSeverity = Severity.info
    /// Whether text output has a `note:` line with each finding's fix (`--no-notes`).
    public var notes = true
    /// Whether to leave out the summary line when nothing is found (`--quiet`).
    public var quiet = false
    /// Whether to print, after the summary, how many findings each rule made (`--statistics`).
    public var statistics = false
    /// `--fix`: apply the safe fixes first; `--diff`: print the diff they would make, instead of the report.
    public var fixMode: FixMode?
    /// Whether the process exits as soon as `run` returns (the command line):
    /// then the rule set, patterns and plan model the run built are left for
    /// the exit to free, not torn down object by object first (about 1.3
    /// million instructions for the default rules).
    public var exitsAfterRun = false

    /// Reports are written to standard output in pieces of about this many bytes.
    static let writeSize = 1 << 16

    public init(resolver: ConfigurationResolver, paths: [String]) {
        self.resolver = resolver
        self.paths = paths
    }

    /// Runs the check and returns the exit status.
    public func run(io: CommandIO) throws(CommandError) -> Int32 {
        var resolver = self.resolver
        let ruleSet: RuleSet
        let known: Baseline?
        do {
            ruleSet = try resolver.context(forDirectory: ".").linter.ruleSet
            known = try baseline.map { path throws(RuleFileError) in try Baseline.read(path: path) }
        } catch {
            throw .ruleFile(error)
        }
        let baselineFolder = baseline.map(Self.folder)
        let terminal = TextReporter(color: color, showSource: color, notes: notes)
        // A file never gets colour; the terminal does when it shows it.
        let onTerminal = output == nil && color
        let chosen = format.init(context: ReporterContext(ruleSet: ruleSet, color: onTerminal, showSource: onTerminal, notes: notes))
        // Most formats are written as plans complete; JUnit (totals first) and --output need every report.
        let printsDiff = fixMode == .diff
        var stream = output == nil && !printsDiff ? chosen.streaming.map { ReportStream($0) } : nil
        let keepsReports = stream == nil || writeBaseline != nil
        var checkRun = CheckRun(resolver: resolver, jobs: jobs, keepsSourceLines: color)
        defer { if exitsAfterRun { KeptUntilExit.keep(checkRun) } }
        checkRun.minimumSeverity = minimumSeverity
        // A streamed report is rendered where it was checked: its findings are needed here only to keep.
        checkRun.keepsFindings = keepsReports || statistics
        checkRun.fixMode = fixMode
        if let known, let baselineFolder {
            // --fix applies the fixes of the findings reported: not the baseline's.
            checkRun.reported = { path, diagnostics in
                known.filter([FileReport(path: path, diagnostics: diagnostics)], directory: baselineFolder).0[0].diagnostics
            }
        }
        var fixesApplied = 0
        var plansFixed = 0
        // A baseline drops findings after checking, so then the output is made here, not beforehand.
        if let streaming = stream?.reporter, baseline == nil { checkRun.render = { streaming.partUTF8($0) } }

        var reports: [FileReport] = []
        var summary = Summary()
        var knownCount = 0
        var failed = false
        var hadErrors = false
        var stoppedKeys: Set<String> = []
        var statisticsReports: [FileReport] = []
        // What is written, as UTF-8: reports are made as bytes, and written as they are.
        var pending: [UInt8] = []
        pending.append(utf8: stream?.head() ?? "")
        var writeFailure: CommandError?
        func flush() {
            guard writeFailure == nil, !pending.isEmpty else { return }
            do { try io.writeOutputUTF8(pending) } catch { writeFailure = error }
            pending.removeAll(keepingCapacity: true)
        }
        do {
            try checkRun.check(paths: paths, standardInputName: standardInputName, readStandardInput: io.readStandardInput) { event in
                switch event {
                case .error(let error):
                    hadErrors = true
                    io.error(error.description)
                case .skippedBinary(let path):
                    io.warning("\(path): looks like a binary file, not text; skipped")
                case .skippedNotAPlan:
                    break
                case .report(var report, var tally, let rendered):
                    if let fix = report.fix {
                        if let error = fix.error {
                            hadErrors = true
                            io.error(error)
                        }
                        if let warning = fix.warning { io.warning(warning) }
                        if fix.applied > 0 {
                            fixesApplied += fix.applied
                            plansFixed += 1
                        }
                        if printsDiff, !fix.diff.isEmpty {
                            pending.append(utf8: fix.diff)
                            if pending.count >= Self.writeSize { flush() }
                        }
                    }
                    // A stopped pattern is not run again, so it is reported once, where it was stopped.
                    for stop in report.stoppedPatterns where stoppedKeys.insert(stop.key).inserted {
                        hadErrors = true
                        io.error(stop.description)
                    }
                    if let known, let baselineFolder {
                        let (kept, count) = known.filter([report], directory: baselineFolder)
                        report = kept[0]
                        tally = PlanTally(report)
                        knownCount += count
                    }
                    summary.add(tally)
                    if statistics { statisticsReports.append(report) }
                    let threshold = failOn ?? report.failOn ?? .error
                    if tally.fails(at: threshold) { failed = true }
                    if keepsReports { reports.append(report) }
                    if stream != nil {
                        stream!.add(report, tally: tally, partUTF8: rendered, to: &pending)
                        if pending.count >= Self.writeSize { flush() }
                    }
                }
            }
        } catch {
            throw .ruleFile(error)
        }
        if let stream { pending.append(utf8: stream.tail()) }
        flush()
        if let writeFailure { throw writeFailure }

        if stream == nil {
            // With --diff, standard output has the diff; a report asked for with --output is written still.
            if let output {
                try io.writeFile(chosen.report(reports), output)
                if !printsDiff { try io.writeOutput(terminal.report(reports)) }
            } else if !printsDiff {
                try io.writeOutput(chosen.report(reports))
            }
        }

        // A run that checked nothing has said why in its errors; a quiet clean run says nothing.
        if summary.plansChecked > 0, !(quiet && summary.plansWithFindings == 0) {
            var line = summary.description
            if baseline != nil { line += "; \(knownCount) known from the baseline not shown" }
            io.note(line)
        }
        if let fixMode {
            let fixes = counted(fixesApplied, "fix", plural: "fixes")
            let plans = counted(plansFixed, "plan")
            switch fixMode {
            case .apply: io.note(fixesApplied == 0 ? "nothing to fix" : "fixed: \(fixes) applied in \(plans); the findings above are what is left")
            case .diff: io.note(fixesApplied == 0 ? "nothing to fix" : "\(fixes) would be applied in \(plans) (run with --fix to apply them)")
            }
        }
        if statistics, let table = RuleStatistics(reports: statisticsReports).table { io.note(table) }

        if let writeBaseline {
            let recorded = Baseline(reports: reports, directory: Self.folder(of: writeBaseline))
            try io.writeFile(recorded.json, writeBaseline)
            io.note("wrote \(recorded.entries.count) findings to the baseline \(writeBaseline)")
            return hadErrors ? 2 : 0
        }
        if hadErrors { return 2 }
        return failed ? 1 : 0
    }

    /// The folder a file named on the command line is in, as an absolute path.
    static func folder(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
    }
}
