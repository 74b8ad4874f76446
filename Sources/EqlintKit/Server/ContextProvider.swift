import EqlintText
import Foundation
import Rules

/// Each document's configuration and linter, shared by the checks and the
/// commands that run off the server's queue: one `ConfigurationResolver`
/// behind a lock, so rule sets load once, and replaced when a configuration
/// or rule file changes.
final class ContextProvider: @unchecked Sendable {
    private let lock = NSLock()
    private let options: LanguageServerOptions
    private var resolver: ConfigurationResolver
    private var directory: String
    /// The day the resolver's linters check against, when it follows the calendar.
    private var day: CalendarDay

    init(options: LanguageServerOptions) {
        self.options = options
        directory = options.currentDirectory
        day = options.today ?? CalendarDay.today()
        resolver = ConfigurationResolver(source: options.configuration, ruleDirectories: options.ruleDirectories,
                                         today: day, currentDirectory: directory)
    }

    /// Where configuration for an untitled document is looked up, and paths in messages are relative to.
    var workspaceFolder: String {
        lock.lock()
        defer { lock.unlock() }
        return directory
    }

    /// Forgets every configuration and rule set read, so the next check reads them again.
    func reset(workspaceFolder: String? = nil) {
        lock.lock()
        defer { lock.unlock() }
        if let workspaceFolder { directory = workspaceFolder }
        day = options.today ?? CalendarDay.today()
        resolver = ConfigurationResolver(source: options.configuration, ruleDirectories: options.ruleDirectories,
                                         today: day, currentDirectory: directory)
    }

    /// The configuration and linter for a file (nil: an untitled document, as if in the workspace folder).
    func context(forFile path: String?) throws(RuleFileError) -> LintContext {
        lock.lock()
        defer { lock.unlock() }
        // A server left running over midnight checks dates against the new day.
        if options.today == nil, CalendarDay.today() != day {
            day = CalendarDay.today()
            resolver = ConfigurationResolver(source: options.configuration, ruleDirectories: options.ruleDirectories,
                                             today: day, currentDirectory: directory)
        }
        guard let path else { return try resolver.context(forDirectory: directory) }
        return try resolver.context(forFile: path)
    }
}
