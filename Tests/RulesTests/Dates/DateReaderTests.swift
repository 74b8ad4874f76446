import Rules
import Testing

@Suite("Reading dates as schools write them")
struct DateReaderTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    @Test("periods and timescales", arguments: [
        ("July 2026", "2026-07-01", "2026-07-31"),
        ("Jan 2021 - July 2021", "2021-01-01", "2021-07-31"),
        ("By Sept 2020", "2020-09-01", "2020-09-30"),
        ("2025-26", "2025-09-01", "2026-08-31"),
        ("2024/2025", "2024-09-01", "2025-08-31"),
        ("2025-2028", "2025-09-01", "2028-08-31"),
        ("2020 -2024", "2020-09-01", "2024-08-31"),
        ("Sept 2019 \u{2013} Aug 2024", "2019-09-01", "2024-08-31"),
        ("Spring 2026", "2026-01-01", "2026-04-30"),
        ("Summer term 2026", "2026-04-01", "2026-07-31"),
        ("Autumn 2 2025", "2025-10-01", "2025-12-31"),
        ("2026-07-31", "2026-07-31", "2026-07-31"),
        ("2025-09 to 2028-08", "2025-09-01", "2028-08-31"),
        ("September 2025 to July 2026", "2025-09-01", "2026-07-31"),
        ("31st July 2026", "2026-07-31", "2026-07-31"),
        ("EQUALITY OBJECTIVES: 2020 - 2024", "2020-09-01", "2024-08-31"),
        ("Action Plans 2025-26", "2025-09-01", "2026-08-31"),
        ("2024", "2024-01-01", "2024-12-31"),
    ])
    func span(text: String, start: String, end: String) {
        #expect(DateReader.span(in: text) == DateSpan(start: Self.day(start), end: Self.day(end)))
    }

    @Test("no concrete end date", arguments: ["Sept 2020- ongoing", "From September 2025", "2025 onwards"])
    func openEnded(text: String) {
        let span = DateReader.span(in: text)
        #expect(span != nil && span?.end == nil)
    }

    @Test("no date at all", arguments: ["Ongoing", "Termly", "Half termly", "Annually", "Each year", "3 months", "6 months", "", "July"])
    func noDate(text: String) {
        #expect(DateReader.span(in: text) == nil)
    }

    @Test("a deadline in a sentence")
    func deadline() {
        #expect(DateReader.deadline(in: "Improve attendance to 95% by July 2027") == Self.day("2027-07-31"))
        #expect(DateReader.deadline(in: "Reduce the gap by the end of Summer 2026") == Self.day("2026-07-31"))
        #expect(DateReader.deadline(in: "Review the data from 2019") == nil)
        #expect(DateReader.deadline(in: "Reduce the gap by 10%") == nil)
    }

    @Test("period length and adding years")
    func arithmetic() {
        #expect(DateSpan(start: Self.day("2020-09-01"), end: Self.day("2024-08-31")).years == 4)
        #expect(DateSpan(start: Self.day("2020-09-01"), end: Self.day("2026-08-31")).years == 6)
        #expect(Self.day("2024-02-29").adding(years: 1) == Self.day("2025-02-28"))
        #expect(CalendarDay(iso: "2026-02-30") == nil)
        #expect(CalendarDay(iso: "26-01-01") == nil)
        #expect(Self.day("2026-07-31").spelledOut == "31 July 2026")
    }
}

extension DateReaderTests {
    @Test("impossible dates are no dates, not a vaguer one", arguments: [
        "2026-13-45", "2025-31-07", "2026-02-30", "31 February 2026", "30 February 2024", "2026-00",
        "ref 1234567892019", "0000000002020",
    ])
    func impossible(text: String) {
        #expect(DateReader.span(in: text) == nil)
    }
}
