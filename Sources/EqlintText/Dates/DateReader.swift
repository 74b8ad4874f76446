/// What a text says about dates.
public enum DateReading: Equatable, Sendable {
    /// The text names no date.
    case none
    /// The days the text's dates cover, as `DateReader.span(in:)` gives them.
    case date(DateSpan)
    /// The text names a date that cannot be read (`31/13/2026`, `2026-13`,
    /// `31 February 2026`): the date as written, to quote in a message.
    case unreadable(String)
}

/// Reads dates and periods as English schools write them: `July 2026`,
/// `Sept 2020 - ongoing`, `By Sept 2020`, `2025-26`, `2024/25`, `Spring 2026`,
/// `Term 6 2026`, `Easter 2026`, `2026-07-31`, `14/11/2024`, `1/9/24`,
/// `July '26`, `Jul-26`, `Sept 25`, `September 2025 to July 2026`.
///
/// Numeric dates are day first, always (this is England): `07/31/2026` has
/// no month 31 and is unreadable, never swapped. A two-digit year is 20xx.
/// A term covers its months (Autumn: September to December, Spring: January
/// to April, Summer: April to July; in a six-term year Term 1 is September to
/// October … Term 6 June to July); Easter is April; an academic year or a
/// bare year range runs September to August; a month without a day means
/// the whole month. A date that is written as one but cannot be read (a
/// month 13, 31 February, `Autumn 3 2025`) makes the text unreadable: it is
/// never read as a vaguer or a nearby date.
public enum DateReader {
    package static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// Month names, whole and cut to three letters, and `sept`, with their months.
    private static let months: [(name: DateWord, month: Int)] = monthNames.enumerated().flatMap { index, name in
        [(DateWord(name), index + 1), (DateWord(String(name.prefix(3))), index + 1)]
    } + [("sept", 9)]

    /// The month a word names, if any.
    static func month(named word: DateWord) -> Int? {
        months.first { $0.name == word }?.month
    }

    /// Terms as the months they run from and to, and the month their first half ends.
    static func term(named word: DateWord) -> (start: Int, end: Int, firstHalfEnd: Int)? {
        switch word {
        case "autumn": (9, 12, 10)
        case "spring": (1, 4, 2)
        case "summer": (4, 7, 5)
        default: nil
        }
    }

    /// The six-term year: the months Term 1 … Term 6 run from and to. Term 4
    /// begins after the February half term and ends at Easter.
    private static let sixTerms: [(start: Int, end: Int)] = [(9, 10), (11, 12), (1, 2), (2, 4), (4, 5), (6, 7)]

    private static let startWords: [DateWord] = ["from", "since", "starting", "start", "beginning", "commencing"]
    /// Words that make the date after them an end: "by July 2026".
    private static let endWords: [DateWord] = ["by", "before", "until", "till", "to", "deadline", "end", "due"]
    private static let openEndWords: [DateWord] = ["ongoing", "onwards", "onward", "continuing", "continuous"]

    /// What the text says about dates: none, the span they cover, or the
    /// first date named that cannot be read.
    public static func read(_ text: String) -> DateReading {
        // Every date names a year (or a day and month beside one), so a text
        // with no digit names none, nor one that cannot be read: most texts
        // asked about are passed over without reading their words.
        guard ByteText.containsDigit(text) else { return .none }
        return readTokens(text)
    }

