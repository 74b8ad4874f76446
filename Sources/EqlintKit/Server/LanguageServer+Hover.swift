import Foundation
import Rules

/// `textDocument/hover` on a finding: what is wrong and how to fix it here,
/// then the rule's explanation as `eqlint explain` gives it, in Markdown.
extension LanguageServer {
    func hover(_ params: JSONValue?) -> JSONValue {
        guard let uri = params?["textDocument"]?["uri"]?.string, let position = LSPPosition(params?["position"]),
              let document = documents[uri], let result = results[uri], result.version == document.version else { return .null }
        let found = result.findings.filter { $0.range.contains(position) }
        guard let first = found.first else { return .null }
        var seen: Set<RuleAndText> = []
        var parts: [String] = []
        for finding in found where seen.insert(RuleAndText(ruleID: finding.diagnostic.ruleID, text: finding.diagnostic.message)).inserted {
            parts.append(HoverText.text(finding.diagnostic, rule: result.ruleSet?.rule(id: finding.diagnostic.ruleID),
                                        ruleSet: result.ruleSet, markdown: client.hoverMarkdown))
        }
        let separator = client.hoverMarkdown ? "\n\n---\n\n" : "\n\n"
        return .fields([
            "contents": .fields(["kind": .string(client.hoverMarkdown ? "markdown" : "plaintext"),
                                 "value": .string(parts.joined(separator: separator))]),
            "range": first.range.json,
        ])
    }
}

/// The words of a hover.
enum HoverText {
    static func text(_ diagnostic: Diagnostic, rule: Rule?, ruleSet: RuleSet?, markdown: Bool) -> String {
        let explanation = rule.flatMap { rule in ruleSet.map { RuleCatalog.explanation(rule, in: $0) } }
        guard markdown else {
            var text = "\(diagnostic.message) [\(diagnostic.ruleID)]"
            if !diagnostic.help.isEmpty { text += "\nHow to fix: \(diagnostic.help)" }
            if let explanation { text += "\n\n" + explanation }
            return text
        }
        var text = "**\(escaped(diagnostic.message))** `\(diagnostic.ruleID)`"
        if !diagnostic.help.isEmpty { text += "\n\nHow to fix: \(escaped(diagnostic.help))" }
        if let explanation { text += "\n\n" + self.markdown(explanation) }
        return text
    }

    /// `eqlint explain`'s text as Markdown: its first line and its titles
    /// (`How to fix it:`) in bold, each indented paragraph joined into one,
    /// and the examples as code blocks.
    static func markdown(_ explanation: String) -> String {
        var blocks: [String] = []
        var paragraph: [String] = []
        var example: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(escaped(paragraph.joined(separator: " "))) }
            paragraph = []
            while example.last?.isEmpty == true { example.removeLast() }
            if !example.isEmpty { blocks.append("```markdown\n" + example.joined(separator: "\n") + "\n```") }
            example = []
        }
        let lines = explanation.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("    ") {
                if !paragraph.isEmpty { flush() }
                example.append(String(line.dropFirst(4)))
            } else if line.hasPrefix("  ") {
                if !example.isEmpty { flush() }
                paragraph.append(line.trimmingCharacters(in: .whitespaces))
            } else if line.isEmpty {
                // Blank lines inside an example belong to it.
                if !example.isEmpty { example.append("") } else { flush() }
            } else {
                flush()
                blocks.append(index == 0 || line.hasSuffix(":") ? "**\(escaped(line))**" : escaped(line))
            }
        }
        flush()
        return blocks.joined(separator: "\n\n")
    }

    /// Text with the characters Markdown would read as emphasis or code escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
