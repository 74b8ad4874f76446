/// A message with `{placeholders}`, filled in for each finding.
public struct MessageTemplate: Sendable, Hashable {
    public let text: String
    /// The text cut at its placeholders, once, so that rendering only joins.
    private let parts: [Part]

    private enum Part: Sendable, Hashable {
        case literal(String)
        case placeholder(String)
    }

    /// Every placeholder a message may use; which are filled depends on the check.
    public static let placeholders: Set<String> = [
        "objective", "text", "field", "years", "date", "period", "terms", "found", "term", "problem",
    ]

    /// Checks the template; on failure returns the first unknown or unclosed placeholder.
    public init(_ text: String) throws(TemplateError) {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { throw .unclosed }
            let name = String(rest[rest.index(after: open)..<close])
            guard Self.placeholders.contains(name) else { throw .unknown(name) }
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            parts.append(.placeholder(name))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.text = text
        self.parts = parts
    }

    public enum TemplateError: Error, Equatable {
        case unknown(String)
        case unclosed
    }

    /// The message with each placeholder replaced (an unfilled one by nothing).
    public func render(_ values: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 64)
        for part in parts {
            switch part {
            case .literal(let literal): result += literal
            case .placeholder(let name): result += values[name] ?? ""
            }
        }
        return result
    }
}
