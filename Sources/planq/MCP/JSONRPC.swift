import Foundation

/// JSON-RPC 2.0 as MCP's stdio transport frames it: one message per line, UTF-8, no batches.
enum JSONRPC {
    /// A request's id: a string or a number, echoed in its answer as it came.
    enum ID: Sendable, Equatable {
        case integer(Int), number(Double), string(String)

        init?(_ value: Any) {
            if let string = value as? String { self = .string(string); return }
            guard let number = value as? NSNumber, !MCPTool.isBoolean(number) else { return nil }
            if let integer = Int(exactly: number.doubleValue), String(cString: number.objCType) != "d" { self = .integer(integer) } else { self = .number(number.doubleValue) }
        }

        var json: Any {
            switch self {
            case .integer(let value): return value
            case .number(let value): return value
            case .string(let value): return value
            }
        }
    }

    /// A request (with an id, answered) or a notification (without, never answered).
    struct Message {
        let id: ID?
        let method: String
        let params: [String: Any]
        var isNotification: Bool { id == nil }
    }

    /// A failure answered as a JSON-RPC error object.
    struct Failure: Error {
        let code: Int
        let message: String
        /// The request's id when it could be read (null for a parse error).
        var id: ID?

        static let parseError = -32700, invalidRequest = -32600, methodNotFound = -32601, invalidParams = -32602, internalError = -32603
    }

    /// Reads one line: a message, or the failure to answer it with.
    static func parse(_ line: String) -> Result<Message, Failure> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]) else {
            return .failure(Failure(code: Failure.parseError, message: "parse error: not JSON"))
        }
        guard let request = object as? [String: Any] else {
            return .failure(Failure(code: Failure.invalidRequest, message: object is [Any]
                ? "invalid request: batches are not part of MCP since 2025-06-18; send one message per line"
                : "invalid request: a message is a JSON object"))
        }
        let rawID = request["id"].flatMap { $0 is NSNull ? nil : $0 }
        let id = rawID.flatMap(ID.init)
        if rawID != nil, id == nil {
            return .failure(Failure(code: Failure.invalidRequest, message: "invalid request: id must be a string or a number"))
        }
        guard request["jsonrpc"] as? String == "2.0" else {
            return .failure(Failure(code: Failure.invalidRequest, message: "invalid request: jsonrpc must be \"2.0\"", id: id))
        }
        guard let method = request["method"] as? String else {
            // A response from the client (to a request planq never sends) is ignored like a notification.
            if request["result"] != nil || request["error"] != nil { return .success(Message(id: nil, method: "", params: [:])) }
            return .failure(Failure(code: Failure.invalidRequest, message: "invalid request: method must be a string", id: id))
        }
        let params = request["params"]
        if let params, !(params is [String: Any]) {
            return .failure(Failure(code: Failure.invalidParams, message: "invalid params: params must be an object", id: id))
        }
        return .success(Message(id: id, method: method, params: params as? [String: Any] ?? [:]))
    }

    static func response(id: ID, result: [String: Any]) -> String {
        line(["jsonrpc": "2.0", "id": id.json, "result": result])
    }

    static func response(to failure: Failure) -> String {
        line(["jsonrpc": "2.0", "id": failure.id?.json ?? NSNull(), "error": ["code": failure.code, "message": failure.message]])
    }

    /// One message as one line: keys sorted, so transcripts diff cleanly.
    static func line(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return #"{"error":{"code":-32603,"message":"internal error: the answer could not be encoded"},"id":null,"jsonrpc":"2.0"}"#
        }
        return String(decoding: data, as: UTF8.self)
    }
}
