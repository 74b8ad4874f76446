#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator set for checking many plans, with its own tunable.
///
/// Each plan is read into thousands of small values (its texts, fields and
/// words) that are all freed when the plan is checked. glibc keeps seven
/// freed blocks of each size for its thread to reuse at once; a plan frees
/// dozens of each, and the rest take the allocator's slow path there and
/// again when the next plan asks for them: 3 to 5% of the time of checking
/// 10,000 plans (docs/benchmark.md, sixteenth round). glibc reads its
/// tunables (`GLIBC_TUNABLES`) only when a process starts, so a check of
/// many plans starts eqlint again at once, with room for more freed blocks
/// (`glibc.malloc.tcache_count`), which costs a start (about 1.5 ms). The
/// restarted process puts the user's `GLIBC_TUNABLES` back before anything
/// else, so no program eqlint runs (`pdftotext`) inherits the setting.
///
/// Not done when it cannot pay or cannot apply: a check of a few files
/// (under `manyFiles`, and no folder), a system without glibc, a preloaded
/// library (valgrind, or another allocator, replaces glibc's), a user who
/// set the tunable already, or `EQLINT_TUNE_ALLOCATOR=0`.
public enum AllocatorTuning {
    /// The tunable added to the user's.
    static let tunable = "glibc.malloc.tcache_count"
    /// Freed blocks of each size a thread keeps: a plan's worth.
    static let freedBlocksKept = 256
    /// From how many files a check without a folder restarts.
    static let manyFiles = 16
    /// Set in the restarted process's environment: the user's own
    /// `GLIBC_TUNABLES` (after `=`), or nothing when it was not set.
    static let savedTunablesVariable = "EQLINT_SAVED_GLIBC_TUNABLES"
    /// `0` turns the tuning off.
    static let switchVariable = "EQLINT_TUNE_ALLOCATOR"

    /// What to do at the start of a run.
    enum Step: Equatable {
        /// Nothing: run as started.
        case none
        /// Start again with this `GLIBC_TUNABLES`, saving the user's (nil: not set).
        case restart(tunables: String, saved: String?)
        /// The restarted run: put the user's `GLIBC_TUNABLES` back (nil: unset it).
        case restore(String?)
    }

    /// The step for a run with this environment. `checksManyPlans`: whether
    /// the run checks enough plans for a restart to pay (`isWorthwhile(paths:isFolder:)`),
    /// asked only when that decides (not again in the restarted run).
    static func step(environment: (String) -> String?, checksManyPlans: @autoclosure () -> Bool) -> Step {
        if let saved = environment(savedTunablesVariable) {
            return .restore(saved.hasPrefix("=") ? String(saved.dropFirst()) : nil)
        }
        let user = environment("GLIBC_TUNABLES")
        // The environment first, and the files (a `stat` each) only when it allows a restart.
        guard environment(switchVariable) != "0", (environment("LD_PRELOAD") ?? "").isEmpty, !(user?.contains(tunable) ?? false),
              checksManyPlans() else { return .none }
        let ours = "\(tunable)=\(freedBlocksKept)"
        return .restart(tunables: user.map { $0.isEmpty ? ours : "\($0):\(ours)" } ?? ours, saved: user)
    }

    /// Whether checking these paths is worth a restart: a folder among them, or many files.
    static func isWorthwhile(paths: [String], isFolder: (String) -> Bool) -> Bool {
        paths.count >= manyFiles || paths.contains(where: isFolder)
    }

    /// Restarts the process tuned when that pays (see the type), or in the
    /// restarted process restores the user's environment. Call it first,
    /// before any thread, file or child process is started. Returns only
    /// when the run goes on in this process (the restart failed, or none was needed).
    public static func restartIfWorthwhile(checking paths: [String]) {
        #if os(Linux) && canImport(Glibc)
        let environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }
        let isFolder: (String) -> Bool = { path in
            var info = stat()
            return path != "-" && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }
        switch step(environment: environment, checksManyPlans: isWorthwhile(paths: paths, isFolder: isFolder)) {
        case .none:
            return
        case .restore(let user):
            if let user { setenv("GLIBC_TUNABLES", user, 1) } else { unsetenv("GLIBC_TUNABLES") }
            unsetenv(savedTunablesVariable)
        case .restart(let tunables, let saved):
            // The environment as it is, but for the two variables: passed to the new
            // process only, so this one is unchanged if it cannot start.
            var variables: [String] = []
            var entry = environ
            while let pointer = entry.pointee {
                let variable = String(cString: pointer)
                if !variable.hasPrefix("GLIBC_TUNABLES="), !variable.hasPrefix("\(savedTunablesVariable)=") { variables.append(variable) }
                entry += 1
            }
            variables.append("GLIBC_TUNABLES=\(tunables)")
            variables.append("\(savedTunablesVariable)=\(saved.map { "=\($0)" } ?? "")")
            let environmentPointers = variables.map { strdup($0) } + [nil]
            execve("/proc/self/exe", CommandLine.unsafeArgv, environmentPointers)
            // Still here: it could not start again (no /proc, say). Go on untuned.
            for pointer in environmentPointers { free(pointer) }
        }
        #endif
    }
}
