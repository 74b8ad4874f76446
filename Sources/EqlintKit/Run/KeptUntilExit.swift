/// What a command built and the process's exit frees: kept (never released)
/// so that the last moments of a short run are not spent releasing a rule
/// set's thousands of objects one by one, memory the exit gives back at once.
/// Only for a process about to exit (`CheckCommand.exitsAfterRun`).
enum KeptUntilExit {
    /// Holds `value` until the process exits.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }

    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
