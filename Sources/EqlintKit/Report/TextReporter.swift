import EqlintText
import Rules

/// The compiler format editors read: `path:line:col: severity: message [rule-id]`,
/// followed by a `note:` line with the fix (once per plan for a rule whose
/// fix is worded the same each time: the same note is not repeated line after line), and a
/// `note: fix:` line for each fix-it the finding has. On a terminal it may add colour
/// and the source line with a caret under the text at fault.
public struct TextReporter: StreamingReporter {
    public var color: Bool
    public var showSource: Bool
    /// Whether each finding is followed by its `note:` line with the fix.
    public var notes: Bool

    public static let identifier = "text"
    public static let description = "The compiler format editors read: path:line:column: severity: message [rule-id]."

    public init(color: Bool = false, showSource: Bool = false, notes: Bool = true) {
        self.color = color
        self.showSource = showSource
        self.notes = notes
    }

    public init(context: ReporterContext) {
        self.init(color: context.color, showSource: context.showSource, notes: context.notes)
    }

    public func report(_ files: [FileReport]) -> String {
        String(decoding: reportUTF8(files), as: UTF8.self)
    }

    /// `report` as UTF-8, as it is written.
    func reportUTF8(_ files: [FileReport]) -> [UInt8] {
        // Written as bytes, each piece copied in: appending to a String costs
        // far more per piece (this runs for every finding of every plan).
        var out: [UInt8] = []
        out.reserveCapacity(files.reduce(0) { $0 + $1.diagnostics.count } * 320)
        for file in files {
            // A rule's note is given once per plan for each wording of it.
            let diagnostics = file.diagnostics
            let repeats = notes ? Occurrences.numbers(hashes: Self.ruleAndHelpHashes(diagnostics)) {
                diagnostics[$0].ruleID == diagnostics[$1].ruleID && diagnostics[$0].help == diagnostics[$1].help
            } : []
            // The path as printed, worked out once for the findings of one file.
            var path: (text: String, printed: [UInt8])?
            // Each finding's `path:line:column:`, made in one buffer used again for each.
            var place: [UInt8] = []
            // Through the array's buffer: each diagnostic read in place, not copied out to be passed on.
            diagnostics.withUnsafeBufferPointer { diagnostics in
                for index in diagnostics.indices {
                    if path?.text != diagnostics[index].path {
                        path = (diagnostics[index].path, Array(Self.printable(diagnostics[index].path).utf8))
                    }
                    append(diagnostics[index], path: path!.printed, place: &place, withNote: notes && repeats[index] == 0, to: &out)
                    if showSource, let text = file.sourceLines[diagnostics[index].range.start.line] { out.append(utf8: snippet(diagnostics[index], text)) }
                }
            }
        }
        return out
    }

    /// Each diagnostic's rule and help hashed as a `RuleAndText`, a rule's
    /// help hashed once: a rule with a fixed help gives each of its findings
    /// the same text (the same string, which compares equal at once), and
    /// hashing a help (not ASCII, so hashed normalised) was most of the cost
    /// of finding repeated notes. Another help of the rule is hashed itself.
    static func ruleAndHelpHashes(_ diagnostics: [Diagnostic]) -> [UInt64] {
        var firstOfRule: [(ruleID: String, help: String, hash: UInt64)] = []
        firstOfRule.reserveCapacity(diagnostics.count)
        var hashes: [UInt64] = []
        hashes.reserveCapacity(diagnostics.count)
        for index in diagnostics.indices {
            let ruleID = diagnostics[index].ruleID, help = diagnostics[index].help
            // Rule ids are ASCII (the rule loader's own check): of another length, another id, found without comparing.
            let known = firstOfRule.firstIndex { $0.ruleID.utf8.count == ruleID.utf8.count && $0.ruleID == ruleID }
            if let known, firstOfRule[known].help.utf8.count == help.utf8.count, firstOfRule[known].help == help {
                hashes.append(firstOfRule[known].hash)
                continue
            }
            let hash = RuleAndText(ruleID: ruleID, text: help).hash64
            if known == nil { firstOfRule.append((ruleID, help, hash)) }
            hashes.append(hash)
        }
        return hashes
    }

