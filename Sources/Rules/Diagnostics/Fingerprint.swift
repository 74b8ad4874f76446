import EqlintText

/// A finding's identity across edits: its rule, the text at fault (spaces
/// folded) and which occurrence of that pair it is in its file. Line numbers
/// take no part, so an edit above a finding does not change it. Used by
/// SARIF's `partialFingerprints` and by baselines.
public enum Fingerprint {
    /// 16 hexadecimal digits (64-bit FNV-1a).
    public static func make(ruleID: String, faultText: String, occurrence: Int) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ bytes: [UInt8]) {
            // Through a pointer: the text at fault can be a line of megabytes.
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for index in 0..<buffer.count {
                    hash ^= UInt64(base[index])
                    hash = hash &* 0x0000_0100_0000_01B3
                }
            }
        }
        mix(Array(ruleID.utf8))
        mix([0])
        mix(InlineText.collapseSpaces(Array(faultText.utf8)))
        mix([0])
        mix(Array(String(occurrence).utf8))
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Gives each diagnostic its fingerprint, numbering repeats of the same
    /// rule and text in reading order.
    static func assign(_ diagnostics: inout [Diagnostic]) {
        var seen: [String: Int] = [:]
        for index in diagnostics.indices {
            let key = diagnostics[index].ruleID + "\u{0}" + diagnostics[index].faultText
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            diagnostics[index].fingerprint = make(
                ruleID: diagnostics[index].ruleID, faultText: diagnostics[index].faultText, occurrence: occurrence)
        }
    }
}
