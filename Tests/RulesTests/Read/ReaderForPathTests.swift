import EqlintPlan
import Testing

/// Which reader a file gets by its name, looked up by bytes for an ASCII
/// path: the same as the name's last component and extension say.
@Suite("Reader for a path")
struct ReaderForPathTests {
    /// The reader as the path's components and extension give it, a character at a time.
    func reference(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return DocumentReaders.all[0].format }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        if fileExtension == "doc" { return DocxReader().format }
        return (DocumentReaders.all.first { $0.fileExtensions.contains(fileExtension) } ?? DocumentReaders.all[0]).format
    }

    @Test("the reader for a path by bytes is the reader by its last component's extension")
    func sameAsByComponents() {
        let paths = ["plan.md", "PLAN.MD", "dir/plan.markdown", "dir.md/", "dir.md//", "notes.txt", "a/b/c.TEXT", ".md", "dir/.md",
                     "noextension", "", "/", "//", "x.", "page.html", "page.HTM", "plan.docx", "plan.doc", "plan.DOC", "plan.odt",
                     "scan.pdf", "plan.markdowns", "plan.abcdefghijk", "a.b/c", "a/b.c.md", "-", "caf\u{E9}.md", "d\u{E9}/plan.docx", "plan.md/\u{301}x"]
        for path in paths {
            #expect(DocumentReaders.reader(forPath: path).format == reference(path), "\(path)")
        }
    }
}
