import Foundation
import Rules

/// The eqlint command: parses arguments, runs the library, prints, exits.
/// Exit status: 0 clean, 1 findings at or above --fail-on, 2 could not do the job.

func printError(_ message: String) {
    FileHandle.standardError.write(Data("eqlint: error: \(message)\n".utf8))
}

func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

func run() -> Int32 {
    let options: CommandLineOptions
    do {
        options = try CommandLineOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    } catch {
        printError(error.description)
        return 2
    }
    switch options.command {
    case .help(let subcommand):
        guard let page = HelpText.page(for: subcommand) else {
            printError("no help for '\(subcommand ?? "")'; the subcommands are \(CommandLineOptions.subcommands.joined(separator: ", "))")
            return 2
        }
        writeOut(page)
        return 0
    case .version:
        writeOut("eqlint \(EqlintVersion.current)\n")
        return 0
    default:
        break
    }

    let ruleSet: RuleSet
    do {
        ruleSet = try RuleSet.defaults(adding: options.ruleDirectories)
    } catch {
        printError(error.description)
        return 2
    }

    switch options.command {
    case .rules:
        writeOut(RuleCatalog.listing(ruleSet))
        return 0
    case .explain(let id):
        guard let rule = ruleSet.rule(id: id) else {
            let hint = ruleSet.suggestion(for: id)
            printError("no rule is named '\(id)'\(hint.map { "; did you mean '\($0)'?" } ?? "") (see 'eqlint rules')")
            return 2
        }
        writeOut(RuleCatalog.explanation(rule, in: ruleSet))
        return 0
    default:
        break
    }

    let linter = Linter(ruleSet: ruleSet, today: options.today ?? CalendarDay.today())
    let outcome = CheckRun(linter: linter).check(paths: options.paths, standardInputName: options.stdinFilename) {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
    for error in outcome.errors { printError(error.description) }

    switch options.format {
    case .json:
        writeOut(JSONReporter().report(outcome.reports))
    case .text:
        let environment = ProcessInfo.processInfo.environment
        let terminal = isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb" && environment["NO_COLOR"] == nil
        let color = options.color == .always || (options.color == .auto && terminal)
        writeOut(TextReporter(color: color, showSource: color).report(outcome.reports))
    }
    FileHandle.standardError.write(Data("\(Summary(outcome.reports).description)\n".utf8))

    if !outcome.errors.isEmpty { return 2 }
    let threshold: Severity?
    switch options.failOn {
    case .error: threshold = .error
    case .warning: threshold = .warning
    case .info: threshold = .info
    case .never: threshold = nil
    }
    let failed = threshold.map { level in outcome.reports.contains { $0.diagnostics.contains { $0.severity >= level } } } ?? false
    return failed ? 1 : 0
}

exit(run())
