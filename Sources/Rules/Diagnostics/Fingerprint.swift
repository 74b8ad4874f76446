import EqlintText

/// A finding's identity across edits: its rule, the text at fault (spaces
/// folded) and which occurrence of that pair it is in its file. Line numbers
/// take no part, so an edit above a finding does not change it. Used by
/// SARIF's `partialFingerprints` and by baselines.
public enum Fingerprint {
    /// 16 hexadecimal digits (64-bit FNV-1a of the rule, a zero byte, the
    /// text with its spaces collapsed, a zero byte and the occurrence).
    public static func make(ruleID: String, faultText: String, occurrence: Int) -> String {
        var hash = FNV1a()
        for byte in ruleID.utf8 { hash.mix(byte) }
        hash.mix(0)
        hash.mixCollapsingSpaces(faultText)
        hash.mix(0)
        for byte in String(occurrence).utf8 { hash.mix(byte) }
        return hash.hexadecimal
    }

    /// The hash, fed a byte at a time.
    private struct FNV1a {
        private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

        mutating func mix(_ byte: UInt8) {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }

        /// The bytes of `text` as `InlineText.collapseSpaces` leaves them:
        /// runs of spaces, tabs and no-break spaces one space, ends trimmed.
        mutating func mixCollapsingSpaces(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                InlineText.forEachByteCollapsingSpaces(bytes) { mix($0) }
            }
        }

        /// Sixteen lower-case hexadecimal digits, leading zeros kept.
        var hexadecimal: String {
            String(unsafeUninitializedCapacity: 16) { digits in
                for position in 0..<16 {
                    let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * position)) & 0xF
                    digits[position] = nibble < 10 ? 0x30 + nibble : 0x61 - 10 + nibble
                }
                return 16
            }
        }
    }

    /// Gives each diagnostic its fingerprint, numbering repeats of the same
    /// rule and text in reading order: the number is kept, and the
    /// fingerprint made from it when read (most runs print none).
    /// Repeats are the same rule and text as `String` compares them (canonically
    /// equivalent), so they are hashed alike (`RuleAndText.hash64`), whatever their bytes.
    static func assign(_ diagnostics: inout [Diagnostic]) {
        // Read in place by index, not copied into keys of their own.
        let hashes = diagnostics.indices.map { RuleAndText(ruleID: diagnostics[$0].ruleID, text: diagnostics[$0].faultText).hash64 }
        let occurrences = Occurrences.numbers(hashes: hashes) {
            diagnostics[$0].ruleID == diagnostics[$1].ruleID && diagnostics[$0].faultText == diagnostics[$1].faultText
        }
        for index in diagnostics.indices { diagnostics[index].occurrence = occurrences[index] }
    }
}