    /// `read` without its shortcut for a text with no digit (for tests).
    static func readTokens(_ text: String) -> DateReading {
        let bytes = Array(text.utf8)
        let tokens = DateToken.scan(bytes)
        var finder = DateFinder(bytes: bytes, tokens: tokens)
        finder.run()
        // One unreadable date (`2026-13`) makes the whole expression unreadable.
        if let unreadable = finder.unreadable {
            return .unreadable(String(decoding: bytes[unreadable], as: UTF8.self).trimmingSpaces)
        }
        let mentions = finder.mentions
        guard let first = mentions.first, let last = mentions.last else { return .none }
        let openEnded = tokens.contains { $0.word.map(openEndWords.contains) ?? false }
        if mentions.count == 1 {
            // "From September 2025" starts a range; "from 89% to 94% by July 2027" does not: the
            // nearest of the words before the date decides.
            var startsOnly = false
            for token in tokens[..<first.tokenIndex].reversed() {
                guard let word = token.word, startWords.contains(word) || endWords.contains(word) else { continue }
                startsOnly = startWords.contains(word)
                break
            }
            if openEnded || startsOnly { return .date(DateSpan(start: first.start, end: nil)) }
            return .date(DateSpan(start: first.start, end: first.end))
        }
        // "2023 to 2027", like "2023-2027", runs September to August.
        if mentions.count == 2, first.isBareYear, last.isBareYear, first.start.year < last.start.year {
            let academic = DateMention.academic(from: first.start.year, to: last.start.year, at: first.tokenIndex)
            return .date(DateSpan(start: academic.start, end: openEnded ? nil : academic.end))
        }
        return .date(DateSpan(start: first.start, end: openEnded ? nil : last.end))
    }

    /// The span a date expression covers, or nil when it names no date or
    /// names one that cannot be read (`read(_:)` tells the two apart).
    public static func span(in text: String) -> DateSpan? {
        if case .date(let span) = read(text) { return span }
        return nil
    }

    /// Words stepped over between "by" and the date: "by the end of the academic year 2024/25".
    private static let deadlineFillers: [DateWord] = ["the", "end", "of", "academic", "school", "year"]

    /// The words a deadline follows.
    private static let deadlineWords: [DateWord] = ["by", "before", "until", "till"]

    /// A deadline written in a sentence ("… by July 2026"): its day.
    public static func deadline(in text: String) -> CalendarDay? {
        deadlinePhrase(in: text)?.day
    }

    /// A deadline written in a sentence ("… by the end of July 2026"): its
    /// day, and the UTF-8 bytes of the phrase, from "by" to the date's end.
    public static func deadlinePhrase(in text: String) -> (day: CalendarDay, bytes: Range<Int>)? {
        let bytes = Array(text.utf8)
        // A deadline follows one of four words: a text with none of their letters in a row has none;
        // nor has a text with no digit, which names no date (see `read`).
        guard mayHaveDeadlineWord(bytes), ByteText.containsDigit(bytes, in: 0..<bytes.count) else { return nil }
        let tokens = DateToken.scan(bytes)
        var finder = DateFinder(bytes: bytes, tokens: tokens)
        finder.run()
        for mention in finder.mentions {
            var index = mention.tokenIndex - 1
            // Step back over "the end of" in "by the end of July 2026".
            while index >= 0, let word = tokens[index].word, deadlineFillers.contains(word) { index -= 1 }
            if index >= 0, let word = tokens[index].word, Self.deadlineWords.contains(word) {
                let last = tokens[min(mention.lastTokenIndex ?? mention.tokenIndex, tokens.count - 1)]
                return (mention.end, tokens[index].start..<last.end)
            }
        }
        return nil
    }

