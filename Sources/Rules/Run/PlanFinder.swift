import Foundation

/// Expands the paths given on the command line into plan files: a file is
/// taken as it is; a directory is searched recursively for `*.md`, skipping
/// hidden folders and not following links to folders (so a link loop cannot
/// hang a run).
public enum PlanFinder {
    /// What a path on the command line turned out to be.
    public enum Found: Equatable, Sendable {
        /// A file, to be checked whatever its name.
        case file(String)
        /// A folder: the `*.md` files found in it, in order, and the folders
        /// in it that could not be read.
        case directory(files: [String], unreadable: [String])
        case missing
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

    private static func markdownFiles(under directory: String) -> (files: [String], unreadable: [String]) {
        var found: [String] = []
        var unreadable: [String] = []
        var pending = [directory]
        let manager = FileManager.default
        while let folder = pending.popLast() {
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else {
                unreadable.append(folder)
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                let type = (try? manager.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
                if type == .typeDirectory {
                    pending.append(path)
                } else if name.lowercased().hasSuffix(".md") {
                    // A link is followed to a file, never to a folder (a loop could not end).
                    var isDirectory: ObjCBool = false
                    if type == .typeSymbolicLink, manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                        continue
                    }
                    found.append(path)
                }
            }
        }
        return (found.sorted(), unreadable.sorted())
    }
}
