import Foundation
import EqlintText

/// A fix a rule file declares (`fix`), as data: what to put in place of the
/// text at fault, or what to add or take away. The linter turns it into a
/// `FixIt` for each finding (see `fixIt(range:values:parts:source:)`).
public struct RuleFix: Sendable {
    public enum Action: Sendable {
        /// Replace the text at fault with the rendered template (`{term}`).
        /// An article the text already has before it is not doubled: with
        /// `the Equality Act 2010` for `Equalities Act` in "the Equalities
        /// Act", the result is "the Equality Act 2010".
        case replace(MessageTemplate)
        /// Add a line after the line of the finding (a missing label, with a
        /// placeholder: `**Lead:** TODO`), a blank line before it.
        case insertLine(MessageTemplate)
        /// Remove the text at fault (and its line, when nothing else is on it).
        case remove
    }

    public var safety: FixIt.Safety
    public var action: Action
    /// Only findings whose `{term}` is one of these (an `avoids` list's
    /// groups) get this fix; nil: every finding.
    public var groups: Set<String>?

    public init(safety: FixIt.Safety, action: Action, groups: Set<String>? = nil) {
        self.safety = safety
        self.action = action
        self.groups = groups
    }

    /// The fix-it for one finding, or nil when the fix does not apply to it
    /// (another group; a text with markup inside it, which a replacement
    /// would lose; a replacement that changes nothing).
    func fixIt(range: SourceRange, values: MessageValues, parts: [String: MessageTemplate], source: SourceFile) -> FixIt? {
        if let groups {
            guard case .text(let term)? = values["term"], groups.contains(term) else { return nil }
        }
        let bytes = source.bytes
        let start = source.offset(of: range.start)
        let end = max(source.offset(of: range.end), start)
        let found = source.text(start..<end)
        switch action {
        case .replace(let template):
            // Markup or a line break inside the text at fault would be lost with it.
            guard !found.isEmpty, !bytes[start..<end].contains(where: { [0x0A, 0x0D, 0x2A, 0x5F, 0x60, 0x5B, 0x5D, 0x3C, 0x3E].contains($0) })
            else { return nil }
            var text = template.render(values, parts: parts)
            let before = Self.lineBefore(start, in: source)
            if text.lowercased().hasPrefix("the "), Self.endsWithDeterminer(before) {
                text.removeFirst(4)
            } else if Self.startsSentence(before), let first = text.first, first.isLowercase, found.first?.isUppercase == true {
                text = first.uppercased() + text.dropFirst()
            }
            guard !text.isEmpty, text != found else { return nil }
            return FixIt(safety: safety, title: "replace \u{201C}\(found)\u{201D} with \u{201C}\(text)\u{201D}",
                         edits: [FixIt.Edit(range: range, span: start..<end, replacement: text)])
        case .insertLine(let template):
            let text = template.render(values, parts: parts)
            guard !text.isEmpty else { return nil }
            let line = source.lineSpan(range.start.line - 1)
            // A line added under a list item or a table row would break the
            // list or the table: only a heading or a line of its own takes one.
            guard start >= line.lowerBound, start <= line.upperBound,
                  bytes[line.lowerBound..<start].allSatisfy({ [0x20, 0x09, 0x23, 0x2A].contains($0) }),
                  !Self.isTableRow(range.start.line - 1, in: source), !Self.isBulleted(line, in: bytes) else { return nil }
            let newline = Self.lineEnding(of: bytes)
            let at = source.location(of: line.upperBound)
            // Text on the next line would run on into the added one.
            let nextLine = range.start.line < source.lineCount ? source.lineSpan(range.start.line) : line.upperBound..<line.upperBound
            let runsOn = bytes[nextLine].contains { $0 != 0x20 && $0 != 0x09 }
            return FixIt(safety: safety, title: "add \u{201C}\(text)\u{201D} after line \(range.start.line)",
                         edits: [FixIt.Edit(range: SourceRange(start: at, end: at), span: line.upperBound..<line.upperBound,
                                            replacement: newline + newline + text + (runsOn ? newline : ""))])
        case .remove:
            guard !found.isEmpty else { return nil }
            var span = start..<end
            let line = source.lineSpan(range.start.line - 1)
            let isWhitespace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
            // A text alone on its line goes with its line and line break.
            if line.contains(start), end <= line.upperBound, bytes[line.lowerBound..<start].allSatisfy(isWhitespace),
               bytes[end..<line.upperBound].allSatisfy(isWhitespace) {
                var next = line.upperBound
                if next < bytes.count, bytes[next] == 0x0D { next += 1 }
                if next < bytes.count, bytes[next] == 0x0A { next += 1 }
                span = line.lowerBound..<next
            }
            return FixIt(safety: safety, title: "remove \u{201C}\(found)\u{201D}",
                         edits: [FixIt.Edit(range: source.range(of: span), span: span, replacement: "")])
        }
    }

    /// The text of the line before an offset.
    private static func lineBefore(_ offset: Int, in source: SourceFile) -> String {
        let line = source.lineSpan(source.location(of: offset).line - 1)
        return source.text(line.lowerBound..<offset)
    }

    /// Whether the text before a replacement ends with a word that already
    /// does the work of its article: `the`, `our`, `this`, `a`, the school's.
    private static func endsWithDeterminer(_ before: String) -> Bool {
        guard before.last == " " else { return false }
        let word = before.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == "*" || $0 == "_" }).last?.lowercased() ?? ""
        let determiners: Set<String> = ["the", "a", "an", "our", "your", "their", "its", "his", "her", "my", "this", "that", "these",
                                        "those", "whose", "each", "every", "any", "no"]
        return determiners.contains(word) || word.hasSuffix("'s") || word.hasSuffix("\u{2019}s")
    }

    /// Whether text that follows `before` on its line starts a sentence: only
    /// Markdown markers before it (`## `, `- `, `1. `, `> `), or the end of a sentence.
    private static func startsSentence(_ before: String) -> Bool {
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        if trimmed.allSatisfy({ "#-*+>|0123456789.)".contains($0) }) { return true }
        return [".", "!", "?"].contains { trimmed.hasSuffix($0) }
    }

    /// The file's line ending: its first line break's (`\n` when it has none).
    /// Whether a line (0-based) is a row of a table: a pipe table's, or
    /// tab-separated cells next to another line of them.
    static func isTableRow(_ index: Int, in source: SourceFile) -> Bool {
        func cells(_ index: Int) -> Bool {
            guard index >= 0, index < source.lineCount else { return false }
            let line = source.bytes[source.lineSpan(index)]
            return line.contains(0x09) || line.first(where: { $0 != 0x20 }) == 0x7C
        }
        return cells(index) && (cells(index - 1) || cells(index + 1))
    }

    /// Whether a line starts with a `*` bullet (not `**` bold).
    static func isBulleted(_ line: Range<Int>, in bytes: [UInt8]) -> Bool {
        guard let first = bytes[line].firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), bytes[first] == 0x2A else { return false }
        return first + 1 < line.upperBound && (bytes[first + 1] == 0x20 || bytes[first + 1] == 0x09)
    }

    static func lineEnding(of bytes: [UInt8]) -> String {
        guard let index = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
        if bytes[index] == 0x0A { return "\n" }
        return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? "\r\n" : "\r"
    }
}

/// A fix's example in a rule file: a plan, and the plan once the rule's
/// fixes (safe ones and suggestions) are applied.
public struct FixExample: Sendable {
    public var before: String
    public var after: String
    public var location: SourceLocation

    public init(before: String, after: String, location: SourceLocation) {
        self.before = before
        self.after = after
        self.location = location
    }
}
