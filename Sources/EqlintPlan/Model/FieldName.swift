/// The name of a field of an objective or action (`lead`, `success`, ...).
///
/// Names come from the labels vocabulary in `rules/`, so a trust can add a
/// field without a rebuild; the ones the parser gives meaning to are below.
public struct FieldName: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    /// The name's hash, worked out once: a plan's fields are looked up by
    /// name again and again, and hashing the string each time was most of
    /// the cost of a look-up. (Names equal as strings have equal hashes.)
    let nameHash: Int

    public init(rawValue: String) {
        self.rawValue = rawValue
        nameHash = rawValue.hashValue
    }

    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public static func == (lhs: FieldName, rhs: FieldName) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(nameHash) }

    public static func < (lhs: FieldName, rhs: FieldName) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }

    /// The objective's own statement; as a table column, it makes each row an objective.
    public static let objective: FieldName = "objective"
    /// The child-friendly version; also names a plan-level section.
    public static let child: FieldName = "child"
    /// When the objective or action will be done.
    public static let timescale: FieldName = "timescale"
    /// Progress and evaluation; also names a plan-level monitoring section.
    public static let evaluation: FieldName = "evaluation"
    /// A table column that numbers the objectives: read as each objective's number.
    public static let number: FieldName = "number"
    /// Labels of the plan-level Glossary section.
    public static let glossary: FieldName = "glossary"
}
