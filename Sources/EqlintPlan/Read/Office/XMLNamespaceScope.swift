/// The `xmlns` declarations in scope while a part is read, and the names
/// made canonical under them: `w:p` for a name whose prefix is bound to
/// WordprocessingML, whatever the prefix (see `XMLTreeElement`).
struct XMLNamespaceScope {
    /// The declarations of each open element that declares any, innermost
    /// last: prefix ("" for the default namespace) to URI.
    private var declarations: [[String: String]] = []
    /// Names already made canonical under the declarations in scope, for
    /// elements and for attributes (emptied when the declarations change:
    /// most documents declare them all on the root).
    private var elementNames = CanonicalNameTable()
    private var attributeNames = CanonicalNameTable()

    /// Brings an element's declarations into scope, until `pop`.
    mutating func push(_ declared: [String: String]) {
        declarations.append(declared)
        forgetCanonicalNames()
    }

    /// Takes the declarations `push` brought out of scope again.
    mutating func pop() {
        declarations.removeLast()
        forgetCanonicalNames()
    }

    private mutating func forgetCanonicalNames() {
        elementNames.removeAll()
        attributeNames.removeAll()
    }

    /// The canonical name of an element or attribute name as written.
    mutating func canonical(_ qualified: UnsafeBufferPointer<UInt8>, isAttribute: Bool) -> String {
        if let known = isAttribute ? attributeNames.name(for: qualified) : elementNames.name(for: qualified) { return known }
        let name = resolve(qualified, isAttribute: isAttribute)
        if isAttribute { attributeNames.insert(qualified, name) } else { elementNames.insert(qualified, name) }
        return name
    }

    private func resolve(_ qualified: UnsafeBufferPointer<UInt8>, isAttribute: Bool) -> String {
        let prefix: String
        let local: UnsafeBufferPointer<UInt8>
        if let colon = qualified.firstIndex(of: 0x3A) {  // :
            prefix = String(decoding: UnsafeBufferPointer(rebasing: qualified[..<colon]), as: UTF8.self)
            local = UnsafeBufferPointer(rebasing: qualified[(colon + 1)...])
        } else {
            // An attribute without a prefix is in no namespace.
            if isAttribute { return String(decoding: qualified, as: UTF8.self) }
            prefix = ""
            local = qualified
        }
        guard let uri = prefix == "xml" ? "http://www.w3.org/XML/1998/namespace" : declarations.reversed().lazy.compactMap({ $0[prefix] }).first,
              !uri.isEmpty else { return String(decoding: qualified, as: UTF8.self) }
        if let known = XMLNamespaces.prefixes[uri] { return known + ":" + String(decoding: local, as: UTF8.self) }
        return "{" + uri + "}" + String(decoding: local, as: UTF8.self)
    }
}

/// Names made canonical, found by their bytes as written: a hash table of
/// its own, as a part repeats a few dozen names thousands of times and a
/// `String` key would be made and hashed for each.
struct CanonicalNameTable {
    private struct Entry {
        /// Where the name's bytes are in `spellings`.
        let start: Int
        let count: Int
        let hash: Int
        /// Where in `slots` the entry is.
        var slot: Int
        let name: String
    }

    /// Each slot an index into `entries`, or -1; a power of two long.
    private var slots = [Int32](repeating: -1, count: 256)
    private var entries: [Entry] = []
    private var spellings: [UInt8] = []

    /// The canonical name stored for `bytes`, if any.
    func name(for bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            let entry = entries[index]
            if entry.hash == hash, entry.count == bytes.count, spelled(entry, as: bytes) { return entry.name }
            slot = (slot + 1) & mask
        }
    }

    private func spelled(_ entry: Entry, as bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for offset in 0..<bytes.count where spellings[entry.start + offset] != bytes[offset] { return false }
        return true
    }

    /// Stores `name` for `bytes`, which `name(for:)` did not find.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ name: String) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(bytes)
        let entry = Entry(start: spellings.count, count: bytes.count, hash: hash, slot: freeSlot(for: hash), name: name)
        spellings.append(contentsOf: bytes)
        slots[entry.slot] = Int32(entries.count)
        entries.append(entry)
    }

    private func freeSlot(for hash: Int) -> Int {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for index in entries.indices {
            entries[index].slot = freeSlot(for: entries[index].hash)
            slots[entries[index].slot] = Int32(index)
        }
    }

    /// Empties the table, keeping its room; its cost is the number of names stored, not the table's size.
    mutating func removeAll() {
        guard !entries.isEmpty else { return }
        for entry in entries { slots[entry.slot] = -1 }
        entries.removeAll(keepingCapacity: true)
        spellings.removeAll(keepingCapacity: true)
    }

    /// FNV-1a over the bytes, kept non-negative.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash >> 1)
    }
}
