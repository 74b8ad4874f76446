import EqlintText

/// Splits a web page's bytes into tokens, as a browser's tokenizer does
/// where it matters for reading text: start and end tags with their
/// attributes (double-quoted, single-quoted or bare), comments, `<!DOCTYPE>`
/// and other declarations, CDATA sections, the raw text of `script`,
/// `style`, `textarea`, `title` and the like, and text. It never fails:
/// what is not markup is text, a tag the file ends inside is dropped (as
/// browsers drop it), and an unterminated comment runs to the end. Each
/// byte is looked at a bounded number of times (`memchr` finds the next `<`
/// or closing quote), so any input is read in linear time.
struct HTMLTokenizer {
    enum Kind: Equatable {
        case text
        case startTag
        case endTag
        /// `<!-- ... -->`.
        case comment
        /// `<!DOCTYPE ...>`, `<?...>`, `<![CDATA[...]]>`, a bogus comment, or a tag the file ends inside.
        case declaration
        /// The content of a raw text element (`script`, `style`, `textarea`, `title`, ...).
        case rawText
    }

    struct Token {
        var kind: Kind
        /// The whole token.
        var span: Range<Int>
        /// A tag's element, and its name's hash (see `HTMLTag.hash`).
        var tag: HTMLTag = .other
        var nameHash: UInt64 = 0
        /// `<br/>`, `<svg ... />`.
        var selfClosing = false
    }

    /// The attributes of the last start tag that the reader looks at.
    struct Attributes {
        var id: Range<Int>?
        var `class`: Range<Int>?
        var style: Range<Int>?
        var role: Range<Int>?
        var ariaLabel: Range<Int>?
        var ariaHidden: Range<Int>?
        var href: Range<Int>?
        var start: Range<Int>?
        var value: Range<Int>?
        var colspan: Range<Int>?
        var hidden = false
        var open = false
    }

    let bytes: [UInt8]
    private(set) var index = 0
    private(set) var attributes = Attributes()
    /// After a raw text element's start tag: its name's hash, and the name to find in its end tag.
    private var rawTextEnd: (tag: HTMLTag, hash: UInt64)?

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> Token? {
        let count = bytes.count
        guard index < count else { return nil }
        if let raw = rawTextEnd {
            rawTextEnd = nil
            let start = index
            index = rawTextEndTag(raw.tag, from: start)
            if index > start { return Token(kind: .rawText, span: start..<index) }
            guard index < count else { return nil }
        }
        let start = index
        guard bytes[start] == 0x3C, let markup = markup(at: start) else {
            index = nextMarkup(from: start + 1)
            return Token(kind: .text, span: start..<index)
        }
        return markup
    }

    // MARK: Text

    /// Where the next `<` that starts markup is (or the end).
    private func nextMarkup(from start: Int) -> Int {
        var from = start
        while let open = ByteText.find(bytes, 0x3C, in: from..<bytes.count) {
            if startsMarkup(at: open) { return open }
            from = open + 1
        }
        return bytes.count
    }

    /// `<` followed by a letter, `/`, `!` or `?`.
    private func startsMarkup(at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        return Markup.isLetter(next) || next == 0x2F || next == 0x21 || next == 0x3F
    }

    /// The end of a raw text element's content: the start of `</name` (any
    /// case) followed by a space, `/` or `>`, or the end of the file.
    private func rawTextEndTag(_ tag: HTMLTag, from start: Int) -> Int {
        let name = Array(String(describing: tag).utf8)
        var from = start
        while let open = ByteText.find(bytes, 0x3C, in: from..<bytes.count) {
            from = open + 1
            guard open + 2 + name.count <= bytes.count, bytes[open + 1] == 0x2F else { continue }
            var matches = true
            for (offset, letter) in name.enumerated() where bytes[open + 2 + offset] | 0x20 != letter {
                matches = false
                break
            }
            guard matches else { continue }
            let after = open + 2 + name.count
            if after == bytes.count || isSpace(bytes[after]) || bytes[after] == 0x2F || bytes[after] == 0x3E { return open }
        }
        return bytes.count
    }

    // MARK: Markup

