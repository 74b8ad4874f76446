import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses one XML part of an Office document into `XMLTreeElement`s, safely:
/// a part with a document type declaration or an entity declaration is
/// refused before it is parsed (no entity is ever expanded: no billion
/// laughs, no external entity naming a local file), external entities are
/// never resolved, only UTF-8 is read, and elements nest at most
/// `maximumDepth` deep.
enum XMLTreeParser {
    /// How deep elements may nest: real documents stay well under it.
    static let maximumDepth = 256

    /// The part's root element; `part` names it in errors.
    static func parse(_ bytes: [UInt8], part: String) throws(OfficeDocumentError) -> XMLTreeElement {
        try checkSafe(bytes, part: part)
        // Fed from a stream, in pieces: given all at once, libxml2 refuses a part over 10 MB as a "huge input lookup".
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let builder = Builder(part: part)
        parser.delegate = builder
        let parsed = parser.parse()
        if let error = builder.error { throw error }
        // The parser recovers from some errors and still reports success: any error it reported counts.
        if let (code, line) = builder.firstParseError {
            throw .malformedXML(part: part, line: line, detail: describe(code))
        }
        guard parsed, let root = builder.root, builder.isComplete else {
            let code = (parser.parserError as NSError?)?.code
            throw .malformedXML(part: part, line: parser.lineNumber, detail: code.map(describe) ?? "it ends before its elements are closed")
        }
        return root
    }