    // Streaming: the findings of each plan in turn, nothing around them.
    public func head() -> String { "" }
    public func part(_ file: FileReport) -> String { report([file]) }
    public func partUTF8(_ file: FileReport) -> [UInt8] { reportUTF8([file]) }
    public var separator: String { "" }
    public func tail(_ summary: Summary) -> String { "" }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `text` (and `suffix`) appended to `out`, painted when in colour.
    private func append(_ text: String, _ suffix: String = "", painted code: String, to out: inout [UInt8]) {
        if color {
            out.append(utf8: paint(text + suffix, code))
        } else {
            out.append(utf8: text)
            out.append(utf8: suffix)
        }
    }

    /// The finding's line, then its note and fix lines, appended to `out`
    /// piece by piece.
    /// - Parameters:
    ///   - path: the diagnostic's path, `printable`.
    ///   - place: room for the finding's `path:line:column:` (what it holds is replaced).
    private func append(_ diagnostic: Diagnostic, path: [UInt8], place: inout [UInt8], withNote: Bool, to out: inout [UInt8]) {
        let start = diagnostic.range.start
        place.removeAll(keepingCapacity: true)
        place += path
        place.append(0x3A)
        Self.appendDecimal(start.line, to: &place)
        place.append(0x3A)
        Self.appendDecimal(start.column, to: &place)
        place.append(0x3A)
        if color { place = Array(paint(String(decoding: place, as: UTF8.self), "1").utf8) }
        let severityColor = diagnostic.severity == .error ? "1;31" : diagnostic.severity == .warning ? "1;33" : "1;36"
        out += place
        out.append(0x20)
        append(diagnostic.severity.rawValue, ":", painted: severityColor, to: &out)
        out.append(0x20)
        out.append(utf8: diagnostic.message)
        out.append(0x20)
        if color {
            out.append(utf8: paint("[" + diagnostic.ruleID + "]", "2"))
        } else {
            out.append(0x5B)
            out.append(utf8: diagnostic.ruleID)
            out.append(0x5D)
        }
        out.append(0x0A)
        guard notes else { return }
        let note = paint("note:", "1;36")
        if withNote {
            out += place
            out.append(0x20)
            out.append(utf8: note)
            out.append(0x20)
            out.append(utf8: diagnostic.help)
            out.append(0x0A)
        }
        for fixIt in diagnostic.fixIts {
            out += place
            out.append(0x20)
            out.append(utf8: note)
            out.append(utf8: " fix: ")
            out.append(utf8: fixIt.title)
            if fixIt.safety == .suggestion { out.append(utf8: " (a suggestion: --fix leaves it to you)") }
            out.append(0x0A)
        }
    }

    /// The digits of a number, as `String(number)` writes them, appended to `out`.
    private static func appendDecimal(_ number: Int, to out: inout [UInt8]) {
        guard number >= 0 else { return out.append(utf8: String(number)) }
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            out.append(0x30 + UInt8(truncatingIfNeeded: rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A path with control characters (C0, DEL, C1) made `?`: a file name
    /// with a line break or escape code must not break the line or drive the terminal.
    private static func printable(_ path: String) -> String {
        // C1 controls are U+0080–U+009F, in UTF-8 C2 80–C2 9F: no C2 byte, no C1 control.
        var bytes = path
        guard bytes.withUTF8({ $0.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 } }) else { return path }
        return String(path.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : Character($0) })
    }

    /// The source line under a finding (`FileReport` keeps only lines short enough to show).
    private func snippet(_ diagnostic: Diagnostic, _ text: String) -> String {
        let start = diagnostic.range.start
        let prefix = text.unicodeScalars.prefix(max(start.column - 1, 0))
        // Keep tabs in the gutter so the caret lines up under the text.
        let padding = String(String.UnicodeScalarView(prefix.map { $0 == "\t" ? "\t" : " " }))
        let end = diagnostic.range.end
        let width = end.line == start.line ? max(end.column - start.column, 1) : max(text.unicodeScalars.count - start.column + 1, 1)
        let number = String(start.line)
        let gutter = String(repeating: " ", count: number.count)
        return "\(paint(number, "2")) | \(text)\n\(gutter) | \(padding)\(paint("^" + String(repeating: "~", count: width - 1), "1;32"))\n"
    }
}
