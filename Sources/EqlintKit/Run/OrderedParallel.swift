import Foundation

/// Runs a piece of work for each item on several threads, and hands the
/// results back one by one in item order, as soon as each one and all
/// before it are done. So a parallel run delivers exactly what a serial one
/// does, in the same order.
///
/// The items may be made while the work runs (`forEach(jobs:produce:...)`):
/// workers start on the first items while the calling thread is still
/// making the rest (a run's folder search), and delivery starts once every
/// item is made, so a producer that fails has delivered nothing.
///
/// The calling thread is one of the workers: between items it delivers
/// every result that is ready. So `jobs` threads in all do the work, and
/// none sits idle waiting to deliver (on a machine with as many processors
/// as jobs, an idle deliverer woken for every item cost a tenth of the run).
///
/// Workers never run more than `window` items ahead of the one waiting to
/// be delivered, so however many items there are, only a window of results
/// is held in memory at once.
enum OrderedParallel {
    /// Calls `produce`, on the calling thread, to make the items, and
    /// `work` for each item on up to `jobs` threads, starting as soon as
    /// there are two items; then calls `deliver` with each item and its
    /// result, in order, on the calling thread. `jobs` is asked only when
    /// there is more than one item: with one job (or one item) everything
    /// runs on the calling thread, after `produce`. If `produce` or
    /// `deliver` throws, no further work starts and the error is rethrown
    /// once the other threads have stopped.
    /// - Parameter overlapping: whether work may start before every item is
    ///   made (false: the items are all made first, as when work changes files).
    static func forEach<Item: Sendable, Result: Sendable, Failure: Error>(
        jobs: @autoclosure @escaping () -> Int, window: Int = 256, overlapping: Bool = true,
        produce: (_ add: (Item) -> Void) throws(Failure) -> Void,
        work: @escaping @Sendable (Item) -> Result,
        deliver: (Item, Result) throws(Failure) -> Void
    ) throws(Failure) {
        // The items made before they are shared (all of them, if they never are).
        var items: [Item] = []
        var state: SharedState<Item, Result>?
        /// Shares the items made so far with worker threads, if there is more than one job.
        func share() {
            let threads = jobs()
            guard threads > 1 else { return }
            let shared = SharedState<Item, Result>(items: items, window: max(window, threads))
            items = []
            for _ in 1..<threads {
                let thread = Thread { shared.runWorker(work) }
                thread.stackSize = 8 << 20  // as the main thread's: plans are parsed without deep recursion, but be generous
                thread.start()
            }
            state = shared
        }
        do throws(Failure) {
            try produce { item in
                if let state {
                    state.add(item)
                    return
                }
                items.append(item)
                // A second item means there is work to share; one alone is done on the calling thread.
                if items.count == 2, overlapping { share() }
            }
        } catch {
            state?.cancel()
            throw error
        }
        if state == nil, items.count > 1, !overlapping { share() }
        guard let state else {
            for item in items { try deliver(item, work(item)) }
            return
        }
        let count = state.finish()
        var next = 0
        while next < count {
            switch state.nextStep(delivering: next) {
            case .deliver(let item, let result):
                do {
                    try deliver(item, result)
                } catch {
                    state.cancel()
                    throw error
                }
                next += 1
            case .work(let index, let item):
                state.store(work(item), at: index)
            }
        }
        state.waitForWorkers()
    }
}

/// What the threads share, behind one lock. A thread waits only when it has
/// nothing to do, and is woken only when there is something for it: the
/// delivering thread when the result it waits for is stored, a worker when
/// an item is added or the window moves on.
private final class SharedState<Item: Sendable, Result: Sendable>: @unchecked Sendable {
    // Every stored property is read and written only with `condition` locked.
    private let condition = NSCondition()
    private let window: Int
    /// The items made so far.
    private var items: [Item] = []
    /// Whether every item is made.
    private var finished = false
    /// Results waiting to be delivered, in a ring: item i is in slot i % window.
    private var slots: [Result?]
    private var nextToClaim = 0
    private var nextToDeliver = 0
    private var cancelled = false
    private var runningWorkers = 0
    /// Whether the delivering thread waits for item `nextToDeliver`.
    private var delivererWaits = false
    /// How many workers wait for an item to be added or the window to move on.
    private var waitingWorkers = 0

    init(items: [Item], window: Int) {
        self.items = items
        self.window = window
        slots = Array(repeating: nil, count: window)
    }

    /// Adds an item, waking a worker that waits for one.
    func add(_ item: Item) {
        condition.lock()
        defer { condition.unlock() }
        items.append(item)
        // A worker waiting for the window to move on cannot take it yet: none is woken in vain.
        if waitingWorkers > 0, items.count - 1 < nextToDeliver + window { condition.signal() }
    }

    /// Notes that every item is made (workers with nothing left to claim
    /// may stop); returns how many there are.
    func finish() -> Int {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        if waitingWorkers > 0 { condition.broadcast() }
        return items.count
    }

    /// What the delivering thread does next.
    enum Step {
        /// Deliver this result, with its item.
        case deliver(Item, Result)
        /// Work on this item, number `index` (no result is ready, and the window has room).
        case work(index: Int, Item)
    }

    /// The delivering thread's next step: item `index`'s result if it is
    /// ready (its slot freed for a later item), else an item to work on,
    /// else waits for the result.
    func nextStep(delivering index: Int) -> Step {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = slots[index % window] {
                slots[index % window] = nil
                nextToDeliver = index + 1
                if waitingWorkers > 0 { condition.broadcast() }
                return .deliver(items[index], result)
            }
            if let claimed = claim() { return .work(index: claimed, items[claimed]) }
            delivererWaits = true
            condition.wait()
            delivererWaits = false
        }
    }

    /// The next item made and within the window, claimed; nil when there is none.
    private func claim() -> Int? {
        guard !cancelled, nextToClaim < items.count, nextToClaim < nextToDeliver + window else { return nil }
        defer { nextToClaim += 1 }
        return nextToClaim
    }

    /// Keeps item `index`'s result until it is delivered.
    func store(_ result: Result, at index: Int) {
        condition.lock()
        keep(result, at: index)
        condition.unlock()
    }

    /// `store`, with `condition` locked: wakes the delivering thread if it waits for this result.
    private func keep(_ result: Result, at index: Int) {
        slots[index % window] = result
        if delivererWaits, index == nextToDeliver { condition.broadcast() }
    }

    /// A worker's loop: claim the next item within the window, work, store the result.
    func runWorker(_ work: (Item) -> Result) {
        condition.lock()
        runningWorkers += 1
        while true {
            guard let index = claim() else {
                guard !cancelled, !finished || nextToClaim < items.count else { break }
                // No item made yet, or the window is full: wait for one to be added, or the window to move on.
                waitingWorkers += 1
                condition.wait()
                waitingWorkers -= 1
                continue
            }
            let item = items[index]
            condition.unlock()
            let result = work(item)
            condition.lock()
            keep(result, at: index)
        }
        runningWorkers -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Stops workers taking new items, and waits for them to finish.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        waitForWorkers()
    }

    /// Waits until every worker thread has left its loop.
    func waitForWorkers() {
        condition.lock()
        defer { condition.unlock() }
        while runningWorkers > 0 || (!cancelled && nextToClaim < items.count) { condition.wait() }
    }
}
