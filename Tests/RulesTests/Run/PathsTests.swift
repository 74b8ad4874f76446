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
