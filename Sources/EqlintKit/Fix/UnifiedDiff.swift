/// A unified diff of two texts, as `diff -u` prints it and `patch` reads it:
/// `--- path` and `+++ path`, then hunks with three lines of context. Lines
/// keep their own endings (a CRLF file's diff has CRLF lines), and a last
/// line without a line break is marked `\ No newline at end of file`.
package enum UnifiedDiff {
    package static let context = 3

    /// The diff, or "" when the texts are the same.
    package static func diff(_ old: String, _ new: String, path: String) -> String {
        guard old != new else { return "" }
        let a = lines(old)
        let b = lines(new)
        // The lines both share at the start and the end; the middle is compared line by line.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middle = script(Array(a[prefix..<(a.count - suffix)]), Array(b[prefix..<(b.count - suffix)]))
        // The whole edit script: (kind, old index, new index); kind " ", "-", "+".
        var steps: [(Character, Int, Int)] = (0..<prefix).map { (" ", $0, $0) }
        steps += middle.map { ($0.0, $0.1 + prefix, $0.2 + prefix) }
        steps += (0..<suffix).map { (" ", a.count - suffix + $0, b.count - suffix + $0) }

        var output = "--- \(path)\n+++ \(path)\n"
        var index = 0
        while index < steps.count {
            guard steps[index].0 != " " else { index += 1; continue }
            // A hunk: from `context` lines before this change to `context` after the last change within reach.
            let start = max(0, index - context)
            var end = index
            var last = index
            while end < steps.count {
                if steps[end].0 != " " { last = end }
                if end - last > 2 * context { break }
                end += 1
            }
            end = min(steps.count, last + context + 1)
            let hunk = steps[start..<end]
            let oldLines = hunk.filter { $0.0 != "+" }
            let newLines = hunk.filter { $0.0 != "-" }
            let oldStart = oldLines.first.map { $0.1 + 1 } ?? (hunk.first.map { $0.1 } ?? 0)
            let newStart = newLines.first.map { $0.2 + 1 } ?? (hunk.first.map { $0.2 } ?? 0)
            output += "@@ -\(range(oldStart, oldLines.count)) +\(range(newStart, newLines.count)) @@\n"
            for (kind, oldIndex, newIndex) in hunk {
                let line = kind == "+" ? b[newIndex] : a[oldIndex]
                output += "\(kind)\(line)"
                if line.utf8.last != 0x0A { output += "\n\\ No newline at end of file\n" }
            }
            index = end
        }
        return output
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }

    /// The lines of a text, each with its line break (`\n`, which ends a CRLF line too).
    private static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.utf8.startIndex
        var index = start
        while index < text.utf8.endIndex {
            let next = text.utf8.index(after: index)
            if text.utf8[index] == 0x0A {
                result.append(Substring(text[start..<next]))
                start = next
            }
            index = next
        }
        if start < text.utf8.endIndex { result.append(Substring(text[start...])) }
        return result
    }

    /// The shortest edit script from `a` to `b` (longest common subsequence), as steps.
    private static func script(_ a: [Substring], _ b: [Substring]) -> [(Character, Int, Int)] {
        let n = a.count, m = b.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var steps: [(Character, Int, Int)] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                steps.append((" ", i, j)); i += 1; j += 1
            } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                // Removals before additions, as diff prints them.
                if i < n, table[i + 1][j] >= table[i][j + 1] { steps.append(("-", i, j)); i += 1 } else { steps.append(("+", i, j)); j += 1 }
            } else {
                steps.append(("-", i, j)); i += 1
            }
        }
        return steps
    }
}
