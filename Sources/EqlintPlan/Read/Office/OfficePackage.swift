/// A .docx or .odt file opened as the ZIP package it is: its parts read
/// with a limit on what each inflates to, and parsed as XML safely
/// (`XMLTreeParser`). Nothing is written and no other file is read.
struct OfficePackage {
    /// The most one part may inflate to.
    static let partLimit = 64 << 20
    /// The most text a document may give (its Markdown): a plan is a few hundred kilobytes.
    static let textLimit = 16 << 20

    let format: OfficeFormat
    let archive: ZipArchive

    /// Opens the bytes of a file named as `format`; throws if they are no ZIP archive.
    init(bytes: [UInt8], format: OfficeFormat) throws(OfficeDocumentError) {
        self.format = format
        if OLECompoundFile.looksLikeOLE(bytes) { throw .compoundFile(format) }
        do {
            archive = try ZipArchive(bytes: bytes)
        } catch .notAZipArchive {
            throw .notAZipArchive(format, looksLike: Self.kindOfFile(bytes))
        } catch {
            throw .archive(error)
        }
    }

    func contains(_ part: String) -> Bool { archive.contains(part) }

    /// A document's text, if it is within `textLimit`.
    static func limited(_ text: String) throws(OfficeDocumentError) -> String {
        guard text.utf8.count <= textLimit else { throw .tooMuchText(limit: textLimit) }
        return text
    }

    /// A part's bytes, inflated (at most `partLimit`).
    func data(_ part: String) throws(OfficeDocumentError) -> [UInt8] {
        do {
            return try archive.data(for: part, limit: Self.partLimit)
        } catch {
            throw .archive(error)
        }
    }

    /// A part parsed as XML.
    func xml(_ part: String) throws(OfficeDocumentError) -> XMLTreeElement {
        try XMLTreeParser.parse(data(part), part: part)
    }

    /// A part parsed as XML, or nil if the package does not have it.
    func xmlIfPresent(_ part: String) throws(OfficeDocumentError) -> XMLTreeElement? {
        contains(part) ? try xml(part) : nil
    }

    /// The relationships of a part (Open Packaging Conventions): each
    /// relationship's type and its target as a part name, for targets
    /// inside the package.
    func relationships(of part: String) throws(OfficeDocumentError) -> [(type: String, target: String)] {
        let folder = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? part
        let relationshipsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/\(name).rels"
        guard let root = try xmlIfPresent(relationshipsPart) else { return [] }
        return root.children(named: "rel:Relationship").compactMap { relationship in
            guard relationship.attribute("TargetMode") != "External", let type = relationship.attribute("Type"),
                  let target = relationship.attribute("Target") else { return nil }
            return (type, Self.resolve(target, from: folder))
        }
    }

    /// A relationship's target as a part name: relative to `folder`, or to the package's root if it starts with `/`.
    static func resolve(_ target: String, from folder: String) -> String {
        var components = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }

    /// What the package holds, by its parts, when it is not the document it was named as.
    var kind: String? {
        if contains("word/document.xml") { return "a Word document (.docx)" }
        if contains("xl/workbook.xml") { return "an Excel workbook (.xlsx)" }
        if contains("ppt/presentation.xml") { return "a PowerPoint presentation (.pptx)" }
        if contains("mimetype"), let type = try? data("mimetype") {
            switch String(decoding: type.prefix(100), as: UTF8.self) {
            case "application/vnd.oasis.opendocument.text": return "an OpenDocument text (.odt)"
            case "application/vnd.oasis.opendocument.spreadsheet": return "an OpenDocument spreadsheet (.ods)"
            case "application/vnd.oasis.opendocument.presentation": return "an OpenDocument presentation (.odp)"
            default: break
            }
        }
        return nil
    }

    /// What a file that is no ZIP archive seems to be, by its first bytes.
    static func kindOfFile(_ bytes: [UInt8]) -> String? {
        if bytes.isEmpty { return "an empty file" }
        let start = String(decoding: bytes.prefix(256), as: UTF8.self)
        let trimmed = start.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.lowercased()
        if trimmed.hasPrefix("%pdf") { return "a PDF; name it .pdf" }
        if trimmed.hasPrefix("{\\rtf") { return "a Rich Text Format (.rtf) file; \(OfficeFormat.word.howToSave)" }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") { return "a web page (HTML); name it .html" }
        if trimmed.hasPrefix("<?xml"), start.contains("w:wordDocument") || start.contains("pkg:package") {
            return "a Word XML document; \(OfficeFormat.word.howToSave)"
        }
        if !bytes.prefix(4096).contains(0) { return "text; if it is, name it .md or .txt" }
        return nil
    }
}
