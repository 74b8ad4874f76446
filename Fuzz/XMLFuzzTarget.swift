// libFuzzer target for eqlint's own XML reader (Office parts): any bytes are
// read as a part. A part either reads into a tree no deeper than the limit,
// or is refused with an error that has a message; a tree read is then taken
// through every converter as a document part, a styles part, a numbering
// part and an OpenDocument content part, and written as Markdown.

@testable import EqlintPlan

@_cdecl("LLVMFuzzerInitialize")
public func xmlFuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: Arguments) -> CInt {
    _ = try? XMLTreeParser.parse(Array("<a xmlns:w=\"urn:x\"><w:b c='d'>&amp;</w:b></a>".utf8), part: "seed.xml")
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func xmlFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let root: XMLTreeElement
    do {
        root = try XMLTreeParser.parse(bytes, part: "word/document.xml")
    } catch {
        require(!error.description.isEmpty, "an error without a message")
        return 0
    }
    require(depth(of: root) <= XMLTreeParser.maximumDepth, "a tree deeper than \(XMLTreeParser.maximumDepth)")
    let styles = WordStyles(root)
    var word = WordConverter(styles: styles, numbering: WordNumbering(root, styles: styles))
    _ = OfficeMarkdown.render(word.convert(document: root))
    var openDocument = OpenDocumentConverter(styles: OpenDocumentStyles([root]))
    _ = OfficeMarkdown.render(openDocument.convert(content: root))
    return 0
}

/// How many elements deep a tree is, its root counted as one.
private func depth(of root: XMLTreeElement) -> Int {
    var deepest = 0
    var pending = [(root, 1)]
    while let (element, level) = pending.popLast() {
        deepest = max(deepest, level)
        for child in element.elements { pending.append((child, level + 1)) }
    }
    return deepest
}
