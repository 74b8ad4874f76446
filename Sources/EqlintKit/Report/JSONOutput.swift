import Foundation

/// How eqlint writes JSON documents: pretty, with sorted keys (so output is
/// stable and diffs are small), slashes unescaped, and a final newline.
enum JSONOutput {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A document whose array `key` was encoded empty, cut where its
    /// elements go: through the array's `[` and line break, and from the
    /// line break before its `]`. Elements (see `element`) joined by ",\n"
    /// between the two make the document with those elements.
    static func split(_ document: String, atEmptyArray key: String) -> (head: String, tail: String) {
        let opening = "\"\(key)\" : [\n"
        // A key in a JSON string has its quotes escaped, so this finds the key itself.
        guard let range = document.range(of: opening) else { return (document, "") }
        return (String(document[..<range.upperBound]), String(document[range.upperBound...]))
    }

    /// Elements of an array, as they read in a document where the array's
    /// elements are `depth` levels in (2 spaces a level), joined by ",\n".
    /// Encoded as one array (one encoder for them all), then re-indented.
    static func elements<Value: Encodable>(_ values: [Value], depth: Int) -> String {
        guard !values.isEmpty, depth >= 1 else { return "" }
        let indent = String(repeating: " ", count: 2 * (depth - 1))
        // "[", the elements one level in, "]": a JSON string holds no raw line break,
        // so each line is the document's own.
        let lines = encode(values).dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropFirst().dropLast().map { indent + $0 }.joined(separator: "\n")
    }
}
