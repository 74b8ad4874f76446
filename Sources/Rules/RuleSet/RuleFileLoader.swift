/// What one file in a rules directory holds: a rule, or vocabulary lists.
enum RuleFileContent {
    case rule(Rule, vocabularyReferences: [(list: String, location: SourceLocation)])
    case vocabulary(name: String, terms: [String: [String]], patterns: [String: [Pattern]])
}

/// Reads one rule or vocabulary file. A file with a `vocabulary` key is a
/// vocabulary; any other is a rule.
struct RuleFileLoader {
    let reader: NodeReader

    static let ruleKeys = ["id", "severity", "summary", "scope", "field", "check", "options",
                           "message", "help", "source", "examples"]
    static let vocabularyKeys = ["vocabulary", "description", "terms", "patterns"]

    static func load(path: String, text: String) throws(RuleFileError) -> RuleFileContent {
        let source: SourceFile
        do {
            source = try SourceFile(path: path, bytes: Array(text.utf8))
        } catch {
            throw RuleFileError(path: path, location: SourceLocation(line: 1, column: 1), message: "\(error)")
        }
        let root = try JSON5Parser.parse(source)
        let loader = RuleFileLoader(reader: NodeReader(path: path))
        if case .object(let members) = root.value, members.contains(where: { $0.key == "vocabulary" }) {
            return try loader.vocabulary(root)
        }
        return try loader.rule(root)
    }

    // MARK: Vocabulary files

    func vocabulary(_ root: JSON5Node) throws(RuleFileError) -> RuleFileContent {
        let members = try reader.members(of: root, allowed: Self.vocabularyKeys, required: ["vocabulary"], in: "a vocabulary file")
        let name = try reader.nonEmptyString(members["vocabulary"]!.value, "'vocabulary' (the list's name)")
        if let description = members["description"] { _ = try reader.string(description.value, "'description'") }
        var terms: [String: [String]] = [:]
        var patterns: [String: [Pattern]] = [:]
        if let node = members["terms"]?.value {
            for (group, items) in try groups(node, "'terms'") {
                var phrases: [String] = []
                for item in items { phrases.append(try reader.nonEmptyString(item, "each term of '\(group)'")) }
                terms[group] = phrases
            }
        }
        if let node = members["patterns"]?.value {
            for (group, items) in try groups(node, "'patterns'") {
                var compiled: [Pattern] = []
                for item in items { compiled.append(try reader.pattern(item, "a pattern of '\(group)'")) }
                patterns[group] = compiled
            }
        }
        guard !terms.isEmpty || !patterns.isEmpty else {
            throw reader.error("a vocabulary file needs 'terms' or 'patterns'", at: root.location)
        }
        return .vocabulary(name: name, terms: terms, patterns: patterns)
    }

    /// `{ group: [item, ...], ... }`
    private func groups(_ node: JSON5Node, _ what: String) throws(RuleFileError) -> [(String, [JSON5Node])] {
        guard case .object(let members) = node.value else {
            throw reader.error("\(what) must be an object of named lists, not \(node.kindName)", at: node.location)
        }
        var result: [(String, [JSON5Node])] = []
        for member in members {
            result.append((member.key, try reader.list(member.value, "'\(member.key)' in \(what)")))
        }
        return result
    }

    // MARK: Rule files

