@testable import EqlintPlan
@testable import EqlintText
import Foundation
import Testing

/// Hostile and broken documents: each must end, well under a second, in an
/// `OfficeDocumentError` whose sentence says what is wrong, never a crash,
/// a hang, or a read of another file.
@Suite("Office: hostile and broken documents")
struct OfficeHostileTests {
    /// Reads `bytes` as a .docx (or .odt) and gives the error, checking it came quickly.
    static func error(_ bytes: [UInt8], odt: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> OfficeDocumentError? {
        let clock = ContinuousClock()
        let start = clock.now
        let error = OfficeFixtures.error(bytes, odt: odt)
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(1), "took \(elapsed)", sourceLocation: sourceLocation)
        #expect(error != nil, "read without an error", sourceLocation: sourceLocation)
        return error
    }

    static func archiveFixture(_ name: String) throws -> [UInt8] {
        try ArchiveFixtures.bytes("zip/\(name)")
    }

    static func body(_ xml: String) -> [UInt8] {
        StoredZip.archive([("word/document.xml", Array(xml.utf8))])
    }

    @Test("a ZIP bomb stops at the part limit, which the error names; one that lies about its size stops at the size it declares")
    func bombs() throws {
        let bomb = Self.error(try Self.archiveFixture("bomb.zip"))
        #expect(bomb == .archive(.entryTooLarge(entry: "word/document.xml", limit: OfficePackage.partLimit)))
        #expect(bomb?.description == "the entry word/document.xml would inflate to more than 64 MB; eqlint stops there")
        guard case .archive(.sizeMismatch(let entry, _, nil))? = Self.error(try Self.archiveFixture("bomb-lying-size.zip")) else {
            Issue.record("the lying bomb did not stop at its declared size")
            return
        }
        #expect(entry == "word/document.xml")
    }

    @Test("a truncated archive: cut anywhere, a real document fails with the archive's own sentence")
    func truncated() throws {
        #expect(Self.error(try Self.archiveFixture("truncated.zip")) == .archive(.truncated))
        let document = [UInt8](try Data(contentsOf: URL(fileURLWithPath: OfficeFixtures.path("model-plan.pandoc.docx"))))
        for length in stride(from: 100, to: document.count - 1, by: document.count / 7) {
            let error = Self.error(Array(document.prefix(length)))
            #expect(error?.description.isEmpty == false)
        }
        #expect(Self.error(Array(document.prefix(document.count / 2)))?.description == "the archive is cut short (truncated)")
    }

    @Test("a file that is no ZIP archive: a renamed text file, an empty file, RTF, a PDF")
    func notAZip() throws {
        let text = Self.error(try Self.archiveFixture("not-a-zip.txt"))
        #expect(text?.description == "is not a Word document (.docx): it is not a ZIP archive, as every such document is; it looks like text; if it is, name it .md or .txt")
        #expect(Self.error([])?.description == "is not a Word document (.docx): it is not a ZIP archive, as every such document is; it looks like an empty file")
        #expect(Self.error(Array(#"{\rtf1\ansi Objective 1"#.utf8))?.description.contains("Rich Text Format (.rtf)") == true)
        #expect(Self.error(Array("%PDF-1.7\n".utf8))?.description.contains("a PDF") == true)
        #expect(Self.error(Array("plain text".utf8), odt: true)?.description.hasPrefix("is not an OpenDocument text (.odt): it is not a ZIP archive") == true)
    }

