@testable import EqlintPlan
import Foundation
import Testing

/// The OpenDocument reader on small hand-written `content.xml` bodies.
@Suite("Office: OpenDocument content.xml to Markdown")
struct OpenDocumentConversionTests {
    static let listStyles = """
        <text:list-style style:name="Numbers">
          <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
          <text:list-level-style-bullet text:level="2" text:bullet-char="◦"/>
        </text:list-style>
        <text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
        <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
        <style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="normal"/></style:style>
        <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Label"/>
        <style:style style:name="PL" style:family="paragraph" style:list-style-name="Bullets"/>
        """
    static let commonStyles = """
        <style:style style:name="Label" style:family="paragraph"><style:text-properties fo:font-weight="700"/></style:style>
        <style:style style:name="Title" style:family="paragraph" style:display-name="Title"/>
        <style:style style:name="Heading_20_2" style:family="paragraph" style:display-name="Heading 2" style:default-outline-level="2"/>
        """

    static func markdown(_ body: String) throws -> String {
        try OfficeFixtures.openDocumentMarkdown(body, automaticStyles: listStyles, styles: commonStyles)
    }

    @Test("headings by text:h and its outline level, by a Title or outlined paragraph style")
    func headings() throws {
        let body = #"<text:p text:style-name="Title">Equality objectives</text:p>"#
            + #"<text:h text:outline-level="2">Objective 1: Attendance</text:h>"#
            + #"<text:h>No level given</text:h>"#
            + #"<text:p text:style-name="Heading_20_2">Objective 2: Reading</text:p>"#
            + #"<text:p>Body</text:p>"#
        #expect(try Self.markdown(body) == """
            # Equality objectives

            ## Objective 1: Attendance

            # No level given

            ## Objective 2: Reading

            Body

            """)
    }

    /// Two lists one after the other are written as one Markdown list: each item keeps its number.
    @Test("lists: numbered or bulleted by their list style's level, nested, continued, started anew, and from the paragraph's style")
    func lists() throws {
        let body = #"<text:list xml:id="list1" text:style-name="Numbers"><text:list-item><text:p>Raise attendance</text:p>"#
            + #"<text:list><text:list-item><text:p>Meet families</text:p></text:list-item></text:list></text:list-item>"#
            + #"<text:list-item><text:p>Close the gap</text:p><text:p>A second paragraph</text:p></text:list-item></text:list>"#
            + #"<text:p>Between.</text:p>"#
            + #"<text:list text:style-name="Numbers" text:continue-list="list1"><text:list-item><text:p>Continued</text:p></text:list-item></text:list>"#
            + #"<text:list text:style-name="Numbers"><text:list-item><text:p>Anew</text:p></text:list-item>"#
            + #"<text:list-item text:start-value="7"><text:p>Seventh</text:p></text:list-item>"#
            + #"<text:list-header><text:p>Not numbered</text:p></text:list-header></text:list>"#
            + #"<text:list><text:list-item><text:p text:style-name="PL">Bullet by paragraph style</text:p></text:list-item></text:list>"#
        #expect(try Self.markdown(body) == """
            1. Raise attendance
               - Meet families
            2. Close the gap
               A second paragraph

            Between.

            3. Continued
            1. Anew
            7. Seventh

            Not numbered

            - Bullet by paragraph style

            """)
    }

    @Test("tables: spanned and covered cells keep columns in line; repeated cells; header rows")
    func tables() throws {
        let body = "<table:table><table:table-column table:number-columns-repeated=\"3\"/>"
            + "<table:table-header-rows><table:table-row><table:table-cell><text:p>Action</text:p></table:table-cell>"
            + "<table:table-cell><text:p>Lead</text:p></table:table-cell><table:table-cell><text:p>When</text:p></table:table-cell></table:table-row></table:table-header-rows>"
            + "<table:table-row><table:table-cell table:number-columns-spanned=\"2\"><text:p>Report to governors</text:p><text:p>twice</text:p></table:table-cell>"
            + "<table:covered-table-cell/><table:table-cell><text:p>July<text:line-break/>2027</text:p></table:table-cell></table:table-row>"
            + "<table:table-row><table:table-cell table:number-columns-repeated=\"2\"/><table:table-cell><text:p>Termly</text:p></table:table-cell></table:table-row>"
            + "</table:table>"
        #expect(try Self.markdown(body) == """
            | Action | Lead | When |
            |---|---|---|
            | Report to governors<br>twice |  | July<br>2027 |
            |  |  | Termly |

            """)
    }

    @Test("bold spans and paragraph styles, text:s spaces, text:tab, text:line-break, links and fields as their text")
    func text() throws {
        let body = #"<text:p><text:span text:style-name="T1">Lead:</text:span> Deputy<text:s text:c="3"/>Head</text:p>"#
            + #"<text:p text:style-name="P1">Success criteria <text:span text:style-name="T2">(measured)</text:span></text:p>"#
            + #"<text:p>Timescale:<text:tab/>July 2026<text:line-break/>Reviewed <text:a xlink:href="x" xmlns:xlink="http://www.w3.org/1999/xlink">termly</text:a> on <text:date>1 May</text:date></text:p>"#
        #expect(try Self.markdown(body) == """
            **Lead:** Deputy Head

            **Success criteria** (measured)

            Timescale: July 2026
            Reviewed termly on 1 May

            """)
    }

    @Test("left out: notes, annotations, deleted text of tracked changes, tables of contents")
    func leftOut() throws {
        let body = #"<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>Deleted</text:p></text:deletion></text:changed-region></text:tracked-changes>"#
            + #"<text:table-of-content><text:index-body><text:p>Objective 1 ... 3</text:p></text:index-body></text:table-of-content>"#
            + #"<text:p>Text<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Note</text:p></text:note-body></text:note>"#
            + #"<office:annotation><text:p>Comment</text:p></office:annotation><text:change text:change-id="c1"/> kept</text:p>"#
        #expect(try Self.markdown(body) == "Text kept\n")
    }

    @Test("a Word document named .odt, and an OpenDocument text named .docx, are read all the same")
    func swappedNames() throws {
        let docx = OfficeFixtures.docx(body: #"<w:p><w:r><w:t>From Word</w:t></w:r></w:p>"#)
        #expect(try OdtReader.markdown(docx) == "From Word\n")
        let odt = OfficeFixtures.odt(body: "<text:p>From Writer</text:p>")
        #expect(try DocxReader.markdown(odt) == "From Writer\n")
    }
}
