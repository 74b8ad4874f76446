import Foundation

/// `textDocument/codeAction`: for each eqlint finding the client names,
/// "Disable RULE for this line" (an `eqlint-disable-next-line` comment
/// above it, or `eqlint-disable-line` at the end of a table row, where a
/// line between rows would break the table) and "Disable RULE for this
/// file" (an `eqlint-disable-file` comment at the top, after any front
/// matter); then the rule's fixes, and `source.fixAll.eqlint`, where there
/// are fixes.
enum CodeActions {
    static let quickFix = "quickfix"
    static let fixAll = "source.fixAll.eqlint"
    /// What the inserted comment gives as its reason, for the user to replace.
    static let reasonPlaceholder = "TODO: say why"

    /// A finding as the client sent it back: its rule and where it starts,
    /// and its fix-its as the server's current check made them.
    struct Target {
        var ruleID: String
        var range: LSPRange
        var json: JSONValue
        var fixes: [Fix] = []
    }

    /// A finding's fix-it, with its edits in the document's positions.
    struct Fix: Sendable {
        var fixIt: FixIt
        var edits: [Edit]
    }

    /// An edit: replace `range` with `text`.
    struct Edit: Sendable {
        var range: LSPRange
        var text: String
        var json: JSONValue { .fields(["range": range.json, "newText": .string(text)]) }
    }

    /// Whether a kind is asked for by the request's `only` (nil: every kind).
    static func wanted(_ kind: String, only: [String]?) -> Bool {
        guard let only else { return true }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }

    /// The actions for the findings a request names; `safeFixes`: the edits
    /// of `source.fixAll.eqlint` (none when the check is not current).
    static func actions(for targets: [Target], safeFixes: [Edit], in document: TextDocument, encoding: PositionEncoding,
                        only: [String]?, versionedEdits: Bool) -> [JSONValue] {
        func workspaceEdit(_ edits: [Edit]) -> JSONValue {
            let list = JSONValue.array(edits.map(\.json))
            if versionedEdits {
                return .fields(["documentChanges": .array([.fields([
                    "textDocument": .fields(["uri": .string(document.uri), "version": .int(document.version)]),
                    "edits": list,
                ])])])
            }
            return .fields(["changes": .object([(document.uri, list)])])
        }
        var actions: [JSONValue] = []
        if wanted(quickFix, only: only) {
            // The rule's own fixes first: a safe one is the preferred action.
            var offered: Set<FixIt> = []
            for target in targets {
                for fix in target.fixes where offered.insert(fix.fixIt).inserted {
                    actions.append(.fields([
                        "title": .string(fix.fixIt.safety == .safe ? fix.fixIt.title : "\(fix.fixIt.title) (a suggestion: check it reads right)"),
                        "kind": .string(quickFix),
                        "diagnostics": .array([target.json]),
                        "isPreferred": .bool(fix.fixIt.safety == .safe),
                        "edit": workspaceEdit(fix.edits),
                    ]))
                }
            }
            var seen: Set<String> = []
            for target in targets where target.ruleID != LSPDiagnostic.configurationCode {
                let line = target.range.start.line
                if seen.insert("line \(line) \(target.ruleID)").inserted, let edit = disableLine(target.ruleID, line: line, in: document, encoding: encoding) {
                    actions.append(.fields([
                        "title": .string("Disable \(target.ruleID) for this line"),
                        "kind": .string(quickFix),
                        "diagnostics": .array([target.json]),
                        "edit": workspaceEdit([edit]),
                    ]))
                }
            }
            for target in targets where target.ruleID != LSPDiagnostic.configurationCode {
                if seen.insert("file \(target.ruleID)").inserted, let edit = disableFile(target.ruleID, in: document, encoding: encoding) {
                    actions.append(.fields([
                        "title": .string("Disable \(target.ruleID) for this file"),
                        "kind": .string(quickFix),
                        "diagnostics": .array([target.json]),
                        "edit": workspaceEdit([edit]),
                    ]))
                }
            }
        }
        if wanted(fixAll, only: only), !safeFixes.isEmpty {
            actions.append(.fields(["title": "Fix all eqlint findings that can be fixed safely", "kind": .string(fixAll),
                                    "edit": workspaceEdit(safeFixes)]))
        }
        return actions
    }

    /// The comment that silences a rule on a 0-based line, or nil where none can go (in front matter).
    static func disableLine(_ ruleID: String, line: Int, in document: TextDocument, encoding: PositionEncoding) -> Edit? {
        guard line < document.lineCount, !frontMatterLines(document).contains(line) else { return nil }
        let text = document.lineText(line)
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix("|") {
            // A table row: a comment at its end, as a line between rows would end the table.
            switch existing("eqlint-disable-line", ruleID, lineText: text, line: line, encoding: encoding) {
            case .covers: return nil
            case .extend(let edit): return edit
            case .none: break
            }
            let end = LSPPosition(line: line, character: units(text, encoding))
            let space = text.hasSuffix(" ") ? "" : " "
            return Edit(range: LSPRange(start: end, end: end), text: "\(space)<!-- eqlint-disable-line \(ruleID) -- \(reasonPlaceholder) -->")
        }
        if line > 0 {
            switch existing("eqlint-disable-next-line", ruleID, lineText: document.lineText(line - 1), line: line - 1, encoding: encoding) {
            case .covers: return nil
            case .extend(let edit): return edit
            case .none: break
            }
        }
        let indent = String(text.prefix { $0 == " " || $0 == "\t" })
        let start = LSPPosition(line: line, character: 0)
        return Edit(range: LSPRange(start: start, end: start),
                    text: "\(indent)<!-- eqlint-disable-next-line \(ruleID) -- \(reasonPlaceholder) -->\(lineBreak(document))")
    }

