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
        /// A folder, and the `*.md` files found in it, in order.
        case directory([String])
        case missing
    }

    public static func find(_ path: String) -> Found {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .directory(markdownFiles(under: path)) : .file(path)
    }

    private static func markdownFiles(under directory: String) -> [String] {
        var found: [String] = []
        var pending = [directory]
        let manager = FileManager.default
        while let folder = pending.popLast() {
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                let type = (try? manager.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
                if type == .typeDirectory {
                    pending.append(path)
                } else if name.lowercased().hasSuffix(".md") {
                    found.append(path)
                }
            }
        }
        return found.sorted()
    }
}
