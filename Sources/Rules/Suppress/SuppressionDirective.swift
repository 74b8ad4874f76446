import EqlintPlan
import Foundation

/// An `eqlint-*` instruction in an HTML comment of a plan:
/// `<!-- eqlint-disable-next-line objective-lead -- reason -->`.
struct SuppressionDirective {
    enum Kind: String, CaseIterable {
        case disableNextLine = "eqlint-disable-next-line"
        /// At the end of a line (as in markdownlint and ESLint): that line.
        case disableLine = "eqlint-disable-line"
        case disable = "eqlint-disable"
        case enable = "eqlint-enable"
        case disableFile = "eqlint-disable-file"
    }

    var kind: Kind
    /// The rules it names; empty means every rule.
    var ruleIDs: [String]
    /// The text after `--`, if any.
    var reason: String?
    /// The whole comment.
    var comment: TextValue
    /// Whether the comment is in a line of text (at the end of a heading,
    /// say) rather than on a line of its own.
    var inLine = false

    /// An `eqlint-` comment whose first word is no eqlint instruction.
    struct Malformed: Error {
        var comment: TextValue
        /// The word as written (`eqlint-disable-line`).
        var word: String
        /// The instruction nearest to it, if one is near.
        var suggestion: String?
    }

    /// Reads a comment: nil when it is not for eqlint at all.
    static func read(_ comment: TextValue) -> Result<SuppressionDirective, Malformed>? {
        // Most comments are not for eqlint: told from their first word's bytes, not its words.
        guard mayBeForEqlint(comment.text) else { return nil }
        var body = Substring(comment.text)
        if body.hasPrefix("<!--") { body = body.dropFirst(4) }
        if body.hasSuffix("-->") { body = body.dropLast(3) }
        var reason: String?
        if let separator = body.range(of: " --") ?? body.range(of: "\t--") {
            let text = trimmed(body[separator.upperBound...])
            reason = text.isEmpty ? nil : text
            body = body[..<separator.lowerBound]
        }
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
        guard let first = words.first else { return nil }
        // `eqlint disable ...`: a space for the hyphen.
        if first.lowercased() == "eqlint" || first.lowercased() == "eqlint:", words.count > 1 {
            let meant = "eqlint-" + words[1].lowercased()
            guard Kind(rawValue: meant) != nil else { return nil }
            return .failure(Malformed(comment: comment, word: "\(first) \(words[1])", suggestion: meant))
        }
        guard first.lowercased().hasPrefix("eqlint-") else { return nil }
        guard let kind = Kind(rawValue: first) else {
            return .failure(Malformed(comment: comment, word: first, suggestion: Spelling.closest(to: first, in: Kind.allCases.map(\.rawValue))))
        }
        let ids = words.dropFirst().flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
        return .success(SuppressionDirective(kind: kind, ruleIDs: ids, reason: reason, comment: comment))
    }

    /// The text without the spaces and line ends round it, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` leaves it. ASCII
    /// spaces, tabs and line ends are cut over the bytes; when a visible
    /// ASCII character is then at each end, nothing more would be cut, and
    /// Foundation (some 80,000 instructions a call) is not asked.
    static func trimmed(_ text: Substring) -> String {
        let utf8 = text.utf8
        let start = utf8.firstIndex { !isASCIISpace($0) } ?? utf8.endIndex
        let end = utf8.lastIndex { !isASCIISpace($0) }.map(utf8.index(after:)) ?? start
        // Nothing but ASCII spaces and line ends: all cut.
        guard start < end else { return "" }
        if (0x21...0x7E).contains(utf8[start]), (0x21...0x7E).contains(utf8[utf8.index(before: end)]) { return String(text[start..<end]) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A space, tab, line feed, vertical tab, form feed or carriage return.
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Whether a comment's first word, after `<!--` and spaces, tabs and line
    /// ends, may begin with `eqlint` in any case (`read` reads only those).
    /// Over the bytes: no other character lower-cases to one of its
    /// letters, and the separators `read` splits words at are single bytes.
    static func mayBeForEqlint(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let opens = bytes.count >= 4 && bytes[0] == 0x3C && bytes[1] == 0x21 && bytes[2] == 0x2D && bytes[3] == 0x2D
            var index = opens ? 4 : 0
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
            guard bytes.count - index >= 6 else { return false }
            // ASCII letters lower-cased by setting their 0x20 bit. (A plain loop: `zip` of these
            // two kinds costs the runtime a generic type made on first use, some 60,000 instructions.)
            for letter in "eqlint".utf8 {
                guard bytes[index] | 0x20 == letter else { return false }
                index += 1
            }
            return true
        }
    }

    func covers(_ ruleID: String) -> Bool {
        ruleIDs.isEmpty || ruleIDs.contains(ruleID)
    }
}
