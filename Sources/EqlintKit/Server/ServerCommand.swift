import EqlintText
import Foundation
import Rules

/// The commands `workspace/executeCommand` runs; each answers with text.
///
/// - `eqlint.explain` with a rule id (and, optionally, the document whose
///   configuration applies: `[id, uri]` or `[{"rule": id, "uri": uri}]`):
///   what `eqlint explain RULE-ID` prints.
/// - `eqlint.showOutline` with a document's URI (`[uri]` or `[{"uri": uri}]`):
///   what `eqlint outline` prints for its text as the editor has it.
///
/// They run off the server's queue (loading rules can take a moment), and
/// may be cancelled until they are answered.
package enum ServerCommand: String, CaseIterable, Sendable {
    case explain = "eqlint.explain"
    case showOutline = "eqlint.showOutline"
}

extension LanguageServer {
    func executeCommand(id: RequestID, params: JSONValue?) throws(RPCError) {
        guard let name = params?["command"]?.string else { throw .invalidParams("workspace/executeCommand needs a command") }
        guard let command = ServerCommand(rawValue: name) else {
            throw .invalidParams("eqlint has no command '\(name)'; its commands are \(ServerCommand.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let arguments = params?["arguments"]?.array ?? []
        let first = arguments.first
        let uri = first?["uri"]?.string ?? (command == .showOutline ? first?.string : arguments.dropFirst().first?.string)
        let document = uri.flatMap { documents[$0] }
        let contexts = contexts
        let work: @Sendable () throws(RPCError) -> JSONValue
        switch command {
        case .explain:
            guard let ruleID = first?["rule"]?.string ?? first?.string else {
                throw .invalidParams("eqlint.explain needs a rule id, such as [\"objective-lead\"]")
            }
            work = { () throws(RPCError) in .string(try Self.explain(ruleID, uri: uri, contexts: contexts)) }
        case .showOutline:
            guard let uri else { throw .invalidParams("eqlint.showOutline needs a document's URI") }
            work = { () throws(RPCError) in .string(try Self.outline(uri: uri, document: document, contexts: contexts)) }
        }
        pendingWork.insert(id)
        workQueue.async { [self] in
            let answer: RPCMessage
            do throws(RPCError) {
                answer = .response(id: id, result: try work(), error: nil)
            } catch {
                answer = .response(id: id, result: nil, error: error)
            }
            queue.async {
                // A cancelled request has had its answer.
                guard self.pendingWork.remove(id) != nil else { return }
                self.send(answer)
            }
        }
    }

    static func explain(_ ruleID: String, uri: String?, contexts: ContextProvider) throws(RPCError) -> String {
        let ruleSet: RuleSet
        do {
            ruleSet = try contexts.context(forFile: uri.flatMap(DocumentCheck.path(ofURI:))).linter.ruleSet
        } catch {
            throw RPCError(code: RPCError.internalErrorCode, message: error.description)
        }
        guard let rule = ruleSet.rule(id: ruleID) else {
            let hint = ruleSet.suggestion(for: ruleID).map { "; did you mean '\($0)'?" } ?? ""
            throw .invalidParams("no rule is named '\(ruleID)'\(hint)")
        }
        return RuleCatalog.explanation(rule, in: ruleSet)
    }

    static func outline(uri: String, document: TextDocument?, contexts: ContextProvider) throws(RPCError) -> String {
        let path = DocumentCheck.path(ofURI: uri)
        let name = path.map { Paths.relative($0, to: contexts.workspaceFolder) ?? $0 } ?? uri
        do {
            let context = try contexts.context(forFile: path)
            let source: SourceFile
            if let document {
                source = SourceFile(path: name, text: document.text)
            } else if let path {
                source = try context.linter.parser.load(path: path, displayPath: name)
            } else {
                throw RPCError.invalidParams("\(uri) is not open and names no file")
            }
            let plan = context.linter.parser.parse(source, notingUnplaced: true)
            return PlanOutline.text([PlanOutline.Entry(path: name, plan: plan)])
        } catch let error as RPCError {
            throw error
        } catch let error as RuleFileError {
            throw RPCError(code: RPCError.internalErrorCode, message: error.description)
        } catch let error as InputError {
            throw RPCError(code: RPCError.internalErrorCode, message: error.description)
        } catch {
            throw RPCError(code: RPCError.internalErrorCode, message: "\(error)")
        }
    }
}
