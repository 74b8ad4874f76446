import Foundation

/// Folders for the tests' files, each made inside one folder for this run
/// of the tests, which is removed when the run ends: a run leaves nothing
/// behind in the system's temporary folder.
enum TemporaryFolder {
    /// This run's folder, made with the first folder in it.
    static let root: URL = {
        let name = "eqlint-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        atexit { try? FileManager.default.removeItem(at: TemporaryFolder.root) }
        return FileManager.default.temporaryDirectory.appendingPathComponent(name)
    }()

    /// A new, empty folder, its name starting with `purpose` (`"config"`).
    static func make(_ purpose: String) throws -> URL {
        let url = root.appendingPathComponent("\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
