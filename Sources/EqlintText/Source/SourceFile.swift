import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// A text file held as UTF-8 bytes with a table of where each line starts.
///
/// Scanners work on byte offsets; a location (line and column) is worked out
/// only when one is needed. Lines end at `\n`, `\r\n` or `\r`; a UTF-8
/// byte-order mark is dropped, so it shifts no column. What is not UTF-8 is
/// read as U+FFFD (see `invalidUTF8`), so the rest of the file can be checked.
public struct SourceFile: Sendable {
    /// The path as the user gave it, used in diagnostics.
    public let path: String
    /// The format to read it as, when its name does not say: a document
    /// eqlint converted to the plan format (Markdown) is named as the file.
    public var format: String?
    /// The file's bytes, without a leading byte-order mark, each sequence
    /// that is not UTF-8 replaced by U+FFFD.
    public let bytes: [UInt8]
    /// Where the file first stops being UTF-8, if it does.
    public private(set) var invalidUTF8: InvalidUTF8?
    /// Byte offset where each line starts.
    private let lineStarts: [Int]
    /// Byte offset where each line's text ends (before its line break).
    private let lineEnds: [Int]
    /// Whether each line is ASCII only, so that its columns are its bytes.
    private let lineIsASCII: [Bool]
    /// How many characters start before each multiple of `checkpointStride`
    /// bytes, so a column is counted from the nearest checkpoint rather
    /// than from the start of a possibly very long line. Empty when no line
    /// needs them: only a line that is not ASCII and is longer than twice
    /// the stride is ever counted from a checkpoint.
    private let characterCheckpoints: [Int]
    private static let checkpointStride = 256  // a power of two: see lineTable
    /// The line each block of `lineBlockSize` bytes starts on, and after
    /// them the last line: an offset's line is searched for only among the
    /// few lines from its block's to the next block's.
    private let blockLines: [Int]
    private static let lineBlockSize = 64

    /// Reads a file from disk, refusing what is not text and what is not a
    /// plain file (following links: what a link points to decides, so a
    /// link to /dev/zero is no plan either).
    public static func read(path: String, displayPath: String? = nil) throws(InputError) -> SourceFile {
        try SourceFile(path: displayPath ?? path, bytes: readBytes(path: path, displayPath: displayPath))
    }