    func rule(_ root: JSON5Node) throws(RuleFileError) -> RuleFileContent {
        // Values are checked in the order a rule is usually written; a missing
        // key is reported when its turn comes.
        let members = try reader.members(of: root, allowed: Self.ruleKeys, in: "a rule")
        func node(_ key: String) throws(RuleFileError) -> JSON5Node { try reader.require(key, in: members, of: root, "a rule") }

        let idNode = try node("id")
        let id = try reader.nonEmptyString(idNode, "'id'")
        guard id.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }) else {
            throw reader.error("'id' must be lower-case letters, digits and hyphens (like 'objective-lead'), not '\(id)'", at: idNode.location)
        }
        let severity = try reader.choice(try node("severity"), "'severity'", of: Severity.allCases)
        let scope = try reader.choice(try node("scope"), "'scope'", of: Rule.Scope.allCases)
        var fields: [FieldName] = []
        if let fieldNode = members["field"]?.value {
            if case .array(let items) = fieldNode.value {
                for item in items { fields.append(FieldName(rawValue: try reader.nonEmptyString(item, "each name in 'field'"))) }
            } else {
                fields = [FieldName(rawValue: try reader.nonEmptyString(fieldNode, "'field'"))]
            }
        }
        var references: [(String, SourceLocation)] = []
        _ = try node("check")
        let check = try self.check(members, scope: scope, fields: fields, references: &references)

        let messageNode = try node("message")
        let message: MessageTemplate
        do {
            message = try MessageTemplate(try reader.nonEmptyString(messageNode, "'message'"))
        } catch let failure as MessageTemplate.TemplateError {
            switch failure {
            case .unknown(let name):
                let known = MessageTemplate.placeholders.sorted().map { "{\($0)}" }.joined(separator: ", ")
                throw reader.error("'message' uses the unknown placeholder {\(name)}; known ones are \(known)", at: messageNode.location)
            case .unclosed:
                throw reader.error("'message' has a '{' with no matching '}'", at: messageNode.location)
            }
        } catch let failure as RuleFileError {
            throw failure
        } catch {
            throw reader.error("\(error)", at: messageNode.location)
        }
        let rule = Rule(
            id: id,
            severity: severity,
            summary: try reader.nonEmptyString(try node("summary"), "'summary'"),
            scope: scope,
            fields: fields,
            check: check,
            message: message,
            help: try reader.nonEmptyString(try node("help"), "'help'"),
            source: try reader.nonEmptyString(try node("source"), "'source'"),
            examples: try examples(try node("examples")),
            origin: RuleOrigin(path: reader.path, location: root.location)
        )
        return .rule(rule, vocabularyReferences: references)
    }

    /// Which scopes each check can look at, and whether it needs a field.
    private static let checkShapes: [String: (scopes: [Rule.Scope], needsField: Bool, options: [String])] = [
        "has-objectives": ([.plan], false, []),
        "present": ([.plan, .objective, .action], true, ["inActions"]),
        "mentions": ([.objective], false, ["vocabulary"]),
        "measurable": ([.entry], true, ["vocabulary", "datesCount"]),
        "any-measurable": ([.objective], true, ["vocabulary", "datesCount"]),
        "has-end-date": ([.entry], true, []),
        "matches": ([.entry], true, ["pattern", "caseSensitive"]),
        "not-matches": ([.entry], true, ["pattern", "caseSensitive"]),
        "period-at-most": ([.plan], false, ["years"]),
        "period-not-ended": ([.plan], false, []),
        "not-expired": ([.plan], false, ["years"]),
        "abbreviations-defined": ([.entry], true, ["vocabulary"]),
    ]

    private func check(
        _ members: [String: JSON5Node.Member], scope: Rule.Scope, fields: [FieldName],
        references: inout [(String, SourceLocation)]
    ) throws(RuleFileError) -> Check {
        let checkNode = members["check"]!.value  // its presence is checked by the caller
        let name = try reader.string(checkNode, "'check'")
        let known = Self.checkShapes.keys.sorted()
        guard let shape = Self.checkShapes[name] else {
            let hint = Spelling.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw reader.error("unknown check '\(name)'\(hint); the built-in checks are \(known.joined(separator: ", "))", at: checkNode.location)
        }
        guard shape.scopes.contains(scope) else {
            let scopes = shape.scopes.map { "'\($0.rawValue)'" }.joined(separator: " or ")
            throw reader.error("the check '\(name)' works on scope \(scopes), not '\(scope.rawValue)'", at: members["scope"]!.value.location)
        }
        if shape.needsField, fields.isEmpty {
            throw reader.error("the check '\(name)' needs a 'field' (such as \"lead\" or \"success\")", at: checkNode.location)
        }
        if !shape.needsField, let field = members["field"] {
            throw reader.error("the check '\(name)' takes no 'field'", at: field.keyLocation)
        }
        let optionsNode = members["options"]?.value ?? JSON5Node(value: .object([]), location: checkNode.location)
        let options = try reader.members(of: optionsNode, allowed: shape.options, in: "the options of '\(name)'")

        func vocabularyName(default fallback: String?) throws(RuleFileError) -> String {
            guard let node = options["vocabulary"]?.value else {
                guard let fallback else { throw reader.error("the check '\(name)' needs the option 'vocabulary'", at: optionsNode.location) }
                references.append((fallback, checkNode.location))
                return fallback
            }
            let list = try reader.nonEmptyString(node, "'vocabulary'")
            references.append((list, node.location))
            return list
        }
        func years() throws(RuleFileError) -> Int {
            guard let node = options["years"]?.value else {
                throw reader.error("the check '\(name)' needs the option 'years'", at: optionsNode.location)
            }
            return try reader.positiveInteger(node, "'years'")
        }
        func datesCount() throws(RuleFileError) -> Bool {
            try options["datesCount"].map { member throws(RuleFileError) in try reader.bool(member.value, "'datesCount'") } ?? true
        }
        func pattern() throws(RuleFileError) -> Pattern {
            guard let node = options["pattern"]?.value else {
                throw reader.error("the check '\(name)' needs the option 'pattern'", at: optionsNode.location)
            }
            let caseSensitive = try options["caseSensitive"].map { member throws(RuleFileError) in
                try reader.bool(member.value, "'caseSensitive'")
            } ?? false
            return try reader.pattern(node, "'pattern'", caseSensitive: caseSensitive)
        }

        switch name {
        case "has-objectives": return .hasObjectives
        case "present":
            let quantifier = try options["inActions"].map { member throws(RuleFileError) in
                try reader.choice(member.value, "'inActions'", of: [Check.ActionQuantifier.none, .any, .every])
            } ?? Check.ActionQuantifier.none
            if quantifier != .none, scope != .objective {
                throw reader.error("'inActions' applies only to scope 'objective'", at: options["inActions"]!.keyLocation)
            }
            return .present(inActions: quantifier)
        case "mentions": return .mentions(vocabulary: try vocabularyName(default: nil))
        case "measurable": return .measurable(vocabulary: try vocabularyName(default: "measures"), datesCount: try datesCount())
        case "any-measurable": return .anyMeasurable(vocabulary: try vocabularyName(default: "measures"), datesCount: try datesCount())
        case "has-end-date": return .hasEndDate
        case "matches": return .matches(try pattern())
        case "not-matches": return .notMatches(try pattern())
        case "period-at-most": return .periodAtMost(years: try years())
        case "period-not-ended": return .periodNotEnded
        case "not-expired": return .notExpired(years: try years())
        default: return .abbreviationsDefined(vocabulary: try vocabularyName(default: "abbreviations"))
        }
    }

    private func examples(_ node: JSON5Node) throws(RuleFileError) -> RuleExamples {
        let members = try reader.members(of: node, allowed: ["today", "pass", "fail"], required: ["pass", "fail"], in: "'examples'")
        var examples = RuleExamples()
        if let today = members["today"] { examples.today = try reader.day(today.value, "'today'") }
        for (key, keyPath) in [("pass", \RuleExamples.pass), ("fail", \RuleExamples.fail)] {
            let items = try reader.list(members[key]!.value, "'\(key)'")
            guard !items.isEmpty else {
                throw reader.error("'\(key)' needs at least one example plan", at: members[key]!.value.location)
            }
            for item in items {
                examples[keyPath: keyPath].append(RuleExample(text: try reader.text(item, "an example"), location: item.location))
            }
        }
        return examples
    }
}
