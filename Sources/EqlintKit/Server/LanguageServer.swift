import Dispatch
import Foundation

/// `eqlint lsp`: a Language Server Protocol 3.17 server, fed bytes and
/// writing bytes, so it runs over standard input and output or in a test.
///
/// Every message is handled in order on one serial queue, which owns all the
/// state: the open documents, their latest results, the requests waiting.
/// Checks run on a queue of their own, so a request is never kept waiting
/// behind one: a check works on a copy of the document, and its result is
/// published only if the document is still at that version (and the
/// configuration unchanged) when it is done; otherwise it is dropped.
package final class LanguageServer: @unchecked Sendable {
    /// Where the server is in the protocol's lifecycle.
    enum Phase {
        /// Waiting for `initialize`: every other request is refused.
        case starting
        case running
        /// After `shutdown`: waiting for `exit`.
        case shutDown
        /// After `exit` (or the end of input): nothing more is read.
        case exited
    }

    let queue = DispatchQueue(label: "eqlint.lsp.server")
    /// Checks, one at a time, oldest first; a stale one is skipped when its turn comes.
    let checkQueue = DispatchQueue(label: "eqlint.lsp.check", qos: .utility)
    /// Commands that read or load rules (`eqlint.explain`, `eqlint.showOutline`).
    let workQueue = DispatchQueue(label: "eqlint.lsp.work", qos: .userInitiated, attributes: .concurrent)

    let options: LanguageServerOptions
    let contexts: ContextProvider
    let checker: DocumentCheck
    private let output: @Sendable ([UInt8]) -> Void
    /// The address of docs/rules.md that rule links start with.
    let documentation: String?

    // State, touched only on `queue`.
    private var framer = MessageFramer()
    var phase = Phase.starting
    var client = ClientCapabilities()
    var encoding = PositionEncoding.utf16
    var documents: [String: TextDocument] = [:]
    var results: [String: CheckResult] = [:]
    /// Each result's id for pulled diagnostics (`resultId`), by document.
    var resultIDs: [String: String] = [:]
    var resultCount = 0
    /// When each document's pending check is due; a timer is armed for those in `armed`.
    var deadlines: [String: DispatchTime] = [:]
    var armed: Set<String> = []
    /// Pulls waiting for a document's current result: request id → document.
    var pendingPulls: [RequestID: (uri: String, previous: String?)] = [:]
    /// Requests being answered off the queue, which a cancellation may still stop.
    var pendingWork: Set<RequestID> = []
    /// Raised whenever configuration may have changed: a result made under an older one is stale.
    var generation = 0
    /// The versions checks are compared against, readable off the queue.
    let board = VersionBoard()
    private var nextOutgoingID = 1
    /// Set when the server has exited: 0 after `shutdown`, 1 without.
    private(set) var exitCode: Int32?

    package init(options: LanguageServerOptions, output: @escaping @Sendable ([UInt8]) -> Void) {
        self.options = options
        self.output = output
        contexts = ContextProvider(options: options)
        checker = DocumentCheck(contexts: contexts)
        documentation = options.rulesDocumentation ?? LanguageServerOptions.builtRulesDocumentation
    }

    /// Takes bytes from the client, in pieces of any size, and handles every
    /// complete message among them before returning.
    package func receive<Bytes: Collection & Sendable>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        queue.sync {
            guard phase != .exited else { return }
            framer.append(bytes)
            while phase != .exited, let frame = framer.next() {
                switch frame {
                case .message(let body): handle(body)
                case .badHeader(let problem): Log.write("skipped a message: \(problem)")
                }
            }
        }
    }

    /// The input has ended (the client closed the pipe): the server exits as
    /// if told to, with status 1 unless it was shut down first.
    package func endOfInput() {
        queue.sync {
            guard phase != .exited else { return }
            exitCode = phase == .shutDown ? 0 : 1
            phase = .exited
        }
    }

    /// The exit status, once the server has exited.
    package var finished: Int32? {
        queue.sync { exitCode }
    }

    /// Runs a closure on the server's queue and waits: for tests, to look at its state.
    package func inspect<T>(_ body: (LanguageServer) -> T) -> T {
        queue.sync { body(self) }
    }

    // MARK: Messages

    private func handle(_ body: [UInt8]) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            send(.response(id: nil, result: nil, error: .parseError(error.description)))
            return
        }
        switch RPCMessage.read(value) {
        case .failure(let invalid):
            send(.response(id: invalid.id, result: nil, error: .invalidRequest(invalid.message)))
        case .success(.request(let id, let method, let params)):
            request(id: id, method: method, params: params)
        case .success(.notification(let method, let params)):
            notification(method: method, params: params)
        case .success(.response(let id, _, let error)):
            if let error { Log.write("the client answered request \(id?.description ?? "?") with an error: \(error.message)") }
        }
    }

    private func request(id: RequestID, method: String, params: JSONValue?) {
        switch phase {
        case .starting where method != "initialize":
            send(.response(id: id, result: nil, error: .notInitialized))
            return
        case .shutDown:
            send(.response(id: id, result: nil, error: .invalidRequest("the server has shut down: only 'exit' is accepted")))
            return
        default: break
        }
        do throws(RPCError) {
            switch method {
            case "initialize": respond(id, try initialize(params))
            case "shutdown":
                phase = .shutDown
                for (pull, _) in pendingPulls { send(.response(id: pull, result: nil, error: .cancelled)) }
                pendingPulls = [:]
                respond(id, .null)
            case "textDocument/hover": respond(id, hover(params))
            case "textDocument/codeAction": respond(id, codeActions(params))
            case "textDocument/diagnostic": try pullDiagnostics(id: id, params: params)
            case "workspace/executeCommand": try executeCommand(id: id, params: params)
            default: throw .methodNotFound(method)
            }
        } catch {
            send(.response(id: id, result: nil, error: error))
        }
    }

    private func notification(method: String, params: JSONValue?) {
        if method == "exit" {
            exitCode = phase == .shutDown ? 0 : 1
            phase = .exited
            return
        }
        // Before `initialize`, notifications are dropped; after `shutdown`, ignored.
        guard phase == .running else { return }
        switch method {
        case "initialized": registerWatchers()
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didSave": didSave(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeWatchedFiles", "workspace/didChangeConfiguration": configurationChanged()
        case "$/cancelRequest": cancel(params?["id"].flatMap(RequestID.init))
        default: break  // `$/setTrace` and the like, and notifications eqlint has no use for
        }
    }

    // MARK: Lifecycle

    private func initialize(_ params: JSONValue?) throws(RPCError) -> JSONValue {
        guard phase == .starting else { throw .invalidRequest("the server is already initialized") }
        client = ClientCapabilities(params?["capabilities"])
        // `initializationOptions: {diagnosticMode: "push"}` for a client that says it pulls but does not.
        switch params?["initializationOptions"]?["diagnosticMode"]?.string {
        case "push"?: client.pullsDiagnostics = false
        case "pull"?: client.pullsDiagnostics = true
        default: break
        }
        encoding = PositionEncoding.negotiate(client.positionEncodings)
        let folder = params?["workspaceFolders"]?[0]?["uri"]?.string.flatMap(DocumentCheck.path(ofURI:))
            ?? params?["rootUri"]?.string.flatMap(DocumentCheck.path(ofURI:))
            ?? params?["rootPath"]?.string
        if let folder { contexts.reset(workspaceFolder: folder) }
        phase = .running
        var capabilities: [(String, JSONValue)] = [
            ("positionEncoding", .string(encoding.rawValue)),
            ("textDocumentSync", .fields(["openClose": true, "change": 2, "save": .fields(["includeText": false])])),
            ("hoverProvider", true),
            ("codeActionProvider", .fields([
                "codeActionKinds": .array([.string(CodeActions.quickFix), .string(CodeActions.fixAll)]),
                "resolveProvider": false,
            ])),
            ("executeCommandProvider", .fields(["commands": .array(ServerCommand.allCases.map { .string($0.rawValue) })])),
        ]
        if client.pullsDiagnostics {
            capabilities.append(("diagnosticProvider", .fields([
                "identifier": "eqlint", "interFileDependencies": false, "workspaceDiagnostics": false,
            ])))
        }
        return .fields([
            "capabilities": .object(capabilities),
            "serverInfo": .fields(["name": "eqlint", "version": .string(EqlintVersion.current)]),
        ])
    }

    /// Asks the client to say when a configuration or rule file changes, if it can.
    private func registerWatchers() {
        guard client.registersWatchedFiles else { return }
        let globs = ConfigurationResolver.fileNames.map { "**/\($0)" } + ["**/*.json5"]
        sendRequest("client/registerCapability", params: .fields(["registrations": .array([.fields([
            "id": "eqlint-watched-files",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": .fields(["watchers": .array(globs.map { .fields(["globPattern": .string($0)]) })]),
        ])])]))
    }

    private func cancel(_ id: RequestID?) {
        guard let id else { return }
        if pendingPulls.removeValue(forKey: id) != nil || pendingWork.remove(id) != nil {
            send(.response(id: id, result: nil, error: .cancelled))
        }
        // Anything else has been answered already: the cancellation came too late, as the protocol allows.
    }

    // MARK: Sending

    func respond(_ id: RequestID, _ result: JSONValue) {
        send(.response(id: id, result: result, error: nil))
    }

    func send(_ message: RPCMessage) {
        output(MessageFramer.frame(message.json.encoded))
    }

    func sendNotification(_ method: String, params: JSONValue) {
        send(.notification(method: method, params: params))
    }

    func sendRequest(_ method: String, params: JSONValue?) {
        let id = RequestID.string("eqlint-\(nextOutgoingID)")
        nextOutgoingID += 1
        send(.request(id: id, method: method, params: params))
    }
}

/// Each open document's current version and the configuration generation,
/// readable from the check queue, so a check whose document has moved on is
/// skipped rather than run.
final class VersionBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var versions: [String: Int] = [:]
    private var generation = 0

    func set(_ uri: String, version: Int?) {
        lock.lock()
        versions[uri] = version
        lock.unlock()
    }

    func setGeneration(_ value: Int) {
        lock.lock()
        generation = value
        lock.unlock()
    }

    func isCurrent(_ uri: String, version: Int, generation: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return versions[uri] == version && self.generation == generation
    }
}
