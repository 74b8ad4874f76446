/// An element of a parsed XML part (a .docx or .odt holds its text in such
/// parts), as `XMLTreeParser` builds it.
///
/// Names carry a canonical prefix for the namespaces eqlint knows, whatever
/// prefix the file itself declared: `w:p` is a WordprocessingML paragraph
/// (transitional or strict), `text:p` an OpenDocument one. A name in a
/// namespace eqlint does not know is written `{uri}local`; an attribute
/// without a prefix has no namespace and keeps its local name.
final class XMLTreeElement {
    let name: String
    let attributes: [String: String]
    private(set) var children: [XMLTreeNode] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The value of an attribute by its canonical name (`w:val`, `text:style-name`).
    func attribute(_ name: String) -> String? { attributes[name] }

    /// The child elements, in order.
    var elements: [XMLTreeElement] {
        children.compactMap { if case .element(let element) = $0 { return element } else { return nil } }
    }

    /// The first child element of that name.
    func child(_ name: String) -> XMLTreeElement? {
        for case .element(let element) in children where element.name == name { return element }
        return nil
    }

    /// The child elements of that name, in order.
    func children(named name: String) -> [XMLTreeElement] {
        elements.filter { $0.name == name }
    }

    /// The element at a path of child names (`child("w:pPr", "w:pStyle")`).
    func child(_ first: String, _ rest: String...) -> XMLTreeElement? {
        var element = child(first)
        for name in rest { element = element?.child(name) }
        return element
    }

    /// The text of the element's own text nodes (not of its children).
    var ownText: String {
        var text = ""
        for case .text(let piece) in children { text += piece }
        return text
    }

    func append(_ node: XMLTreeNode) {
        if case .text(let piece) = node, case .text(var previous)? = children.last {
            // Release the array's copy first, so the text grows in place (the parser hands it over in many pieces).
            children[children.count - 1] = .text("")
            previous += piece
            children[children.count - 1] = .text(previous)
        } else {
            children.append(node)
        }
    }
}

/// A node of an element's content: a child element or a run of text.
enum XMLTreeNode {
    case element(XMLTreeElement)
    case text(String)
}

/// The namespaces eqlint reads, by URI, and the prefix each is known by.
enum XMLNamespaces {
    static let prefixes: [String: String] = [
        "http://www.w3.org/XML/1998/namespace": "xml",
        // WordprocessingML, transitional (what Word writes) and strict.
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
        "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
        "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
        "http://purl.oclc.org/ooxml/officeDocument/math": "m",
        "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
        "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
        // OpenDocument.
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0": "office",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0": "text",
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0": "table",
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0": "style",
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0": "fo",
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0": "draw",
        "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0": "manifest",
    ]
}
