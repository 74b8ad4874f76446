@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// A plan's memos of answers about its texts (`TextMemo`, and the date
/// readings kept in one) give back what was kept for a text, and only for
/// that text; the bytes' hash they look texts up by tells every byte apart.
@Suite struct TextMemoTests {
    @Test("an answer kept is found again for the same words, and only for them")
    func keptAndFound() {
        var memo = TextMemo<Int>()
        #expect(memo.lookUp("Termly").answer == nil)
        memo.keep(1, for: "Termly", memo.lookUp("Termly"))
        // The same words made again, in a string of their own.
        #expect(memo.lookUp(String("Term" + "ly")).answer == 1)
        #expect(memo.lookUp("termly").answer == nil)
        #expect(memo.lookUp("Termly ").answer == nil)
        memo.keep(2, for: "termly", memo.lookUp("termly"))
        #expect(memo.lookUp("termly").answer == 2)
        #expect(memo.lookUp("Termly").answer == 1)
        // Found by its bytes: the same words in other bytes (é written as e and an accent) are asked about apart.
        memo.keep(3, for: "Caf\u{E9} review", memo.lookUp("Caf\u{E9} review"))
        #expect(memo.lookUp("Caf\u{E9} review").answer == 3)
        #expect(memo.lookUp("Cafe\u{301} review").answer == nil)
    }

    @Test("past the slots' doubling, every answer is still its text's")
    func manyTexts() {
        var memo = TextMemo<Int>()
        // Texts alike but for a byte or two, at the start, the middle or the end, and of every length.
        let texts = (0..<1_000).map { index -> String in
            switch index % 4 {
            case 0: return "\(index) pupils take part in a club by July 2026."
            case 1: return "A report on attendance is published to governors by December \(index)."
            case 2: return String(repeating: "x", count: index / 4)
            default: return "Attendance of pupils \(index) with SEND rises."
            }
        }
        for (index, text) in texts.enumerated() {
            let lookup = memo.lookUp(text)
            #expect(lookup.answer == nil, "\(text)")
            memo.keep(index, for: text, lookup)
        }
        for (index, text) in texts.enumerated().reversed() { #expect(memo.lookUp(text).answer == index, "\(text)") }
    }

    @Test("the bytes' hash: the same for the same bytes, changed by any byte changed, added or taken away")
    func bytesHash() {
        for length in 0...48 {
            // ASCII, and still ASCII with a bit changed: no byte repaired into the same text.
            let bytes = (0..<length).map { UInt8(0x21 + $0 * 7 % 90) }
            let text = String(decoding: bytes, as: UTF8.self)
            let hash = ByteText.bytesHash(text)
            #expect(ByteText.bytesHash(String(decoding: bytes, as: UTF8.self)) == hash)
            for position in bytes.indices {
                var changed = bytes
                changed[position] ^= 0x01
                #expect(ByteText.bytesHash(String(decoding: changed, as: UTF8.self)) != hash, "length \(length), byte \(position)")
            }
            #expect(ByteText.bytesHash(text + "\u{0}") != hash, "length \(length), a byte added")
            if length > 0 { #expect(ByteText.bytesHash(String(decoding: bytes.dropLast(), as: UTF8.self)) != hash, "length \(length), a byte taken") }
        }
    }

    @Test("the canonical hash: texts `String` finds equal hash alike, in any bytes")
    func canonicalHash() {
        let pairs = [
            ("Kelvin", "\u{212A}elvin"), ("a; b", "a\u{37E} b"), ("`quoted`", "\u{1FEF}quoted\u{1FEF}"),
            ("Caf\u{E9}", "Cafe\u{301}"), ("Caf\u{E9} K", "Cafe\u{301} \u{212A}"), ("", ""), ("Attendance", String("Atten" + "dance")),
        ]
        for (one, other) in pairs {
            #expect(one == other)
            #expect(ByteText.canonicalHash(one) == ByteText.canonicalHash(other), "\(one)")
        }
        #expect(ByteText.canonicalHash("Kelvin") != ByteText.canonicalHash("kelvin"))
        #expect(ByteText.canonicalHash("Caf\u{E9}") != ByteText.canonicalHash("Cafe"))
    }

    @Test("the canonical hash's premise: no character but its three decomposes to ASCII")
    func decomposingToASCII() {
        var found: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
            let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping
            if decomposed.utf8.allSatisfy({ $0 < 0x80 }) { found.append(value) }
        }
        #expect(found == [0x037E, 0x1FEF, 0x212A])
    }

    @Test("a plan's date readings are the reader's, asked once or again")
    func dateReadings() {
        let readings = DateReadings()
        let texts = ["By July 2026", "Termly", "Autumn 2025 to Summer 2026", "31/13/2025", "By July 2027", "2025-09-01", "By July 2026"]
        for round in 0..<2 {
            for text in texts {
                #expect(readings.reading(of: text) == DateReader.read(text), "round \(round): \(text)")
                #expect(readings.span(in: text) == DateReader.span(in: text), "round \(round): \(text)")
            }
        }
    }
}
