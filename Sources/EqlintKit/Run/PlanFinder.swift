import EqlintPlan
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands the paths given on the command line into plan files: a file is
/// taken as it is; a directory is searched recursively for the files eqlint
/// reads (`*.md`, `*.txt`, ...: see `DocumentReaders`), skipping hidden
/// folders and not following links to folders (so a link loop cannot hang a
/// run).
public enum PlanFinder {
    /// What a path on the command line turned out to be.
    public enum Found: Equatable, Sendable {
        /// A file, to be checked whatever its name.
        case file(String)
        /// A folder: the `*.md` files found in it, in order, and the folders
        /// in it that could not be read.
        case directory(files: [FoundFile], unreadable: [String])
        case missing
    }

    /// A plan file a folder search found, and whether its entry is a link
    /// (readdir says so: a plain file's absolute path needs no more asking).
    public struct FoundFile: Equatable, Sendable {
        public var path: String
        public var isLink: Bool
    }

    public static func find(_ path: String) -> Found {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // A link that leads nowhere is there: reading it says what is wrong.
            let type = (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
            return type == .typeSymbolicLink ? .file(path) : .missing
        }
        guard isDirectory.boolValue else { return .file(path) }
        let (files, unreadable) = markdownFiles(under: path)
        return .directory(files: files, unreadable: unreadable)
    }

    private static func markdownFiles(under directory: String) -> (files: [FoundFile], unreadable: [String]) {
        var found: [FoundFile] = []
        var unreadable: [String] = []
        var pending = [directory]
        while let folder = pending.popLast() {
            // readdir gives each entry's type with its name, so most need no stat.
            guard let stream = opendir(folder) else {
                unreadable.append(folder)
                continue
            }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                guard !name.hasPrefix(".") else { continue }
                let path = Paths.joined(folder, name)
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    // Some file systems do not say: ask, without following a link.
                    var status = stat()
                    if lstat(path, &status) == 0 { type = Self.type(of: status.st_mode) }
                }
                if type == UInt8(DT_DIR) {
                    pending.append(path)
                } else if Self.isPlanFileName(name) {
                    // A link is followed to a file, never to a folder (a loop could not end).
                    var status = stat()
                    if type == UInt8(DT_LNK), stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                        continue
                    }
                    found.append(FoundFile(path: path, isLink: type == UInt8(DT_LNK)))
                }
            }
        }
        return (found.sorted { $0.path < $1.path }, unreadable.sorted())
    }

    /// Whether a folder search picks up a file by its name: an extension a reader reads.
    static func isPlanFileName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return DocumentReaders.fileExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// Whether a file is one a repository keeps about itself (`README.md`,
    /// `CHANGELOG.md`, `LICENSE.txt`): a folder search checks it only if it
    /// holds objectives.
    public static func isProjectDocument(_ path: String) -> Bool {
        var path = path
        if let isOne = path.withUTF8(asciiIsProjectDocument) { return isOne }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".").first.map { $0.uppercased() } ?? ""
        return projectDocuments.contains(stem)
    }

    /// `isProjectDocument` over the bytes of a path all ASCII (each byte a
    /// character of its own, none joining a slash or a dot), without
    /// splitting it into strings; nil for any other path.
    private static func asciiIsProjectDocument(_ path: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !path.contains(where: { $0 >= 0x80 }) else { return nil }
        // The name: the last part between slashes.
        var end = path.count
        while end > 0, path[end - 1] == UInt8(ascii: "/") { end -= 1 }
        var start = end
        while start > 0, path[start - 1] != UInt8(ascii: "/") { start -= 1 }
        // Its stem: the first part between dots.
        while start < end, path[start] == UInt8(ascii: ".") { start += 1 }
        var stemEnd = start
        while stemEnd < end, path[stemEnd] != UInt8(ascii: ".") { stemEnd += 1 }
        // No project document's name is longer than 15 letters.
        guard stemEnd - start <= 15 else { return false }
        return projectDocuments.contains(String(decoding: UnsafeBufferPointer(rebasing: path[start..<stemEnd]), as: UTF8.self).uppercased())
    }

    private static let projectDocuments: Set<String> = [
        "README", "CHANGELOG", "CHANGES", "CONTRIBUTING", "LICENSE", "LICENCE", "CODE_OF_CONDUCT", "SECURITY", "AUTHORS",
    ]

    /// The `d_type` for a file mode.
    private static func type(of mode: mode_t) -> UInt8 {
        switch mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFLNK: return UInt8(DT_LNK)
        case S_IFREG: return UInt8(DT_REG)
        default: return UInt8(DT_UNKNOWN)
        }
    }
}
