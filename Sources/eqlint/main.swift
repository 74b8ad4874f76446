import Foundation
import EqlintKit

/// The eqlint command: parses arguments, runs the library, prints, exits.
/// Exit status: 0 clean, 1 findings at or above --fail-on, 2 could not do the job.

/// The process's own standard output, standard error, standard input and files.
nonisolated var io: CommandIO { .standard }

func writeOut(_ text: String) throws(Failure) {
    do { try io.writeOutput(text) } catch { throw Failure(message: error.description) }
}

/// Thrown to stop with exit status 2 after printing a one-line error.
struct Failure: Error {
    var message: String
}

func run() throws(Failure) -> Int32 {
    let options: CommandLineOptions
    do {
        options = try CommandLineOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    } catch {
        throw Failure(message: error.description)
    }
    // First: a check of many plans may start again, with the allocator tuned.
    if case .check = options.command { AllocatorTuning.restartIfWorthwhile(checking: options.paths) }
    for warning in options.warnings { io.warning(warning) }
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
    case .lsp:
        var server = LanguageServerOptions()
        server.configuration = options.configuration
        server.ruleDirectories = options.ruleDirectories
        server.today = options.today
        return StandardIOServer.run(options: server)
    case .initPlan:
        return try initPlan(options, today: today)
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
    try write(markdown, to: options.output, force: options.force)
    return 0
}

/// Writes a command's result to standard output, or to `output` (never over
/// a file unless `force`).
func write(_ text: String, to output: String?, force: Bool) throws(Failure) {
    guard let output else { return try writeOut(text) }
    if FileManager.default.fileExists(atPath: output), !force {
        throw Failure(message: "\(output): already exists; give another name, or --force to write over it")
    }
    do { try io.writeFile(text, output) } catch { throw Failure(message: error.description) }
}

/// `eqlint init`: a new plan, to standard output or (never over a file, unless forced) to `--output`.
func initPlan(_ options: CommandLineOptions, today: CalendarDay) throws(Failure) -> Int32 {
    let plan = PlanTemplate.plan(school: options.school, period: options.period, today: today)
    try write(plan, to: options.output, force: options.force)
    guard let output = options.output else { return 0 }
    io.note("wrote \(output): fill in each [Insert ...] and TODO as its comments say, then run 'eqlint check \(output)'")
    return 0
}

/// `eqlint outline`: what eqlint read of each plan.
func outline(_ options: CommandLineOptions, resolver: ConfigurationResolver) throws(Failure) -> Int32 {
    var run = OutlineRun(resolver: resolver)
    let events: [OutlineRun.Event]
    do {
        events = try run.read(paths: options.paths, standardInputName: options.stdinFilename, readStandardInput: io.readStandardInput)
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
            io.error(error.description)
        }
    }
    try writeOut(options.format == JSONReporter.self ? PlanOutline.json(entries) : PlanOutline.text(entries))
    return failed ? 2 : 0
}

/// `eqlint check`: the library runs it; this says only where colour goes.
func check(_ options: CommandLineOptions, resolver: ConfigurationResolver) throws(Failure) -> Int32 {
    var command = CheckCommand(resolver: resolver, paths: options.paths)
    command.format = options.format
    command.output = options.output
    command.baseline = options.baseline
    command.writeBaseline = options.writeBaseline
    command.failOn = options.failOn
    command.color = useColor(options)
    command.exitsAfterRun = true
    command.jobs = options.jobs
    command.standardInputName = options.stdinFilename
    command.minimumSeverity = options.minimumSeverity
    command.notes = options.notes
    command.quiet = options.quiet
    command.statistics = options.statistics
    command.fixMode = options.fixMode
    do { return try command.run(io: io) } catch { throw Failure(message: error.description) }
}

/// Colour and source excerpts: when asked, or on a terminal that shows them.
/// (`getenv` reads the two variables; `ProcessInfo.environment` would copy them all into a dictionary.)
func useColor(_ options: CommandLineOptions) -> Bool {
    switch options.color {
    case .always: return true
    case .never: return false
    case .auto:
        let isDumbTerminal = getenv("TERM").map { String(cString: $0) == "dumb" } ?? false
        return isatty(STDOUT_FILENO) == 1 && !isDumbTerminal && getenv("NO_COLOR") == nil
    }
}

do {
    exit(try run())
} catch {
    io.error(error.message)
    exit(2)
}
