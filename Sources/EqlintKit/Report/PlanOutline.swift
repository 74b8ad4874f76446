import EqlintPlan
import EqlintText

/// What eqlint understood of a plan, for `eqlint outline`: its dates and
/// where each came from, each objective with its fields and their lines,
/// and the lines it could not place. A pure function of the plans.
public enum PlanOutline {
    /// A plan read from a file, as the outline shows it.
    public struct Entry: Sendable {
        public var path: String
        public var plan: Plan

        public init(path: String, plan: Plan) {
            self.path = path
            self.plan = plan
        }
    }

    // MARK: Text

    public static func text(_ entries: [Entry]) -> String {
        entries.map(text).joined(separator: "\n")
    }

    static func text(_ entry: Entry) -> String {
        let plan = entry.plan
        var lines = ["\(entry.path) (read as \(plan.format.isEmpty ? "markdown" : plan.format))"]
        for key in Plan.dateKeys {
            let label = (key + ":").padding(toLength: 11, withPad: " ", startingAt: 0)
            guard let date = plan.date(key) else {
                if Plan.outlinedDateKeys.contains(key) { lines.append("  \(label)not found") }
                continue
            }
            lines.append("  \(label)\(describe(date.span)), from the \(date.origin.rawValue) (line \(date.source.location.line)): \u{201C}\(date.source.text.shortened(to: 60))\u{201D}")
        }
        if plan.objectives.isEmpty {
            lines.append("  no objectives found")
        }
        for objective in plan.objectives {
            lines.append("  \(objective.name) (line \(objective.anchor.start.line))")
            for (name, field) in objective.fields.sorted(by: { $0.key < $1.key }) {
                let label = name.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                if field.entries.isEmpty {
                    lines.append("    \(label)line \(field.label.start.line): (empty)")
                }
                for entry in field.entries {
                    lines.append("    \(label)line \(entry.location.line): \u{201C}\(entry.text.shortened(to: 72))\u{201D}")
                }
            }
            for (number, action) in objective.actions.enumerated() {
                let fields = action.fields.keys.sorted().map(\.rawValue).joined(separator: ", ")
                lines.append("    action \(number + 1)        line \(action.anchor.start.line): \(fields.isEmpty ? "no fields" : fields)")
            }
        }
        for unplaced in plan.unplaced {
            lines.append("  line \(unplaced.text.location.line): \(unplaced.explanation)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A span in words: `September 2025 to July 2026`, `from September 2020`.
    static func describe(_ span: DateSpan) -> String {
        func day(_ day: CalendarDay) -> String { day.spelledOut }
        switch (span.start, span.end) {
        case let (start?, end?) where start == end: return day(start)
        case let (start?, end?): return "\(day(start)) to \(day(end))"
        case let (start?, nil): return "from \(day(start))"
        case let (nil, end?): return "until \(day(end))"
        case (nil, nil): return "no date"
        }
    }

    // MARK: JSON

    struct Document: Encodable {
        var plans: [PlanEntry]
    }

    struct PlanEntry: Encodable {
        var file: String
        var format: String
        var period: DateEntry?
        var published: DateEntry?
        var approved: DateEntry?
        var review: DateEntry?
        var objectives: [ObjectiveEntry]
        var unplaced: [UnplacedEntry]
    }

    struct DateEntry: Encodable {
        var text: String
        var line: Int
        var from: String
        var start: String?
        var end: String?
    }

    struct ObjectiveEntry: Encodable {
        var line: Int
        var number: String?
        var title: String
        var fields: [String: [TextEntry]]
        var actions: [ActionEntry]
    }

    struct ActionEntry: Encodable {
        var line: Int
        var fields: [String: [TextEntry]]
    }

    struct TextEntry: Encodable {
        var line: Int
        var column: Int
        var text: String
    }

    struct UnplacedEntry: Encodable {
        var line: Int
        var text: String
        var kind: String
        var message: String
    }

    public static func json(_ entries: [Entry]) -> String {
        JSONOutput.encode(Document(plans: entries.map(planEntry)))
    }

    static func planEntry(_ entry: Entry) -> PlanEntry {
        let plan = entry.plan
        func date(_ key: String) -> DateEntry? {
            plan.date(key).map {
                DateEntry(text: $0.source.text, line: $0.source.location.line, from: $0.origin.rawValue,
                          start: $0.span.start?.description, end: $0.span.end?.description)
            }
        }
        func fields(_ given: Fields) -> [String: [TextEntry]] {
            Dictionary(uniqueKeysWithValues: given.map { name, field in
                (name.rawValue, field.entries.map { TextEntry(line: $0.location.line, column: $0.location.column, text: $0.text) })
            })
        }
        return PlanEntry(
            file: entry.path, format: plan.format, period: date("period"), published: date("published"),
            approved: date("approved"), review: date("review"),
            objectives: plan.objectives.map { objective in
                ObjectiveEntry(line: objective.anchor.start.line, number: objective.number, title: objective.title,
                               fields: fields(objective.fields),
                               actions: objective.actions.map { ActionEntry(line: $0.anchor.start.line, fields: fields($0.fields)) })
            },
            unplaced: plan.unplaced.map {
                UnplacedEntry(line: $0.text.location.line, text: $0.text.text, kind: $0.kind.rawValue, message: $0.explanation)
            })
    }
}
