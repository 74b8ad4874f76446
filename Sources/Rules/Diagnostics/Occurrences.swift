/// Which occurrence each of some items is among the equal items before it
/// (0 for the first), found without a hashed collection: the items are put
/// in order of a 64-bit hash, and only items of the same hash are compared.
/// (A `Set` or `Dictionary` of a new key type costs a scan of every
/// conformance in the binary on first use, a third of a million instructions
/// for one plan.)
package enum Occurrences {
    /// - Parameters:
    ///   - hashes: each item's hash; equal items must have equal hashes.
    ///   - isEqual: whether the items at two indices are equal.
    package static func numbers(hashes: [UInt64], isEqual: (Int, Int) -> Bool) -> [Int] {
        var order = Array(hashes.indices)
        order.sort { hashes[$0] != hashes[$1] ? hashes[$0] < hashes[$1] : $0 < $1 }
        var numbers = [Int](repeating: 0, count: hashes.count)
        var groups: [(first: Int, count: Int)] = []
        var start = 0
        while start < order.count {
            // One hash, in reading order: almost always one item repeated,
            // each compared with the first of every group seen at this hash.
            groups.removeAll(keepingCapacity: true)
            var end = start
            while end < order.count, hashes[order[end]] == hashes[order[start]] {
                let item = order[end]
                if let group = groups.firstIndex(where: { isEqual($0.first, item) }) {
                    numbers[item] = groups[group].count
                    groups[group].count += 1
                } else {
                    groups.append((item, 1))
                }
                end += 1
            }
            start = end
        }
        return numbers
    }
}
