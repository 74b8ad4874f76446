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
        /// it has escapes (`high` is -1), `escapedStrings[low]`. A number:
        /// `numbers[low]`. `true` or `false`: `low` is 1 or 0.
        package var low = 0
        package var high = 0
    }

    package var entries: [Entry]
    package var keys: [String]
    package var escapedStrings: [String]
    package var numbers: [Double]

    package init(entries: [Entry], keys: [String], escapedStrings: [String], numbers: [Double]) {
        self.entries = entries
        self.keys = keys
        self.escapedStrings = escapedStrings
        self.numbers = numbers
    }
}

extension JSON5Table {
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
    package init(flatEntries: [Int32], keys: [String], escapedStrings: [String], numbers: [Double]) {
        var entries: [Entry] = []
        entries.reserveCapacity(flatEntries.count / Self.fieldsPerEntry)
        flatEntries.withUnsafeBufferPointer { fields in
            var at = 0
            while at + Self.fieldsPerEntry <= fields.count {
                entries.append(Entry(kind: Kind(rawValue: UInt8(fields[at])) ?? .null, offset: Int(fields[at + 1]),
                                     keyOffset: Int(fields[at + 2]), key: Int(fields[at + 3]), next: Int(fields[at + 4]),
                                     count: Int(fields[at + 5]), low: Int(fields[at + 6]), high: Int(fields[at + 7])))
                at += Self.fieldsPerEntry
            }
        }
        self.init(entries: entries, keys: keys, escapedStrings: escapedStrings, numbers: numbers)
    }
}

/// Why a text is not JSON5, and where.
package struct JSON5SyntaxError: Error, Sendable {
    package var location: SourceLocation
    package var message: String
}
