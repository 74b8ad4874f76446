import Rules

/// JUnit XML for CI test reports (GitLab, Jenkins): one test suite per plan,
/// one test case per rule checked; a rule with findings in a plan fails, its
/// failure listing each finding. A clean plan shows all its cases passing.
public struct JUnitReporter: Reporter {
    /// The rules checked, one test case each.
    public let ruleIDs: [String]

    public static let identifier = "junit"
    public static let description = "JUnit XML for CI test reports (GitLab, Jenkins): a test case per rule and plan."

    public init(ruleSet: RuleSet) {
        ruleIDs = ruleSet.rules.filter(\.enabled).map(\.id)
    }

    public init(context: ReporterContext) {
        self.init(ruleSet: context.ruleSet)
    }

    public func report(_ files: [FileReport]) -> String {
        var suites = ""
        var totalFailures = 0
        var totalTests = 0
        for file in files {
            let byRule = Dictionary(grouping: file.diagnostics, by: \.ruleID)
            // A rule a plan's own configuration added still gets its case.
            let ids = ruleIDs + byRule.keys.filter { !ruleIDs.contains($0) }.sorted()
            let failures = ids.filter { byRule[$0] != nil }.count
            totalFailures += failures
            totalTests += ids.count
            let name = XMLText.escape(file.path)
            suites += "  <testsuite name=\"\(name)\" tests=\"\(ids.count)\" failures=\"\(failures)\" errors=\"0\">\n"
            for id in ids {
                let opening = "    <testcase name=\"\(XMLText.escape(id))\" classname=\"\(name)\""
                guard let findings = byRule[id], let first = findings.first else {
                    suites += opening + "/>\n"
                    continue
                }
                let worst = findings.map(\.severity).max() ?? first.severity
                let lines = findings.map { "\($0.path):\($0.range.start.line):\($0.range.start.column): \($0.message) (\($0.kind))" }
                suites += opening + ">\n"
                suites += "      <failure message=\"\(XMLText.escape(first.message))\" type=\"\(worst.rawValue)\">"
                suites += XMLText.escape(lines.joined(separator: "\n")) + "</failure>\n"
                suites += "    </testcase>\n"
            }
            suites += "  </testsuite>\n"
        }
        return XMLText.declaration
            + "<testsuites name=\"eqlint\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\">\n"
            + suites + "</testsuites>\n"
    }
}
