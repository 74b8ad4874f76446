import EqlintPlan
import EqlintText
import JSON5Syntax

/// What one file in a rules directory holds: a rule, or vocabulary lists.
enum RuleFileContent {
    case rule(Rule, vocabularyReferences: [VocabularyReference])
    case vocabulary(name: String, terms: [String: [String]], patterns: [String: [Pattern]])
}

/// Reads one rule or vocabulary file. A file with a `vocabulary` key is a
/// vocabulary; any other is a rule.
package struct RuleFileLoader {
    let reader: NodeReader

    static let ruleKeys = ["id", "severity", "enabled", "summary", "scope", "field", "check", "options",
                           "when", "unless", "supersedes", "message", "parts", "help", "source", "basis", "why", "examples", "fix"]
    static let vocabularyKeys = ["vocabulary", "description", "terms", "patterns"]

    /// - Parameter isEqlintsOwn: whether the file is one of eqlint's own, built
    ///   into it: its patterns run without a time limit (see `Pattern`), and what
    ///   the test suite checks in each of them is not checked at each start (see `NodeReader`).
    /// - Parameter parsed: the file's table of values, when made already, and
    ///   its values' places when written already (see `embeddedRuleFiles`):
    ///   only for a text that is all valid UTF-8 and has neither byte order
    ///   mark nor NUL, which `embed-rules` makes sure of.
    static func load(path: String, text: String, parsed: JSON5Table? = nil, places: JSON5Places? = nil,
                     isEqlintsOwn: Bool = false) throws(RuleFileError) -> RuleFileContent {
        let root: JSON5Node
        if let parsed, let places {
            root = JSON5Parser.root(of: parsed, places: places, text: text)
        } else {
            let source = try source(path: path, bytes: Array(text.utf8))
            root = if let parsed { JSON5Parser.root(of: parsed, in: source) } else { try JSON5Parser.parse(source) }
        }
        let loader = RuleFileLoader(reader: NodeReader(path: path, isEqlintsOwn: isEqlintsOwn))
        if case .object(let members) = root.value, members.contains(where: { $0.key == "vocabulary" }) {
            return try loader.vocabulary(root)
        }
        return try loader.rule(root)
    }

    /// A rule or configuration file's text, refusing a binary file or one
    /// that is not UTF-8 (a rule must say exactly what its author wrote).
    package static func source(path: String, bytes: [UInt8]) throws(RuleFileError) -> SourceFile {
        let source: SourceFile
        do {
            source = try SourceFile(path: path, bytes: bytes)
        } catch {
            throw RuleFileError(path: path, location: nil, message: error.reason)
        }
        if let invalid = source.invalidUTF8 { throw RuleFileError(notUTF8: path, invalid) }
        return source
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
                phrases.reserveCapacity(items.count)
                for item in items { phrases.append(try reader.nonEmptyString(item, "each term of '\(group)'")) }
                terms[group] = phrases
            }
        }
        if let node = members["patterns"]?.value {
            for (group, items) in try groups(node, "'patterns'") {
                var compiled: [Pattern] = []
                compiled.reserveCapacity(items.count)
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
        let enabled = try members["enabled"].map { member throws(RuleFileError) in try reader.bool(member.value, "'enabled'") } ?? true
        let scopeNode = try node("scope")
        let scope = try reader.choice(scopeNode, "'scope'", of: Rule.Scope.allCases)
        var fields: [FieldName] = []
        if let fieldNode = members["field"]?.value {
            if case .array(let items) = fieldNode.value {
                for item in items { fields.append(FieldName(rawValue: try reader.nonEmptyString(item, "each name in 'field'"))) }
            } else {
                fields = [FieldName(rawValue: try reader.nonEmptyString(fieldNode, "'field'"))]
            }
        }
        let checkNode = try node("check")
        let definition = CheckDefinition(
            name: try reader.string(checkNode, "'check'"), nameLocation: checkNode.location,
            scope: scope, scopeLocation: scopeNode.location, fields: fields, fieldKeyLocation: members["field"]?.keyLocation,
            options: members["options"]?.value ?? JSON5Node(value: .object([]), location: checkNode.location))
        var (check, references) = try definition.build(reader: reader)
        var conditions: [RuleCondition] = []
        for (key, isRequired) in [("when", true), ("unless", false)] {
            guard let member = members[key] else { continue }
            guard scope != .action else { throw reader.error("'\(key)' does not apply to scope 'action'", at: member.keyLocation) }
            let (condition, reference) = try RuleCondition.read(member.value, isRequired: isRequired, reader: reader)
            conditions.append(condition)
            if let reference { references.append(reference) }
        }

        var supersedes: [String] = []
        var supersedesLocations: [SourceLocation] = []
        if let member = members["supersedes"] {
            let items = try reader.list(member.value, "'supersedes'")
            guard !items.isEmpty else { throw reader.error("'supersedes' needs at least one rule id, or leave it out", at: member.value.location) }
            for item in items {
                let other = try reader.nonEmptyString(item, "each rule id in 'supersedes'")
                guard other != id else { throw reader.error("a rule cannot supersede itself ('\(id)')", at: item.location) }
                guard !supersedes.contains(other) else { throw reader.error("'\(other)' is named twice in 'supersedes'", at: item.location) }
                supersedes.append(other)
                supersedesLocations.append(item.location)
            }
        }

        let messageNode = try node("message")
        // eqlint's own rules are checked against their shapes by the test suite (see `RuleMessages.read`).
        let shape = reader.isEqlintsOwn ? nil : try definition.kind(reader: reader).messageShape(at: scope)
        let messages = try RuleMessages.read(
            message: messageNode, help: try node("help"), parts: members["parts"], rule: root, shape: shape, reader: reader)
        var rule = Rule(
            id: id,
            severity: severity,
            enabled: enabled,
            summary: try reader.nonEmptyString(try node("summary"), "'summary'"),
            scope: scope,
            fields: fields,
            check: check,
            conditions: conditions,
            message: messages.message,
            parts: messages.parts,
            help: try reader.nonEmptyString(try node("help"), "'help'"),
            helpTemplate: messages.help,
            source: try reader.nonEmptyString(try node("source"), "'source'"),
            basis: try basis(members, of: root),
            why: try members["why"].map { member throws(RuleFileError) in try reader.nonEmptyString(member.value, "'why'") },
            examplesSource: try examplesSource(try node("examples")),
            origin: RuleOrigin(path: reader.path, location: root.location),
            definition: definition
        )
        rule.supersedes = supersedes
        rule.supersedesLocations = supersedesLocations
        if let member = members["fix"] { rule.fixes = try fixes(member.value, shape: shape) }
        if case .read(let examples) = rule.examplesSource, !examples.fixed.isEmpty, rule.fixes.isEmpty {
            throw reader.error("'fixed' examples need a 'fix' in the rule", at: members["examples"]!.value.location)
        }
        return .rule(rule, vocabularyReferences: references)
    }

    /// `basis`: whether the rule is the law, guidance or good practice.
    private func basis(_ members: JSON5Members, of root: JSON5Node) throws(RuleFileError) -> Basis {
        guard let member = members["basis"] else {
            throw reader.error("a rule is missing the key 'basis': what it rests on, 'law' (the Equality Act 2010 or the "
                + "Specific Duties Regulations 2017), 'guidance' (DfE or EHRC advice) or 'good-practice'", at: root.location)
        }
        return try reader.choice(member.value, "'basis'", of: Basis.allCases)
    }

    /// A rule's examples: read now, or, in eqlint's own rule files (whose
    /// examples the test suite reads and runs), when first asked for.
    private func examplesSource(_ node: JSON5Node) throws(RuleFileError) -> RuleExamples.Source {
        guard reader.isEqlintsOwn else { return .read(try examples(node)) }
        return .unread { [self] in
            do {
                return try examples(node)
            } catch {
                fatalError("eqlint's own rule file has examples that do not read (a bug in eqlint): \(error)")
            }
        }
    }

    private func examples(_ node: JSON5Node) throws(RuleFileError) -> RuleExamples {
        let members = try reader.members(of: node, allowed: ["today", "pass", "fail", "fixed"], required: ["pass", "fail"], in: "'examples'")
        var examples = RuleExamples()
        if let today = members["today"] { examples.today = try reader.day(today.value, "'today'") }
        for (key, keyPath) in [("pass", \RuleExamples.pass), ("fail", \RuleExamples.fail)] {
            let items = try reader.list(members[key]!.value, "'\(key)'")
            guard !items.isEmpty else {
                throw reader.error("'\(key)' needs at least one example plan", at: members[key]!.value.location)
            }
            for item in items {
                examples[keyPath: keyPath].append(try example(item, mayExpect: key == "fail"))
            }
        }
        if let fixed = members["fixed"] {
            for item in try reader.list(fixed.value, "'fixed'") {
                let pair = try reader.members(of: item, allowed: ["before", "after"], required: ["before", "after"], in: "a 'fixed' example")
                examples.fixed.append(FixExample(before: try reader.text(pair["before"]!.value, "'before'"),
                                                 after: try reader.text(pair["after"]!.value, "'after'"), location: item.location))
            }
        }
        return examples
    }

    /// `fix`: one fix or a list of them, each `{ safety, replace | insertLine | remove, groups }`.
    /// - Parameter shape: as `RuleMessages.read` takes it: nil for eqlint's own rules, whose fixes are not checked against it.
    private func fixes(_ node: JSON5Node, shape: MessageShape?) throws(RuleFileError) -> [RuleFix] {
        let items: [JSON5Node]
        if case .array(let list) = node.value { items = list } else { items = [node] }
        guard !items.isEmpty else { throw reader.error("'fix' needs at least one fix, or leave it out", at: node.location) }
        var fixes: [RuleFix] = []
        for item in items {
            let members = try reader.members(of: item, allowed: ["safety", "replace", "insertLine", "remove", "groups"],
                                             required: ["safety"], in: "a fix")
            let safety = try reader.choice(members["safety"]!.value, "'safety'", of: FixIt.Safety.allCases)
            let actions = ["replace", "insertLine", "remove"].filter { members[$0] != nil }
            guard actions.count == 1 else {
                throw reader.error("a fix needs exactly one of 'replace', 'insertLine' or 'remove'", at: item.location)
            }
            func template(_ key: String) throws(RuleFileError) -> MessageTemplate {
                let value = members[key]!.value
                let template = try RuleMessages.template(value, "'\(key)'", reader: reader)
                if let shape {
                    try RuleMessages.check(template, "'\(key)'", may: shape.messageNames, shape: shape, at: value.location, reader: reader)
                }
                return template
            }
            let action: RuleFix.Action
            switch actions[0] {
            case "replace": action = .replace(try template("replace"))
            case "insertLine": action = .insertLine(try template("insertLine"))
            default:
                guard try reader.bool(members["remove"]!.value, "'remove'") else {
                    throw reader.error("'remove' must be true (or leave it out)", at: members["remove"]!.value.location)
                }
                action = .remove
            }
            var groups: Set<String>?
            if let member = members["groups"] {
                if let shape, !shape.messageNames.contains("term") {
                    throw reader.error("'groups' picks findings by their {term}, which the check '\(shape.check)' does not fill", at: member.keyLocation)
                }
                groups = try reader.names(member.value, "'groups'")
            }
            fixes.append(RuleFix(safety: safety, action: action, groups: groups))
        }
        return fixes
    }

    /// One example: a plan (a string or a list of lines), or `{ plan, expect }`
    /// where a fail example pins where it fires: `expect: "3:4"` (line and
    /// column in the example plan) or a list of them, in report order.
    private func example(_ node: JSON5Node, mayExpect: Bool) throws(RuleFileError) -> RuleExample {
        guard case .object = node.value else { return RuleExample(text: try reader.text(node, "an example"), location: node.location) }
        let members = try reader.members(of: node, allowed: ["plan", "expect"], required: ["plan"], in: "an example")
        let plan = members["plan"]!.value
        var expected: [SourceLocation] = []
        if let expect = members["expect"] {
            guard mayExpect else { throw reader.error("'expect' is for fail examples: a pass example has no finding", at: expect.keyLocation) }
            let items: [JSON5Node]
            if case .array(let list) = expect.value.value { items = list } else { items = [expect.value] }
            guard !items.isEmpty else { throw reader.error("'expect' needs at least one place, such as \"3:4\"", at: expect.value.location) }
            for item in items { expected.append(try place(item)) }
        }
        return RuleExample(text: try reader.text(plan, "an example's 'plan'"), location: node.location, expected: expected)
    }

    /// `"3:4"`: a line and column of an example plan.
    private func place(_ node: JSON5Node) throws(RuleFileError) -> SourceLocation {
        let text = try reader.string(node, "'expect'")
        let numbers = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard numbers.count == 2, let line = numbers[0], let column = numbers[1], line >= 1, column >= 1 else {
            throw reader.error("'expect' must be a line and column such as \"3:4\", not '\(text)'", at: node.location)
        }
        return SourceLocation(line: line, column: column)
    }
}

extension RuleFileError {
    /// A rule or configuration file that is not UTF-8, at its first bad byte.
    init(notUTF8 path: String, _ invalid: InvalidUTF8) {
        self.init(path: path, location: invalid.location,
                  message: "is not valid UTF-8 text (\(invalid.description)); save the file with UTF-8 encoding")
    }
}
