import Foundation

/// An OpenDocument text's styles, from `content.xml`'s automatic styles and
/// `styles.xml`'s common and automatic ones: which text and paragraph
/// styles are bold, which paragraph styles are headings or take a list
/// style, and each list style's levels (numbered or bulleted). A style
/// inherits what it does not say from its parent (`style:parent-style-name`).
struct OpenDocumentStyles {
    struct Style {
        var name: String
        var displayName: String?
        var parent: String?
        var bold: Bool?
        var listStyle: String?
        var outlineLevel: Int?
    }

    /// One level of a list style.
    struct ListLevel: Equatable {
        var isNumbered: Bool
        var start = 1
        /// `style:num-format`: `1`, `a`, `A`, `i`, `I`, or empty for no number.
        var format = "1"
    }

    /// Styles by family and name (`paragraph:P1`, `text:T1`).
    private var styles: [String: Style] = [:]
    private var listStyles: [String: [Int: ListLevel]] = [:]

    init() {}

    /// Reads the styles of each root given (`office:document-content`, `office:document-styles`), the first one's first.
    init(_ roots: [XMLTreeElement]) {
        for root in roots {
            for container in [root.child("office:automatic-styles"), root.child("office:styles")].compactMap({ $0 }) {
                read(container)
            }
        }
    }

    private mutating func read(_ container: XMLTreeElement) {
        for element in container.elements {
            switch element.name {
            case "style:style":
                guard let name = element.attribute("style:name"), let family = element.attribute("style:family") else { continue }
                let key = "\(family):\(name)"
                guard styles[key] == nil else { continue }
                styles[key] = Style(
                    name: name,
                    displayName: element.attribute("style:display-name"),
                    parent: element.attribute("style:parent-style-name"),
                    bold: element.child("style:text-properties")?.attribute("fo:font-weight").map(Self.isBold),
                    listStyle: element.attribute("style:list-style-name"),
                    outlineLevel: element.attribute("style:default-outline-level").flatMap { Int($0) })
            case "text:list-style":
                guard let name = element.attribute("style:name"), listStyles[name] == nil else { continue }
                var levels: [Int: ListLevel] = [:]
                for level in element.elements {
                    guard let index = level.attribute("text:level").flatMap({ Int($0) }) else { continue }
                    switch level.name {
                    case "text:list-level-style-number":
                        let format = level.attribute("style:num-format") ?? "1"
                        levels[index] = ListLevel(isNumbered: !format.isEmpty, start: level.attribute("text:start-value").flatMap { Int($0) } ?? 1,
                                                  format: format)
                    case "text:list-level-style-bullet", "text:list-level-style-image":
                        levels[index] = ListLevel(isNumbered: false)
                    default:
                        continue
                    }
                }
                listStyles[name] = levels
            default:
                continue
            }
        }
    }

    /// Whether an `fo:font-weight` is bold: `bold`, or a weight of 600 or more.
    static func isBold(_ weight: String) -> Bool {
        if weight == "bold" { return true }
        return Int(weight).map { $0 >= 600 } ?? false
    }

    /// The style and its parents, nearest first (a loop is followed once).
    private func chain(_ name: String?, family: String) -> [Style] {
        var result: [Style] = []
        var next = name
        var seen: Set<String> = []
        while let current = next, let style = styles["\(family):\(current)"], seen.insert(current).inserted, result.count < 32 {
            result.append(style)
            next = style.parent
        }
        return result
    }

    /// Whether a text or paragraph style makes its text bold, if it or a parent says.
    func bold(_ name: String?, family: String) -> Bool? {
        chain(name, family: family).lazy.compactMap(\.bold).first
    }

    /// The list style a paragraph style gives its paragraphs.
    func listStyle(ofParagraphStyle name: String?) -> String? {
        chain(name, family: "paragraph").lazy.compactMap(\.listStyle).first
    }

    /// The heading level of a paragraph style: `Title` is 1; a style with an outline level (a heading style) its level.
    func headingLevel(ofParagraphStyle name: String?) -> Int? {
        for style in chain(name, family: "paragraph") {
            if (style.displayName ?? style.name.replacingOccurrences(of: "_20_", with: " ")) == "Title" { return 1 }
            if let level = style.outlineLevel, level >= 1 { return level }
        }
        return nil
    }

    /// A list style's level (1 for the outermost).
    func listLevel(_ style: String?, level: Int) -> ListLevel? {
        guard let style, let levels = listStyles[style] else { return nil }
        return levels[level] ?? levels[min(level, 10)]
    }
}
