@testable import EqlintPlan
import Testing

/// A rule finds a vocabulary list and its groups by name as Swift compares
/// names: the same name written with an accent composed (`é`) or as a letter
/// and a combining accent (`e` and U+0301), as two files may save it, is one
/// name, as it is when the rule is checked against the lists when it loads.
@Suite("Vocabulary list and group names")
struct VocabularyListNameTests {
    static let composed = "\u{E9}quipe", decomposed = "e\u{301}quipe"
    static let text = Array("The lead teacher leads it.".utf8)

    func vocabulary(listNamed list: String, group: String) -> Vocabulary {
        var vocabulary = Vocabulary()
        vocabulary.add(terms: [group: ["lead teacher"]], to: list)
        return vocabulary
    }

    @Test("a list saved with a composed accent is found by a rule naming it decomposed, and the other way round",
          arguments: [(composed, decomposed), (decomposed, composed)])
    func listName(saved: String, named: String) {
        let vocabulary = vocabulary(listNamed: saved, group: "r\u{F4}le")
        let selection = VocabularySelection(list: named)
        #expect(vocabulary.problem(with: selection) == nil)
        #expect(vocabulary.contains(selection, in: Self.text, span: Self.text.indices))
        #expect(vocabulary.find(selection, in: Self.text, span: Self.text.indices).map(\.group) == ["r\u{F4}le"])
    }

    @Test("a group named with a decomposed accent selects the group saved composed")
    func groupName() {
        let vocabulary = vocabulary(listNamed: "staff", group: "r\u{F4}le")
        let selection = VocabularySelection(list: "staff", groups: ["ro\u{302}le"])
        #expect(vocabulary.contains(selection, in: Self.text, span: Self.text.indices))
        #expect(!vocabulary.contains(VocabularySelection(list: "staff", groups: ["other"]), in: Self.text, span: Self.text.indices))
    }
}
