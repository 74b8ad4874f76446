import EqlintText
import Testing

/// `concatenated(separator:)` makes what the standard library's `joined(separator:)` does.
struct ConcatenatedTextTests {
    @Test(arguments: [[], [""], ["error"], ["3 errors", "2 warnings", "1 info"], ["", "", ""], ["“SENCO”", "“DSL”"]])
    func sameAsJoined(parts: [String]) {
        for separator in [", ", " or ", ""] {
            #expect(parts.concatenated(separator: separator) == parts.joined(separator: separator))
        }
    }
}