    /// A file's bytes, whatever they hold (a `.docx` is a ZIP archive):
    /// `open`, `fstat` (following links) and, for a plain file, `read`
    /// once when the file is as large as `fstat` said.
    public static func readBytes(path: String, displayPath: String? = nil) throws(InputError) -> [UInt8] {
        let name = displayPath ?? path
        // Opened first and asked about through the descriptor, so the path is looked up once; without
        // waiting, so a named pipe is refused below rather than waited on.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw openingError(path: path, name: name) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: name) }
        if let error = notPlainFile(status, name: name) { throw error }
        // The size is a hint: read to the end, however much the file holds by then. The bytes go
        // straight into the array's storage, not into a buffer filled with zeros first.
        let size = max(Int(status.st_size), 0)
        var failed = false
        var atEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = 0
            // A plain file gives less than asked only at its end: no second read to learn so.
            while count < buffer.count, !atEnd {
                let asked = buffer.count - count
                let read = systemRead(descriptor, buffer.baseAddress! + count, asked)
                if read < 0, errno == EINTR { continue }
                guard read >= 0 else {
                    failed = true
                    return
                }
                count += read
                atEnd = read < asked
            }
        }
        // A file larger than it said (one that grew, or one of /proc's): the rest as it comes.
        while !atEnd, !failed {
            var more = [UInt8](repeating: 0, count: max(bytes.count, 4096))
            let read = more.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if read < 0, errno == EINTR { continue }
            failed = read < 0
            bytes += more[..<max(read, 0)]
            atEnd = read < more.count
        }
        guard !failed else { throw .unreadable(path: name) }
        return bytes
    }

    /// Why a file could not be opened, as the person who named it needs to hear it.
    private static func openingError(path: String, name: String) -> InputError {
        let opening = errno
        var status = stat()
        guard stat(path, &status) == 0 else {
            guard opening == ENOENT || opening == ENOTDIR || opening == ELOOP else { return .unreadable(path: name) }
            // A link that leads nowhere (to a missing file, or round in a loop) is there but cannot be followed.
            var link = stat()
            return lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK ? .brokenLink(path: name) : .missing(path: name)
        }
        return notPlainFile(status, name: name) ?? .unreadable(path: name)
    }

    /// The error for what is not a plain file (a folder, a device, a pipe); nil for a plain file.
    private static func notPlainFile(_ status: stat, name: String) -> InputError? {
        switch status.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: .isDirectory(path: name)
        default: .notAFile(path: name)
        }
    }

    /// Wraps bytes already in memory (standard input, a rule example, a
    /// test), refusing a binary file: one with a NUL byte.
    public init(path: String, bytes: [UInt8]) throws(InputError) {
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        var content = hasByteOrderMark ? Array(bytes.dropFirst(3)) : bytes
        let hasNUL = content.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        if hasNUL { throw .binary(path: path) }
        var firstInvalid: (offset: Int, byte: UInt8, count: Int)?
        if let repair = UTF8Repair.repair(content) {
            content = repair.bytes
            firstInvalid = (repair.firstOffset, repair.firstByte, repair.count)
        }
        self.path = path
        self.bytes = content
        (lineStarts, lineEnds, lineIsASCII, characterCheckpoints) = Self.lineTable(content)
        blockLines = Self.blockLines(lineStarts, count: content.count)
        // Nothing before the first bad byte was replaced, so its offset is the same in both.
        invalidUTF8 = firstInvalid.map { first in
            InvalidUTF8(location: location(of: first.offset), byteOffset: first.offset + (hasByteOrderMark ? 3 : 0),
                        byte: first.byte, count: first.count)
        }
    }

    /// Where each line starts and ends, whether it is ASCII, and the
    /// character checkpoints (none if no line needs them: most files). The
    /// bytes are read eight at a time; a file with no `\r` (most) is split
    /// at each `\n` by `memchr`.
    static func lineTable(_ content: [UInt8]) -> (starts: [Int], ends: [Int], ascii: [Bool], checkpoints: [Int]) {
        var starts: [Int] = []
        var ends: [Int] = []
        var ascii: [Bool] = []
        var checkpoints: [Int] = []
        let count = content.count
        // Room for lines of 32 bytes on average (a plan's are longer), not grown line by line.
        let usualLines = count / 32 + 2
        starts.reserveCapacity(usualLines)
        ends.reserveCapacity(usualLines)
        ascii.reserveCapacity(usualLines)
        starts.append(0)
        content.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            if memchr(base, 0x0D, count) == nil {
                // Lines end at `\n` alone.
                var start = 0
                while start < count, let found = memchr(base + start, 0x0A, count - start) {
                    let end = base.distance(to: UnsafeRawPointer(found))
                    ends.append(end)
                    ascii.append(ByteText.isASCII(buffer, start..<end))
                    start = end + 1
                    starts.append(start)
                }
                ends.append(count)
                ascii.append(ByteText.isASCII(buffer, start..<count))
                return
            }
            // Lines end at `\n`, `\r\n` or `\r`: a byte at a time.
            var nonASCII = false
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A || byte == 0x0D {
                    ends.append(index)
                    ascii.append(!nonASCII)
                    nonASCII = false
                    if byte == 0x0D, index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                } else if byte >= 0x80 {
                    nonASCII = true
                }
                index += 1
            }
            ends.append(count)
            ascii.append(!nonASCII)
        }
        if ends.isEmpty {  // an empty file
            ends.append(0)
            ascii.append(true)
        }
        // Characters before each multiple of the stride (the bytes that start one), when some line
        // that is not ASCII is long enough to be counted from them.
        if hasLongLineNotASCII(starts: starts, ascii: ascii, count: count) {
            checkpoints.reserveCapacity(count / checkpointStride + 1)
            content.withUnsafeBytes { buffer in
                var characters = 0
                var blockStart = 0
                while blockStart < count {
                    checkpoints.append(characters)
                    let blockEnd = min(blockStart + checkpointStride, count)
                    characters += blockEnd - blockStart - continuationBytes(buffer, blockStart..<blockEnd)
                    blockStart = blockEnd
                }
                if count % checkpointStride == 0 { checkpoints.append(characters) }
            }
        }
        return (starts, ends, ascii, checkpoints)
    }

    /// Whether a line that is not ASCII runs (with its line break) over
    /// more than twice the stride: a column is counted from the checkpoints
    /// only that far into such a line.
    private static func hasLongLineNotASCII(starts: [Int], ascii: [Bool], count: Int) -> Bool {
        for line in ascii.indices where !ascii[line] {
            let next = line + 1 < starts.count ? starts[line + 1] : count
            if next - starts[line] > 2 * checkpointStride { return true }
        }
        return false
    }

    /// The line each block of `lineBlockSize` bytes starts on (the last line
    /// whose start is at or before it), then the last line.
    static func blockLines(_ starts: [Int], count: Int) -> [Int] {
        var lines: [Int] = []
        lines.reserveCapacity(count / lineBlockSize + 2)
        var line = 0
        var blockStart = 0
        while blockStart <= count {
            while line + 1 < starts.count, starts[line + 1] <= blockStart { line += 1 }
            lines.append(line)
            blockStart += lineBlockSize
        }
        lines.append(starts.count - 1)
        return lines
    }

    /// How many bytes in `span` continue a character rather than start one,
    /// counted eight at a time: a continuation byte is 10xxxxxx, its top bit
    /// set and the next one clear. Each byte's flag is summed in its own lane
    /// (at most 31 words between sums, so a lane never carries).
    private static func continuationBytes(_ buffer: UnsafeRawBufferPointer, _ span: Range<Int>) -> Int {
        var count = 0
        var index = span.lowerBound
        while index + 8 <= span.upperBound {
            var lanes: UInt64 = 0
            var words = 0
            while words < 31, index + 8 <= span.upperBound {
                let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                lanes &+= (word & ~(word << 1) & 0x8080_8080_8080_8080) >> 7
                index += 8
                words += 1
            }
            count += Int((lanes &* 0x0101_0101_0101_0101) >> 56)
        }
        while index < span.upperBound {
            if buffer[index] & 0xC0 == 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Wraps a string (always valid UTF-8).
    public init(path: String, text: String) {
        // A Swift string is valid UTF-8 and has no NUL unless written in; fall
        // back to an empty file rather than trap if it does.
        self = (try? SourceFile(path: path, bytes: Array(text.utf8))) ?? SourceFile(empty: path)
    }

    private init(empty path: String) {
        self.path = path
        bytes = []
        lineStarts = [0]
        lineEnds = [0]
        lineIsASCII = [true]
        characterCheckpoints = []
        blockLines = [0, 0]
    }

    /// The number of lines (a final line break does not open a new line).
    public var lineCount: Int {
        lineStarts.count > 1 && lineStarts.last == bytes.count ? lineStarts.count - 1 : lineStarts.count
    }

    /// The byte range of a 0-based line's text, without its line break.
    public func lineSpan(_ index: Int) -> Range<Int> { lineStarts[index]..<lineEnds[index] }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        return text(lineSpan(line - 1))
    }

    /// The text of a byte range.
    public func text(_ span: Range<Int>) -> String {
        String(decoding: bytes[span], as: UTF8.self)
    }

    /// The line and column of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), bytes.count)
        return location(of: offset, onLine: line(containing: offset))
    }

    /// The 0-based line an offset (within the bytes) is on: the last line whose start is at or before it.
    private func line(containing offset: Int) -> Int {
        lineStarts.withUnsafeBufferPointer { starts in
            // Between the line its block starts on and the one the next block starts on: most often one or two lines.
            let block = offset / Self.lineBlockSize
            var low = blockLines[block]
            var high = blockLines[block + 1]
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return low
        }
    }

    /// The location of an offset (within the bytes) on the 0-based line it is on.
    private func location(of offset: Int, onLine line: Int) -> SourceLocation {
        let lineStart = lineStarts[line]
        // On a line of ASCII alone, a column is a byte.
        if lineIsASCII[line] { return SourceLocation(line: line + 1, column: offset - lineStart + 1) }
        // Near the line's start, count the characters from it; far in (on a line long enough to
        // have made the checkpoints), from the checkpoints.
        guard offset - lineStart <= 2 * Self.checkpointStride else {
            return SourceLocation(line: line + 1, column: charactersBefore(offset) - charactersBefore(lineStart) + 1)
        }
        return SourceLocation(line: line + 1, column: offset - lineStart - continuationBytes(in: lineStart..<offset) + 1)
    }

    /// How many bytes in `span` continue a character rather than start one, counted eight at a time.
    private func continuationBytes(in span: Range<Int>) -> Int {
        bytes.withUnsafeBytes { Self.continuationBytes($0, span) }
    }

    /// How many characters start before a byte offset.
    private func charactersBefore(_ offset: Int) -> Int {
        let checkpoint = offset / Self.checkpointStride
        var count = characterCheckpoints[checkpoint]
        var index = checkpoint * Self.checkpointStride
        while index < offset {
            // Count every byte that starts a character (not a continuation byte).
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The text a range covers on its first line (to the line's end when the
    /// range runs on), for quoting the text at fault.
    public func firstLine(of range: SourceRange) -> String {
        let line = range.start.line - 1
        guard line >= 0, line < lineStarts.count else { return "" }
        let start = offset(of: range.start)
        let end = range.end.line == range.start.line ? max(offset(of: range.end), start) : lineEnds[line]
        return text(start..<min(end, lineEnds[line]))
    }

    /// The byte offset of a location (clamped to its line), the inverse of `location(of:)`.
    public func offset(of location: SourceLocation) -> Int {
        let line = min(max(location.line - 1, 0), lineStarts.count - 1)
        // On a line of ASCII alone, a column is a byte.
        if lineIsASCII[line] { return lineStarts[line] + min(max(location.column - 1, 0), lineEnds[line] - lineStarts[line]) }
        // Past the line's end (it has no more characters than bytes), its end.
        if location.column - 1 >= lineEnds[line] - lineStarts[line] { return lineEnds[line] }
        // Near the line's start, step on from it; far in (on a line long enough to have made the
        // checkpoints), from the checkpoints.
        if location.column - 1 <= 2 * Self.checkpointStride {
            var index = lineStarts[line]
            var count = 0
            while index < lineEnds[line] {
                if bytes[index] & 0xC0 != 0x80 {
                    if count >= location.column - 1 { break }
                    count += 1
                }
                index += 1
            }
            return index
        }
        let wanted = charactersBefore(lineStarts[line]) + max(location.column - 1, 0)
        // The last checkpoint with no more characters before it than wanted, then step on.
        var low = 0
        var high = characterCheckpoints.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if characterCheckpoints[middle] <= wanted { low = middle } else { high = middle - 1 }
        }
        var index = low * Self.checkpointStride
        var count = characterCheckpoints[low]
        while index < lineEnds[line] {
            if bytes[index] & 0xC0 != 0x80 {
                if count == wanted { break }
                count += 1
            }
            index += 1
        }
        return max(min(index, lineEnds[line]), lineStarts[line])
    }

    /// The locations a byte range covers.
    public func range(of span: Range<Int>) -> SourceRange {
        let start = min(max(span.lowerBound, 0), bytes.count)
        let end = min(max(span.upperBound, 0), bytes.count)
        let startLine = line(containing: start)
        // Most spans end on the line they start on: no second search then.
        let endsOnStartLine = end >= lineStarts[startLine] && (startLine + 1 == lineStarts.count || end < lineStarts[startLine + 1])
        return SourceRange(start: location(of: start, onLine: startLine),
                           end: location(of: end, onLine: endsOnStartLine ? startLine : line(containing: end)))
    }
}
