import Foundation
import Testing

/// `eqlint lsp` as an editor runs it: a process spoken to over pipes.
@Suite("eqlint lsp, the process")
struct LanguageServerProcessTests {
    /// A running `eqlint lsp`, and the messages it has written.
    final class Server: @unchecked Sendable {
        let process = Process()
        private let input = Pipe(), output = Pipe()
        private let lock = NSLock()
        private var buffer: [UInt8] = []
        private var messages: [[String: Any]] = []

        init(arguments: [String] = ["lsp", "--today", "2026-11-23"]) throws {
            process.executableURL = CLITests.binary
            process.arguments = arguments
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let handle = output.fileHandleForReading
            Thread.detachNewThread { [self] in
                while true {
                    let data = handle.availableData
                    if data.isEmpty { return }
                    take(Array(data))
                }
            }
        }

        private func take(_ bytes: [UInt8]) {
            lock.lock()
            defer { lock.unlock() }
            buffer += bytes
            while let headerEnd = buffer.firstRange(of: Array("\r\n\r\n".utf8)) {
                let header = String(decoding: buffer[..<headerEnd.lowerBound], as: UTF8.self)
                guard let length = Int(header.replacingOccurrences(of: "Content-Length: ", with: "")),
                      buffer.count >= headerEnd.upperBound + length else { return }
                let body = Data(buffer[headerEnd.upperBound..<(headerEnd.upperBound + length)])
                buffer.removeSubrange(..<(headerEnd.upperBound + length))
                messages.append((try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:])
            }
        }

        func send(bytes: [UInt8]) {
            input.fileHandleForWriting.write(Data(bytes))
        }

        func send(_ message: [String: Any]) throws {
            let body = try JSONSerialization.data(withJSONObject: message)
            send(bytes: Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body))
        }

        func closeInput() throws {
            try input.fileHandleForWriting.close()
        }

        /// Waits for a message that matches, and takes it.
        func waitFor(timeout: Double = 60, _ matches: ([String: Any]) -> Bool) -> [String: Any]? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                lock.lock()
                if let index = messages.firstIndex(where: matches) {
                    let message = messages.remove(at: index)
                    lock.unlock()
                    return message
                }
                lock.unlock()
                Thread.sleep(forTimeInterval: 0.005)
            }
            return nil
        }

        func diagnostics(version: Int) -> [[String: Any]]? {
            let message = waitFor { message in
                message["method"] as? String == "textDocument/publishDiagnostics"
                    && (message["params"] as? [String: Any])?["version"] as? Int == version
            }
            return (message?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
        }

        /// The exit status, waiting at most `timeout` seconds.
        func exitStatus(timeout: Double = 30) -> Int32? {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            if process.isRunning {
                process.terminate()
                return nil
            }
            return process.terminationStatus
        }

        /// Resident memory in kilobytes, from /proc.
        var residentKilobytes: Int? {
            guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }

        func initialize() throws {
            try send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": [
                "processId": NSNull(), "rootUri": NSNull(),
                "capabilities": ["textDocument": ["publishDiagnostics": ["versionSupport": true]]],
            ]])
            _ = waitFor { $0["id"] as? Int == 1 }
            try send(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
        }
    }

    static let uri = "file:///tmp/eqlint-lsp-process/plan.md"

    @Test("a thousand edits in a row: memory stays flat, and the server still answers", .timeLimit(.minutes(5)))
    func thousandEdits() throws {
        let server = try Server()
        try server.initialize()
        let plan = NeovimTests.plan
        try server.send(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": [
            "uri": Self.uri, "languageId": "markdown", "version": 1, "text": plan,
        ]]])
        #expect(server.diagnostics(version: 1)?.isEmpty == false)
        func edit(_ version: Int) throws {
            // Type an "x" after "# " in the title, then delete it: each change its own version.
            let range: [String: Any] = [
                "start": ["line": 0, "character": 2],
                "end": ["line": 0, "character": version % 2 == 0 ? 2 : 3],
            ]
            try server.send(["jsonrpc": "2.0", "method": "textDocument/didChange", "params": [
                "textDocument": ["uri": Self.uri, "version": version],
                "contentChanges": [["range": range, "text": version % 2 == 0 ? "x" : ""]],
            ]])
        }
        for version in 2...201 { try edit(version) }
        #expect(server.diagnostics(version: 201)?.isEmpty == false)
        let early = try #require(server.residentKilobytes)
        for version in 202...1201 { try edit(version) }
        #expect(server.diagnostics(version: 1201)?.isEmpty == false)
        let late = try #require(server.residentKilobytes)
        // A thousand edits more: within a few megabytes of where it was.
        #expect(late - early < 8_000, "resident memory went from \(early) kB to \(late) kB")

        // Garbage, then a request: still answered.
        server.send(bytes: Array("Content-Length: 3\r\n\r\n{{{".utf8))
        #expect(server.waitFor { (($0["error"] as? [String: Any])?["code"] as? Int) == -32700 } != nil)
        try server.send(["jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": [
            "textDocument": ["uri": Self.uri], "position": ["line": 0, "character": 0],
        ]])
        #expect(server.waitFor(timeout: 10) { $0["id"] as? Int == 2 } != nil)
        try server.send(["jsonrpc": "2.0", "id": 3, "method": "shutdown"])
        #expect(server.waitFor { $0["id"] as? Int == 3 } != nil)
        try server.send(["jsonrpc": "2.0", "method": "exit"])
        #expect(server.exitStatus() == 0)
    }

    @Test("exit without shutdown: status 1; the input closed: status 1")
    func exitStatus() throws {
        let abrupt = try Server()
        try abrupt.initialize()
        try abrupt.send(["jsonrpc": "2.0", "method": "exit"])
        #expect(abrupt.exitStatus() == 1)

        let closed = try Server()
        try closed.initialize()
        try closed.closeInput()
        #expect(closed.exitStatus() == 1)

        let unknownOption = try CLITests.run(["lsp", "plan.md"])
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.contains("lsp takes no paths"))
    }
}
