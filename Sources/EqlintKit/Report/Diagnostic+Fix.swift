extension Diagnostic {
    /// The message with the fix on a line after it, for formats that have
    /// one text per finding (GitHub annotations, Checkstyle): readers there
    /// see no `note:` line, so the advice travels with the finding.
    func message(withFix: Bool) -> String {
        withFix && !help.isEmpty ? "\(message)\nHow to fix: \(help)" : message
    }
}

extension Diagnostic {
    /// What kind of finding it is, for formats with a title or a line to
    /// say so: `legal requirement` (its rule's basis is the law) or `recommendation`.
    var kind: String {
        basis?.isLegal == true ? "legal requirement" : "recommendation"
    }
}
