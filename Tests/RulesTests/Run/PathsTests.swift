@testable import EqlintKit
import Foundation
import Testing

/// How a run names files: each plan's folder, and the absolute path of a plan a folder search found.
@Suite("Paths")
struct PathsTests {
    @Test("the folder of an absolute path is what NSString's deletingLastPathComponent says", arguments: [
        "/tmp/plans/plan.md", "/plan.md", "/a/b", "/tmp/école/plan d'égalité.md",
    ])
    func folder(path: String) {
        #expect(Paths.folder(ofAbsolute: path) == (path as NSString).deletingLastPathComponent)
    }

    @Test("a plan found in a folder is the folder's absolute path and the rest of its own")
    func found() {
        #expect(Paths.path("plans/a/b.md", foundIn: "plans", absoluteFolder: "/trust/plans") == "/trust/plans/a/b.md")
        #expect(Paths.path("plans/a/b.md", foundIn: "plans/", absoluteFolder: "/trust/plans") == "/trust/plans/a/b.md")
        #expect(Paths.path("/b.md", foundIn: "/", absoluteFolder: "/") == "/b.md")
        #expect(Paths.path("other/b.md", foundIn: "plans", absoluteFolder: "/trust/plans") == nil)
    }
}

extension PathsTests {
    @Test("standardised paths are Foundation's, with and without links, dots and slashes to spare")
    func standardized() throws {
        let manager = FileManager.default
        let root = try TemporaryFolder.make("paths").path
        try manager.createDirectory(atPath: root + "/trust/school", withIntermediateDirectories: true)
        try Data("# Plan\n".utf8).write(to: URL(fileURLWithPath: root + "/trust/school/plan.md"))
        try manager.createSymbolicLink(atPath: root + "/linked", withDestinationPath: root + "/trust")
        try manager.createSymbolicLink(atPath: root + "/trust/near", withDestinationPath: "school")
        try manager.createSymbolicLink(atPath: root + "/trust/school/plan-link.md", withDestinationPath: "plan.md")
        try manager.createSymbolicLink(atPath: root + "/chain", withDestinationPath: "linked")
        try manager.createSymbolicLink(atPath: root + "/nowhere", withDestinationPath: "missing")
        defer { try? manager.removeItem(atPath: root) }
        let paths = [
            "/", "/tmp", root, root + "/", root + "/trust", root + "/trust/school/plan.md", root + "/trust/missing/plan.md",
            root + "/linked/school", root + "/linked/school/plan.md", root + "/trust/near/plan.md", root + "/trust/school/plan-link.md",
            root + "/chain/school", root + "/nowhere/plan.md", root + "/trust/./school", root + "/trust/../trust/school",
            root + "//trust", root + "/trust/school/..", root + "/trust/school/.", "/private", "/private/tmp", "/var/automount/x",
            "relative/plan.md", "~/plans", "/tmp/école/plan d'égalité.md", "/tmp/.hidden/..x/...",
        ]
        for path in paths {
            #expect(Paths.standardized(path) == (path as NSString).standardizingPath, "\(path)")
        }
        for (path, folder) in [(".", root), (".", root + "/linked"), ("school/plan.md", root + "/trust"), ("../trust", root + "/linked")] {
            let joined = ((folder as NSString).appendingPathComponent(path) as NSString).standardizingPath
            #expect(Paths.absolute(path, from: folder) == joined, "\(path) from \(folder)")
        }
    }
}
