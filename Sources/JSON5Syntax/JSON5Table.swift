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

    package var entries: [Entry]
    package var keys: [String]
    /// The strings the table holds itself, not as a range of the text: those
    /// with escapes, or every one (`holdingEveryString(of:)`).
    package var strings: [String]
    package var numbers: [Double]

    package init(entries: [Entry], keys: [String], strings: [String], numbers: [Double]) {
        self.entries = entries
        self.keys = keys
        self.strings = strings
        self.numbers = numbers
    }
}

extension JSON5Table {
    /// The table with every string value held in `strings`, read from
    /// `bytes` (the text it was parsed from): how `embed-rules` writes it,
    /// so that each string is a literal compiled into eqlint and reading one
    /// at start-up makes no `String`.
    package func holdingEveryString(of bytes: [UInt8]) -> JSON5Table {
        var table = self
        for index in table.entries.indices where table.entries[index].kind == .string && table.entries[index].high >= 0 {
            let entry = table.entries[index]
            table.strings.append(String(decoding: bytes[entry.low..<entry.high], as: UTF8.self))
            table.entries[index].low = table.strings.count - 1
            table.entries[index].high = -1
        }
        return table
    }

    /// How many numbers `flatEntries` gives each entry.
    static let fieldsPerEntry = 8

    /// The entries as numbers, eight for each in a row (kind, offset,
    /// keyOffset, key, next, count, low, high): how `embed-rules` writes a
    /// table as Swift source, an array of numbers the compiler lays out as
    /// data.
    package var flatEntries: [Int32] {
        entries.flatMap { entry in
            [Int32(entry.kind.rawValue), Int32(entry.offset), Int32(entry.keyOffset), Int32(entry.key),
             Int32(entry.next), Int32(entry.count), Int32(entry.low), Int32(entry.high)]
        }
    }

    /// A table from its entries as `flatEntries` gives them.
    package init(flatEntries: [Int32], keys: [String], strings: [String], numbers: [Double]) {
        // Written in place, not appended one by one: eqlint reads about 3,000 at each start.
        let count = flatEntries.count / Self.fieldsPerEntry
        let entries = flatEntries.withUnsafeBufferPointer { fields in
            [Entry](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count {
                    let at = index * Self.fieldsPerEntry
                    (buffer.baseAddress! + index).initialize(to: Entry(
                        kind: Kind(rawValue: UInt8(truncatingIfNeeded: fields[at])) ?? .null, offset: Int(fields[at + 1]),
                        keyOffset: Int(fields[at + 2]), key: Int(fields[at + 3]), next: Int(fields[at + 4]),
                        count: Int(fields[at + 5]), low: Int(fields[at + 6]), high: Int(fields[at + 7])))
                }
                initialized = count
            }
        }
        self.init(entries: entries, keys: keys, strings: strings, numbers: numbers)
    }
}

/// Why a text is not JSON5, and where.
package struct JSON5SyntaxError: Error, Sendable {
    package var location: SourceLocation
    package var message: String
}
