import EqlintPlan
import Foundation
import Rules

/// Findings recorded on one day, so that later runs report only new ones.
/// A finding matches by file, rule and fingerprint (the rule and the text at
/// fault), never by line, so edits elsewhere in a plan do not bring it back.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Codable, Hashable, Sendable {
        /// The plan, relative to the baseline file's folder.
        public var file: String
        public var rule: String
        public var fingerprint: String
        /// The text at fault and the message, for people reading the file.
        public var text: String
        public var message: String
    }

    public var entries: [Entry] {
        didSet { keys = Self.keys(of: entries) }
    }
    /// Each entry as file, rule and fingerprint, for matching findings.
    private var keys: Set<String>

    init(entries: [Entry]) {
        self.entries = entries
        keys = Self.keys(of: entries)
    }

    private static func keys(of entries: [Entry]) -> Set<String> {
        Set(entries.map { "\($0.file)\u{0}\($0.rule)\u{0}\($0.fingerprint)" })
    }

    private struct Document: Codable {
        var version: Int
        var findings: [Entry]
    }

    /// The baseline of a run's findings; `directory` is the baseline file's folder.
    public init(reports: [FileReport], directory: String, currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.init(entries: reports.flatMap { report in
            report.diagnostics.map {
                Entry(file: Self.key(report.path, directory: directory, currentDirectory: currentDirectory),
                      rule: $0.ruleID, fingerprint: $0.fingerprint, text: $0.faultText, message: $0.message)
            }
        }.sorted { ($0.file, $0.rule, $0.fingerprint) < ($1.file, $1.rule, $1.fingerprint) })
    }

    /// Reads a baseline file written by `--write-baseline`.
    public static func read(path: String) throws(RuleFileError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleFileError(path: path, location: nil, message: "no such baseline file (write one with --write-baseline)")
        }
        guard let document = try? JSONDecoder().decode(Document.self, from: data), document.version == 1 else {
            throw RuleFileError(path: path, location: nil, message: "is not a baseline file written by eqlint --write-baseline")
        }
        return Baseline(entries: document.findings)
    }

    /// The baseline as a JSON document.
    public var json: String {
        JSONOutput.encode(Document(version: 1, findings: entries))
    }

    /// The reports without the findings the baseline holds, and how many were left out.
    public func filter(_ reports: [FileReport], directory: String,
                       currentDirectory: String = FileManager.default.currentDirectoryPath) -> (reports: [FileReport], known: Int) {
        var count = 0
        let filtered = reports.map { report in
            var report = report
            let file = Self.key(report.path, directory: directory, currentDirectory: currentDirectory)
            report.diagnostics.removeAll { diagnostic in
                let isKnown = keys.contains("\(file)\u{0}\(diagnostic.ruleID)\u{0}\(diagnostic.fingerprint)")
                if isKnown { count += 1 }
                return isKnown
            }
            return report
        }
        return (filtered, count)
    }

    /// A plan's path relative to the baseline's folder, however it was given.
    static func key(_ path: String, directory: String, currentDirectory: String) -> String {
        let absolute = Paths.absolute(path, from: currentDirectory)
        return Paths.relative(absolute, to: directory) ?? absolute
    }
}
