import Foundation

/// A path pattern, as in `.gitignore`: `*` matches within a folder name, `**`
/// across folders, `?` one character. A pattern without `/` matches at any depth.
public struct Glob: @unchecked Sendable {
    // NSRegularExpression is immutable and safe to share across threads.
    public let pattern: String
    private let regex: NSRegularExpression

    public init?(_ pattern: String) {
        self.pattern = pattern
        // A slash at the start or in the middle anchors the pattern to the
        // configuration's folder; a trailing one only says "a folder".
        let anchored = pattern.hasPrefix("/") || pattern.dropLast().contains("/")
        var body = pattern.hasPrefix("/") ? String(pattern.dropFirst()) : anchored ? pattern : "**/" + pattern
        if body.hasSuffix("/") { body += "**" }
        var regex = "^"
        let characters = Array(body)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "*", index + 1 < characters.count, characters[index + 1] == "*" {
                let followedBySlash = index + 2 < characters.count && characters[index + 2] == "/"
                regex += followedBySlash ? "(?:.*/)?" : ".*"
                index += followedBySlash ? 3 : 2
                continue
            }
            switch character {
            case "*": regex += "[^/]*"
            case "?": regex += "[^/]"
            default: regex += NSRegularExpression.escapedPattern(for: String(character))
            }
            index += 1
        }
        guard let compiled = try? NSRegularExpression(pattern: regex + "$") else { return nil }
        self.regex = compiled
    }

    /// Whether a `/`-separated relative path matches.
    public func matches(_ path: String) -> Bool {
        regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
    }
}
