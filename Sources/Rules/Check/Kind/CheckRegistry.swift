/// Every built-in check, in the order docs/writing-rules.md's table lists them. The
/// one place a check is registered: the rule loader finds checks here (and
/// suggests one for a misspelt name), and that table is made from
/// it (`CheckTable`).
enum CheckRegistry {
    static let all: [any CheckKind.Type] = [
        HasObjectivesCheck.self,
        PresentCheck.self,
        MentionsCheck.self,
        AvoidsCheck.self,
        MeasurableCheck.self,
        AnyMeasurableCheck.self,
        HasEndDateCheck.self,
        DatesInOrderCheck.self,
        WithinPeriodCheck.self,
        PeriodsAgreeCheck.self,
        RecordedWhenDueCheck.self,
        MatchesCheck.self,
        NotMatchesCheck.self,
        PeriodAtMostCheck.self,
        PeriodNotEndedCheck.self,
        DatesReadableCheck.self,
        NotExpiredCheck.self,
        DateNotPassedCheck.self,
        DateNotFutureCheck.self,
        NumbersUniqueCheck.self,
        AbbreviationsDefinedCheck.self,
        AcronymsDefinedCheck.self,
        ReadableCheck.self,
        SmallCountsCheck.self,
        SuppressionsUsedCheck.self,
        SuppressionsExplainedCheck.self,
    ]

    private static let byName: [String: any CheckKind.Type] = Dictionary(all.map { ($0.name, $0) }) { first, _ in first }

    /// The check a rule names, if there is one.
    static func kind(named name: String) -> (any CheckKind.Type)? {
        byName[name]
    }

    /// Every check's name, sorted.
    static var names: [String] { all.map { $0.name }.sorted() }
}
