@testable import EqlintPlan
import Foundation

/// Office documents for the tests: the fixtures `scripts/make-document-fixtures`
/// wrote, and small .docx and .odt files built here from hand-written XML.
enum OfficeFixtures {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/documents")

    /// Every document fixture, by file name (`model-plan.pandoc.docx`).
    static let documents: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".docx") || $0.hasSuffix(".odt") }.sorted()
    }()

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The Markdown a document fixture was made from: `model-plan.md` for `model-plan.pandoc.docx`.
    static func markdownSource(of document: String) -> String {
        String(document.split(separator: ".").first ?? "") + ".md"
    }

    static let wordNamespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
        + #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#
        + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// A .docx whose body is `body` (WordprocessingML, the `w:` prefix bound), with optional numbering and styles.
    static func docx(body: String, numbering: String? = nil, styles: String? = nil, extra: [(String, String)] = []) -> [UInt8] {
        var entries: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)),
            ("word/document.xml", Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \#(wordNamespaces)><w:body>\#(body)</w:body></w:document>"#.utf8)),
        ]
        if let numbering {
            entries.append(("word/numbering.xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><w:numbering \#(wordNamespaces)>\#(numbering)</w:numbering>"#.utf8)))
        }
        if let styles {
            entries.append(("word/styles.xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><w:styles \#(wordNamespaces)>\#(styles)</w:styles>"#.utf8)))
        }
        entries += extra.map { ($0.0, Array($0.1.utf8)) }
        return StoredZip.archive(entries)
    }

    /// The Markdown the Word reader writes for a body.
    static func wordMarkdown(_ body: String, numbering: String? = nil, styles: String? = nil) throws -> String {
        try DocxReader.markdown(docx(body: body, numbering: numbering, styles: styles))
    }

    static let openDocumentNamespaces = #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#
        + #"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#
        + #"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#
        + #"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" "#
        + #"xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" "#
        + #"xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0""#

    /// An .odt whose body is `body` (the `text:`, `table:` prefixes bound), with automatic styles and common styles.
    static func odt(body: String, automaticStyles: String = "", styles: String? = nil) -> [UInt8] {
        var entries: [(String, [UInt8])] = [
            ("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)),
            ("content.xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><office:document-content \#(openDocumentNamespaces)><office:automatic-styles>\#(automaticStyles)</office:automatic-styles><office:body><office:text>\#(body)</office:text></office:body></office:document-content>"#.utf8)),
        ]
        if let styles {
            entries.append(("styles.xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles \#(openDocumentNamespaces)><office:styles>\#(styles)</office:styles></office:document-styles>"#.utf8)))
        }
        return StoredZip.archive(entries)
    }

    static func openDocumentMarkdown(_ body: String, automaticStyles: String = "", styles: String? = nil) throws -> String {
        try OdtReader.markdown(odt(body: body, automaticStyles: automaticStyles, styles: styles))
    }

    /// The error reading a document's bytes as `reader` does, or nil if it reads.
    static func error(_ bytes: [UInt8], odt: Bool = false) -> OfficeDocumentError? {
        do {
            _ = odt ? try OdtReader.markdown(bytes) : try DocxReader.markdown(bytes)
            return nil
        } catch {
            return error
        }
    }
}

/// Writes a ZIP archive of stored (uncompressed) entries, for documents made in a test.
enum StoredZip {
    static func archive(_ entries: [(name: String, data: [UInt8])]) -> [UInt8] {
        var bytes: [UInt8] = []
        var directory: [UInt8] = []
        func le16(_ value: Int, _ into: inout [UInt8]) { into += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: Int, _ into: inout [UInt8]) { le16(value & 0xFFFF, &into); le16(value >> 16 & 0xFFFF, &into) }
        for (name, data) in entries {
            let offset = bytes.count
            let nameBytes = Array(name.utf8)
            let crc = Int(CRC32.checksum(data))
            le32(0x0403_4B50, &bytes); le16(20, &bytes); le16(0x800, &bytes); le16(0, &bytes); le16(0, &bytes); le16(0x21, &bytes)
            le32(crc, &bytes); le32(data.count, &bytes); le32(data.count, &bytes); le16(nameBytes.count, &bytes); le16(0, &bytes)
            bytes += nameBytes + data
            le32(0x0201_4B50, &directory); le16(20, &directory); le16(20, &directory); le16(0x800, &directory); le16(0, &directory)
            le16(0, &directory); le16(0x21, &directory); le32(crc, &directory); le32(data.count, &directory); le32(data.count, &directory)
            le16(nameBytes.count, &directory); le16(0, &directory); le16(0, &directory); le16(0, &directory); le16(0, &directory)
            le32(0, &directory); le32(offset, &directory)
            directory += nameBytes
        }
        let directoryOffset = bytes.count
        bytes += directory
        le32(0x0605_4B50, &bytes); le16(0, &bytes); le16(0, &bytes); le16(entries.count, &bytes); le16(entries.count, &bytes)
        le32(directory.count, &bytes); le32(directoryOffset, &bytes); le16(0, &bytes)
        return bytes
    }
}
