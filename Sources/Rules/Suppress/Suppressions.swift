/// The `eqlint-disable` comments of one plan, applied to its findings.
///
/// - `eqlint-disable-next-line ids` silences findings that start on the line
///   after the comment;
/// - `eqlint-disable ids` … `eqlint-enable ids` silences findings between them
///   (to the end of the file when no `enable` follows);
/// - `eqlint-disable-file ids` silences them in the whole file.
///
/// With no ids, every rule. A suppression that silences nothing is reported.
struct Suppressions {
    private(set) var directives: [SuppressionDirective] = []
    private(set) var malformed: [SuppressionDirective.Malformed] = []

    init(comments: [TextValue]) {
        for comment in comments {
            switch SuppressionDirective.read(comment) {
            case .success(let directive)?: directives.append(directive)
            case .failure(let problem)?: malformed.append(problem)
            case nil: break
            }
        }
    }

    /// The line range (1-based, inclusive) each disabling directive covers for a rule.
    private func covers(_ directive: SuppressionDirective, index: Int, ruleID: String, line: Int) -> Bool {
        guard directive.covers(ruleID) else { return false }
        switch directive.kind {
        case .disableFile: return true
        case .disableNextLine: return line == directive.comment.range.end.line + 1
        case .enable: return false
        case .disable:
            guard line >= directive.comment.range.start.line else { return false }
            // The region ends at the first later `enable` that re-enables this rule.
            let end = directives[(index + 1)...].first { $0.kind == .enable && $0.covers(ruleID) }
            return end.map { line < $0.comment.range.start.line } ?? true
        }
    }

    /// The findings no directive silences, and which directives silenced something.
    func apply(to diagnostics: [Diagnostic]) -> (kept: [Diagnostic], used: Set<Int>) {
        var kept: [Diagnostic] = []
        var used = Set<Int>()
        for diagnostic in diagnostics {
            let silencing = directives.indices.filter {
                covers(directives[$0], index: $0, ruleID: diagnostic.ruleID, line: diagnostic.range.start.line)
            }
            if silencing.isEmpty { kept.append(diagnostic) } else { used.formUnion(silencing) }
        }
        return (kept, used)
    }

    /// Findings for suppressions that have no effect: unused, naming an
    /// unknown rule, or not an eqlint instruction at all.
    func ineffective(used: Set<Int>, knownRuleIDs: Set<String>) -> [(TextValue, String)] {
        var findings = malformed.map { ($0.comment, $0.problem) }
        for (index, directive) in directives.enumerated() {
            let unknown = directive.ruleIDs.filter { !knownRuleIDs.contains($0) }
            if let first = unknown.first {
                let hint = Spelling.closest(to: first, in: Array(knownRuleIDs)).map { " (did you mean '\($0)'?)" } ?? ""
                findings.append((directive.comment, "'\(first)' is not a rule\(hint)"))
            } else if directive.kind != .enable, !used.contains(index) {
                let rules = directive.ruleIDs.isEmpty ? "any rule" : directive.ruleIDs.joined(separator: ", ")
                let place: String
                switch directive.kind {
                case .disableNextLine: place = "on the next line"
                case .disableFile: place = "in this file"
                default: place = "after it"
                }
                findings.append((directive.comment, "there is no finding of \(rules) \(place) to silence"))
            }
        }
        return findings
    }

    /// Suppressions that give no reason after `--`.
    var unexplained: [TextValue] {
        directives.filter { $0.kind != .enable && $0.reason == nil }.map(\.comment)
    }
}
