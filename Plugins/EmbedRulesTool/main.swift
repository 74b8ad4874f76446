import EqlintPlan
import EqlintText
import Foundation
import JSON5Syntax

// Writes a Swift file holding every `.json5`/`.json` file under a directory as
// a string literal, keyed by its path relative to that directory, with its
// table of values (`JSON5Table`, every string in it a literal), so that eqlint
// does not parse its own rule files at each start, nor make their strings,
// and where each value is written (`JSON5Places`), so that it makes no line
// table of them either. A file that is not JSON5 gets none: loading it
// reports the error, as for any rule file. It also writes
// the prefilter set (`PatternPrefilterSet`) of each of its vocabulary lists'
// patterns, as the linter's measurability checks take them, and every
// pattern's own prefilter and byte program, so that eqlint does not work
// them out at each start either.
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

/// A rule file as read, and its table of values (nil when it is not JSON5).
struct ParsedFile {
    var path: String
    var text: String
    var source: SourceFile
    var table: JSON5Table?

    init(path: String, text: String) {
        self.path = path
        self.text = text
        source = SourceFile(path: path, text: text)
        table = try? JSON5TableParser.table(of: source)
    }

    /// The text of the string value at an index of the table; nil for any other value.
    func string(_ index: Int) -> String? {
        guard let table, table.entries[index].kind == .string else { return nil }
        return table.text(of: table.entries[index], in: source.bytes)
    }
}

let parsedFiles = files.map { ParsedFile(path: $0.path, text: $0.text) }

/// Swift source making a file's table and its values' places, or `nil, nil`
/// when the file is not JSON5. The places are `nil` too when a `SourceFile`
/// of the text would not hold its UTF-8 as it is (a byte order mark, a NUL):
/// eqlint then finds them in the text, as for any rule file.
func tableSource(_ file: ParsedFile) -> String {
    let source = file.source
    guard let parsed = file.table else { return "nil, nil" }
    let places = source.bytes == Array(file.text.utf8)
        ? "JSON5Places(flat: [\(JSON5Places(of: parsed, in: source).flat.map(String.init).joined(separator: ","))])" : "nil"
    let table = parsed.holdingEveryString(of: source.bytes)
    func number(_ value: Double) -> String {
        value.isNaN ? ".nan" : value.isInfinite ? (value < 0 ? "-.infinity" : ".infinity") : "\(value)"
    }
    return "JSON5Table(flatEntries: [\(table.flatEntries.map(String.init).joined(separator: ","))], "
        + "keys: [\(table.keys.map(swiftLiteral).joined(separator: ", "))], "
        + "strings: [\(table.strings.map(swiftLiteral).joined(separator: ", "))], "
        + "numbers: [\(table.numbers.map(number).joined(separator: ", "))]), "
        + places
}

/// The vocabulary, as the rule files load it (each file's `terms`, then its
/// `patterns`, added to its list with `Vocabulary.add`, files in path order).
func builtInVocabulary(_ files: [ParsedFile]) -> Vocabulary {
    var vocabulary = Vocabulary()
    for file in files {
        guard let table = file.table, table.entries.first?.kind == .object else { continue }
        let entries = table.entries
        let text = file.string
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
            + "outputs: \(list(tables.outputs)))),\n"
    }
    return source
}

/// The sources of every pattern in the rule files: the values of `pattern`
/// keys (a rule's condition, a check's option) and the strings in
/// `patterns` objects (the vocabulary's).
func patternSources(_ files: [ParsedFile]) -> Set<String> {
    var sources: Set<String> = []
    for file in files {
        guard let table = file.table else { continue }
        let entries = table.entries
        /// Collects from the value at `index` and all it holds.
        func collect(_ index: Int, key: String?, underPatterns: Bool) {
            let entry = entries[index]
            switch entry.kind {
            case .object, .array:
                var child = index + 1
                for _ in 0..<entry.count {
                    let childKey = entry.kind == .object ? table.keys[entries[child].key] : nil
                    collect(child, key: childKey, underPatterns: underPatterns || key == "patterns")
                    child = entries[child].next
                }
            case .string where key == "pattern" || underPatterns:
                if let text = file.string(index) { sources.insert(text) }
            default:
                break
            }
        }
        if !entries.isEmpty { collect(0, key: nil, underPatterns: false) }
    }
    return sources
}

/// Swift source for what is compiled of each pattern (`Pattern.compiledWords(of:)`:
/// its prefilter and byte program, case-insensitive, as rule files read most
/// of them; a case-sensitive one is compiled when eqlint first runs it):
/// every pattern's words in one array, and by each source the range of its
/// own. One array, not one for each pattern: at its first use the run time
/// writes into each array the compiler laid out, and each page written is a
/// page fault of its own.
func compiledPatternsSource(_ sources: Set<String>) -> String {
    var words: [UInt64] = []
    var ranges = ""
    for pattern in sources.sorted() {
        guard let compiled = Pattern.compiledWords(of: pattern) else { continue }
        ranges += "    \(swiftLiteral(pattern)): \(words.count)..<\(words.count + compiled.count),\n"
        words += compiled
    }
    return "let embeddedPatternWords: [UInt64] = \(list(words))\n\n"
        + "/// Where each pattern's words are in `embeddedPatternWords`, by the pattern's source.\n"
        + "let embeddedPatterns: [String: Range<Int>] = [\n\(ranges.isEmpty ? ":" : ranges)]\n"
}

let vocabulary = builtInVocabulary(parsedFiles)
var source = "// Generated at build time from rules/ by embed-rules. Do not edit.\n\n"
source += "import EqlintPlan\nimport EqlintText\nimport JSON5Syntax\n\n"
source += "/// The default rule set, as the files in `rules/` held it when eqlint was built,\n"
source += "/// each with its values parsed and their places (nil for a file that is not JSON5).\n"
source += "let embeddedRuleFiles: [(path: String, text: String, table: JSON5Table?, places: JSON5Places?)] = [\n"
for file in parsedFiles {
    source += "    (\(swiftLiteral(file.path)), \(swiftLiteral(file.text)),\n"
    source += "     \(tableSource(file))),\n"
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
source += "]\n\n"
source += "/// The patterns in `rules/` compiled (see `Pattern.compiledWords(of:)`), one after\n"
source += "/// another, as embed-rules compiled them.\n"
source += compiledPatternsSource(patternSources(parsedFiles))
do {
    try source.write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("embed-rules: error: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
