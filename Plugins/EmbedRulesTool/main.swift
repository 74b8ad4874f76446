import EqlintText
import Foundation
import JSON5Syntax

// Writes a Swift file holding every `.json5`/`.json` file under a directory as
// a string literal, keyed by its path relative to that directory, with its
// table of values (`JSON5Table`), so that eqlint does not parse its own rule
// files at each start, and where each value is written (`JSON5Places`), so
// that it makes no line table of them either. A file that is not JSON5 gets
// none: loading it reports the error, as for any rule file.
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

var source = "// Generated at build time from rules/ by embed-rules. Do not edit.\n\n"
source += "import JSON5Syntax\n\n"
source += "/// The default rule set, as the files in `rules/` held it when eqlint was built,\n"
source += "/// each with its values parsed and their places (nil for a file that is not JSON5).\n"
source += "let embeddedRuleFiles: [(path: String, text: String, table: JSON5Table?, places: JSON5Places?)] = [\n"
for file in files {
    source += "    (\(swiftLiteral(file.path)), \(swiftLiteral(file.text)),\n"
    source += "     \(tableSource(path: file.path, text: file.text))),\n"
}
source += "]\n"
do {
    try source.write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("embed-rules: error: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
