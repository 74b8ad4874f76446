/// Reads dates and periods as English schools write them: `July 2026`,
/// `Sept 2020 - ongoing`, `By Sept 2020`, `2025-26`, `Spring 2026`,
/// `2026-07-31`, `September 2025 to July 2026`.
///
/// A term stands for its last month (Autumn: December, Spring: April,
/// Summer: July); an academic year or a bare year range runs September to
/// August; a month without a day means the whole month.
public enum DateReader {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    private static let months: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, name) in monthNames.enumerated() {
            let lower = name.lowercased()
            table[lower] = index + 1
            table[String(lower.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    /// Terms as the months they run from and to, and the month their first half ends.
    private static let terms: [String: (start: Int, end: Int, firstHalfEnd: Int)] = [
        "autumn": (9, 12, 10), "spring": (1, 4, 2), "summer": (4, 7, 5),
    ]

    private static let startWords: Set<String> = ["from", "since", "starting", "start", "beginning", "commencing"]
    private static let openEndWords: Set<String> = ["ongoing", "onwards", "onward", "continuing", "continuous"]

    /// The span a date expression covers, or nil when it names no date.
    public static func span(in text: String) -> DateSpan? {
        let tokens = DateToken.scan(text)
        let (mentions, impossible) = DateMention.find(in: tokens)
        // One impossible date (`2026-13`) makes the whole expression unreadable.
        guard !impossible, let first = mentions.first, let last = mentions.last else { return nil }
        let openEnded = tokens.contains { $0.word.map(openEndWords.contains) ?? false }
        if mentions.count == 1 {
            let startsOnly = first.tokenIndex > 0 && tokens[..<first.tokenIndex].contains {
                $0.word.map(startWords.contains) ?? false
            }
            if openEnded || startsOnly { return DateSpan(start: first.start, end: nil) }
            return DateSpan(start: first.start, end: first.end)
        }
        // "2023 to 2027", like "2023-2027", runs September to August.
        if mentions.count == 2, first.isBareYear, last.isBareYear, first.start.year < last.start.year {
            let academic = DateMention.academic(from: first.start.year, to: last.start.year, at: first.tokenIndex)
            return DateSpan(start: academic.start, end: openEnded ? nil : academic.end)
        }
        return DateSpan(start: first.start, end: openEnded ? nil : last.end)
    }

    /// A deadline written in a sentence ("… by July 2026"), as the phrase and its day.
    public static func deadline(in text: String) -> CalendarDay? {
        let tokens = DateToken.scan(text)
        for mention in DateMention.find(in: tokens).mentions {
            var index = mention.tokenIndex - 1
            // Step back over "the end of" in "by the end of July 2026".
            while index >= 0, let word = tokens[index].word, ["the", "end", "of"].contains(word) { index -= 1 }
            if index >= 0, let word = tokens[index].word, ["by", "before", "until", "till"].contains(word) {
                return mention.end
            }
        }
        return nil
    }

    // MARK: Tokens

    /// A word, a number or a separator in a date expression. (Plain stored
    /// fields: an enum with payloads here made Swift 6.3's optimiser crash.)
    struct DateToken {
        enum Kind: Equatable { case word, number, dash, slash }
        var kind: Kind
        var word: String?
        var number: (value: Int, digits: Int)?

        init(kind: Kind, word: String? = nil, number: (value: Int, digits: Int)? = nil) {
            self.kind = kind
            self.word = word
            self.number = number
        }

        static func scan(_ text: String) -> [DateToken] {
            var tokens: [DateToken] = []
            let bytes = Array(text.lowercased().utf8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x30 && byte <= 0x39 {
                    // The whole run of digits is one number (its value capped), so
                    // "1234567892019" is not read as the year 2019.
                    var value = 0
                    let start = index
                    while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                        if index - start < 9 { value = value * 10 + Int(bytes[index] - 0x30) }
                        index += 1
                    }
                    tokens.append(DateToken(kind: .number, number: (value, index - start)))
                } else if byte >= 0x61 && byte <= 0x7A {
                    let start = index
                    while index < bytes.count, bytes[index] >= 0x61 && bytes[index] <= 0x7A { index += 1 }
                    tokens.append(DateToken(kind: .word, word: String(decoding: bytes[start..<index], as: UTF8.self)))
                } else {
                    if byte == 0x2D { tokens.append(DateToken(kind: .dash)) }
                    if byte == 0x2F { tokens.append(DateToken(kind: .slash)) }
                    // An en dash (E2 80 93) or em dash (E2 80 94) separates like a hyphen.
                    if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                       bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94 {
                        tokens.append(DateToken(kind: .dash))
                        index += 2
                    }
                    index += 1
                }
            }
            return tokens
        }
    }

    // MARK: Mentions

    /// One date named in an expression, with the days it covers.
    struct DateMention {
        var tokenIndex: Int
        var start: CalendarDay
        var end: CalendarDay
        /// A year written alone ("2026"), which covers the calendar year.
        var isBareYear = false

        static func isYear(_ token: DateToken?) -> Int? {
            guard let number = token?.number, number.digits == 4, (1900...2199).contains(number.value) else { return nil }
            return number.value
        }

        /// The dates named, and whether any named date cannot exist.
        static func find(in tokens: [DateToken]) -> (mentions: [DateMention], impossible: Bool) {
            var mentions: [DateMention] = []
            var impossible = false
            var index = 0
            func token(_ at: Int) -> DateToken? { at < tokens.count ? tokens[at] : nil }
            while index < tokens.count {
                let here = tokens[index]
                // 2025-26, 2024/2025, 2025-2028, 2025-09, 2026-07-31
                if let year = isYear(here) {
                    if let separator = token(index + 1), separator.kind == .dash || separator.kind == .slash,
                       let next = token(index + 2)?.number {
                        if next.digits == 4, next.value > year, next.value - year <= 20 {
                            mentions.append(academic(from: year, to: next.value, at: index))
                            index += 3
                            continue
                        }
                        // 2025-26 is an academic year; 2010-11-01 is a day, not 2010-11.
                        let dayFollows = token(index + 3)?.kind == .dash && token(index + 4)?.number != nil
                        if next.digits == 2, next.value == (year + 1) % 100, !dayFollows {
                            mentions.append(academic(from: year, to: year + 1, at: index))
                            index += 3
                            continue
                        }
                        if separator.kind == .dash, next.digits == 2 {
                            // YYYY-MM or YYYY-MM-DD: a month or day that cannot be is no date at all.
                            let hasDay = token(index + 3)?.kind == .dash && token(index + 4)?.number.map { $0.digits <= 2 } == true
                            guard (1...12).contains(next.value) else {
                                impossible = true
                                index += hasDay ? 5 : 3
                                continue
                            }
                            if hasDay, let day = token(index + 4)?.number {
                                if (1...CalendarDay.daysIn(month: next.value, year: year)).contains(day.value) {
                                    let date = CalendarDay(year: year, month: next.value, day: day.value)
                                    mentions.append(DateMention(tokenIndex: index, start: date, end: date))
                                } else {
                                    impossible = true
                                }
                                index += 5
                                continue
                            }
                            mentions.append(DateMention(
                                tokenIndex: index,
                                start: .first(ofMonth: next.value, year: year),
                                end: .last(ofMonth: next.value, year: year)))
                            index += 3
                            continue
                        }
                    }
                    mentions.append(DateMention(
                        tokenIndex: index, start: .first(ofMonth: 1, year: year), end: .last(ofMonth: 12, year: year), isBareYear: true))
                    index += 1
                    continue
                }
                // 31st July 2026, July 2026, Sept. 2020
                var cursor = index
                var day: Int?
                if let number = here.number, number.digits <= 2, (1...31).contains(number.value) {
                    day = number.value
                    cursor += 1
                    if let suffix = token(cursor)?.word, ["st", "nd", "rd", "th"].contains(suffix) { cursor += 1 }
                }
                if let word = token(cursor)?.word, let month = months[word] {
                    let yearIndex = cursor + 1
                    if let year = isYear(token(yearIndex)) {
                        if let day {
                            // "31 February 2026" names no day that exists.
                            if day <= CalendarDay.daysIn(month: month, year: year) {
                                let date = CalendarDay(year: year, month: month, day: day)
                                mentions.append(DateMention(tokenIndex: index, start: date, end: date))
                            } else {
                                impossible = true
                            }
                        } else {
                            mentions.append(DateMention(
                                tokenIndex: index, start: .first(ofMonth: month, year: year), end: .last(ofMonth: month, year: year)))
                        }
                        index = yearIndex + 1
                        continue
                    }
                }
                // Spring 2026, Summer term 2026, Autumn 1 2025
                if let word = here.word, let term = terms[word] {
                    var cursor = index + 1
                    if token(cursor)?.word == "term" { cursor += 1 }
                    var startMonth = term.start
                    var endMonth = term.end
                    if let half = token(cursor)?.number, half.digits == 1, half.value == 1 || half.value == 2 {
                        if half.value == 1 { endMonth = term.firstHalfEnd } else { startMonth = term.firstHalfEnd }
                        cursor += 1
                    }
                    if token(cursor)?.word == "term" { cursor += 1 }
                    if let year = isYear(token(cursor)) {
                        mentions.append(DateMention(
                            tokenIndex: index, start: .first(ofMonth: startMonth, year: year), end: .last(ofMonth: endMonth, year: year)))
                        index = cursor + 1
                        continue
                    }
                }
                index += 1
            }
            return (mentions, impossible)
        }

        /// An academic year or a run of them: September of the first year to August of the last.
        static func academic(from first: Int, to last: Int, at index: Int) -> DateMention {
            DateMention(tokenIndex: index, start: .first(ofMonth: 9, year: first), end: .last(ofMonth: 8, year: last))
        }
    }
}
