/// What one placeholder of a message stands for in one finding: text, or a
/// message part (worded in the rule file) to render in its place.
enum MessageValue: Sendable, Hashable {
    /// Text put in as it is.
    case text(String)
    /// The rule's part of this name, rendered with the same finding's values.
    case part(String)
}

/// A finding's placeholder values, by placeholder name: a few pairs (two to
/// eight) in an array, found by comparing names, not by hashing them. A
/// placeholder's name is short, so Swift keeps it in the string itself, and
/// two such names compare as two machine words: several times cheaper than
/// hashing one for a dictionary, for each value made and each looked up.
struct MessageValues: Sendable, ExpressibleByDictionaryLiteral {
    private var entries: [(name: String, value: MessageValue)] = []

    init() {}

    init(minimumCapacity: Int) {
        entries.reserveCapacity(minimumCapacity)
    }

    init(dictionaryLiteral elements: (String, MessageValue)...) {
        for (name, value) in elements { self[name] = value }
    }

    /// The values of a dictionary (its names are distinct: their order does not matter).
    init(_ values: [String: MessageValue]) {
        entries.reserveCapacity(values.count)
        for (name, value) in values { entries.append((name, value)) }
    }

    /// The value of a placeholder; setting one replaces its value, or adds it.
    subscript(name: String) -> MessageValue? {
        get {
            for entry in entries where entry.name == name { return entry.value }
            return nil
        }
        set {
            if let index = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }

    var count: Int { entries.count }

    mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    /// These values with those of `other` whose names they do not have.
    func adding(_ other: MessageValues) -> MessageValues {
        var merged = self
        merged.reserveCapacity(count + other.count)
        for entry in other.entries where self[entry.name] == nil { merged.entries.append(entry) }
        return merged
    }

    /// Adds the values of `other` whose names these do not have (`adding(_:)` in place).
    mutating func add(_ other: MessageValues) {
        reserveCapacity(count + other.count)
        for entry in other.entries where self[entry.name] == nil { entries.append(entry) }
    }

    /// These values and `other`'s, `combine` choosing for a name both have
    /// (as `Dictionary.merging(_:uniquingKeysWith:)`).
    func merging(_ other: MessageValues, uniquingKeysWith combine: (MessageValue, MessageValue) -> MessageValue) -> MessageValues {
        var merged = self
        merged.reserveCapacity(count + other.count)
        for entry in other.entries {
            if let own = self[entry.name] { merged[entry.name] = combine(own, entry.value) } else { merged.entries.append(entry) }
        }
        return merged
    }
}
