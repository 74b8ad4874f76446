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
    ///   - objectiveExtents: the lines of each objective, by index in `Plan.objectives`;
    ///     asked for only when a finding of a superseding rule is found.
    static func superseded(_ findings: [(rule: Int, finding: Finding)], of rules: [Rule], objectiveExtents: () -> [SourceRange]) -> [Bool] {
        // A flag for each finding, not a `Set<Int>`, whose first use in a run costs a scan of the binary's conformances.
        var dropped = [Bool](repeating: false, count: findings.count)
        var extents: [SourceRange]?
        // By index: each finding (a rule index and a `Finding`) read in place, not copied out of the array.
        for index in findings.indices where !rules[findings[index].rule].supersedes.isEmpty {
            guard let place = findings[index].finding.place else { continue }
            let known = extents ?? objectiveExtents()
            extents = known
            for id in rules[findings[index].rule].supersedes {
                for rule in rules.indices where rules[rule].id == id {
                    // Most plans have a dozen findings: looking through them all is cheaper than grouping them by rule.
                    for other in findings.indices where findings[other].rule == rule && !dropped[other] {
                        guard let otherPlace = findings[other].finding.place else { continue }
                        if samePlace(place, otherPlace, known) { dropped[other] = true }
                    }
                }
            }
        }
        return dropped
    }

    static func samePlace(_ a: FindingPlace, _ b: FindingPlace, _ objectiveExtents: [SourceRange]) -> Bool {
        if a.extent == .plan || b.extent == .plan { return true }
        // Either way round, with no array of the two pairs made for each call.
        if a.extent == .objective, let objective = a.objective { return holds(objective, b, objectiveExtents) }
        if b.extent == .objective, let objective = b.objective { return holds(objective, a, objectiveExtents) }
        return overlap(a.range, b.range)
    }

    /// Whether a finding about an objective is at the same place as another finding.
    private static func holds(_ objective: Int, _ other: FindingPlace, _ objectiveExtents: [SourceRange]) -> Bool {
        if let owner = other.objective { return owner == objective }
        return objectiveExtents.indices.contains(objective) && overlap(objectiveExtents[objective], other.range)
    }

    /// Whether two ranges share a character, or an empty one lies within the other.
    static func overlap(_ a: SourceRange, _ b: SourceRange) -> Bool {
        if a.start == a.end { return b.start <= a.start && a.start <= b.end }
        if b.start == b.end { return a.start <= b.start && b.start <= a.end }
        return max(a.start, b.start) < min(a.end, b.end)
    }

    /// Each objective's lines: from its heading (or row) to the next
    /// objective's, the last one to the end of the file.
    /// - Parameter starts: where each objective starts (`anchor.start`), by index in `Plan.objectives`.
    static func objectiveExtents(starts: [SourceLocation], endOfFile: SourceLocation) -> [SourceRange] {
        starts.map { start in
            // The first start after this one (the objectives need not be in file order), with no array made for each.
            var next: SourceLocation?
            for other in starts where other > start {
                if let found = next, found <= other { continue }
                next = other
            }
            return SourceRange(start: start, end: next ?? endOfFile)
        }
    }
}
