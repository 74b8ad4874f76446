/// `--format` was given a name no registered reporter has.
public struct UnknownFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name given.
    public var name: String
    /// The formats there are, in `Reporters.all`'s order.
    public var known: [String]
    /// The known format the name is closest to, when it looks like a slip.
    public var suggestion: String?

    public init(name: String, known: [String], suggestion: String?) {
        self.name = name
        self.known = known
        self.suggestion = suggestion
    }

    public var description: String {
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return "--format must be one of \(known.joined(separator: ", ")), not '\(name)'\(hint)"
    }
}
