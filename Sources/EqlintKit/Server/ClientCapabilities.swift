/// What the client said it can do, in `initialize`, reduced to what the
/// server asks of it.
struct ClientCapabilities: Sendable {
    /// `general.positionEncodings` (nil: not given, UTF-16 only).
    var positionEncodings: [String]?
    /// `textDocument.diagnostic`: the client pulls diagnostics, so the server does not push them.
    var pullsDiagnostics = false
    /// `workspace.diagnostics.refreshSupport`: the server may ask for a fresh pull.
    var refreshesDiagnostics = false
    /// `textDocument.hover.contentFormat` lists `markdown`.
    var hoverMarkdown = false
    /// `workspace.didChangeWatchedFiles.dynamicRegistration`.
    var registersWatchedFiles = false
    /// `workspace.workspaceEdit.documentChanges`: edits may name the document's version.
    var versionedEdits = false
    /// `textDocument.publishDiagnostics.versionSupport`.
    var diagnosticVersions = false

    init() {}

    init(_ value: JSONValue?) {
        guard let value else { return }
        positionEncodings = value["general"]?["positionEncodings"]?.array?.compactMap(\.string)
        let document = value["textDocument"]
        pullsDiagnostics = document?["diagnostic"].map { if case .object = $0 { return true } else { return false } } ?? false
        refreshesDiagnostics = value["workspace"]?["diagnostics"]?["refreshSupport"]?.bool ?? false
        hoverMarkdown = document?["hover"]?["contentFormat"]?.array?.contains(.string("markdown")) ?? false
        registersWatchedFiles = value["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool ?? false
        versionedEdits = value["workspace"]?["workspaceEdit"]?["documentChanges"]?.bool ?? false
        diagnosticVersions = document?["publishDiagnostics"]?["versionSupport"]?.bool ?? false
    }
}
