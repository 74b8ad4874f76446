import EqlintText

/// A rule's `message`, `help` and `parts`, read and checked against the
/// placeholders its check fills at its scope (`MessageShape`): a
/// placeholder the check does not fill is an error at the text's line and
/// column, as is a part missing, unknown, or using another's placeholder.
/// A rule words its check's parts when its message or help uses the
/// placeholder they fill (`{problem}`); a rule that does not may leave them out.
struct RuleMessages: Sendable {
    var message: MessageTemplate
    /// The help as a template, when it uses a placeholder.
    var help: MessageTemplate?
    /// The rule's wording of its check's message parts, by name.
    var parts: [String: MessageTemplate]

    /// - Parameter shape: what the check fills at the rule's scope, or nil
    ///   for one of eqlint's own rules, whose messages the test suite checks
    ///   against their shapes (`DefaultRuleFileTests`): the start then reads
    ///   the templates without working out the shape or checking them.
    static func read(message messageNode: JSON5Node, help helpNode: JSON5Node, parts partsMember: JSON5Node.Member?,
                     rule root: JSON5Node, shape: MessageShape?, reader: NodeReader) throws(RuleFileError) -> RuleMessages {
        let message = try template(messageNode, "'message'", reader: reader)
        if let shape { try check(message, "'message'", may: shape.messageNames, shape: shape, at: messageNode.location, reader: reader) }

        let helpText = try reader.nonEmptyString(helpNode, "'help'")
        let helpTemplate = helpTemplate(helpText)
        if let helpTemplate, let shape {
            try check(helpTemplate, "'help'", may: shape.messageNames + ExampleDates.names, shape: shape, at: helpNode.location, reader: reader)
        }

        var parts: [String: MessageTemplate] = [:]
        guard let shape else {
            if let partsMember, case .object(let members) = partsMember.value.value {
                for member in members { parts[member.key] = try template(member.value, "'parts.\(member.key)'", reader: reader) }
            }
            return RuleMessages(message: message, help: helpTemplate, parts: parts)
        }
        let names = shape.parts.map(\.name)
        if let partsMember {
            guard !shape.parts.isEmpty else {
                throw reader.error("the check '\(shape.check)' has no message parts; remove 'parts'", at: partsMember.keyLocation)
            }
            let members = try reader.members(of: partsMember.value, allowed: names, required: names, in: "'parts'")
            for part in shape.parts {
                let node = members[part.name]!.value
                let what = "'parts.\(part.name)'"
                let template = try template(node, what, reader: reader)
                try check(template, what, may: shape.names(inPart: part), shape: shape, at: node.location, reader: reader)
                parts[part.name] = template
            }
        } else if !shape.parts.isEmpty, ([message] + (helpTemplate.map { [$0] } ?? [])).contains(where: { uses(partOf: shape, $0) }) {
            throw reader.error("a rule using the check '\(shape.check)' needs 'parts', its wording of \(names.map { "'\($0)'" }.joined(separator: ", "))",
                               at: root.location)
        }
        return RuleMessages(message: message, help: helpTemplate, parts: parts)
    }

    /// A message or part's text as a template, refusing an unclosed `{`.
    static func template(_ node: JSON5Node, _ what: String, reader: NodeReader) throws(RuleFileError) -> MessageTemplate {
        let text = try reader.nonEmptyString(node, what)
        do {
            return try MessageTemplate(text)
        } catch {
            throw reader.error("\(what) has a '{' with no matching '}'", at: node.location)
        }
    }

    /// A help as a template, or nil when it uses no placeholder: most use
    /// none, and a text with no `{` at all needs no reading to tell.
    static func helpTemplate(_ help: String) -> MessageTemplate? {
        // A `{` looked for in the bytes themselves: through `utf8.contains`, a
        // byte at a time by the view's iterator, it costs several times as much.
        var text = help
        guard text.withUTF8({ $0.contains(0x7B) }) else { return nil }  // {
        let template = MessageTemplate(lenient: help)
        return template.placeholderNames.isEmpty ? nil : template
    }

    /// Whether a template uses a placeholder filled with a message part
    /// (`{problem}`): only then must the rule word the parts.
    private static func uses(partOf shape: MessageShape, _ template: MessageTemplate) -> Bool {
        let partNames = Set(shape.placeholders.filter(\.isPart).map(\.name))
        return template.placeholderNames.contains(where: partNames.contains)
    }

    /// Refuses a placeholder not among `allowed`, saying which are.
    static func check(_ template: MessageTemplate, _ what: String, may allowed: [String], shape: MessageShape,
                              at location: SourceLocation, reader: NodeReader) throws(RuleFileError) {
        guard let unknown = template.placeholderNames.first(where: { !allowed.contains($0) }) else { return }
        let hint = Spelling.closest(to: unknown, in: allowed).map { " (did you mean {\($0)}?)" } ?? ""
        let known = allowed.isEmpty ? "none" : allowed.map { "{\($0)}" }.joined(separator: ", ")
        let isPartOnly = shape.parts.contains { $0.placeholders.contains { $0.name == unknown } }
        let note = isPartOnly ? "; {\(unknown)} belongs in a part of 'parts'" : ""
        throw reader.error("\(what) uses the unknown placeholder {\(unknown)}\(hint); the check '\(shape.check)' at scope "
            + "'\(shape.scope.rawValue)' fills \(known) there\(note)", at: location)
    }
}
