import Foundation

/// Parses one XML part of an Office document into `XMLTreeElement`s, safely:
/// a part with a document type declaration or an entity declaration is
/// refused before it is parsed, no entity is ever expanded but the five XML
/// predefines and character references (no billion laughs, no external
/// entity naming a local file), only UTF-8 is read, and elements nest at
/// most `maximumDepth` deep. `XMLScanner` reads the markup.
enum XMLTreeParser {
    /// How deep elements may nest: real documents stay well under it.
    static let maximumDepth = 256

    /// The part's root element; `part` names it in errors.
    static func parse(_ bytes: [UInt8], part: String) throws(OfficeDocumentError) -> XMLTreeElement {
        try checkSafe(bytes, part: part)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(OfficeDocumentError) -> XMLTreeElement in
            var scanner = XMLScanner(buffer, part: part)
            return try scanner.document()
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
        let kind: OfficeDocumentError.Declaration? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var index = 0
            // Each < found with memchr, which passes over the bytes between many at a time.
            while index + 1 < buffer.count, let found = memchr(base + index, 0x3C, buffer.count - index - 1) {
                index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                if buffer[index + 1] == 0x21 {  // <!
                    if matches(buffer, at: index + 2, "DOCTYPE") { return .documentType }
                    if matches(buffer, at: index + 2, "ENTITY") { return .entity }
                }
                index += 1
            }
            return nil
        }
        if let kind { throw .declaration(part: part, kind: kind) }
    }

    /// Whether `word` (upper-case ASCII) stands at `index`, in any case.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString) -> Bool {
        guard index + word.utf8CodeUnitCount <= bytes.count else { return false }
        for offset in 0..<word.utf8CodeUnitCount where bytes[index + offset] & 0xDF != word.utf8Start[offset] { return false }
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
}
