import Rules

/// One self-contained web page for the clerk and the governors: a summary
/// row for each plan (school, period, a verdict in words, counts), then for
/// each plan a matrix of its objectives against what each needs, and its
/// findings grouped by objective, legal requirements first.
///
/// The page needs nothing else: its CSS is inline, it has no script and
/// fetches nothing, so it can be opened from a file, sent by email or
/// printed (A4, no table row cut across pages). Every text from a plan, a
/// path or a rule file is escaped. It streams: each plan's section is made
/// on its own, and the summary, which needs every plan, comes in the tail
/// and is shown first by the page's CSS (a link at the top leads to it).
public struct HTMLReporter: StreamingReporter {
    public static let identifier = "html"
    public static let description = "A web page for clerks and governors: a verdict per plan, a matrix, the findings."

    /// What the page needs of each rule: its basis, source, and whether it runs.
    struct RuleFacts: Sendable {
        var basis: Basis
        var source: String
        var enabled: Bool
    }

    let rules: [String: RuleFacts]

    public init(ruleSet: RuleSet) {
        var rules: [String: RuleFacts] = [:]
        for rule in ruleSet.rules where rules[rule.id] == nil {
            rules[rule.id] = RuleFacts(basis: rule.basis, source: rule.source, enabled: rule.enabled)
        }
        self.rules = rules
    }

    public init(context: ReporterContext) {
        self.init(ruleSet: context.ruleSet)
    }

    public func report(_ files: [FileReport]) -> String {
        streamedReport(files)
    }

    // MARK: The matrix's columns

    /// A requirement of an objective: a column of the matrix. `missing`
    /// rules find it absent; `weak` rules find it there but not right.
    struct Requirement: Sendable {
        var heading: String
        var missing: String
        var weak: [String]
        /// The word for a cell whose requirement is absent.
        var absentWord = "Missing"
        /// A requirement this one needs: where that is missing, this one cannot be there either.
        var needs: String?
    }

    static let requirements: [Requirement] = [
        Requirement(heading: "Aim of the duty", missing: "objective-aim", weak: []),
        Requirement(heading: "Characteristics", missing: "objective-characteristics",
                    weak: ["pupil-characteristic", "proxy-group-only"]),
        Requirement(heading: "Lead", missing: "objective-lead", weak: ["lead-initials", "lead-not-everyone"]),
        Requirement(heading: "Success criteria", missing: "objective-success-criteria", weak: []),
        Requirement(heading: "Measurable", missing: "objective-measurable",
                    weak: ["criterion-vague", "criterion-ambiguous-percent", "criterion-no-baseline"], absentWord: "No",
                    needs: "objective-success-criteria"),
        Requirement(heading: "Timescale", missing: "objective-timescale",
                    weak: ["timescale-end-date", "timescale-date-format", "timescale-order", "timescale-outside-plan"]),
        Requirement(heading: "Child-friendly version", missing: "objective-child-friendly", weak: ["child-friendly-readability"]),
    ]

    // MARK: Streaming

    public func head() -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="eqlint \(EqlintVersion.current)">
        <title>Equality objectives: what eqlint found</title>
        <style>
        \(Self.style)</style>
        </head>
        <body>
        <header>
        <h1>Equality objectives: what eqlint found</h1>
        <p>eqlint checks a school’s equality objectives against the Public Sector Equality Duty (Equality Act 2010, section 149, and the Specific Duties Regulations 2017). A <strong>legal requirement</strong> is something the law requires of every school; a <strong>recommendation</strong> comes from official guidance or good practice and makes the plan clearer and more useful, but the law does not require it.</p>
        <p class="skip"><a href="#summary">Go to the summary of every plan</a></p>
        </header>
        <main class="report">

