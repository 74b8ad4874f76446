import EqlintPlan
import EqlintText
import Foundation
import JSON5Syntax

// Writes a Swift file holding every `.json5`/`.json` file under a directory as
// a string literal, keyed by its path relative to that directory, with its
// table of values (`JSON5Table`), so that eqlint does not parse its own rule
// files at each start, and where each value is written (`JSON5Places`), so
// that it makes no line table of them either. A file that is not JSON5 gets
// none: loading it reports the error, as for any rule file. It also writes
// the prefilter set (`PatternPrefilterSet`) of each of its vocabulary lists'
// patterns, as the linter's measurability checks take them, so that eqlint
// does not work the sets out at each start either.
// Usage: embed-rules RULES-DIRECTORY OUTPUT-FILE

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: embed-rules RULES-DIRECTORY OUTPUT-FILE\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

/// A Swift string literal for `text`, escaping what a literal cannot hold.
func swiftLiteral(_ text: String) -> String {
    var literal = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": literal += "\\\\"
        case "\"": literal += "\\\""
        case "\n": literal += "\\n"
        case "\r": literal += "\\r"
        case "\t": literal += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            literal += "\\u{\(String(scalar.value, radix: 16))}"
        default: literal.unicodeScalars.append(scalar)
        }
    }
    return literal + "\""
}

var files: [(path: String, text: String)] = []
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
    for case let url as URL in walker where ["json5", "json"].contains(url.pathExtension) {
        let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
        // Hidden files and folders (macOS `._x.json5`) are left out, as RuleSet.files(inDirectory:) does.
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write(Data("embed-rules: error: cannot read \(url.path) as UTF-8\n".utf8))
            exit(1)
        }
        files.append((relative, text))
    }
}
files.sort { $0.path < $1.path }

/// Swift source making a file's table and its values' places, or `nil, nil`
/// when the file is not JSON5. The places are `nil` too when a `SourceFile`
/// of the text would not hold its UTF-8 as it is (a byte order mark, a NUL):
/// eqlint then finds them in the text, as for any rule file.
func tableSource(path: String, text: String) -> String {
    let source = SourceFile(path: path, text: text)
    guard let table = try? JSON5TableParser.table(of: source) else { return "nil, nil" }
    let places = source.bytes == Array(text.utf8)
        ? "JSON5Places(flat: [\(JSON5Places(of: table, in: source).flat.map(String.init).joined(separator: ","))])" : "nil"
    func number(_ value: Double) -> String {
        value.isNaN ? ".nan" : value.isInfinite ? (value < 0 ? "-.infinity" : ".infinity") : "\(value)"
    }
    return "JSON5Table(flatEntries: [\(table.flatEntries.map(String.init).joined(separator: ","))], "
        + "keys: [\(table.keys.map(swiftLiteral).joined(separator: ", "))], "
        + "escapedStrings: [\(table.escapedStrings.map(swiftLiteral).joined(separator: ", "))], "
        + "numbers: [\(table.numbers.map(number).joined(separator: ", "))]), "
        + places
}

/// The vocabulary, as the rule files load it (each file's `terms`, then its
/// `patterns`, added to its list with `Vocabulary.add`, files in path order).
func builtInVocabulary(_ files: [(path: String, text: String)]) -> Vocabulary {
    var vocabulary = Vocabulary()
    for file in files {
        let source = SourceFile(path: file.path, text: file.text)
        guard let table = try? JSON5TableParser.table(of: source), table.entries.first?.kind == .object else { continue }
        let entries = table.entries
        func text(_ index: Int) -> String? {
            let entry = entries[index]
            guard entry.kind == .string else { return nil }
            return entry.high < 0 ? table.escapedStrings[entry.low] : String(decoding: source.bytes[entry.low..<entry.high], as: UTF8.self)
        }
        /// The members of the object at `index`: each key and its value's index.
        func members(_ index: Int) -> [(key: String, value: Int)] {
            var members: [(key: String, value: Int)] = []
            var child = index + 1
            for _ in 0..<entries[index].count {
                members.append((table.keys[entries[child].key], child))
                child = entries[child].next
            }
            return members
        }
        let root = members(0)
        /// The strings of each list in the object under `key`, by the list's name.
        func groups(_ key: String) -> [String: [String]] {
            var groups: [String: [String]] = [:]
            guard let object = root.first(where: { $0.key == key })?.value, entries[object].kind == .object else { return groups }
            for (group, list) in members(object) where entries[list].kind == .array {
                var child = list + 1
                var items: [String] = []
                for _ in 0..<entries[list].count {
                    if let item = text(child) { items.append(item) }
                    child = entries[child].next
                }
                groups[group] = items
            }
            return groups
        }
        guard let name = root.first(where: { $0.key == "vocabulary" }).flatMap({ text($0.value) }) else { continue }
        vocabulary.add(terms: groups("terms"), to: name)
        vocabulary.add(patterns: groups("patterns").mapValues { $0.compactMap { try? Pattern($0, timeLimited: false) } }, to: name)
    }
    return vocabulary
}

