import Foundation
import EqlintKit

/// What the user asked for on the command line.
struct CommandLineOptions {
    enum Command: Equatable {
        case check
        case outline
        case convert
        case initPlan
        case rules
        case explain(String)
        case lsp
        case help(String?)
        case version
    }

    enum ColorChoice: String, CaseIterable { case auto, always, never }

    var command = Command.help(nil)
    /// The output format; `Reporters.all` lists them.
    var format: any Reporter.Type = Reporters.default
    var today: CalendarDay?
    var ruleDirectories: [String] = []
    /// nil: as the plan's configuration says (else `error`).
    var failOn: FailThreshold?
    var stdinFilename = "<stdin>"
    var color = ColorChoice.auto
    var configuration = ConfigurationResolver.Source.discover
    var output: String?
    var baseline: String?
    var writeBaseline: String?
    /// How many plans to check at once; nil: one per active processor.
    var jobs: Int?
    /// `convert`: write over an existing output file.
    var force = false
    /// `check`: the least severe finding reported (`--min-severity`, `--quiet`).
    var minimumSeverity = Severity.info
    /// `check`: whether text output has a `note:` line with each finding's fix.
    var notes = true
    /// `check`: print no summary line when nothing is found (`--quiet`).
    var quiet = false
    /// `check`: print how many findings each rule made (`--statistics`).
    var statistics = false
    /// `check`: `--fix` (apply the safe fixes) or `--diff` (print the diff they would make).
    var fixMode: FixMode?
    /// `init`: the school's name and the plan's period (`--school`, `--period`).
    var school: String?
    var period: (start: Int, end: Int)?
    var paths: [String] = []
    /// Things on the command line that do nothing, said as warnings.
    var warnings: [String] = []

    /// A mistake on the command line, said in a sentence.
    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static let subcommands = ["check", "outline", "convert", "init", "rules", "explain", "lsp", "help"]

    /// Every option's name, for "did you mean" when one is misspelt.
    static let optionNames = [
        "--format", "--fail-on", "--config", "--no-config", "--force", "--output", "--baseline", "--write-baseline",
        "--color", "--colour", "--rules", "--stdin-filename", "--jobs", "--today", "--quiet", "--min-severity",
        "--no-notes", "--statistics", "--fix", "--diff", "--school", "--period", "--help", "--version",
    ]

    init(arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        guard let first = rest.first else { return }
        switch first {
        case "-h", "--help": command = .help(nil); return
        case "--version", "-V": command = .version; return
        case "help": command = .help(rest.dropFirst().first); return
        case "check": command = .check
        case "outline": command = .outline
        case "convert": command = .convert
        case "init": command = .initPlan
        case "rules": command = .rules
        case "explain": command = .explain("")
        case "lsp": command = .lsp
        default:
            if first.hasPrefix("-") { throw Self.unknownOption(first, command: nil) }
            throw Self.unknownCommand(first)
        }
        rest = rest.dropFirst()
        var onlyPaths = false
        while let argument = rest.popFirst() {
            if onlyPaths || argument == "-" || !argument.hasPrefix("-") {
                paths.append(argument)
                continue
            }
            if argument == "--" { onlyPaths = true; continue }
            if argument == "-h" || argument == "--help" {
                command = .help(Self.name(of: command))
                return
            }
            // --name=value or --name value
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let name = parts[0]
            func value() throws(UsageError) -> String {
                let given = parts.count == 2 ? parts[1] : rest.popFirst()
                guard let given, !given.isEmpty else { throw UsageError(description: "\(name) needs a value") }
                return given
            }
            switch name {
            case "--format":
                let given = try value()
                do { format = try Reporters.named(given) } catch { throw UsageError(description: error.description) }
            case "--fail-on": failOn = try Self.choice(try value(), for: name) as FailThreshold
            case "--config": configuration = .file(try value())
            case "--no-config": configuration = .none
            case "--force": force = true
            case "--output", "-o": output = try value()
            case "--baseline": baseline = try value()
            case "--write-baseline": writeBaseline = try value()
            case "--color", "--colour": color = try Self.choice(try value(), for: name)
            case "--rules": ruleDirectories.append(try value())
            case "--stdin-filename": stdinFilename = try value()
            case "--quiet", "-q":
                quiet = true
                notes = false
                minimumSeverity = .error
            case "--min-severity": minimumSeverity = try Self.choice(try value(), for: name)
            case "--no-notes": notes = false
            case "--statistics": statistics = true
            case "--school":
                let name = try value()
                guard !name.contains(where: \.isNewline) else { throw UsageError(description: "--school needs a name on one line") }
                school = name
            case "--period":
                let text = try value()
                guard let years = PlanTemplate.period(text) else {
                    throw UsageError(description: "--period needs school years such as 2026-2029 (September 2026 to August 2029, at most four years), not '\(text)'")
                }
                period = years
            case "--fix", "--diff":
                let mode: FixMode = name == "--fix" ? .apply : .diff
                if let fixMode, fixMode != mode { throw UsageError(description: "--fix and --diff cannot be used together: --diff shows what --fix would change") }
                fixMode = mode
            case "--jobs", "-j":
                let text = try value()
                guard let count = Int(text), count >= 1 else {
                    throw UsageError(description: "\(name) needs a whole number of plans to check at once, 1 or more, not '\(text)'")
                }
                jobs = count
            case "--today":
                let text = try value()
                guard let day = CalendarDay(iso: text) else {
                    throw UsageError(description: "--today needs a date written YYYY-MM-DD, not '\(text)'")
                }
                today = day
            default:
                throw Self.unknownOption(name, command: command)
            }
        }
        try validate()
    }

