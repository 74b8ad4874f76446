/// The base protocol's framing: each message is a header (`Name: value`
/// fields, each ending in `\r\n`, then an empty line) and a body of exactly
/// `Content-Length` bytes.
///
/// Bytes arrive in pieces of any size: a header may be split across reads,
/// one read may hold several messages, a body may come in parts. Header
/// fields other than `Content-Length` (`Content-Type` is common) are ignored
/// whatever their order; names are matched without regard to case, and a
/// lone `\n` is accepted for `\r\n`. A header with no usable
/// `Content-Length` is reported and skipped, and reading carries on.
package struct MessageFramer {
    /// What the framer found next.
    package enum Frame: Equatable {
        /// A message's body.
        case message([UInt8])
        /// A header the framer could not use, and why; its bytes are dropped.
        case badHeader(String)
    }

    /// The largest body accepted: a bigger one is skipped as it arrives, not kept.
    package var maximumBodySize = 256 << 20
    /// The longest header accepted.
    package static let maximumHeaderSize = 16 << 10

    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer`.
    private var start = 0
    /// The body length of the header already read, if its body is not yet complete.
    private var bodyLength: Int?
    /// Bytes still to throw away, of a body too large to keep.
    private var discarding = 0

    package init() {}

    /// Bytes buffered and not yet given out as a frame.
    package var pendingByteCount: Int { buffer.count - start }

    package mutating func append<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        if discarding > 0 {
            let skipped = min(discarding, bytes.count)
            discarding -= skipped
            buffer.append(contentsOf: bytes.dropFirst(skipped))
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// The next complete frame, or nil until more bytes arrive.
    package mutating func next() -> Frame? {
        if bodyLength == nil {
            guard let header = readHeader() else { return nil }
            switch header {
            case .success(let length):
                if length > maximumBodySize {
                    let available = min(length, buffer.count - start)
                    start += available
                    discarding = length - available
                    return .badHeader("a message of \(length) bytes is larger than the \(maximumBodySize) bytes accepted")
                }
                bodyLength = length
            case .failure(let problem):
                return .badHeader(problem.message)
            }
        }
        guard let length = bodyLength, buffer.count - start >= length else { return nil }
        let body = Array(buffer[start..<(start + length)])
        start += length
        bodyLength = nil
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
            start = 0
        }
        return .message(body)
    }

    private struct HeaderProblem: Error {
        var message: String
    }

    /// Reads a whole header if one is buffered: its `Content-Length`, or what is wrong with it.
    private mutating func readHeader() -> Result<Int, HeaderProblem>? {
        // Blank lines between messages are tolerated.
        while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A {
            if buffer[start] == 0x0D, start + 1 == buffer.count { return nil }
            start += 1
        }
        var lineStart = start
        var index = start
        var length: Int?
        var problem: String?
        while index < buffer.count {
            guard buffer[index] == 0x0A else {
                index += 1
                if index - start > Self.maximumHeaderSize {
                    start = index
                    return .failure(HeaderProblem(message: "a header longer than \(Self.maximumHeaderSize) bytes"))
                }
                continue
            }
            var lineEnd = index
            if lineEnd > lineStart, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd == lineStart {
                // The empty line: the header is complete.
                start = index + 1
                if let problem { return .failure(HeaderProblem(message: problem)) }
                guard let length else { return .failure(HeaderProblem(message: "a header with no Content-Length")) }
                return .success(length)
            }
            let line = buffer[lineStart..<lineEnd]
            if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                let name = String(decoding: buffer[lineStart..<colon], as: UTF8.self).trimmingSpaces().lowercased()
                if name == "content-length" {
                    let value = String(decoding: buffer[(colon + 1)..<lineEnd], as: UTF8.self).trimmingSpaces()
                    if let number = Int(value), number >= 0 {
                        length = number
                    } else {
                        problem = "a Content-Length that is not a number of bytes: '\(value.prefix(40))'"
                    }
                }
            } else {
                problem = "a header line with no ':': '\(String(decoding: line.prefix(40), as: UTF8.self))'"
            }
            index += 1
            lineStart = index
        }
        return nil
    }

    /// A body framed with its header, ready to write.
    package static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
