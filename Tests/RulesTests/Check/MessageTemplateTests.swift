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

    @Test("a text is cut the same over its bytes as character by character, whatever its characters", arguments: texts)
    func bytesAndCharacters(text: String) {
        // Braces next to other characters, one of which joins a brace (a combining acute accent).
        let variants = [text, text + "é", "é" + text, text.replacing("{", with: "é{ü"),
                        text.replacing("}", with: "}\u{301}"), text.replacing("{", with: "{\u{301}"),
                        text.replacing("{", with: "\u{201C}{").replacing("}", with: "}\u{201D}"), text.replacing("{", with: "\u{2027}{\u{2028}")]
        for variant in variants {
            for lenient in [false, true] {
                let characters = Result { () throws(MessageTemplate.TemplateError) in try MessageTemplate.characterParts(variant, lenient: lenient) }
                guard let bytes = Result(catching: { () throws(MessageTemplate.TemplateError) in try MessageTemplate.byteParts(variant, lenient: lenient) }).optional
                else { continue }
                #expect(bytes == characters, "\(variant.debugDescription), lenient: \(lenient)")
            }
        }
        // A brace joined by an accent is left to the characters.
        #expect((try? MessageTemplate.byteParts("{\u{301}a}", lenient: false)) == .some(nil))
        #expect((try? MessageTemplate.byteParts("\u{201C}{a}\u{201D}", lenient: false)) != .some(nil))
    }
}

private extension Result where Success == [MessageTemplate.Part]?, Failure == MessageTemplate.TemplateError {
    /// The parts read over bytes, or the error, when the bytes could be read (nil otherwise).
    var optional: Result<[MessageTemplate.Part], MessageTemplate.TemplateError>? {
        switch self {
        case .success(let parts?): return .success(parts)
        case .success(nil): return nil
        case .failure(let error): return .failure(error)
        }
    }
}
