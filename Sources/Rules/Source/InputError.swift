/// Why a plan file could not be read. Each case reads as a sentence for people.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case isDirectory(path: String)
    case unreadable(path: String)
    case binary(path: String)
    case invalidUTF8(path: String, location: SourceLocation)

    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no such file or directory"
        case .isDirectory(let path):
            return "\(path): is a directory, not a file"
        case .unreadable(let path):
            return "\(path): cannot be read (check that it exists and you may open it)"
        case .binary(let path):
            return "\(path): looks like a binary file, not a Markdown plan; save the plan as plain text (.md)"
        case .invalidUTF8(let path, let location):
            return "\(path):\(location): is not valid UTF-8 text; save the file with UTF-8 encoding"
        }
    }
}
