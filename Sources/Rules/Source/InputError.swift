/// Why a plan file could not be read. Each case reads as a sentence for people.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case isDirectory(path: String)
    case unreadable(path: String)
    case standardInputUnreadable
    case notAFile(path: String)
    case noPlans(path: String)
    case binary(path: String)
    case invalidUTF8(path: String, location: SourceLocation)

    public var path: String {
        switch self {
        case .missing(let path), .isDirectory(let path), .unreadable(let path), .notAFile(let path), .noPlans(let path),
             .binary(let path), .invalidUTF8(let path, _):
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
        case .noPlans: return "holds no plan files (*.md), so nothing was checked"
        case .binary: return "looks like a binary file, not text; save it as plain UTF-8 text"
        case .invalidUTF8: return "is not valid UTF-8 text; save the file with UTF-8 encoding"
        }
    }

    /// Where the text stops being UTF-8, for that case.
    public var invalidUTF8Location: SourceLocation? {
        if case .invalidUTF8(_, let location) = self { return location }
        return nil
    }

    public var description: String {
        if case .invalidUTF8(_, let location) = self { return "\(path):\(location): \(reason)" }
        return "\(path): \(reason)"
    }
}
