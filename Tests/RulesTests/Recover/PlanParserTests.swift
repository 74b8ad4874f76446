import EqlintPlan
import EqlintText
import Testing

/// Every way plan-format.md allows a field, objective or section to be
/// written, and the exact place each value is read from.
@Suite("Plan parser")
struct PlanParserTests {
    func loc(_ line: Int, _ column: Int) -> EqlintText.SourceLocation { EqlintText.SourceLocation(line: line, column: column) }

    func entries(_ plan: Plan, _ field: FieldName, objective: Int = 0) -> [String] {
        plan.objectives[objective].entries(of: field).map(\.text)
    }

    // MARK: Objectives

    @Test("objective headings at any level, with a number, a word or none")
    func objectiveHeadings() {
        let plan = TestSupport.parse("""
            # Equality objectives
            ## Objective 1: Improve attendance of pupils with SEND
            ### Objective 2
            #### Objective three \u{2013} Foster good relations
            ## Objectives for next year
            ## Objective: Reduce bullying
            """)
        #expect(plan.objectives.map(\.number) == ["1", "2", "3", nil])
        #expect(plan.objectives.map(\.title) == ["Improve attendance of pupils with SEND", "", "Foster good relations", "Reduce bullying"])
        #expect(plan.objectives[0].anchor.start == loc(2, 4))
        #expect(plan.objectives[2].anchor.start == loc(4, 6))
        #expect(plan.objectives[0].name == "Objective 1")
        #expect(plan.objectives[3].name == "Objective \u{201C}Reduce bullying\u{201D}")
    }

    @Test("a section runs to the next heading of the same or a higher level")
    func sectionExtent() {
        let plan = TestSupport.parse("""
            ## Objective 1: Attendance
            ### Lead
            Deputy Headteacher
            ## Impact statement
            Lead: Someone else
            """)
        #expect(entries(plan, "lead") == ["Deputy Headteacher"])
    }

    @Test("setext headings are headings; fenced code is not read")
    func setextAndCode() {
        let plan = TestSupport.parse("""
            Objective 1: Attendance
            -----------------------
            ```
            ## Objective 2: not real
            Lead: nobody
            ```
            Lead: Headteacher
            """)
        #expect(plan.objectives.count == 1)
        #expect(entries(plan, "lead") == ["Headteacher"])
    }

    // MARK: Label lines

    @Test("label lines: plain, bold with the colon inside or outside, list item, italic", arguments: [
        ("Lead: Head of School", 7),
        ("**Lead:** Head of School", 11),
        ("**Lead**: Head of School", 11),
        ("__Lead:__ Head of School", 11),
        ("- Lead: Head of School", 9),
        ("* **Lead:** Head of School", 13),
        ("*Lead:* Head of School", 9),
        ("Who is responsible? Head of School", 21),
        ("Lead Person/ Responsibility: Head of School", 30),
    ])
    func labelLine(line: String, column: Int) {
        let plan = TestSupport.parse("## Objective 1\n\n\(line)\n")
        let lead = plan.objectives[0].entries(of: "lead")
        #expect(lead.map(\.text) == ["Head of School"])
        #expect(lead.first?.location == loc(3, column))
    }

    @Test("a label line's value runs on over the following lines up to a blank line")
    func multiLineValue() {
        let plan = TestSupport.parse("""
            ## Objective 1
            **Lead:** Head of School
            with the SENCo
            **Timescale:** July 2026

            Not part of the timescale.
            """)
        #expect(entries(plan, "lead") == ["Head of School with the SENCo"])
        #expect(entries(plan, "timescale") == ["July 2026"])
        #expect(plan.objectives[0].fields["lead"]?.entries.first?.range.end == loc(3, 15))
    }

    @Test("who monitors an objective is its own field, not more of the lead")
    func oversightIsNotTheLead() {
        let text = """
            Objective 1: To reduce the number of racist incidents reported by pupils.
            Lead: Deputy Headteacher
            Monitored by: Standards Committee
            Link governor: Mrs Patel
            Timescale: By July 2026
            """
        let plan = PlanParser(vocabulary: TestSupport.builtInRuleSet.vocabulary).parse(SourceFile(path: "plan.txt", text: text))
        #expect(entries(plan, "lead") == ["Deputy Headteacher"])
        #expect(entries(plan, "oversight") == ["Standards Committee", "Mrs Patel"])
        #expect(entries(plan, "timescale") == ["By July 2026"])
    }

