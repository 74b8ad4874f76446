@testable import EqlintPlan
@testable import EqlintText
@testable import Rules
import Testing

/// The phrase indexes `embed-rules` wrote into eqlint for its own
/// vocabulary are the indexes loading the same files makes, and a trust's
/// terms added on top are found as in an index made from them all.
@Suite("Embedded phrase indexes")
struct EmbeddedPhraseIndexTests {
    /// The built-in files loaded with every phrase index made now.
    static func madeNow() throws -> RuleSet {
        try RuleSet.load(layers: [embeddedRuleFiles.map { (path: "rules/" + $0.path, text: $0.text) }], defaultLayers: 1,
                         parsed: embeddedRuleFiles.map { ($0.table, $0.places) }, phraseIndexes: nil)
    }

    @Test("the embedded indexes are those made from the built-in files, list for list, in the same order")
    func sameAsMadeNow() throws {
        let embedded = try RuleSet.defaults().vocabulary.phraseIndexTables
        let made = try Self.madeNow().vocabulary.phraseIndexTables
        #expect(!embedded.isEmpty)
        #expect(embedded.map(\.list) == made.map(\.list))
        for (one, other) in zip(embedded, made) {
            #expect(one.tables == other.tables, "\(one.list)")
        }
        #expect(embedded.map(\.list) == embeddedPhraseIndexes.map(\.list))
    }

    @Test("an index read back from its tables is the same index")
    func tablesRoundTrip() {
        var index = PhraseIndex()
        index.add(["equality act", "equality", "public sector equality duty"], group: "law")
        index.add(["equality duty", "children's services"], group: "duty")
        #expect(PhraseIndex(index.tables).tables == index.tables)
        let text = Array("The Public Sector Equality Duty and the Equality Act; childrens services".utf8)
        let words = PhraseIndex.words(in: text, span: 0..<text.count)
        #expect(PhraseIndex(index.tables).matches(in: words, bytes: text) == index.matches(in: words, bytes: text))
        #expect(index.matches(in: words, bytes: text).count == 3)
    }

    @Test("terms a trust adds to a built-in list are found, with the built-in ones, as in an index made now")
    func addedOnTop() throws {
        var embedded = try RuleSet.defaults().vocabulary
        var made = try Self.madeNow().vocabulary
        for list in embedded.phraseIndexTables.map(\.list) {
            embedded.add(terms: ["added group": ["zebra crossing", "equality"]], to: list)
            made.add(terms: ["added group": ["zebra crossing", "equality"]], to: list)
        }
        let text = Array("A zebra crossing near the school; equality for all".utf8)
        for list in embedded.phraseIndexTables.map(\.list) {
            let selection = VocabularySelection(list: list)
            #expect(embedded.find(selection, in: text, span: 0..<text.count) == made.find(selection, in: text, span: 0..<text.count), "\(list)")
            #expect(embedded.find(selection, in: text, span: 0..<text.count).contains { $0.group == "added group" }, "\(list)")
        }
    }
}
