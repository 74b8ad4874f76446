@testable import Rules
import Testing

/// An ASCII template is cut over its bytes, any other character by
/// character: both ways must cut it the same.
@Suite("Message templates")
struct MessageTemplateTests {
    static let texts = [
        "", "plain", "{objective} has no lead", "{a}{b}", "x {a} y {b} z", "{", "}", "{}", "a { b", "a } b {c}",
        "{{year}}", "{year}-09 to {year3}-08", "{ not a name } {name-2} {2name} {na me} {a", "text {x}}", "{{}}{",
        "line\r\n{a}\r\n", "{objective}: {problem}.",
    ]

    @Test("a lenient template (a help) is the same read over bytes as character by character", arguments: texts)
    func lenient(text: String) {
        let ascii = MessageTemplate(lenient: text)
        let other = MessageTemplate(lenient: text + "é")
        #expect(ascii.placeholderNames == other.placeholderNames)
        let values = Dictionary(uniqueKeysWithValues: ascii.placeholderNames.map { ($0, "<\($0)>") })
        #expect(ascii.filling(values) + "é" == other.filling(values))
        #expect(ascii.filling([:]) == text)
    }

    @Test("a template (a message) is the same read over bytes as character by character", arguments: texts)
    func strict(text: String) {
        let ascii = try? MessageTemplate(text)
        let other = try? MessageTemplate(text + "é")
        #expect((ascii == nil) == (other == nil))
        guard let ascii, let other else { return }
        #expect(ascii.placeholderNames == other.placeholderNames)
        let values = Dictionary(uniqueKeysWithValues: ascii.placeholderNames.map { ($0, "<\($0)>") })
        #expect(ascii.filling(values) + "é" == other.filling(values))
    }
}
