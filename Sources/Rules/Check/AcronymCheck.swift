import EqlintPlan
import EqlintText

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
    /// More words every reader is taken to know (the role abbreviations a
    /// lead may use, so that what a lead may say the text may too).
    var alsoKnown = AlsoKnownTerms([])

    /// Each acronym nothing explains: where it is first used, as written.
    func findings() -> [(span: Range<Int>, word: String)] {
        let bytes = context.source.bytes
        var skipped: [Range<Int>] = []
        for entries in context.entries(of: skipping) {
            for entry in entries {
                if let parts = entry.parts { skipped += parts } else { skipped.append(entry.span) }
            }
        }
        skipped.sort { $0.lowerBound < $1.lowerBound }
        // Every use, in file order, as its letters' short key (`letterKey`) above its place among the uses:
        // sorted, the uses of each word follow one another in file order, the first of each first.
        var uses: [Range<Int>] = []
        var keyedUses: [UInt64] = []
        let start = frontMatterEnd
        var nextSkipped = 0  // both run in file order: walk them together
        for (index, published) in context.publishedSpans.enumerated() where published.upperBound > start {
            // A span is read once for every rule (the acronyms spelt out in the plan read it too), and the
            // uses from the front matter's end taken, when reading from there finds the same; else it is read from there.
            let spans: ArraySlice<Range<Int>>
            if start <= published.lowerBound {
                spans = context.abbreviations(inPublished: index)[...]
            } else if Abbreviations.readAlikeFrom(start, in: bytes, span: published) {
                let all = context.abbreviations(inPublished: index)
                spans = all[(all.firstIndex { $0.lowerBound >= start } ?? all.endIndex)...]
            } else {
                spans = Abbreviations.spans(in: bytes, span: start..<published.upperBound)[...]
            }
            // Room for the span's uses at once, at least doubled (a web page has thousands of spans).
            let needed = uses.count + spans.count
            if uses.capacity < needed { uses.reserveCapacity(max(needed, 2 * uses.capacity)) }
            if keyedUses.capacity < needed { keyedUses.reserveCapacity(max(needed, 2 * keyedUses.capacity)) }
            for span in spans {
                while nextSkipped < skipped.count, skipped[nextSkipped].upperBound <= span.lowerBound { nextSkipped += 1 }
                if nextSkipped < skipped.count, skipped[nextSkipped].contains(span.lowerBound) { continue }
                keyedUses.append(Self.letterKey(bytes, span) << Self.placeBits | UInt64(uses.count))
                uses.append(span)
            }
        }
        // The first use of each word, put back in file order. No string is made, and none hashed, for a use that is not first.
        keyedUses.sort()
        var firstUses: [Int] = []
        var lastKey = UInt64.max
        for keyed in keyedUses where keyed >> Self.placeBits != lastKey {
            lastKey = keyed >> Self.placeBits
            firstUses.append(Int(truncatingIfNeeded: keyed & (1 << Self.placeBits - 1)))
        }
        firstUses.sort()
        let knownTerms = context.upperCasedTerms(of: known)
        return firstUses.compactMap { use in
            let span = uses[use]
            let word = String(decoding: bytes[span], as: UTF8.self)
            let upper = word.uppercased()
            // The word's key without its last letter is the key of the word less a plural `S`.
            let key = Self.upperCasedKey(bytes, span)
            let isAlsoKnown = alsoKnown.contains(key, upper) || (key & 0xFF == 0x53 && alsoKnown.contains(key >> 8, String(upper.dropLast())))
            guard !isAlsoKnown, !context.isKnownAbbreviation(upperCased: upper, terms: knownTerms), !Self.isSpeltOut(span, in: bytes), !startsName(span, in: bytes) else { return nil }
            return (span, word)
        }
    }

    /// The bits below a use's `letterKey` that hold its place among the uses.
    private static let placeBits = 34

    /// An abbreviation's letters, five bits each (`A` and `a` 1, `Z` and `z`
    /// 26) in a number: of two to six ASCII letters (`Abbreviations.spans`),
    /// equal for two words exactly when their upper-cased letters are, and
    /// small enough (30 bits) to leave `placeBits` free below it.
    static func letterKey(_ bytes: [UInt8], _ span: Range<Int>) -> UInt64 {
        var key: UInt64 = 0
        for index in span { key = key << 5 | UInt64(bytes[index] & 0x1F) }
        return key
    }

    /// An abbreviation's letters upper-cased, one byte each in a number: an
    /// abbreviation is two to six ASCII letters (`Abbreviations.spans`), so
    /// two are the same word, whatever their case, when their keys are equal.
    static func upperCasedKey(_ bytes: [UInt8], _ span: Range<Int>) -> UInt64 {
        var key: UInt64 = 0
        for index in span { key = key << 8 | UInt64(bytes[index] & 0xDF) }
        return key
    }

    /// The byte where the front matter ends (0 when there is none): its
    /// keys and values are the plan's metadata, not prose.
    private var frontMatterEnd: Int {
        context.plan.frontMatter.values.map(\.span.upperBound).max() ?? 0
    }

    /// Capitals that begin a name, as in `The CARE Federation` or `LINK
    /// Learning Trust`: the next word is capitalised.
    /// Tags around the words are looked past (`<strong>CARE</strong> Federation`).
    private func startsName(_ span: Range<Int>, in bytes: [UInt8]) -> Bool {
        let after = Markup.skipMarkup(bytes, from: span.upperBound, end: bytes.count)
        // A tab ends a table's cell (`Link to PSED<TAB>Advance ...`): what follows is another cell, not a name's next word.
        guard after < bytes.count, bytes[after] != 0x0A, bytes[after] != 0x0D, bytes[after] != 0x09,
              Markup.spaceLength(bytes, at: after, end: bytes.count) != nil else { return false }
        let next = Markup.skipSpacesAndMarkup(bytes, from: after, end: bytes.count)
        return next + 1 < bytes.count && (0x41...0x5A).contains(bytes[next]) && (0x61...0x7A).contains(bytes[next + 1])
    }

    /// `(ESP)` after the words, or `ESP (` before them; tags around the
    /// words are looked past (`(<abbr>ESP</abbr>)`), and so are quotes and a
    /// number after it (`The Equality Act 2010 (EA 2010)`, `('PINS')`).
    static func isSpeltOut(_ span: Range<Int>, in bytes: [UInt8]) -> Bool {
        var before = Markup.skipMarkupBackward(bytes, to: span.lowerBound, from: 0)
        before -= quoteLength(bytes, endingAt: before)
        var after = Markup.skipMarkup(bytes, from: span.upperBound, end: bytes.count)
        after += quoteLength(bytes, startingAt: after)
        // `(EA 2010)`: a year or number with it in the brackets.
        var probe = after
        while probe < bytes.count, bytes[probe] == 0x20 { probe += 1 }
        if probe > after, probe < bytes.count, (0x30...0x39).contains(bytes[probe]) {
            while probe < bytes.count, (0x30...0x39).contains(bytes[probe]) { probe += 1 }
            after = probe
        }
        let bracketed = before > 0 && bytes[before - 1] == 0x28 && after < bytes.count && bytes[after] == 0x29
        let next = Markup.skipSpacesAndMarkup(bytes, from: span.upperBound, end: bytes.count)
        return bracketed || (next < bytes.count && bytes[next] == 0x28)
    }

    /// The length of a quote mark (`"`, `'`, or a curly one) starting at `index`, or 0.
    private static func quoteLength(_ bytes: [UInt8], startingAt index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        if bytes[index] == 0x22 || bytes[index] == 0x27 { return 1 }
        if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80, [0x98, 0x99, 0x9C, 0x9D].contains(bytes[index + 2]) { return 3 }
        return 0
    }

    /// The length of a quote mark ending just before `index`, or 0.
    private static func quoteLength(_ bytes: [UInt8], endingAt index: Int) -> Int {
        if index >= 1, bytes[index - 1] == 0x22 || bytes[index - 1] == 0x27 { return 1 }
        if index >= 3, bytes[index - 3] == 0xE2, bytes[index - 2] == 0x80, [0x98, 0x99, 0x9C, 0x9D].contains(bytes[index - 1]) { return 3 }
        return 0
    }

    /// Every acronym the plan spells out somewhere (`Director of Learning
    /// (DoL)`, `PSA (Parent Support Adviser)`), upper-cased.
    static func speltOut(in context: CheckContext) -> Set<String> {
        let bytes = context.source.bytes
        var found: Set<String> = []
        for index in context.publishedSpans.indices {
            for span in context.abbreviations(inPublished: index) where isSpeltOut(span, in: bytes) {
                found.insert(String(decoding: bytes[span], as: UTF8.self).uppercased())
            }
        }
        return found
    }
}
