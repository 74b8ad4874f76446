import EqlintPlan
import EqlintText

/// Where a finding is, for `supersedes`: what part of the plan it is about.
///
/// A finding's place is
/// - the whole plan, for a rule of scope `plan`;
/// - its objective (from its heading to the next objective's), for a rule of
///   scope `objective`;
/// - the text it points at (its range), for a rule of scope `action` or
///   `entry`, and for a check that points at each text it finds in the plan
///   or objective (`avoids`, `acronyms-defined`, `small-counts`,
///   `dates-readable`): such a text still belongs to its objective.
struct FindingPlace: Sendable {
    enum Extent: Sendable {
        case plan
        case objective
        case text
    }

    var extent: Extent
    /// The index in `Plan.objectives` of the objective it belongs to, if it belongs to one.
    var objective: Int?
    var range: SourceRange
}

/// One finding superseding another: a rule that `supersedes` another drops
/// that rule's findings at the same place, where the places of two findings
/// are the same when one holds the other or they overlap:
/// - a finding about the whole plan is at the same place as every finding of the plan;
/// - a finding about an objective is at the same place as every finding of
///   that objective (its actions and entries, and a text in its lines);
/// - two findings about texts are at the same place when their ranges overlap.
///
/// Which findings are dropped depends only on all the findings of one plan,
/// never on the order rules run in: a finding is dropped when any finding
/// of a rule superseding its rule is at its place, whether that finding is
/// itself dropped, silenced by a comment or in a baseline.
enum Supersession {
    /// Whether a finding of a rule superseding theirs replaces each of `findings`, by index.
    /// - Parameters:
    ///   - findings: each finding with the index of its rule in `rules`.
    ///   - objectiveExtents: the lines of each objective, by index in `Plan.objectives`.
    static func superseded(_ findings: [(rule: Int, finding: Finding)], of rules: [Rule], objectiveExtents: [SourceRange]) -> [Bool] {
        // The findings of each rule, by rule index (no rule's id hashed).
        var byRule = [[Int]](repeating: [], count: rules.count)
        for (index, found) in findings.enumerated() { byRule[found.rule].append(index) }
        // A flag for each finding, not a `Set<Int>`, whose first use in a run costs a scan of the binary's conformances.
        var dropped = [Bool](repeating: false, count: findings.count)
        for found in findings where !rules[found.rule].supersedes.isEmpty {
            guard let place = found.finding.place else { continue }
            for id in rules[found.rule].supersedes {
                for rule in rules.indices where rules[rule].id == id {
                    for index in byRule[rule] where !dropped[index] {
                        guard let other = findings[index].finding.place else { continue }
                        if samePlace(place, other, objectiveExtents) { dropped[index] = true }
                    }
                }
            }
        }
        return dropped
    }

    static func samePlace(_ a: FindingPlace, _ b: FindingPlace, _ objectiveExtents: [SourceRange]) -> Bool {
        if a.extent == .plan || b.extent == .plan { return true }
        for (whole, other) in [(a, b), (b, a)] where whole.extent == .objective {
            guard let objective = whole.objective else { continue }
            if let owner = other.objective { return owner == objective }
            return objectiveExtents.indices.contains(objective) && overlap(objectiveExtents[objective], other.range)
        }
        return overlap(a.range, b.range)
    }

    /// Whether two ranges share a character, or an empty one lies within the other.
    static func overlap(_ a: SourceRange, _ b: SourceRange) -> Bool {
        if a.start == a.end { return b.start <= a.start && a.start <= b.end }
        if b.start == b.end { return a.start <= b.start && b.start <= a.end }
        return max(a.start, b.start) < min(a.end, b.end)
    }

    /// Each objective's lines: from its heading (or row) to the next
    /// objective's, the last one to the end of the file.
    static func objectiveExtents(_ plan: Plan, endOfFile: SourceLocation) -> [SourceRange] {
        let starts = plan.objectives.map(\.anchor.start)
        return starts.map { start in
            let next = starts.filter { $0 > start }.min() ?? endOfFile
            return SourceRange(start: start, end: next)
        }
    }
}
