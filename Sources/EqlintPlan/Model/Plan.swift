import EqlintText

/// One equality objectives plan, as eqlint read it from a file.
public struct Plan: Sendable {
    /// Front matter values by lower-cased key.
    public var frontMatter: [String: TextValue] = [:]
    /// The plan's title (its first top-level heading).
    public var title: TextValue?
    /// The period the plan covers, from front matter or the title.
    public var period: DatedText?
    /// When the plan was published (front matter `published`, or the text's
    /// `Published: ...`). Where no publication is given, the approval stands
    /// for it in the date checks.
    public var published: DatedText?
    /// When governors approved it (front matter `approved`, or the text).
    public var approved: DatedText?
    /// When it is next to be reviewed (front matter `review`, or the text).
    public var review: DatedText?
    /// When the school last published its equality information (regulation
    /// 4: at least yearly), where the plan says: front matter
    /// `equality-information`, or the text ("Equality information last updated: ...").
    public var equalityInformation: DatedText?
    public var objectives: [Objective] = []
    /// Terms the plan defines in its Glossary, by upper-cased term.
    public var glossary: [String: TextValue] = [:]
    /// Front matter dates eqlint could not read (`period: 2026-13-45`), by key.
    public var unreadableDates: [(key: String, value: TextValue)] = []
    /// Every HTML comment in the file, in order.
    public var comments: [TextValue] = []
    /// Lines eqlint could not place that look like a label or an objective,
    /// for `eqlint outline` to show.
    public var unplaced: [UnplacedLine] = []
    /// Lines that only give the plan its structure and hold none of its
    /// words: table header rows, a line naming an objective again in a
    /// monitoring section. (`eqlint convert` writes the structure afresh.)
    public var structuralLines: [SourceRange] = []
    /// The format the file was read as (`markdown`, `text`).
    public var format = ""

    public init() {}

    /// Whether the front matter gives a value (not just an empty key) for a key.
    public func hasFrontMatter(_ key: String) -> Bool {
        !(frontMatter[key]?.text.isEmpty ?? true)
    }

    /// The front matter keys that hold the plan's dates, in the order they are read.
    public static let dateKeys = ["period", "published", "approved", "review", "equality-information"]

    /// The date keys `eqlint outline` lists even when the plan does not give them.
    public static let outlinedDateKeys: Set<String> = ["period", "published", "approved", "review"]

    /// One of the plan's dates by its key (`period`, `published`, `approved`, `review`, `equality-information`).
    public func date(_ key: String) -> DatedText? {
        switch key {
        case "period": return period
        case "published": return published
        case "approved": return approved
        case "review": return review
        case "equality-information": return equalityInformation
        default: return nil
        }
    }

    /// Records one of the plan's dates.
    mutating func setDate(_ key: String, _ date: DatedText) {
        switch key {
        case "period": period = date
        case "published": published = date
        case "approved": approved = date
        case "review": review = date
        case "equality-information": equalityInformation = date
        default: break
        }
    }
}

/// A line eqlint read but could not place, and what it looks like.
public struct UnplacedLine: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// `Staff responsible: Mrs Patel`: a label the labels vocabulary does not know.
        case unknownLabel = "unknown-label"
        /// `Objective 2 was met last year`: a mention of an objective that starts none.
        case objectiveMention = "objective-mention"
    }
    public var text: TextValue
    public var kind: Kind
    /// For an unknown label, the label as written.
    public var label: String?

    public init(text: TextValue, kind: Kind, label: String? = nil) {
        self.text = text
        self.kind = kind
        self.label = label
    }

    /// What it looks like, and what to do about it, in a sentence.
    public var explanation: String {
        switch kind {
        case .unknownLabel:
            return "\u{201C}\(label ?? text.text)\u{201D} looks like a label but is not one eqlint knows; add it to the labels vocabulary"
        case .objectiveMention:
            return "mentions an objective but does not start one; write it as 'Objective N: statement' on a line of its own"
        }
    }
}

/// A date or period written in a plan, with what eqlint understood of it.
public struct DatedText: Sendable, Hashable {
    public var source: TextValue
    public var span: DateSpan
    /// Where the plan gives it.
    public var origin: Origin

