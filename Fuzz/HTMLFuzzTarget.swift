// libFuzzer target for web pages: any bytes are read as an HTML plan
// (`fuzz.html`), its structure recovered, checked against every default rule
// (those off by default too), outlined and reported as text with source
// excerpts. A crash, a hang (see -timeout in scripts/fuzz), a sanitizer
// report, a finding or span placed outside the file, or a span of text that
// takes in markup the byte scanners would read as words, fails the run.

@testable import EqlintKit
@testable import EqlintPlan
@testable import EqlintText
@testable import Rules

private let ruleSet: RuleSet = {
    do { return try RuleSet.defaults() } catch { fatalError("the default rules do not load: \(error)") }
}()
private let linter = Linter(ruleSet: ruleSet, today: CalendarDay(year: 2026, month: 11, day: 23))

@_cdecl("LLVMFuzzerInitialize")
public func htmlFuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: Arguments) -> CInt {
    let examples = examplesPlan(ruleSet.rules)
    _ = TextReporter(color: true, showSource: true).report([FileReport(path: examples.path, source: examples, diagnostics: linter.lint(examples))])
    // The lookup tables filled on first use.
    let page = SourceFile(path: "warm-up.html", text: "<p>&eacute; <b>Lead:</b> Head</p><table><tr><th>Objective</th></tr></table>")
    _ = linter.lint(page)
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func htmlFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let source: SourceFile
    do {
        source = try SourceFile(path: "fuzz.html", bytes: fuzzBytes(data, size))
    } catch {
        return 0  // refused as not a plan (a binary file): a clean outcome
    }
    let bytes = source.bytes
    let document = HTMLReader().read(source)
    checkDocument(document, bytes)

    let plan = linter.parser.recover(document)
    let outcome = linter.check(source, rules: ruleSet.rules)
    require(outcome.stoppedPatterns.isEmpty, "a default pattern was stopped: \(outcome.stoppedPatterns)")
    let diagnostics = outcome.diagnostics
    for diagnostic in diagnostics {
        requireInside(diagnostic.range.start, source, "\(diagnostic.ruleID) start")
        requireInside(diagnostic.range.end, source, "\(diagnostic.ruleID) end")
        require(diagnostic.range.start <= diagnostic.range.end, "\(diagnostic.ruleID): range ends before it starts")
        // The text at fault is the page's words: no control character.
        require(!diagnostic.faultText.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                "\(diagnostic.ruleID): a control character in the text at fault")
    }
    for objective in plan.objectives {
        requireInside(objective.anchor.start, source, "objective anchor")
        for entry in objective.fields.values.flatMap(\.entries) + objective.text {
            requireInside(entry.range.start, source, "entry start")
            require(entry.spans.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= bytes.count }, "an entry's part lies outside the file")
            require(!entry.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "a control character in an entry")
        }
    }
    _ = PlanOutline.json([PlanOutline.Entry(path: source.path, plan: plan)])
    let report = TextReporter(color: true, showSource: true).report([FileReport(path: source.path, source: source, diagnostics: diagnostics)])
    require(diagnostics.isEmpty == report.isEmpty, "the text report and the findings disagree")
    return 0
}

/// The reader's own promises: every span inside the file, text spans in order
/// and apart, no line or heading empty, and no span of text holding markup
/// that `Markup` would read otherwise than the page does (a tag with `<` or
/// `>` in an attribute, a comment with `>` in it, a declaration).
private func checkDocument(_ document: Document, _ bytes: [UInt8]) {
    func inside(_ span: Range<Int>, _ what: String) {
        require(span.lowerBound >= 0 && span.upperBound <= bytes.count && span.lowerBound <= span.upperBound, "\(what) \(span) outside the file")
    }
    var spans: [Range<Int>] = []
    for block in document.blocks {
        switch block {
        case .heading(_, let text):
            inside(text, "a heading")
            require(!text.isEmpty, "an empty heading")
            spans.append(text)
        case .paragraph(let lines):
            require(!lines.isEmpty && lines.allSatisfy { !$0.isEmpty }, "an empty paragraph or line")
            lines.forEach { inside($0, "a line") }
            spans += lines
        case .listItem(let item):
            inside(item.markerSpan, "a list marker")
            require(!item.lines.isEmpty && item.lines.allSatisfy { !$0.isEmpty }, "an empty list item or line")
            item.lines.forEach { inside($0, "an item's line") }
            spans += item.lines
        case .table(let table):
            require(!table.rows.isEmpty, "a table with no rows")
            for row in table.rows {
                inside(row.span, "a row")
                row.cells.forEach { inside($0, "a cell") }
                spans += row.cells.filter { !$0.isEmpty }
            }
        case .comment(let span):
            inside(span, "a comment")
        case .frontMatter, .separator:
            break
        }
    }
    let textSpans = document.textSpans ?? []
    require(textSpans.sorted { $0.lowerBound < $1.lowerBound } == spans.sorted { $0.lowerBound < $1.lowerBound },
            "the text spans are not the blocks' spans")
    for (previous, next) in zip(textSpans, textSpans.dropFirst()) {
        require(previous.upperBound <= next.lowerBound, "text spans \(previous) and \(next) overlap or are out of order")
    }
    // Markup no text span may hold: every token the tokenizer reads as markup that Markup's rules read otherwise.
    var tokenizer = HTMLTokenizer(bytes: bytes)
    var complex: [Range<Int>] = []
    while let token = tokenizer.next() {
        switch token.kind {
        case .startTag, .endTag, .comment, .declaration:
            if Markup.tagLength(bytes, at: token.span.lowerBound, end: token.span.upperBound) != token.span.count { complex.append(token.span) }
        case .text, .rawText:
            break
        }
    }
    var next = 0
    for span in textSpans {
        while next < complex.count, complex[next].upperBound <= span.lowerBound { next += 1 }
        var index = next
        while index < complex.count, complex[index].lowerBound < span.upperBound {
            require(complex[index].upperBound <= span.lowerBound || complex[index].lowerBound >= span.upperBound,
                    "the text span \(span) holds markup read otherwise: \(complex[index])")
            index += 1
        }
    }
}
