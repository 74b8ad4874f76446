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
        OrderedParallel.forEach(jobs: jobs, window: 7, produce: { add in (0..<500).forEach(add) }, work: { index in
            // Uneven work, so that later items often finish first.
            var total = 0
            for step in 0..<((index * 7919) % 2000) { total &+= step }
            return index + (total == -1 ? 1 : 0)
        }, deliver: { delivered.append($1) })
        #expect(delivered == Array(0..<500))
    }

    @Test("nothing to do, and one item, run on the calling thread")
    func small() {
        var delivered: [String] = []
        OrderedParallel.forEach(jobs: 4, produce: { (_: (Int) -> Void) in }, work: { _ in "never" },
                                deliver: { delivered.append($1) })
        #expect(delivered.isEmpty)
        let caller = pthread_self()
        // The number of jobs (for a run, the processors counted) is not asked for one item.
        let asked = Counter()
        func jobs() -> Int {
            asked.increment()
            return 4
        }
        OrderedParallel.forEach(jobs: jobs(), produce: { add in add(0) }, work: { _ in pthread_equal(pthread_self(), caller) != 0 ? "caller" : "worker" },
                                deliver: { delivered.append($1) })
        #expect(delivered == ["caller"])
        #expect(asked.count == 0)
    }

    @Test("the calling thread works on items too, between deliveries")
    func callerWorks() {
        let caller = pthread_self()
        let byCaller = Counter()
        var delivered = 0
        OrderedParallel.forEach(jobs: 2, window: 8, produce: { add in (0..<200).forEach(add) }, work: { index in
            if pthread_equal(pthread_self(), caller) != 0 { byCaller.increment() }
            var total = 0
            for step in 0..<20_000 { total &+= step ^ index }
            return total
        }, deliver: { _, _ in delivered += 1 })
        #expect(delivered == 200)
        // Two threads in all: the caller and one worker share the items.
        #expect(byCaller.count > 0 && byCaller.count < 200)
    }

    struct Stop: Error {}

    @Test("when delivering fails, no more work starts than the window allows, and the error comes back")
    func stops() {
        let worked = Counter()
        #expect(throws: Stop.self) {
            try OrderedParallel.forEach(jobs: 4, window: 16, produce: { (add: (Int) -> Void) throws(Stop) in
                (0..<10_000).forEach(add)
            }, work: { (index: Int) -> Int in
                worked.increment()
                return index
            }, deliver: { (_: Int, index: Int) throws(Stop) in
                if index == 20 { throw Stop() }
            })
        }
        // Items 0...20 were delivered; workers may have claimed at most a window beyond.
        #expect(worked.count <= 21 + 16)
    }

    /// Waits up to ten seconds for `condition`; whether it came true.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while !condition() {
            guard Date() < deadline else { return false }
            usleep(1_000)
        }
        return true
    }

    @Test("workers start on the first items while the rest are made, unless asked not to overlap", arguments: [true, false])
    func overlap(overlapping: Bool) {
        let worked = Counter()
        var workedWhileMaking = -1
        var delivered: [Int] = []
        OrderedParallel.forEach(jobs: 2, overlapping: overlapping, produce: { add in
            add(0)
            add(1)
            // Overlapping, a worker takes item 0 or 1 while this thread is still making items.
            if overlapping { _ = Self.eventually { worked.count > 0 } } else { usleep(50_000) }
            workedWhileMaking = worked.count
            (2..<100).forEach(add)
        }, work: { (index: Int) -> Int in
            worked.increment()
            return index
        }, deliver: { _, index in delivered.append(index) })
        #expect(delivered == Array(0..<100))
        if overlapping { #expect(workedWhileMaking > 0) } else { #expect(workedWhileMaking == 0) }
    }

    @Test("when making the items fails, nothing is delivered, the workers stop, and the error comes back")
    func producerFails() {
        let worked = Counter()
        var delivered = 0
        #expect(throws: Stop.self) {
            try OrderedParallel.forEach(jobs: 3, window: 8, produce: { (add: (Int) -> Void) throws(Stop) in
                (0..<50).forEach(add)
                _ = Self.eventually { worked.count >= 8 }
                throw Stop()
            }, work: { (index: Int) -> Int in
                worked.increment()
                return index
            }, deliver: { (_: Int, _: Int) throws(Stop) in delivered += 1 })
        }
        #expect(delivered == 0)
        // The workers stopped at the window: none went on once the error came back.
        let stopped = worked.count
        usleep(20_000)
        #expect(stopped == worked.count && stopped <= 8)
    }
}
