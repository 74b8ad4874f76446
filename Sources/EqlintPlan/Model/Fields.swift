/// The fields of an objective or an action, by name.
///
/// A plan gives an objective a dozen fields at most, so they are kept in a
/// small array in the order they were first given and found by comparing
/// names (their hashes, worked out once, first), not hashed into a
/// dictionary: a look-up is a few compares, and an objective or action
/// costs one allocation for its fields, not a hash table's. It reads as a
/// `[FieldName: Field]` does (subscripts, `keys`, `values`, and `(key:
/// value:)` pairs when iterated, in the order given); code that wants them
/// in order sorts them.
public struct Fields: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: FieldName, value: Field)

    /// A field and its name: a struct, not a tuple (an array of tuples was
    /// copied element by element through the runtime's generic tuple code).
    fileprivate struct Entry: Sendable {
        var key: FieldName
        var value: Field
    }

    private var elements: [Entry] = []

    public init() {}

    public init(dictionaryLiteral elements: (FieldName, Field)...) {
        for (name, field) in elements { self[name] = field }
    }

    public var count: Int { elements.count }
    public var isEmpty: Bool { elements.isEmpty }
    /// The fields' names, in the order given.
    public var keys: [FieldName] { elements.map(\.key) }
    /// The fields, in the order given.
    public var values: [Field] { elements.map(\.value) }

    public func makeIterator() -> Iterator { Iterator(base: elements.makeIterator()) }

    /// The fields as `(key: value:)` pairs, in the order given.
    public struct Iterator: IteratorProtocol {
        fileprivate var base: IndexingIterator<[Entry]>
        public mutating func next() -> Element? { base.next().map { ($0.key, $0.value) } }
    }

    public mutating func reserveCapacity(_ minimumCapacity: Int) { elements.reserveCapacity(minimumCapacity) }

    /// Whether a field of the name is given (`self[name] != nil` copied the field to test it).
    public func contains(_ name: FieldName) -> Bool { index(of: name) != nil }

    /// Whether the field of the name is given with entries (none copied to tell).
    public func hasEntries(_ name: FieldName) -> Bool {
        guard let index = index(of: name) else { return false }
        return !elements[index].value.entries.isEmpty
    }

    /// The entries of the field of the name, none if it is not given (the
    /// array handed back, no `Field?` made and destroyed to read it).
    public func entries(of name: FieldName) -> [TextValue] {
        guard let index = index(of: name) else { return [] }
        return elements[index].value.entries
    }

    /// Adds entries to the field of a name, if it is given (taking their
    /// array when it has none); says whether it was. Changed where it is,
    /// with no accessor's placeholder swapped in and out.
    public mutating func addEntries(_ entries: [TextValue], to name: FieldName) -> Bool {
        guard let index = index(of: name) else { return false }
        if elements[index].value.entries.isEmpty {
            elements[index].value.entries = entries
        } else {
            elements[index].value.entries.append(contentsOf: entries)
        }
        return true
    }

    /// Where the field of a name is in `elements`.
    private func index(of name: FieldName) -> Int? {
        let hash = name.nameHash
        return elements.withUnsafeBufferPointer { entries in
            for index in entries.indices where entries[index].key.nameHash == hash && entries[index].key.rawValue == name.rawValue {
                return index
            }
            return nil
        }
    }

    /// The field of a name, if given; setting nil removes it. Changed in
    /// place (`fields[name]?.entries.append(entry)` copies no entries).
    public subscript(name: FieldName) -> Field? {
        get { index(of: name).map { elements[$0].value } }
        set {
            let found = index(of: name)
            switch (found, newValue) {
            case let (index?, field?): elements[index].value = field
            case let (index?, nil): elements.remove(at: index)
            case let (nil, field?): elements.append(Entry(key: name, value: field))
            case (nil, nil): break
            }
        }
        _modify {
            guard let index = index(of: name) else {
                var added: Field?
                yield &added
                if let added = added.take() { elements.append(Entry(key: name, value: added)) }  // moved, not copied
                return
            }
            // The field swapped out for a placeholder, so that the caller's is its entries' only
            // reference (swapped, not copied: no retain and release of each of its parts).
            var field: Field? = Field(name: name, label: elements[index].value.label)
            swap(&field!, &elements[index].value)
            yield &field
            if let field = field.take() { elements[index].value = field } else { elements.remove(at: index) }
        }
    }

    /// The field of a name, made with `defaultValue` if not given yet (as a dictionary's).
    public subscript(name: FieldName, default defaultValue: @autoclosure () -> Field) -> Field {
        get { index(of: name).map { elements[$0].value } ?? defaultValue() }
        set { self[name] = Optional(newValue) }
        _modify {
            let index: Int
            if let found = self.index(of: name) {
                index = found
            } else {
                elements.append(Entry(key: name, value: defaultValue()))
                index = elements.count - 1
            }
            yield &elements[index].value
        }
    }
}
