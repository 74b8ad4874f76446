/// Why a plan file could not be read. Each case reads as a sentence for people.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case isDirectory(path: String)
    case unreadable(path: String)
    case standardInputUnreadable
    case notAFile(path: String)
    /// A folder holding no file with one of `extensions` (the plan files'
    /// extensions, without the dot).
    case noPlans(path: String, extensions: [String])
    case binary(path: String)
    case brokenLink(path: String)
    /// A document (.docx, .odt, .pdf) that could not be opened, and why, in a sentence.
    case document(path: String, reason: String)

    public var path: String {
        switch self {
        case .missing(let path), .isDirectory(let path), .unreadable(let path), .notAFile(let path), .noPlans(let path, _),
             .binary(let path), .brokenLink(let path), .document(let path, _):
            return path
        case .standardInputUnreadable:
            return "standard input"
        }
    }

    /// What is wrong, without the path.
    public var reason: String {
        switch self {
        case .missing: return "no such file or directory"
        case .isDirectory: return "is a directory, not a file"
        case .unreadable: return "cannot be read (check that you may open it)"
        case .standardInputUnreadable: return "cannot be read (is it closed, or a folder?)"
        case .notAFile: return "is not a regular file (a device, pipe or socket), so it is not read"
        case .noPlans(_, let extensions):
            let names = extensions.map { "*.\($0)" }.joined(separator: ", ")
            return "holds no plan files (\(names)), so nothing was checked"
        case .binary: return "looks like a binary file, not text; save it as plain UTF-8 text"
        case .brokenLink: return "is a symbolic link that leads nowhere (to a missing file, or round in a loop)"
        case .document(_, let reason): return reason
        }
    }

    public var description: String { "\(path): \(reason)" }
}
