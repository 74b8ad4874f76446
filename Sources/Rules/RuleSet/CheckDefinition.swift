/// How a rule file asks for a check: its name, scope, fields and options,
/// with their places. Kept with the rule so that a configuration file can
/// set new options and the check be built again, its errors pointing at the
/// configuration.
struct CheckDefinition: Sendable {
    var name: String
    var nameLocation: SourceLocation
    var scope: Rule.Scope
    var scopeLocation: SourceLocation
    var fields: [FieldName]
    var fieldKeyLocation: SourceLocation?
    var options: JSON5Node

    /// Which scopes each check can look at, whether it needs a field, and its options.
    static let shapes: [String: (scopes: [Rule.Scope], needsField: Bool, options: [String])] = [
        "has-objectives": ([.plan], false, []),
        "present": ([.plan, .objective, .action], true, ["inActions"]),
        "mentions": ([.objective, .entry], false, ["vocabulary"]),
        "measurable": ([.entry], true, ["vocabulary", "datesCount"]),
        "any-measurable": ([.objective], true, ["vocabulary", "datesCount"]),
        "has-end-date": ([.entry], true, []),
        "matches": ([.entry], true, ["pattern", "caseSensitive"]),
        "not-matches": ([.entry], true, ["pattern", "caseSensitive"]),
        "period-at-most": ([.plan], false, ["years"]),
        "period-not-ended": ([.plan], false, []),
        "not-expired": ([.plan], false, ["years"]),
        "dates-readable": ([.plan], false, []),
        "abbreviations-defined": ([.entry], true, ["vocabulary"]),
        "readable": ([.entry], true, ["maxSentenceWords", "maxWordLetters"]),
        "suppressions-used": ([.plan], false, []),
        "suppressions-explained": ([.plan], false, []),
    ]

    /// The same definition with some options replaced (a configuration's).
    func overriding(options overrides: JSON5Node) -> CheckDefinition {
        guard case .object(let mine) = options.value, case .object(let theirs) = overrides.value else { return self }
        var copy = self
        copy.options = JSON5Node(value: .object(mine.filter { own in !theirs.contains { $0.key == own.key } } + theirs),
                                 location: overrides.location)
        return copy
    }

    /// The check, and the vocabulary lists it refers to (checked once all lists are loaded).
    func build(reader: NodeReader) throws(RuleFileError) -> (Check, [(String, SourceLocation)]) {
        let known = Self.shapes.keys.sorted()
        guard let shape = Self.shapes[name] else {
            let hint = Spelling.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw reader.error("unknown check '\(name)'\(hint); the built-in checks are \(known.joined(separator: ", "))", at: nameLocation)
        }
        guard shape.scopes.contains(scope) else {
            let scopes = shape.scopes.map { "'\($0.rawValue)'" }.joined(separator: " or ")
            throw reader.error("the check '\(name)' works on scope \(scopes), not '\(scope.rawValue)'", at: scopeLocation)
        }
        if shape.needsField || scope == .entry, fields.isEmpty {
            throw reader.error("the check '\(name)' needs a 'field' (such as \"lead\" or \"success\")", at: nameLocation)
        }
        if !shape.needsField, scope != .entry, let fieldKeyLocation {
            throw reader.error("the check '\(name)' takes no 'field'", at: fieldKeyLocation)
        }
        let options = try reader.members(of: self.options, allowed: shape.options, in: "the options of '\(name)'")
        var references: [(String, SourceLocation)] = []

        func vocabularyName(default fallback: String?) throws(RuleFileError) -> String {
            guard let node = options["vocabulary"]?.value else {
                guard let fallback else { throw reader.error("the check '\(name)' needs the option 'vocabulary'", at: self.options.location) }
                references.append((fallback, nameLocation))
                return fallback
            }
            let list = try reader.nonEmptyString(node, "'vocabulary'")
            references.append((list, node.location))
            return list
        }
        func required(_ key: String) throws(RuleFileError) -> JSON5Node {
            guard let node = options[key]?.value else {
                throw reader.error("the check '\(name)' needs the option '\(key)'", at: self.options.location)
            }
            return node
        }
        func flag(_ key: String, default value: Bool) throws(RuleFileError) -> Bool {
            try options[key].map { member throws(RuleFileError) in try reader.bool(member.value, "'\(key)'") } ?? value
        }
        func pattern() throws(RuleFileError) -> Pattern {
            try reader.pattern(try required("pattern"), "'pattern'", caseSensitive: try flag("caseSensitive", default: false))
        }

        let check: Check
        switch name {
        case "has-objectives": check = .hasObjectives
        case "present":
            let quantifier = try options["inActions"].map { member throws(RuleFileError) in
                try reader.choice(member.value, "'inActions'", of: [Check.ActionQuantifier.none, .any, .every])
            } ?? Check.ActionQuantifier.none
            if quantifier != .none, scope != .objective {
                throw reader.error("'inActions' applies only to scope 'objective'", at: options["inActions"]!.keyLocation)
            }
            check = .present(inActions: quantifier)
        case "mentions": check = .mentions(vocabulary: try vocabularyName(default: nil))
        case "measurable":
            check = .measurable(vocabulary: try vocabularyName(default: "measures"), datesCount: try flag("datesCount", default: true))
        case "any-measurable":
            check = .anyMeasurable(vocabulary: try vocabularyName(default: "measures"), datesCount: try flag("datesCount", default: true))
        case "has-end-date": check = .hasEndDate
        case "matches": check = .matches(try pattern())
        case "not-matches": check = .notMatches(try pattern())
        case "period-at-most": check = .periodAtMost(years: try reader.positiveInteger(try required("years"), "'years'"))
        case "period-not-ended": check = .periodNotEnded
        case "not-expired": check = .notExpired(years: try reader.positiveInteger(try required("years"), "'years'"))
        case "readable":
            func limit(_ key: String, default value: Int) throws(RuleFileError) -> Int {
                try options[key].map { member throws(RuleFileError) in try reader.positiveInteger(member.value, "'\(key)'") } ?? value
            }
            check = .readable(maxSentenceWords: try limit("maxSentenceWords", default: 25), maxWordLetters: try limit("maxWordLetters", default: 14))
        case "dates-readable": check = .datesReadable
        case "suppressions-used": check = .suppressionsUsed
        case "suppressions-explained": check = .suppressionsExplained
        case "abbreviations-defined": check = .abbreviationsDefined(vocabulary: try vocabularyName(default: "abbreviations"))
        default:
            // Every name in `shapes` has a case above; this is reached only if one is added without it.
            throw reader.error("the check '\(name)' is listed but not built; this is a bug in eqlint", at: nameLocation)
        }
        return (check, references)
    }
}
