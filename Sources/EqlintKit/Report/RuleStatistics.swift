import Foundation

/// How many findings each rule made in a run, for `eqlint check
/// --statistics`: the rules that found most first, so a trust sees where
/// its plans fall short across the board.
public struct RuleStatistics: Sendable, Equatable {
    /// One rule's tally.
    public struct Row: Sendable, Equatable {
        public var ruleID: String
        public var severity: Severity
        public var findings: Int
        public var plans: Int
    }

    public var rows: [Row]

    public init(reports: [FileReport]) {
        var byRule: [String: Row] = [:]
        for report in reports {
            var seen: Set<String> = []
            for diagnostic in report.diagnostics {
                var row = byRule[diagnostic.ruleID] ?? Row(ruleID: diagnostic.ruleID, severity: diagnostic.severity, findings: 0, plans: 0)
                row.findings += 1
                row.severity = max(row.severity, diagnostic.severity)
                if seen.insert(diagnostic.ruleID).inserted { row.plans += 1 }
                byRule[diagnostic.ruleID] = row
            }
        }
        rows = byRule.values.sorted { ($0.findings, $1.ruleID) > ($1.findings, $0.ruleID) }
    }

    /// The table, one rule a line (`  12 in 3 plans  error    objective-lead`), or nil when nothing was found.
    public var table: String? {
        guard !rows.isEmpty else { return nil }
        let countWidth = rows.map { String($0.findings).count }.max() ?? 1
        let planWidth = rows.map { counted($0.plans, "plan").count }.max() ?? 1
        return rows.map { row in
            let count = String(repeating: " ", count: countWidth - String(row.findings).count) + String(row.findings)
            let plans = counted(row.plans, "plan").padding(toLength: planWidth, withPad: " ", startingAt: 0)
            let severity = row.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            return "\(count) in \(plans)  \(severity)  \(row.ruleID)"
        }.joined(separator: "\n")
    }
}
