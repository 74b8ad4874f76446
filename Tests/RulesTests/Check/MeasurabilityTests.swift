import EqlintPlan
import EqlintText
import Foundation
import Rules
import Testing

/// Whether a success criterion can be measured (`criterion-vague`,
/// `objective-measurable`), decided by the `measures` vocabulary in
/// `rules/vocabulary/measures.json5`: a measure wins; otherwise a vague word
/// loses; otherwise a date (or a weak signal such as "termly") wins.
@Suite("Measurability")
struct MeasurabilityTests {
    /// The five seed plans (the real schools' plans; `model-plan.md` is
    /// checked by the golden tests, where it must give no finding at all).
    static let seedPlans = [
        "federation-2020-2024.md", "link-learning-trust-2022-2024.md", "secondary-2020-2024.md",
        "soke-education-trust-2023-2026.md", "spixworth-infant-2025-26.md",
    ]

    /// Every success criterion of the seed plans (a unique start of its text)
    /// and whether it can be measured. The federation, LINK and secondary
    /// plans have no success criteria at all (`objective-success-criteria`
    /// reports that), so every row is from Soke or Spixworth.
    static let seedCriteria: [(plan: String, text: String, measurable: Bool)] = [
        // Soke Education Trust, Objective 1 (action table).
        // Borderline: a checkable deliverable, but with no date (its time frame
        // is empty too) nobody can say when it is late.
        ("soke-education-trust-2023-2026.md", "Job descriptions and advertisements are reviewed", false),
        // "by 20%" is a target. It has no baseline, but the number of
        // applicants this year is a figure the trust already holds.
        ("soke-education-trust-2023-2026.md", "Increase in the number of male applicants", true),
        ("soke-education-trust-2023-2026.md", "Positive feedback from male support staff", false),
        // Soke, Objective 2.
        // Borderline: a checkable deliverable with no date; its time frame
        // ("3 months") has no start, so it is no date either.
        ("soke-education-trust-2023-2026.md", "Detailed analysis of attainment gap completed", false),
        ("soke-education-trust-2023-2026.md", "Reduction in the attainment gap between", true),
        ("soke-education-trust-2023-2026.md", "Positive feedback from teachers", false),
        // Soke, Objective 3: nothing here can be measured (objective-measurable).
        ("soke-education-trust-2023-2026.md", "Positive feedback from pupils, staff, and families", false),
        // Borderline: "established" could be checked, but "actively engaged"
        // cannot, and there is no date.
        ("soke-education-trust-2023-2026.md", "Diversity and Inclusion Council established", false),
        ("soke-education-trust-2023-2026.md", "Positive feedback from staff on their confidence", false),

        // Spixworth Infant School, Objective 1 (a list under a sub-heading).
        // Everyone completes a named training: the training records show it.
        ("spixworth-infant-2025-26.md", "All staff to complete mental health", true),
        ("spixworth-infant-2025-26.md", "Pol-Ed to be an embedded resource", false),
        // Borderline: "every child" and "all children's" name everyone, but
        // what they get is awareness and expectations, which nobody can count.
        ("spixworth-infant-2025-26.md", "All classroom staff to be aware", false),
        ("spixworth-infant-2025-26.md", "Adopt and implement a reviewed pupil progress", false),
        // Borderline: "up to date with how to reach pupils" is soft, but "all
        // staff are fully trained" (and the HoS's refresher) can be checked.
        ("spixworth-infant-2025-26.md", "All staff are fully trained", true),
        ("spixworth-infant-2025-26.md", "PINS programme will be introduced", false),
        // "In line with national" compares with a published figure; the DfE
        // calls this a measurable target.
        ("spixworth-infant-2025-26.md", "Outcomes for children will be at least in line with national", true),
        // Borderline: surveys are named, but no figure: "positive feedback"
        // from how many?
        ("spixworth-infant-2025-26.md", "Pupil, parent and staff surveys all demonstrate", false),
        ("spixworth-infant-2025-26.md", "A diverse lens to be used in all offers", false),
        // Borderline: close to "all staff complete bystander training", but
        // "embedded" cannot be checked and it does not say all staff.
        ("spixworth-infant-2025-26.md", "Staff have embedded bystander training", false),
        // Spixworth, Objective 2.
        ("spixworth-infant-2025-26.md", "The federation culture, including", false),
        ("spixworth-infant-2025-26.md", "The PINS programme will be introduced", false),
        // Borderline: holding the Silver award can be checked, but "reviewed
        // and maintained" is carrying on, with no date.
        ("spixworth-infant-2025-26.md", "Silver RRSA will be reviewed and maintained", false),
        // Borderline: "the three schools" is a fact, not a count to reach, and
        // "fully inducted" has no date.
        ("spixworth-infant-2025-26.md", "SENDCo will be fully inducted", false),
        // Every child in the ESP either has a keyworker or not; "planning will
        // be of a high quality" is vague, but a measure outweighs it.
        ("spixworth-infant-2025-26.md", "All children within ESP will have a keyworker", true),
        ("spixworth-infant-2025-26.md", "A full complement from the enhanced curriculum", false),
        ("spixworth-infant-2025-26.md", "School events including school councils", false),
        // Spixworth, Objective 3: one paragraph of six sentences, none with a
        // figure ("All children will feel represented" is a feeling).
        ("spixworth-infant-2025-26.md", "Regular feedback from stakeholders will be positive", false),
    ]

