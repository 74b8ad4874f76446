import Foundation

/// Paths as eqlint compares them: absolute and standardised, and relative
/// to a folder when they are inside it.
enum Paths {
    /// `path` made absolute against `currentDirectory`, with `.` and `..` resolved.
    static func absolute(_ path: String, from currentDirectory: String) -> String {
        let joined = path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    /// An absolute path relative to `folder`, or nil when it is not inside it.
    static func relative(_ absolutePath: String, to folder: String) -> String? {
        let base = (folder as NSString).standardizingPath
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return absolutePath.hasPrefix(prefix) ? String(absolutePath.dropFirst(prefix.count)) : nil
    }
}
