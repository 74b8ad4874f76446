import EqlintPlan
import EqlintText

/// What fixing one plan gives: its new text, how many fixes were applied,
/// and whether it settled (a last check found no fix left to apply).
public struct FixOutcome: Sendable {
    /// The plan's text after the fixes (without a byte-order mark, as `SourceFile.bytes`).
    public var bytes: [UInt8]
    public var applied: Int
    /// False when fixes were still being made after `Linter.fixRounds` rounds.
    public var settled: Bool
    /// The last check, of the fixed text.
    public var diagnostics: [Diagnostic]
}

extension Linter {
    /// At most this many rounds of fixes: a plan whose fixes have not settled by then is an error.
    public static let fixRounds = 10

    /// Applies the safe fix-its of a plan's findings (those `keep` keeps,
    /// as the run reports them) until none is left: fix-its that overlap are
    /// applied one at a time, the plan checked again after each round, so a
    /// second run changes nothing. At most `fixRounds` rounds.
    /// - Parameter safeties: which fixes to apply (`--fix`: only the safe ones; a rule example's test: all).
    public func fix(_ source: SourceFile, rules: [Rule]? = nil, safeties: Set<FixIt.Safety> = [.safe],
                    keep: ([Diagnostic]) -> [Diagnostic] = { $0 }) -> FixOutcome {
        var current = source
        var applied = 0
        for _ in 0..<Self.fixRounds {
            let diagnostics = keep(check(current, rules: rules).diagnostics)
            let fixIts = diagnostics.flatMap(\.fixIts).filter { safeties.contains($0.safety) }
            let (bytes, count) = FixApplier.apply(fixIts, to: current.bytes)
            guard count > 0, bytes != current.bytes,
                  var next = try? SourceFile(path: source.path, bytes: bytes) else {
                return FixOutcome(bytes: current.bytes, applied: applied, settled: true, diagnostics: diagnostics)
            }
            next.format = source.format
            applied += count
            current = next
        }
        let diagnostics = keep(check(current, rules: rules).diagnostics)
        let settled = !diagnostics.contains { $0.fixIts.contains { safeties.contains($0.safety) } }
        return FixOutcome(bytes: current.bytes, applied: applied, settled: settled, diagnostics: diagnostics)
    }
}
