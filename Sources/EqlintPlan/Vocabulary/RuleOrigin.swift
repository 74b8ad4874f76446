import EqlintText

/// The file and place a rule (or a rule's pattern) was read from.
public struct RuleOrigin: Sendable, Hashable {
    public var path: String
    public var location: SourceLocation
    /// Whether the rule is one of eqlint's built-in defaults.
    public var isDefault = false

    package init(path: String, location: SourceLocation, isDefault: Bool = false) {
        self.path = path
        self.location = location
        self.isDefault = isDefault
    }
}
