@testable import EqlintText
@testable import Rules
import Testing

@Suite("Date words held as numbers")
struct DateWordTests {
    static func word(_ text: String) -> DateWord { DateWord(text) }

    @Test("a word is its letters in any case; words of more than twelve letters are all one")
    func wordsCompare() {
        #expect(Self.word("Sept") == "sept")
        #expect(Self.word("SEPTEMBER") == "september")
        #expect(Self.word("sep") != "sept")
        #expect(Self.word("a") != "aa")
        #expect(Self.word("commencingly") == "commencingly")
        #expect(Self.word("internationally") == .long)
        #expect(Self.word("internationally") != "internationa")
        #expect(DateWord.isLetter(0x41) && DateWord.isLetter(0x7A) && !DateWord.isLetter(0x40) && !DateWord.isLetter(0x5B) && !DateWord.isLetter(0xC3))
    }

    @Test("an entry records something when a word is neither a date's nor a schedule's", arguments: [
        ("July 2025", false),
        ("Next review: Summer term 2026", false),
        ("Reviewed termly, by the end of the academic year", false),
        ("TBC", false),
        ("31st July 2026", false),
        ("Attendance rose to 94% in July 2025", true),
        ("Septembers", true),
        ("Autumn\u{00A0}2025", false),
        ("Café opened in July 2025", true),
        ("Revue de juillet", true),
        ("", false),
    ])
    func recordsSomething(text: String, records: Bool) {
        #expect(RecordedWhenDueCheck.recordsSomething(text) == records)
    }
}
