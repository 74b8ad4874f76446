import Foundation
import Rules

/// The eqlint command: parses arguments, runs the library, prints, exits.
/// Exit status: 0 clean, 1 findings at or above --fail-on, 2 could not do the job.

/// Writes to standard error; if even that fails there is no one left to tell.
func printError(_ message: String) {
    try? FileHandle.standardError.write(contentsOf: Data("eqlint: error: \(message)\n".utf8))
}

func printWarning(_ message: String) {
    try? FileHandle.standardError.write(contentsOf: Data("eqlint: warning: \(message)\n".utf8))
}

func printNote(_ message: String) {
    try? FileHandle.standardError.write(contentsOf: Data("\(message)\n".utf8))
}

func writeOut(_ text: String) throws(Failure) {
    do {
        try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    } catch {
        throw Failure(message: "cannot write to standard output (is it closed, or the disk full?)")
    }
}

func readStandardInput() throws(InputError) -> [UInt8] {
    do {
        return [UInt8](try FileHandle.standardInput.readToEnd() ?? Data())
    } catch {
        throw .standardInputUnreadable
    }
}

/// Thrown to stop with exit status 2 after printing a one-line error.
struct Failure: Error {
    var message: String
}

/// Writes a report or baseline in place: a symlink is followed and a device
/// (such as /dev/null) written to, never replaced by a new file.
func write(_ text: String, to path: String) throws(Failure) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw Failure(message: "\(path): is a directory; give a file name to write to")
    }
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
        throw Failure(message: "\(path): cannot be written (\(error.localizedDescription))")
    }
}

/// The folder a file named on the command line is in, as an absolute path.
func folder(of path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
}

func run() throws(Failure) -> Int32 {
    let options: CommandLineOptions
    do {
        options = try CommandLineOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    } catch {
        throw Failure(message: error.description)
    }
    let today = options.today ?? CalendarDay.today()
    var resolver = ConfigurationResolver(source: options.configuration, ruleDirectories: options.ruleDirectories, today: today)
    func context() throws(Failure) -> LintContext {
        do { return try resolver.context(forDirectory: ".") } catch { throw Failure(message: error.description) }
    }

    switch options.command {
    case .help(let subcommand):
        guard let page = HelpText.page(for: subcommand) else {
            throw Failure(message: "no help for '\(subcommand ?? "")'; the subcommands are \(CommandLineOptions.subcommands.joined(separator: ", "))")
        }
        try writeOut(page)
        return 0
    case .version:
        try writeOut("eqlint \(EqlintVersion.current)\n")
        return 0
    case .rules:
        try writeOut(RuleCatalog.listing(try context().linter.ruleSet))
        return 0
    case .explain(let id):
        let ruleSet = try context().linter.ruleSet
        guard let rule = ruleSet.rule(id: id) else {
            let hint = ruleSet.suggestion(for: id).map { "; did you mean '\($0)'?" } ?? ""
            throw Failure(message: "no rule is named '\(id)'\(hint) (see 'eqlint rules')")
        }
        try writeOut(RuleCatalog.explanation(rule, in: ruleSet))
        return 0
    case .check:
        return try check(options, resolver: resolver)
    case .outline:
        return try outline(options, resolver: resolver)
    case .convert:
        return try convert(options, resolver: resolver)
    }
}

/// `eqlint convert`: the plan in the plan format, to standard output or (never over a file, unless forced) to `--output`.
func convert(_ options: CommandLineOptions, resolver: ConfigurationResolver) throws(Failure) -> Int32 {
    var resolver = resolver
    let path = options.paths[0]
    let markdown: String
    do {
        let context = try resolver.context(forFile: path)
        markdown = try context.linter.parser.convert(path: path)
    } catch let error as RuleFileError {
        throw Failure(message: error.description)
    } catch let error as InputError {
        throw Failure(message: error.description)
    } catch {
        throw Failure(message: "\(error)")
    }
    guard let output = options.output else {
        try writeOut(markdown)
        return 0
    }
    if FileManager.default.fileExists(atPath: output), !options.force {
        throw Failure(message: "\(output): already exists; give another name, or --force to write over it")
    }
    try write(markdown, to: output)
    return 0
}

