import Rules

/// An eqlint finding as the protocol's `Diagnostic`.
enum LSPDiagnostic {
    /// The `code` of the one finding that says the configuration does not load.
    static let configurationCode = "configuration"

    /// `{range, severity, code, codeDescription, source, message, data}`;
    /// `data` holds the rule's basis, the fix in words and the fingerprint.
    static func json(_ diagnostic: Diagnostic, range: LSPRange, ruleSet: RuleSet?, documentation: String?) -> JSONValue {
        let rule = ruleSet?.rule(id: diagnostic.ruleID)
        let link = documentation.flatMap { base in rule.map { _ in base + "#" + diagnostic.ruleID } }
        return .fields([
            "range": range.json,
            "severity": .int(severity(diagnostic.severity)),
            "code": .string(diagnostic.ruleID),
            "codeDescription": link.map { .fields(["href": .string($0)]) },
            "source": "eqlint",
            "message": .string(diagnostic.message),
            "data": .fields([
                "basis": (diagnostic.basis ?? rule?.basis).map { .string($0.rawValue) },
                "help": diagnostic.help.isEmpty ? nil : .string(diagnostic.help),
                "fingerprint": diagnostic.fingerprint.isEmpty ? nil : .string(diagnostic.fingerprint),
            ]),
        ])
    }

    /// The protocol's severities: 1 error, 2 warning, 3 information.
    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        }
    }
}
