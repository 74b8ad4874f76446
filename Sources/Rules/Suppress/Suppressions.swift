import EqlintPlan

/// The `eqlint-disable` comments of one plan, applied to its findings.
///
/// - `eqlint-disable-next-line ids` silences findings that start on the line
///   after the comment;
/// - `eqlint-disable-line ids`, at the end of a line of text, silences
///   findings that start on that line (on a line of its own it silences
///   nothing, and is reported);
/// - `eqlint-disable ids` … `eqlint-enable ids` silences findings between them
///   (to the end of the file when no `enable` follows);
/// - `eqlint-disable-file ids` silences them in the whole file.
///
/// With no ids, every rule. A suppression that silences nothing is reported.
struct Suppressions {
    private(set) var directives: [SuppressionDirective] = []
    private(set) var malformed: [SuppressionDirective.Malformed] = []

    /// - Parameter inLine: comments in lines of text (a heading's end), where
    ///   only `eqlint-disable-line` works.
    init(comments: [TextValue], inLine: [TextValue] = []) {
        var all = comments.map { ($0, false) } + inLine.map { ($0, true) }
        all.sort { $0.0.span.lowerBound < $1.0.span.lowerBound }
        for (comment, isInLine) in all {
            switch SuppressionDirective.read(comment) {
            case .success(var directive)?:
                directive.inLine = isInLine
                if isInLine, directive.kind != .disableLine { misplaced.append(directive) } else { directives.append(directive) }
            case .failure(let problem)?: malformed.append(problem)
            case nil: break
            }
        }
    }

    /// Instructions in a line of text that only work on a line of their own.
    private(set) var misplaced: [SuppressionDirective] = []

    /// Whether the directive at `index` silences a line (1-based) for a rule.
    private func covers(_ index: Int, ruleID: String, line: Int) -> Bool {
        // The region of a `disable` ends at the first later `enable` that re-enables this rule.
        directives[index].covers(ruleID) && silences(index, line: line) { $0.kind == .enable && $0.covers(ruleID) }
    }

    /// Whether a line is in any `eqlint-disable` region, or is silenced by any
    /// directive, whatever rules it names: `--fix` changes nothing there.
    func disablesAnything(onLine line: Int) -> Bool {
        directives.indices.contains { index in
            let directive = directives[index]
            // The region ends at the first later `enable` of every rule it disables.
            return silences(index, line: line) { enable in
                enable.kind == .enable && (directive.ruleIDs.isEmpty ? enable.ruleIDs.isEmpty : directive.ruleIDs.allSatisfy(enable.covers))
            }
        }
    }

    /// Whether the directive at `index` silences a line, whatever rules it
    /// names; a `disable` region ends at the first later directive `endsRegion` accepts.
    private func silences(_ index: Int, line: Int, endsRegion: (SuppressionDirective) -> Bool) -> Bool {
        let directive = directives[index]
        switch directive.kind {
        case .disableFile: return true
        case .disableNextLine: return line == directive.comment.range.end.line + 1
        case .disableLine: return directive.inLine && line == directive.comment.range.start.line
        case .enable: return false
        case .disable:
            guard line >= directive.comment.range.start.line else { return false }
            let end = directives[(index + 1)...].first(where: endsRegion)
            return end.map { line < $0.comment.range.start.line } ?? true
        }
    }

    /// The findings no directive silences (each found by its rule id and
    /// the line it starts on), and which directives silenced something.
    func apply<Found>(to findings: [Found], ruleID: (Found) -> String, line: (Found) -> Int) -> (kept: [Found], used: Set<Int>) {
        var kept: [Found] = []
        var used = Set<Int>()
        for finding in findings {
            let silencing = directives.indices.filter {
                covers($0, ruleID: ruleID(finding), line: line(finding))
            }
            if silencing.isEmpty { kept.append(finding) } else { used.formUnion(silencing) }
        }
        return (kept, used)
    }

    /// The suppressions that have no effect, and why: not an eqlint
    /// instruction, naming an unknown rule, or silencing nothing.
    func ineffective(used: Set<Int>, knownRuleIDs: [String]) -> [(comment: TextValue, problem: IneffectiveSuppression)] {
        var findings = malformed.map { ($0.comment, IneffectiveSuppression.notAnInstruction($0.word, suggestion: $0.suggestion)) }
        findings += misplaced.map { ($0.comment, IneffectiveSuppression.inLine($0.kind)) }
        // Most plans have no directive naming rules: the rules' ids are hashed only for one that does.
        let known: Set<String> = directives.contains { !$0.ruleIDs.isEmpty } ? Set(knownRuleIDs) : []
        for (index, directive) in directives.enumerated() {
            if let first = directive.ruleIDs.first(where: { !known.contains($0) }) {
                findings.append((directive.comment, .unknownRule(first, suggestion: Spelling.closest(to: first, in: knownRuleIDs))))
            } else if directive.kind == .disableLine, !directive.inLine {
                findings.append((directive.comment, .lineOnItsOwn(ruleIDs: directive.ruleIDs)))
            } else if directive.kind != .enable, !used.contains(index) {
                findings.append((directive.comment, .unused(directive.kind, ruleIDs: directive.ruleIDs)))
            }
        }
        return findings.sorted { $0.0.span.lowerBound < $1.0.span.lowerBound }
    }

    /// Suppressions that give no reason after `--`.
    var unexplained: [TextValue] {
        directives.filter { $0.kind != .enable && $0.reason == nil }.map(\.comment)
    }
}
