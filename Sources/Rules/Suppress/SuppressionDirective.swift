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
            let text = body[separator.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
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

    /// Whether a comment's first word, after `<!--` and spaces, tabs and line
    /// ends, may begin with `eqlint` in any case (`read` reads only those).
    /// Over the bytes: no other character lower-cases to one of its
    /// letters, and the separators `read` splits words at are single bytes.
    static func mayBeForEqlint(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = bytes.starts(with: "<!--".utf8) ? 4 : 0
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
            guard bytes.count - index >= 6 else { return false }
            // ASCII letters lower-cased by setting their 0x20 bit.
            return zip(bytes[index..<(index + 6)], "eqlint".utf8).allSatisfy { $0 | 0x20 == $1 }
        }
    }

    func covers(_ ruleID: String) -> Bool {
        ruleIDs.isEmpty || ruleIDs.contains(ruleID)
    }
}