    /// Where a plan gives one of its dates.
    public enum Origin: String, Sendable, Hashable {
        case frontMatter = "front matter"
        case title
        case text
    }

    public init(source: TextValue, span: DateSpan, origin: Origin = .frontMatter) {
        self.source = source
        self.span = span
        self.origin = origin
    }
}

/// One equality objective: a section headed `Objective ...`, or a row of a
/// plan-level objectives table.
public struct Objective: Sendable {
    /// Its number as written (`1`, `2a`; `three` becomes `3`), if any.
    public var number: String?
    /// Its title or statement, in plain words.
    public var title: String
    /// Where a missing field is reported: the heading, or the row's objective cell.
    public var anchor: SourceRange
    /// Fields given for the objective as a whole.
    public var fields = Fields()
    /// Rows of its action tables, each with fields of its own.
    public var actions: [Action] = []
    /// Every piece of the objective's own text (statement, fields, prose),
    /// where an aim of the duty may be named.
    public var text: [TextValue] = []

    public init(number: String?, title: String, anchor: SourceRange) {
        self.number = number
        self.title = title
        self.anchor = anchor
    }

    /// How messages name it: `Objective 2`, or `Objective "Improve attendance…"`.
    public var name: String {
        if let number { return "Objective " + number }  // not interpolated: several times cheaper, for each finding's {objective}
        return title.isEmpty ? "An objective" : "Objective \u{201C}\(title.shortened(to: 48))\u{201D}"
    }

    /// The objective's entries for a field, followed by those of each action.
    public func entries(of field: FieldName) -> [TextValue] {
        // The field's own array as it is when no action adds to it (no copy), else one array grown in place.
        var entries = fields.entries(of: field)
        for action in actions where action.fields.hasEntries(field) {
            entries += action.fields.entries(of: field)
        }
        return entries
    }
}

/// One action of an objective: a row of an action table.
public struct Action: Sendable {
    /// The row's start, where a missing field of the action is reported.
    public var anchor: SourceRange
    public var fields = Fields()

    public init(anchor: SourceRange) { self.anchor = anchor }
}

/// A field as the plan gives it: its label and its entries (one per list
/// item, paragraph or table cell part).
public struct Field: Sendable {
    public var name: FieldName
    /// Where the label is written (for a table cell, the cell).
    public var label: SourceRange
    public var entries: [TextValue]
    /// The label as written (`Lead Person/ Responsibility`, a table's column
    /// header), when it is known.
    public var labelText: String?

    public init(name: FieldName, label: SourceRange, entries: [TextValue] = [], labelText: String? = nil) {
        self.name = name
        self.label = label
        self.entries = entries
        self.labelText = labelText
    }
}

extension String {
    /// The string cut to at most `limit` characters, with an ellipsis when cut.
    public func shortened(to limit: Int) -> String {
        // No more bytes than the limit, no more characters: left as it is, without counting them.
        if utf8.count <= limit { return self }
        if let short = asciiShortened(to: limit) { return short }
        return count <= limit ? self : String(prefix(limit - 1)).trimmingTrailingSpaces + "\u{2026}"
    }

    /// `shortened(to:)` over the bytes of a string of more than `limit`
    /// bytes that starts with `limit + 1` ASCII characters other than a
    /// carriage return (nil for another): each of those is a character of
    /// its own (only CR LF is one character of two), so the string has more
    /// than `limit` characters and its first `limit - 1` are its first
    /// bytes. Counting characters one by one cost thousands of instructions
    /// for each finding's `{text}` or objective title.
    private func asciiShortened(to limit: Int) -> String? {
        var text = self
        return text.withUTF8 { bytes -> String? in
            guard bytes.count > limit, bytes[...limit].allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            var end = limit - 1
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }  // trailing spaces, as `trimmingTrailingSpaces`
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self) + "\u{2026}"
        }
    }

    var trimmingTrailingSpaces: String {
        var result = Substring(self)
        while result.last == " " { result.removeLast() }
        return String(result)
    }
}
