/// Finds acronyms a reader cannot look up: not in the known list, not in
/// the plan's Glossary, and not spelt out where first used, as in
/// `Enhanced Specialist Provision (ESP)` or `ESP (Enhanced Specialist
/// Provision)`. Each is reported once, where it first appears. Capitals
/// that start a name (`The CARE Federation`) are a name, not an acronym.
struct AcronymCheck {
    let context: CheckContext
    /// The vocabulary list of acronyms every reader knows.
    let known: String
    /// Fields whose text other rules check (a lead's initials).
    let skipping: [FieldName]

    func findings() -> [Finding] {
        let bytes = context.source.bytes
        let skipped = context.plan.objectives.flatMap { objective in
            skipping.flatMap { objective.entries(of: $0) }.flatMap(\.spans)
        }.sorted { $0.lowerBound < $1.lowerBound }
        var firstUse: [String: Range<Int>] = [:]
        var order: [String] = []
        let start = frontMatterEnd
        var nextSkipped = 0  // both run in file order: walk them together
        for published in context.publishedSpans where published.upperBound > start {
            for span in Abbreviations.spans(in: bytes, span: max(published.lowerBound, start)..<published.upperBound) {
                while nextSkipped < skipped.count, skipped[nextSkipped].upperBound <= span.lowerBound { nextSkipped += 1 }
                if nextSkipped < skipped.count, skipped[nextSkipped].contains(span.lowerBound) { continue }
                let word = String(decoding: bytes[span], as: UTF8.self)
                let key = word.uppercased()
                if firstUse[key] == nil {
                    firstUse[key] = span
                    order.append(key)
                }
            }
        }
        return order.compactMap { key in
            let span = firstUse[key]!
            let word = String(decoding: bytes[span], as: UTF8.self)
            guard !context.isKnownAbbreviation(word, list: known), !isSpeltOut(span, in: bytes), !startsName(span, in: bytes) else { return nil }
            return Finding(range: context.source.range(of: span), values: ["found": word])
        }
    }

    /// The byte where the front matter ends (0 when there is none): its
    /// keys and values are the plan's metadata, not prose.
    private var frontMatterEnd: Int {
        context.plan.frontMatter.values.map(\.span.upperBound).max() ?? 0
    }

    /// Capitals that begin a name, as in `The CARE Federation` or `LINK
    /// Learning Trust`: the next word is capitalised.
    private func startsName(_ span: Range<Int>, in bytes: [UInt8]) -> Bool {
        let next = span.upperBound + 1
        return next + 1 < bytes.count && bytes[span.upperBound] == 0x20
            && (0x41...0x5A).contains(bytes[next]) && (0x61...0x7A).contains(bytes[next + 1])
    }

    /// `(ESP)` after the words, or `ESP (` before them.
    private func isSpeltOut(_ span: Range<Int>, in bytes: [UInt8]) -> Bool {
        let bracketed = span.lowerBound > 0 && bytes[span.lowerBound - 1] == 0x28 && span.upperBound < bytes.count && bytes[span.upperBound] == 0x29
        var next = span.upperBound
        while next < bytes.count, bytes[next] == 0x20 { next += 1 }
        return bracketed || (next < bytes.count && bytes[next] == 0x28)
    }
}
