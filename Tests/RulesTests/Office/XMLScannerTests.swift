@testable import EqlintPlan
import Testing

/// eqlint's own XML reader for the parts of Office documents: the trees it
/// builds (references, CDATA, comments, processing instructions, quoting,
/// whitespace, namespaces), and each way a part can be malformed, with its line.
@Suite("Office: the XML reader")
struct XMLScannerTests {
    static func parse(_ xml: String) throws -> XMLTreeElement {
        try XMLTreeParser.parse(Array(xml.utf8), part: "word/document.xml")
    }

    /// The error reading `bytes`, or nil if it reads.
    static func error(_ bytes: [UInt8]) -> OfficeDocumentError? {
        do {
            _ = try XMLTreeParser.parse(bytes, part: "word/document.xml")
            return nil
        } catch {
            return error
        }
    }

    static func texts(_ element: XMLTreeElement) -> [String] {
        element.children.compactMap { if case .text(let text) = $0 { return text } else { return nil } }
    }

    @Test("the five predefined entities and character references, decimal and hexadecimal, in text and attributes")
    func references() throws {
        let root = try Self.parse(#"<r a="&lt;&amp;&#65;&#x42;&quot;">&lt;&gt;&amp;&quot;&apos; &#233;&#xE9;&#x1F600;&#10;</r>"#)
        #expect(root.ownText == "<>&\"' éé😀\n")
        #expect(root.attribute("a") == "<&AB\"")
        #expect(Self.texts(root).count == 1)
    }

    @Test("CDATA is text as written, line ends too; comments and processing instructions are skipped, the text around them one node")
    func cdataCommentsInstructions() throws {
        let root = try Self.parse("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!-- before --><?pi x?>\n"
            + "<r>a<!-- c -->b<?target data?>c<![CDATA[<b>&amp;</b>\r\n]]>d<x/><![CDATA[]]></r>\n<!-- after --><?pi?>\n")
        #expect(Self.texts(root) == ["abc<b>&amp;</b>\r\nd", ""])
        #expect(root.elements.map(\.name) == ["x"])
        // A byte order mark, and the processing instructions XML reserves a name for but allows.
        #expect(try XMLTreeParser.parse([0xEF, 0xBB, 0xBF] + Array("<?xml-stylesheet href='s'?><r/>".utf8), part: "p").name == "r")
    }

    @Test("attributes quoted with ' or \", each holding the other quote; whitespace between them and around =")
    func quoting() throws {
        let root = try Self.parse("<r a='1' b=\"2\" c='x\"y' d=\"x'y\"\n\te = 'spaced'  />")
        #expect(root.attributes == ["a": "1", "b": "2", "c": "x\"y", "d": "x'y", "e": "spaced"])
        #expect(root.children.isEmpty)
    }

    @Test("whitespace: text kept as written but line ends made LF; a tab or line end in an attribute value reads as a space, a character reference as itself")
    func whitespace() throws {
        let root = try Self.parse("<r a=\"x\ty\nz\r\nw\rv\" b=\"&#9;&#10;&#13;\"> <p>a\r\nb\rc\n</p>\t</r>")
        #expect(root.attribute("a") == "x y z w v")
        #expect(root.attribute("b") == "\t\n\r")
        #expect(Self.texts(root) == [" ", "\t"])
        #expect(root.child("p")?.ownText == "a\nb\nc\n")
    }

    @Test("names made canonical through the prefixes declared, whatever they are; default namespaces; scopes; unknown and undeclared prefixes")
    func namespaces() throws {
        let word = try Self.parse(#"<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:p x:val="1" plain="2" xml:space="preserve"/></x:document>"#)
        #expect(word.name == "w:document")
        #expect(word.child("w:p")?.attributes == ["w:val": "1", "plain": "2", "xml:space": "preserve"])
        #expect(try Self.parse(#"<document-content xmlns="urn:oasis:names:tc:opendocument:xmlns:office:1.0" a="1"/>"#).attributes == ["a": "1"])
        #expect(try Self.parse(#"<document-content xmlns="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>"#).name == "office:document-content")
        let unknown = try Self.parse(#"<a xmlns="urn:example"><b xmlns=""/><q:c/></a>"#)
        #expect(unknown.name == "{urn:example}a")
        #expect(unknown.elements.map(\.name) == ["b", "q:c"])
        let scoped = try Self.parse(#"<a xmlns:p="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><p:x xmlns:p="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><p:y/></p:x><p:z/></a>"#)
        #expect(scoped.elements.map(\.name) == ["table:x", "text:z"])
        #expect(scoped.child("table:x")?.elements.map(\.name) == ["table:y"])
    }

    @Test("each way a part is malformed, with its line and the words for it")
    func malformed() {
        let cases: [(xml: String, line: Int, detail: String)] = [
            ("<a>\n<b>\n</a>", 3, "a closing tag does not match the tag it closes"),
            ("<a>\r\n<b>\r</a>", 3, "a closing tag does not match the tag it closes"),
            ("<a>\n<b", 2, "a tag is not finished"),
            ("<a>\n</a", 2, "a tag is not finished"),
            ("<a b=1/>", 1, "an attribute is malformed"),
            ("<a b/>", 1, "an attribute is malformed"),
            ("<a b='1'c='2'/>", 1, "an attribute is malformed"),
            ("<a\nb='1' b='2'/>", 2, "a tag gives the same attribute twice"),
            ("<a b='<'/>", 1, "an attribute value holds a <"),
            ("<a>\n\u{1}</a>", 2, "it holds a character XML does not allow"),
            ("<a>&#0;</a>", 1, "it holds a character XML does not allow"),
            ("<a>&#xZ;</a>", 1, "a reference (&...;) is malformed"),
            ("<a>&amp</a>", 1, "a reference (&...;) is malformed"),
            ("<a>\n&nbsp;</a>", 2, "it refers to an entity that is not declared"),
            ("<a>]]></a>", 1, "it holds ]]> outside a CDATA section"),
            ("<a/>\n<b/>", 2, "there is more after its root element"),
            ("<a/>text", 1, "there is more after its root element"),
            ("", 1, "there is no XML in it"),
            ("  \n", 2, "there is no XML in it"),
            ("text", 1, "there is no XML in it"),
            ("<a>\n<b>\n", 3, "it ends before its elements are closed"),
            ("<1a/>", 1, "a tag does not start with a valid name"),
            ("<a><!-- x -- y --></a>", 1, "a comment holds --"),
            ("<a><!-- x</a>", 1, "a comment is not finished"),
            ("<a><![CDATA[x\n</a>", 2, "a CDATA section is not finished"),
            ("<a><?pi x</a>", 1, "a processing instruction is not finished"),
            ("<a><!ELEMENTS a></a>", 1, "it holds markup XML does not allow there"),
            ("\n<?xml version='1.0'?><a/>", 2, "an XML declaration stands after the part's start"),
            ("<a><?xmlfoo?></a>", 1, "a processing instruction's name starts with xml, which XML reserves"),
            ("<?xml encoding='UTF-8'?><a/>", 1, "the XML declaration is malformed"),
            ("<?xml version='2'?><a/>", 1, "the XML declaration is malformed"),
            ("<?xml version='1.1'?><a/>", 1, "the XML declaration is malformed"),
            (#"<a xml:space="keep"/>"#, 1, "an xml:space attribute is neither default nor preserve"),
            (#"<a xmlns:p="http://host:port/"/>"#, 1, "a namespace's name is not a valid URI"),
            (#"<a xmlns="relative/name"/>"#, 1, "a namespace's name is not a valid URI"),
        ]
        for (xml, line, detail) in cases {
            #expect(Self.error(Array(xml.utf8)) == .malformedXML(part: "word/document.xml", line: line, detail: detail), "\(xml.debugDescription)")
        }
        // Bytes that are not UTF-8, an overlong form, a surrogate, U+FFFE.
        for bytes: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBE], [0xE2, 0x82]] {
            let error = Self.error(Array("<a>\n".utf8) + bytes + Array("</a>".utf8))
            #expect(error == .malformedXML(part: "word/document.xml", line: 2, detail: "it holds a character XML does not allow"), "\(bytes)")
        }
    }

    @Test("elements nest up to the limit, and one deeper is refused")
    func deep() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "<e>", count: depth) + "x" + String(repeating: "</e>", count: depth)
        }
        var element = try Self.parse(nested(XMLTreeParser.maximumDepth))
        for _ in 1..<XMLTreeParser.maximumDepth { element = try #require(element.child("e")) }
        #expect(element.ownText == "x")
        #expect(Self.error(Array(nested(XMLTreeParser.maximumDepth + 1).utf8)) == .tooDeep(part: "word/document.xml", limit: XMLTreeParser.maximumDepth))
    }

    @Test("a namespace's name: absolute URIs and URNs; for a prefix, relative references too")
    func namespaceNames() {
        for name in ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
                     "http://purl.oclc.org/ooxml/wordprocessingml/main", "http://user@host:8080/p%20q?x=1#f", "http://[::1]/"] {
            #expect(NamespaceName.isValid(name, isDefault: true), "\(name)")
        }
        #expect(NamespaceName.isValid("relative/name", isDefault: false))
        for name in ["http://host:port/", "a b:c", "urn:x>y", "urn:%zz", "x:y\"", ":no-scheme"] {
            #expect(!NamespaceName.isValid(name, isDefault: false), "\(name)")
        }
    }
}
