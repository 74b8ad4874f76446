// Shared by the fuzz targets (built by scripts/fuzz, not by SwiftPM): the
// checks that turn a wrong answer into a crash libFuzzer can see.

@testable import EqlintText
@testable import Rules

/// Stops the fuzzer with a message when an invariant does not hold.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz invariant broken: \(message())") }
}

/// A location must name a line of the file and a column on it (one past
/// its last character at most), or the end of the file (after a final line
/// break, the start of the line an editor shows there), and map back to
/// itself through its offset.
func requireInside(_ location: SourceLocation, _ source: SourceFile, _ what: String) {
    let inLines = location.line >= 1 && location.line <= max(source.lineCount, 1)
    require(inLines || location == source.location(of: source.bytes.count), "\(what): line \(location) outside \(source.lineCount) lines")
    let characters = source.lineText(location.line).unicodeScalars.count
    require(location.column >= 1 && location.column <= characters + 1, "\(what): column \(location) outside a line of \(characters)")
    require(source.location(of: source.offset(of: location)) == location, "\(what): \(location) does not survive offset(of:)")
}

/// The bytes libFuzzer hands over.
func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// The arguments of `LLVMFuzzerInitialize`. libFuzzer's leak check runs
/// after any input that allocates more than it frees, so each target does its
/// one-time set-up there (the default rules, caches filled on first use),
/// before the first input, where it is not taken for a leak.
public typealias Arguments = UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>

/// A plan holding every rule's example plans.
func examplesPlan(_ rules: [Rule]) -> SourceFile {
    SourceFile(path: "examples.md", text: rules.flatMap { $0.examples.pass + $0.examples.fail }.map(\.text).joined(separator: "\n\n"))
}