    @Test("a document-control block's date is the fact the line above it names; under any other line it is nobody's")
    func documentControlDate() {
        // Read as Markdown when it is written as Markdown, else as a text file.
        func dates(_ lines: [String]) -> (approved: String?, review: String?) {
            let path = lines[0].hasPrefix("#") ? "plan.md" : "plan.txt"
            let plan = PlanParser(vocabulary: TestSupport.builtInRuleSet.vocabulary)
                .parse(SourceFile(path: path, text: lines.joined(separator: "\n")))
            return (plan.approved?.source.text, plan.review?.source.text)
        }
        let block = ["Oakfield Primary School", "Equality Objectives 2024-2028", "", "Policy owner:\tHeadteacher",
                     "Approved by:\tFull Governing Body", "Date:\t14 March 2024", "Review date:\tMarch 2027"]
        #expect(dates(block) == ("14 March 2024", "March 2027"))
        // In Markdown the lines run on as one paragraph: the date is still only its own line's.
        #expect(dates(["# Equality objectives", "", "Approved by: Full Governing Body", "Date: 14 March 2024", "Review date: March 2027"])
            == ("14 March 2024", "March 2027"))
        #expect(dates(["# Equality objectives", "", "| Policy owner | Headteacher |", "|---|---|", "| Ratified by | Governors |",
                       "| Date | 14/03/2024 |", "| Review date | March 2027 |"]) == ("14/03/2024", "| March 2027 |"))
        // The owner is not the approval, and a line that has its own date gives none to the line below.
        #expect(dates(["Policy owner:\tHeadteacher", "Date:\t14 March 2024"]).approved == nil)
        #expect(dates(["Approved: 1 March 2024", "Date: 14 March 2024"]).approved == "1 March 2024")
    }

    @Test("a label eqlint does not know that names a field's subject ends the value above it; a part of the value does not")
    func unknownFieldLabelEndsValue() {
        let text = """
            Objective 1: Raise the attendance of pupils with SEND
            Timeframe: By July 2026
            Impact measure: The gap falls from 5.1 points in 2023-24 to under 2.
            Success criteria: By July 2026:
            Reading: 80% of pupils with SEND reach the expected standard
            Writing: 75% of pupils with SEND reach the expected standard
            """
        let plan = PlanParser(vocabulary: TestSupport.builtInRuleSet.vocabulary)
            .parse(SourceFile(path: "plan.md", text: text), notingUnplaced: true)
        #expect(entries(plan, "timescale") == ["By July 2026"])
        #expect(plan.unplaced.map(\.label) == ["Impact measure"])
        #expect(entries(plan, "success") == [
            "By July 2026: Reading: 80% of pupils with SEND reach the expected standard Writing: 75% of pupils with SEND reach the expected standard",
        ])
    }

    @Test("a label with no value takes the list or paragraph after it")
    func labelWithBody() {
        let plan = TestSupport.parse("""
            ## Objective 1

            To achieve this objective, we plan to:

            - Design a learning offer
            - Monitor attendance

            Why we have chosen this objective:

            Attendance fell after the pandemic.
            """)
        #expect(entries(plan, "actions") == ["Design a learning offer", "Monitor attendance"])
        #expect(entries(plan, "rationale") == ["Attendance fell after the pandemic."])
        #expect(plan.objectives[0].fields["actions"]?.entries[1].location == loc(6, 3))
    }

    @Test("a line that is only a label opens that field")
    func loneLabel() {
        let plan = TestSupport.parse("## Objective 1\n\nRationale\n\nOur data shows a gap.\n")
        #expect(entries(plan, "rationale") == ["Our data shows a gap."])
    }

    @Test("labels match ignoring case, punctuation, spacing and a trailing (s)")
    func labelMatching() {
        let plan = TestSupport.parse("""
            ## Objective 1
            WHO'S RESPONSIBLE?: SENCo
            Target Group(s): girls
            time-frame: July 2026
            """)
        #expect(entries(plan, "lead") == ["SENCo"])
        #expect(entries(plan, "groups") == ["girls"])
        #expect(entries(plan, "timescale") == ["July 2026"])
    }

    @Test("an unknown label is ordinary text")
    func unknownLabel() {
        let plan = TestSupport.parse("## Objective 1\nNote: this is not a field\n")
        #expect(plan.objectives[0].fields.keys.sorted() == [])
        #expect(plan.objectives[0].text.map(\.text) == ["Note: this is not a field"])
    }

    // MARK: Sub-headings

    @Test("a sub-heading field with a list: each item is one entry")
    func subHeadingList() {
        let plan = TestSupport.parse("""
            ## Objective 1

            ### Success criteria

            - Attendance rises to 95%
            - Gap closes by 5 points,
              measured each term
            * Third

            ### Child-friendly version

            We want everyone to come to school.
            Every day.
            """)
        #expect(entries(plan, "success") == ["Attendance rises to 95%", "Gap closes by 5 points, measured each term", "Third"])
        #expect(plan.objectives[0].fields["success"]?.entries.map(\.location) == [loc(5, 3), loc(6, 3), loc(8, 3)])
        #expect(plan.objectives[0].fields["success"]?.label.start == loc(3, 5))
        #expect(entries(plan, "child") == ["We want everyone to come to school. Every day."])
    }

    @Test("a sub-heading field's paragraphs are entries, up to the next heading of its level")
    func subHeadingParagraphs() {
        let plan = TestSupport.parse("""
            ## Objective 1
            ### Rationale
            First reason.

            Second reason.
            #### Detail
            Third.
            ### Evaluation
            Too early to say.
            """)
        #expect(entries(plan, "rationale") == ["First reason.", "Second reason.", "Third."])
        #expect(entries(plan, "evaluation") == ["Too early to say."])
    }

    // MARK: Tables

    @Test("an action table: each row is an action with its own fields")
    func actionTable() {
        let plan = TestSupport.parse("""
            ## Objective 1: Reduce the gap

            | Action | Person responsible | Resources needed | Time frame | Success criteria |
            |---|---|---|---|---|
            | Analyse data | Director of Education | Time | 3 months | Analysis shared by December 2023 |
            | Train staff | CPD Lead<br>HR Officers | Budget | | Gap falls by 10% |
            """)
        let actions = plan.objectives[0].actions
        #expect(actions.count == 2)
        #expect(actions[0].fields["actions"]?.entries.map(\.text) == ["Analyse data"])
        #expect(actions[1].fields["lead"]?.entries.map(\.text) == ["CPD Lead", "HR Officers"])
        #expect(actions[1].fields["lead"]?.entries.map(\.location) == [loc(6, 17), loc(6, 29)])
        #expect(actions[1].fields["timescale"] == nil)
        #expect(actions[0].fields["timescale"]?.entries.first?.location == loc(5, 49))
        #expect(entries(plan, "success") == ["Analysis shared by December 2023", "Gap falls by 10%"])
    }

    @Test("a plan-level table with an Objective column makes one objective per row")
    func objectivesTable() {
        let plan = TestSupport.parse("""
            # Equality objectives 2020 - 2024

            | Link to PSED | Protected characteristic | Objective: | Target group(s): e.g. whole school, girls | Who's responsible? | Dates from and to: |
            |---|---|---|---|---|---|
            | All aims of duty | All | Increase diversity on the School Council | Pupils | SLT | Jan 2021 - July 2021 |
            | Advance equality of opportunity | Disability | Improve social skills | SEMH pupils | SENCo | Sept 2020- ongoing |
            | | | | | Headteacher | Annually |
            """)
        #expect(plan.objectives.map(\.title) == ["Increase diversity on the School Council", "Improve social skills"])
        #expect(plan.objectives[0].anchor.start == loc(5, 28))
        #expect(entries(plan, "aim", objective: 0) == ["All aims of duty"])
        #expect(entries(plan, "groups", objective: 0) == ["Pupils"])
        #expect(entries(plan, "lead", objective: 1) == ["SENCo", "Headteacher"])
        #expect(entries(plan, "timescale", objective: 1) == ["Sept 2020- ongoing", "Annually"])
        #expect(plan.objectives[1].name == "Objective \u{201C}Improve social skills\u{201D}")
    }

    @Test("a pipe escaped with a backslash stays in its cell")
    func escapedPipe() {
        let plan = TestSupport.parse("## Objective 1\n| Action | Lead |\n|---|---|\n| Read A \\| B | SENCo |\n")
        #expect(plan.objectives[0].actions[0].fields["actions"]?.entries.map(\.text) == ["Read A | B"])
    }

    // MARK: Plan-level sections

    @Test("front matter, period and publication date")
    func frontMatter() {
        let plan = TestSupport.parse("""
            ---
            School: Soke Primary School
            period: 2023-09 to 2026-08
            published: "2023-10-02"
            ---
            # Equality objectives 2020-2021
            """)
        #expect(plan.frontMatter["school"]?.text == "Soke Primary School")
        #expect(plan.period?.span == DateSpan(start: CalendarDay(iso: "2023-09-01"), end: CalendarDay(iso: "2026-08-31")))
        #expect(plan.period?.source.location == loc(3, 9))
        #expect(plan.published?.span.start == CalendarDay(iso: "2023-10-02"))
        #expect(plan.published?.source.location == loc(4, 13))
        #expect(plan.title?.text == "Equality objectives 2020-2021")
    }

    @Test("the period comes from the title when front matter gives none")
    func periodFromTitle() {
        let plan = TestSupport.parse("Section 3\n\n# EQUALITY OBJECTIVES: 2020 - 2024\n")
        #expect(plan.period?.span == DateSpan(start: CalendarDay(iso: "2020-09-01"), end: CalendarDay(iso: "2024-08-31")))
        #expect(plan.period?.source.location == loc(3, 3))
    }

    @Test("a Glossary in three forms")
    func glossary() {
        let plan = TestSupport.parse("""
            ## Glossary
            HP: Head of School
            - **NO** \u{2013} Office manager
            | Term | Meaning |
            |---|---|
            | KH | Key stage lead |
            """)
        #expect(plan.glossary.keys.sorted() == ["HP", "KH", "NO"])
        #expect(plan.glossary["NO"]?.text == "Office manager")
    }

    @Test("a plan-level child-friendly section, by number, by title and by sub-heading")
    func childFriendlySection() {
        let plan = TestSupport.parse("""
            ## Objective 1: Improve attendance
            ## Objective 2: Reduce bullying
            ## Objective 3: Celebrate languages
            ## Child-friendly version
            - Objective 2: We want everyone to be kind.
            ### Objective 3
            We will learn words from each other's languages.
            ### Improve attendance
            We want everyone in school every day.
            """)
        #expect(entries(plan, "child", objective: 0) == ["We want everyone in school every day."])
        #expect(entries(plan, "child", objective: 1) == ["We want everyone to be kind."])
        #expect(entries(plan, "child", objective: 2) == ["We will learn words from each other's languages."])
        #expect(plan.objectives.count == 3)
    }

    @Test("loose lines before a label line, two columns of one field, a child-friendly fact and a progress heading read as before")
    func paragraphRunsAndSharedColumns() {
        // What the parser read of this plan before the paragraph's loose lines were read as a run
        // of its lines, a table cell's entries were added to its field in place, and a child-friendly
        // paragraph's value was made once.
        let plan = TestSupport.parse("""
            ## Objective 1: Improve attendance

            Some loose words here
            that run on.
            Rationale: Attendance fell last year
            and more so for boys.
            Lead: Headteacher

            | Action | Person responsible | Lead |
            |---|---|---|
            | Train staff | CPD Lead<br>HR Officers | Head |

            ## Child-friendly version

            Objective 1: We want everyone in school every day.

            These objectives were approved by governors on 3 March 2025.

            ## Monitoring and progress, July 2026

            Objective 1

            Attendance rose to 93%.
            """)
        #expect(plan.objectives.count == 1)
        #expect(plan.objectives[0].text.map(\.text).contains("Some loose words here that run on."))
        #expect(entries(plan, "rationale") == ["Attendance fell last year and more so for boys."])
        #expect(plan.objectives[0].entries(of: "rationale").first?.location == loc(5, 12))
        #expect(plan.objectives[0].fields["lead"]?.entries.map(\.text) == ["Headteacher"])
        #expect(entries(plan, "lead") == ["Headteacher", "CPD Lead", "HR Officers", "Head"])  // its own and its action's
        #expect(plan.objectives[0].actions.first?.fields["lead"]?.entries.map(\.text) == ["CPD Lead", "HR Officers", "Head"])
        #expect(entries(plan, "child") == ["We want everyone in school every day."])
        #expect(entries(plan, "evaluation") == ["Attendance rose to 93%."])
        #expect(plan.approved?.origin == .text)
        #expect(plan.approved?.source.location.line == 17)
    }

    // MARK: Meaning

    @Test("a deadline in the objective's statement is a timescale for it: the deadline, not the statement's other dates")
    func deadlineInStatement() {
        let plan = TestSupport.parse("## Objective 1: Raise attendance to 95% by July 2027\n")
        #expect(entries(plan, "timescale") == ["by July 2027"])
        #expect(plan.objectives[0].entries(of: "timescale").first?.location == loc(1, 41))
        let ranged = TestSupport.parse("## Objective 1: Raise attendance of disabled pupils from 89% in 2025/26 to 94% by July 2027\n")
        #expect(entries(ranged, "timescale") == ["by July 2027"])
        #expect(TestSupport.lint("## Objective 1: Raise attendance of disabled pupils from 89% in 2025/26 to 94% by July 2027\n",
                                 rules: ["timescale-order", "timescale-end-date"]).isEmpty)
    }

    @Test("the aim can be found anywhere in the objective's own text")
    func objectiveText() {
        let plan = TestSupport.parse("""
            We foster good relations.
            ## Objective 1: Reduce bullying (Duty: Eliminate discrimination)
            ### Why
            Our surveys show it.
            """)
        #expect(plan.objectives[0].text.map(\.text) == ["Reduce bullying (Duty: Eliminate discrimination)", "Our surveys show it."])
    }

    @Test("CRLF, a byte-order mark and tabs give the positions an editor shows")
    func crlfAndBOM() throws {
        let text = "\u{FEFF}## Objective 1\r\n\r\n**Lead:**\t\tHead\u{2013}teacher\r\n"
        let plan = TestSupport.parse(text)
        let lead = plan.objectives[0].entries(of: "lead")
        #expect(lead.map(\.text) == ["Head\u{2013}teacher"])
        #expect(lead.first?.location == loc(3, 12))
        #expect(plan.objectives[0].anchor.start == loc(1, 4))
    }

    @Test("markup is removed from values: links, code, entities, tags")
    func markup() {
        let plan = TestSupport.parse("## Objective 1\nLead: [Head](https://x.example) `SENCo` &amp; <em>DSL</em>\n")
        #expect(entries(plan, "lead") == ["Head SENCo & DSL"])
    }

    @Test("HTML comments are kept apart from the plan's text")
    func comments() {
        let plan = TestSupport.parse("## Objective 1\n<!-- eqlint-disable objective-lead -->\nLead: Head\n")
        #expect(plan.comments.map(\.text) == ["<!-- eqlint-disable objective-lead -->"])
        #expect(entries(plan, "lead") == ["Head"])
    }
}

extension PlanParserTests {
    @Test("as on GitHub: an indented code block is not read, but an indented list continuation is")
    func indentedCode() {
        let plan = TestSupport.parse("""
            ## Objective 1

                **Lead:** not a field, a code block

            - **Success criteria:** Attendance rises to 95%

                and is sustained
            """)
        #expect(entries(plan, "lead") == [])
        // The continuation paragraph finishes the item's sentence, so it is read as part of it.
        #expect(entries(plan, "success") == ["Attendance rises to 95% and is sustained"])
    }

    @Test("as on GitHub: a pipe inside code still splits a table cell")
    func pipeInCode() {
        let plan = TestSupport.parse("## Objective 1\n| Action | Lead |\n|---|---|\n| Read `A|B` | SENCo |\n")
        #expect(plan.objectives[0].actions[0].fields["lead"]?.entries.map(\.text) == ["B"])
    }
}
