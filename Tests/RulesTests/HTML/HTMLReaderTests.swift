@testable import EqlintPlan
@testable import EqlintText
import Foundation
import Testing

/// The blocks `HTMLReader` makes of a page: what it reads, what it leaves
/// out, and where its spans are.
@Suite("HTML reader")
struct HTMLReaderTests {
    func content(_ html: String) -> [String] { HTMLTestSupport.content(html) }

    // MARK: Blocks

    @Test("headings, paragraphs with <br> lines, separators between blocks as Markdown has them")
    func headingsAndParagraphs() {
        let document = HTMLTestSupport.read("""
            <h1>Equality Objectives</h1>
            <p>Published: December 2025<br>Next review: <em>July 2026</em></p>
            <h2>Objective 1: Improve attendance</h2>
            <div>Lead: Head</div>
            """)
        #expect(HTMLTestSupport.describe(document) == [
            "heading 1: Equality Objectives", "---",
            "paragraph: Published: December 2025 | Next review: July 2026", "---",
            "heading 2: Objective 1: Improve attendance", "---",
            "paragraph: Lead: Head",
        ])
        #expect(document.format == "html")
    }

    @Test("a span starts at its text and ends after it: inline tags, &nbsp; and line breaks at the ends are left out")
    func spansAreTrimmed() throws {
        let html = "<p>\n  <strong>Lead:</strong>&nbsp;Mrs&nbsp;Patel&nbsp;\n</p>"
        let document = HTMLTestSupport.read(html)
        guard case .paragraph(let lines)? = document.blocks.first else { Issue.record("no paragraph"); return }
        #expect(document.source.text(lines[0]) == "Lead:</strong>&nbsp;Mrs&nbsp;Patel")
        #expect(InlineText.plain(document.source.bytes, lines[0]) == "Lead: Mrs Patel")
    }

    @Test("text that wraps over lines of the file is one line; a heading may cover several lines")
    func wrappedText() {
        let document = HTMLTestSupport.read("<h1>Equality\n  Objectives\n 2025&ndash;2028</h1>\n<p>We will\nreview them.</p>")
        #expect(HTMLTestSupport.describe(document) == ["heading 1: Equality Objectives 2025–2028", "---", "paragraph: We will review them."])
        guard case .heading(_, let span)? = document.blocks.first else { return }
        #expect(document.source.range(of: span).start == loc(1, 5))
        #expect(document.source.range(of: span).end == loc(3, 17))
    }

    @Test("two <br> in a row end a paragraph, as the page shows a blank line")
    func doubleBreak() {
        #expect(content("<p>Objective 1:<br><br>Improve attendance<br/>for all</p>") == [
            "paragraph: Objective 1:", "paragraph: Improve attendance | for all",
        ])
    }

    @Test("div, section, blockquote, dd, dt and figcaption text are paragraphs; text around a nested block is its own")
    func blockElements() {
        #expect(content("""
            <section>Intro<div>Inside</div>Tail</section>
            <blockquote>Quoted</blockquote><dl><dt>EHCP</dt><dd>Education, Health and Care Plan</dd></dl>
            <figure><figcaption>Caption</figcaption></figure><p>One<p>Two
            """) == [
            "paragraph: Intro", "paragraph: Inside", "paragraph: Tail", "paragraph: Quoted", "paragraph: EHCP",
            "paragraph: Education, Health and Care Plan", "paragraph: Caption", "paragraph: One", "paragraph: Two",
        ])
    }

    @Test("hr is a separator")
    func rule() {
        #expect(HTMLTestSupport.describe(HTMLTestSupport.read("<p>A</p><hr><p>B</p>")) == ["paragraph: A", "---", "paragraph: B"])
    }

    @Test("preformatted text: each line of the file a line")
    func preformatted() {
        #expect(content("<pre>Lead: Head\n  Timescale: July 2026\n</pre>") == ["paragraph: Lead: Head | Timescale: July 2026"])
    }

    // MARK: Lists

    @Test("ul items are bullets, ol items numbered from start (and an li's value); a <p> in an item is a line of it")
    func lists() {
        let document = HTMLTestSupport.read("""
            <ul><li>First <em>thing</em></li><li><p>Second</p><p>more</p></li></ul>
            <ol start="3"><li>Three</li><li value="7">Seven</li><li>Eight</ol>
            <ol><li>One<li>Two</ol>
            """)
        #expect(HTMLTestSupport.describe(document) == [
            "item: First thing", "item: Second | more", "item 3: Three", "item 7: Seven", "item 8: Eight", "item 1: One", "item 2: Two",
        ])
    }

    @Test("a nested list's items stand right of their parent's, even when the page does not indent them")
    func nestedListColumns() throws {
        let document = HTMLTestSupport.read("<ul>\n<li>Parent\n<ul>\n<li>Child\n<ul>\n<li>Grandchild</li></ul></li></ul>\nafter</li>\n<li>Next</li></ul>")
        #expect(HTMLTestSupport.describe(document) == [
            "item: Parent", "item: Child", "item: Grandchild", "---", "paragraph: after", "---", "item: Next",
        ])
        let columns = document.blocks.compactMap { block -> Int? in
            guard case .listItem(let item) = block else { return nil }
            return document.source.location(of: item.markerSpan.lowerBound).column
        }
        #expect(columns == [1, 2, 3, 1])
    }

    // MARK: Tables

    @Test("a table whose first row has th, or is in thead, has a header; one of td rows has none")
    func tableHeaders() {
        #expect(content("<table><tr><th>Objective</th><th>Lead</th></tr><tr><td>Raise attendance</td><td>Head</td></tr></table>")
            == ["table (header): Objective | Lead / Raise attendance | Head"])
        #expect(content("<table><thead><tr><td>Objective</td><td>Lead</td></tr></thead><tbody><tr><td>A</td><td>B</td></tr></tbody></table>")
            == ["table (header): Objective | Lead / A | B"])
        #expect(content("<table><tr><td><strong>Objective</strong></td><td>Lead</td></tr><tr><td>A</td><td>B</td></table>")
            == ["table: Objective | Lead / A | B"])
    }

    @Test("cells: an empty cell is an empty span where it stands, colspan gives empty cells, unclosed cells and rows close")
    func cells() throws {
        let html = "<table><tr><td>a<td></td><td colspan=2>wide</tr><tr><td>b</table>"
        let document = HTMLTestSupport.read(html)
        guard case .table(let table)? = document.blocks.first else { Issue.record("no table"); return }
        #expect(table.rows.map { $0.cells.count } == [4, 1])
        #expect(table.rows[0].cells[1].isEmpty)
        let emptyCell = try #require(html.range(of: "<td></td>"))
        #expect(table.rows[0].cells[1].lowerBound == html.utf8.distance(from: html.startIndex, to: emptyCell.lowerBound) + 4)
        #expect(document.source.text(table.rows[0].cells[2]) == "wide")
        #expect(table.rows[0].cells[3] == table.rows[0].cells[2].upperBound..<table.rows[0].cells[2].upperBound)
        #expect(document.source.text(table.rows[0].span) == "a<td></td><td colspan=2>wide")
    }

    @Test("a cell's <br> and <p> pieces are the parts InlineText splits it into; a nested table's text is the cell's")
    func cellParts() throws {
        let html = """
            <table><tr><th>Action</th><th>Success criteria</th></tr>
            <tr><td><p>Train staff</p><p>Meet families</p></td><td>All trained<br>90% met
            <table><tr><td>Inner one</td><td>Inner two</td></tr></table></td></tr></table>
            """
        let document = HTMLTestSupport.read(html)
        guard case .table(let table)? = document.blocks.first else { Issue.record("no table"); return }
        #expect(table.rows.count == 2)
        let bytes = document.source.bytes
        #expect(InlineText.splitAtLineBreakTags(bytes, table.rows[1].cells[0]).map { InlineText.plain(bytes, $0) } == ["Train staff", "Meet families"])
        #expect(InlineText.splitAtLineBreakTags(bytes, table.rows[1].cells[1]).map { InlineText.plain(bytes, $0) }
            == ["All trained", "90% met", "Inner one", "Inner two"])
        #expect(InlineText.plain(bytes, table.rows[1].cells[1]) == "All trained 90% met Inner one Inner two")
    }

    @Test("a table holding headings lays out the page: its cells are read as blocks")
    func layoutTable() {
        #expect(content("""
            <table><tr><td><a href="/">Home</a></td><td><h1>Equality Objectives</h1><p>Objective 1: Improve attendance</p>
            <table><tr><th>Action</th><th>Lead</th></tr><tr><td>Meet families</td><td>Head</td></tr></table></td></tr></table>
            """) == [
            "paragraph: Home", "heading 1: Equality Objectives", "paragraph: Objective 1: Improve attendance",
            "table (header): Action | Lead / Meet families | Head",
        ])
        #expect(content("<table role=presentation><tr><td>One</td><td>Two</td></tr></table>") == ["paragraph: One", "paragraph: Two"])
    }

    @Test("a caption, and text outside the cells, come before the table")
    func caption() {
        #expect(content("<table><caption>Objective 2 actions</caption><tr><td>a</td></tr>stray<tr><td>b</td></tr></table>")
            == ["paragraph: Objective 2 actions", "paragraph: stray", "table: a / b"])
    }

    // MARK: Left out

    @Test("scripts, styles, navigation, sidebars, forms, controls and embedded content are left out")
    func skippedElements() {
        #expect(content("""
            <head><title>Page</title><style>p{}</style><script>document.write("<p>no</p>")</script></head>
            <body><noscript>Enable JS</noscript><template><p>Template</p></template>
            <nav><ul><li>Home</li></ul></nav><aside>Sidebar</aside><form><label>Search</label><select><option>One</option></select></form>
            <button>Print</button><svg><text>Chart</text></svg><svg/><iframe src="x">Frame</iframe><textarea>Typed</textarea>
            <object>Object</object><video>Video</video><canvas>Canvas</canvas>
            <p>Plan text</p></body>
            """) == ["paragraph: Plan text"])
    }

    @Test("hidden elements, cookie and consent banners, breadcrumbs and skip links are left out")
    func hiddenAndFurniture() {
        #expect(content("""
            <a href="#content" class="visually-hidden">Skip to content</a>
            <a href="#main">Skip navigation</a>
            <div hidden>Hidden</div><div aria-hidden="true">Aria hidden</div><div aria-hidden="false">Shown</div>
            <div style="color: red; DISPLAY : none">Styled away</div><p style="visibility:hidden">Invisible</p>
            <div id="cookieNotice">Cookies</div><div class="consent-box">Consent</div><div class="gdpr">GDPR</div>
            <div class="site-banner">Banner</div><ol class="breadcrumb"><li>Home</li></ol><p aria-label="Breadcrumbs">Crumbs</p>
            <div class="skip-links"><a href="#x">Jump</a></div><div role="navigation">Menu</div><dialog>Modal</dialog>
            <dialog open>Open dialog</dialog><a href="#top">Back to top</a>
            """) == ["paragraph: Shown", "paragraph: Open dialog", "paragraph: Back to top"])
    }

    @Test("a page's header and footer are left out; an article's own header is read")
    func headerAndFooter() {
        #expect(content("""
            <header><p>Ashgrove Primary School</p></header>
            <article><header><h1>Equality Objectives</h1></header><p>Text</p><footer>Published: May 2025</footer></article>
            <article><p>Another</p></article>
            <footer>12 Church Lane</footer>
            """) == ["heading 1: Equality Objectives", "paragraph: Text", "paragraph: Published: May 2025", "paragraph: Another"])
    }

    @Test("with a main element (or role=main) only it is read; else one article alone")
    func mainAndArticle() {
        #expect(content("<p>Before</p><main><p>Inside</p></main><p>After</p>") == ["paragraph: Inside"])
        #expect(content("<div>Before</div><div role=\"main\"><p>Inside</p></div><p>After</p>") == ["paragraph: Inside"])
        #expect(content("<p>Before</p><article><p>Inside</p></article><p>After</p>") == ["paragraph: Inside"])
        #expect(content("<p>Before</p><article><p>One</p></article><article><p>Two</p></article>")
            == ["paragraph: Before", "paragraph: One", "paragraph: Two"])
        // A news widget's article, or a main in a menu, is not the page's.
        #expect(content("<aside><article><h3>News</h3></article></aside><h1>Equality</h1><p>Plan</p><nav><main>Menu</main></nav>")
            == ["heading 1: Equality", "paragraph: Plan"])
    }

    @Test("a form that wraps the whole page (ASP.NET) is read; its controls are not")
    func wrapperForm() {
        #expect(content("<form id=\"aspnetForm\"><nav>Menu</nav><h1>Equality</h1><p>Text</p><input type=hidden><button>Go</button></form>")
            == ["heading 1: Equality", "paragraph: Text"])
    }

    @Test("a skipped element with content inside a line ends the block there; an empty one does not")
    func skippedInsideLine() {
        #expect(content("<p>Improve attendance <script>alert(1)</script>of pupils</p>") == [
            "paragraph: Improve attendance", "paragraph: of pupils",
        ])
        #expect(content("<p>Improve <i class=\"icon\" aria-hidden=\"true\"></i> attendance</p>") == ["paragraph: Improve attendance"])
        // In a cell, the text after it is not read.
        #expect(content("<table><tr><td>Before <span hidden>secret</span> after</td><td>Next</td></tr></table>") == ["table: Before | Next"])
    }

    @Test("a tag holding < or > in an attribute, or a comment holding >, is never inside a span")
    func complexMarkup() {
        #expect(content("<p>One <a title=\"a > b\">two</a> three</p>") == ["paragraph: One", "paragraph: two three"])
        #expect(content("<p>One <!-- a > b --> two</p>") == ["paragraph: One", "comment: <!-- a > b -->", "paragraph: two"])
        #expect(content("<p>One <!-- note --> two</p>") == ["paragraph: One two", "comment: <!-- note -->"])
    }

    // MARK: Tokens

    @Test("attributes in every quoting style, with >, / and = inside values, and bare ones")
    func attributes() {
        #expect(content("""
            <div class='a > b' id="x" data-x=unquoted/ hidden>no</div><div title="/>" class=cookie-bar>no</div>
            <div data-a="1"data-b='2' style = "display:none" >no</div><p title='"'>yes</p>
            """) == ["paragraph: yes"])
    }

    @Test("comments are blocks (for eqlint-disable); doctype, CDATA, processing instructions and bogus comments are nothing")
    func commentsAndDeclarations() {
        let document = HTMLTestSupport.read("""
            <!DOCTYPE html><?xml version="1.0"?><![CDATA[ x ]]></ 3><!----><!-->
            <!-- eqlint-disable-next-line objective-lead -->
            <p>Text</p></>
            """)
        #expect(HTMLTestSupport.describe(document).filter { $0 != "---" } == [
            "comment: <!---->", "comment: <!-->", "comment: <!-- eqlint-disable-next-line objective-lead -->", "paragraph: Text",
        ])
    }

    @Test("a comment inside a paragraph or table waits until the block is done")
    func commentInsideBlock() {
        #expect(content("<p>One <!-- eqlint-disable-line --> two</p><table><tr><td>a<!--b--></td></tr></table>") == [
            "paragraph: One two", "comment: <!-- eqlint-disable-line -->", "table: a", "comment: <!--b-->",
        ])
    }

    @Test("raw text: script and style content, and a </script> written in a string's other case, are not markup")
    func rawText() {
        #expect(content("<script>if (a < b && c > d) { x = '<p>no</p>'; }</SCRIPT ><p>Yes</p><style>p > a { }</style>")
            == ["paragraph: Yes"])
        #expect(content("<p>Before</p><script>never closed <p>no</p>") == ["paragraph: Before"])
    }

    @Test("misnested and unclosed tags are read as browsers read them")
    func misnested() {
        #expect(content("<p><b>Bold <i>both</b> italic</i> plain</p><div><span>open<div>inner</div></span>after") == [
            "paragraph: Bold both italic plain", "paragraph: open", "paragraph: inner", "paragraph: after",
        ])
        #expect(content("<ul><li>One<li>Two</ul></li></ul><p>Para</div></p>") == ["item: One", "item: Two", "paragraph: Para"])
        #expect(content("<table><tr><td>a</div></td></tr></table><p>b") == ["table: a", "paragraph: b"])
    }

    @Test("a tag the file ends inside is dropped, and an unterminated comment runs to the end")
    func truncated() {
        #expect(content("<p>Text</p><div class=\"unterminated") == ["paragraph: Text"])
        #expect(content("<p>Text</p><!-- never closed <p>Gone</p>") == ["paragraph: Text", "comment: <!-- never closed <p>Gone</p>"])
        #expect(content("<p>a < b and c > d, 3 <5</p>") == ["paragraph: a < b and c > d, 3 <5"])
    }

    @Test("text in the head ends it, as a body without tags does")
    func headEndedByText() {
        #expect(content("<html><head><title>T</title>Loose text<p>Para</p>") == ["paragraph: Loose text", "paragraph: Para"])
    }

    @Test("text spans: every block's text, in order, and nothing else")
    func textSpans() throws {
        let html = "<nav>Menu</nav><h1>Title</h1><p>One<br>Two</p><table><tr><td>Cell</td><td></td></tr></table><footer>Foot</footer>"
        let document = HTMLTestSupport.read(html)
        let spans = try #require(document.textSpans)
        #expect(spans.map { document.source.text($0) } == ["Title", "One", "Two", "Cell"])
    }

    @Test("the reader is chosen by the file's extension")
    func registered() {
        #expect(DocumentReaders.reader(forPath: "plans/equality.html").format == "html")
        #expect(DocumentReaders.reader(forPath: "EQUALITY.HTM").format == "html")
        #expect(!HTMLReader().placesFindingsInConversion)
        #expect(DocumentReaders.fileExtensions.contains("html"))
    }
}
