@testable import EqlintPlan
import Testing

/// A list's upper-cased terms, made when first asked for, are every term of
/// its groups upper-cased, and follow terms added later; a copy made before
/// keeps its own.
@Suite("Vocabulary's upper-cased terms")
struct VocabularyUpperCasedTests {
    @Test("each list's upper-cased terms are all its groups' terms upper-cased, as the built-in lists have them")
    func builtIn() {
        let vocabulary = TestSupport.builtInRuleSet.vocabulary
        for (name, list) in vocabulary.lists {
            #expect(vocabulary.upperCasedTerms(of: name) == Set(list.terms.values.joined().map { $0.uppercased() }), "\(name)")
        }
        #expect(vocabulary.upperCasedTerms(of: "no such list").isEmpty)
    }

    @Test("terms added after a list was asked for are in it; a copy made before keeps the terms it had")
    func addedLater() {
        var vocabulary = Vocabulary()
        vocabulary.add(terms: ["a": ["Sendco", "ta"]], to: "abbreviations")
        #expect(vocabulary.upperCasedTerms(of: "abbreviations") == ["SENDCO", "TA"])
        let before = vocabulary
        vocabulary.add(terms: ["b": ["elsa"]], to: "abbreviations")
        #expect(vocabulary.upperCasedTerms(of: "abbreviations") == ["SENDCO", "TA", "ELSA"])
        #expect(before.upperCasedTerms(of: "abbreviations") == ["SENDCO", "TA"])
        vocabulary.add(patterns: ["p": []], to: "patterns only")
        #expect(vocabulary.upperCasedTerms(of: "patterns only").isEmpty)
    }
}