    private mutating func markup(at start: Int) -> Token? {
        let count = bytes.count
        guard start + 1 < count else { return nil }
        let next = bytes[start + 1]
        if Markup.isLetter(next) { return startTag(at: start) }
        if next == 0x2F {
            if start + 2 < count, Markup.isLetter(bytes[start + 2]) { return endTag(at: start) }
            if start + 2 < count, bytes[start + 2] == 0x3E {  // `</>` is nothing
                index = start + 3
                return Token(kind: .declaration, span: start..<index)
            }
            return bogusComment(at: start)
        }
        if next == 0x21 {
            if hasPrefix("<!--", at: start) { return comment(at: start) }
            if hasPrefix("<![CDATA[", at: start) {
                index = find("]]>", from: start + 9).map { $0 + 3 } ?? closingBracket(from: start + 9)
                return Token(kind: .declaration, span: start..<index)
            }
            return bogusComment(at: start)
        }
        if next == 0x3F { return bogusComment(at: start) }
        return nil
    }

    /// `<!-- ... -->` (also ended by `--!>`; `<!-->` and `<!--->` are empty
    /// comments), or to the end of the file when it is never closed.
    private mutating func comment(at start: Int) -> Token {
        let body = start + 4
        if body < bytes.count, bytes[body] == 0x3E {
            index = body + 1
        } else if body + 1 < bytes.count, bytes[body] == 0x2D, bytes[body + 1] == 0x3E {
            index = body + 2
        } else {
            var from = body
            index = bytes.count
            while let close = ByteText.find(bytes, 0x3E, in: from..<bytes.count) {
                if close - 2 >= body, bytes[close - 1] == 0x2D, bytes[close - 2] == 0x2D {
                    index = close + 1
                    break
                }
                if close - 3 >= body, bytes[close - 1] == 0x21, bytes[close - 2] == 0x2D, bytes[close - 3] == 0x2D {
                    index = close + 1
                    break
                }
                from = close + 1
            }
        }
        return Token(kind: .comment, span: start..<index)
    }

    /// `<!DOCTYPE html>`, `<?xml ...?>`, `</ 3>`: up to the next `>`.
    private mutating func bogusComment(at start: Int) -> Token {
        index = closingBracket(from: start + 2)
        return Token(kind: .declaration, span: start..<index)
    }

    /// Just past the next `>`, or the end of the file.
    private func closingBracket(from start: Int) -> Int {
        (ByteText.find(bytes, 0x3E, in: min(start, bytes.count)..<bytes.count)).map { $0 + 1 } ?? bytes.count
    }

    private mutating func startTag(at start: Int) -> Token {
        let nameStart = start + 1
        var cursor = nameStart
        while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != 0x2F, bytes[cursor] != 0x3E { cursor += 1 }
        let hash = HTMLTag.hash(bytes, nameStart..<cursor)
        let tag = HTMLTag.named(hash)
        attributes = Attributes()
        guard let (end, selfClosing) = attributeList(from: cursor, recording: true) else {
            index = bytes.count
            return Token(kind: .declaration, span: start..<index)  // the file ends inside the tag: dropped
        }
        index = end
        if tag.hasRawText { rawTextEnd = (tag, hash) }
        return Token(kind: .startTag, span: start..<end, tag: tag, nameHash: hash, selfClosing: selfClosing)
    }

    private mutating func endTag(at start: Int) -> Token {
        let nameStart = start + 2
        var cursor = nameStart
        while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != 0x2F, bytes[cursor] != 0x3E { cursor += 1 }
        let hash = HTMLTag.hash(bytes, nameStart..<cursor)
        guard let (end, _) = attributeList(from: cursor, recording: false) else {
            index = bytes.count
            return Token(kind: .declaration, span: start..<index)
        }
        index = end
        return Token(kind: .endTag, span: start..<end, tag: HTMLTag.named(hash), nameHash: hash)
    }

