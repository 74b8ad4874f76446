import EqlintKit

/// The `--help` pages, in the shape of swift-argument-parser's.
enum HelpText {
    static let main = """
        OVERVIEW: Check schools' equality objectives plans against the Public Sector Equality Duty.

        USAGE: eqlint <subcommand> [options]

        SUBCOMMANDS:
          check                   Check plan files and print what is missing or unclear.
          outline                 Show what eqlint read of each plan: dates, objectives, fields.
          convert                 Write a plan in eqlint's plan format (Markdown), from any format it reads.
          init                    Start a new plan: front matter, one objective with every field, placeholders to fill in.
          rules                   List every rule: id, severity and what it checks.
          explain <rule-id>       Explain one rule: why it matters, how to fix it, examples.
          lsp                     Serve the Language Server Protocol on stdin and stdout, for editors.
          help [<subcommand>]     Show help for a subcommand.

        OPTIONS:
          -h, --help              Show help information.
          --version               Show the version.

        See 'eqlint help <subcommand>' for detailed help.

        """

    static let check = """
        OVERVIEW: Check plan files and print what is missing or unclear.

        USAGE: eqlint check [options] <path> ...

        ARGUMENTS:
          <path>                  A plan file, a directory (searched for *.md, *.txt, *.html, *.docx, *.odt and *.pdf),
                                  or '-' for standard input (a file named '-' is ./-).

        OPTIONS:
          --format <format>       \(formatChoices).
          --output <file>         Write the report in --format to <file>; print text to the terminal.
          --config <file>         Use this configuration file (default: the nearest .eqlint.json5).
          --no-config             Use no configuration file.
          --baseline <file>       Report only findings that are not in the baseline <file>.
          --write-baseline <file> Record today's findings in <file>, and exit 0.
          --fail-on <severity>    Exit 1 when a finding is at least: error (default), warning, info, never.
          --today <YYYY-MM-DD>    The day to check dates against (default: today).
          --rules <dir>           Add the rules and vocabulary in <dir> to the defaults (repeatable).
          --stdin-filename <name> The name to report for standard input.
          --color <when>          auto (default), always or never. NO_COLOR turns colour off.
          -j, --jobs <n>          Check at most <n> plans at once (default: one per processor; 1: one at a time).
          --min-severity <level>  Report only findings at least: info (default, all), warning or error.
          --no-notes              Leave out how to fix each finding.
          -q, --quiet             Errors only, no notes, no summary when clean.
          --statistics            Then print how many findings each rule made (on standard error).
          --fix                   Apply the safe fixes (legal names...) to Markdown and text plans, in place; report what is left.
          --diff                  Write nothing; print the unified diff --fix would make.
          -h, --help              Show help information.

        FORMATS:
        \(formatList)

        OUTPUT:
          One finding a line on standard output, path:line:column: severity: message [rule-id],
          then a note line saying how to fix it. A summary goes to standard error.

        EXIT STATUS:
          0  no finding at or above --fail-on
          1  findings at or above --fail-on
          2  eqlint could not do its job (bad arguments, unreadable plan, broken rule file)

        """

    static let outline = """
        OVERVIEW: Show what eqlint read of each plan: its period, publication, approval and review (and where
        each came from), each objective with its fields and their lines, and the lines it could not place.

        USAGE: eqlint outline [options] <path> ...

        ARGUMENTS:
          <path>                  A plan file, a directory, or '-' for standard input.

        OPTIONS:
          --format <format>       text (default) or json.
          --config <file>         Use this configuration file (default: the nearest .eqlint.json5).
          --no-config             Use no configuration file.
          --rules <dir>           Add the rules and vocabulary in <dir> to the defaults (repeatable).
          --stdin-filename <name> The name to report for standard input.
          -h, --help              Show help information.

        Use it when a plan gets 'No equality objectives found', or a field you wrote is reported missing:
        it shows which lines eqlint took for objectives and fields, and which labels it does not know.

        """

