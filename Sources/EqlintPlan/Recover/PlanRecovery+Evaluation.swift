import EqlintText

/// Text of a monitoring section that repeats an objective's statement: the
/// objective it is about. The statement is found at the start of the
/// text's label key; only as much of the key as the longest statement's is
/// read, by bytes, where bytes compare as `String.hasPrefix` compares
/// (ASCII around the statement's end); otherwise the whole key is made.
extension PlanRecovery {
    /// Each objective's statement key (`TextNormalizer.labelKey`), worked out again when objectives were added.
    mutating func refreshTitleKeys() {
        guard titleKeys.count != plan.objectives.count else { return }
        titleKeys = plan.objectives.map { TextNormalizer.labelKey($0.title) }
        let named = titleKeys.filter { $0.utf8.count >= 20 }
        longestTitleKey = named.map(\.utf8.count).max() ?? 0
        titleKeysAreASCII = named.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// The first objective whose statement (20 bytes of key or more) starts
    /// `text`'s label key, and whether the key is that statement alone (with
    /// 2 bytes more at most).
    mutating func repeatedStatement(in text: String) -> (index: Int, alone: Bool)? {
        refreshTitleKeys()
        guard longestTitleKey > 0 else { return nil }  // no statement long enough to be named by
        if titleKeysAreASCII {
            switch repeatedStatementByBytes(in: text) {
            case .found(let index, let alone): return (index, alone)
            case .noMatch: return nil
            case .undecided: break
            }
        }
        let key = TextNormalizer.labelKey(text)
        guard let repeated = titleKeys.firstIndex(where: { $0.utf8.count >= 20 && key.hasPrefix($0) }) else { return nil }
        return (repeated, key.utf8.count <= titleKeys[repeated].utf8.count + 2)
    }

    private enum ByteAnswer { case found(Int, alone: Bool), noMatch, undecided }

    /// `repeatedStatement(in:)` from the start of the key alone, unless bytes cannot tell.
    private func repeatedStatementByBytes(in text: String) -> ByteAnswer {
        var text = text
        return text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestTitleKey + 4) { key in
                let (count, longer, _) = TextNormalizer.labelKey(of: utf8, into: key)
                for (index, title) in titleKeys.enumerated() where title.utf8.count >= 20 {
                    let length = title.utf8.count
                    // The bytes up to the statement's end and the one after it, all ASCII: compared as characters are.
                    let compared = min(count, length + 1)
                    guard !longer || count >= length + 3 else { return .undecided }
                    guard !key[0..<compared].contains(where: { $0 >= 0x80 }) else { return .undecided }
                    guard count >= length, key[0..<length].elementsEqual(title.utf8) else { continue }
                    return .found(index, alone: !longer && count <= length + 2)
                }
                return .noMatch
            }
        }
    }
}
