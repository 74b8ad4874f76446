import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths as eqlint compares them: absolute and standardised, and relative
/// to a folder when they are inside it.
enum Paths {
    /// `path` made absolute against `currentDirectory`, with `.` and `..` resolved.
    static func absolute(_ path: String, from currentDirectory: String) -> String {
        // The current folder itself (as the run's own rules are looked up) needs no `.` to resolve.
        let joined = path.hasPrefix("/") ? path
            : path == "." ? currentDirectory : (currentDirectory as NSString).appendingPathComponent(path)
        return standardized(joined)
    }

    /// What `(path as NSString).standardizingPath` gives, without asking
    /// Foundation when it would give the path back as it is: an absolute
    /// path with no empty, `.` or `..` part, no link on the way, and none of
    /// the prefixes Foundation rewrites. Foundation learns that a part is
    /// no link by making and dropping an error (about 100,000 instructions
    /// a part); here one `lstat` a part does.
    static func standardized(_ path: String) -> String {
        isStandardized(path) ? path : (path as NSString).standardizingPath
    }

    private static func isStandardized(_ path: String) -> Bool {
        let slash = CChar(UInt8(ascii: "/"))
        var bytes = path.utf8CString  // ends with a NUL
        let count = bytes.count - 1
        guard count > 1, bytes[0] == slash, bytes[count - 1] != slash,
              !path.hasPrefix("/private"), !path.hasPrefix("/var/automount") else { return false }
        return bytes.withUnsafeMutableBufferPointer { bytes in
            var partStart = 1
            for index in 1...count where index == count || bytes[index] == slash {
                let part = UnsafeBufferPointer(rebasing: bytes[partStart..<index])
                let dot = CChar(UInt8(ascii: "."))
                if part.isEmpty || (part.count <= 2 && part.allSatisfy { $0 == dot }) { return false }
                // The path up to this part: is it a link?
                let kept = bytes[index]
                bytes[index] = 0
                var status = stat()
                let isLink = lstat(bytes.baseAddress!, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
                bytes[index] = kept
                if isLink { return false }
                partStart = index + 1
            }
            return true
        }
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
        return joined(absoluteFolder, rest)
    }

    /// A name in a folder: the two joined with one slash ("/" + "plan.md" is "/plan.md").
    static func joined(_ folder: String, _ name: some StringProtocol) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// An absolute path relative to `folder`, or nil when it is not inside it.
    static func relative(_ absolutePath: String, to folder: String) -> String? {
        let base = standardized(folder)
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return absolutePath.hasPrefix(prefix) ? String(absolutePath.dropFirst(prefix.count)) : nil
    }
}
