import Foundation

/// A day in the Gregorian calendar, without time or time zone.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` exactly, or nil.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              text.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2D }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// The first day of a month.
    public static func first(ofMonth month: Int, year: Int) -> CalendarDay {
        CalendarDay(year: year, month: month, day: 1)
    }

    /// The last day of a month.
    public static func last(ofMonth month: Int, year: Int) -> CalendarDay {
        CalendarDay(year: year, month: month, day: daysIn(month: month, year: year))
    }

    /// Today in the machine's time zone.
    public static func today() -> CalendarDay {
        // The C library's local time: Foundation's Calendar costs about a
        // millisecond to set up, a tenth of checking one plan on save.
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return CalendarDay(year: 2000, month: 1, day: 1) }
        return CalendarDay(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same day some years later (29 February becomes 28 February).
    public func adding(years: Int) -> CalendarDay {
        let year = self.year + years
        return CalendarDay(year: year, month: month, day: min(day, Self.daysIn(month: month, year: year)))
    }

    /// The same day some months later or earlier (31 August less a month is 31 July; 31 March plus one is 30 April).
    public func adding(months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        return CalendarDay(year: newYear, month: newMonth, day: min(day, Self.daysIn(month: newMonth, year: newYear)))
    }

    /// Whole months from this day's month to another's (`Sep 2020` to `Aug 2024` is 47).
    public func months(until other: CalendarDay) -> Int {
        (other.year - year) * 12 + (other.month - month)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// How people read it: `31 August 2026`.
    public var spelledOut: String {
        "\(day) \(DateReader.monthNames[month - 1]) \(year)"
    }
}

/// The days a date expression covers. A deadline has an end; `Sept 2020 -
/// ongoing` has only a start; a recurring `Termly` has neither.
public struct DateSpan: Hashable, Sendable {
    public var start: CalendarDay?
    public var end: CalendarDay?

    public init(start: CalendarDay?, end: CalendarDay?) {
        self.start = start
        self.end = end
    }

    /// The length in years, counting whole months (`Sep 2025` to `Aug 2028` is 3).
    public var years: Double? {
        guard let start, let end else { return nil }
        return Double(start.months(until: end) + 1) / 12
    }
}

extension DateSpan {
    /// `September 2025 to July 2026`, as messages name a period (empty
    /// when either end is unknown).
    package var described: String {
        guard let start, let end else { return "" }
        return "\(DateReader.monthNames[start.month - 1]) \(start.year) to \(DateReader.monthNames[end.month - 1]) \(end.year)"
    }
}
