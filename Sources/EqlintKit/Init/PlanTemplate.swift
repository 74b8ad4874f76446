import EqlintText

/// `eqlint init`: a new plan in the plan format, for a school year. Its
/// front matter is filled in (the period, from this September unless given;
/// the day it is written as its publication date; a review next July), and
/// one objective has every field a plan's objective needs, each with a
/// comment saying what goes in it. What only the school can say is a
/// placeholder (`[Insert ...]`, `TODO`) that `placeholder-text` reports until
/// it is filled in: `eqlint check` on a new plan lists exactly those, and
/// filled in as the comments say, the plan passes.
public enum PlanTemplate {
    /// The school year a plan written on `today` starts in: the one under
    /// way (from August, the one about to begin).
    public static func startYear(on today: CalendarDay) -> Int {
        today.month >= 8 ? today.year : today.year - 1
    }

    /// Reads a period as `--period` gives it: `2026-2029` or `2026-29`
    /// (September of the first year to August of the last), at most four years.
    public static func period(_ text: String) -> (start: Int, end: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let start = Int(parts[0]), parts.allSatisfy({ $0.allSatisfy(\.isASCII) }) else { return nil }
        let end: Int
        if parts[1].count == 2, let short = Int(parts[1]) { end = start / 100 * 100 + short } else if parts[1].count == 4, let long = Int(parts[1]) { end = long } else { return nil }
        guard end > start, end - start <= 4 else { return nil }
        return (start, end)
    }

    /// The plan, for a school (nil: a placeholder) and a period (nil: three
    /// school years from this September), written on `today`.
    public static func plan(school: String?, period: (start: Int, end: Int)?, today: CalendarDay) -> String {
        let start = period?.start ?? startYear(on: today)
        let end = period?.end ?? start + 3
        let schoolName = school ?? "[Insert school name]"
        let years = end - start == 1 ? "one school year" : "\(["two", "three", "four"][min(end - start, 4) - 2]) school years"
        return """
        ---
        school: \(schoolName)
        period: \(start)-09 to \(end)-08
        published: \(today)
        review: \(max(start, startYear(on: today)) + 1)-07
        ---

        <!-- A new equality objectives plan, made by 'eqlint init'. Replace each
             [Insert ...] and TODO with the school's own words, as the comment
             above it says, then run 'eqlint check' on this file: it lists the
             placeholders still to fill in. The front matter above gives the
             plan's period (\(years)), the day it is published (change it to
             the day it goes on the website) and when it will next be reviewed. -->

        # \(schoolName) Equality Objectives \(start)-\(end)

        <!-- Say who agreed the plan and when: replace the placeholder with the
             date, such as \(today.spelledOut). -->

        These are the equality objectives we have set under the public sector equality duty. The governing board approved them on [Insert the date the governing board approved this plan]. We will publish a report on our progress each July.

        <!-- Objective 1. Copy this section for each objective (Objective 2, 3 ...). -->

        ## Objective 1: [Insert what the objective will change, for which pupils or staff]

        <!-- Aim: the aim of the duty the objective serves. Replace the whole
             TODO line's text with one of: eliminate discrimination, advance
             equality of opportunity, foster good relations. -->

        **Aim:** TODO: one of eliminate discrimination, advance equality of opportunity, foster good relations

        <!-- Characteristics: the protected characteristics it is about, such as
             disability, race, or religion or belief. -->

        **Characteristics:** [Insert the protected characteristics]

        <!-- Lead: the role of the person responsible, such as Deputy Headteacher. -->

        **Lead:** [Insert the role of the lead]

        <!-- Timescale: when the work starts and ends, within the plan's period,
             such as September \(start) to July \(min(start + 2, end)). -->

        **Timescale:** [Insert the start and end of the work]

        ### Why we have chosen this objective

        <!-- The evidence: what your equality information shows, with numbers,
             such as "disabled pupils attended 89% of sessions, compared with 95%
             for other pupils". -->

        [Insert the evidence for this objective]

        ### Success criteria

        <!-- Each criterion measurable, from where you are to where you will be
             and by when, such as "Attendance of disabled pupils rises from 89% to
             94% by July \(min(start + 2, end))." -->

        - [Insert a measure: from a baseline to a target, by a date]

        ### Actions

        <!-- One row for each action: what will be done, who does it, by when,
             and how you will know it is done (a number and a date). -->

        | Action | Person responsible | Time frame | Success criteria |
        |---|---|---|---|
        | [Insert an action] | [Insert a role] | [Insert a date] | [Insert a measure] |

        ### Child-friendly version

        <!-- The objective in short sentences a pupil can read. -->

        [Insert the objective in words a child can understand]

        """
    }
}
