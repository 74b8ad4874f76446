@testable import EqlintKit
import Testing

/// The base protocol's framing, with bytes cut up as pipes cut them.
@Suite("Language server: message framing")
struct MessageFramerTests {
    static func frames(_ pieces: [[UInt8]]) -> [MessageFramer.Frame] {
        var framer = MessageFramer()
        var found: [MessageFramer.Frame] = []
        for piece in pieces {
            framer.append(piece)
            while let frame = framer.next() { found.append(frame) }
        }
        return found
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("a whole message in one read")
    func whole() {
        #expect(Self.frames([Self.bytes("Content-Length: 2\r\n\r\n{}")]) == [.message(Self.bytes("{}"))])
    }

    @Test("a header split across reads, at every byte")
    func splitHeader() {
        let body = Self.bytes("{\"a\":\"\u{e9}\u{1F600}\"}")
        let framed = Self.bytes("Content-Length: \(body.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n") + body
        for cut in 1..<framed.count {
            #expect(Self.frames([Array(framed[..<cut]), Array(framed[cut...])]) == [.message(body)], "cut at \(cut)")
        }
        // One byte at a time.
        #expect(Self.frames(framed.map { [$0] }) == [.message(body)])
    }

    @Test("several messages in one read")
    func several() {
        let framed = Self.bytes("Content-Length: 1\r\n\r\n1Content-Length: 2\r\n\r\n22Content-Length: 3\r\n\r\n333")
        #expect(Self.frames([framed]) == [.message(Self.bytes("1")), .message(Self.bytes("22")), .message(Self.bytes("333"))])
    }

    @Test("a body split across reads")
    func splitBody() {
        let body = Array(repeating: UInt8(ascii: "x"), count: 100_000)
        let framed = Self.bytes("Content-Length: 100000\r\n\r\n") + body
        let pieces = stride(from: 0, to: framed.count, by: 4096).map { Array(framed[$0..<min($0 + 4096, framed.count)]) }
        #expect(Self.frames(pieces) == [.message(body)])
    }

    @Test("header fields in any order, names in any case, unknown ones ignored")
    func headerOrder() {
        let framed = Self.bytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nX-Anything: 1\r\ncontent-length:  2 \r\n\r\n{}")
        #expect(Self.frames([framed]) == [.message(Self.bytes("{}"))])
        #expect(Self.frames([Self.bytes("CONTENT-LENGTH: 2\n\n[]")]) == [.message(Self.bytes("[]"))])
    }

    @Test("a header with no usable Content-Length is reported, and the next message read")
    func badHeaders() {
        let frames = Self.frames([Self.bytes("Content-Type: x\r\n\r\nContent-Length: two\r\n\r\nContent-Length: 2\r\n\r\n{}")])
        #expect(frames.count == 3)
        guard frames.count == 3 else { return }
        if case .badHeader(let problem) = frames[0] { #expect(problem.contains("no Content-Length")) } else { Issue.record("\(frames[0])") }
        if case .badHeader(let problem) = frames[1] { #expect(problem.contains("not a number")) } else { Issue.record("\(frames[1])") }
        #expect(frames[2] == .message(Self.bytes("{}")))
    }

    @Test("a body over the limit is skipped as it arrives, and reading carries on")
    func oversized() {
        var framer = MessageFramer()
        framer.maximumBodySize = 10
        var found: [MessageFramer.Frame] = []
        for piece in [Self.bytes("Content-Length: 30\r\n\r\n0123456789"), Self.bytes("0123456789"), Self.bytes("0123456789Content-Length: 2\r\n\r\nok")] {
            framer.append(piece)
            while let frame = framer.next() { found.append(frame) }
        }
        #expect(found.count == 2)
        #expect(found.last == .message(Self.bytes("ok")))
        #expect(framer.pendingByteCount == 0)
    }

    @Test("a frame written says its length in bytes, not characters")
    func writing() {
        let body = Self.bytes("{\"a\":\"\u{1F600}\"}")
        #expect(MessageFramer.frame(body) == Self.bytes("Content-Length: \(body.count)\r\n\r\n") + body)
        #expect(body.count == 12)
    }
}
