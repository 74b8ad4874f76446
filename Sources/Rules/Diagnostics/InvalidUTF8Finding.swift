import EqlintText

extension Diagnostic {
    /// The rule id of the finding for a plan that is not UTF-8 text. It is
    /// built in, not a rule file: no configuration or comment turns it off,
    /// as none can make the file readable.
    public static let invalidUTF8RuleID = "invalid-utf8"

    /// The finding for a plan that is not UTF-8 text, at its first bad byte.
    /// The plan is still checked, each bad sequence read as U+FFFD.
    static func invalidUTF8(_ invalid: InvalidUTF8, path: String) -> Diagnostic {
        let end = SourceLocation(line: invalid.location.line, column: invalid.location.column + 1)
        let others = invalid.count == 1 ? "" : invalid.count == 2 ? " (and 1 more place)" : " (and \(invalid.count - 1) more places)"
        return Diagnostic(
            path: path, range: SourceRange(start: invalid.location, end: end), severity: .error, ruleID: invalidUTF8RuleID,
            message: "This file is not valid UTF-8 text: \(invalid) is not part of any character\(others); "
                + "eqlint read it as \u{FFFD} and checked the rest",
            help: "Save the file with UTF-8 encoding (in most editors: Save with Encoding, UTF-8). A file saved as "
                + "Windows-1252 or Latin-1 turns accented letters, dashes and curly quotes into bytes like this one.")
    }
}
