import EqlintPlan
import EqlintText
import Rules

/// What checking one plan file produced, for the reporters. It keeps the
/// findings and the few source lines they start on, never the whole file,
/// so a run over many plans holds little memory.
public struct FileReport: Sendable {
    public var path: String
    public var diagnostics: [Diagnostic]
    /// The text of each line a finding starts on (1-based line → text), for
    /// showing it under the finding; lines too long to show are left out.
    public var sourceLines: [Int: String]
    /// The threshold the plan's configuration sets, if it sets one.
    public var failOn: FailThreshold?
    /// Rule patterns that had to be stopped while checking the plan: their
    /// rules are not fully checked, which fails the run (exit status 2).
    public var stoppedPatterns: [StoppedPattern] = []
    /// The plan's school, period and objectives (a few words each), for a
    /// format that lists them (`html`); nil when the run did not keep them.
    public var synopsis: PlanSynopsis?
    /// What `--fix` or `--diff` did to the plan (nil: neither was asked for).
    public var fix: FixReport?

    /// Lines longer than this (in bytes) are not shown under a finding.
    public static let longestSourceLine = 400

    public init(path: String, diagnostics: [Diagnostic], sourceLines: [Int: String] = [:], failOn: FailThreshold? = nil) {
        self.path = path
        self.diagnostics = diagnostics
        self.sourceLines = sourceLines
        self.failOn = failOn
    }

    /// A report that keeps the lines of `source` its findings start on (nil: none).
    public init(path: String, source: SourceFile?, diagnostics: [Diagnostic], failOn: FailThreshold? = nil) {
        self.init(path: path, diagnostics: diagnostics, sourceLines: source.map { Self.lines(of: diagnostics, in: $0) } ?? [:],
                  failOn: failOn)
    }

    /// The lines of `source` that `diagnostics` start on, short enough to show.
    public static func lines(of diagnostics: [Diagnostic], in source: SourceFile) -> [Int: String] {
        var lines: [Int: String] = [:]
        for diagnostic in diagnostics {
            let line = diagnostic.range.start.line
            guard lines[line] == nil, line >= 1 else { continue }
            // Past the last line is the empty line after a final line break.
            guard line <= source.lineCount else { lines[line] = source.lineText(line); continue }
            let span = source.lineSpan(line - 1)
            if span.count <= longestSourceLine { lines[line] = source.text(span) }
        }
        return lines
    }
}

/// What `eqlint check --fix` or `--diff` did to one plan.
public struct FixReport: Sendable {
    /// How many fixes were applied (with `--diff`: would be).
    public var applied = 0
    /// With `--diff`: the unified diff the fixes make ("" when none).
    public var diff = ""
    /// Why the plan could not be fixed (the file is as it was): an error.
    public var error: String?
    /// Why safe fixes were left unapplied (a plan format eqlint cannot write back).
    public var warning: String?

    public init() {}
}
