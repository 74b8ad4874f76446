import EqlintText
import Rules

/// The one-line tally printed on standard error after a check:
/// `2 errors, 5 warnings in 3 plans (12 checked): 1 legal requirement not met, 6 recommendations`,
/// or for a clean run `12 plans checked: no problems found`.
public struct Summary: Sendable, Equatable, Codable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    /// Findings of rules whose basis is the law: legal requirements not met.
    public var legal = 0
    /// Every other finding: guidance and good practice.
    public var recommendations = 0
    public var plansWithFindings = 0
    public var plansChecked = 0
    /// Each plan's own tally, in order (kept for a format that lists plans
    /// at its end, `html`; a few words a plan, never its findings).
    public var plans: [PlanTally] = []

    enum CodingKeys: String, CodingKey {
        case errors, warnings, infos, legal, recommendations, plansWithFindings, plansChecked
    }

    public init(_ files: [FileReport] = []) {
        for file in files { add(file) }
    }

    /// Counts one more plan, as a run streams its reports.
    public mutating func add(_ file: FileReport) {
        add(PlanTally(file))
    }

    /// Counts one more plan, from its tally.
    public mutating func add(_ tally: PlanTally) {
        plansChecked += 1
        if tally.hasFindings { plansWithFindings += 1 }
        errors += tally.errors
        warnings += tally.warnings
        infos += tally.infos
        legal += tally.legal
        recommendations += tally.recommendations
        plans.append(tally)
    }

    public var description: String {
        if plansWithFindings == 0 { return "\(counted(plansChecked, "plan")) checked: no problems found" }
        var parts = [counted(errors, "error"), counted(warnings, "warning")]
        if infos > 0 { parts.append("\(infos) info") }
        return "\(parts.concatenated(separator: ", ")) in \(counted(plansWithFindings, "plan")) (\(plansChecked) checked): "
            + "\(counted(legal, "legal requirement")) not met, \(counted(recommendations, "recommendation"))"
    }
}

/// One plan's counts, with its school and period, for a summary row.
public struct PlanTally: Sendable, Equatable {
    public var path: String
    public var school: String?
    public var period: String?
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    public var legal = 0
    /// How many legal requirements those findings are about: one rule's
    /// findings on three objectives are one requirement not met.
    public var legalRequirements = 0
    public var recommendations = 0

    public init(_ file: FileReport) {
        // The rules, few, found by comparing their ids (one rule's findings share its id's storage), not hashing each.
        var legalRules: [String] = []
        path = file.path
        school = file.synopsis?.school
        period = file.synopsis?.period
        let diagnostics = file.diagnostics
        // By index: each diagnostic read in place, not copied out for the loop.
        for index in diagnostics.indices {
            switch diagnostics[index].severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
            if diagnostics[index].basis?.isLegal == true {
                legal += 1
                if !legalRules.contains(diagnostics[index].ruleID) { legalRules.append(diagnostics[index].ruleID) }
            } else {
                recommendations += 1
            }
        }
        legalRequirements = legalRules.count
    }

    /// Whether the plan has any finding.
    public var hasFindings: Bool { errors + warnings + infos > 0 }

    /// Whether the plan has a finding that fails a run at `threshold`.
    public func fails(at threshold: FailThreshold) -> Bool {
        (errors > 0 && threshold.fails(.error)) || (warnings > 0 && threshold.fails(.warning))
            || (infos > 0 && threshold.fails(.info))
    }
}
