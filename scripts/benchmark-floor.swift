// The floor under "one plan end to end" in scripts/benchmark: a Swift program
// built as eqlint is installed (release, with the Swift run time and
// Foundation linked in) that reads the plan, prints its size and exits. What
// it takes is what any such program pays to start, before eqlint's own work.
import Foundation

guard CommandLine.arguments.count > 1, let plan = FileManager.default.contents(atPath: CommandLine.arguments[1]) else {
    exit(2)
}
print(plan.count)
// Never true in the benchmark: keeps Foundation's regular expressions linked
// in, as they are in eqlint, without running them.
if CommandLine.arguments.count > 2, let pattern = try? NSRegularExpression(pattern: CommandLine.arguments[2]) {
    print(pattern.numberOfCaptureGroups)
}