        """
    }

    public var separator: String { "" }

    public func tail(_ summary: Summary) -> String {
        var out = "<section class=\"summary\" id=\"summary\" aria-labelledby=\"summary-title\">\n"
        out += "<h2 id=\"summary-title\">Summary</h2>\n"
        if summary.plans.isEmpty {
            out += "<p>No plan was checked.</p>\n"
        } else {
            let failing = summary.plans.filter { $0.legal > 0 }.count
            out += "<p>\(counted(summary.plansChecked, "plan")) checked: "
                + (failing == 0 ? "every one meets the legal requirements" : "\(failing) \(failing == 1 ? "does" : "do") not meet every legal requirement")
                + ". \(counted(summary.legal, "finding")) on legal requirements, \(counted(summary.recommendations, "recommendation")).</p>\n"
            out += "<table class=\"plans\">\n<caption>Each plan: its verdict on the law, and how many findings</caption>\n<thead><tr>"
                + "<th scope=\"col\" class=\"name\">School (or the plan’s title)</th><th scope=\"col\">Period</th><th scope=\"col\">Verdict</th>"
                + "<th scope=\"col\">Findings on legal requirements</th><th scope=\"col\">Recom\u{AD}mend\u{AD}ations</th>"
                + "<th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Info</th></tr></thead>\n<tbody>\n"
            for plan in summary.plans {
                let name = plan.school ?? plan.path
                out += "<tr><th scope=\"row\"><a href=\"#\(Self.anchor(plan.path))\">\(Self.escape(name))</a>"
                if plan.school != nil { out += "<br><span class=\"file\">\(Self.escape(plan.path))</span>" }
                out += "</th><td>\(Self.escape(plan.period ?? "not stated"))</td>"
                out += "<td class=\"\(plan.legal == 0 ? "meets" : "fails")\">\(Self.verdict(plan))</td>"
                out += "<td>\(plan.legal)</td><td>\(plan.recommendations)</td>"
                out += "<td>\(plan.errors)</td><td>\(plan.warnings)</td><td>\(plan.infos)</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "</section>\n</main>\n<footer><p>Made by eqlint \(EqlintVersion.current). "
            + "Each finding says where its requirement comes from; <code>eqlint explain RULE</code> says more.</p></footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    public func part(_ file: FileReport) -> String {
        let id = Self.anchor(file.path)
        let tally = PlanTally(file)
        var out = "<section class=\"plan\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n"
        out += "<h2 id=\"\(id)-title\">\(Self.escape(file.synopsis?.school ?? file.path))</h2>\n"
        out += "<p class=\"facts\">File: <span class=\"file\">\(Self.escape(file.path))</span>. "
            + "Period: \(Self.escape(file.synopsis?.period ?? "not stated")).</p>\n"
        out += "<p class=\"verdict \(tally.legal == 0 ? "meets" : "fails")\"><strong>\(Self.verdict(tally))</strong>"
            + (tally.legal > tally.legalRequirements ? " (\(counted(tally.legal, "finding")))" : "")
            + "; \(counted(tally.recommendations, "recommendation")).</p>\n"
        if let synopsis = file.synopsis {
            out += matrix(synopsis, file.diagnostics, id: id)
        }
        out += findings(file, id: id)
        out += "</section>\n"
        return out
    }

    // MARK: Parts of a plan's section

    enum Cell {
        case met, absent, weak, notChecked

        var mark: String {
            switch self {
            case .met: return "\u{2713}"
            case .absent: return "\u{2717}"
            case .weak: return "!"
            case .notChecked: return "\u{2013}"
            }
        }

        var className: String {
            switch self {
            case .met: return "met"
            case .absent: return "absent"
            case .weak: return "weak"
            case .notChecked: return "unchecked"
            }
        }
    }

    func matrix(_ synopsis: PlanSynopsis, _ diagnostics: [Diagnostic], id: String) -> String {
        guard !synopsis.objectives.isEmpty else {
            return "<p>eqlint found no objective in this plan, so there is nothing to show for each objective.</p>\n"
        }
        var rulesByObjective: [Int: Set<String>] = [:]
        for diagnostic in diagnostics {
            if let objective = diagnostic.objective { rulesByObjective[objective, default: []].insert(diagnostic.ruleID) }
        }
        var out = "<h3 id=\"\(id)-matrix\">Each objective at a glance</h3>\n"
        out += "<table class=\"matrix\">\n<caption>What each objective has: \u{2713} Yes, \u{2717} Missing (or No), "
            + "! Needs work, \u{2013} Not checked</caption>\n<thead><tr><th scope=\"col\">Objective</th>"
        for requirement in Self.requirements {
            let basis = rules[requirement.missing]?.basis
            out += "<th scope=\"col\">\(requirement.heading)"
            if let basis { out += "<span class=\"basis-note\">\(basis.isLegal ? "legal requirement" : basis.phrase)</span>" }
            out += "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (index, objective) in synopsis.objectives.enumerated() {
            out += "<tr><th scope=\"row\">\(Self.escape(Self.objectiveName(objective, index: index)))</th>"
            let found = rulesByObjective[index] ?? []
            for requirement in Self.requirements {
                let cell: Cell
                let word: String
                if found.contains(requirement.missing) {
                    (cell, word) = (.absent, requirement.absentWord)
                } else if let needed = requirement.needs, found.contains(needed) {
                    (cell, word) = (.absent, "No criteria")
                } else if rules[requirement.missing]?.enabled != true {
                    (cell, word) = (.notChecked, "Not checked")
                } else if !found.isDisjoint(with: requirement.weak) {
                    (cell, word) = (.weak, "Needs work")
                } else {
                    (cell, word) = (.met, "Yes")
                }
                out += "<td class=\"\(cell.className)\"><span class=\"mark\" aria-hidden=\"true\">\(cell.mark)</span> \(word)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }

    func findings(_ file: FileReport, id: String) -> String {
        guard !file.diagnostics.isEmpty else {
            return "<h3 id=\"\(id)-findings\">What to fix</h3>\n<p>Nothing: this plan meets every rule eqlint checked.</p>\n"
        }
        var groups: [Int?: [Diagnostic]] = [:]
        for diagnostic in file.diagnostics { groups[diagnostic.objective, default: []].append(diagnostic) }
        let order = groups.keys.sorted { ($0 ?? -1) < ($1 ?? -1) }
        var out = "<h3 id=\"\(id)-findings\">What to fix</h3>\n"
        out += "<p>Legal requirements come first in each part. Where the same advice applies again, it is given once.</p>\n"
        var advised: [RuleAndText: Int] = [:]
        for key in order {
            let title: String
            if let index = key {
                let objective = file.synopsis?.objectives.indices.contains(index) == true ? file.synopsis!.objectives[index] : nil
                title = objective.map { Self.objectiveName($0, index: index) } ?? "Objective \(index + 1)"
            } else {
                title = "The plan as a whole"
            }
            out += "<section class=\"group\">\n<h4>\(Self.escape(title))</h4>\n<ol class=\"findings\">\n"
            let sorted = groups[key]!.enumerated().sorted {
                let (a, b) = ($0.element, $1.element)
                let (legalA, legalB) = (a.basis?.isLegal == true, b.basis?.isLegal == true)
                if legalA != legalB { return legalA }
                return $0.offset < $1.offset
            }.map(\.element)
            for diagnostic in sorted {
                out += finding(diagnostic, advised: &advised)
            }
            out += "</ol>\n</section>\n"
        }
        return out
    }

    func finding(_ diagnostic: Diagnostic, advised: inout [RuleAndText: Int]) -> String {
        let legal = diagnostic.basis?.isLegal == true
        let kind = legal ? "Legal requirement" : diagnostic.basis.map { "Recommendation (\($0.phrase))" } ?? "Recommendation"
        let line = diagnostic.range.start.line
        var out = "<li class=\"finding \(legal ? "legal" : "recommended")\">\n"
        out += "<p class=\"what\"><span class=\"kind\">\(kind)</span> <span class=\"where\">line \(line), "
            + "\(diagnostic.severity.rawValue)</span><br>\(Self.escape(diagnostic.message))</p>\n"
        let quoted = diagnostic.faultText.trimmedForQuote
        if !quoted.isEmpty {
            out += "<p class=\"quote\">At: <q>\(Self.escape(quoted))</q></p>\n"
        }
        let key = RuleAndText(ruleID: diagnostic.ruleID, text: diagnostic.help)
        if let first = advised[key] {
            out += "<p class=\"again\">What to do, and where it comes from: as for line \(first) above "
                + "(<span class=\"rule\">\(Self.escape(diagnostic.ruleID))</span>).</p>\n"
        } else {
            advised[key] = line
            out += "<p class=\"fix\"><strong>What to do:</strong> \(Self.escape(diagnostic.help))</p>\n"
            let source = rules[diagnostic.ruleID]?.source
            out += "<p class=\"source\"><strong>Where it comes from:</strong> "
                + "\(source.map(Self.escape) ?? "eqlint itself") (<span class=\"rule\">\(Self.escape(diagnostic.ruleID))</span>)</p>\n"
        }
        out += "</li>\n"
        return out
    }

    // MARK: Words

    /// The plan's verdict on the law, counting requirements (rules), not findings.
    static func verdict(_ tally: PlanTally) -> String {
        let unmet = tally.legalRequirements
        return unmet == 0 ? "\u{2713} Meets the legal requirements"
            : "\u{2717} Does not meet \(counted(unmet, "legal requirement"))"
    }

    static func objectiveName(_ objective: PlanSynopsis.Objective, index: Int) -> String {
        let number = objective.number.map { "Objective \($0)" } ?? "Objective (\(ordinal(index + 1)) in the plan)"
        return objective.title.isEmpty ? number : "\(number): \(objective.title)"
    }

    static func ordinal(_ number: Int) -> String {
        let suffix = (11...13).contains(number % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][number % 10]
        return "\(number)\(suffix)"
    }

    /// An id for a plan's section, from its path: letters and digits kept,
    /// and a hash so that two paths never share one.
    static func anchor(_ path: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "plan-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Text made safe in HTML element content and in quoted attribute
    /// values: markup characters as references, characters HTML cannot hold
    /// (controls other than tab and line break, noncharacters) as U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: Style

    /// Black on white, colours that pass WCAG AA (4.5:1 and more for text),
    /// and a mark and a word in each cell, so it reads printed in black and white.
    static let style = """
    :root { color: #1a1a1a; background: #ffffff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.45; }
    body { margin: 0 auto; padding: 1rem 1.5rem; max-width: 70rem; }
    h1 { font-size: 1.6rem; margin: 0.5rem 0; }
    h2 { font-size: 1.35rem; margin: 0 0 0.4rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; }
    h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
    h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
    a { color: #0b4f9c; }
    a:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; }
    .report { display: flex; flex-direction: column; }
    .summary { order: -1; }
    .plan, .summary { margin: 1.2rem 0; }
    .file { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
    table { border-collapse: collapse; width: 100%; margin: 0.4rem 0; }
    caption { text-align: left; font-size: 0.9rem; padding: 0.2rem 0; color: #333333; }
    th, td { border: 1px solid #595959; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
    thead th { background: #e8e8e8; }
    tbody th { font-weight: normal; }
    .matrix td { white-space: nowrap; }
    .plans th.name { width: 30%; }
    .plans td:nth-child(2) { min-width: 8em; }
    .plans td:nth-child(n+4) { text-align: right; }
    .basis-note { display: block; font-weight: normal; font-size: 0.8em; }
    .met { background: #e3f1e6; color: #0b4a1c; }
    .absent { background: #fbe3e3; color: #7a0f0f; font-weight: bold; }
    .weak { background: #fdf1cf; color: #5c3d00; }
    .unchecked { color: #4d4d4d; }
    .mark { display: inline-block; min-width: 1em; font-weight: bold; }
    .verdict { font-size: 1.1rem; padding: 0.4rem 0.6rem; border: 2px solid #1a1a1a; }
    .verdict.fails, td.fails { background: #fbe3e3; color: #7a0f0f; }
    .verdict.meets, td.meets { background: #e3f1e6; color: #0b4a1c; }
    .findings { padding-left: 1.4rem; }
    .finding { margin: 0 0 0.8rem; padding: 0.3rem 0.5rem; border-left: 4px solid #595959; }
    .finding.legal { border-left: 6px solid #7a0f0f; }
    .finding p { margin: 0.15rem 0; }
    .kind { font-weight: bold; text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.03em; }
    .legal .kind { color: #7a0f0f; }
    .where, .rule { color: #4d4d4d; }
    .rule { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }
    q { font-style: italic; overflow-wrap: anywhere; }
    .skip { margin: 0.4rem 0; }
    footer { margin-top: 2rem; font-size: 0.85rem; color: #4d4d4d; }
    @media print {
      @page { size: A4; margin: 14mm 12mm; }
      :root { font-size: 9.5pt; }
      body { max-width: none; padding: 0; }
      .skip { display: none; }
      a { color: #1a1a1a; text-decoration: none; }
      .plan { break-before: page; }
      tr, .finding, .verdict { break-inside: avoid; }
      thead { display: table-header-group; }
      h2, h3, h4 { break-after: avoid; }
      .matrix td { white-space: normal; }
      .plans { font-size: 0.9em; }
      .plans td:nth-child(2) { min-width: 0; }
    }

    """
}

extension String {
    /// The text at fault as a quotation: one line, spaces squeezed, at most 200 characters.
    fileprivate var trimmedForQuote: String {
        let words = split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > 200 ? String(words.prefix(199)) + "\u{2026}" : words
    }
}
