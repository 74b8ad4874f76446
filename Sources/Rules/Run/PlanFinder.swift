import Foundation

/// Expands the paths given on the command line into plan files: a file is
/// taken as it is; a directory is searched recursively for `*.md`, skipping
/// hidden folders and not following links to folders (so a link loop cannot
/// hang a run).
public enum PlanFinder {
    /// The plan files under `paths`, in order, and the paths that could not be used.
    public static func files(in paths: [String]) -> (files: [String], errors: [InputError]) {
        var files: [String] = []
        var errors: [InputError] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(.missing(path: path))
                continue
            }
            if isDirectory.boolValue {
                files += markdownFiles(under: path)
            } else {
                files.append(path)
            }
        }
        return (files, errors)
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
