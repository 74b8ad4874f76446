import EqlintText
import JSON5Syntax

/// Reads a rule or configuration file's JSON5 (see `JSON5TableParser`),
/// its syntax errors as errors of the file.
package enum JSON5Parser {
    package static func parse(_ source: SourceFile) throws(RuleFileError) -> JSON5Node {
        do throws(JSON5SyntaxError) {
            return root(of: try JSON5TableParser.table(of: source), in: source)
        } catch {
            throw RuleFileError(path: source.path, location: error.location, message: error.message)
        }
    }

    /// The value of a file whose table is made already: one of eqlint's own
    /// rule files, parsed when eqlint was built (see `embeddedRuleFiles`).
    static func root(of table: JSON5Table, in source: SourceFile) -> JSON5Node {
        JSON5Node(document: JSON5Document(source: source, table: table), index: 0)
    }

    /// The same, with its values' places written when eqlint was built too:
    /// no `SourceFile` (and line table) is made of the text.
    static func root(of table: JSON5Table, places: JSON5Places, text: String) -> JSON5Node {
        JSON5Node(document: JSON5Document(text: text, table: table, places: places), index: 0)
    }
}
