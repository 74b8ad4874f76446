/// A message with `{placeholders}`, filled in for each finding.
public struct MessageTemplate: Sendable, Hashable {
    public let text: String

    /// Every placeholder a message may use; which are filled depends on the check.
    public static let placeholders: Set<String> = [
        "objective", "text", "field", "years", "date", "period", "terms", "found", "term", "problem",
    ]

    /// Checks the template; on failure returns the first unknown or unclosed placeholder.
    public init(_ text: String) throws(TemplateError) {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { throw .unclosed }
            let name = String(rest[rest.index(after: open)..<close])
            guard Self.placeholders.contains(name) else { throw .unknown(name) }
            rest = rest[rest.index(after: close)...]
        }
        self.text = text
    }

    public enum TemplateError: Error, Equatable {
        case unknown(String)
        case unclosed
    }

    /// The message with each placeholder replaced (an unfilled one by nothing).
    public func render(_ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += values[String(rest[rest.index(after: open)..<close])] ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