    /// Reads attributes up to the tag's `>`: where the tag ends and whether
    /// it closed with `/>`; nil when the file ends first.
    private mutating func attributeList(from start: Int, recording: Bool) -> (Int, Bool)? {
        let count = bytes.count
        var cursor = start
        while true {
            // Before a name: spaces, and slashes that do not close the tag.
            while cursor < count, isSpace(bytes[cursor]) || bytes[cursor] == 0x2F {
                if bytes[cursor] == 0x2F, cursor + 1 < count, bytes[cursor + 1] == 0x3E { return (cursor + 2, true) }
                cursor += 1
            }
            guard cursor < count else { return nil }
            if bytes[cursor] == 0x3E { return (cursor + 1, false) }
            let nameStart = cursor
            cursor += 1  // a name may start with `=`
            while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != 0x2F, bytes[cursor] != 0x3E, bytes[cursor] != 0x3D {
                cursor += 1
            }
            let name = nameStart..<cursor
            var valueEnd = cursor
            while valueEnd < count, isSpace(bytes[valueEnd]) { valueEnd += 1 }
            var value: Range<Int>?
            if valueEnd < count, bytes[valueEnd] == 0x3D {
                cursor = valueEnd + 1
                while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < count else { return nil }
                let quote = bytes[cursor]
                if quote == 0x22 || quote == 0x27 {
                    guard let close = ByteText.find(bytes, quote, in: cursor + 1..<count) else { return nil }
                    value = cursor + 1..<close
                    cursor = close + 1
                } else if quote != 0x3E {
                    let valueStart = cursor
                    while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != 0x3E { cursor += 1 }
                    value = valueStart..<cursor
                } else {
                    value = cursor..<cursor
                }
            }
            if recording { record(name, value) }
        }
    }

    /// Keeps an attribute the reader looks at (the first of each name, as browsers do).
    private mutating func record(_ name: Range<Int>, _ value: Range<Int>?) {
        guard name.count <= 11 else { return }
        let empty = name.upperBound..<name.upperBound
        switch HTMLTag.hash(bytes, name) {
        case Self.idHash: if attributes.id == nil { attributes.id = value ?? empty }
        case Self.classHash: if attributes.class == nil { attributes.class = value ?? empty }
        case Self.styleHash: if attributes.style == nil { attributes.style = value ?? empty }
        case Self.roleHash: if attributes.role == nil { attributes.role = value ?? empty }
        case Self.ariaLabelHash: if attributes.ariaLabel == nil { attributes.ariaLabel = value ?? empty }
        case Self.ariaHiddenHash: if attributes.ariaHidden == nil { attributes.ariaHidden = value ?? empty }
        case Self.hrefHash: if attributes.href == nil { attributes.href = value ?? empty }
        case Self.startHash: if attributes.start == nil { attributes.start = value ?? empty }
        case Self.valueHash: if attributes.value == nil { attributes.value = value ?? empty }
        case Self.colspanHash: if attributes.colspan == nil { attributes.colspan = value ?? empty }
        case Self.hiddenHash: attributes.hidden = true
        case Self.openHash: attributes.open = true
        default: break
        }
    }

    private static let idHash = HTMLTag.hash("id")
    private static let classHash = HTMLTag.hash("class")
    private static let styleHash = HTMLTag.hash("style")
    private static let roleHash = HTMLTag.hash("role")
    private static let ariaLabelHash = HTMLTag.hash("aria-label")
    private static let ariaHiddenHash = HTMLTag.hash("aria-hidden")
    private static let hrefHash = HTMLTag.hash("href")
    private static let startHash = HTMLTag.hash("start")
    private static let valueHash = HTMLTag.hash("value")
    private static let colspanHash = HTMLTag.hash("colspan")
    private static let hiddenHash = HTMLTag.hash("hidden")
    private static let openHash = HTMLTag.hash("open")

    // MARK: Bytes

    /// HTML's spaces: space, tab, line feed, form feed, carriage return.
    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private func hasPrefix(_ literal: StaticString, at offset: Int) -> Bool {
        ByteText.hasPrefix(bytes, at: offset, literal, end: bytes.count)
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        let first = literalFirst(needle)
        var from = start
        while let hit = ByteText.find(bytes, first, in: min(from, bytes.count)..<bytes.count) {
            if ByteText.hasPrefix(bytes, at: hit, needle, end: bytes.count) { return hit }
            from = hit + 1
        }
        return nil
    }

    private func literalFirst(_ literal: StaticString) -> UInt8 {
        literal.withUTF8Buffer { $0[0] }
    }
}