    /// Whether `by`, `before`, `until` or `till` is in the bytes, in any
    /// case (whole word or not): what `deadlinePhrase` looks back for.
    static func mayHaveDeadlineWord(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            func has(_ rest: StaticString, after index: Int) -> Bool {
                let count = rest.utf8CodeUnitCount
                guard index + 1 + count <= text.count else { return false }
                for offset in 0..<count where text[index + 1 + offset] | 0x20 != rest.utf8Start[offset] { return false }
                return true
            }
            for index in text.indices {
                switch text[index] | 0x20 {
                case 0x62: if has("y", after: index) || has("efore", after: index) { return true }  // b
                case 0x75: if has("ntil", after: index) { return true }  // u
                case 0x74: if has("ill", after: index) { return true }  // t
                default: break
                }
            }
            return false
        }
    }

    // MARK: Tokens

    /// A word, a number or a separator in a date expression, and the bytes
    /// of the text it was read from. (Plain stored fields: an enum with
    /// payloads here made Swift 6.3's optimiser crash.)
    struct DateToken {
        enum Kind: Equatable { case word, number, dash, slash, dot, apostrophe }
        var kind: Kind
        /// A word's letters, lower-cased.
        var word: DateWord?
        var number: (value: Int, digits: Int)?
        /// Where the token starts and ends in the text's UTF-8 bytes.
        var start: Int
        var end: Int

        init(kind: Kind, word: DateWord? = nil, number: (value: Int, digits: Int)? = nil, start: Int, end: Int) {
            self.kind = kind
            self.word = word
            self.number = number
            self.start = start
            self.end = end
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        static func isLetter(_ byte: UInt8) -> Bool { DateWord.isLetter(byte) }

        /// Words are lower-cased (ASCII only: a date's words are English). A
        /// full stop is a separator only between digits (`14.11.2024`), so
        /// `Sept. 2020` stays a month and a year; an apostrophe only before
        /// digits (`July '26`), so `pupils' 2026 results` has none.
        static func scan(_ bytes: [UInt8]) -> [DateToken] {
            var tokens: [DateToken] = []
            // A token for every few bytes (a word and its space): room made once, not grown twice or three times.
            tokens.reserveCapacity(bytes.count / 3 + 4)
            var index = 0
            func digitAt(_ at: Int) -> Bool { at >= 0 && at < bytes.count && isDigit(bytes[at]) }
            while index < bytes.count {
                let byte = bytes[index]
                if isDigit(byte) {
                    // The whole run of digits is one number (its value capped), so
                    // "1234567892019" is not read as the year 2019.
                    var value = 0
                    let start = index
                    while index < bytes.count, isDigit(bytes[index]) {
                        if index - start < 9 { value = value * 10 + Int(bytes[index] - 0x30) }
                        index += 1
                    }
                    tokens.append(DateToken(kind: .number, number: (value, index - start), start: start, end: index))
                } else if isLetter(byte) {
                    let start = index
                    while index < bytes.count, isLetter(bytes[index]) { index += 1 }
                    let word = bytes.withUnsafeBufferPointer { DateWord(letters: $0, start..<index) }
                    tokens.append(DateToken(kind: .word, word: word, start: start, end: index))
                } else {
                    let start = index
                    if byte == 0x2D { tokens.append(DateToken(kind: .dash, start: start, end: start + 1)) }
                    if byte == 0x2F { tokens.append(DateToken(kind: .slash, start: start, end: start + 1)) }
                    if byte == 0x2E, digitAt(index - 1), digitAt(index + 1) {
                        tokens.append(DateToken(kind: .dot, start: start, end: start + 1))
                    }
                    if byte == 0x27, digitAt(index + 1) { tokens.append(DateToken(kind: .apostrophe, start: start, end: start + 1)) }
                    if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
                        switch bytes[index + 2] {
                        case 0x93, 0x94:
                            // An en dash (E2 80 93) or em dash (E2 80 94) separates like a hyphen.
                            tokens.append(DateToken(kind: .dash, start: start, end: start + 3))
                            index += 2
                        case 0x98, 0x99:
                            // A typographic apostrophe (E2 80 99, or 98 typed by mistake): `July ’26`.
                            if digitAt(index + 3) { tokens.append(DateToken(kind: .apostrophe, start: start, end: start + 3)) }
                            index += 2
                        default:
                            break
                        }
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
        /// The index of its last token (set once the form is read).
        var lastTokenIndex: Int?

        static func isYear(_ token: DateToken?) -> Int? {
            guard let number = token?.number, number.digits == 4, (1900...2199).contains(number.value) else { return nil }
            return number.value
        }

        /// An academic year or a run of them: September of the first year to August of the last.
        static func academic(from first: Int, to last: Int, at index: Int) -> DateMention {
            DateMention(tokenIndex: index, start: .first(ofMonth: 9, year: first), end: .last(ofMonth: 8, year: last))
        }
    }

    /// Finds the dates named in a text's tokens, and the first that cannot be read.
    ///
    /// Ambiguous forms, and how they are read:
    /// - Numbers are day first: `14/11/2024`, `14.11.2024`, `14-11-2024`,
    ///   `1/9/24`. A month above 12 or a day the month does not have is
    ///   unreadable. Full stops need a four-digit year (`4.2.10` is a
    ///   paragraph number), and so do spaces around slashes (`14 / 11 / 2024`).
    ///   A day and month with no year (`1/9`, `14/11`) is no date: it cannot
    ///   be told from a fraction (`3/4`, `1/9 of pupils`), and it names no
    ///   year anyway. `07/2026` is July 2026. Numbers with a two-digit last
    ///   after a year-group word (`Years 10/11/12`), and runs of four or
    ///   more (`1/2/3/4`), are no date.
    /// - A month name and a two-digit number with no four-digit year after it
    ///   is that month of 20xx (`Sept 25`, `by July 25`): English plans write
    ///   the year so, and a day with no year would name no date anyway. An
    ///   apostrophe or a hyphen makes it certain (`July '26`, `Jul-26`).
    ///   With a four-digit year after it, the number is a day, US style
    ///   (`July 25, 2026`). It is no date when it reads as a day or a count:
    ///   after "on" (`on July 25`), with an ordinal (`July 25th`), or when
    ///   the number runs on into a word (`July 30 pupils`), a percentage, a
    ///   time or a fraction; nor when a comma parts the month from the number
    ///   (`By July, 25 pupils`). `may` needs its capital (`May 25`) to be a
    ///   month here, being also a verb.
    /// - `25 July 26`, `1 Sept '25`, `25-Jul-26` are days of 20xx, under the
    ///   same conditions on the year.
    struct DateFinder {
        let bytes: [UInt8]
        let tokens: [DateToken]
        private(set) var mentions: [DateMention] = []
        /// The bytes of the first date named that cannot be read.
        private(set) var unreadable: Range<Int>?

        init(bytes: [UInt8], tokens: [DateToken]) {
            self.bytes = bytes
            self.tokens = tokens
        }

        /// Words after which numbers name year groups or levels, not a day and month (`Years 10/11/12`).
        private static let groupWords: [DateWord] = [
            "year", "years", "yr", "yrs", "y", "ks", "grade", "grades", "class", "classes", "group", "groups",
            "set", "sets", "level", "levels", "stage", "stages", "step", "steps", "section", "paragraph", "page", "pages",
        ]
        /// Words that may follow a two-digit year: `Sept 25 to July 26`.
        private static let yearFollowers: [DateWord] = [
            "to", "until", "till", "through", "and", "or", "then", "onwards", "onward", "ongoing", "review", "deadline",
        ]
        private static let ordinals: [DateWord] = ["st", "nd", "rd", "th"]
        /// Words between `Easter` and its year: `Easter holidays 2026`.
        private static let holidayWords: [DateWord] = ["holidays", "holiday", "break"]

        mutating func run() {
            var index = 0
            while index < tokens.count {
                var next: Int?
                switch tokens[index].kind {
                case .number:
                    next = readYearFirst(index)
                    if next == nil { next = readNumeric(index) }
                    if next == nil { next = readDayMonth(index) }
                case .word:
                    next = readMonthFirst(index)
                    if next == nil { next = readTerm(index) }
                    if next == nil { next = readSixTerm(index) }
                    if next == nil { next = readEaster(index) }
                default:
                    break
                }
                if let next {
                    for found in mentions.indices.reversed() where mentions[found].tokenIndex >= index && mentions[found].lastTokenIndex == nil {
                        mentions[found].lastTokenIndex = next - 1
                    }
                }
                index = next ?? index + 1
            }
        }

        // MARK: Helpers

        func token(_ at: Int) -> DateToken? { at >= 0 && at < tokens.count ? tokens[at] : nil }
        func word(_ at: Int) -> DateWord? { token(at)?.word }
        func kind(_ at: Int) -> DateToken.Kind? { token(at)?.kind }
        func number(_ at: Int) -> (value: Int, digits: Int)? { token(at)?.number }

        /// Whether tokens `from` through `to` touch, with nothing between them.
        func touching(_ from: Int, _ to: Int) -> Bool {
            guard from >= 0, to < tokens.count else { return false }
            var index = from
            while index < to {
                if tokens[index].end != tokens[index + 1].start { return false }
                index += 1
            }
            return true
        }

        /// Whether only white space lies between two tokens, and at most one `allowed` byte.
        func spaced(_ left: Int, _ right: Int, allowing allowed: UInt8? = nil) -> Bool {
            guard left >= 0, right < tokens.count else { return false }
            var allowed = allowed
            var index = tokens[left].end
            let end = tokens[right].start
            while index < end {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 {
                    index += 1
                } else if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 {
                    index += 2 // no-break space
                } else if let only = allowed, byte == only {
                    allowed = nil
                    index += 1
                } else {
                    return false
                }
            }
            return true
        }

        /// A year at `at`: `2026`, or `'26` / `’26`; and the index after it.
        func year(at: Int) -> (value: Int, next: Int)? {
            if let year = DateMention.isYear(token(at)) { return (year, at + 1) }
            if kind(at) == .apostrophe, let short = number(at + 1), short.digits == 2, touching(at, at + 1) {
                return (2000 + short.value, at + 2)
            }
            return nil
        }

        /// One academic year at `at` (`2025-26`, `2025/26`, `2025/2026`, `2025 - 2026`): its first year and the index after it.
        func academicYear(at: Int) -> (first: Int, next: Int)? {
            guard let year = DateMention.isYear(token(at)), let separator = kind(at + 1), separator == .dash || separator == .slash,
                  let next = number(at + 2) else { return nil }
            if next.digits == 4, next.value == year + 1 { return (year, at + 3) }
            let dayFollows = kind(at + 3) == separator && number(at + 4) != nil
            if next.digits == 2, next.value == (year + 1) % 100, !dayFollows { return (year, at + 3) }
            return nil
        }

        /// Whether the two-digit number at `at` ends as a year does: not
        /// running on into a word, a percentage, a time or a fraction.
        func endsAsYear(_ at: Int) -> Bool {
            let after = tokens[at].end
            if after < bytes.count {
                let byte = bytes[after]
                if DateToken.isLetter(byte) || DateToken.isDigit(byte) || byte == 0x25 || byte == 0x3A || byte == 0x2F {
                    return false // 25th, 25%, 10:30, 25/26
                }
            }
            guard let next = token(at + 1) else { return true }
            switch next.kind {
            case .dash:
                return true
            case .word:
                // A clause break ("Sept 25, then …", "Sept 25 (end of Autumn 1)") or a word that follows dates.
                if bytes[after..<next.start].contains(where: { $0 == 0x2C || $0 == 0x3B || $0 == 0x28 || $0 == 0x29 }) { return true }
                return next.word.map(Self.yearFollowers.contains) ?? false
            default:
                return false
            }
        }

        /// The year after the month name at `month`: `July 2026`, `July-2026`,
        /// `Jul-26`, `July '26`, and when `bare` is allowed `July 26`.
        func yearAfterMonth(_ month: Int, bare: Bool) -> (value: Int, next: Int)? {
            if let year = DateMention.isYear(token(month + 1)) { return (year, month + 2) }
            if kind(month + 1) == .dash, touching(month, month + 2), let year = number(month + 2) {
                if year.digits == 4, let value = DateMention.isYear(token(month + 2)) { return (value, month + 3) }
                if year.digits == 2 { return (2000 + year.value, month + 3) }
            }
            if kind(month + 1) == .apostrophe, let year = self.year(at: month + 1) { return year }
            if bare, let year = number(month + 1), year.digits == 2, spaced(month, month + 1, allowing: 0x2E), endsAsYear(month + 1) {
                return (2000 + year.value, month + 2)
            }
            return nil
        }

        mutating func add(_ at: Int, from start: CalendarDay, to end: CalendarDay, bareYear: Bool = false) {
            mentions.append(DateMention(tokenIndex: at, start: start, end: end, isBareYear: bareYear))
        }

        mutating func add(_ at: Int, months first: Int, to last: Int, year: Int) {
            add(at, from: .first(ofMonth: first, year: year), to: .last(ofMonth: last, year: year))
        }

        /// A day named by tokens `at` through `last`, or, when no such day exists, a date that cannot be read.
        mutating func add(_ at: Int, day: Int, month: Int, year: Int, through last: Int) {
            if (1...12).contains(month), (1900...2199).contains(year), (1...CalendarDay.daysIn(month: month, year: year)).contains(day) {
                let date = CalendarDay(year: year, month: month, day: day)
                add(at, from: date, to: date)
            } else {
                reject(at, through: last)
            }
        }

        /// Marks tokens `from` through `to` as a date that cannot be read.
        mutating func reject(_ from: Int, through to: Int) {
            if unreadable == nil { unreadable = tokens[from].start..<tokens[to].end }
        }

        // MARK: Forms

        /// 2025-26, 2024/2025, 2025-2028, 2025-09, 2026-07-31, 2026/07/31, 2026
        mutating func readYearFirst(_ index: Int) -> Int? {
            guard let year = DateMention.isYear(token(index)) else { return nil }
            if let separator = kind(index + 1), separator == .dash || separator == .slash || separator == .dot,
               let next = number(index + 2) {
                if separator != .dot {
                    if next.digits == 4, next.value > year, next.value - year <= 20 {
                        mentions.append(DateMention.academic(from: year, to: next.value, at: index))
                        return index + 3
                    }
                    // 2025-26 is an academic year; 2010-11-01 is a day, not 2010-11.
                    if let academic = academicYear(at: index) {
                        mentions.append(DateMention.academic(from: academic.first, to: academic.first + 1, at: index))
                        return academic.next
                    }
                }
                let hasDay = kind(index + 3) == separator && number(index + 4).map { $0.digits <= 2 } == true
                if separator == .dash, next.digits == 2 {
                    // YYYY-MM or YYYY-MM-DD: a month or day that cannot be is no date at all.
                    guard (1...12).contains(next.value) else {
                        reject(index, through: hasDay ? index + 4 : index + 2)
                        return hasDay ? index + 5 : index + 3
                    }
                    if hasDay, let day = number(index + 4) {
                        add(index, day: day.value, month: next.value, year: year, through: index + 4)
                        return index + 5
                    }
                    add(index, months: next.value, to: next.value, year: year)
                    return index + 3
                }
                // 2026/07/31, 2026.07.31: year first is never day before month.
                if separator != .dash, next.digits <= 2, hasDay, touching(index, index + 4), let day = number(index + 4) {
                    add(index, day: day.value, month: next.value, year: year, through: index + 4)
                    return index + 5
                }
                // 2024/26 is neither one academic year nor a month.
                if separator == .slash, next.digits == 2 {
                    reject(index, through: index + 2)
                    return index + 3
                }
            }
            // "the academic year 2025" could be 2024/25 or 2025/26.
            if word(index - 1) == "year", let kind = word(index - 2), kind == "academic" || kind == "school", word(index + 1) != "to" {
                reject(index - 2, through: index)
                return index + 1
            }
            // "the Equality Act 2010", "the Specific Duties Regulations 2017": a law's name, not a date.
            if let before = word(index - 1), Self.lawWords.contains(before) { return index + 1 }
            add(index, from: .first(ofMonth: 1, year: year), to: .last(ofMonth: 12, year: year), bareYear: true)
            return index + 1
        }

        /// Words a year follows in the name of a law.
        private static let lawWords: [DateWord] = ["act", "acts", "regulations"]

        /// Whether the number at `at` is part of a word: `KS2`, `Y6`, `T6`.
        func glued(_ at: Int) -> Bool {
            kind(at - 1) == .word && touching(at - 1, at)
        }

        /// 14/11/2024, 14.11.2024, 14-11-2024, 1/9/24, 14 / 11 / 2024, 07/2026
        mutating func readNumeric(_ index: Int) -> Int? {
            guard let first = number(index), first.digits <= 2, !glued(index), let separator = kind(index + 1),
                  separator == .slash || separator == .dash || separator == .dot else { return nil }
            // The run of numbers joined by this separator, and whether any join has spaces.
            var last = index
            var spacedOut = false
            while kind(last + 1) == separator, number(last + 2) != nil {
                if touching(last, last + 2) {
                    last += 2
                } else if separator == .slash, spaced(last, last + 1), spaced(last + 1, last + 2) {
                    spacedOut = true
                    last += 2
                } else {
                    break
                }
            }
            let count = (last - index) / 2 + 1
            guard count >= 2 else { return nil }
            guard let year = number(last) else { return nil }
            // 1/2/3/4 and Years 10/11/12 are no date, and none is inside them either
            // (but "end of year 31/07/2026" is a day).
            if count > 3 || (year.digits != 4 && word(index - 1).map(Self.groupWords.contains) == true) {
                return count == 2 ? nil : last + 1
            }
            if count == 2 {
                // 07/2026 and 07-2026 are July 2026; 3/4, 24/7, 1/9 and 14/11 are no date.
                guard separator != .dot, year.digits == 4, !spacedOut, let value = DateMention.isYear(token(last)) else { return nil }
                if (1...12).contains(first.value) {
                    add(index, months: first.value, to: first.value, year: value)
                } else {
                    reject(index, through: last)
                }
                return last + 1
            }
            guard let month = number(index + 2), month.digits <= 2 else { return last + 1 }
            if year.digits == 2, separator == .dot {
                // 21.11.23 and 01.09.24, as a school dates a policy: a day when written with two
                // digits each and it can be one, else no date (never an unreadable one: 4.2.10
                // numbers a section).
                guard first.digits == 2, month.digits == 2, (1...12).contains(month.value),
                      (1...CalendarDay.daysIn(month: month.value, year: 2000 + year.value)).contains(first.value) else { return last + 1 }
            } else if year.digits != 4 && (year.digits != 2 || spacedOut) {
                return last + 1
            }
            add(index, day: first.value, month: month.value, year: year.digits == 2 ? 2000 + year.value : year.value, through: last)
            return last + 1
        }

        /// 31st July 2026, 1 Sept 25, 25 Jul '26, 25-Jul-26
        mutating func readDayMonth(_ index: Int) -> Int? {
            // "KS2 July 2026" names no day.
            guard let day = number(index), day.digits <= 2, !glued(index) else { return nil }
            var cursor = index + 1
            if let suffix = word(cursor), Self.ordinals.contains(suffix), touching(index, cursor) { cursor += 1 }
            // 25-Jul-26; otherwise only spaces part the day from the month ("25% July 2026" names no day).
            let dashed = kind(cursor) == .dash && touching(cursor - 1, cursor + 1)
            if dashed { cursor += 1 }
            guard let name = word(cursor), let month = DateReader.month(named: name), dashed || spaced(cursor - 1, cursor),
                  let year = yearAfterMonth(cursor, bare: true) else { return nil }
            add(index, day: day.value, month: month, year: year.value, through: year.next - 1)
            return year.next
        }

        /// July 2026, Sept. 2020, Jul-26, July '26, Sept 25, July 25, 2026
        mutating func readMonthFirst(_ index: Int) -> Int? {
            guard let name = word(index), let month = DateReader.month(named: name) else { return nil }
            // July 25, 2026 and July 25th 2026: a day, US style.
            if let day = number(index + 1), day.digits <= 2, spaced(index, index + 1, allowing: 0x2E) {
                var cursor = index + 2
                if let suffix = word(cursor), Self.ordinals.contains(suffix), touching(index + 1, cursor) { cursor += 1 }
                if let year = DateMention.isYear(token(cursor)), spaced(cursor - 1, cursor, allowing: 0x2C) {
                    add(index, day: day.value, month: month, year: year, through: cursor)
                    return cursor + 1
                }
            }
            // "on July 25" names a day; "may 25" may be a verb.
            let bare = word(index - 1) != "on" && (name != "may" || bytes[tokens[index].start] == 0x4D)
            guard let year = yearAfterMonth(index, bare: bare) else { return nil }
            add(index, months: month, to: month, year: year.value)
            return year.next
        }

        /// The year or academic year after a term (at `at`), as the calendar
        /// year the term falls in: Autumn 2024/25 is in 2024, Summer 2024/25 in 2025.
        func termYear(at: Int, inFirstYear: Bool) -> (value: Int, next: Int)? {
            if let academic = academicYear(at: at) { return (inFirstYear ? academic.first : academic.first + 1, academic.next) }
            return year(at: at)
        }

        /// Spring 2026, Summer term 2026, Autumn 1 2025, Summer 2025/26, Autumn 3 2025 (unreadable)
        mutating func readTerm(_ index: Int) -> Int? {
            guard let name = word(index), let term = DateReader.term(named: name) else { return nil }
            var cursor = index + 1
            if word(cursor) == "term" { cursor += 1 }
            var startMonth = term.start
            var endMonth = term.end
            var badHalf = false
            if let half = number(cursor), half.digits == 1 {
                switch half.value {
                case 1: endMonth = term.firstHalfEnd
                case 2: startMonth = term.firstHalfEnd
                default: badHalf = true
                }
                cursor += 1
            }
            if word(cursor) == "term" { cursor += 1 }
            guard let year = termYear(at: cursor, inFirstYear: name == "autumn") else { return nil }
            if badHalf {
                reject(index, through: year.next - 1)
            } else {
                add(index, months: startMonth, to: endMonth, year: year.value)
            }
            return year.next
        }

        /// Term 6 2026, T6 2026, Term 1 2025/26 (a six-term year), Term 7 2026 (unreadable)
        mutating func readSixTerm(_ index: Int) -> Int? {
            guard word(index) == "term" || (word(index) == "t" && touching(index, index + 1)), let term = number(index + 1), term.digits <= 2,
                  let year = termYear(at: index + 2, inFirstYear: term.value <= 2) else { return nil }
            if (1...6).contains(term.value) {
                let months = DateReader.sixTerms[term.value - 1]
                add(index, months: months.start, to: months.end, year: year.value)
            } else {
                reject(index, through: year.next - 1)
            }
            return year.next
        }

        /// Easter 2026, Easter holidays 2026: April. "Easter term" is the
        /// spring term in some schools and the summer term in others: unreadable.
        mutating func readEaster(_ index: Int) -> Int? {
            guard word(index) == "easter" else { return nil }
            var cursor = index + 1
            if let next = word(cursor), Self.holidayWords.contains(next) { cursor += 1 }
            let isTerm = word(cursor) == "term"
            if isTerm { cursor += 1 }
            guard let year = termYear(at: cursor, inFirstYear: false) else { return nil }
            if isTerm {
                reject(index, through: year.next - 1)
            } else {
                add(index, months: 4, to: 4, year: year.value)
            }
            return year.next
        }
    }
}

private extension String {
    /// Without spaces at either end.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
