import Foundation

/// Paths as eqlint compares them: absolute and standardised, and relative
/// to a folder when they are inside it.
enum Paths {
    /// `path` made absolute against `currentDirectory`, with `.` and `..` resolved.
    static func absolute(_ path: String, from currentDirectory: String) -> String {
        let joined = path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    /// The folder an absolute, standardised path is in: what
    /// `deletingLastPathComponent` gives for such a path ("/" for "/plan.md").
    static func folder(ofAbsolute path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// The absolute path of a file a search of `folder` found (`PlanFinder`),
    /// given the folder's absolute path: the folder's and the rest of the
    /// file's own, as no folder on the way is a link. Nil if `found` is not
    /// in `folder`.
    static func path(_ found: String, foundIn folder: String, absoluteFolder: String) -> String? {
        guard found.hasPrefix(folder) else { return nil }
        var rest = Substring(found.utf8.dropFirst(folder.utf8.count))
        while rest.utf8.first == UInt8(ascii: "/") { rest = rest.dropFirst() }
        return absoluteFolder.hasSuffix("/") ? absoluteFolder + rest : absoluteFolder + "/" + rest
    }

    /// An absolute path relative to `folder`, or nil when it is not inside it.
    static func relative(_ absolutePath: String, to folder: String) -> String? {
        let base = (folder as NSString).standardizingPath
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return absolutePath.hasPrefix(prefix) ? String(absolutePath.dropFirst(prefix.count)) : nil
    }
}
