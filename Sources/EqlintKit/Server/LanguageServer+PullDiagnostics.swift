/// `textDocument/diagnostic`: the client asks for a document's findings.
/// When the current version has been checked, the answer comes at once
/// (`unchanged` if the client already has it); otherwise it waits, off the
/// queue, for that check, so other requests are answered meanwhile.
extension LanguageServer {
    func pullDiagnostics(id: RequestID, params: JSONValue?) throws(RPCError) {
        guard let uri = params?["textDocument"]?["uri"]?.string else { throw .invalidParams("textDocument/diagnostic needs a textDocument") }
        let previous = params?["previousResultId"]?.string
        guard documents[uri] != nil else {
            // Not open: eqlint checks what the editor shows, so it has nothing to say.
            respond(id, .fields(["kind": "full", "items": []]))
            return
        }
        pendingPulls[id] = (uri, previous)
        answerPulls(for: uri)
    }

    /// Answers the pulls waiting for a document, if its current version has been checked.
    func answerPulls(for uri: String) {
        guard let document = documents[uri], let result = results[uri], result.version == document.version,
              result.generation == generation, let resultID = resultIDs[uri] else { return }
        for (id, pull) in pendingPulls where pull.uri == uri {
            pendingPulls[id] = nil
            if pull.previous == resultID {
                respond(id, .fields(["kind": "unchanged", "resultId": .string(resultID)]))
            } else {
                respond(id, .fields(["kind": "full", "resultId": .string(resultID),
                                     "items": .array(result.lspDiagnostics(documentation: documentation))]))
            }
        }
    }
}
