import Synchronization

/// An object made the first time it is asked for, then shared by every
/// thread and read with neither a lock nor a reference count: one load of
/// a pointer.
///
/// Used for what a `Pattern` makes on first use (its prefilter, byte
/// matcher and compiled expression), which every plan's check asks for at
/// every match. With a lock, two threads checking plans at once kept
/// moving the lock's memory (and the object's reference count) between
/// their processors, hundreds of times a plan.
///
/// Two threads asking first at the same moment may each make one: the
/// first stored is kept and the other dropped, so `make` must give the
/// same whoever calls it. The object must not change once made.
final class MadeOnce<Value: AnyObject>: @unchecked Sendable {
    // Holds a +1 reference once made, released when this is freed.
    private let stored: Atomic<UnsafeRawPointer?>

    init() {
        stored = Atomic(nil)
    }

    /// One made already, as when it is needed at once (to say why it cannot be made).
    init(made: Value) {
        stored = Atomic(UnsafeRawPointer(Unmanaged.passRetained(made).toOpaque()))
    }

    deinit {
        if let pointer = stored.load(ordering: .acquiring) { Unmanaged<Value>.fromOpaque(pointer).release() }
    }

    /// `body` called with the object, which `make` makes now if it is not
    /// made yet. `body` must not keep it past the call.
    @inline(__always)
    func with<Result>(making make: () -> Value, _ body: (Value) throws -> Result) rethrows -> Result {
        let pointer = stored.load(ordering: .acquiring) ?? store(make())
        return try Unmanaged<Value>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
    }

    /// Stores a newly made object, unless another thread stored one first; the one kept.
    private func store(_ made: Value) -> UnsafeRawPointer {
        let pointer = UnsafeRawPointer(Unmanaged.passRetained(made).toOpaque())
        let (stored, original) = stored.compareExchange(expected: nil, desired: pointer, ordering: .acquiringAndReleasing)
        if stored { return pointer }
        Unmanaged<Value>.fromOpaque(pointer).release()
        return original!
    }
}
