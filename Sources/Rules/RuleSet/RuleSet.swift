import EqlintPlan
import EqlintText
import Foundation
import JSON5Syntax

/// The rules and vocabulary a run checks plans against: immutable once
/// loaded, and passed in rather than held globally.
public struct RuleSet: Sendable {
    /// The rules, in id order.
    public package(set) var rules: [Rule] = []
    public package(set) var vocabulary = Vocabulary()
    /// Rules a later directory replaced: id → where the replaced rule was.
    public private(set) var replaced: [String: RuleOrigin] = [:]

    public init() {}

    /// A rule file's path and text.
    public typealias File = (path: String, text: String)

    /// The default rules, built into eqlint from `rules/`, with the rules of
    /// some directories on top: a rule with a default's id replaces it, and
    /// vocabulary lists are extended.
    public static func defaults(adding directories: [String] = []) throws(RuleFileError) -> RuleSet {
        var layers = [embeddedRuleFiles.map { (path: "rules/" + $0.path, text: $0.text) }]
        for directory in directories { layers.append(try files(inDirectory: directory)) }
        return try load(layers: layers, defaultLayers: 1, parsed: embeddedRuleFiles.map { ($0.table, $0.places) },
                        phraseIndexes: embeddedPhraseIndexes)
    }

    /// Loads layers of files; within a layer an id may appear once, and a
    /// later layer's rule replaces an earlier one with the same id.
    /// - Parameters:
    ///   - defaultLayers: how many of the first layers hold eqlint's own rules.
    ///   - parsed: the first layer's files' tables of values and their
    ///     places, in its order, as `embed-rules` made them when eqlint was
    ///     built (nil: parse the file; no places: find them in its text).
    public static func load(layers: [[File]], defaultLayers: Int = 0) throws(RuleFileError) -> RuleSet {
        try load(layers: layers, defaultLayers: defaultLayers, parsed: [])
    }

    /// - Parameter phraseIndexes: the phrase indexes of the first layer's
    ///   vocabulary, as `embed-rules` made them from the same files (nil: made now).
    static func load(layers: [[File]], defaultLayers: Int, parsed: [(table: JSON5Table?, places: JSON5Places?)],
                     phraseIndexes: [(list: String, tables: PhraseIndex.Tables)]? = nil) throws(RuleFileError) -> RuleSet {
        var set = RuleSet()
        var byID: [String: Rule] = [:]
        var references: [(reference: VocabularyReference, path: String)] = []
        for (layerIndex, layer) in layers.enumerated() {
            var seenInLayer: [String: RuleOrigin] = [:]
            for (fileIndex, file) in layer.enumerated() {
                let made = layerIndex == 0 && fileIndex < parsed.count ? parsed[fileIndex] : (table: nil, places: nil)
                switch try RuleFileLoader.load(path: file.path, text: file.text, parsed: made.table, places: made.places,
                                               isEqlintsOwn: layerIndex < defaultLayers) {
                case .vocabulary(let name, let terms, let patterns):
                    set.vocabulary.add(terms: terms, to: name, indexingPhrases: layerIndex > 0 || phraseIndexes == nil)
                    set.vocabulary.add(patterns: patterns, to: name)
                case .rule(var rule, let refs):
                    rule.origin.isDefault = layerIndex < defaultLayers
                    if let first = seenInLayer[rule.id] {
                        throw RuleFileError(
                            path: file.path, location: rule.origin.location,
                            message: "the rule id '\(rule.id)' is already used by \(first.path)")
                    }
                    seenInLayer[rule.id] = rule.origin
                    if let earlier = byID[rule.id] { set.replaced[rule.id] = earlier.origin }
                    byID[rule.id] = rule
                    references += refs.map { ($0, file.path) }
                }
            }
            if layerIndex == 0, let phraseIndexes { set.vocabulary.usePhraseIndexes(phraseIndexes) }
        }
        for (reference, path) in references {
            if let problem = set.vocabulary.problem(with: reference.selection) {
                throw RuleFileError(path: path, location: reference.location, message: problem)
            }
        }
        // The ids sorted, not the rules: a rule is some twenty reference-counted values to move.
        set.rules = byID.keys.sorted().map { byID[$0]! }
        try set.checkSupersedes()
        return set
    }

    /// Every id a rule `supersedes` names a rule, not a suppression rule
    /// (those report on the plan's comments, after the rest), and no rule
    /// comes back to itself through them.
    private func checkSupersedes() throws(RuleFileError) {
        let ids = rules.map(\.id)
        func isSuppressionRule(_ rule: Rule) -> Bool {
            if case .suppressions = rule.check { return true }
            return false
        }
        for rule in rules {
            for (other, location) in zip(rule.supersedes, rule.supersedesLocations) {
                guard let superseded = self.rule(id: other) else {
                    let hint = Spelling.closest(to: other, in: ids).map { "; did you mean '\($0)'?" } ?? " (see 'eqlint rules')"
                    throw RuleFileError(path: rule.origin.path, location: location, message: "'supersedes' names no rule '\(other)'\(hint)")
                }
                if isSuppressionRule(rule) || isSuppressionRule(superseded) {
                    throw RuleFileError(path: rule.origin.path, location: location,
                                        message: "'\(isSuppressionRule(rule) ? rule.id : other)' reports on eqlint comments, after every other rule: it cannot supersede or be superseded")
                }
                // Following what the superseded rule supersedes must never lead back.
                var seen: Set<String> = []
                var pending = [other]
                while let next = pending.popLast() {
                    guard seen.insert(next).inserted else { continue }
                    if next == rule.id {
                        throw RuleFileError(path: rule.origin.path, location: location,
                                            message: "'\(rule.id)' supersedes '\(other)', which (in turn) supersedes '\(rule.id)': one of them must give way")
                    }
                    pending += self.rule(id: next)?.supersedes ?? []
                }
            }
        }
    }

    /// Every `.json5` and `.json` file under a directory, in path order,
    /// leaving out hidden files and folders (such as macOS `._` files).
    public static func files(inDirectory directory: String) throws(RuleFileError) -> [File] {
        var isDirectory: ObjCBool = false
        guard !directory.isEmpty, FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleFileError(path: directory, location: nil, message: "is not a directory of rule files")
        }
        let paths = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
            .filter { ($0.hasSuffix(".json5") || $0.hasSuffix(".json")) && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
        var files: [File] = []
        for relative in paths {
            let display = (directory as NSString).appendingPathComponent(relative)
            let source: SourceFile
            do {
                source = try SourceFile.read(path: display)
            } catch {
                throw RuleFileError(path: display, location: nil, message: error.reason)
            }
            if let invalid = source.invalidUTF8 { throw RuleFileError(notUTF8: display, invalid) }
            files.append((display, String(decoding: source.bytes, as: UTF8.self)))
        }
        return files
    }

    /// The id of the rule most likely meant by a misspelt one.
    public func suggestion(for id: String) -> String? {
        Spelling.closest(to: id, in: rules.map(\.id))
    }

    /// The rule with an id, if there is one.
    public func rule(id: String) -> Rule? {
        // By index: `first(where:)` would copy each rule it passes over.
        for index in rules.indices where rules[index].id == id { return rules[index] }
        return nil
    }
}
