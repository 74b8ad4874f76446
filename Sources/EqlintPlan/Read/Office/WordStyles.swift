/// A Word document's styles (`word/styles.xml`), for what the text needs:
/// which paragraph styles are headings and of what level, which number
/// their paragraphs (a list style), which are bold, and which make a table
/// of contents. A style inherits what it does not say from the style it is
/// based on (`w:basedOn`).
struct WordStyles {
    struct Style {
        var name: String?
        var basedOn: String?
        /// `w:pPr/w:outlineLvl`: 0 for a level-1 heading, 9 for body text.
        var outlineLevel: Int?
        /// `w:pPr/w:numPr`: the numbering its paragraphs take.
        var numberingID: String?
        var numberingLevel: Int?
        /// `w:rPr/w:b`, if it says.
        var bold: Bool?
    }

    /// What a style comes to once what it inherits is worked out.
    private struct Resolved {
        var headingLevel: Int?
        var numbering: (id: String, level: Int?)?
        var bold: Bool?
        var isTableOfContents: Bool
    }

    private var styles: [String: Style] = [:]
    /// Each defined style, resolved once (a document names a style in every paragraph and run).
    private var resolved: [String: Resolved] = [:]
    /// The paragraph style of a paragraph that names none.
    private(set) var defaultParagraphStyle: String?

    init() {}

    init(_ root: XMLTreeElement) {
        for element in root.children(named: "w:style") {
            guard let id = element.attribute("w:styleId") else { continue }
            let paragraphProperties = element.child("w:pPr")
            let numbering = paragraphProperties?.child("w:numPr")
            let style = Style(
                name: element.child("w:name")?.attribute("w:val"),
                basedOn: element.child("w:basedOn")?.attribute("w:val"),
                outlineLevel: paragraphProperties?.child("w:outlineLvl")?.attribute("w:val").flatMap { Int($0) },
                numberingID: numbering?.child("w:numId")?.attribute("w:val"),
                numberingLevel: numbering?.child("w:ilvl")?.attribute("w:val").flatMap { Int($0) },
                bold: element.child("w:rPr", "w:b").map(WordStyles.isOn))
            if styles[id] == nil { styles[id] = style }
            if element.attribute("w:type") == "paragraph", ["1", "true", "on"].contains(element.attribute("w:default") ?? "") {
                defaultParagraphStyle = id
            }
        }
        for id in styles.keys { resolved[id] = resolve(id) }
    }

    private func resolve(_ id: String) -> Resolved {
        Resolved(headingLevel: inheritedHeadingLevel(of: id), numbering: inheritedNumbering(of: id),
                 bold: chain(id).lazy.compactMap(\.style.bold).first, isTableOfContents: namesTableOfContents(id))
    }

    private func properties(of id: String?) -> Resolved? {
        guard let id else { return nil }
        return resolved[id] ?? resolve(id)
    }

    /// Whether a toggle such as `<w:b/>` or `<w:b w:val="0"/>` is on.
    static func isOn(_ element: XMLTreeElement) -> Bool {
        guard let value = element.attribute("w:val") else { return true }
        return !["0", "false", "off", "none"].contains(value.lowercased())
    }

    /// The style and those it is based on, nearest first (a loop is followed once).
    private func chain(_ id: String?) -> [(id: String, style: Style)] {
        var result: [(String, Style)] = []
        var next = id
        var seen: Set<String> = []
        while let current = next, let style = styles[current], seen.insert(current).inserted, result.count < 32 {
            result.append((current, style))
            next = style.basedOn
        }
        return result
    }

    /// The heading level (1 to 9) of a paragraph style: a built-in heading
    /// style (`Heading1`, `heading 1`), `Title` (level 1), or an outline
    /// level of its own or inherited.
    func headingLevel(of id: String?) -> Int? { properties(of: id)?.headingLevel }

    private func inheritedHeadingLevel(of id: String) -> Int? {
        for (id, style) in chain(id) {
            if let level = Self.builtInHeadingLevel(id: id, name: style.name) { return level }
            if let level = style.outlineLevel { return (0...8).contains(level) ? level + 1 : nil }
        }
        // A style the file does not define may still be named as Word names its own.
        if styles[id] == nil { return Self.builtInHeadingLevel(id: id, name: nil) }
        return nil
    }

    private static func builtInHeadingLevel(id: String, name: String?) -> Int? {
        for candidate in [id, name].compactMap({ $0?.lowercased() }) {
            if candidate == "title" { return 1 }
            for prefix in ["heading ", "heading"] where candidate.hasPrefix(prefix) {
                if let level = Int(candidate.dropFirst(prefix.count)), (1...9).contains(level) { return level }
            }
        }
        return nil
    }

    /// The numbering a paragraph style gives its paragraphs, its own or inherited.
    func numbering(of id: String?) -> (id: String, level: Int?)? { properties(of: id)?.numbering }

    private func inheritedNumbering(of id: String) -> (id: String, level: Int?)? {
        for (_, style) in chain(id) {
            if let numbering = style.numberingID { return (numbering, style.numberingLevel) }
        }
        return nil
    }

    /// Whether a style makes its text bold, if it or a style it is based on says.
    func bold(_ id: String?) -> Bool? { properties(of: id)?.bold }

    /// Whether a paragraph style is one of a table of contents (`TOC1`, `toc 1`, ...): its paragraphs repeat the headings.
    func isTableOfContents(_ id: String?) -> Bool { properties(of: id)?.isTableOfContents ?? false }

    private func namesTableOfContents(_ id: String) -> Bool {
        for candidate in [id, styles[id]?.name].compactMap({ $0?.lowercased() }) {
            if candidate.hasPrefix("toc"), let last = candidate.last, last.isNumber { return true }
        }
        return false
    }
}