    /// The comment that silences a rule in the whole file, after any front matter.
    static func disableFile(_ ruleID: String, in document: TextDocument, encoding: PositionEncoding) -> Edit? {
        let line = frontMatterLines(document).last.map { $0 + 1 } ?? 0
        if line < document.lineCount {
            switch existing("eqlint-disable-file", ruleID, lineText: document.lineText(line), line: line, encoding: encoding) {
            case .covers: return nil
            case .extend(let edit): return edit
            case .none: break
            }
        }
        let start = LSPPosition(line: line, character: 0)
        // At the very end of a document with no final line break, the comment goes on a line of its own.
        let lead = line >= document.lineCount ? lineBreak(document) : ""
        return Edit(range: LSPRange(start: start, end: start),
                    text: "\(lead)<!-- eqlint-disable-file \(ruleID) -- \(reasonPlaceholder) -->\(lineBreak(document))")
    }

    /// What a line holds of an `instruction` comment, for a rule.
    enum Existing {
        /// No such comment.
        case none
        /// One that silences the rule already (naming it, or naming no rule).
        case covers
        /// One naming other rules: the edit that adds this one
        /// (`objective-aim` becomes `objective-aim, objective-lead`).
        case extend(Edit)
    }

    static func existing(_ instruction: String, _ ruleID: String, lineText: String, line: Int, encoding: PositionEncoding) -> Existing {
        guard let open = lineText.range(of: "<!-- \(instruction) ") ?? lineText.range(of: "<!-- \(instruction)-") else { return .none }
        let rest = lineText[open.upperBound...]
        guard let close = rest.range(of: " --") ?? rest.range(of: "-->") else { return .none }
        let ids = rest[..<close.lowerBound].split { $0 == "," || $0 == " " }.map(String.init)
        guard !ids.isEmpty, !ids.contains(ruleID) else { return .covers }
        let position = LSPPosition(line: line, character: units(String(lineText[..<close.lowerBound]), encoding))
        return .extend(Edit(range: LSPRange(start: position, end: position), text: ", \(ruleID)"))
    }

    /// The 0-based lines of the document's front matter (`---` to `---` or `...`), none if it has none.
    static func frontMatterLines(_ document: TextDocument) -> Range<Int> {
        guard document.lineCount > 1, document.lineText(0).trimmingTrailingSpace == "---" else { return 0..<0 }
        for line in 1..<document.lineCount {
            let text = document.lineText(line).trimmingTrailingSpace
            if text == "---" || text == "..." { return 0..<(line + 1) }
        }
        return 0..<0
    }

    static func lineBreak(_ document: TextDocument) -> String {
        guard let index = document.bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
        if document.bytes[index] == 0x0D {
            return index + 1 < document.bytes.count && document.bytes[index + 1] == 0x0A ? "\r\n" : "\r"
        }
        return "\n"
    }

    static func units(_ text: String, _ encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: return text.utf8.count
        case .utf16: return text.utf16.count
        case .utf32: return text.unicodeScalars.count
        }
    }
}

extension String {
    fileprivate var trimmingTrailingSpace: Substring {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}

extension LanguageServer {
    func codeActions(_ params: JSONValue?) -> JSONValue {
        guard let uri = params?["textDocument"]?["uri"]?.string, let document = documents[uri],
              let range = LSPRange(params?["range"]) else { return .array([]) }
        let only = params?["context"]?["only"]?.array?.compactMap(\.string)
        // Fixes come from the check of the text the editor has now, or not at all.
        let current = results[uri].flatMap { $0.version == document.version ? $0 : nil }
        var targets: [CodeActions.Target] = (params?["context"]?["diagnostics"]?.array ?? []).compactMap { diagnostic in
            guard diagnostic["source"]?.string == "eqlint", let rule = diagnostic["code"]?.string,
                  let range = LSPRange(diagnostic["range"]) else { return nil }
            let finding = current?.findings.first { $0.diagnostic.ruleID == rule && $0.range == range }
            return CodeActions.Target(ruleID: rule, range: range, json: diagnostic, fixes: finding?.fixes ?? [])
        }
        // A client that sends no findings with the request: those of the current check under the range.
        if targets.isEmpty, params?["context"]?["diagnostics"]?.array?.isEmpty ?? true, let current {
            let diagnostics = current.lspDiagnostics(documentation: documentation)
            for (finding, json) in zip(current.findings, diagnostics) where finding.range.overlaps(range) {
                targets.append(CodeActions.Target(ruleID: finding.diagnostic.ruleID, range: finding.range, json: json,
                                                  fixes: finding.fixes))
            }
        }
        let safeFixes = current?.safeFixEdits(textLength: document.bytes.count) ?? []
        return .array(CodeActions.actions(for: targets, safeFixes: safeFixes, in: document, encoding: encoding, only: only,
                                          versionedEdits: client.versionedEdits))
    }
}
