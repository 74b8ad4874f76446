@testable import EqlintPlan
import EqlintText
import Foundation
import Testing

/// An objective's fields in a small array read as the dictionary they
/// replaced: look-ups, defaults, changes in place, removal, and iteration.
@Suite("Fields")
struct FieldsTests {
    let place = SourceRange(start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 5))

    func entry(_ text: String) -> TextValue { TextValue(text: text, range: place, span: 0..<text.utf8.count) }

    @Test("fields read, made, changed and removed as a dictionary's")
    func asDictionary() {
        var fields = Fields()
        var dictionary: [FieldName: Field] = [:]
        #expect(fields.isEmpty && fields["lead"] == nil)
        for (name, text) in [("lead", "Head"), ("success", "More"), ("lead", "SENCo"), ("timescale", "2026"), ("success", "Fewer")] {
            fields[FieldName(rawValue: name), default: Field(name: FieldName(rawValue: name), label: place)].entries.append(entry(text))
            dictionary[FieldName(rawValue: name), default: Field(name: FieldName(rawValue: name), label: place)].entries.append(entry(text))
        }
        fields["success"]?.entries.append(entry("Most"))
        dictionary["success"]?.entries.append(entry("Most"))
        fields["missing"]?.entries.append(entry("None"))  // as a dictionary's: nothing made
        dictionary["missing"]?.entries.append(entry("None"))
        fields["child"] = Field(name: .child, label: place, labelText: "Child-friendly")
        dictionary["child"] = Field(name: .child, label: place, labelText: "Child-friendly")
        fields["timescale"] = nil
        dictionary["timescale"] = nil
        #expect(fields.count == dictionary.count)
        #expect(fields.keys == ["lead", "success", "child"])  // in the order given
        #expect(fields.keys.sorted() == dictionary.keys.sorted())
        for (name, field) in fields {
            #expect(field.entries.map(\.text) == dictionary[name]?.entries.map(\.text))
            #expect(field.labelText == dictionary[name]?.labelText)
        }
        #expect(fields.values.map(\.name) == ["lead", "success", "child"])
        #expect(fields["timescale"] == nil && fields["missing"] == nil)
        #expect(fields["lead", default: Field(name: "lead", label: place)].entries.count == 2)
    }

    @Test("entries added to a field in place as a dictionary's field is changed, and none to a field not given")
    func addEntries() {
        var fields = Fields()
        var dictionary: [FieldName: Field] = [:]
        fields["lead"] = Field(name: "lead", label: place)
        dictionary["lead"] = Field(name: "lead", label: place)
        for (name, texts) in [("lead", ["Head", "SENCo"]), ("lead", ["Chair"]), ("success", ["More"]), ("lead", [])] {
            let entries = texts.map(entry)
            let name = FieldName(rawValue: name)
            #expect(fields.addEntries(entries, to: name) == (dictionary[name] != nil))
            dictionary[name]?.entries.append(contentsOf: entries)
        }
        #expect(fields.keys == ["lead"] && fields["success"] == nil)
        #expect(fields["lead"]?.entries.map(\.text) == dictionary["lead"]?.entries.map(\.text))
        #expect(fields["lead"]?.entries.map(\.text) == ["Head", "SENCo", "Chair"])
    }

    @Test("a copy keeps its fields when the original changes")
    func copies() {
        var fields: Fields = ["lead": Field(name: "lead", label: SourceRange(start: .init(line: 1, column: 1), end: .init(line: 1, column: 2)))]
        let copy = fields
        fields["lead"]?.entries.append(entry("Head"))
        fields["lead"] = nil
        #expect(copy["lead"]?.entries.isEmpty == true && fields["lead"] == nil)
    }

    @Test("a text of several lines is each line's plain words joined with a space")
    func joinedLines() throws {
        let lines = ["**Lead:** the *head*", "", "  ", "<b></b>", "&amp; the SENCo", "`code` [link](http://x) \u{7} end  ", "caf\u{E9} \u{2013} fin"]
        let source = SourceFile(path: "lines.md", text: lines.joined(separator: "\n"))
        let spans = (0..<lines.count).map { source.lineSpan($0) }
        let vocabulary = TestSupport.builtInRuleSet.vocabulary
        let recovery = PlanRecovery(document: Document(source: source, format: "markdown", blocks: []), vocabulary: vocabulary,
                                    labels: LabelTable(vocabulary: vocabulary))
        for start in spans.indices {
            for end in stride(from: start + 2, through: spans.count, by: 1) {
                let expected = spans[start..<end].map { InlineText.plain(source.bytes, $0) }.filter { !$0.isEmpty }.joined(separator: " ")
                let joined = recovery.value(lines: Array(spans[start..<end]))
                #expect(joined.text == expected, "lines \(start)..<\(end)")
                // A run of lines read in place (a slice of a paragraph's lines) gives the same value.
                let run = recovery.value(lines: spans[start..<end])
                #expect(run.text == joined.text && run.span == joined.span && run.range == joined.range && run.parts == nil)
            }
        }
    }
}
