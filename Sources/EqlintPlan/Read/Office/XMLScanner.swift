/// Reads one XML part of an Office document into `XMLTreeElement`s, byte by
/// byte, checking as it goes that the part is well-formed XML 1.0: names,
/// attributes, references, comments, processing instructions and CDATA
/// sections as XML writes them, each element closed by its own tag, one
/// root element, only characters XML allows, in UTF-8.
///
/// What it never does: read a document type (`XMLTreeParser.checkSafe`
/// refuses one before), or expand an entity other than the five XML
/// predefines (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;`) and character
/// references (`&#N;`, `&#xH;`): any other reference is an error.
///
/// As XML 1.0 requires, a line end (CR LF, or a CR alone) reads as LF, and
/// in an attribute value a literal tab, line end or CR reads as a space;
/// only in a CDATA section are line ends kept as written.
/// Text and CDATA between two tags make one text node; comments and
/// processing instructions are skipped.
struct XMLScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let part: String
    /// Where the reading is, and its line (from 1), for errors.
    private var index = 0
    private var line = 1
    private var names = XMLNamespaceScope()
    /// The open elements, the root first.
    private var open: [OpenElement] = []
    /// The text read since the last tag, references resolved and line ends made LF; `hasText` once any is read (an empty CDATA counts).
    private var text: [UInt8] = []
    private var hasText = false
    /// The value of the attribute being read, when it cannot be taken from the bytes as it stands.
    private var value: [UInt8] = []
    /// The attributes of the tag being read, other than namespace declarations.
    private var attributes: [(name: Range<Int>, value: String)] = []

    private struct OpenElement {
        let element: XMLTreeElement
        /// Its name as written, for the closing tag to match.
        let name: Range<Int>
        /// Whether it declares namespaces, which its end takes out of scope.
        let declares: Bool
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, part: String) {
        self.bytes = bytes
        self.part = part
    }

    /// Reads the whole part, giving its root element.
    mutating func document() throws(OfficeDocumentError) -> XMLTreeElement {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        if isAt("<?xml"), index + 5 < bytes.count, Self.isSpace(bytes[index + 5]) { try xmlDeclaration() }
        try skipMiscellany()
        guard index + 1 < bytes.count, bytes[index] == 0x3C, bytes[index + 1] != 0x21, bytes[index + 1] != 0x2F else {  // < not <! or </
            throw index < bytes.count && bytes[index] == 0x3C ? failure(.markupOutsideRoot) : failure(.noRoot)
        }
        let root = try startTag()
        while !open.isEmpty {
            try readText()
            // At a <.
            guard index + 1 < bytes.count else { throw failure(.unfinishedTag) }
            switch bytes[index + 1] {
            case 0x2F:  // /
                flushText()
                try endTag()
            case 0x21:  // !
                if isAt("<!--") {
                    try comment()
                } else if isAt("<![CDATA[") {
                    try cdataSection()
                } else {
                    throw failure(.unknownMarkup)
                }
            case 0x3F:  // ?
                try processingInstruction()
            default:
                flushText()
                _ = try startTag()
            }
        }
        try skipMiscellany()
        if index < bytes.count { throw failure(.contentAfterRoot) }
        return root
    }

    // MARK: Tags

    /// Reads a start tag (or an empty-element tag) at its `<`, adding its element to the tree.
    private mutating func startTag() throws(OfficeDocumentError) -> XMLTreeElement {
        index += 1
        let elementName = try name(or: .badTagName)
        if !attributes.isEmpty { attributes.removeAll(keepingCapacity: true) }
        var declared: [String: String] = [:]
        let isEmpty: Bool
        while true {
            let spaced = try skipSpace()
            guard index < bytes.count else { throw failure(.unfinishedTag) }
            let byte = bytes[index]
            if byte == 0x3E {  // >
                index += 1
                isEmpty = false
                break
            }
            if byte == 0x2F {  // />
                guard index + 1 < bytes.count, bytes[index + 1] == 0x3E else { throw failure(.unfinishedTag) }
                index += 2
                isEmpty = true
                break
            }
            guard spaced else { throw failure(.malformedAttribute) }
            let attributeName = try name(or: .malformedAttribute)
            try skipSpace()
            guard index < bytes.count, bytes[index] == 0x3D else { throw failure(.malformedAttribute) }  // =
            index += 1
            try skipSpace()
            let value = try attributeValue()
            switch namespaceDeclaration(attributeName) {
            case .none:
                if isXMLSpace(attributeName), value != "default", value != "preserve" { throw failure(.badXMLSpace) }
                attributes.append((attributeName, value))
            case .declaration(let prefix, let isDefault):
                // `xmlns=""` takes the default namespace away; `xmlns:p=""` is no declaration, as before.
                if value.isEmpty && !isDefault { break }
                guard value.isEmpty || NamespaceName.isValid(value, isDefault: isDefault) else { throw failure(.badNamespaceName) }
                guard declared.updateValue(value, forKey: prefix) == nil else { throw failure(.repeatedAttribute) }
            }
        }
        guard open.count < XMLTreeParser.maximumDepth else { throw .tooDeep(part: part, limit: XMLTreeParser.maximumDepth) }
        if !declared.isEmpty { names.push(declared) }
        // Made to measure: a dictionary grown from empty costs a second allocation.
        var resolved = attributes.isEmpty ? [:] : [String: String](minimumCapacity: attributes.count)
        for (attributeName, value) in attributes {
            let key = names.canonical(slice(attributeName), isAttribute: true)
            // The same name twice, or two prefixes of one namespace with the same local name.
            guard resolved.updateValue(value, forKey: key) == nil else { throw failure(.repeatedAttribute) }
        }
        let element = XMLTreeElement(name: names.canonical(slice(elementName), isAttribute: false), attributes: resolved)
        open.last?.element.append(.element(element))
        if isEmpty {
            if !declared.isEmpty { names.pop() }
        } else {
            open.append(OpenElement(element: element, name: elementName, declares: !declared.isEmpty))
        }
        return element
    }

    /// What an attribute named `xmlns...` declares.
    private enum NamespaceDeclaration {
        /// It is another attribute.
        case none
        /// `xmlns` (the default namespace: prefix "", `isDefault`) or `xmlns:prefix`. `xmlns:` and
        /// nothing after declares the default namespace too, as the XML parser eqlint used before
        /// took it, but is checked as a declaration with a prefix.
        case declaration(prefix: String, isDefault: Bool)
    }

    private func namespaceDeclaration(_ name: Range<Int>) -> NamespaceDeclaration {
        guard name.count >= 5, bytes[name.lowerBound] == 0x78, isAt("xmlns", name.lowerBound) else { return .none }
        if name.count == 5 { return .declaration(prefix: "", isDefault: true) }
        guard bytes[name.lowerBound + 5] == 0x3A else { return .none }  // :
        return .declaration(prefix: String(decoding: slice(name.lowerBound + 6..<name.upperBound), as: UTF8.self), isDefault: false)
    }

    /// Whether the attribute is `xml:space`, whose value XML restricts to `default` or `preserve`.
    private func isXMLSpace(_ name: Range<Int>) -> Bool {
        name.count == 9 && isAt("xml:space", name.lowerBound)
    }

    /// Reads a closing tag at its `<`, which must close the innermost open element.
    private mutating func endTag() throws(OfficeDocumentError) {
        index += 2
        let closing = try name(or: .badTagName)
        let element = open.removeLast()
        guard closing.count == element.name.count, slice(closing).elementsEqual(slice(element.name)) else {
            throw failure(.mismatchedTag)
        }
        try skipSpace()
        guard index < bytes.count, bytes[index] == 0x3E else { throw failure(.unfinishedTag) }  // >
        index += 1
        if element.declares { names.pop() }
    }

    /// Reads an XML name (element or attribute, with any prefix), giving where it is.
    private mutating func name(or problem: Problem) throws(OfficeDocumentError) -> Range<Int> {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 {
                let length = Self.characterLength(bytes, at: index)
                guard length > 0 else { throw failure(.forbiddenCharacter) }
                index += length
            } else if Self.isNameByte(byte, first: index == start) {
                index += 1
            } else {
                break
            }
        }
        guard index > start else { throw failure(problem) }
        return start..<index
    }

    /// Reads a quoted attribute value at its quote, references resolved and whitespace normalised.
    private mutating func attributeValue() throws(OfficeDocumentError) -> String {
        guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else { throw failure(.malformedAttribute) }  // " '
        let quote = bytes[index]
        index += 1
        var start = index
        var copied = false
        while true {
            guard index < bytes.count else { throw failure(.unfinishedTag) }
            let byte = bytes[index]
            if byte == quote { break }
            if byte >= 0x20, byte != 0x3C, byte != 0x26 {  // < &
                if byte < 0x80 { index += 1 } else { try step() }
                continue
            }
            switch byte {
            case 0x3C:
                throw failure(.lessThanInAttribute)
            case 0x26, 0x09, 0x0A, 0x0D:
                if !copied {
                    value.removeAll(keepingCapacity: true)
                    copied = true
                }
                value.append(contentsOf: slice(start..<index))
                if byte == 0x26 {
                    Self.append(try reference(), to: &value)
                } else {
                    value.append(0x20)
                    try step()
                }
                start = index
            default:
                try step()  // a control character: an error
            }
        }
        if copied { value.append(contentsOf: slice(start..<index)) }
        let text = copied ? String(decoding: value, as: UTF8.self) : String(decoding: slice(start..<index), as: UTF8.self)
        index += 1
        return text
    }

    // MARK: Content

    /// Reads text up to the next `<`, which must come before the part ends.
    private mutating func readText() throws(OfficeDocumentError) {
        var start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20, byte < 0x80, byte != 0x3C, byte != 0x26, byte != 0x5D {  // < & ]
                index += 1
                continue
            }
            if byte == 0x3C { break }
            switch byte {
            case 0x26:  // &
                text.append(contentsOf: slice(start..<index))
                Self.append(try reference(), to: &text)
                hasText = true
                start = index
            case 0x5D:  // ]
                if isAt("]]>") { throw failure(.cdataEndInText) }
                index += 1
            case 0x0D:
                text.append(contentsOf: slice(start..<index))
                text.append(0x0A)
                hasText = true
                try step()
                start = index
            default:
                try step()
            }
        }
        if index > start {
            text.append(contentsOf: slice(start..<index))
            hasText = true
        }
        guard index < bytes.count else { throw failure(.unclosedElements) }
    }

    /// Adds the text read since the last tag to the innermost open element, as one node.
    private mutating func flushText() {
        guard hasText else { return }
        open.last?.element.append(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
        hasText = false
    }

    /// Reads a reference at its `&`, giving the character it stands for.
    private mutating func reference() throws(OfficeDocumentError) -> Unicode.Scalar {
        index += 1
        if index < bytes.count, bytes[index] == 0x23 {  // #
            index += 1
            let hex = index < bytes.count && bytes[index] == 0x78  // x
            if hex { index += 1 }
            let start = index
            var scalar: UInt32 = 0
            while index < bytes.count, let digit = Self.digit(bytes[index], hex: hex) {
                scalar = min(scalar * (hex ? 16 : 10) + digit, 0x110000)
                index += 1
            }
            guard index > start, index < bytes.count, bytes[index] == 0x3B else { throw failure(.malformedReference) }  // ;
            index += 1
            guard Self.isXMLCharacter(scalar), let character = Unicode.Scalar(scalar) else { throw failure(.forbiddenCharacter) }
            return character
        }
        let entity = try name(or: .malformedReference)
        guard index < bytes.count, bytes[index] == 0x3B else { throw failure(.malformedReference) }
        index += 1
        switch String(decoding: slice(entity), as: UTF8.self) {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default: throw failure(.undeclaredEntity)
        }
    }

    /// Reads a CDATA section at its `<![CDATA[`, adding its text as it stands: its line ends are kept
    /// as written (CR LF stays CR LF), as the XML parser eqlint used before did.
    private mutating func cdataSection() throws(OfficeDocumentError) {
        index += 9
        hasText = true
        let start = index
        while !isAt("]]>") {
            guard index < bytes.count else { throw failure(.unfinishedCDATA) }
            try step()
        }
        text.append(contentsOf: slice(start..<index))
        index += 3
    }

    /// Skips a comment at its `<!--`.
    private mutating func comment() throws(OfficeDocumentError) {
        index += 4
        while !isAt("--") {
            guard index < bytes.count else { throw failure(.unfinishedComment) }
            try step()
        }
        guard isAt("-->") else { throw failure(index + 2 < bytes.count ? .doubleHyphenInComment : .unfinishedComment) }
        index += 3
    }

    /// Skips a processing instruction at its `<?`.
    private mutating func processingInstruction() throws(OfficeDocumentError) {
        index += 2
        let target = try name(or: .malformedProcessingInstruction)
        if target.count >= 3, bytes[target.lowerBound] | 0x20 == 0x78, bytes[target.lowerBound + 1] | 0x20 == 0x6D,
           bytes[target.lowerBound + 2] | 0x20 == 0x6C {  // xml, in any case
            if target.count == 3 { throw failure(.misplacedXMLDeclaration) }
            // XML reserves names starting with xml; these two are in use.
            let name = slice(target)
            guard name.elementsEqual("xml-stylesheet".utf8) || name.elementsEqual("xml-model".utf8) else { throw failure(.reservedName) }
        }
        guard try skipSpace() || isAt("?>") else { throw failure(.malformedProcessingInstruction) }
        while !isAt("?>") {
            guard index < bytes.count else { throw failure(.unfinishedProcessingInstruction) }
            try step()
        }
        index += 2
    }

    /// Reads the XML declaration at the part's start: `version` (1.0), then
    /// `encoding` and `standalone` if given, in that order.
    private mutating func xmlDeclaration() throws(OfficeDocumentError) {
        index += 5
        let keys: [StaticString] = ["version", "encoding", "standalone"]
        var next = 0  // the first key that may still come
        while true {
            let spaced = try skipSpace()
            if isAt("?>") { break }
            guard spaced, let key = (next..<keys.count).first(where: { isAt(keys[$0]) }), next > 0 || key == 0 else {
                throw failure(.malformedDeclaration)
            }
            index += keys[key].utf8CodeUnitCount
            next = key + 1
            try skipSpace()
            guard index < bytes.count, bytes[index] == 0x3D else { throw failure(.malformedDeclaration) }  // =
            index += 1
            try skipSpace()
            guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else { throw failure(.malformedDeclaration) }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote, bytes[index] != 0x3C { try step() }
            guard index < bytes.count, bytes[index] == quote, Self.isDeclarationValue(slice(start..<index), of: key) else {
                throw failure(.malformedDeclaration)
            }
            index += 1
        }
        guard next > 0 else { throw failure(.malformedDeclaration) }
        index += 2
    }

    /// Whether `value` is the version (`1.0`), an encoding's name or `yes`/`no`: `key` 0, 1 or 2.
    private static func isDeclarationValue(_ value: UnsafeBufferPointer<UInt8>, of key: Int) -> Bool {
        switch key {
        case 0:
            return value.elementsEqual("1.0".utf8)  // 1.1 and others were refused before too
        case 1:
            guard let first = value.first, (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
            return value.allSatisfy { isNameByte($0, first: false) && $0 != 0x3A && $0 < 0x80 }
        default:
            return value.elementsEqual("yes".utf8) || value.elementsEqual("no".utf8)
        }
    }

    /// Skips whitespace, comments and processing instructions, as may stand before and after the root element.
    private mutating func skipMiscellany() throws(OfficeDocumentError) {
        while true {
            try skipSpace()
            if isAt("<!--") {
                try comment()
            } else if isAt("<?") {
                try processingInstruction()
            } else {
                return
            }
        }
    }

    // MARK: Characters

    /// Skips whitespace, saying whether there was any.
    @discardableResult
    private mutating func skipSpace() throws(OfficeDocumentError) -> Bool {
        let start = index
        while index < bytes.count, Self.isSpace(bytes[index]) { try step() }
        return index > start
    }

    /// Moves past one character, counting lines (LF, CR LF and CR each end one);
    /// a character XML does not allow, or bytes that are not UTF-8, are an error.
    private mutating func step() throws(OfficeDocumentError) {
        let byte = bytes[index]
        if byte >= 0x80 {
            let length = Self.characterLength(bytes, at: index)
            guard length > 0 else { throw failure(.forbiddenCharacter) }
            index += length
            return
        }
        index += 1
        switch byte {
        case 0x0A:
            line += 1
        case 0x0D:
            line += 1
            if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        case 0x09, 0x20...:
            break
        default:
            index -= 1
            throw failure(.forbiddenCharacter)
        }
    }

    /// Whether `literal` stands at `start` (where the reading is, unless given).
    private func isAt(_ literal: StaticString, _ start: Int? = nil) -> Bool {
        let start = start ?? index
        guard start + literal.utf8CodeUnitCount <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<literal.utf8CodeUnitCount where bytes[start + offset] != pointer[offset] { return false }
        return true
    }

    private func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Whether an ASCII byte may be part of a name: a letter, `_` or `:`; after the first, a digit, `-` or `.` too.
    private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x3A: return true
        case 0x30...0x39, 0x2D, 0x2E: return !first
        default: return byte >= 0x80
        }
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46 where hex: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66 where hex: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// Whether XML 1.0 allows the character: tab, LF, CR, and from space up, without surrogates, U+FFFE and U+FFFF.
    static func isXMLCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// The length of the UTF-8 sequence at `index` (its first byte 0x80 or more), or 0 if it is not UTF-8 or not a character XML allows.
    static func characterLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let first = bytes[index]
        let length: Int
        var scalar: UInt32
        switch first {
        case 0xC2...0xDF: length = 2; scalar = UInt32(first & 0x1F)
        case 0xE0...0xEF: length = 3; scalar = UInt32(first & 0x0F)
        case 0xF0...0xF4: length = 4; scalar = UInt32(first & 0x07)
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return 0 }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        // Overlong forms and numbers past U+10FFFF are not UTF-8; surrogates and U+FFFE, U+FFFF not characters.
        let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard scalar >= shortest, isXMLCharacter(scalar) else { return 0 }
        return length
    }

    /// Appends a character's UTF-8.
    static func append(_ character: Unicode.Scalar, to bytes: inout [UInt8]) {
        UTF8.encode(character) { bytes.append($0) }
    }

    // MARK: Errors

    /// What is wrong with a part that is not well-formed, in words.
    enum Problem: String {
        case noRoot = "there is no XML in it"
        case markupOutsideRoot = "there is markup XML does not allow before its root element"
        case contentAfterRoot = "there is more after its root element"
        case unclosedElements = "it ends before its elements are closed"
        case mismatchedTag = "a closing tag does not match the tag it closes"
        case unfinishedTag = "a tag is not finished"
        case badTagName = "a tag does not start with a valid name"
        case malformedAttribute = "an attribute is malformed"
        case repeatedAttribute = "a tag gives the same attribute twice"
        case lessThanInAttribute = "an attribute value holds a <"
        case forbiddenCharacter = "it holds a character XML does not allow"
        case undeclaredEntity = "it refers to an entity that is not declared"
        case malformedReference = "a reference (&...;) is malformed"
        case cdataEndInText = "it holds ]]> outside a CDATA section"
        case unknownMarkup = "it holds markup XML does not allow there"
        case unfinishedCDATA = "a CDATA section is not finished"
        case unfinishedComment = "a comment is not finished"
        case doubleHyphenInComment = "a comment holds --"
        case malformedProcessingInstruction = "a processing instruction is malformed"
        case unfinishedProcessingInstruction = "a processing instruction is not finished"
        case misplacedXMLDeclaration = "an XML declaration stands after the part's start"
        case malformedDeclaration = "the XML declaration is malformed"
        case reservedName = "a processing instruction's name starts with xml, which XML reserves"
        case badNamespaceName = "a namespace's name is not a valid URI"
        case badXMLSpace = "an xml:space attribute is neither default nor preserve"
    }

    private func failure(_ problem: Problem) -> OfficeDocumentError {
        .malformedXML(part: part, line: line, detail: problem.rawValue)
    }
}
