import Foundation

/// Runs a piece of work for each of `count` items on several threads, and
/// hands the results back one by one in item order, as soon as each one and
/// all before it are done. So a parallel run delivers exactly what a serial
/// one does, in the same order.
///
/// Workers never run more than `window` items ahead of the one waiting to
/// be delivered, so however many items there are, only a window of results
/// is held in memory at once.
enum OrderedParallel {
    /// Calls `work` for items `0..<count` on up to `jobs` threads and
    /// `deliver` with each result, in order, on the calling thread. With one
    /// job (or one item) everything runs on the calling thread. If `deliver`
    /// throws, no further work starts and the error is rethrown once the
    /// threads have stopped.
    static func forEach<Result: Sendable, Failure: Error>(
        count: Int, jobs: Int, window: Int = 256,
        work: @escaping @Sendable (Int) -> Result,
        deliver: (Result) throws(Failure) -> Void
    ) throws(Failure) {
        let threads = min(max(jobs, 1), count)
        guard threads > 1 else {
            for index in 0..<count { try deliver(work(index)) }
            return
        }
        let state = SharedState<Result>(count: count, window: max(window, threads))
        for _ in 0..<threads {
            let thread = Thread { state.runWorker(work) }
            thread.stackSize = 8 << 20  // as the main thread's: plans are parsed without deep recursion, but be generous
            thread.start()
        }
        for index in 0..<count {
            let result = state.take(index)
            do {
                try deliver(result)
            } catch {
                state.cancel()
                throw error
            }
        }
        state.waitForWorkers()
    }
}

/// What the workers and the delivering thread share, behind one lock.
private final class SharedState<Result: Sendable>: @unchecked Sendable {
    // Every stored property is read and written only with `condition` locked.
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    /// Results waiting to be delivered, in a ring: item i is in slot i % window.
    private var slots: [Result?]
    private var nextToClaim = 0
    private var nextToDeliver = 0
    private var cancelled = false
    private var runningWorkers = 0

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
        slots = Array(repeating: nil, count: window)
    }

    /// A worker's loop: claim the next item within the window, work, store the result.
    func runWorker(_ work: (Int) -> Result) {
        condition.lock()
        runningWorkers += 1
        while true {
            while !cancelled, nextToClaim < count, nextToClaim >= nextToDeliver + window { condition.wait() }
            guard !cancelled, nextToClaim < count else { break }
            let index = nextToClaim
            nextToClaim += 1
            condition.unlock()
            let result = work(index)
            condition.lock()
            slots[index % window] = result
            condition.broadcast()
        }
        runningWorkers -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for item `index`'s result and frees its slot for a later item.
    func take(_ index: Int) -> Result {
        condition.lock()
        defer { condition.unlock() }
        while slots[index % window] == nil { condition.wait() }
        let result = slots[index % window]!
        slots[index % window] = nil
        nextToDeliver = index + 1
        condition.broadcast()
        return result
    }

    /// Stops workers taking new items, and waits for them to finish.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        waitForWorkers()
    }

    func waitForWorkers() {
        condition.lock()
        defer { condition.unlock() }
        // A worker counts itself in when it starts; wait until every claimed item's worker has left.
        while runningWorkers > 0 || (!cancelled && nextToClaim < count) { condition.wait() }
    }
}
