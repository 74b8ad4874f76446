@testable import EqlintKit
import EqlintText
import Foundation
import Testing

/// How a folder search finds plans: which files, in what order, and what it
/// notes of each folder for finding configuration files.
@Suite("Plan finder")
struct PlanFinderTests {
    /// Makes `files` (paths relative to a new folder; a folder when ending
    /// in a slash) and returns the folder.
    private func tree(_ purpose: String, _ files: [String]) throws -> String {
        let root = try TemporaryFolder.make(purpose).path
        for file in files {
            let path = root + "/" + file
            let isFolder = file.hasSuffix("/")
            try FileManager.default.createDirectory(atPath: isFolder ? path : (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            if !isFolder { try Data("## Objective 1\n".utf8).write(to: URL(fileURLWithPath: path)) }
        }
        return root
    }

    /// A search of a folder noting what configuration discovery asks about: its plan files and the folders it read.
    private func searched(_ folder: String) -> (files: [PlanFinder.FoundFile], folders: [PlanFinder.ListedFolder]) {
        var files: [PlanFinder.FoundFile] = []
        var folders: [PlanFinder.ListedFolder] = []
        _ = PlanFinder.search(folder, noting: ConfigurationResolver.discoveryNames) { event in
            switch event {
            case .listed(let folder): folders.append(folder)
            case .file(let file): files.append(file)
            }
        }
        return (files, folders)
    }

    @Test("a folder's plans come in the order of their paths, however names and folders interleave")
    func order() throws {
        let root = try tree("order", [
            "a.md", "a-b.md", "a b.md", "A.md", "a/x.md", "a/y/z.md", "a-b/z.md", "ab.md", "é.md", "e.md", "Z/q.txt",
            "plans.MD", "readme.markdown", "x.html", "deep/1/2/3.md", "deep/1.md", "deep/1-2/4.md", "deep/1.0/5.md",
            "deep/10.md", "a/.hidden/y.md", ".hidden.md", "notes.doc", "data.json", "a.", "empty/",
        ])
        guard case .directory(let files, let unreadable) = PlanFinder.find(root) else {
            Issue.record("not read as a folder")
            return
        }
        let expected = [
            "a.md", "a-b.md", "a b.md", "A.md", "a/x.md", "a/y/z.md", "a-b/z.md", "ab.md", "é.md", "e.md", "Z/q.txt",
            "plans.MD", "readme.markdown", "x.html", "deep/1/2/3.md", "deep/1.md", "deep/1-2/4.md", "deep/1.0/5.md", "deep/10.md",
        ].map { root + "/" + $0 }.sorted()
        #expect(files.map(\.path) == expected)
        #expect(files.allSatisfy { !$0.isLink })
        #expect(unreadable.isEmpty)
    }

    @Test("a search tells of each folder as it reads it, before any plan in it, and of the plans in the order of their paths")
    func streamed() throws {
        let root = try tree("streamed", ["b.md", "a/x.md", "a/y/z.md", "a.md", "c/.eqlint.json5/", "c/d.md"])
        var events: [PlanFinder.SearchEvent] = []
        let unreadable = PlanFinder.search(root, noting: [".eqlint.json5"]) { events.append($0) }
        #expect(unreadable.isEmpty)
        func folder(_ path: String, _ names: [String] = []) -> PlanFinder.SearchEvent {
            .listed(PlanFinder.ListedFolder(path: path.isEmpty ? root : root + "/" + path, names: names))
        }
        func file(_ path: String) -> PlanFinder.SearchEvent { .file(PlanFinder.FoundFile(path: root + "/" + path, isLink: false)) }
        #expect(events == [folder(""), file("a.md"), folder("a"), file("a/x.md"), folder("a/y"), file("a/y/z.md"),
                           file("b.md"), folder("c", [".eqlint.json5"]), file("c/d.md")])
        // `find` is the same search, its files gathered.
        guard case .directory(let files, _) = PlanFinder.find(root) else {
            Issue.record("not read as a folder")
            return
        }
        #expect(files.map { PlanFinder.SearchEvent.file($0) } == events.filter { if case .file = $0 { true } else { false } })
    }

    @Test("a link to a plan is listed as a link; a link to a folder is not followed")
    func links() throws {
        let root = try tree("links", ["plans/plan.md", "other/plan.md"])
        try FileManager.default.createSymbolicLink(atPath: root + "/plans/linked.md", withDestinationPath: "plan.md")
        try FileManager.default.createSymbolicLink(atPath: root + "/plans/loop", withDestinationPath: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/plans/folder.md", withDestinationPath: root + "/other")
        guard case .directory(let files, _) = PlanFinder.find(root + "/plans") else {
            Issue.record("not read as a folder")
            return
        }
        #expect(files == [
            PlanFinder.FoundFile(path: root + "/plans/linked.md", isLink: true),
            PlanFinder.FoundFile(path: root + "/plans/plan.md", isLink: false),
        ])
    }

    @Test("each folder read says which of the names asked about it holds; one where such a name is a link is left out")
    func notedNames() throws {
        let root = try tree("noted", ["trust/.eqlint.json5", "trust/.git/", "trust/a/plan.md", "trust/b/plan.md", "trust/b/.eqlint.json"])
        try FileManager.default.createSymbolicLink(atPath: root + "/trust/a/.eqlint.json", withDestinationPath: "../.eqlint.json5")
        let (_, folders) = searched(root + "/trust")
        let names = Dictionary(uniqueKeysWithValues: folders.map { ($0.path, $0.names.sorted()) })
        #expect(names == [root + "/trust": [".eqlint.json5", ".git"], root + "/trust/b": [".eqlint.json"]])
    }

    @Test("a file is picked up by its extension, in any case", arguments: [
        ("plan.md", true), ("Plan.MD", true), ("plan.markdown", true), ("plan.txt", true), ("plan.html", true),
        ("plan.docx", true), ("plan.odt", true), ("plan.pdf", true), ("plan.doc", false), ("plan.md.bak", false),
        ("plan.markdowns", false), ("plan.", false), ("plan", false), ("plan.mḍ", false),
    ])
    func fileNames(name: String, picked: Bool) {
        #expect(PlanFinder.isPlanFileName(name) == picked)
    }

    @Test("a configuration is found from a folder search's listing as asking the file system finds it, and from the listing alone")
    func discoveryFromListing() throws {
        let root = try tree("discovery", [
            "trust/.eqlint.json5", "trust/school/plan.md", "trust/own/.eqlint.json", "trust/own/plan.md",
            "trust/repo/.git/", "trust/repo/inner/plan.md",
        ])
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: root + "/trust/.eqlint.json5"))
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: root + "/trust/own/.eqlint.json"))
        let today = CalendarDay(year: 2026, month: 12, day: 4)
        var asking = ConfigurationResolver(source: .discover, ruleDirectories: [], today: today, currentDirectory: root)
        var listing = asking
        let (files, folders) = searched(root + "/trust")
        let asked = try files.map { try asking.context(forFile: $0.path).configuration.path }
        // Made after the walk: discovery goes by the folders as the walk read them, so it is not seen.
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: root + "/trust/school/.eqlint.json"))
        for folder in folders { listing.noteListed(folder, foundIn: root + "/trust", absoluteFolder: listing.absolute(root + "/trust")) }
        let configurations = try files.map { try listing.context(forFile: $0.path).configuration.path }
        #expect(configurations == asked)
        #expect(configurations.map { $0.map { ($0 as NSString).lastPathComponent } } == [".eqlint.json", nil, ".eqlint.json5"])
    }
}
