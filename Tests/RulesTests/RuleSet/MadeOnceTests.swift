@testable import EqlintPlan
import Foundation
import Synchronization
import Testing

/// `MadeOnce`, which shares what a pattern makes on first use between threads without a lock.
@Suite("Made once, shared without a lock")
struct MadeOnceTests {
    final class Made: Sendable {
        let number: Int
        init(_ number: Int) { self.number = number }
    }

    @Test("threads asking first at once all get the one object kept; later asks make nothing")
    func oneKept() {
        let cell = MadeOnce<Made>()
        let makes = Atomic(0)
        let seen = Mutex<Set<ObjectIdentifier>>([])
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            cell.with(making: {
                makes.add(1, ordering: .relaxed)
                return Made(index)
            }) { made in seen.withLock { _ = $0.insert(ObjectIdentifier(made)) } }
        }
        #expect(seen.withLock { $0.count } == 1)
        #expect(makes.load(ordering: .relaxed) >= 1)
        let before = makes.load(ordering: .relaxed)
        let number = cell.with(making: { Made(-1) }) { $0.number }
        #expect(number >= 0 && makes.load(ordering: .relaxed) == before)
    }

    @Test("one made beforehand is used as it is, and freed with the cell")
    func madeBeforehand() {
        weak var weakMade: Made?
        do {
            let made = Made(7)
            weakMade = made
            let cell = MadeOnce(made: made)
            #expect(cell.with(making: { Made(0) }) { $0.number } == 7)
        }
        #expect(weakMade == nil)
    }
}
