@testable import EqlintText
import Foundation
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
        // A law's year is its name, not a date.
        ("in March 2026 under the Equality Act 2010", "2026-03-01", "2026-03-31"),
        ("in March 2026. They meet our duties under the Equality Act 2010.", "2026-03-01", "2026-03-31"),
        ("September 2025, as the Specific Duties Regulations 2017 require", "2025-09-01", "2025-09-30"),
        ("Children and Families Act 2014 duties, by July 2026", "2026-07-01", "2026-07-31"),
    ])
    func span(text: String, start: String, end: String) {
        #expect(DateReader.span(in: text) == DateSpan(start: Self.day(start), end: Self.day(end)))
    }

    @Test("no concrete end date", arguments: ["Sept 2020- ongoing", "From September 2025", "2025 onwards"])
    func openEnded(text: String) {
        let span = DateReader.span(in: text)
        #expect(span != nil && span?.end == nil)
    }

    @Test("no date at all", arguments: ["Ongoing", "Termly", "Half termly", "Annually", "Each year", "3 months", "6 months", "", "July",
                                        "the Equality Act 2010", "Equality Act 2010 (Specific Duties) Regulations 2011"])
    func noDate(text: String) {
        #expect(DateReader.span(in: text) == nil)
    }

    /// `read` passes over a text with no digit: reading its words finds no
    /// date there either, on every line of the examples and fixtures and on
    /// dates' words written without a year.
    @Test func noDigitNoDate() throws {
        var texts = ["July", "Spring term", "Summer term two", "Easter term", "Easter holidays", "Term six", "T six",
                     "the thirty-first of July", "Autumn - Spring", "Sept - July", "from September until July, ongoing", "’", "'"]
        let roots = [TestSupport.examplesDirectory, TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures")]
        for root in roots {
            let found = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = found?.nextObject() as? URL {
                guard ["md", "txt", "html"].contains(url.pathExtension) else { continue }
                texts += try String(decoding: Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
            }
        }
        let withoutDigits = texts.filter { !$0.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
        #expect(withoutDigits.count > 500)
        for text in withoutDigits {
            #expect(DateReader.readTokens(text) == .none, "\(text)")
            #expect(DateReader.read(text) == .none, "\(text)")
        }
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

// MARK: Dates as English schools write them, and never a guess

extension DateReaderTests {
    @Test("numeric dates are day first; a two-digit year is 20xx", arguments: [
        ("14/11/2024", "2024-11-14", "2024-11-14"),
        ("14.11.2024", "2024-11-14", "2024-11-14"),
        ("14-11-2024", "2024-11-14", "2024-11-14"),
        ("1/9/24", "2024-09-01", "2024-09-01"),
        ("01/09/2024", "2024-09-01", "2024-09-01"),
        ("31/07/26", "2026-07-31", "2026-07-31"),
        ("29/02/2024", "2024-02-29", "2024-02-29"),
        ("14 / 11 / 2024", "2024-11-14", "2024-11-14"),
        ("published: 14/11/2024", "2024-11-14", "2024-11-14"),
        ("Review: 31/07/2026", "2026-07-31", "2026-07-31"),
        ("1/9/2024 - 31/7/2025", "2024-09-01", "2025-07-31"),
        ("07/2026", "2026-07-01", "2026-07-31"),
        ("2026/07/31", "2026-07-31", "2026-07-31"),
        ("Date agreed by Governors: 21.11.23", "2023-11-21", "2023-11-21"),
        ("01.09.24", "2024-09-01", "2024-09-01"),
    ])
    func numeric(text: String, start: String, end: String) {
        #expect(DateReader.span(in: text) == DateSpan(start: Self.day(start), end: Self.day(end)))
        #expect(DateReader.read(text) == .date(DateSpan(start: Self.day(start), end: Self.day(end))))
    }

    @Test("academic years, terms, Easter and short years", arguments: [
        ("by the end of the academic year 2024/25", "2024-09-01", "2025-08-31"),
        ("2024/25", "2024-09-01", "2025-08-31"),
        ("2024 / 2025", "2024-09-01", "2025-08-31"),
        ("2024/2025", "2024-09-01", "2025-08-31"),
        ("end of Summer term 2025", "2025-04-01", "2025-07-31"),
        ("Autumn term 2024/25", "2024-09-01", "2024-12-31"),
        ("Summer 2024-25", "2025-04-01", "2025-07-31"),
        ("Term 1 2025", "2025-09-01", "2025-10-31"),
        ("Term 2 2025", "2025-11-01", "2025-12-31"),
        ("Term 3 2026", "2026-01-01", "2026-02-28"),
        ("Term 4 2026", "2026-02-01", "2026-04-30"),
        ("Term 5 2026", "2026-04-01", "2026-05-31"),
        ("Term 6 2026", "2026-06-01", "2026-07-31"),
        ("Term 6, 2026", "2026-06-01", "2026-07-31"),
        ("T6 2026", "2026-06-01", "2026-07-31"),
        ("Term 2 2025/26", "2025-11-01", "2025-12-31"),
        ("Term 6 2025/26", "2026-06-01", "2026-07-31"),
        ("Easter 2026", "2026-04-01", "2026-04-30"),
        ("Easter holidays 2026", "2026-04-01", "2026-04-30"),
        ("July '26", "2026-07-01", "2026-07-31"),
        ("July \u{2019}26", "2026-07-01", "2026-07-31"),
        ("Jul-26", "2026-07-01", "2026-07-31"),
        ("July-2026", "2026-07-01", "2026-07-31"),
        ("Sept 25", "2025-09-01", "2025-09-30"),
        ("Sep 25", "2025-09-01", "2025-09-30"),
        ("Sept. 25", "2025-09-01", "2025-09-30"),
        ("Sept 25 - July 26", "2025-09-01", "2026-07-31"),
        ("Sept 25 to Jul-26", "2025-09-01", "2026-07-31"),
        ("by July 25", "2025-07-01", "2025-07-31"),
        ("May 26", "2026-05-01", "2026-05-31"),
        ("Spring '26", "2026-01-01", "2026-04-30"),
    ])
    func schoolForms(text: String, start: String, end: String) {
        #expect(DateReader.read(text) == .date(DateSpan(start: Self.day(start), end: Self.day(end))))
    }

    @Test("a day and month with a year, either way round", arguments: [
        ("25 July 2026", "2026-07-25"),
        ("July 25, 2026", "2026-07-25"),
        ("July 25 2026", "2026-07-25"),
        ("July 25th, 2026", "2026-07-25"),
        ("Sept 25 2026", "2026-09-25"),
        ("1 Sept 25", "2025-09-01"),
        ("25 Jul '26", "2026-07-25"),
        ("25-Jul-26", "2026-07-25"),
        ("25-Jul-2026", "2026-07-25"),
        ("on 25 July 2026", "2026-07-25"),
    ])
    func dayAndMonth(text: String, day: String) {
        #expect(DateReader.read(text) == .date(DateSpan(start: Self.day(day), end: Self.day(day))))
    }

    @Test("a date written that cannot be read is reported as written", arguments: [
        ("31/13/2026", "31/13/2026"),
        ("07/31/2026", "07/31/2026"),
        ("31/02/2026", "31/02/2026"),
        ("32/01/2026", "32/01/2026"),
        ("29/02/2025", "29/02/2025"),
        ("0/1/2026", "0/1/2026"),
        ("14.13.2024", "14.13.2024"),
        ("31/04/25", "31/04/25"),
        ("13/2026", "13/2026"),
        ("2026-13", "2026-13"),
        ("2026-13-45", "2026-13-45"),
        ("2026-02-30", "2026-02-30"),
        ("2026/02/30", "2026/02/30"),
        ("31 February 2026", "31 February 2026"),
        ("32 January 2026", "32 January 2026"),
        ("February 30, 2026", "February 30, 2026"),
        ("31st June '26", "31st June '26"),
        ("Published:  31/13/2026 (draft)", "31/13/2026"),
        ("Sept 2025 to 31/02/2026", "31/02/2026"),
        ("Autumn 3 2025", "Autumn 3 2025"),
        ("Term 7 2026", "Term 7 2026"),
        ("Easter term 2026", "Easter term 2026"),
        ("the academic year 2025", "academic year 2025"),
        ("2024/26", "2024/26"),
    ])
    func unreadable(text: String, written: String) {
        #expect(DateReader.read(text) == .unreadable(written))
        #expect(DateReader.span(in: text) == nil)
    }

    @Test("numbers that are not dates", arguments: [
        "01234 567890", "Year 6", "3/4 of pupils", "50/50", "KS2", "10.5%", "2 out of 3", "1.2.3", "24/7",
        "1/9", "14/11", "by 1/9", "Years 10/11/12", "Y10/11/12", "1/2/3/4", "see paragraph 4.2.10", "4.2.10", "31.02.24", "10.13.25", "9.00-10.30",
        "1:1 support", "Grade 4/5", "1-2-1 sessions", "Years 5-6", "Term 6", "Easter", "Summer 2",
        "on 25 July", "on July 25", "July 25th", "By July, 25 pupils will read daily", "July 30 pupils",
        "25% July", "may 25", "Staff may 25", "Reduce the gap by 10%", "3 months",
    ])
    func notDates(text: String) {
        #expect(DateReader.read(text) == .none)
        #expect(DateReader.span(in: text) == nil)
    }

    @Test("a day-first date, not the whole year or a swapped one")
    func noLongerGuessed() {
        #expect(DateReader.span(in: "published: 14/11/2024")?.end == Self.day("2024-11-14"))
        #expect(DateReader.span(in: "31/07/2026")?.end == Self.day("2026-07-31"))
        #expect(DateReader.span(in: "30% July 2026") == DateSpan(start: Self.day("2026-07-01"), end: Self.day("2026-07-31")))
        #expect(DateReader.span(in: "From 1/9/2024") == DateSpan(start: Self.day("2024-09-01"), end: nil))
        #expect(DateReader.span(in: "End of year 31/07/2026") == DateSpan(start: Self.day("2026-07-31"), end: Self.day("2026-07-31")))
        #expect(DateReader.span(in: "KS2 July 2026") == DateSpan(start: Self.day("2026-07-01"), end: Self.day("2026-07-31")))
        // The calendar year a term falls in, from an academic year.
        #expect(DateReader.span(in: "Spring 2026-27") == DateSpan(start: Self.day("2027-01-01"), end: Self.day("2027-04-30")))
    }

    @Test("deadlines as schools write them", arguments: [
        ("Close the gap by the end of the academic year 2024/25", "2025-08-31"),
        ("Every pupil has a reading buddy by Term 6 2026", "2026-07-31"),
        ("Audit the library by Easter 2026", "2026-04-30"),
        ("Train all staff by 31/07/2026", "2026-07-31"),
        ("Reduce exclusions by the end of Summer term 2025", "2025-07-31"),
        ("Publish the accessibility plan before Jul-26", "2026-07-31"),
        ("Review the curriculum by July '26", "2026-07-31"),
        ("Improve attendance until the end of the school year 2025-26", "2026-08-31"),
    ])
    func schoolDeadline(text: String, day: String) {
        #expect(DateReader.deadline(in: text) == Self.day(day))
    }

    @Test("no deadline", arguments: [
        "Train all staff by 31/02/2026", "Close the gap by 1/9", "Reduce the gap by 3/4", "Raise attainment by 10.5%",
        "Review the data from 14/11/2024",
    ])
    func noDeadline(text: String) {
        #expect(DateReader.deadline(in: text) == nil)
    }
}
