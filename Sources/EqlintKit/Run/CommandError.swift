import Rules

/// Why a command could not do its job: eqlint prints the sentence as a
/// one-line error and exits with status 2.
public enum CommandError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration, rule or baseline file could not be used.
    case ruleFile(RuleFileError)
    /// Standard output is closed or full.
    case standardOutputUnwritable
    /// A report or baseline was to be written over a folder.
    case isDirectory(path: String)
    /// A report or baseline could not be written, for the reason given.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .ruleFile(let error): return error.description
        case .standardOutputUnwritable: return "cannot write to standard output (is it closed, or the disk full?)"
        case .isDirectory(let path): return "\(path): is a directory; give a file name to write to"
        case .unwritable(let path, let reason): return "\(path): cannot be written (\(reason))"
        }
    }
}
