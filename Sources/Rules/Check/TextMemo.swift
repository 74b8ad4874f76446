import EqlintText

/// Answers already given about texts, for one plan: each found by a hash of
/// the text's bytes (`ByteText.bytesHash`) and kept only for the same text
/// (`==`). Several rules ask the same question of a text (its dates, whether
/// it is measurable), and plans repeat a criterion or a timescale word for
/// word. `String`'s own hash cost more than most answers: it hashes a text
/// that is not ASCII normalised, character by character. Texts `String`
/// finds equal but spelt in other bytes are asked about apart, and get the
/// same answer.
/// Slots of chained answers, not a `Dictionary`, whose first use of a key
/// type costs a scan of every conformance in the binary.
struct TextMemo<Answer> {
    /// One answer, and the one before it in the same slot (-1 for none).
    private struct Kept {
        var hash: Int
        var next: Int
        var text: String
        var answer: Answer
    }

    /// A question asked: the answer if known, and the text's hash to keep a new one under.
    struct Lookup {
        let answer: Answer?
        fileprivate let hash: Int
    }

    private var kept: [Kept] = []
    /// Made at the first answer kept: some plans ask nothing of a memo.
    private var slots: [Int] = []
    /// How many answers the slots are made for at first: a plan asks about a few dozen texts.
    private static var firstSlots: Int { 32 }

    /// The answer about a text, if one was kept.
    func lookUp(_ text: String) -> Lookup {
        let hash = ByteText.bytesHash(text)
        guard !slots.isEmpty else { return Lookup(answer: nil, hash: hash) }
        // The slot's chain compared in place, no answer copied out of the list.
        var index = slots[slot(of: hash)]
        while index >= 0 {
            if kept[index].hash == hash, kept[index].text == text { return Lookup(answer: kept[index].answer, hash: hash) }
            index = kept[index].next
        }
        return Lookup(answer: nil, hash: hash)
    }

    /// Keeps an answer about a text that `lookUp` did not know (`lookup`, its result).
    mutating func keep(_ answer: Answer, for text: String, _ lookup: Lookup) {
        if slots.isEmpty {
            slots = [Int](repeating: -1, count: Self.firstSlots)
            kept.reserveCapacity(Self.firstSlots)
        }
        let slot = slot(of: lookup.hash)
        kept.append(Kept(hash: lookup.hash, next: slots[slot], text: text, answer: answer))
        slots[slot] = kept.count - 1
        if kept.count > slots.count { doubleSlots() }
    }

    /// The slot of a hash (its bits mixed already): as many of its low bits as the slots need.
    private func slot(of hash: Int) -> Int { hash & (slots.count - 1) }

    /// Twice the slots, once there are more answers than slots, each answer chained again.
    private mutating func doubleSlots() {
        slots = [Int](repeating: -1, count: slots.count * 2)
        for index in kept.indices {
            let slot = slot(of: kept[index].hash)
            kept[index].next = slots[slot]
            slots[slot] = index
        }
    }
}
