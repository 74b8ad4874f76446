import EqlintText

/// A JSON5 file read into one flat list of values, in the order they are
/// written, each object or list before what it holds: what `JSON5TableParser`
/// makes of a file's text, and what `embed-rules` writes into eqlint for each
/// of its own rule files, so that they are not parsed again at each start.
/// Values are byte offsets into the text; strings without escapes are the
/// bytes between their quotes.
package struct JSON5Table: Sendable, Equatable {
    package enum Kind: UInt8, Sendable {
        case object, array, string, number, bool, null
    }

    /// One value of the file.
    package struct Entry: Sendable, Equatable {
        package var kind: Kind
        /// The byte offset where the value starts.
        package var offset: Int
        /// As a member of an object: the byte offset of its key, and the key's
        /// index in `keys`; -1 otherwise.
        package var keyOffset = -1
        package var key = -1
        /// The index of the entry after the value and all it holds.
        package var next = 0
        /// An object's members or a list's items.
        package var count = 0
        /// A string: the byte range `low..<high` between its quotes, or, when
        /// the table holds it (`high` is -1), `strings[low]`. A number:
        /// `numbers[low]`. `true` or `false`: `low` is 1 or 0.
        package var low = 0
        package var high = 0
    }

    /// The entries, eight numbers each in a row (kind, offset, keyOffset,
    /// key, next, count, low, high). Numbers, not `Entry` values: the
    /// tables `embed-rules` writes into eqlint are held as the compiler laid
    /// them out, read in place, with no copy made at each start.
    package private(set) var flatEntries: [Int32]
    package var keys: [String]
    /// The strings the table holds itself, not as a range of the text: those
    /// with escapes, or every one (`holdingEveryString(of:)`).
    package var strings: [String]
    package var numbers: [Double]

    /// How many numbers `flatEntries` gives each entry.
    static let fieldsPerEntry = 8

    /// The largest file a table can describe: its offsets are 32-bit numbers.
    package static let largestText = Int(Int32.max)

    /// A table of entries (offsets at most `largestText`).
    package init(entries: [Entry], keys: [String], strings: [String], numbers: [Double]) {
        var flat: [Int32] = []
        flat.reserveCapacity(entries.count * Self.fieldsPerEntry)
        for entry in entries {
            flat.append(Int32(entry.kind.rawValue))
            flat.append(Int32(entry.offset))
            flat.append(Int32(entry.keyOffset))
            flat.append(Int32(entry.key))
            flat.append(Int32(entry.next))
            flat.append(Int32(entry.count))
            flat.append(Int32(entry.low))
            flat.append(Int32(entry.high))
        }
        self.init(flatEntries: flat, keys: keys, strings: strings, numbers: numbers)
    }

    /// A table from its entries as `flatEntries` gives them (how
    /// `embed-rules` writes one as Swift source), kept as they are.
    package init(flatEntries: [Int32], keys: [String], strings: [String], numbers: [Double]) {
        self.flatEntries = flatEntries
        self.keys = keys
        self.strings = strings
        self.numbers = numbers
    }

    /// The entries, each read from its eight numbers when asked for.
    package var entries: Entries { Entries(flat: flatEntries) }

    /// The entries of a table, in order.
    package struct Entries: RandomAccessCollection, Sendable {
        fileprivate let flat: [Int32]

        package var startIndex: Int { 0 }
        package var endIndex: Int { flat.count / JSON5Table.fieldsPerEntry }

        package subscript(index: Int) -> Entry {
            let at = index * JSON5Table.fieldsPerEntry
            return Entry(kind: Kind(rawValue: UInt8(truncatingIfNeeded: flat[at])) ?? .null, offset: Int(flat[at + 1]),
                         keyOffset: Int(flat[at + 2]), key: Int(flat[at + 3]), next: Int(flat[at + 4]),
                         count: Int(flat[at + 5]), low: Int(flat[at + 6]), high: Int(flat[at + 7]))
        }
    }
}

extension JSON5Table {
    /// The text of a string entry: held in `strings`, or the bytes between
    /// its quotes in `bytes`, the text the table was parsed from.
    package func text(of entry: Entry, in bytes: [UInt8]) -> String {
        entry.high < 0 ? strings[entry.low] : String(decoding: bytes[entry.low..<entry.high], as: UTF8.self)
    }

    /// The table with every string value held in `strings`, read from
    /// `bytes` (the text it was parsed from): how `embed-rules` writes it,
    /// so that each string is a literal compiled into eqlint and reading one
    /// at start-up makes no `String`.
    package func holdingEveryString(of bytes: [UInt8]) -> JSON5Table {
        var entries = Array(self.entries)
        var strings = self.strings
        for index in entries.indices where entries[index].kind == .string && entries[index].high >= 0 {
            strings.append(text(of: entries[index], in: bytes))
            entries[index].low = strings.count - 1
            entries[index].high = -1
        }
        return JSON5Table(entries: entries, keys: keys, strings: strings, numbers: numbers)
    }
}

/// Why a text is not JSON5, and where.
package struct JSON5SyntaxError: Error, Sendable {
    package var location: SourceLocation
    package var message: String
}
