import EqlintPlan
import EqlintText
import Rules

/// What `eqlint check` does with the fixes it finds.
public enum FixMode: Sendable {
    /// `--fix`: apply the safe fixes, in place.
    case apply
    /// `--diff`: print the unified diff the safe fixes would make; write nothing.
    case diff
}

/// Fixes one plan for `--fix` or `--diff` (see `Linter.fix`): only a plan
/// in a format eqlint can write back (Markdown, text), read whole and all
/// UTF-8; its byte-order mark and line endings are kept, and
/// `PlanFileWriter` writes it safely.
enum PlanFixer {
    /// The plan to report on (the fixed one, once written) and what was done.
    /// - Parameters:
    ///   - path: the file to write; nil for standard input, which is never written.
    ///   - keep: the findings the run reports, of those found (the baseline's and those below `--min-severity` are left out).
    static func fix(_ source: SourceFile, path: String?, linter: Linter, mode: FixMode,
                    keep: ([Diagnostic]) -> [Diagnostic]) -> (SourceFile, FixReport) {
        var report = FixReport()
        let name = source.path
        let reader = DocumentReaders.reader(forPath: path ?? name)
        guard source.format == nil, reader is MarkdownReader || reader is TextReader else {
            // A web page's findings carry no fix-its (their places are in its markup): its rules' fixes say what there would be.
            let safe = keep(linter.check(source).diagnostics).filter { diagnostic in
                diagnostic.fixIts.isEmpty ? linter.ruleSet.rule(id: diagnostic.ruleID)?.fixes.contains { $0.safety == .safe } == true
                    : diagnostic.fixIts.contains { $0.safety == .safe }
            }.count
            if safe > 0 {
                report.warning = "\(name): only Markdown and text plans can be fixed in place, not a \(reader.format) file; "
                    + "\(safe) safe \(safe == 1 ? "fix was" : "fixes were") not applied (write the plan out with "
                    + "'eqlint convert \(name) -o plan.md' and fix that)"
            }
            return (source, report)
        }
        guard source.invalidUTF8 == nil else {
            report.warning = "\(name): is not all valid UTF-8 text, so it is not fixed (save it with UTF-8 encoding first)"
            return (source, report)
        }
        let outcome = linter.fix(source, keep: keep)
        guard outcome.settled else {
            report.error = "\(name): the fixes did not settle after \(Linter.fixRounds) rounds (a rule's fix keeps finding more to fix); "
                + "the file was not changed"
            return (source, report)
        }
        guard outcome.applied > 0 else { return (source, report) }
        // The file as it is on disk now, whole: it must still be what was checked.
        let original: [UInt8]
        if let path {
            do {
                original = try SourceFile.readBytes(path: path, displayPath: name)
            } catch {
                report.error = "\(name): cannot be read again to fix it (\(error.description)); the file was not changed"
                return (source, report)
            }
            guard let again = try? SourceFile(path: name, bytes: original), again.bytes == source.bytes else {
                report.error = "\(name): changed while eqlint was checking it; the file was not changed"
                return (source, report)
            }
        } else {
            original = source.bytes
        }
        let byteOrderMark: [UInt8] = original.starts(with: [0xEF, 0xBB, 0xBF]) ? [0xEF, 0xBB, 0xBF] : []
        let fixed = byteOrderMark + outcome.bytes
        switch mode {
        case .diff:
            report.applied = outcome.applied
            report.diff = UnifiedDiff.diff(String(decoding: original, as: UTF8.self), String(decoding: fixed, as: UTF8.self), path: name)
            return (source, report)
        case .apply:
            guard let path else {
                report.warning = "\(name): standard input cannot be fixed in place; use --diff to see the changes"
                return (source, report)
            }
            do {
                try PlanFileWriter.write(fixed, to: path, expected: original)
            } catch {
                report.error = error.description
                return (source, report)
            }
            report.applied = outcome.applied
            guard var written = try? SourceFile(path: name, bytes: fixed) else { return (source, report) }
            written.format = source.format
            return (written, report)
        }
    }
}
