@testable import EqlintKit
import Foundation
import Testing

/// The machinery behind `--jobs`: work on several threads, results in order.
@Suite("Ordered parallel work")
struct OrderedParallelTests {
    /// Counts how many items have been worked on, from any thread.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.lock(); value += 1; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return value }
    }

    @Test("results come back in item order, whatever the number of threads", arguments: [1, 2, 3, 8])
    func order(jobs: Int) {
        var delivered: [Int] = []
        OrderedParallel.forEach(count: 500, jobs: jobs, window: 7, work: { index in
            // Uneven work, so that later items often finish first.
            var total = 0
            for step in 0..<((index * 7919) % 2000) { total &+= step }
            return index + (total == -1 ? 1 : 0)
        }, deliver: { delivered.append($0) })
        #expect(delivered == Array(0..<500))
    }

    @Test("nothing to do, and one item, run on the calling thread")
    func small() {
        var delivered: [String] = []
        OrderedParallel.forEach(count: 0, jobs: 4, work: { _ in "never" }, deliver: { delivered.append($0) })
        #expect(delivered.isEmpty)
        OrderedParallel.forEach(count: 1, jobs: 4, work: { _ in Thread.isMainThread ? "main" : "worker" },
                                deliver: { delivered.append($0) })
        #expect(delivered.count == 1)
    }

    @Test("the calling thread works on items too, between deliveries")
    func callerWorks() {
        let caller = pthread_self()
        let byCaller = Counter()
        var delivered = 0
        OrderedParallel.forEach(count: 200, jobs: 2, window: 8, work: { index in
            if pthread_equal(pthread_self(), caller) != 0 { byCaller.increment() }
            var total = 0
            for step in 0..<20_000 { total &+= step ^ index }
            return total
        }, deliver: { _ in delivered += 1 })
        #expect(delivered == 200)
        // Two threads in all: the caller and one worker share the items.
        #expect(byCaller.count > 0 && byCaller.count < 200)
    }

    struct Stop: Error {}

    @Test("when delivering fails, no more work starts than the window allows, and the error comes back")
    func stops() {
        let worked = Counter()
        #expect(throws: Stop.self) {
            try OrderedParallel.forEach(count: 10_000, jobs: 4, window: 16, work: { index in
                worked.increment()
                return index
            }, deliver: { (index: Int) throws(Stop) in
                if index == 20 { throw Stop() }
            })
        }
        // Items 0...20 were delivered; workers may have claimed at most a window beyond.
        #expect(worked.count <= 21 + 16)
    }
}