/// Numbers as a Swift array literal.
func list<T>(_ values: [T]) -> String { "[" + values.map { "\($0)" }.joined(separator: ",") + "]" }

/// Swift source for each list's phrase index, with the list's name, in the
/// order the lists first had phrases.
func phraseIndexesSource(_ vocabulary: Vocabulary) -> String {
    var source = ""
    for (name, tables) in vocabulary.phraseIndexTables {
        source += "    (\(swiftLiteral(name)), PhraseIndex.Tables(entries: \(list(tables.entries)), phraseWords: \(list(tables.phraseWords)), "
            + "groupNames: [\(tables.groupNames.map(swiftLiteral).joined(separator: ", "))], firstWordCount: \(tables.firstWordCount), "
            + "slotHashes: \(list(tables.slotHashes)), slotEntries: \(list(tables.slotEntries)), joinHeads: \(list(tables.joinHeads)))),\n"
    }
    return source
}

/// Swift source for each pattern list's prefilter set, with the sources of
/// the patterns it is for, in the set's order.
func prefilterSetsSource(_ vocabulary: Vocabulary) -> String {
    var source = ""
    for name in vocabulary.lists.keys.sorted() {
        let patterns = MeasuringPatterns(vocabulary.lists[name]).all
        guard !patterns.isEmpty else { continue }
        let tables = PatternPrefilterSet(patterns).tables
        source += "    ([\(patterns.map { swiftLiteral($0.source) }.joined(separator: ", "))],\n"
        source += "     PatternPrefilterSet.Tables(count: \(tables.count), words: \(tables.words), "
            + "unfiltered: \(list(tables.unfiltered)), everyPattern: \(list(tables.everyPattern)), "
            + "classes: \(list(tables.classes)), classCount: \(tables.classCount), moves: \(list(tables.moves)), "
            + "outputAt: \(list(tables.outputAt)), outputs: \(list(tables.outputs)))),\n"
    }
    return source
}

let vocabulary = builtInVocabulary(files)
var source = "// Generated at build time from rules/ by embed-rules. Do not edit.\n\n"
source += "import EqlintPlan\nimport EqlintText\nimport JSON5Syntax\n\n"
source += "/// The default rule set, as the files in `rules/` held it when eqlint was built,\n"
source += "/// each with its values parsed and their places (nil for a file that is not JSON5).\n"
source += "let embeddedRuleFiles: [(path: String, text: String, table: JSON5Table?, places: JSON5Places?)] = [\n"
for file in files {
    source += "    (\(swiftLiteral(file.path)), \(swiftLiteral(file.text)),\n"
    source += "     \(tableSource(path: file.path, text: file.text))),\n"
}
source += "]\n\n"
source += "/// The prefilter set of each pattern list of `rules/` (see `Measurability`), as\n"
source += "/// embed-rules worked it out, with the sources of the patterns, in the set's order.\n"
source += "let embeddedPrefilterSets: [(sources: [String], tables: PatternPrefilterSet.Tables)] = [\n"
source += prefilterSetsSource(vocabulary)
source += "]\n\n"
source += "/// The phrase index of each list of `rules/`'s vocabulary, as embed-rules made\n"
source += "/// it, in the order the lists first had phrases (see `RuleSet.load`).\n"
source += "let embeddedPhraseIndexes: [(list: String, tables: PhraseIndex.Tables)] = [\n"
source += phraseIndexesSource(vocabulary)
source += "]\n"
do {
    try source.write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("embed-rules: error: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
