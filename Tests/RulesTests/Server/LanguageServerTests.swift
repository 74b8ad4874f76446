@testable import EqlintKit
import Foundation
import Testing

/// The language server as a client sees it: every method, through bytes in
/// and bytes out, with no process.
@Suite("Language server")
struct LanguageServerTests {
    /// A plan with an emoji before findings on their lines: "BAME" (outdated-term) after a rainbow.
    static let plan = """
        # Equality objectives 2025\u{2013}2028 \u{1F600}

        ## Objective 1 \u{1F600} Caf\u{e9} club: fewer exclusions

        **Lead:** Deputy Headteacher

        **Aim:** \u{1F308} Advance equality of opportunity for BAME pupils

        """

    static let folder = TestSupport.packageRoot.appendingPathComponent("examples")
    static let uri = folder.appendingPathComponent("draft-\u{e9}t\u{e9} plan.md").absoluteString

    /// The text a range covers, worked out from the range in the encoding given.
    static func covered(_ range: JSONValue?, in text: String, encoding: PositionEncoding) -> String {
        let document = TextDocument(uri: "", languageID: "", version: 0, text: text)
        guard let range = LSPRange(range) else { return "?" }
        let start = document.offset(of: range.start, encoding: encoding), end = document.offset(of: range.end, encoding: encoding)
        return String(decoding: document.bytes[start..<end], as: UTF8.self)
    }

    // MARK: Lifecycle

    @Test("initialize: capabilities, UTF-16 by default and UTF-8 when offered")
    func initialize() throws {
        let client = LSPClient()
        let result = try client.initialize()
        let capabilities = try #require(result["capabilities"])
        #expect(capabilities["positionEncoding"] == "utf-16")
        #expect(capabilities["textDocumentSync"]?["change"] == 2)
        #expect(capabilities["textDocumentSync"]?["openClose"] == true)
        #expect(capabilities["hoverProvider"] == true)
        #expect(capabilities["codeActionProvider"]?["codeActionKinds"] == ["quickfix", "source.fixAll.eqlint"])
        #expect(capabilities["executeCommandProvider"]?["commands"] == ["eqlint.explain", "eqlint.showOutline"])
        // This client does not pull, so the server pushes and offers no pull.
        #expect(capabilities["diagnosticProvider"] == nil)
        #expect(result["serverInfo"]?["name"] == "eqlint")
        // The client could register file watchers: the server asks it to watch configuration and rules.
        let registration = try client.waitFor("registerCapability") { $0["method"] == "client/registerCapability" }
        let watchers = registration["params"]?["registrations"]?[0]?["registerOptions"]?["watchers"]?.array ?? []
        #expect(watchers.compactMap { $0["globPattern"]?.string } == ["**/.eqlint.json5", "**/.eqlint.json", "**/*.json5"])
        // Its answer is taken without complaint.
        client.send(.fields(["jsonrpc": "2.0", "id": registration["id"] ?? .null, "result": nil]))
        #expect(try client.shutDown() == 0)

        let utf8 = LSPClient()
        let answer = try utf8.initialize(capabilities: .fields(["general": .fields(["positionEncodings": ["utf-16", "utf-8"]])]))
        #expect(answer["capabilities"]?["positionEncoding"] == "utf-8")
    }

    @Test("requests before initialize are refused with -32002; notifications are dropped; initialize twice is refused")
    func beforeInitialize() throws {
        let client = LSPClient()
        let hover = client.request("textDocument/hover", .fields([:]))
        #expect(try client.response(hover)["error"]?["code"] == .int(-32002))
        client.open(Self.uri, text: Self.plan)
        try client.initialize()
        #expect(client.server.inspect { $0.documents.isEmpty })
        let again = client.request("initialize", .fields(["capabilities": .fields([:])]))
        #expect(try client.response(again)["error"]?["code"] == .int(-32600))
    }

    @Test("exit: status 0 after shutdown, 1 without; after shutdown, requests are refused")
    func exit() throws {
        let polite = LSPClient()
        try polite.initialize()
        _ = try polite.result(polite.request("shutdown"))
        let late = polite.request("textDocument/hover", .fields([:]))
        #expect(try polite.response(late)["error"]?["code"] == .int(-32600))
        #expect(polite.server.finished == nil)
        polite.notify("exit")
        #expect(polite.server.finished == 0)
        // Nothing is read after exit.
        let ignored = polite.request("shutdown")
        #expect(throws: LSPClient.ClientError.self) { try polite.response(ignored, timeout: 0.2) }

        let abrupt = LSPClient()
        try abrupt.initialize()
        abrupt.notify("exit")
        #expect(abrupt.server.finished == 1)

        let closed = LSPClient()
        try closed.initialize()
        closed.server.endOfInput()
        #expect(closed.server.finished == 1)
    }

