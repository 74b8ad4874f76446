import EqlintText

/// The line and column of every value of a `JSON5Table`, and of its key when
/// it is an object's member, as `SourceFile.location(of:)` gives them for the
/// file's text: what `embed-rules` writes for each of eqlint's own rule files,
/// so that loading them needs no line table of their text.
package struct JSON5Places: Sendable, Equatable {
    /// Four numbers for each entry of the table, in its order: the value's
    /// line and column, then its key's (0 and 0 when it has no key).
    package let flat: [Int32]

    /// How many numbers `flat` gives each entry.
    static let fieldsPerEntry = 4

    /// The places as `embed-rules` wrote them.
    package init(flat: [Int32]) {
        self.flat = flat
    }

    /// The places of a table's entries in the text it was parsed from.
    package init(of table: JSON5Table, in source: SourceFile) {
        var flat: [Int32] = []
        flat.reserveCapacity(table.entries.count * Self.fieldsPerEntry)
        for entry in table.entries {
            let value = source.location(of: entry.offset)
            let key = entry.keyOffset < 0 ? SourceLocation(line: 0, column: 0) : source.location(of: entry.keyOffset)
            flat += [Int32(value.line), Int32(value.column), Int32(key.line), Int32(key.column)]
        }
        self.flat = flat
    }

    /// Where the value of the entry at `index` is written.
    package func valueLocation(_ index: Int) -> SourceLocation {
        location(at: index * Self.fieldsPerEntry)
    }

    /// Where the key of the entry at `index` is written (it is an object's member).
    package func keyLocation(_ index: Int) -> SourceLocation {
        location(at: index * Self.fieldsPerEntry + 2)
    }

    private func location(at field: Int) -> SourceLocation {
        SourceLocation(line: Int(flat[field]), column: Int(flat[field + 1]))
    }
}
