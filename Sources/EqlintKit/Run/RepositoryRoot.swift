import Foundation

/// The root of the git repository a folder is in: the nearest folder at or
/// above it that holds `.git`.
public enum RepositoryRoot {
    public static func find(from directory: String) -> String? {
        var folder = Paths.standardized(directory)
        while true {
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(".git")) { return folder }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || folder.isEmpty { return nil }
            folder = parent
        }
    }
}
