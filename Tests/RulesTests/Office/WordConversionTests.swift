@testable import EqlintPlan
@testable import EqlintText
import Foundation
import Testing

/// The Word reader on small hand-written `document.xml` bodies: the Markdown
/// it writes for each construct a plan uses.
@Suite("Office: Word document.xml to Markdown")
struct WordConversionTests {
    /// A paragraph of plain runs, with an optional style.
    static func p(_ text: String, style: String? = nil, properties: String = "") -> String {
        let pPr = style.map { #"<w:pPr><w:pStyle w:val="\#($0)"/>\#(properties)</w:pPr>"# } ?? (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")
        return "<w:p>\(pPr)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func r(_ text: String, bold: Bool = false) -> String {
        "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }

    static func markdown(_ body: String, numbering: String? = nil, styles: String? = nil) throws -> String {
        try OfficeFixtures.wordMarkdown(body, numbering: numbering, styles: styles)
    }

    // MARK: Headings

    @Test("headings by built-in style id, style name, Title and outline level, through basedOn")
    func headings() throws {
        let styles = """
            <w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/></w:style>
            <w:style w:type="paragraph" w:styleId="ObjectiveHeading"><w:name w:val="Objective heading"/><w:basedOn w:val="Kop2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Outlined"><w:name w:val="Outlined"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="FromOutlined"><w:name w:val="From outlined"/><w:basedOn w:val="Outlined"/></w:style>
            """
        let body = Self.p("Equality objectives", style: "Title")
            + Self.p("Our duty", style: "Heading1")
            + Self.p("Objective 1: Attendance", style: "Kop2")
            + Self.p("Objective 2: Reading", style: "ObjectiveHeading")
            + Self.p("Success criteria", style: "Outlined")
            + Self.p("Actions", style: "FromOutlined")
            + Self.p("Deep", style: "Heading9")
            + Self.p("By its own outline level", properties: #"<w:outlineLvl w:val="1"/>"#)
            + Self.p("Body text level", style: "Heading1", properties: #"<w:outlineLvl w:val="9"/>"#)
        #expect(try Self.markdown(body, styles: styles) == """
            # Equality objectives

            # Our duty

            ## Objective 1: Attendance

            ## Objective 2: Reading

            ### Success criteria

            ### Actions

            ###### Deep

            ## By its own outline level

            Body text level

            """)
    }

    // MARK: Lists

    static let numbering = """
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="2">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="3">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Objective %1:"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        <w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
        """

    static func item(_ text: String, num: Int, level: Int = 0) -> String {
        p(text, properties: #"<w:numPr><w:ilvl w:val="\#(level)"/><w:numId w:val="\#(num)"/></w:numPr>"#)
    }

    @Test("numbered and bulleted items: counted per list and level as Word shows them, nested levels indented")
    func lists() throws {
        let body = Self.item("Raise attendance", num: 1)
            + Self.item("Meet families", num: 1, level: 1)
            + Self.item("Weekly", num: 1, level: 2)
            + Self.item("Termly", num: 1, level: 2)
            + Self.item("Close the gap", num: 1)
            + Self.p("Between the lists.")
            + Self.item("One", num: 2)
            + Self.item("Two", num: 2)
            + Self.p("Another instance of the same list continues its count:")
            + Self.item("Third", num: 3)
            + Self.p("An instance that restarts it starts again:")
            + Self.item("First again", num: 4)
            + Self.item("Second again", num: 4)
        #expect(try Self.markdown(body, numbering: Self.numbering) == """
            1. Raise attendance
               - Meet families
                 1. Weekly
                 2. Termly
            2. Close the gap

            Between the lists.

            - One
            - Two

            Another instance of the same list continues its count:

            3. Third

            An instance that restarts it starts again:

            1. First again
            2. Second again

            """)
    }

    @Test("a label that says more than the number (Objective %1:) is written into the text; numbering from the paragraph style; numId 0 is none")
    func labels() throws {
        let styles = """
            <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
            """
        let body = Self.item("Improve attendance", num: 5)
            + Self.item("Reduce incidents", num: 5)
            + Self.p("By its style", style: "ListBullet")
            + Self.p("Not numbered", style: "ListBullet", properties: #"<w:numPr><w:numId w:val="0"/></w:numPr>"#)
            + Self.p("Close the gap", style: "Heading2")
        #expect(try Self.markdown(body, numbering: Self.numbering, styles: styles) == """
            Objective 1: Improve attendance

            Objective 2: Reduce incidents

            - By its style

            Not numbered

            ## Objective 3: Close the gap

            """)
    }

    // MARK: Tables

    @Test("tables: the first row the header, gridSpan and vMerge keep columns in line, a cell's paragraphs and breaks joined with <br>, pipes escaped")
    func tables() throws {
        func cell(_ content: String, properties: String = "") -> String {
            "<w:tc>\(properties.isEmpty ? "" : "<w:tcPr>\(properties)</w:tcPr>")\(content)</w:tc>"
        }
        let body = "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            + "<w:tr>" + cell(Self.p("Action")) + cell(Self.p("Lead")) + cell(Self.p("Time frame")) + "</w:tr>"
            + "<w:tr>" + cell(Self.p("Meet families") + Self.p("Agree plans"), properties: #"<w:vMerge w:val="restart"/>"#)
            + cell(Self.p("Deputy Head")) + cell("<w:p>" + Self.r("By July") + "<w:r><w:br/></w:r>" + Self.r("2026") + "</w:p>") + "</w:tr>"
            + "<w:tr>" + cell(Self.p(""), properties: "<w:vMerge/>") + cell(Self.p("SENCO | Head")) + cell(Self.p("Termly")) + "</w:tr>"
            + "<w:tr>" + cell(Self.p("Report to governors"), properties: #"<w:gridSpan w:val="2"/>"#) + cell(Self.p("July 2027")) + "</w:tr>"
            + "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + cell(Self.p("Headteacher")) + cell(Self.p("Ongoing")) + "</w:tr>"
            + "</w:tbl>"
        #expect(try Self.markdown(body) == """
            | Action | Lead | Time frame |
            |---|---|---|
            | Meet families<br>Agree plans | Deputy Head | By July<br>2026 |
            |  | SENCO \\| Head | Termly |
            | Report to governors |  | July 2027 |
            |  | Headteacher | Ongoing |

            """)
    }

    @Test("a table of one column, as a box around text, is written as its blocks")
    func oneColumnTable() throws {
        let body = "<w:tbl><w:tr><w:tc>" + Self.p("Objective 1: Attendance", style: "Heading2") + Self.p("Lead: Head") + "</w:tc></w:tr></w:tbl>"
        #expect(try Self.markdown(body) == """
            ## Objective 1: Attendance

            Lead: Head

            """)
    }

    // MARK: Runs

    @Test("tracked changes: inserted text kept, deleted text dropped")
    func trackedChanges() throws {
        let body = "<w:p>" + Self.r("Attendance rises to ")
            + #"<w:del w:id="1" w:author="A"><w:r><w:delText>92%</w:delText></w:r></w:del>"#
            + #"<w:ins w:id="2" w:author="A">"# + Self.r("95%") + "</w:ins>"
            + Self.r(" by July 2026.") + "</w:p>"
            + #"<w:p><w:moveFrom w:id="3" w:author="A">"# + Self.r("Moved away") + "</w:moveFrom></w:p>"
        #expect(try Self.markdown(body) == "Attendance rises to 95% by July 2026.\n")
    }

    @Test("fields keep their result, not their instruction; content controls, hyperlinks and smart tags read as their text")
    func fieldsAndControls() throws {
        let body = "<w:p>" + Self.r("Published ")
            + #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "d MMMM yyyy" </w:instrText></w:r>"#
            + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"# + Self.r("1 October 2025") + #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
            + Self.r(", see ") + #"<w:fldSimple w:instr=" PAGE ">"# + Self.r("4") + "</w:fldSimple>"
            + Self.r(" and ") + #"<w:hyperlink r:id="rId9">"# + Self.r("our website") + "</w:hyperlink>" + "</w:p>"
            + #"<w:sdt><w:sdtPr><w:alias w:val="Lead"/><w:text/></w:sdtPr><w:sdtContent>"# + Self.p("Lead: Deputy Head") + "</w:sdtContent></w:sdt>"
            + "<w:p>" + Self.r("Timescale: ") + #"<w:sdt><w:sdtPr><w:date/></w:sdtPr><w:sdtContent>"# + Self.r("July 2026") + "</w:sdtContent></w:sdt>"
            + "<w:smartTag w:element=\"date\">" + Self.r(" (Summer term)") + "</w:smartTag></w:p>"
        #expect(try Self.markdown(body) == """
            Published 1 October 2025, see 4 and our website

            Lead: Deputy Head

            Timescale: July 2026 (Summer term)

            """)
    }

    @Test("bold lead-ins: adjacent bold runs merged, spaces left outside, w:val=0 and false not bold, bold from styles")
    func bold() throws {
        let styles = """
            <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Label"><w:name w:val="Label"/><w:rPr><w:b/></w:rPr></w:style>
            """
        let body = "<w:p>" + Self.r("Lead", bold: true) + Self.r(": ", bold: true) + Self.r("Deputy Head") + "</w:p>"
            + "<w:p>" + #"<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Not </w:t></w:r><w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>bold</w:t></w:r>"# + "</w:p>"
            + "<w:p>" + #"<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Aim:</w:t></w:r>"# + Self.r(" Foster good relations") + "</w:p>"
            + "<w:p>" + Self.r(" ", bold: true) + Self.r("Spaces only", bold: false) + "</w:p>"
            + Self.p("Success criteria", style: "Label")
        #expect(try Self.markdown(body, styles: styles) == """
            **Lead:** Deputy Head

            Not bold

            **Aim:** Foster good relations

            Spaces only

            **Success criteria**

            """)
    }

    @Test("tabs are spaces; w:br and w:cr start a new line; a page break is a space")
    func tabsAndBreaks() throws {
        let body = "<w:p>" + Self.r("Lead:") + "<w:r><w:tab/></w:r>" + Self.r("Head of School") + "<w:r><w:br/></w:r>"
            + Self.r("Timescale:") + "<w:r><w:tab/><w:t>July 2026</w:t><w:cr/><w:t>Reviewed termly</w:t></w:r>"
            + #"<w:r><w:br w:type="page"/></w:r>"# + Self.r("by governors") + "</w:p>"
        #expect(try Self.markdown(body) == """
            Lead: Head of School
            Timescale: July 2026
            Reviewed termly by governors

            """)
    }

    @Test("Markdown in the text is escaped: a paragraph that would start a heading, list or quote, and *, _, |, [ ] anywhere")
    func escaping() throws {
        let body = Self.p("# not a heading") + Self.p("- not a bullet") + Self.p("1. not a number") + Self.p("> not a quote")
            + Self.p("2025. A year") + Self.p("• Word's bullet typed by hand")
            + Self.p("A *starred* word, snake_case, a | pipe and [brackets] &amp;amp; &lt;b&gt;")
        let markdown = try Self.markdown(body)
        #expect(markdown == """
            \\# not a heading

            \\- not a bullet

            1\\. not a number

            \\> not a quote

            2025\\. A year

            \\• Word's bullet typed by hand

            A \\*starred\\* word, snake\\_case, a \\| pipe and \\[brackets\\] \\&amp; \\<b>

            """)
        // Read back, the text is as written.
        let document = MarkdownReader().read(SourceFile(path: "plan.md", text: markdown))
        let paragraphs = document.blocks.compactMap { block -> String? in
            guard case .paragraph(let lines) = block else { return nil }
            return lines.map { InlineText.plain(document.source.bytes, $0) }.joined(separator: " ")
        }
        #expect(paragraphs == ["# not a heading", "- not a bullet", "1. not a number", "> not a quote", "2025. A year",
                               "• Word's bullet typed by hand", "A *starred* word, snake_case, a | pipe and [brackets] &amp; <b>"])
    }

    @Test("left out: deleted paragraphs' text, tables of contents, instruction text, notes references")
    func leftOut() throws {
        let styles = #"<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>"#
        let body = Self.p("Objective 1: Attendance ... 3", style: "TOC1")
            + #"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>"#
            + Self.p("Objective 2: Reading ... 4") + "</w:sdtContent></w:sdt>"
            + "<w:p>" + Self.r("Text") + #"<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:commentReference w:id="0"/></w:r>"# + "</w:p>"
        #expect(try Self.markdown(body, styles: styles) == "Text\n")
    }

    @Test("text boxes follow the paragraph they are anchored in; the fallback of alternate content is not read twice")
    func textBoxes() throws {
        let box = "<w:txbxContent>" + Self.p("In the box") + "</w:txbxContent>"
        let body = "<w:p>" + Self.r("Anchor") + "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp xmlns:wps=\"urn:wps\"><wps:txbx>"
            + box + "</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict>" + box + "</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        #expect(try Self.markdown(body) == "Anchor\n\nIn the box\n")
    }

    @Test("a namespace prefix other than w: is read by its namespace; strict Open XML too")
    func prefixes() throws {
        let document = #"<?xml version="1.0" encoding="UTF-8"?><x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:pPr><x:pStyle x:val="Heading1"/></x:pPr><x:r><x:t>Strict</x:t></x:r></x:p></x:body></x:document>"#
        let bytes = StoredZip.archive([("word/document.xml", Array(document.utf8))])
        #expect(try DocxReader.markdown(bytes) == "# Strict\n")
    }

    @Test("the main part is found through the package's relationships")
    func relationships() throws {
        let rels = #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>"#
        let document = #"<w:document \#(OfficeFixtures.wordNamespaces)><w:body>\#(Self.p("From the main part"))</w:body></w:document>"#
        let bytes = StoredZip.archive([("_rels/.rels", Array(rels.utf8)), ("word/main.xml", Array(document.utf8))])
        #expect(try DocxReader.markdown(bytes) == "From the main part\n")
    }
}