    static let convert = """
        OVERVIEW: Write a plan in eqlint's plan format (Markdown): front matter with its dates, '## Objective N:'
        headings, fields as label lines and sub-headings, action tables as pipe tables, the rest as Markdown.

        USAGE: eqlint convert [options] <file>

        ARGUMENTS:
          <file>                  A plan file in any format eqlint reads.

        OPTIONS:
          -o, --output <file>     Write to <file> instead of standard output.
          --force                 Write over <file> if it exists (otherwise eqlint refuses).
          --config <file>         Use this configuration file (default: the nearest .eqlint.json5).
          --no-config             Use no configuration file.
          --rules <dir>           Add the rules and vocabulary in <dir> to the defaults (repeatable).
          -h, --help              Show help information.

        'eqlint check' on what it writes gives the same findings as on <file>. For a .docx, .odt or .pdf,
        findings are placed at the lines of this conversion, so convert it to see where they are.

        """

    static let initPlan = """
        OVERVIEW: Start a new plan in eqlint's plan format: front matter filled in (the period, from this
        September unless given; publication and review dates), one objective with every field a plan needs
        and a comment saying what goes in each, and placeholders that 'eqlint check' lists until they are
        filled in.

        USAGE: eqlint init [options]

        OPTIONS:
          --school <name>         The school's name (default: a placeholder).
          --period <years>        The plan's period, such as 2026-2029 (September to August; at most four years).
          -o, --output <file>     Write to <file> instead of standard output.
          --force                 Write over <file> if it exists (otherwise eqlint refuses).
          --today <YYYY-MM-DD>    The day the plan is written (default: today).
          -h, --help              Show help information.

        Then: fill in each [Insert ...] and TODO, and run 'eqlint check' on the plan until it passes.

        """

    static let rules = """
        OVERVIEW: List every rule: id, severity and what it checks.

        USAGE: eqlint rules [--rules <dir>]

        OPTIONS:
          --rules <dir>           Add the rules and vocabulary in <dir> to the defaults (repeatable).
          -h, --help              Show help information.

        """

    static let explain = """
        OVERVIEW: Explain one rule: what it checks, why, how to fix it, and its examples.

        USAGE: eqlint explain <rule-id> [--rules <dir>]

        ARGUMENTS:
          <rule-id>               The id shown in brackets after each finding.

        OPTIONS:
          --rules <dir>           Add the rules and vocabulary in <dir> to the defaults (repeatable).
          -h, --help              Show help information.

        """

    static let lsp = """
        OVERVIEW: Serve the Language Server Protocol (3.17) on standard input and output, for editors.

        USAGE: eqlint lsp [--config <file> | --no-config] [--rules <dir>] [--today <date>]

        Plans are checked as they are typed, with the configuration that applies to their file.
        Findings come with the rule's explanation on hover, and code actions to disable a rule
        for a line or a file. Logs go to standard error. See the README for editor set-up.

        OPTIONS:
          --config <file>         Use this configuration file for every plan (default: discover).
          --no-config             Use no configuration file.
          --rules <dir>           Add the rules and vocabulary in <dir> to the defaults (repeatable).
          --today <date>          The day to check dates against, YYYY-MM-DD (default: today).
          -h, --help              Show help information.

        """

    /// The registered formats, the default first: `text (default), json, ... or checkstyle`.
    static var formatChoices: String {
        let names = Reporters.all.map { $0 == Reporters.default ? "\($0.identifier) (default)" : $0.identifier }
        guard let last = names.last, names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }

    /// Each registered format and its description, a line each, as the options are listed.
    static var formatList: String {
        Reporters.all.map { format in
            let name = format.identifier.padding(toLength: max(format.identifier.count + 2, 24), withPad: " ", startingAt: 0)
            return "  \(name)\(format.description)"
        }.joined(separator: "\n")
    }

    static func page(for subcommand: String?) -> String? {
        switch subcommand {
        case nil: return main
        case "check"?: return check
        case "outline"?: return outline
        case "convert"?: return convert
        case "init"?: return initPlan
        case "rules"?: return rules
        case "explain"?: return explain
        case "lsp"?: return lsp
        default: return nil
        }
    }
}
