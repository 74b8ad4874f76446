import Dispatch

/// The documents the client has open, and when each is checked: at once on
/// opening, after a pause in typing on a change, and all of them again when
/// a configuration or rule file changes.
extension LanguageServer {
    func didOpen(_ params: JSONValue?) {
        guard let item = params?["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else { return }
        let document = TextDocument(uri: uri, languageID: item["languageId"]?.string ?? "", version: item["version"]?.int ?? 0,
                                    text: text)
        documents[uri] = document
        results[uri] = nil
        board.set(uri, version: document.version)
        scheduleCheck(uri, after: 0)
    }

    func didChange(_ params: JSONValue?) {
        guard let uri = params?["textDocument"]?["uri"]?.string, var document = documents[uri] else { return }
        for change in params?["contentChanges"]?.array ?? [] {
            guard let text = change["text"]?.string else { continue }
            document.apply(TextDocument.Change(range: LSPRange(change["range"]), text: text), encoding: encoding)
        }
        document.version = params?["textDocument"]?["version"]?.int ?? document.version + 1
        documents[uri] = document
        board.set(uri, version: document.version)
        scheduleCheck(uri, after: options.debounce)
    }

    func didSave(_ params: JSONValue?) {
        guard let uri = params?["textDocument"]?["uri"]?.string else { return }
        // A configuration or rule file saved in the editor: every plan is checked again.
        if let path = DocumentCheck.path(ofURI: uri), Self.isConfigurationOrRules(path) {
            configurationChanged()
        }
    }

    func didClose(_ params: JSONValue?) {
        guard let uri = params?["textDocument"]?["uri"]?.string, documents.removeValue(forKey: uri) != nil else { return }
        results[uri] = nil
        resultIDs[uri] = nil
        deadlines[uri] = nil
        board.set(uri, version: nil)
        // Pulls still waiting for it get an empty report; a pushing client has the findings cleared.
        for (id, pull) in pendingPulls where pull.uri == uri {
            pendingPulls[id] = nil
            respond(id, .fields(["kind": "full", "items": []]))
        }
        if !client.pullsDiagnostics {
            sendNotification("textDocument/publishDiagnostics", params: .fields(["uri": .string(uri), "diagnostics": []]))
        }
    }

    /// A configuration or rule file may have changed: read them all again and check every open document.
    func configurationChanged() {
        generation += 1
        board.setGeneration(generation)
        contexts.reset()
        for uri in documents.keys.sorted() { scheduleCheck(uri, after: 0) }
        if client.pullsDiagnostics, client.refreshesDiagnostics {
            sendRequest("workspace/diagnostic/refresh", params: nil)
        }
    }

    static func isConfigurationOrRules(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return ConfigurationResolver.fileNames.contains(name) || name.hasSuffix(".json5")
    }

    // MARK: Scheduling

    /// Checks a document once `delay` seconds pass with no further change:
    /// one timer per document, moved on by each change rather than stacked.
    func scheduleCheck(_ uri: String, after delay: Double) {
        let due = DispatchTime.now() + delay
        deadlines[uri] = due
        guard !armed.contains(uri) else {
            // An armed timer fires late for a check due at once: start it now.
            if delay == 0 { startDueCheck(uri) }
            return
        }
        armed.insert(uri)
        queue.asyncAfter(deadline: due) { self.timerFired(uri) }
    }

    private func timerFired(_ uri: String) {
        guard let due = deadlines[uri], documents[uri] != nil, phase != .exited else {
            armed.remove(uri)
            return
        }
        if DispatchTime.now() < due {
            queue.asyncAfter(deadline: due) { self.timerFired(uri) }
            return
        }
        armed.remove(uri)
        startDueCheck(uri)
    }

    /// Hands a copy of the document to the check queue. If the document has
    /// changed again by the time the check's turn comes, the check is skipped;
    /// if it changes while the check runs, the result is dropped.
    private func startDueCheck(_ uri: String) {
        deadlines[uri] = nil
        guard let document = documents[uri] else { return }
        let encoding = encoding, generation = generation, checker = checker, board = board
        checkQueue.async { [self] in
            guard board.isCurrent(uri, version: document.version, generation: generation) else { return }
            let result = checker.check(document, encoding: encoding, generation: generation)
            queue.async { self.finish(result) }
        }
    }

    /// Keeps and publishes a result, unless its document has moved on.
    func finish(_ result: CheckResult) {
        guard phase == .running, let document = documents[result.uri], document.version == result.version,
              result.generation == generation else { return }
        results[result.uri] = result
        resultCount += 1
        resultIDs[result.uri] = "\(resultCount)"
        if !client.pullsDiagnostics {
            sendNotification("textDocument/publishDiagnostics", params: .fields([
                "uri": .string(result.uri),
                "version": client.diagnosticVersions ? .int(result.version) : nil,
                "diagnostics": .array(result.lspDiagnostics(documentation: documentation)),
            ]))
        }
        answerPulls(for: result.uri)
    }
}