    private mutating func validate() throws(UsageError) {
        switch command {
        case .check:
            if paths.isEmpty { throw UsageError(description: "no plans to check; give a file, a directory or '-' (see 'eqlint check --help')") }
            if paths.filter({ $0 == "-" }).count > 1 { throw UsageError(description: "'-' (standard input) can be given only once") }
            if fixMode != nil, writeBaseline != nil {
                throw UsageError(description: "--write-baseline records findings; run it without --fix or --diff")
            }
            if stdinFilename != "<stdin>", !paths.contains("-") {
                warnings.append("--stdin-filename names standard input, which is read only when '-' is among the paths; it is ignored")
            }
        case .outline, .convert, .initPlan, .rules, .explain, .lsp, .help, .version:
            if fixMode != nil, command != .check {
                throw UsageError(description: "--fix and --diff are options of 'eqlint check'")
            }
            try validateOthers()
        }
    }

    private mutating func validateOthers() throws(UsageError) {
        switch command {
        case .check: break
        case .initPlan:
            if !paths.isEmpty { throw UsageError(description: "init takes no paths; name the file with -o, such as 'eqlint init -o plan.md'") }
        case .outline:
            if paths.isEmpty { throw UsageError(description: "no plans to outline; give a file, a directory or '-' (see 'eqlint outline --help')") }
            guard format == TextReporter.self || format == JSONReporter.self else {
                throw UsageError(description: "outline prints text or json, not '\(format.identifier)'")
            }
        case .convert:
            guard paths.count == 1 else {
                throw UsageError(description: "convert takes one plan file, such as 'eqlint convert plan.docx -o plan.md'")
            }
        case .explain:
            guard paths.count == 1 else {
                throw UsageError(description: "explain takes one rule id, such as 'eqlint explain objective-lead'")
            }
            command = .explain(paths[0])
            paths = []
        case .rules:
            if !paths.isEmpty { throw UsageError(description: "rules takes no paths (use --rules DIR to add a rules directory)") }
        case .lsp:
            if !paths.isEmpty { throw UsageError(description: "lsp takes no paths: the editor sends the plans it opens") }
        case .help, .version: break
        }
    }

    static func name(of command: Command) -> String? {
        switch command {
        case .check: return "check"
        case .outline: return "outline"
        case .convert: return "convert"
        case .initPlan: return "init"
        case .rules: return "rules"
        case .explain: return "explain"
        case .lsp: return "lsp"
        case .help, .version: return nil
        }
    }

    /// An unknown first word: a misspelt command, or a plan given without `check`.
    private static func unknownCommand(_ word: String) -> UsageError {
        if let near = Spelling.closest(to: word, in: subcommands) {
            return UsageError(description: "unknown command '\(word)'; did you mean 'eqlint \(near)'? (see 'eqlint --help')")
        }
        if FileManager.default.fileExists(atPath: word) {
            return UsageError(description: "unknown command '\(word)'; to check it, run 'eqlint check \(word)'")
        }
        return UsageError(description: "unknown command '\(word)'; the commands are \(subcommands.joined(separator: ", ")) (see 'eqlint --help')")
    }

    /// An unknown option, with the nearest known one.
    private static func unknownOption(_ option: String, command: Command?) -> UsageError {
        let bareName = option.split(separator: "=", maxSplits: 1).first.map(String.init) ?? option
        if command == nil, optionNames.contains(bareName) {
            let example = ["--school", "--period"].contains(bareName) ? "init" : "check"
            return UsageError(description: "'\(bareName)' goes after the command, for example 'eqlint \(example) \(bareName) ...' (see 'eqlint --help')")
        }
        let hint = Spelling.closest(to: option, in: optionNames).map { "; did you mean '\($0)'?" } ?? ""
        let help = command.flatMap(name(of:)).map { "eqlint \($0) --help" } ?? "eqlint --help"
        return UsageError(description: "unknown option '\(option)'\(hint) (see '\(help)')")
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ text: String, for option: String) throws(UsageError) -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(description: "\(option) must be one of \(allowed), not '\(text)'")
        }
        return value
    }
}
