/// A vocabulary list (and groups of it) a rule refers to, checked once every
/// list is loaded.
struct VocabularyReference {
    var selection: VocabularySelection
    var location: SourceLocation
}

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
        "present": ([.plan, .objective, .action], true, ["inActions", "all", "mentions", "statementCounts"]),
        "mentions": ([.objective, .entry], false, ["vocabulary", "groups"]),
        "avoids": ([.plan, .objective, .entry], false, ["vocabulary", "groups"]),
        "measurable": ([.entry], true, ["vocabulary", "datesCount"]),
        "any-measurable": ([.objective], true, ["vocabulary", "datesCount", "statementCounts"]),
        "has-end-date": ([.entry], true, []),
        "dates-in-order": ([.entry], true, []),
        "within-period": ([.entry], true, []),
        "periods-agree": ([.plan], false, []),
        "recorded-when-due": ([.objective], true, []),
        "matches": ([.entry], true, ["pattern", "caseSensitive"]),
        "not-matches": ([.entry], true, ["pattern", "caseSensitive"]),
        "period-at-most": ([.plan], false, ["years"]),
        "period-not-ended": ([.plan], false, []),
        "not-expired": ([.plan], false, ["years"]),
        "dates-readable": ([.plan, .entry], false, []),
        "abbreviations-defined": ([.entry], true, ["vocabulary"]),
        "acronyms-defined": ([.plan], false, ["vocabulary", "skipFields"]),
        "readable": ([.entry], true, ["maxSentenceWords", "minReadingEase", "allowAcronyms"]),
        "small-counts": ([.plan], false, ["below", "vocabulary", "groups"]),
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
    func build(reader: NodeReader) throws(RuleFileError) -> (Check, [VocabularyReference]) {
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
        var references: [VocabularyReference] = []

        func vocabularyName(default fallback: String?) throws(RuleFileError) -> String {
            try selection(default: fallback).list
        }
        /// The `vocabulary` option, with `groups` when the check takes them.
        func selection(default fallback: String?) throws(RuleFileError) -> VocabularySelection {
            let groups = try options["groups"].map { member throws(RuleFileError) in try reader.names(member.value, "'groups'") }
            guard let node = options["vocabulary"]?.value else {
                guard let fallback else { throw reader.error("the check '\(name)' needs the option 'vocabulary'", at: self.options.location) }
                let selection = VocabularySelection(list: fallback, groups: groups)
                references.append(VocabularyReference(selection: selection, location: nameLocation))
                return selection
            }
            let selection = VocabularySelection(list: try reader.nonEmptyString(node, "'vocabulary'"), groups: groups)
            references.append(VocabularyReference(selection: selection, location: options["groups"]?.value.location ?? node.location))
            return selection
        }
        func limit(_ key: String, default value: Int) throws(RuleFileError) -> Int {
            try options[key].map { member throws(RuleFileError) in try reader.positiveInteger(member.value, "'\(key)'") } ?? value
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
            var mentions: String?
            if let member = options["mentions"] {
                guard scope == .plan else { throw reader.error("'mentions' applies only to scope 'plan'", at: member.keyLocation) }
                let list = try reader.nonEmptyString(member.value, "'mentions'")
                // Each field is looked for in the group of the same name.
                references.append(VocabularyReference(selection: VocabularySelection(list: list, groups: Set(fields.map(\.rawValue))),
                                                      location: member.value.location))
                mentions = list
            }
            let statementCounts = try flag("statementCounts", default: false)
            if statementCounts, scope != .objective {
                throw reader.error("'statementCounts' applies only to scope 'objective'", at: options["statementCounts"]!.keyLocation)
            }
            check = .present(inActions: quantifier, all: try flag("all", default: false), mentions: mentions, statementCounts: statementCounts)
        case "mentions": check = .mentions(try selection(default: nil))
        case "avoids": check = .avoids(try selection(default: nil))
        case "measurable":
            check = .measurable(vocabulary: try vocabularyName(default: "measures"), datesCount: try flag("datesCount", default: true))
        case "any-measurable":
            check = .anyMeasurable(vocabulary: try vocabularyName(default: "measures"), datesCount: try flag("datesCount", default: true),
                                   statementCounts: try flag("statementCounts", default: false))
        case "has-end-date": check = .hasEndDate
        case "dates-in-order": check = .datesInOrder
        case "within-period": check = .withinPeriod
        case "periods-agree": check = .periodsAgree
        case "recorded-when-due": check = .recordedWhenDue
        case "matches": check = .matches(try pattern())
        case "not-matches": check = .notMatches(try pattern())
        case "period-at-most": check = .periodAtMost(years: try reader.positiveInteger(try required("years"), "'years'"))
        case "period-not-ended": check = .periodNotEnded
        case "not-expired": check = .notExpired(years: try reader.positiveInteger(try required("years"), "'years'"))
        case "readable":
            let ease = try options["minReadingEase"].map { member throws(RuleFileError) in
                try reader.positiveInteger(member.value, "'minReadingEase'")
            }
            check = .readable(Readability.Limits(
                maxSentenceWords: try limit("maxSentenceWords", default: 20), minReadingEase: ease.map(Double.init),
                allowAcronyms: try flag("allowAcronyms", default: true)))
        case "small-counts":
            check = .smallCounts(below: try limit("below", default: 5), people: try selection(default: nil))
        case "acronyms-defined":
            let skipping = try options["skipFields"].map { member throws(RuleFileError) in
                try reader.names(member.value, "'skipFields'").sorted().map(FieldName.init(rawValue:))
            } ?? []
            check = .acronymsDefined(vocabulary: try vocabularyName(default: "acronyms"), skipping: skipping)
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