    @Test("an OLE compound file: a Word 97-2003 .doc, or a password-protected document")
    func compoundFile() {
        let ole = OLECompoundFile.signature + Array(repeating: 0, count: 504)
        let error = Self.error(ole)
        #expect(error == .compoundFile(.word))
        #expect(error?.description == "is a Word 97-2003 document (.doc) or a password-protected document, which eqlint cannot read: "
            + "open it in Word, choose File > Save As > Word Document (.docx), and save it without a password")
        #expect(Self.error(ole, odt: true) == .compoundFile(.openDocument))
    }

    @Test("an archive without word/document.xml (or content.xml); an Excel workbook named .docx says so")
    func missingPart() {
        let other = StoredZip.archive([("notes.txt", Array("hello".utf8))])
        #expect(Self.error(other)?.description
            == "is not a Word document (.docx): it is a ZIP archive without word/document.xml, the part that holds the document's text")
        #expect(Self.error(other, odt: true)?.description
            == "is not an OpenDocument text (.odt): it is a ZIP archive without content.xml, the part that holds the document's text")
        let workbook = StoredZip.archive([("xl/workbook.xml", Array("<workbook/>".utf8))])
        #expect(Self.error(workbook)?.description == "is not a Word document (.docx): it has no word/document.xml; it looks like an Excel workbook (.xlsx)")
    }

    @Test("a password: an encrypted entry, or an OpenDocument manifest with encryption data")
    func password() throws {
        #expect(Self.error(try Self.archiveFixture("encrypted.zip")) == .archive(.passwordProtected(entry: "word/document.xml")))
        let manifest = #"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"#
        let odt = StoredZip.archive([("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)),
                                     ("META-INF/manifest.xml", Array(manifest.utf8)), ("content.xml", [0x9F, 0x12, 0x00, 0x44])])
        #expect(Self.error(odt, odt: true) == .encrypted(.openDocument))
    }

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
        """

    @Test("billion laughs: a document type declaration is refused before anything is parsed")
    func billionLaughs() {
        let error = Self.error(Self.body(Self.billionLaughs))
        #expect(error == .declaration(part: "word/document.xml", kind: .documentType))
        #expect(error?.description.hasPrefix("its part word/document.xml has a document type declaration (<!DOCTYPE>)") == true)
        // In another part (the styles), and in content.xml of an .odt, too.
        let styles = OfficeFixtures.docx(body: "<w:p/>", styles: Self.billionLaughs)
        #expect(Self.error(styles) == .declaration(part: "word/styles.xml", kind: .documentType))
        let odt = StoredZip.archive([("content.xml", Array(Self.billionLaughs.utf8))])
        #expect(Self.error(odt, odt: true) == .declaration(part: "content.xml", kind: .documentType))
    }

    @Test("an external entity naming /etc/passwd is refused, and nothing of the file is read")
    func externalEntity() throws {
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
            """
        let error = Self.error(Self.body(xxe))
        #expect(error == .declaration(part: "word/document.xml", kind: .documentType))
        #expect(error?.description.contains("root:") == false)
        // An entity declared without a document type (not well-formed, but refused all the same), in any case.
        #expect(Self.error(Self.body(#"<w:document><!entity x SYSTEM "file:///etc/passwd"></w:document>"#))
            == .declaration(part: "word/document.xml", kind: .entity))
        // A reference to an undeclared entity is an error of the XML, not a read.
        let undeclared = Self.error(Self.body(#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"#))
        guard case .malformedXML(let part, _, _)? = undeclared else {
            Issue.record("an undeclared entity was not refused: \(String(describing: undeclared))")
            return
        }
        #expect(part == "word/document.xml")
    }

    @Test("XML in another encoding than UTF-8 is refused, where the declaration checks could not see")
    func encodings() {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<w:document/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(Self.error(Self.body(String(decoding: utf16, as: UTF8.self))) != nil)
        #expect(Self.error(StoredZip.archive([("word/document.xml", utf16)])) == .unsupportedEncoding(part: "word/document.xml", encoding: "UTF-16 or UTF-32"))
        #expect(Self.error(Self.body(#"<?xml version="1.0" encoding="UTF-7"?><w:document/>"#))
            == .unsupportedEncoding(part: "word/document.xml", encoding: "UTF-7"))
    }

    @Test("malformed XML and elements nested without end end in an error that names the part")
    func malformed() {
        guard case .malformedXML(let part, let line, _)? = Self.error(Self.body("<w:document>\n<w:body>\n<w:p></w:body>")) else {
            Issue.record("malformed XML was read")
            return
        }
        #expect(part == "word/document.xml")
        #expect(line >= 1)
        let deep = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
            + String(repeating: "<w:sdt><w:sdtContent>", count: 5_000) + String(repeating: "</w:sdtContent></w:sdt>", count: 5_000) + "</w:body></w:document>"
        let error = Self.error(Self.body(deep))
        #expect(error == .tooDeep(part: "word/document.xml", limit: XMLTreeParser.maximumDepth) || {
            if case .malformedXML? = error { return true } else { return false }
        }())
    }

    @Test("a part over 10 MB is read whole (libxml2, which eqlint used before its own reader, refused more at once)")
    func largePart() throws {
        let padding = String(repeating: "x", count: 5_500)
        let paragraphs = (0..<2_000).map { #"<w:p><w:bookmarkStart w:id="\#($0)" w:name="\#(padding)"/><w:r><w:t>Paragraph \#($0)</w:t></w:r></w:p>"# }
        let bytes = OfficeFixtures.docx(body: paragraphs.joined())
        #expect(bytes.count > 11_000_000)
        let markdown = try DocxReader.markdown(bytes)
        #expect(markdown.hasPrefix("Paragraph 0\n\nParagraph 1\n"))
        #expect(markdown.hasSuffix("Paragraph 1999\n"))
    }

    @Test("the reader's load turns each error into one InputError sentence after the file's name")
    func inputError() throws {
        let folder = try TemporaryFolder.make("office")
        let plan = folder.appendingPathComponent("plan.docx")
        try Data("# Equality objectives\n".utf8).write(to: plan)
        #expect(throws: InputError.self) { try DocxReader().load(path: plan.path, displayPath: "plan.docx") }
        do {
            _ = try DocxReader().load(path: plan.path, displayPath: "plan.docx")
        } catch {
            #expect(error.description.hasPrefix("plan.docx: is not a Word document (.docx): it is not a ZIP archive"))
            #expect(!error.description.contains("\n"))
        }
        let parser = PlanParser(vocabulary: TestSupport.builtInRuleSet.vocabulary)
        #expect(throws: InputError.missing(path: "gone.docx")) { try parser.load(path: folder.appendingPathComponent("gone.docx").path, displayPath: "gone.docx") }
    }
}
