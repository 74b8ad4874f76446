import EqlintText

/// A rule, vocabulary or configuration file that cannot be used, and where and why.
public struct RuleFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// Where in the file; nil when the trouble is the file as a whole.
    public var location: SourceLocation?
    public var message: String
    /// The errors found after this one in the same file (a configuration
    /// file reports all of its errors at once), in order.
    public var more: [RuleFileError] = []

    public init(path: String, location: SourceLocation?, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    /// The errors in the order of their places (a file's own first), as one
    /// error holding the rest; nil when there are none.
    public init?(all errors: [RuleFileError]) {
        let sorted = errors.flatMap { [RuleFileError(path: $0.path, location: $0.location, message: $0.message)] + $0.more }
            .enumerated().sorted { a, b in
                let (x, y) = (a.element.location, b.element.location)
                if x != y { return x == nil || (y != nil && x! < y!) }
                return a.offset < b.offset
            }.map(\.element)
        guard var first = sorted.first else { return nil }
        first.more = Array(sorted.dropFirst())
        self = first
    }

    /// One line for each error, this one first.
    public var description: String {
        ([self] + more).map { "\($0.path):\($0.location.map { "\($0): " } ?? " ")\($0.message)" }.joined(separator: "\n")
    }
}