/// `eqlint outline`: what eqlint read of each plan.
func outline(_ options: CommandLineOptions, resolver: ConfigurationResolver) throws(Failure) -> Int32 {
    var run = OutlineRun(resolver: resolver)
    let events: [OutlineRun.Event]
    do {
        events = try run.read(paths: options.paths, standardInputName: options.stdinFilename, readStandardInput: readStandardInput)
    } catch {
        throw Failure(message: error.description)
    }
    var entries: [PlanOutline.Entry] = []
    var failed = false
    for event in events {
        switch event {
        case .plan(let entry): entries.append(entry)
        case .error(let error):
            failed = true
            printError(error.description)
        }
    }
    try writeOut(options.format == JSONReporter.self ? PlanOutline.json(entries) : PlanOutline.text(entries))
    return failed ? 2 : 0
}

func check(_ options: CommandLineOptions, resolver: ConfigurationResolver) throws(Failure) -> Int32 {
    var resolver = resolver
    let ruleSet: RuleSet
    let baseline: Baseline?
    do {
        ruleSet = try resolver.context(forDirectory: ".").linter.ruleSet
        baseline = try options.baseline.map { path throws(RuleFileError) in try Baseline.read(path: path) }
    } catch {
        throw Failure(message: error.description)
    }
    let color = useColor(options)
    let terminal = TextReporter(color: color, showSource: color)
    // Most formats are written as plans complete; JUnit (totals first) and --output need every report.
    let chosen: any Reporter = options.format == TextReporter.self ? terminal : options.format.init(context: ReporterContext(ruleSet: ruleSet))
    var stream = options.output == nil ? (chosen as? any StreamingReporter).map { ReportStream($0) } : nil
    let keepsReports = stream == nil || options.writeBaseline != nil
    var checkRun = CheckRun(resolver: resolver, jobs: options.jobs ?? CheckRun.activeProcessorCount, keepsSourceLines: color)
    // A baseline drops findings after checking, so then the output is made here, not beforehand.
    if let streaming = stream?.reporter, options.baseline == nil { checkRun.render = { streaming.part($0) } }

    var reports: [FileReport] = []
    var summary = Summary()
    var knownCount = 0
    var failed = false
    var hadErrors = false
    var stoppedKeys: Set<String> = []
    var pending = stream?.head() ?? ""
    var writeFailure: Failure?
    func flush() {
        guard writeFailure == nil, !pending.isEmpty else { return }
        do { try writeOut(pending) } catch { writeFailure = error }
        pending = ""
    }
    do {
        try checkRun.check(paths: options.paths, standardInputName: options.stdinFilename, readStandardInput: readStandardInput) { event in
            switch event {
            case .error(let error):
                hadErrors = true
                printError(error.description)
            case .skippedBinary(let path):
                printWarning("\(path): looks like a binary file, not text; skipped")
            case .skippedNotAPlan:
                break
            case .report(var report, let rendered):
                // A stopped pattern is not run again, so it is reported once, where it was stopped.
                for stop in report.stoppedPatterns where stoppedKeys.insert(stop.key).inserted {
                    hadErrors = true
                    printError(stop.description)
                }
                if let baseline, let path = options.baseline {
                    let (kept, known) = baseline.filter([report], directory: folder(of: path))
                    report = kept[0]
                    knownCount += known
                }
                summary.add(report)
                let threshold = options.failOn ?? report.failOn ?? .error
                if report.diagnostics.contains(where: { threshold.fails($0.severity) }) { failed = true }
                if keepsReports { reports.append(report) }
                if stream != nil {
                    pending += stream!.add(report, part: rendered)
                    if pending.utf8.count >= 1 << 16 { flush() }
                }
            }
        }
    } catch {
        throw Failure(message: error.description)
    }
    if let stream { pending += stream.tail() }
    flush()
    if let writeFailure { throw writeFailure }

    if stream == nil {
        let report = options.format == TextReporter.self ? TextReporter().report(reports) : chosen.report(reports)
        if let path = options.output {
            try write(report, to: path)
            try writeOut(terminal.report(reports))
        } else {
            try writeOut(report)
        }
    }

    var line = summary.description
    if options.baseline != nil { line += "; \(knownCount) known from the baseline not shown" }
    printNote(line)

    if let path = options.writeBaseline {
        let baseline = Baseline(reports: reports, directory: folder(of: path))
        try write(baseline.json, to: path)
        printNote("wrote \(baseline.entries.count) findings to the baseline \(path)")
        return hadErrors ? 2 : 0
    }
    if hadErrors { return 2 }
    return failed ? 1 : 0
}

func useColor(_ options: CommandLineOptions) -> Bool {
    let environment = ProcessInfo.processInfo.environment
    let terminal = isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb" && environment["NO_COLOR"] == nil
    return options.color == .always || (options.color == .auto && terminal)
}

do {
    exit(try run())
} catch {
    printError(error.message)
    exit(2)
}
