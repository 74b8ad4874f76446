/// The bytes a DEFLATE stream has inflated to so far, in memory that grows
/// (doubling) up to a limit and never past it.
///
/// It starts in memory the caller lends (an array's reserved storage, so
/// that when the expected size is right nothing is copied) and moves to
/// memory of its own if it outgrows that. A few bytes of slack past the
/// capacity let a match be copied eight bytes at a time.
struct InflateOutput {
    /// Bytes writable past `capacity`, so an 8-byte copy may overrun a match's end.
    static let slack = 8

    private(set) var base: UnsafeMutablePointer<UInt8>
    /// How many bytes the output may hold before it must grow (at most `limit`).
    private(set) var capacity: Int
    /// How many bytes may be written at `base`: `capacity` and the slack (or
    /// less, in lent memory: a copy checks before it overruns).
    private(set) var writable: Int
    /// How many bytes are written.
    var count = 0
    /// The most bytes the output may grow to.
    let limit: Int
    /// Whether `base` is this output's own memory rather than the lent memory.
    private(set) var ownsMemory = false

    /// Writes into `lent`, `writable` bytes of which may be written, the first `capacity` (at most `limit`) kept.
    init(lent: UnsafeMutablePointer<UInt8>, capacity: Int, writable: Int, limit: Int) {
        base = lent
        self.capacity = min(capacity, limit)
        self.writable = writable
        self.limit = limit
    }

    /// Makes room for `extra` more bytes, or throws if that would take the output past its limit.
    @inline(never)
    mutating func makeRoom(for extra: Int) throws(InflateError) {
        if extra <= capacity - count { return }
        guard extra <= limit - count else { throw .outputLimitExceeded(limit: limit) }
        let grown = min(limit, max(count + extra, capacity * 2, 1 << 16))
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: grown + Self.slack)
        memory.initialize(from: base, count: count)
        freeOwnMemory()
        base = memory
        capacity = grown
        writable = grown + Self.slack
        ownsMemory = true
    }

    /// Frees the output's own memory (not the lent memory), after its bytes are copied out.
    func freeOwnMemory() {
        if ownsMemory { base.deallocate() }
    }
}
