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
        /// A folder: the plan files found in it, in order of their paths,
        /// and the folders in it that could not be read.
        case directory(files: [FoundFile], unreadable: [String])
        case missing
    }

    /// A plan file a folder search found, and whether its entry is a link
    /// (readdir says so: a plain file's absolute path needs no more asking).
    public struct FoundFile: Equatable, Sendable {
        public var path: String
        public var isLink: Bool
    }

    /// A folder a search read, and which of the names `search` was asked to
    /// note are entries in it (`.git`, a configuration file): what a `stat`
    /// of each would say, known without one. A folder where a noted name is
    /// a link (which a `stat` follows) is left out of the list.
    public struct ListedFolder: Equatable, Sendable {
        public var path: String
        public var names: [String]
    }

    /// What a folder search meets, in order: each folder as it is read,
    /// before any file in it, and each plan file, in the order of their paths.
    public enum SearchEvent: Equatable, Sendable {
        case listed(ListedFolder)
        case file(FoundFile)
    }

    /// What a path on the command line names, before a folder is searched.
    public enum Kind: Sendable {
        case file, folder, missing
    }

    /// What `path` is, and for a folder, the plan files under it (`search`, gathered).
    public static func find(_ path: String) -> Found {
        switch kind(of: path) {
        case .missing: return .missing
        case .file: return .file(path)
        case .folder:
            var files: [FoundFile] = []
            let unreadable = search(path) { event in
                if case .file(let file) = event { files.append(file) }
            }
            return .directory(files: files, unreadable: unreadable)
        }
    }

    /// Whether `path` is a file, a folder or nothing. A link that leads
    /// nowhere is a file: reading it says what is wrong.
    public static func kind(of path: String) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let type = (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
            return type == .typeSymbolicLink ? .file : .missing
        }
        return isDirectory.boolValue ? .folder : .file
    }

    /// Searches a folder for plan files, telling `each` what it meets as it
    /// meets it (so a run can check the first plans while the search goes
    /// on); returns the folders in it that could not be read, sorted.
    /// - Parameter names: hidden names to note in each folder read (see `ListedFolder`).
    public static func search<Failure: Error>(
        _ folder: String, noting names: [String] = [], each: (SearchEvent) throws(Failure) -> Void
    ) throws(Failure) -> [String] {
        var search = FolderSearch(noting: names)
        try search.read(folder, each: each)
        return search.unreadable.sorted()
    }

    /// A folder search: reads folders depth first, each one's entries
    /// sorted, so the files come out in the order of their paths without
    /// sorting them all. A folder's entries are sorted by name, a folder's
    /// name with a slash after it, as its files' paths have: a name holds
    /// no slash, so comparing up to that slash decides how every path under
    /// the folder compares with its neighbours' (`a-b.md` < `a.md` <
    /// `a/x.md`, as `-` < `.` < `/`).
    private struct FolderSearch {
        let noting: [String]
        var unreadable: [String] = []

        init(noting: [String]) {
            self.noting = noting
        }

        /// An entry waiting its turn: a file to list, or a folder to read.
        private struct Entry {
            var key: String
            var path: String
            var isFolder: Bool
            var isLink: Bool
        }

        mutating func read<Failure: Error>(_ root: String, each: (SearchEvent) throws(Failure) -> Void) throws(Failure) {
            // Entries still to take, the next one last.
            var pending = [Entry(key: "", path: root, isFolder: true, isLink: false)]
            while let entry = pending.popLast() {
                guard entry.isFolder else {
                    try each(.file(FoundFile(path: entry.path, isLink: entry.isLink)))
                    continue
                }
                guard let (entries, listed) = entries(of: entry.path) else {
                    unreadable.append(entry.path)
                    continue
                }
                if let listed { try each(.listed(listed)) }
                pending += entries.sorted { $0.key > $1.key }
            }
        }

        /// The folders and plan files in `folder` (nil if it cannot be read),
        /// and the folder with the names asked about that are in it (nil when
        /// one of them is a link); hidden entries are skipped.
        private func entries(of folder: String) -> ([Entry], ListedFolder?)? {
            guard let stream = opendir(folder) else { return nil }
            defer { closedir(stream) }
            var entries: [Entry] = []
            var noted: [String] = []
            var notedLink = false
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            while let entry = readdir(stream) {
                let isHidden = entry.pointee.d_name.0 == CChar(UInt8(ascii: "."))
                let isPlanFile = !isHidden && withUnsafeBytes(of: &entry.pointee.d_name) { PlanFinder.isPlanFileName($0) }
                var type = entry.pointee.d_type
                // A plain file no reader reads needs no name made.
                guard isPlanFile || isHidden || type != UInt8(DT_REG) else { continue }
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                if isHidden {
                    if noting.contains(name) {
                        if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) { notedLink = true } else { noted.append(name) }
                    }
                    continue
                }
                let path = prefix + name
                if type == UInt8(DT_UNKNOWN) {
                    // Some file systems do not say: ask, without following a link.
                    var status = stat()
                    if lstat(path, &status) == 0 { type = PlanFinder.type(of: status.st_mode) }
                }
                if type == UInt8(DT_DIR) {
                    entries.append(Entry(key: name + "/", path: path, isFolder: true, isLink: false))
                } else if isPlanFile {
                    // A link is followed to a file, never to a folder (a loop could not end).
                    var status = stat()
                    if type == UInt8(DT_LNK), stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                        continue
                    }
                    entries.append(Entry(key: name, path: path, isFolder: false, isLink: type == UInt8(DT_LNK)))
                }
            }
            return (entries, notedLink ? nil : ListedFolder(path: folder, names: noted))
        }
    }

    /// Whether a folder search picks up a file by its name: an extension a reader reads.
    static func isPlanFileName(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { isPlanFileName(UnsafeRawBufferPointer($0)) }
    }

    /// `isPlanFileName` over a name's bytes, which may end with a NUL (as readdir gives it).
    private static func isPlanFileName(_ name: UnsafeRawBufferPointer) -> Bool {
        DocumentReaders.hasReader(forName: UnsafeRawBufferPointer(rebasing: name[..<(name.firstIndex(of: 0) ?? name.count)]))
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