    /// What a parser error (libxml2's code) means, in words.
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: return "there is no XML in it"
        case 5: return "there is more after its root element, or its elements are not closed"
        case 9: return "it holds a character XML does not allow"
        case 26: return "it refers to an entity that is not declared"
        case 38, 39, 40, 41: return "an attribute is malformed"
        case 73, 77: return "a tag is not finished"
        case 76: return "a closing tag does not match the tag it closes"
        default: return "the XML parser's error \(code)"
        }
    }

    /// Refuses a part eqlint will not parse: one in an encoding other than
    /// UTF-8 (where the checks below could not see the markup), or one that
    /// holds `<!DOCTYPE` or `<!ENTITY` anywhere, in any case.
    static func checkSafe(_ bytes: [UInt8], part: String) throws(OfficeDocumentError) {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x00, 0x3C])
            || bytes.starts(with: [0x3C, 0x00]) || bytes.starts(with: [0x00, 0x00]) {
            throw .unsupportedEncoding(part: part, encoding: "UTF-16 or UTF-32")
        }
        if let encoding = declaredEncoding(bytes), !["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding.lowercased()) {
            throw .unsupportedEncoding(part: part, encoding: encoding)
        }
        let doctype = Array("DOCTYPE".utf8)
        let entity = Array("ENTITY".utf8)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == 0x3C, bytes[index + 1] == 0x21 {  // <!
                if matches(bytes, at: index + 2, doctype) { throw .declaration(part: part, kind: .documentType) }
                if matches(bytes, at: index + 2, entity) { throw .declaration(part: part, kind: .entity) }
            }
            index += 1
        }
    }

    /// Whether `word` (upper-case ASCII) stands at `index`, in any case.
    private static func matches(_ bytes: [UInt8], at index: Int, _ word: [UInt8]) -> Bool {
        guard index + word.count <= bytes.endIndex else { return false }
        for (offset, letter) in word.enumerated() where bytes[index + offset] & 0xDF != letter { return false }
        return true
    }

    /// The `encoding` of the XML declaration (`<?xml version="1.0" encoding="UTF-8"?>`), if it gives one.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes.count > start + 5, Array(bytes[start..<start + 5]) == Array("<?xml".utf8) else { return nil }
        guard let end = bytes[start...].prefix(512).firstIndex(of: 0x3E) else { return nil }  // >
        let declaration = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// Builds the tree as the parser reports elements, resolving each
    /// name's prefix through the `xmlns` declarations in scope.
    private final class Builder: NSObject, XMLParserDelegate {
        let part: String
        var root: XMLTreeElement?
        var error: OfficeDocumentError?
        /// The first error the parser reported, and its line.
        var firstParseError: (code: Int, line: Int)?
        /// Whether every element opened was closed.
        var isComplete: Bool { root != nil && stack.isEmpty }
        private var stack: [XMLTreeElement] = []
        /// Each open element's namespace declarations (prefix to URI; "" for the default).
        private var scopes: [[String: String]] = []
        /// Names already made canonical under the declarations in scope, for
        /// elements and for attributes (emptied when the declarations change:
        /// most documents declare them all on the root).
        private var canonicalElements: [String: String] = [:]
        private var canonicalAttributes: [String: String] = [:]

        init(part: String) {
            self.part = part
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            guard stack.count < XMLTreeParser.maximumDepth else {
                return fail(parser, .tooDeep(part: part, limit: XMLTreeParser.maximumDepth))
            }
            var declared: [String: String] = [:]
            for (key, value) in attributes {
                if key == "xmlns" { declared[""] = value } else if key.hasPrefix("xmlns:") { declared[String(key.dropFirst(6))] = value }
            }
            scopes.append(declared)
            if !declared.isEmpty { forgetCanonicalNames() }
            var resolved: [String: String] = [:]
            for (key, value) in attributes where key != "xmlns" && !key.hasPrefix("xmlns:") {
                resolved[canonical(key, isAttribute: true)] = value
            }
            let element = XMLTreeElement(name: canonical(elementName, isAttribute: false), attributes: resolved)
            if let parent = stack.last { parent.append(.element(element)) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
            if let declared = scopes.popLast(), !declared.isEmpty { forgetCanonicalNames() }
        }

        private func forgetCanonicalNames() {
            canonicalElements.removeAll(keepingCapacity: true)
            canonicalAttributes.removeAll(keepingCapacity: true)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.append(.text(string))
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            stack.last?.append(.text(String(decoding: block, as: UTF8.self)))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            let code = (parseError as NSError).code
            // An undeclared namespace prefix (libxml2's 200 to 205) is no obstacle to reading the text.
            guard !(200...205).contains(code), firstParseError == nil else { return }
            firstParseError = (code, parser.lineNumber)
        }

        // Declarations were refused before parsing; should one get through, parsing stops.
        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            fail(parser, .declaration(part: part, kind: .entity))
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
            fail(parser, .declaration(part: part, kind: .entity))
        }

        func parser(_ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?,
                    notationName: String?) {
            fail(parser, .declaration(part: part, kind: .entity))
        }

        /// Asked for an entity the part refers to but does not declare: nothing is read, and the reference is an error of the XML.
        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            nil
        }

        private func fail(_ parser: XMLParser, _ failure: OfficeDocumentError) {
            if error == nil { error = failure }
            parser.abortParsing()
        }

        /// `w:p` for a name whose prefix is bound to WordprocessingML, whatever the prefix.
        private func canonical(_ qualified: String, isAttribute: Bool) -> String {
            if let known = isAttribute ? canonicalAttributes[qualified] : canonicalElements[qualified] { return known }
            let name = resolve(qualified, isAttribute: isAttribute)
            if isAttribute { canonicalAttributes[qualified] = name } else { canonicalElements[qualified] = name }
            return name
        }

        private func resolve(_ qualified: String, isAttribute: Bool) -> String {
            let prefix: String
            let local: Substring
            if let colon = qualified.firstIndex(of: ":") {
                prefix = String(qualified[..<colon])
                local = qualified[qualified.index(after: colon)...]
            } else {
                // An attribute without a prefix is in no namespace.
                if isAttribute { return qualified }
                prefix = ""
                local = qualified[...]
            }
            guard let uri = prefix == "xml" ? "http://www.w3.org/XML/1998/namespace" : scopes.reversed().lazy.compactMap({ $0[prefix] }).first,
                  !uri.isEmpty else { return qualified }
            if let known = XMLNamespaces.prefixes[uri] { return "\(known):\(local)" }
            return "{\(uri)}\(local)"
        }
    }
}
