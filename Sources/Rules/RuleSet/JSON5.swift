import EqlintText
import JSON5Syntax

/// A JSON5 value with the place it was written, so that a rule file's errors
/// can name their line and column. (Foundation's JSON5 support reads the same
/// syntax but says nothing of where a value is.)
///
/// A parsed value is a place in its `JSON5Document`: its `value` (an
/// object's members, a list's items, a string) and its `location` are made
/// when asked for, so that reading a file allocates little and what is
/// never looked at costs nothing. A value made in code (`init(value:location:)`)
/// holds them as given.
package struct JSON5Node: Sendable {
    package enum Value: Sendable {
        case object([Member])
        case array([JSON5Node])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    /// A key of an object and its value.
    package struct Member: Sendable {
        package var key: String
        package var value: JSON5Node
        /// The file the key is written in, and the index of the member's entry there.
        private let keyDocument: JSON5Document
        private let entryIndex: Int

        init(key: String, value: JSON5Node, keyDocument: JSON5Document, entryIndex: Int) {
            self.key = key
            self.value = value
            self.keyDocument = keyDocument
            self.entryIndex = entryIndex
        }

        package var keyLocation: SourceLocation { keyDocument.keyLocation(of: entryIndex) }
    }

    private enum Storage: Sendable {
        /// The value at an index of a document's entries.
        case parsed(JSON5Document, Int)
        indirect case made(Value, SourceLocation)
    }

    private let storage: Storage

    /// A value made in code, such as a rule's options merged with a configuration's.
    package init(value: Value, location: SourceLocation) {
        storage = .made(value, location)
    }

    init(document: JSON5Document, index: Int) {
        storage = .parsed(document, index)
    }

    package var value: Value {
        switch storage {
        case .parsed(let document, let index): return document.value(at: index)
        case .made(let value, _): return value
        }
    }

    package var location: SourceLocation {
        switch storage {
        case .parsed(let document, let index): return document.location(of: index)
        case .made(_, let location): return location
        }
    }

    /// The string, when the value is one (without making any other kind of value).
    package var string: String? {
        switch storage {
        case .parsed(let document, let index): return document.string(at: index)
        case .made(let value, _):
            if case .string(let text) = value { return text }
            return nil
        }
    }

    private static func kind(of value: Value) -> JSON5Table.Kind {
        switch value {
        case .object: .object
        case .array: .array
        case .string: .string
        case .number: .number
        case .bool: .bool
        case .null: .null
        }
    }

    /// What a value is, in the words an error message uses.
    package var kindName: String {
        let kind: JSON5Document.Kind
        switch storage {
        case .parsed(let document, let index): kind = document.entries[index].kind
        case .made(let value, _): kind = Self.kind(of: value)
        }
        switch kind {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }
}

/// An object's members, looked up by key (an object has no key twice).
/// Objects have few keys: a look along them is quicker than a dictionary.
package struct JSON5Members: Sendable {
    let list: [JSON5Node.Member]

    package subscript(key: String) -> JSON5Node.Member? {
        // By index: `first(where:)` would copy (retain and release) each member it passes over.
        for index in list.indices where Self.isSameKey(list[index].key, key) { return list[index] }
        return nil
    }

    /// Whether two keys are the same, their lengths compared first: most
    /// keys compared are different, and telling two strings apart is the
    /// slow case of `==`.
    @inline(__always)
    package static func isSameKey(_ one: String, _ other: String) -> Bool {
        one.utf8.count == other.utf8.count && one == other
    }
}

/// A parsed JSON5 file: its text, and the table of every value in it
/// (`JSON5Table`), read by `JSON5Parser` or made by `embed-rules` when
/// eqlint was built.
final class JSON5Document: Sendable {
    typealias Kind = JSON5Table.Kind
    typealias Entry = JSON5Table.Entry

    /// How a value's place is found: from the file's line table, or, for
    /// eqlint's own rule files, as `embed-rules` wrote it (no line table made).
    private enum Places: Sendable {
        case lineTable(SourceFile)
        case written(JSON5Places)
    }

    /// The file's text: a source file's bytes, or, for eqlint's own files
    /// (their places written already), the text as eqlint holds it, not
    /// copied (its table holds every string, so it is seldom read).
    private enum Text: Sendable {
        case bytes([UInt8])
        case string(String)
    }

    private let text: Text
    private let places: Places
    let entries: JSON5Table.Entries
    let keys: [String]
    let strings: [String]
    let numbers: [Double]

    init(source: SourceFile, table: JSON5Table) {
        text = .bytes(source.bytes)
        places = .lineTable(source)
        entries = table.entries
        keys = table.keys
        strings = table.strings
        numbers = table.numbers
    }

    /// A file whose values' places are written already: `text` must be
    /// the text `places` was made from, its UTF-8 as a `SourceFile` of it
    /// holds it (no byte order mark).
    init(text: String, table: JSON5Table, places: JSON5Places) {
        self.text = .string(text)
        self.places = .written(places)
        entries = table.entries
        keys = table.keys
        strings = table.strings
        numbers = table.numbers
    }

    /// Where the value at an index is written.
    func location(of index: Int) -> SourceLocation {
        switch places {
        case .lineTable(let source): source.location(of: entries[index].offset)
        case .written(let places): places.valueLocation(index)
        }
    }

    /// Where the key of the member at an index is written.
    func keyLocation(of index: Int) -> SourceLocation {
        switch places {
        case .lineTable(let source): source.location(of: entries[index].keyOffset)
        case .written(let places): places.keyLocation(index)
        }
    }

    func value(at index: Int) -> JSON5Node.Value {
        let entry = entries[index]
        switch entry.kind {
        case .object:
            var members: [JSON5Node.Member] = []
            members.reserveCapacity(entry.count)
            var child = index + 1
            for _ in 0..<entry.count {
                let item = entries[child]
                members.append(JSON5Node.Member(key: keys[item.key], value: JSON5Node(document: self, index: child),
                                                keyDocument: self, entryIndex: child))
                child = item.next
            }
            return .object(members)
        case .array:
            var items: [JSON5Node] = []
            items.reserveCapacity(entry.count)
            var child = index + 1
            for _ in 0..<entry.count {
                items.append(JSON5Node(document: self, index: child))
                child = entries[child].next
            }
            return .array(items)
        case .string: return .string(text(of: entry))
        case .number: return .number(numbers[entry.low])
        case .bool: return .bool(entry.low == 1)
        case .null: return .null
        }
    }

    /// The string at an index, or nil when the value there is not a string.
    func string(at index: Int) -> String? {
        let entry = entries[index]
        return entry.kind == .string ? text(of: entry) : nil
    }

    private func text(of string: Entry) -> String {
        guard string.high >= 0 else { return strings[string.low] }
        // As `SourceFile.text` makes it.
        switch text {
        case .bytes(let bytes):
            return String(decoding: bytes[string.low..<string.high], as: UTF8.self)
        case .string(var text):
            return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[string.low..<string.high]), as: UTF8.self) }
        }
    }
}
