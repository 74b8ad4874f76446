import Foundation
import EqlintPlan
import EqlintText
import Rules
import Testing

/// Issue 13, "False alarms and misses": what a new user found eqlint
/// reporting wrongly, or not reporting, on plans written the way schools
/// write them.
@Suite("False alarms and misses")
struct FalseAlarmsAndMissesTests {

    // MARK: Reading ease

    @Test("reading ease is judged only on a version of 30 words or more")
    func readingEaseNeedsWords() {
        for short in [
            "We will celebrate different cultures and religions.",
            "Everyone is welcome here, whatever they believe.",
            "Every child should be able to get to every room.",
        ] {
            #expect(TestSupport.lint("## Objective 1\n\n**Child-friendly version:** \(short)\n", rules: ["child-friendly-readability"]).isEmpty,
                    "\(short)")
        }
        let long = """
            ## Objective 1

            ### Child-friendly version

            We want every pupil to understand that families are different. Some families celebrate different religious \
            festivals, and some communities have different traditions. We will learn about these celebrations together \
            in assemblies and lessons.
            """
        let findings = TestSupport.lint(long, rules: ["child-friendly-readability"])
        #expect(findings.map(\.message) == [
            "This child-friendly version may be hard for a child to read: a reading-ease score of 21 (at least 70 is easy for a child; use shorter words and sentences)",
        ])
    }

    @Test("a score shown as 70 meets a minimum of 70: the message never contradicts itself")
    func readingEaseBoundary() {
        // Scores 69.5, which the message would show as 70.
        let text = "We want every child to feel safe at school. We will listen to what children tell us. Some pupils have told us that "
            + "playtimes can be difficult. Adults will help children who feel left out. Everybody deserves friendly classmates. "
            + "Tell a teacher if something happens."
        #expect(TestSupport.lint("## Objective 1\n\n**Child-friendly version:** \(text)\n", rules: ["child-friendly-readability"]).isEmpty)
    }

    // MARK: Small numbers

    @Test("a small count is found at the start of a paragraph after a heading, and after a word of time")
    func smallCountsAfterHeadingsAndTimes() {
        let plan = """
            ## Objective 1: Reduce exclusions of disabled pupils

            ### Why we have chosen this objective

            3 disabled pupils were excluded last year.

            ### Context
            2 girls in Year 6 chose the computing club.

            Last year 4 pupils with an EHCP were persistently absent. In the previous academic year 2 Traveller children left.

            ## Objective 2: Reading in Key Stage 1

            Every Year 2 child has a reading buddy, and Year 3 pupils read daily. Last year, Year 4 pupils read more books.
            Reading ages of the pupils in Year
            3 rose by six months.
            """
        let found = TestSupport.lint(plan, rules: ["small-numbers"]).map(\.faultText)
        #expect(found == ["3 disabled pupils", "2 girls", "4 pupils", "2 Traveller children"])
    }

    // MARK: Aims

    @Test("the Act's own words for the aims count, s.149(1) to (5)", arguments: [
        "Tackle prejudice and promote understanding",
        "Removing or minimising disadvantages suffered by disabled pupils",
        "Take steps to meet the needs of pupils with SEND that are different from those of other pupils",
        "Encourage participation in clubs where it is disproportionately low",
        "Eliminate discrimination, harassment, victimisation and any other conduct prohibited by the Act",
        "Advance equality",
        "Promote good relations between pupils of different faiths",
    ])
    func aimsInTheActsWords(aim: String) {
        let plan = "## Objective 1: Girls in the school football team\n\n**Aim:** \(aim)\n\n**Lead:** PE Leader\n"
        #expect(TestSupport.lint(plan, rules: ["objective-aim"]).isEmpty, "\(aim)")
    }

    @Test("an aim line that names no aim is quoted back, at that line; with none, the objective is named")
    func aimReadIsNamed() {
        let plan = """
            ## Objective 1: Step-free access to the library

            **PSED aim:** Removing barriers

            ## Objective 2: Reduce racist incidents

            **Lead:** Headteacher
            """
        let findings = TestSupport.lint(plan, rules: ["objective-aim"])
        #expect(findings.map(\.message) == [
            "Objective 1 gives its aim as \u{201C}Removing barriers\u{201D}, which is not one of the three aims of the equality duty",
            "Objective 2 does not say which aim of the equality duty it serves",
        ])
        #expect(findings.map(\.range.start.line) == [3, 5])
    }

    // MARK: Timescales and evaluations

    @Test("a deadline after 'from 89% to 94%' is an end date, in a heading or a timescale")
    func deadlineAfterFigures() {
        let plan = """
            ## Objective 1: Raise attendance of disabled pupils from 89% to 94% by July 2027

            **Timescale:** September 2025 to July 2027

            ## Objective 2: Cut persistent absence

            **Timescale:** Persistent absence falls from 18% to 12% before Easter 2027
            """
        #expect(TestSupport.lint(plan, rules: ["timescale-end-date"]).isEmpty)
        #expect(DateReader.span(in: "Raise attendance from 89% to 94% by July 2027")?.end == CalendarDay(year: 2027, month: 7, day: 31))
        #expect(DateReader.span(in: "From September 2025")?.end == nil)
        #expect(DateReader.span(in: "Starting in the spring term 2026")?.end == nil)
    }

    @Test("a review date under an evaluation label records no progress")
    func reviewDateIsNoEvaluation() {
        let due = """
            ## Objective 1: Raise attendance of disabled pupils by July 2026

            **Review:** July 2025

            ## Objective 2: Reduce racist incidents by March 2026

            **Monitoring:** Termly; next review Summer term 2026

            ## Objective 3: Girls in computing club by July 2026

            **Review:** July 2026 \u{2013} 14 girls joined, against a target of 12
            """
        let findings = TestSupport.lint(due, rules: ["evaluation-due"])
        #expect(findings.map(\.range.start.line) == [1, 5])
    }

    // MARK: Acronyms and leads

    @Test("an acronym defined in brackets after its words counts, with a year or in quotes")
    func acronymInBrackets() {
        let plan = """
            # Equality objectives

            We meet our duties under The Equality Act 2010 (EA 2010) and the Public Sector Equality Duty ("PSED").
            The EA and the PSED apply to every school. Our CEO, pupils with ADHD and our LGBTQ+ group helped write them.
            """
        #expect(TestSupport.lint(plan, rules: ["acronym-undefined"]).isEmpty)
        let late = TestSupport.lint("# Plan\n\nThe EA applies. The Equality Act 2010 (EA 2010) is the law.\n", rules: ["acronym-undefined"])
        #expect(late.map(\.faultText) == ["EA"])
    }

    @Test("a lead's abbreviation spelt out anywhere in the plan, or in a glossary of any common name, is explained; TBC is a placeholder")
    func leadsExplainedInThePlan() {
        let plan = """
            ## Objective 1: Reduce racist incidents

            **Lead:** DoL and PSA

            The Director of Learning (DoL) reviews every incident. Our PSA (Parent Support Adviser) meets each family.

            ## Objective 2: Girls in computing

            **Lead:** HoC

            ## Objective 3: Step-free access

            **Lead:** TBC

            ## Glossary of abbreviations

            | Abbreviation | Meaning |
            |---|---|
            | HoC | Head of Computing |
            """
        #expect(TestSupport.lint(plan, rules: ["lead-initials"]).isEmpty)
        #expect(TestSupport.lint(plan, rules: ["placeholder-text"]).map(\.faultText) == ["TBC"])
        #expect(TestSupport.lint("## Objective 1\n\n**Lead:** TBC, then DoL\n", rules: ["lead-initials"]).map(\.message)
            == ["The lead uses initials or abbreviations the plan does not explain: \u{201C}DoL\u{201D}"])
    }

    // MARK: New rules

    @Test("a review date that has passed, in the front matter or the text")
    func reviewDatePassed() {
        let today = CalendarDay(year: 2026, month: 12, day: 2)
        let front = TestSupport.lint("---\nreview: 2026-07\n---\n# Equality objectives 2025-2028\n", rules: ["review-date-passed"], today: today)
        #expect(front.map(\.message) == [
            "The plan says it will be reviewed by 31 July 2026, and that date has passed: record the review and give the date of the next one",
        ])
        let text = TestSupport.lint("# Equality objectives 2024-2027\n\nApproved by governors in October 2024. Next review: Autumn 2025.\n",
                                    rules: ["review-date-passed"], today: today)
        #expect(text.map(\.faultText) == ["Autumn 2025."])
        #expect(TestSupport.lint("# Equality objectives 2025-2028\n\nNext review: Summer 2027.\n", rules: ["review-date-passed"], today: today).isEmpty)
    }

    @Test("a publication date in the future")
    func publicationInFuture() {
        let today = CalendarDay(year: 2026, month: 12, day: 2)
        #expect(TestSupport.lint("---\npublished: 2027-09-01\n---\n# Equality objectives\n", rules: ["publication-date-future"], today: today)
            .map(\.message) == ["The plan gives its publication date as 1 September 2027, which is in the future: check the year, or give the date the plan was published"])
        #expect(TestSupport.lint("# Equality objectives 2026-2029\n\nPublished: 2 December 2026\n", rules: ["publication-date-future"], today: today).isEmpty)
    }

    @Test("the same objective number used twice, but not an objective named again in a progress section")
    func objectiveNumberRepeated() {
        let plan = """
            ## Objective 1: Improve attendance of disabled pupils

            ## Objective 2: Reduce racist incidents

            ## Objective 2: Close the gap for girls in maths

            ## Progress

            Objective 1: attendance rose from 89% to 92%.
            """
        let findings = TestSupport.lint(plan, rules: ["objective-number-repeated"])
        #expect(findings.map(\.message) == ["Two objectives are numbered 2: this one and the one on line 3"])
        #expect(findings.map(\.range.start.line) == [5])
    }

    @Test("equality information dated more than a year ago; none given is not reported")
    func equalityInformation() {
        let today = CalendarDay(year: 2026, month: 12, day: 2)
        let old = TestSupport.lint("# Equality objectives 2024-2027\n\nEquality information last updated: September 2025.\n",
                                   rules: ["equality-information-due"], today: today)
        #expect(old.map(\.message) == [
            "The plan dates its equality information to 30 September 2025, more than a year ago: equality information must be published again at least once a year",
        ])
        let plan = TestSupport.parse("# Equality objectives 2024-2027\n\nWe published our equality information in January 2026. Published: September 2024.\n")
        #expect(plan.equalityInformation?.span.start == CalendarDay(year: 2026, month: 1, day: 1))
        #expect(plan.published?.span.start == CalendarDay(year: 2024, month: 9, day: 1))
        #expect(TestSupport.lint("# Equality objectives 2024-2027\n\nOur equality information is on our website.\n",
                                 rules: ["equality-information-due"], today: today).isEmpty)
    }

    @Test("a template's bracketed instruction is quoted whole, brackets and all; a link's brackets are still markup")
    func bracketedInstruction() {
        let findings = TestSupport.lint("# Equality objectives\n\nGovernors approved them on [Insert the date here].\n", rules: ["placeholder-text"])
        #expect(findings.map(\.message) == [
            "\u{201C}[Insert the date here]\u{201D} is left over from a template (template instruction): replace it with the real text",
        ])
        let bytes = Array("See [our policy](https://example.org) and [this] too; [unclosed".utf8)
        #expect(InlineText.plain(bytes, 0..<bytes.count) == "See our policy and [this] too; [unclosed")
    }
}
