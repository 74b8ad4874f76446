import EqlintPlan
import EqlintText

/// A plan in a few words, for a report that lists plans and their
/// objectives (`--format html`): the school, the period, and each
/// objective's number, statement and line. Texts are cut short, so a run
/// over many plans keeps little of each.
public struct PlanSynopsis: Sendable, Hashable {
    /// One objective: its number as written, its statement, and its line.
    public struct Objective: Sendable, Hashable {
        public var number: String?
        public var title: String
        public var line: Int

        public init(number: String?, title: String, line: Int) {
            self.number = number
            self.title = title
            self.line = line
        }
    }

    /// The school's name: the front matter's `school`, else the plan's title.
    public var school: String?
    /// The period in words: `1 September 2025 to 31 August 2028`.
    public var period: String?
    public var objectives: [Objective]

    /// The longest text kept, in characters.
    public static let longestText = 300

    public init(school: String?, period: String?, objectives: [Objective]) {
        self.school = school
        self.period = period
        self.objectives = objectives
    }

    public init(_ plan: Plan, path: String) {
        func short(_ text: String?) -> String? {
            // Most texts start and end with a printable ASCII character and are no longer than the
            // limit in bytes, so in characters: kept whole, with no character counted.
            if let text, Self.isKeptWhole(text) { return text }
            guard let whole = text, let first = whole.firstIndex(where: { !$0.isWhitespace }),
                  let last = whole.lastIndex(where: { !$0.isWhitespace }) else { return nil }
            let text = String(whole[first...last])
            return text.count > Self.longestText ? String(text.prefix(Self.longestText - 1)) + "\u{2026}" : text
        }
        let school = plan.hasFrontMatter("school") ? plan.frontMatter["school"]?.text : plan.title?.text
        self.init(school: short(school), period: plan.period.map { Self.describe($0.span) },
                  objectives: plan.objectives.map {
                      Objective(number: $0.number, title: short($0.title) ?? "", line: $0.anchor.start.line)
                  })
    }

    /// Whether a text is its own short form: at most `longestText` bytes
    /// (so at most as many characters), its first and last bytes printable
    /// ASCII, neither a space nor part of a character that is one.
    static func isKeptWhole(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, utf8.count <= longestText else { return false }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }

    /// A span in words: `1 September 2025 to 31 July 2026`, `from 1 September 2020`.
    static func describe(_ span: DateSpan) -> String {
        switch (span.start, span.end) {
        case let (start?, end?) where start == end: return start.spelledOut
        case let (start?, end?): return "\(start.spelledOut) to \(end.spelledOut)"
        case let (start?, nil): return "from \(start.spelledOut)"
        case let (nil, end?): return "until \(end.spelledOut)"
        case (nil, nil): return "no date"
        }
    }
}
