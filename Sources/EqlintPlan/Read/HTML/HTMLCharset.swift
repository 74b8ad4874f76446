import EqlintText

/// The character encoding a saved web page says it is in, found as browsers
/// find it: `<meta charset="...">` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=...">` in the page's first 1,024 bytes.
///
/// Pages made with Word's "Save as Web Page" and older school websites are
/// often Windows-1252. Such a page is read as it declares, so its curly
/// quotes, dashes and accented letters are read as a browser shows them,
/// not reported as text that is not UTF-8.
enum HTMLCharset {
    /// How far into a page browsers look for the declaration.
    static let prescanLength = 1024

    /// The labels browsers read as Windows-1252 (the WHATWG Encoding Standard's).
    static let windows1252Labels: Set<String> = [
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100",
        "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
    ]

    /// The page's bytes as UTF-8: a page that is not UTF-8 and declares
    /// Windows-1252 (or a label browsers read as it) converted; any other
    /// page as it is. A page that is UTF-8 is kept whatever it declares (it
    /// was saved again as UTF-8 and its old declaration left behind), as is
    /// one that starts with a UTF-8 byte-order mark, which browsers obey first.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]), let label = declaredLabel(bytes),
              windows1252Labels.contains(label), !UTF8Repair.isValid(bytes) else { return bytes }
        return Windows1252.utf8(bytes)
    }

    /// The label of the first `<meta>` tag in the first 1,024 bytes that
    /// names a charset, in lower case; nil when there is none.
    static func declaredLabel(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(prescanLength).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var from = 0
        while let meta = ByteText.find(head, "<meta", in: from..<head.count) {
            let tagEnd = ByteText.find(head, 0x3E, in: meta..<head.count) ?? head.count  // >
            if let label = charset(in: head, meta..<tagEnd) { return label }
            from = tagEnd
        }
        return nil
    }

    /// The value after `charset` and `=` in a tag (`head`, lower case, over
    /// `tag`): quoted or not, up to a quote, space, `;`, `/` or the tag's end.
    private static func charset(in head: [UInt8], _ tag: Range<Int>) -> String? {
        var from = tag.lowerBound
        while let found = ByteText.find(head, "charset", in: from..<tag.upperBound) {
            from = found + 7
            var index = from
            func skipSpaces() { while index < tag.upperBound, isSpace(head[index]) { index += 1 } }
            skipSpaces()
            guard index < tag.upperBound, head[index] == 0x3D else { continue }  // =
            index += 1
            skipSpaces()
            if index < tag.upperBound, head[index] == 0x22 || head[index] == 0x27 { index += 1 }
            let start = index
            while index < tag.upperBound, !isSpace(head[index]), ![0x22, 0x27, 0x3B, 0x2F].contains(head[index]) { index += 1 }
            guard index > start else { continue }
            return String(decoding: head[start..<index], as: UTF8.self)
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
