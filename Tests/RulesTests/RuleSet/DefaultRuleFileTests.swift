import EqlintText
import JSON5Syntax
@testable import Rules
import Testing

/// eqlint's own rule files, built into it, are not checked in full at each
/// start (see `NodeReader.isEqlintsOwn`): these tests make the checks the
/// start leaves out, and pin that leaving them out changes nothing.
@Suite("eqlint's own rule files")
struct DefaultRuleFileTests {
    static let files = embeddedRuleFiles.map { (path: "rules/" + $0.path, text: $0.text) }

    @Test("they pass every check a trust's rule files get: each pattern's safety, each rule's examples, 'fixed' examples with a fix, each message against its check's shape")
    func fullyChecked() throws {
        let checked = try RuleSet.load(layers: [Self.files])
        let defaults = TestSupport.builtInRuleSet
        #expect(checked.rules.map(\.id) == defaults.rules.map(\.id))
        for (full, own) in zip(checked.rules, defaults.rules) {
            // Read without their check's message shape, the messages are the ones read against it.
            #expect(own.message == full.message, "\(own.id)")
            #expect(own.parts == full.parts, "\(own.id)")
            #expect(own.helpTemplate == full.helpTemplate, "\(own.id)")
            #expect(own.fixes.map { "\($0.safety) \($0.action) \($0.groups?.sorted() ?? [])" }
                    == full.fixes.map { "\($0.safety) \($0.action) \($0.groups?.sorted() ?? [])" }, "\(own.id)")
            if case .unread = own.examplesSource {} else { Issue.record("\(own.id): eqlint's own examples are read at the start") }
            guard case .read(let examples) = full.examplesSource else {
                Issue.record("\(full.id): a trust's examples are not read when the rules load")
                continue
            }
            // Read when asked for, they are the examples read in full.
            let asked = own.examples
            #expect(asked.today == examples.today, "\(own.id)")
            for (mine, theirs) in [(asked.pass, examples.pass), (asked.fail, examples.fail)] {
                #expect(mine.map(\.text) == theirs.map(\.text), "\(own.id)")
                #expect(mine.map(\.location) == theirs.map(\.location), "\(own.id)")
                #expect(mine.map(\.expected) == theirs.map(\.expected), "\(own.id)")
            }
            #expect(asked.fixed.map { [$0.before, $0.after] } == examples.fixed.map { [$0.before, $0.after] }, "\(own.id)")
            #expect(asked.fixed.map(\.location) == examples.fixed.map(\.location), "\(own.id)")
        }
    }

    @Test("each file's table of values and their places, made when eqlint was built, are the ones parsing its text makes")
    func tablesAsParsed() throws {
        #expect(!embeddedRuleFiles.isEmpty)
        for file in embeddedRuleFiles {
            let source = SourceFile(path: file.path, text: file.text)
            let parsed = try JSON5TableParser.table(of: source)
            // Every string held as a literal, read from the text as parsing finds it.
            #expect(file.table == parsed.holdingEveryString(of: source.bytes), "\(file.path)")
            #expect(file.table?.entries.contains { $0.kind == .string && $0.high >= 0 } == false, "\(file.path)")
            #expect(file.places == JSON5Places(of: parsed, in: source), "\(file.path)")
            // Every value's and key's place as the file's line table gives it.
            let written = JSON5Parser.root(of: parsed, places: try #require(file.places), text: file.text)
            #expect(Self.places(of: written) == Self.places(of: JSON5Parser.root(of: parsed, in: source)), "\(file.path)")
            #expect(JSON5Table(flatEntries: parsed.flatEntries, keys: parsed.keys, strings: parsed.strings,
                               numbers: parsed.numbers) == parsed, "\(file.path)")
        }
    }

    /// The place of a value and of everything it holds, keys too, in order.
    static func places(of node: JSON5Node) -> [EqlintText.SourceLocation] {
        var found = [node.location]
        switch node.value {
        case .object(let members):
            for member in members { found += [member.keyLocation] + places(of: member.value) }
        case .array(let items):
            for item in items { found += places(of: item) }
        default: break
        }
        return found
    }

    @Test("a JSON5 value says where it is written, and what it is, when asked")
    func json5Places() throws {
        let text = "{\n  a: [1, 'x\\ty', \"plain\"],\n  'b': { c: true, d: null },\n}\n"
        let root = try JSON5Parser.parse(SourceFile(path: "t.json5", text: text))
        guard case .object(let members) = root.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members.map(\.keyLocation) == [SourceLocation(line: 2, column: 3), SourceLocation(line: 3, column: 3)])
        guard case .array(let items) = members[0].value.value else { Issue.record("not a list"); return }
        #expect(items.map(\.location) == [SourceLocation(line: 2, column: 7), SourceLocation(line: 2, column: 10),
                                          SourceLocation(line: 2, column: 18)])
        #expect(items.map(\.string) == [nil, "x\ty", "plain"])
        #expect(items.map(\.kindName) == ["a number", "a string", "a string"])
        if case .number(let number) = items[0].value { #expect(number == 1) } else { Issue.record("not a number") }
        guard case .object(let inner) = members[1].value.value else { Issue.record("not an object"); return }
        #expect(inner.map(\.key) == ["c", "d"])
        #expect(inner.map(\.value.kindName) == ["true or false", "null"])
        #expect(inner[1].keyLocation == SourceLocation(line: 3, column: 19))
    }
}
