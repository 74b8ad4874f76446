/// The one-line tally printed on standard error after a check:
/// `2 errors, 5 warnings in 3 plans (12 checked)`, or for a clean run
/// `12 plans checked: no problems found`.
public struct Summary: Sendable, Equatable, Codable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    public var plansWithFindings = 0
    public var plansChecked = 0

    public init(_ files: [FileReport] = []) {
        for file in files { add(file) }
    }

    /// Counts one more plan, as a run streams its reports.
    public mutating func add(_ file: FileReport) {
        plansChecked += 1
        if !file.diagnostics.isEmpty { plansWithFindings += 1 }
        for diagnostic in file.diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    public var description: String {
        func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
        if plansWithFindings == 0 { return "\(count(plansChecked, "plan")) checked: no problems found" }
        var parts = [count(errors, "error"), count(warnings, "warning")]
        if infos > 0 { parts.append("\(infos) info") }
        return "\(parts.joined(separator: ", ")) in \(count(plansWithFindings, "plan")) (\(plansChecked) checked)"
    }
}
