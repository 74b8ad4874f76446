import EqlintText

/// A change that fixes a finding, like swift-syntax's `FixIt`: what it does,
/// in words, and the edits that do it (each a range of the file and the
/// text to put there). A diagnostic carries its fix-its (`Diagnostic.fixIts`);
/// `eqlint check --fix` applies the safe ones, an editor may offer all.
public struct FixIt: Hashable, Sendable {
    /// Whether a fix can be applied without asking.
    public enum Safety: String, CaseIterable, Sendable, Codable {
        /// Cannot change what the plan means (a legal name, the spelling of
        /// a label): `--fix` applies it.
        case safe
        /// Needs a person to decide (an outdated term has no replacement that
        /// fits every sentence; a missing field needs the school's own words):
        /// offered, never applied by `--fix`.
        case suggestion
    }

    /// One replacement: the text in `range` (empty for an insertion) becomes `replacement`.
    public struct Edit: Hashable, Sendable {
        /// Where, as line and column (1-based, in characters, as findings are placed).
        public var range: SourceRange
        /// Where, as byte offsets in the file's text (after any byte-order mark).
        public var span: Range<Int>
        /// The new text, with the file's own line endings.
        public var replacement: String

        public init(range: SourceRange, span: Range<Int>, replacement: String) {
            self.range = range
            self.span = span
            self.replacement = replacement
        }
    }

    public var safety: Safety
    /// What the fix does, in words: `replace “Equalities Act” with “Equality Act 2010”`.
    public var title: String
    /// The edits, in file order, none overlapping another.
    public var edits: [Edit]

    public init(safety: Safety, title: String, edits: [Edit]) {
        self.safety = safety
        self.title = title
        self.edits = edits
    }

    /// Whether any edit of this fix-it touches bytes another's edit touches
    /// (two insertions at the same place overlap too: their order would matter).
    public func overlaps(_ other: FixIt) -> Bool {
        edits.contains { edit in
            other.edits.contains { that in
                edit.span.overlaps(that.span) || edit.span.lowerBound == that.span.lowerBound
                    || (edit.span.isEmpty && that.span.contains(edit.span.lowerBound))
                    || (that.span.isEmpty && edit.span.contains(that.span.lowerBound))
            }
        }
    }
}

/// Applies fix-its to a file's text.
package enum FixApplier {
    /// The text with the fix-its applied that overlap no earlier one (in
    /// order of where they start, the longer first), and how many were applied; the others are
    /// left for another round, once the file has been checked again.
    package static func apply(_ fixIts: [FixIt], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        let chosen = oneRound(fixIts, textLength: bytes.count)
        var result = bytes
        for edit in chosen.flatMap(\.edits).sorted(by: { $0.span.lowerBound > $1.span.lowerBound }) {
            result.replaceSubrange(edit.span, with: Array(edit.replacement.utf8))
        }
        return (result, chosen.count)
    }

    /// The fix-its that can be applied together: in order of where they
    /// start (the longer first where two start together), each that overlaps
    /// no earlier one and lies within a text of `textLength` bytes.
    package static func oneRound(_ fixIts: [FixIt], textLength: Int) -> [FixIt] {
        var chosen: [FixIt] = []
        let ordered = fixIts.filter { !$0.edits.isEmpty }.sorted {
            // Where two start at the same place, the longer (the more specific) first.
            ($0.edits[0].span.lowerBound, -$0.edits[0].span.upperBound) < ($1.edits[0].span.lowerBound, -$1.edits[0].span.upperBound)
        }
        for fixIt in ordered where !chosen.contains(where: { $0.overlaps(fixIt) || $0 == fixIt }) {
            guard fixIt.edits.allSatisfy({ $0.span.lowerBound >= 0 && $0.span.upperBound <= textLength }) else { continue }
            chosen.append(fixIt)
        }
        return chosen
    }
}