    @Test("garbage: a parse error (-32700) or an invalid request (-32600), and the server carries on")
    func garbage() throws {
        let client = LSPClient()
        try client.initialize()
        client.sendBytes(Array("Content-Length: 9\r\n\r\n{\"id\": 1,".utf8))
        let parseError = try client.waitFor("parse error") { $0["error"]?["code"] == .int(-32700) }
        #expect(parseError["id"] == .null)
        for body in ["[]", "42", "{\"jsonrpc\":\"2.0\",\"id\":7}", "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":3}",
                     "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"x\",\"params\":5}"] {
            client.sendBytes(MessageFramer.frame(Array(body.utf8)))
            let error = try client.waitFor("invalid request for \(body)") { $0["error"]?["code"] == .int(-32600) }
            #expect(error["error"]?["message"]?.string?.isEmpty == false)
        }
        // Bytes that are not UTF-8, a header with no length, random noise: still serving.
        client.sendBytes(MessageFramer.frame([0x7B, 0xFF, 0xFE, 0x7D]))
        _ = try client.waitFor("parse error for bytes not UTF-8") { $0["error"]?["code"] == .int(-32700) }
        client.sendBytes(Array("X-Nonsense: 1\r\n\r\n".utf8))
        let unknown = client.request("workspace/unknownThing", .fields([:]))
        #expect(try client.response(unknown)["error"]?["code"] == .int(-32601))
        client.notify("$/unknownNotification", .fields([:]))
        client.notify("$/setTrace", .fields(["value": "verbose"]))
        client.open(Self.uri, text: Self.plan)
        #expect(!(try client.diagnostics(Self.uri)).isEmpty)
        #expect(try client.shutDown() == 0)
    }

    @Test("framing as pipes deliver it: split headers, several messages in one read, a body across reads")
    func framing() throws {
        let client = LSPClient()
        try client.initialize()
        let open = LSPClient.frame(.fields(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": .fields(["textDocument": .fields([
            "uri": .string(Self.uri), "languageId": "markdown", "version": 1, "text": .string(Self.plan),
        ])])]))
        let hover = LSPClient.frame(.fields(["jsonrpc": "2.0", "id": 100, "method": "textDocument/hover", "params": .fields([
            "textDocument": .fields(["uri": .string(Self.uri)]), "position": .fields(["line": 0, "character": 0]),
        ])]))
        let withContentType = Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n".utf8) + hover
        // Both messages and a half of the third in one read, then the rest a few bytes at a time.
        let all = open + withContentType + hover.map { $0 }
        let cut = open.count + withContentType.count + 10
        client.sendBytes(Array(all[..<cut]))
        for start in stride(from: cut, to: all.count, by: 7) { client.sendBytes(Array(all[start..<min(start + 7, all.count)])) }
        _ = try client.response(100)
        _ = try client.response(100)
        #expect(!(try client.diagnostics(Self.uri)).isEmpty)
        // What the server writes is framed: a Content-Length that is the body's length in bytes.
        var framer = MessageFramer()
        framer.append(client.inbox.bytes)
        var count = 0
        while let frame = framer.next() {
            guard case .message(let body) = frame else { Issue.record("a bad frame from the server"); break }
            #expect(throws: Never.self) { try JSONParser.parse(body) }
            count += 1
        }
        #expect(count >= 4)
    }

    // MARK: Diagnostics

    @Test("diagnostics: range, severity, code, codeDescription, source, basis; an emoji before a finding does not move it",
          arguments: [PositionEncoding.utf16, .utf8])
    func diagnostics(_ encoding: PositionEncoding) throws {
        let client = LSPClient()
        var capabilities = LSPClient.defaultCapabilities
        if case .object(var members) = capabilities {
            members.append(("general", .fields(["positionEncodings": .array([.string(encoding.rawValue)])])))
            capabilities = .object(members)
        }
        let answer = try client.initialize(capabilities: capabilities)
        #expect(answer["capabilities"]?["positionEncoding"]?.string == encoding.rawValue)
        client.open(Self.uri, text: Self.plan)
        let diagnostics = try client.diagnostics(Self.uri, version: 1)
        let term = try #require(diagnostics.first { $0["code"] == "outdated-term" })
        #expect(Self.covered(term["range"], in: Self.plan, encoding: encoding) == "BAME")
        #expect(term["range"]?["start"]?["line"] == 6)
        let expected = encoding == .utf16 ? "**Aim:** \u{1F308} Advance equality of opportunity for ".utf16.count
            : "**Aim:** \u{1F308} Advance equality of opportunity for ".utf8.count
        #expect(term["range"]?["start"]?["character"]?.int == expected)
        #expect(term["severity"] == 3)
        #expect(term["source"] == "eqlint")
        #expect(term["codeDescription"]?["href"] == "https://example.org/eqlint/docs/rules.md#outdated-term")
        #expect(term["data"]?["basis"] == "guidance")
        #expect(term["data"]?["help"]?.string?.isEmpty == false)
        let heading = try #require(diagnostics.first { $0["code"] == "objective-success-criteria" })
        #expect(heading["severity"] == 1)
        // The rule file's basis: success criteria are what the law asks for (specific and measurable).
        #expect(heading["data"]?["basis"] == "law")
        #expect(Self.covered(heading["range"], in: Self.plan, encoding: encoding).hasPrefix("Objective 1 \u{1F600} Caf\u{e9}"))
        // The same findings as `eqlint check` gives.
        let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)
        let checked = linter.lint(SourceFile(path: "plan.md", text: Self.plan))
        #expect(JSONValue.codes(diagnostics) == checked.map(\.ruleID))
        #expect(diagnostics.map { $0["message"]?.string ?? "" } == checked.map(\.message))
    }

    @Test("a change is checked after a pause, and only the latest version's findings are published")
    func changes() throws {
        let client = LSPClient()
        try client.initialize()
        client.open(Self.uri, text: Self.plan)
        #expect(JSONValue.codes(try client.diagnostics(Self.uri, version: 1)).contains("outdated-term"))
        // Twenty quick edits: "BAME" → "BAMEx..." and back, each its own version.
        for version in 2...21 {
            let edit = version % 2 == 0 ? LSPClient.edit(6, 48, 6, 52, "ethnic minority") : LSPClient.edit(6, 48, 6, 63, "BAME")
            client.change(Self.uri, version: version, [edit])
        }
        let last = try client.diagnostics(Self.uri, version: 21)
        #expect(JSONValue.codes(last).contains("outdated-term"))
        // Any published in between were published in order, never after a later one.
        let published = client.received.filter { $0["method"] == "textDocument/publishDiagnostics" }.compactMap { $0["params"]?["version"]?.int }
        #expect(published.isEmpty || published.allSatisfy { $0 < 21 })
        #expect(published == published.sorted())
        client.change(Self.uri, version: 22, [LSPClient.edit(6, 48, 6, 52, "ethnic minority")])
        #expect(!JSONValue.codes(try client.diagnostics(Self.uri, version: 22)).contains("outdated-term"))
        // A full replacement (no range).
        client.change(Self.uri, version: 23, [.fields(["text": .string(Self.plan)])])
        #expect(JSONValue.codes(try client.diagnostics(Self.uri, version: 23)).contains("outdated-term"))
        // Closing clears the findings.
        client.notify("textDocument/didClose", .fields(["textDocument": .fields(["uri": .string(Self.uri)])]))
        #expect(try client.diagnostics(Self.uri).isEmpty)
        #expect(client.server.inspect { $0.documents.isEmpty && $0.results.isEmpty })
    }

    @Test("a result for a version that has moved on is dropped, not published")
    func staleResults() throws {
        let client = LSPClient()
        try client.initialize()
        client.open(Self.uri, text: Self.plan, version: 1)
        _ = try client.diagnostics(Self.uri, version: 1)
        client.change(Self.uri, version: 2, [LSPClient.edit(0, 0, 0, 0, "x")])
        _ = try client.diagnostics(Self.uri, version: 2)
        let before = client.received.count
        client.server.inspect { server in
            let stale = CheckResult(uri: Self.uri, version: 1, generation: server.generation, findings: [])
            server.finish(stale)
            let otherConfiguration = CheckResult(uri: Self.uri, version: 2, generation: server.generation - 1, findings: [])
            server.finish(otherConfiguration)
            #expect(server.results[Self.uri]?.version == 2)
            #expect(server.results[Self.uri]?.findings.isEmpty == false)
        }
        #expect(client.received.count == before)
    }

    @Test("a README or notes get no findings; a plan being started does; an excluded file does not")
    func notPlans() throws {
        let folder = try LSPClient.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{ exclude: [\"drafts/**\"] }\n".write(to: folder.appendingPathComponent(".eqlint.json5"), atomically: false, encoding: .utf8)
        let client = LSPClient(options: LSPClient.options(directory: folder.path))
        try client.initialize(rootPath: folder.path)
        let readme = folder.appendingPathComponent("README.md").absoluteString
        client.open(readme, text: "# Our plans\n\nThe equality objectives are in plans/. BAME is an outdated term.\n")
        #expect(try client.diagnostics(readme).isEmpty)
        let notes = folder.appendingPathComponent("notes.md").absoluteString
        client.open(notes, text: "# Meeting notes\n\n- Buy milk\n")
        #expect(try client.diagnostics(notes).isEmpty)
        let started = folder.appendingPathComponent("plan.md").absoluteString
        client.open(started, text: "# Equality objectives 2026\u{2013}2029\n")
        #expect(JSONValue.codes(try client.diagnostics(started)).contains("plan-has-objectives"))
        let excluded = folder.appendingPathComponent("drafts/plan.md").absoluteString
        client.open(excluded, text: Self.plan)
        #expect(try client.diagnostics(excluded).isEmpty)
        let word = folder.appendingPathComponent("plan.docx").absoluteString
        client.open(word, text: Self.plan)
        #expect(try client.diagnostics(word).isEmpty)
        // An untitled buffer is checked as a plan in the workspace folder.
        client.open("untitled:Untitled-1", text: Self.plan)
        #expect(!(try client.diagnostics("untitled:Untitled-1")).isEmpty)
    }

    @Test("a README the configuration includes is checked")
    func includedReadme() throws {
        let folder = try LSPClient.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{ include: [\"*.md\"] }\n".write(to: folder.appendingPathComponent(".eqlint.json5"), atomically: false, encoding: .utf8)
        let client = LSPClient(options: LSPClient.options(directory: folder.path))
        try client.initialize(rootPath: folder.path)
        let readme = folder.appendingPathComponent("README.md").absoluteString
        client.open(readme, text: "# Our plans\n")
        #expect(JSONValue.codes(try client.diagnostics(readme)).contains("plan-has-objectives"))
    }

    @Test("the configuration of the file's folder applies; a change to it (watched files, or saved) rechecks; a broken one is a finding")
    func configuration() throws {
        let folder = try LSPClient.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = folder.appendingPathComponent("plans/.eqlint.json5")
        try FileManager.default.createDirectory(at: configuration.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "{ rules: { \"outdated-term\": \"off\" } }\n".write(to: configuration, atomically: false, encoding: .utf8)
        let client = LSPClient(options: LSPClient.options(directory: folder.path))
        try client.initialize(rootPath: folder.path)
        let uri = folder.appendingPathComponent("plans/plan.md").absoluteString
        client.open(uri, text: Self.plan)
        let first = JSONValue.codes(try client.diagnostics(uri, version: 1))
        #expect(!first.contains("outdated-term") && first.contains("objective-success-criteria"))

        try "{ rules: { \"outdated-term\": \"error\" } }\n".write(to: configuration, atomically: false, encoding: .utf8)
        client.notify("workspace/didChangeWatchedFiles", .fields(["changes": .array([.fields([
            "uri": .string(configuration.absoluteString), "type": 2,
        ])])]))
        let second = try client.diagnostics(uri, version: 1)
        #expect(second.first { $0["code"] == "outdated-term" }?["severity"] == 1)

        try "{ rules: { \"outdated-trem\": \"off\" } }\n".write(to: configuration, atomically: false, encoding: .utf8)
        client.notify("textDocument/didSave", .fields(["textDocument": .fields(["uri": .string(configuration.absoluteString)])]))
        let broken = try client.diagnostics(uri, version: 1)
        #expect(JSONValue.codes(broken) == ["configuration"])
        #expect(broken.first?["message"]?.string?.contains("outdated-trem") == true)
        #expect(broken.first?["range"]?["start"] == .fields(["line": 0, "character": 0]))
    }

    @Test("pulled diagnostics: the full report, then unchanged, then a new one after a change")
    func pull() throws {
        let client = LSPClient()
        let answer = try client.initialize(capabilities: .fields(["textDocument": .fields(["diagnostic": .fields(["dynamicRegistration": false])])]))
        #expect(answer["capabilities"]?["diagnosticProvider"]?["identifier"] == "eqlint")
        client.open(Self.uri, text: Self.plan)
        let params: JSONValue = .fields(["textDocument": .fields(["uri": .string(Self.uri)])])
        let full = try client.result(client.request("textDocument/diagnostic", params))
        #expect(full["kind"] == "full")
        let fullCodes = JSONValue.codes(full["items"]?.array ?? [])
        #expect(fullCodes.contains("outdated-term"))
        let resultID = try #require(full["resultId"]?.string)
        let unchanged = try client.result(client.request("textDocument/diagnostic", .fields([
            "textDocument": .fields(["uri": .string(Self.uri)]), "previousResultId": .string(resultID),
        ])))
        #expect(unchanged == .fields(["kind": "unchanged", "resultId": .string(resultID)]))
        client.change(Self.uri, version: 2, [LSPClient.edit(6, 48, 6, 52, "ethnic minority")])
        let fresh = try client.result(client.request("textDocument/diagnostic", .fields([
            "textDocument": .fields(["uri": .string(Self.uri)]), "previousResultId": .string(resultID),
        ])))
        #expect(fresh["kind"] == "full" && fresh["resultId"]?.string != resultID)
        let freshCodes = JSONValue.codes(fresh["items"]?.array ?? [])
        #expect(!freshCodes.contains("outdated-term"))
        // A pulling client is not pushed to.
        #expect(!client.received.contains { $0["method"] == "textDocument/publishDiagnostics" })
        // A client may ask to be pushed to, whatever it says it supports.
        let pushed = LSPClient()
        let id = pushed.request("initialize", .fields([
            "capabilities": .fields(["textDocument": .fields(["diagnostic": .fields([:])])]),
            "initializationOptions": .fields(["diagnosticMode": "push"]),
        ]))
        #expect(try pushed.result(id)["capabilities"]?["diagnosticProvider"] == nil)
        // A document that is not open has nothing to report.
        let closed = try client.result(client.request("textDocument/diagnostic", .fields(["textDocument": .fields(["uri": "file:///nowhere.md"])])))
        #expect(closed["items"] == [])
    }

    @Test("a pulling client that can refresh is asked to pull again when configuration changes")
    func refresh() throws {
        let client = LSPClient()
        try client.initialize(capabilities: .fields([
            "textDocument": .fields(["diagnostic": .fields([:])]),
            "workspace": .fields(["diagnostics": .fields(["refreshSupport": true])]),
        ]))
        client.open(Self.uri, text: Self.plan)
        client.notify("workspace/didChangeConfiguration", .fields(["settings": .fields([:])]))
        let refresh = try client.waitFor("a refresh request") { $0["method"] == "workspace/diagnostic/refresh" }
        #expect(refresh["id"] != nil)
        let pulled = try client.result(client.request("textDocument/diagnostic", .fields(["textDocument": .fields(["uri": .string(Self.uri)])])))
        #expect(pulled["kind"] == "full")
    }

    @Test("a pull waiting for a check can be cancelled; requests are answered while a check waits")
    func cancel() throws {
        var options = LSPClient.options()
        options.debounce = 5  // the check waits; the requests must not
        let client = LSPClient(options: options)
        try client.initialize(capabilities: .fields(["textDocument": .fields(["diagnostic": .fields([:])])]))
        client.open(Self.uri, text: Self.plan)
        _ = try client.result(client.request("textDocument/diagnostic", .fields(["textDocument": .fields(["uri": .string(Self.uri)])])))
        client.change(Self.uri, version: 2, [LSPClient.edit(0, 0, 0, 0, "x")])
        let pull = client.request("textDocument/diagnostic", .fields(["textDocument": .fields(["uri": .string(Self.uri)])]))
        let started = Date()
        let hover = client.request("textDocument/hover", .fields([
            "textDocument": .fields(["uri": .string(Self.uri)]), "position": .fields(["line": 0, "character": 0]),
        ]))
        _ = try client.response(hover)
        #expect(Date().timeIntervalSince(started) < 2)
        client.notify("$/cancelRequest", .fields(["id": .int(pull)]))
        #expect(try client.response(pull)["error"]?["code"] == .int(-32800))
        // Cancelling what was answered already does nothing.
        client.notify("$/cancelRequest", .fields(["id": .int(hover)]))
        #expect(client.server.inspect { $0.pendingPulls.isEmpty })
    }

    // MARK: Hover, code actions, commands

    @Test("hover on a finding: its message, the fix, and the rule's explanation in Markdown")
    func hover() throws {
        let client = LSPClient()
        try client.initialize()
        client.open(Self.uri, text: Self.plan)
        let term = try #require(try client.diagnostics(Self.uri).first { $0["code"] == "outdated-term" })
        let position = try #require(term["range"]?["start"])
        let hover = try client.result(client.request("textDocument/hover", .fields(["textDocument": .fields(["uri": .string(Self.uri)]), "position": position])))
        #expect(hover["contents"]?["kind"] == "markdown")
        let text = hover["contents"]?["value"]?.string ?? ""
        #expect(text.contains("`outdated-term`"))
        #expect(text.contains("How to fix: "))
        #expect(text.contains("**outdated-term (info)**"))
        #expect(text.contains("**What the duty or guidance says:**"))
        #expect(text.contains("```markdown\n"))
        #expect(hover["range"] == term["range"])
        // Nowhere near a finding: nothing.
        let empty = try client.result(client.request("textDocument/hover", .fields([
            "textDocument": .fields(["uri": .string(Self.uri)]), "position": .fields(["line": 1, "character": 0]),
        ])))
        #expect(empty == .null)
    }

    @Test("hover in plain text for a client without Markdown")
    func plainHover() throws {
        let client = LSPClient()
        try client.initialize(capabilities: .fields([:]))
        client.open(Self.uri, text: Self.plan)
        let term = try #require(try client.diagnostics(Self.uri).first { $0["code"] == "outdated-term" })
        let hover = try client.result(client.request("textDocument/hover", .fields([
            "textDocument": .fields(["uri": .string(Self.uri)]), "position": term["range"]?["end"] ?? .null,
        ])))
        #expect(hover["contents"]?["kind"] == "plaintext")
        #expect(hover["contents"]?["value"]?.string?.contains("What the duty or guidance says:\n  ") == true)
    }

    /// Applies a code action's edits to a text (edits at one place, as these are).
    static func apply(_ action: JSONValue, to text: String, encoding: PositionEncoding = .utf16) -> String {
        let edits = action["edit"]?["documentChanges"]?[0]?["edits"]?.array
            ?? action["edit"]?["changes"].flatMap { changes -> [JSONValue]? in
                if case .object(let members) = changes { return members.first?.1.array }
                return nil
            } ?? []
        var document = TextDocument(uri: "", languageID: "", version: 0, text: text)
        for edit in edits.reversed() {
            document.apply(.init(range: LSPRange(edit["range"]), text: edit["newText"]?.string ?? ""), encoding: encoding)
        }
        return document.text
    }

    @Test("code actions: disable for this line and for this file, each silencing the finding once applied")
    func codeActions() throws {
        let client = LSPClient()
        try client.initialize()
        client.open(Self.uri, text: Self.plan)
        let diagnostics = try client.diagnostics(Self.uri, version: 1)
        let term = try #require(diagnostics.first { $0["code"] == "outdated-term" })
        let actions = try client.result(client.request("textDocument/codeAction", .fields([
            "textDocument": .fields(["uri": .string(Self.uri)]), "range": term["range"] ?? .null,
            "context": .fields(["diagnostics": [term]]),
        ]))).array ?? []
        // The rule's suggestion first (not preferred: a person decides), then the disable comments.
        #expect(actions.compactMap { $0["title"]?.string } == [
            "replace \u{201C}BAME\u{201D} with \u{201C}ethnic minority\u{201D} (a suggestion: check it reads right)",
            "Disable outdated-term for this line", "Disable outdated-term for this file",
        ])
        #expect(actions.allSatisfy { $0["kind"] == "quickfix" && $0["diagnostics"] == [term] })
        #expect(actions.first?["isPreferred"] == false)
        #expect(actions.first?["edit"]?["documentChanges"]?[0]?["textDocument"]?["version"] == 1)
        #expect(Self.apply(actions[0], to: Self.plan).contains("opportunity for ethnic minority pupils"))

        let line = Self.apply(actions[1], to: Self.plan)
        #expect(line.contains("\n<!-- eqlint-disable-next-line outdated-term -- TODO: say why -->\n**Aim:** \u{1F308}"))
        client.change(Self.uri, version: 2, [.fields(["text": .string(line)])])
        let afterLine = JSONValue.codes(try client.diagnostics(Self.uri, version: 2))
        #expect(!afterLine.contains("outdated-term") && !afterLine.contains("unused-suppression"))

        let file = Self.apply(actions[2], to: Self.plan)
        #expect(file.hasPrefix("<!-- eqlint-disable-file outdated-term -- TODO: say why -->\n# Equality"))
        client.change(Self.uri, version: 3, [.fields(["text": .string(file)])])
        #expect(!JSONValue.codes(try client.diagnostics(Self.uri, version: 3)).contains("outdated-term"))

        // Asking for source actions only: no quick fixes, and no fix-all where no finding has a safe fix.
        let source = try client.result(client.request("textDocument/codeAction", .fields([
            "textDocument": .fields(["uri": .string(Self.uri)]), "range": term["range"] ?? .null,
            "context": .fields(["diagnostics": [term], "only": ["source.fixAll"]]),
        ])))
        #expect(source == [])
    }

    @Test("a rule's safe fix is the preferred quick fix, and source.fixAll.eqlint applies every safe fix, wherever an emoji puts the columns",
          arguments: [PositionEncoding.utf16, .utf8])
    func fixes(_ encoding: PositionEncoding) throws {
        let plan = """
            # Equality objectives 2025\u{2013}2028

            \u{1F308} We meet our duties under the Equalities Act and the Public Sector Equalities Duty.

            ## Objective 1 \u{1F600} Challenge prejudice about sexual preference

            """
        let client = LSPClient()
        var capabilities = LSPClient.defaultCapabilities
        if case .object(var members) = capabilities {
            members.append(("general", .fields(["positionEncodings": .array([.string(encoding.rawValue)])])))
            capabilities = .object(members)
        }
        try client.initialize(capabilities: capabilities)
        client.open(Self.uri, text: plan)
        let diagnostics = try client.diagnostics(Self.uri, version: 1)
        let terms = diagnostics.filter { $0["code"] == "nonstatutory-term" }
        #expect(terms.count == 3)
        func actions(_ diagnostics: [JSONValue], only: [String]? = nil) throws -> [JSONValue] {
            var context: [(String, JSONValue)] = [("diagnostics", .array(diagnostics))]
            if let only { context.append(("only", .array(only.map(JSONValue.string)))) }
            return try client.result(client.request("textDocument/codeAction", .fields([
                "textDocument": .fields(["uri": .string(Self.uri)]), "range": terms[0]["range"] ?? .null,
                "context": .object(context),
            ]))).array ?? []
        }
        let act = try actions([terms[0]])
        #expect(act.first?["title"] == "replace \u{201C}Equalities Act\u{201D} with \u{201C}Equality Act 2010\u{201D}")
        #expect(act.first?["isPreferred"] == true)
        let once = Self.apply(act[0], to: plan, encoding: encoding)
        #expect(once.contains("\u{1F308} We meet our duties under the Equality Act 2010 and the Public Sector Equalities Duty."))

        // Fix all: the two safe fixes, not the suggestion for a characteristic's name.
        let all = try actions([], only: ["source.fixAll"])
        #expect(all.count == 1)
        #expect(all.first?["kind"] == "source.fixAll.eqlint")
        let fixed = Self.apply(try #require(all.first), to: plan, encoding: encoding)
        #expect(fixed.contains("\u{1F308} We meet our duties under the Equality Act 2010 and the Public Sector Equality Duty."))
        #expect(fixed.contains("about sexual preference"))
        client.change(Self.uri, version: 2, [.fields(["text": .string(fixed)])])
        let left = try client.diagnostics(Self.uri, version: 2).filter { $0["code"] == "nonstatutory-term" }
        #expect(left.count == 1)
        // Findings sent back from an older text (a line has been added above them since) get no fixes.
        client.change(Self.uri, version: 3, [.fields(["text": .string("<!-- draft -->\n" + plan)])])
        let stale = try actions(terms)
        #expect(!stale.contains { ($0["title"]?.string ?? "").hasPrefix("replace") })
    }

    @Test("disable comments: after front matter, at the end of a table row, added to a comment already there, never in front matter")
    func disablePlacement() {
        let text = "---\nperiod: 2025-09 to 2028-08\n---\n\n| Objective | Lead |\n|---|---|\n| Close the gap | JS |\n\n<!-- eqlint-disable-next-line objective-aim -- trust plan -->\n## Objective 2\n"
        let document = TextDocument(uri: "file:///p.md", languageID: "markdown", version: 1, text: text)
        #expect(CodeActions.disableLine("plan-dates", line: 1, in: document, encoding: .utf16) == nil)
        let file = CodeActions.disableFile("lead-initials", in: document, encoding: .utf16)
        #expect(file?.range.start == LSPPosition(line: 3, character: 0))
        let row = CodeActions.disableLine("lead-initials", line: 6, in: document, encoding: .utf16)
        #expect(row?.text == " <!-- eqlint-disable-line lead-initials -- TODO: say why -->")
        #expect(row?.range.start == LSPPosition(line: 6, character: 22))
        let added = CodeActions.disableLine("objective-lead", line: 9, in: document, encoding: .utf16)
        #expect(added?.text == ", objective-lead")
        #expect(added?.range.start == LSPPosition(line: 8, character: "<!-- eqlint-disable-next-line objective-aim".count))
        #expect(CodeActions.disableLine("objective-aim", line: 9, in: document, encoding: .utf16) == nil)
        // CRLF documents get CRLF.
        let crlf = TextDocument(uri: "file:///p.md", languageID: "markdown", version: 1, text: "# Plan\r\n\r\nText\r\n")
        #expect(CodeActions.disableLine("x", line: 2, in: crlf, encoding: .utf16)?.text.hasSuffix("-->\r\n") == true)
    }

    @Test("commands: eqlint.explain gives `eqlint explain`; eqlint.showOutline gives `eqlint outline` of the unsaved text")
    func commands() throws {
        let client = LSPClient()
        try client.initialize()
        let explain = try client.result(client.request("workspace/executeCommand", .fields([
            "command": "eqlint.explain", "arguments": ["objective-lead"],
        ])))
        let rule = try #require(TestSupport.builtInRuleSet.rule(id: "objective-lead"))
        #expect(explain.string == RuleCatalog.explanation(rule, in: TestSupport.builtInRuleSet))
        let unknown = try client.response(client.request("workspace/executeCommand", .fields([
            "command": "eqlint.explain", "arguments": [.fields(["rule": "objective-led"])],
        ])))
        #expect(unknown["error"]?["message"]?.string?.contains("did you mean 'objective-lead'") == true)

        client.open(Self.uri, text: Self.plan)
        let outline = try client.result(client.request("workspace/executeCommand", .fields([
            "command": "eqlint.showOutline", "arguments": [.string(Self.uri)],
        ])))
        let text = outline.string ?? ""
        #expect(text.contains("Objective 1 (line 3)"))
        #expect(text.contains("period:"))
        let missing = try client.response(client.request("workspace/executeCommand", .fields(["command": "eqlint.nothing"])))
        #expect(missing["error"]?["code"] == .int(-32602))
    }

    // MARK: Endurance

    @Test("a thousand edits in a row: the server stays responsive, keeps one result, and its state does not grow")
    func thousandEdits() throws {
        let client = LSPClient()
        try client.initialize()
        client.open(Self.uri, text: Self.plan)
        _ = try client.diagnostics(Self.uri, version: 1)
        let started = Date()
        for version in 2...1001 {
            // Type an "x" at the start of the title, then delete it.
            let edit = version % 2 == 0 ? LSPClient.edit(0, 2, 0, 2, "x") : LSPClient.edit(0, 2, 0, 3, "")
            client.change(Self.uri, version: version, [edit])
            if version % 100 == 0 {
                let hover = client.request("textDocument/hover", .fields([
                    "textDocument": .fields(["uri": .string(Self.uri)]), "position": .fields(["line": 0, "character": 0]),
                ]))
                _ = try client.response(hover, timeout: 10)
            }
        }
        #expect(Date().timeIntervalSince(started) < 60)
        let last = try client.diagnostics(Self.uri, version: 1001)
        #expect(JSONValue.codes(last).contains("outdated-term"))
        client.server.inspect { server in
            #expect(server.documents[Self.uri]?.bytes == Array(Self.plan.utf8))
            #expect(server.results.count == 1)
            #expect(server.resultIDs.count == 1)
            #expect(server.pendingPulls.isEmpty && server.pendingWork.isEmpty)
            #expect(server.deadlines.count <= 1 && server.armed.count <= 1)
        }
    }
}
