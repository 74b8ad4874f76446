@testable import EqlintKit
import Foundation
import Testing

/// A JSON-RPC client for the language server, in the test process: it feeds
/// the server bytes (whole messages, or cut wherever a test likes) and reads
/// the bytes it writes back, framed as a real client would read them.
final class LSPClient: @unchecked Sendable {
    /// What the server wrote, read into messages as it arrives.
    final class Inbox: @unchecked Sendable {
        private let lock = NSLock()
        private var framer = MessageFramer()
        private var messages: [JSONValue] = []
        /// Every byte the server wrote, for tests of the framing.
        private(set) var bytes: [UInt8] = []

        func take(_ chunk: [UInt8]) {
            lock.lock()
            defer { lock.unlock() }
            bytes += chunk
            framer.append(chunk)
            while let frame = framer.next() {
                guard case .message(let body) = frame else { continue }
                messages.append((try? JSONParser.parse(body)) ?? .string("unreadable: \(String(decoding: body, as: UTF8.self))"))
            }
        }

        /// Removes and returns the first message that matches.
        func pop(where matches: (JSONValue) -> Bool) -> JSONValue? {
            lock.lock()
            defer { lock.unlock() }
            guard let index = messages.firstIndex(where: matches) else { return nil }
            return messages.remove(at: index)
        }

        var all: [JSONValue] {
            lock.lock()
            defer { lock.unlock() }
            return messages
        }
    }

    let inbox = Inbox()
    let server: LanguageServer
    private var nextID = 1

    /// Options for tests: a fixed day, a short pause before checking, and a
    /// fixed address for rule links.
    static func options(directory: String = TestSupport.packageRoot.path) -> LanguageServerOptions {
        var options = LanguageServerOptions()
        options.today = TestSupport.goldenToday
        options.debounce = 0.02
        options.rulesDocumentation = "https://example.org/eqlint/docs/rules.md"
        options.currentDirectory = directory
        return options
    }

    init(options: LanguageServerOptions = LSPClient.options()) {
        let inbox = inbox
        server = LanguageServer(options: options) { inbox.take($0) }
    }

    // MARK: Sending

    func sendBytes(_ bytes: [UInt8]) {
        server.receive(bytes)
    }

    static func frame(_ value: JSONValue) -> [UInt8] {
        MessageFramer.frame(value.encoded)
    }

    func send(_ value: JSONValue) {
        sendBytes(Self.frame(value))
    }

    @discardableResult
    func request(_ method: String, _ params: JSONValue? = nil) -> Int {
        let id = nextID
        nextID += 1
        send(.fields(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]))
        return id
    }

    func notify(_ method: String, _ params: JSONValue? = nil) {
        send(.fields(["jsonrpc": "2.0", "method": .string(method), "params": params]))
    }

    // MARK: Receiving

    /// Waits for a message that matches, and takes it.
    func waitFor(_ what: String, timeout: Double = 60, where matches: (JSONValue) -> Bool) throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let message = inbox.pop(where: matches) { return message }
            guard Date() < deadline else {
                throw ClientError(message: "no \(what) within \(timeout) s; received: \(inbox.all.map(\.text).joined(separator: "\n"))")
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    /// The answer to a request: its whole message (with `result` or `error`).
    func response(_ id: Int, timeout: Double = 60) throws -> JSONValue {
        try waitFor("answer to request \(id)", timeout: timeout) { $0["id"] == .int(id) && $0["method"] == nil }
    }

    /// A request's result, failing if the answer is an error.
    func result(_ id: Int, timeout: Double = 60) throws -> JSONValue {
        let message = try response(id, timeout: timeout)
        if let error = message["error"] { throw ClientError(message: "request \(id) failed: \(error.text)") }
        return message["result"] ?? .null
    }

    /// The next diagnostics published for a document (at a version, if given).
    func diagnostics(_ uri: String, version: Int? = nil, timeout: Double = 60) throws -> [JSONValue] {
        let message = try waitFor("diagnostics for \(uri)", timeout: timeout) { message in
            message["method"] == "textDocument/publishDiagnostics" && message["params"]?["uri"]?.string == uri
                && (version == nil || message["params"]?["version"]?.int == version)
        }
        return message["params"]?["diagnostics"]?.array ?? []
    }

    /// Messages that arrived, without waiting or taking them.
    var received: [JSONValue] { inbox.all }

    static func temporaryFolder() throws -> URL {
        let url = try TemporaryFolder.make("lsp")
        // Resolved, as the server resolves paths (/tmp may be a link).
        return url.resolvingSymlinksInPath()
    }

    struct ClientError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    // MARK: Conversations

    /// `initialize` and `initialized`, with the capabilities given (by
    /// default: versioned diagnostics, Markdown hovers, versioned edits,
    /// watched files; UTF-16 positions only). Gives the server's answer.
    @discardableResult
    func initialize(capabilities: JSONValue? = nil, rootPath: String? = nil) throws -> JSONValue {
        let id = request("initialize", .fields([
            "processId": .null,
            "rootUri": rootPath.map { .string(URL(fileURLWithPath: $0).absoluteString) } ?? .null,
            "capabilities": capabilities ?? Self.defaultCapabilities,
        ]))
        let result = try self.result(id)
        notify("initialized", .fields([:]))
        return result
    }

    static let defaultCapabilities: JSONValue = .fields([
        "textDocument": .fields([
            "publishDiagnostics": .fields(["versionSupport": true]),
            "hover": .fields(["contentFormat": ["markdown", "plaintext"]]),
        ]),
        "workspace": .fields([
            "workspaceEdit": .fields(["documentChanges": true]),
            "didChangeWatchedFiles": .fields(["dynamicRegistration": true]),
        ]),
    ])

    func open(_ uri: String, text: String, version: Int = 1, language: String = "markdown") {
        notify("textDocument/didOpen", .fields(["textDocument": .fields([
            "uri": .string(uri), "languageId": .string(language), "version": .int(version), "text": .string(text),
        ])]))
    }

    func change(_ uri: String, version: Int, _ changes: [JSONValue]) {
        notify("textDocument/didChange", .fields([
            "textDocument": .fields(["uri": .string(uri), "version": .int(version)]),
            "contentChanges": .array(changes),
        ]))
    }

    static func edit(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int, _ text: String) -> JSONValue {
        .fields([
            "range": .fields([
                "start": .fields(["line": .int(startLine), "character": .int(startCharacter)]),
                "end": .fields(["line": .int(endLine), "character": .int(endCharacter)]),
            ]),
            "text": .string(text),
        ])
    }

    /// `shutdown` then `exit`: the exit status.
    func shutDown() throws -> Int32? {
        _ = try result(request("shutdown"))
        notify("exit")
        return server.finished
    }
}

extension JSONValue {
    /// Findings' rule ids, in order.
    static func codes(_ diagnostics: [JSONValue]) -> [String] {
        diagnostics.compactMap { $0["code"]?.string }
    }
}
