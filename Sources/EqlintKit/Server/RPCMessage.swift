/// JSON-RPC 2.0 messages as the Language Server Protocol uses them.
package enum RPCMessage: Sendable, Equatable {
    /// A call that wants an answer.
    case request(id: RequestID, method: String, params: JSONValue?)
    /// A call that wants none.
    case notification(method: String, params: JSONValue?)
    /// The answer to a request the server sent the client.
    case response(id: RequestID?, result: JSONValue?, error: RPCError?)

    /// Reads a parsed body: an invalid request (with its id, when one can be
    /// read) when it is JSON but not a JSON-RPC message.
    package static func read(_ value: JSONValue) -> Result<RPCMessage, InvalidMessage> {
        guard case .object = value else {
            return .failure(InvalidMessage(id: nil, message: "a message must be a JSON object"))
        }
        let id = value["id"].flatMap(RequestID.init)
        if let method = value["method"] {
            guard let name = method.string else { return .failure(InvalidMessage(id: id, message: "'method' must be a string")) }
            let params = value["params"]
            switch params {
            case nil, .null?, .object?, .array?: break
            default: return .failure(InvalidMessage(id: id, message: "'params' must be an object or an array"))
            }
            guard value["id"] != nil else { return .success(.notification(method: name, params: params)) }
            guard let id else { return .failure(InvalidMessage(id: nil, message: "'id' must be a number or a string")) }
            return .success(.request(id: id, method: name, params: params))
        }
        if value["result"] != nil || value["error"] != nil {
            let error = value["error"].flatMap(RPCError.init)
            return .success(.response(id: id, result: value["result"], error: error))
        }
        return .failure(InvalidMessage(id: id, message: "a message needs a 'method', a 'result' or an 'error'"))
    }

    /// The message as JSON.
    package var json: JSONValue {
        switch self {
        case .request(let id, let method, let params):
            return .fields(["jsonrpc": "2.0", "id": id.json, "method": .string(method), "params": params])
        case .notification(let method, let params):
            return .fields(["jsonrpc": "2.0", "method": .string(method), "params": params])
        case .response(let id, let result, let error):
            if let error {
                return .fields(["jsonrpc": "2.0", "id": id?.json ?? .null, "error": error.json])
            }
            return .fields(["jsonrpc": "2.0", "id": id?.json ?? .null, "result": result ?? .null])
        }
    }

    /// A message that is JSON but not JSON-RPC.
    package struct InvalidMessage: Error, Equatable {
        package var id: RequestID?
        package var message: String
    }
}

/// A request's id: a number or a string.
package enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case int(Int)
    case string(String)

    package init?(_ value: JSONValue) {
        switch value {
        case .string(let text): self = .string(text)
        default:
            guard let number = value.int else { return nil }
            self = .int(number)
        }
    }

    package var json: JSONValue {
        switch self {
        case .int(let number): return .int(number)
        case .string(let text): return .string(text)
        }
    }

    package var description: String {
        switch self {
        case .int(let number): return String(number)
        case .string(let text): return text
        }
    }
}

/// An error answer: a code from JSON-RPC or the LSP, and a sentence.
package struct RPCError: Error, Sendable, Equatable {
    package var code: Int
    package var message: String

    package init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    init?(_ value: JSONValue) {
        guard let code = value["code"]?.int else { return nil }
        self.code = code
        message = value["message"]?.string ?? ""
    }

    var json: JSONValue { .fields(["code": .int(code), "message": .string(message)]) }

    // JSON-RPC's codes.
    package static let parseErrorCode = -32700
    package static let invalidRequestCode = -32600
    package static let methodNotFoundCode = -32601
    package static let invalidParamsCode = -32602
    package static let internalErrorCode = -32603
    // The LSP's own.
    package static let serverNotInitializedCode = -32002
    package static let requestCancelledCode = -32800
    package static let contentModifiedCode = -32801

    package static func parseError(_ detail: String) -> RPCError {
        RPCError(code: parseErrorCode, message: "not valid JSON: \(detail)")
    }

    package static func invalidRequest(_ detail: String) -> RPCError {
        RPCError(code: invalidRequestCode, message: detail)
    }

    package static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: methodNotFoundCode, message: "eqlint does not handle '\(method)'")
    }

    package static func invalidParams(_ detail: String) -> RPCError {
        RPCError(code: invalidParamsCode, message: detail)
    }

    package static let notInitialized = RPCError(code: serverNotInitializedCode, message: "the server is not initialized yet: send 'initialize' first")
    package static let cancelled = RPCError(code: requestCancelledCode, message: "the request was cancelled")
}
