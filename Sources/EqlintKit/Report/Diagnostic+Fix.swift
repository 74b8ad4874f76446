extension Diagnostic {
    /// The message with the fix on a line after it, for formats that have
    /// one text per finding (GitHub annotations, Checkstyle): readers there
    /// see no `note:` line, so the advice travels with the finding.
    func message(withFix: Bool) -> String {
        withFix && !help.isEmpty ? "\(message)\nHow to fix: \(help)" : message
    }
}
