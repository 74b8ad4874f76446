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
        if Self.bracesStandAlone(text) { return renderBytes(values) }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += values[String(rest[rest.index(after: open)..<close])] ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Whether every brace has ASCII on both sides, so that it is a character
    /// of its own and a search over bytes finds the same braces as one over characters.
    private static func bracesStandAlone(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        var afterBrace = false
        for byte in text.utf8 {
            if afterBrace, byte >= 0x80 { return false }
            afterBrace = byte == 0x7B || byte == 0x7D
            if afterBrace, previous >= 0x80 { return false }
            previous = byte
        }
        return true
    }

    /// `render` over bytes, for templates whose braces stand alone.
    private func renderBytes(_ values: [String: String]) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x7B, let close = bytes[index...].firstIndex(of: 0x7D) else {
                // No placeholder left: the rest is as written.
                if bytes[index] == 0x7B { result += bytes[index...]; break }
                result.append(bytes[index])
                index += 1
                continue
            }
            let name = String(decoding: bytes[index + 1..<close], as: UTF8.self)
            result += (values[name] ?? "").utf8
            index = close + 1
        }
        return String(decoding: result, as: UTF8.self)
    }
}
