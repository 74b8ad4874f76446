@testable import EqlintKit
import Testing

/// When a check starts again with glibc's allocator tuned, and what the
/// restarted run puts back (`AllocatorTuning`).
@Suite("Allocator tuning")
struct AllocatorTuningTests {
    /// The step for an environment given as a dictionary.
    func step(_ environment: [String: String], many: Bool = true) -> AllocatorTuning.Step {
        AllocatorTuning.step(environment: { environment[$0] }, checksManyPlans: many)
    }

    @Test("a check of many plans restarts with the tunable, the user's own tunables kept before it")
    func restarts() {
        #expect(step([:]) == .restart(tunables: "glibc.malloc.tcache_count=256", saved: nil))
        #expect(step(["GLIBC_TUNABLES": "glibc.malloc.check=3"])
                == .restart(tunables: "glibc.malloc.check=3:glibc.malloc.tcache_count=256", saved: "glibc.malloc.check=3"))
        #expect(step(["GLIBC_TUNABLES": ""]) == .restart(tunables: "glibc.malloc.tcache_count=256", saved: ""))
        #expect(step(["LD_PRELOAD": "", "EQLINT_TUNE_ALLOCATOR": "1"]) == .restart(tunables: "glibc.malloc.tcache_count=256", saved: nil))
    }

    @Test("no restart for a few plans, when turned off, under a preloaded library, or when the user set the tunable")
    func staysPut() {
        #expect(step([:], many: false) == AllocatorTuning.Step.none)
        #expect(step(["EQLINT_TUNE_ALLOCATOR": "0"]) == AllocatorTuning.Step.none)
        #expect(step(["LD_PRELOAD": "/usr/lib/x86_64-linux-gnu/valgrind/vgpreload_core-amd64-linux.so"]) == AllocatorTuning.Step.none)
        #expect(step(["GLIBC_TUNABLES": "glibc.malloc.tcache_count=7"]) == AllocatorTuning.Step.none)
    }

    @Test("the restarted run puts back the user's tunables, or none, and never restarts again")
    func restores() {
        #expect(step(["EQLINT_SAVED_GLIBC_TUNABLES": "=glibc.malloc.check=3"]) == .restore("glibc.malloc.check=3"))
        #expect(step(["EQLINT_SAVED_GLIBC_TUNABLES": "="]) == .restore(""))
        #expect(step(["EQLINT_SAVED_GLIBC_TUNABLES": ""]) == .restore(nil))
        #expect(step(["EQLINT_SAVED_GLIBC_TUNABLES": "", "GLIBC_TUNABLES": "glibc.malloc.tcache_count=256"], many: false) == .restore(nil))
    }

    @Test("a restart pays for a folder, or for sixteen files or more")
    func worthwhile() {
        let folders: Set = ["plans", "trust/plans"]
        #expect(AllocatorTuning.isWorthwhile(paths: ["a.md", "plans"]) { folders.contains($0) })
        #expect(!AllocatorTuning.isWorthwhile(paths: ["a.md", "b.docx", "-"]) { folders.contains($0) })
        #expect(!AllocatorTuning.isWorthwhile(paths: (1...15).map { "\($0).md" }) { folders.contains($0) })
        #expect(AllocatorTuning.isWorthwhile(paths: (1...16).map { "\($0).md" }) { _ in false })
    }
}
