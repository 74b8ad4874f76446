@testable import EqlintKit
import Foundation
import Testing

/// The server's JSON: what clients send, read strictly; what it writes, readable by Foundation.
@Suite("Language server: JSON")
struct JSONParserTests {
    @Test("values of every kind")
    func values() throws {
        let value = try JSONParser.parse(#" { "a": [1, -2, 3.5, 1e3, true, false, null], "b": "x\"y\\z\/\n\u00e9\ud83d\ude00", "c": {} } "#)
        #expect(value["a"] == [1, -2, .double(3.5), .double(1000), true, false, nil])
        #expect(value["b"]?.string == "x\"y\\z/\n\u{e9}\u{1F600}")
        #expect(value["c"] == .object([]))
        #expect(value["a"]?[0]?.int == 1)
        #expect(value["a"]?[3]?.int == 1000)
    }

    @Test("a lone surrogate is read as U+FFFD", arguments: [#""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#])
    func loneSurrogate(_ text: String) throws {
        let value = try JSONParser.parse(text).string ?? ""
        #expect(value.hasPrefix("\u{FFFD}"))
    }

    @Test("not JSON", arguments: ["", "{", "{bad}", "[1,]", "{\"a\":1,}", "01", "1.", "\"\u{1}\"", "nul", "[1] [2]", "\"\\x\"", "{'a':1}"])
    func invalid(_ text: String) {
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse(text) }
    }

    @Test("bytes that are not UTF-8 in a string")
    func notUTF8() {
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test("nesting too deep is an error, not a crash")
    func deep() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse(text) }
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try JSONParser.parse(fine) }
    }

    @Test("what the server writes, Foundation reads back the same")
    func roundTrip() throws {
        let value: JSONValue = .fields([
            "text": .string("quote \" backslash \\ tab \t line\n bell \u{7} \u{e9}\u{1F600}"),
            "numbers": [0, -1, .double(2.5), .int(Int(Int32.max) + 1)],
            "flags": [true, false, nil],
        ])
        let bytes = value.encoded
        let foundation = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        #expect(foundation?["text"] as? String == "quote \" backslash \\ tab \t line\n bell \u{7} \u{e9}\u{1F600}")
        #expect(try JSONParser.parse(bytes) == value)
        #expect(JSONValue.fields(["a": 1, "b": nil]).text == #"{"a":1}"#)
    }
}