    static func seedPlan(_ name: String) throws -> (plan: Plan, source: SourceFile, linter: Linter) {
        let path = TestSupport.examplesDirectory.appendingPathComponent(name).path
        let source = try SourceFile.read(path: path, displayPath: "examples/\(name)")
        let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)
        return (linter.parser.parse(source), source, linter)
    }

    @Test("every success criterion of the seed plans is in the table, once", arguments: seedPlans)
    func tableCoversSeedPlans(name: String) throws {
        let rows = Self.seedCriteria.filter { $0.plan == name }
        let entries = try Self.seedPlan(name).plan.objectives.flatMap { $0.entries(of: "success") }
        for entry in entries {
            let matching = rows.filter { entry.text.hasPrefix($0.text) }
            #expect(matching.count == 1, "\(name):\(entry.location): \(matching.count) rows of the table match “\(entry.text)”")
        }
        for row in rows {
            let matching = entries.filter { $0.text.hasPrefix(row.text) }
            #expect(matching.count == 1, "\(name): the row “\(row.text)” matches \(matching.count) success criteria")
        }
    }

    @Test("each success criterion of the seed plans gets the verdict in the table", arguments: seedPlans)
    func seedVerdicts(name: String) throws {
        let (plan, source, linter) = try Self.seedPlan(name)
        // Each rule on its own: objective-measurable supersedes criterion-vague where no criterion can be measured.
        let findings = TestSupport.builtInRuleSet.rules.filter { $0.id == "criterion-vague" || $0.id == "objective-measurable" }
            .flatMap { linter.lint(source, rules: [$0]) }
        let vagueAt = Set(findings.filter { $0.ruleID == "criterion-vague" }.map(\.range.start))
        let unmeasurableAt = Set(findings.filter { $0.ruleID == "objective-measurable" }.map(\.range.start))
        for objective in plan.objectives {
            let entries = objective.entries(of: "success")
            var anyMeasurable = false
            for entry in entries {
                guard let row = Self.seedCriteria.first(where: { $0.plan == name && entry.text.hasPrefix($0.text) }) else { continue }
                anyMeasurable = anyMeasurable || row.measurable
                #expect(vagueAt.contains(entry.location) != row.measurable,
                        "\(name):\(entry.location): “\(entry.text)” should be \(row.measurable ? "measurable" : "vague")")
            }
            if let first = entries.first {
                #expect(unmeasurableAt.contains(first.location) != anyMeasurable,
                        "\(name): \(objective.name) should \(anyMeasurable ? "pass" : "fail") objective-measurable")
            }
        }
    }

    @Test("the table's totals")
    func totals() {
        #expect(Self.seedCriteria.count == 27)
        #expect(Self.seedCriteria.filter(\.measurable).count == 6)
    }

    /// One criterion in a label line, checked by `criterion-vague` alone.
    static func isMeasurable(_ criterion: String, ruleSet: RuleSet = TestSupport.builtInRuleSet) -> Bool {
        let linter = Linter(ruleSet: ruleSet, today: TestSupport.goldenToday)
        let source = SourceFile(path: "plan.md", text: "## Objective 1\n\nSuccess criteria: \(criterion)\n")
        return linter.lint(source, rules: ruleSet.rules.filter { $0.id == "criterion-vague" }).isEmpty
    }

    @Test("measurable: a figure with a target, a count, a comparison, everyone completing, a dated deliverable", arguments: [
        // The DfE's model of a good objective.
        "By the end of the 2024/25 academic year, the percentage of boys in Key Stage 2 achieving at least the expected standard in maths will increase from 68% to 73%",
        "Attendance rises from 89% to 93% by July 2027",
        "Increase in the number of male applicants by 20%",
        "The gap closes by 5 percentage points",
        "Fewer than 10 pupils are persistently absent",
        "Racist incidents fall from 9 to 4 or fewer",
        "18 of our 18 teaching assistants complete the training",
        "£1,500 raised for the local disability charity",
        "Achieve 4+ in maths",
        // A count in words.
        "Equality is discussed at three staff meetings this year",
        "At least three pupils from each class join the school council",
        "Half of our parents answer the annual survey",
        // Compared with a published figure.
        "Outcomes for children will be at least in line with national.",
        "Attainment of disadvantaged pupils is at or above the national average",
        "Attendance of disabled pupils is in line with their peers",
        // Everyone completes something checkable.
        "All staff complete bystander training",
        "Every class visits a place of worship",
        "All pupils in Year 2 meet the expected standard in phonics",
        "Every pupil with an EHCP achieves their individual targets",
        "Every disabled pupil has an attendance support plan",
        "Safeguarding training completed by all governors",
        "Equality training delivered to all staff",
        // A measure outweighs vague words around it.
        "Ensure all staff complete bystander training",
        "At least 80% of staff say they feel confident in the July 2026 survey",
        // A dated checkable deliverable, with nothing vague in it.
        "Keyworker assigned to every child in the ESP by December 2025",
        "Analysis shared with school leaders by December 2023",
        "Accessibility plan published on the website by March 2026",
        // Words that look vague but are names of things.
        "Safer recruitment training for all governors by March 2026",
        "Higher level teaching assistant appointed by December 2025",
        // A weak signal: a frequency or a deadline in words.
        "Attendance reports presented to governors termly",
        "Accessibility plan published by the end of the school year",
    ])
    func measurable(criterion: String) {
        #expect(Self.isMeasurable(criterion))
    }

    @Test("vague: intent, direction or feelings with no figure, and numbers that count nothing", arguments: [
        // Verbs of intent, with or without a date.
        "Ensure pupils are safe online",
        "Promote diversity through assemblies",
        "Raise awareness of hidden disabilities by July 2026",
        "Continue to embed Zones of Regulation by July 2026",
        "Embed the new behaviour policy",
        "Celebrate Black History Month",
        // A direction with no amount.
        "Improved attendance by July 2026",
        "A reduction in classroom disruption",
        "More boys take part in clubs by the end of the year",
        // Feelings and judgements with no figure.
        "Positive feedback from staff",
        "Staff are confident in supporting pupils with SEND",
        "Children feel represented in the curriculum",
        "Planning will be of a high quality by December 2025",
        "All staff have high expectations of every child",
        "All children will have a good understanding of their rights",
        "All staff meet to discuss equality",
        "All pupils achieve their full potential",
        "Every pupil with an EHCP feels safe at school",
        "Pupils compete at national level",
        "Pupil surveys demonstrate positive feedback termly",
        // Numbers that are not measures: years, dates, labels, ratios.
        "Continue to embed Zones of Regulation in 2025-26",
        "Continue the reading programme from 1 September 2025",
        "Promote the duties of the Equality Act 2010",
        "Year 6 pupils lead an assembly",
        "KS2 pupils read to younger children",
        "Pupils in Key Stage 2 lead assemblies",
        "Pupils in Years 5 and 6 lead assemblies",
        "1:1 reading support for pupils with SEND",
        "Pupils catch up after COVID-19",
        "Pupils learn about Article 12 of the UNCRC",
        "SENDCo will work across the three schools",
        // No date, no measure.
        "Job descriptions are reviewed",
        "A reading corner in every year group",
        "Policy updated in line with national guidance",
    ])
    func vague(criterion: String) {
        #expect(!Self.isMeasurable(criterion))
    }

    @Test("a trust's own groups take their kind from their names")
    func trustGroups() throws {
        let defaults = try RuleSet.files(inDirectory: TestSupport.rulesDirectory.path)
        let trust: [RuleSet.File] = [(path: "trust/measures.json5", text: """
            { vocabulary: "measures", patterns: {
                "vague-trust": ["\\\\bholistic\\\\b"],
                "weak-trust": ["\\\\bRAG rated green\\\\b"],
                "trust-scores": ["\\\\bBoxall score\\\\b"],
            } }
            """)]
        let ruleSet = try RuleSet.load(layers: [defaults, trust])
        // A measure of the trust's own.
        #expect(Self.isMeasurable("Boxall score of each pupil recorded", ruleSet: ruleSet))
        // A weak signal, unless something vague is said.
        #expect(Self.isMeasurable("Provision RAG rated green", ruleSet: ruleSet))
        #expect(!Self.isMeasurable("Holistic provision RAG rated green", ruleSet: ruleSet))
        // A vague word cancels a date, not a measure.
        #expect(Self.isMeasurable("Holistic plan agreed by July 2026"))
        #expect(!Self.isMeasurable("Holistic plan agreed by July 2026", ruleSet: ruleSet))
        #expect(Self.isMeasurable("Holistic plan agreed for 100% of pupils", ruleSet: ruleSet))
    }

    @Test("the patterns take linear time on long text")
    func linearTime() {
        let long = [
            String(repeating: "all staff pupils children will to have ", count: 3000),
            String(repeating: "Years 5 and 6 KS2 1:1 COVID-19 ", count: 3000),
            String(repeating: "every child, every pupil. each ", count: 3000),
            String(repeating: "in line with the national ", count: 3000),
            // A search from each "baseline" to the end would be quadratic.
            String(repeating: "baseline ", count: 9000),
            String(repeating: "target two half ", count: 5000),
        ]
        let clock = ContinuousClock()
        for text in long {
            let elapsed = clock.measure { _ = Self.isMeasurable(text) }
            #expect(elapsed < .seconds(5), "\(elapsed) for \(text.prefix(30))…")
        }
    }
}
