import Foundation
import Reports

/// A Model Context Protocol server over stdio: reads one JSON-RPC message per line, answers
/// each request on one line, and only ever reads the knowledge base. A tool that fails is an
/// `isError` result; a message that is not JSON-RPC is an error answer; neither ends the session.
struct MCPServer {
    /// The newest revision first: a client asking for one of these gets it, any other the newest.
    static let protocolVersions = ["2025-06-18", "2025-03-26", "2024-11-05"]

    /// Global options every tool call inherits (`--db`, `--today`).
    let inherited: [String]

    /// The answer to one line, or nil for a notification (and a blank line).
    func answer(_ line: String) -> String? {
        guard !line.allSatisfy(\.isWhitespace) else { return nil }
        switch JSONRPC.parse(line) {
        case .failure(let failure):
            return JSONRPC.response(to: failure)
        case .success(let message):
            guard let id = message.id else { return nil }
            do {
                return JSONRPC.response(id: id, result: try handle(message))
            } catch var failure as JSONRPC.Failure {
                failure.id = id
                return JSONRPC.response(to: failure)
            } catch {
                return JSONRPC.response(to: JSONRPC.Failure(code: JSONRPC.Failure.internalError, message: "internal error: \(error)", id: id))
            }
        }
    }

    private func handle(_ message: JSONRPC.Message) throws -> [String: Any] {
        switch message.method {
        case "initialize":
            let asked = message.params["protocolVersion"] as? String
            return [
                "protocolVersion": asked.flatMap { Self.protocolVersions.contains($0) ? $0 : nil } ?? Self.protocolVersions[0],
                "capabilities": ["tools": ["listChanged": false]],
                "serverInfo": ["name": "planq", "title": "planq", "version": CLI.version],
                "instructions": "planq answers from a knowledge base imported from Markdown plans: where projects stand (status), "
                    + "their tasks, gates, risks, metrics and notes, reports (week N review, burndown with forecast, retro), "
                    + "full-text search and read-only SQL. It never writes; run `planq import` to refresh it.",
            ]
        case "ping":
            return [:]
        case "tools/list":
            return ["tools": MCPTool.all.map(\.definition)]
        case "tools/call":
            guard let name = message.params["name"] as? String else {
                throw JSONRPC.Failure(code: JSONRPC.Failure.invalidParams, message: "tools/call needs the tool's name")
            }
            guard let tool = MCPTool.named(name) else {
                throw JSONRPC.Failure(code: JSONRPC.Failure.invalidParams,
                                      message: "unknown tool '\(name)' (tools: \(MCPTool.all.map(\.name).joined(separator: ", ")))")
            }
            guard let arguments = (message.params["arguments"] ?? [String: Any]()) as? [String: Any] else {
                throw JSONRPC.Failure(code: JSONRPC.Failure.invalidParams, message: "arguments must be an object")
            }
            return try call(tool, arguments)
        default:
            throw JSONRPC.Failure(code: JSONRPC.Failure.methodNotFound, message: "method not found: \(message.method)")
        }
    }

    /// Runs the tool's command with JSON output for `structuredContent`, and once more when the
    /// text copy is asked for in Markdown.
    private func call(_ tool: MCPTool, _ arguments: [String: Any]) throws -> [String: Any] {
        let textFormat = arguments["format"] as? String ?? "json"
        guard ["json", "md"].contains(textFormat) else {
            throw JSONRPC.Failure(code: JSONRPC.Failure.invalidParams, message: "format is json or md")
        }
        var commandArguments = arguments
        commandArguments["format"] = nil
        let json: String
        do {
            json = try run(tool, tool.commandLine(commandArguments, format: "json"))
        } catch let failure as JSONRPC.Failure {
            throw failure
        } catch {
            return ["content": [["type": "text", "text": "\(error)"]], "isError": true]
        }
        let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        let structured = parsed as? [String: Any] ?? [tool.resultKey: parsed ?? NSNull()]
        var text = json
        if textFormat == "md", let markdown = try? run(tool, tool.commandLine(commandArguments, format: "md")) { text = markdown }
        return ["content": [["type": "text", "text": text]], "structuredContent": structured, "isError": false]
    }

    /// The command's output; its usage errors and failures are thrown with their one-line cause.
    private func run(_ tool: MCPTool, _ line: [String]) throws -> String {
        let parsed = try ParsedArguments(inherited + line, specs: tool.command.options + OptionSpec.global)
        let invocation = try Invocation(tool.command, parsed, capture: true, readOnly: true)
        _ = try tool.command.run(invocation)
        try invocation.output.flush()
        return invocation.output.captured
    }

    /// Answers standard input line by line until it ends.
    func serve() {
        while let line = readLine(strippingNewline: true) {
            guard let reply = answer(line) else { continue }
            // A client that went away ends the session (SIGPIPE is ignored: the write fails).
            guard GeneratedFile.writeAll(Array((reply + "\n").utf8), to: STDOUT_FILENO) == nil else { return }
        }
    }
}

struct MCPCommand: Command {
    let name = "mcp"
    let summary = "serve the knowledge base to an AI assistant over the Model Context Protocol (stdio), read-only"
    let arguments = ""
    let options: [OptionSpec] = []
    let formats: [Settings.Format] = [.md]
    let details = """
        Reads JSON-RPC 2.0 messages, one per line, on standard input and answers on standard
        output (MCP revision 2025-06-18; 2025-03-26 and 2024-11-05 are negotiated). Tools: status,
        tasks, gates, risks, metrics, notes, report, search, query (read-only SQL with the limits
        of `planq query`) and check, each with an input schema and structured results. It never
        writes the knowledge base or a document; --db and --today apply to every call.
        Register it with a client as the command `planq mcp --db /path/to/.planq/planq.db`.
        """

    func run(_ invocation: Invocation) throws -> Int32 {
        var inherited: [String] = ["--db=\(invocation.settings.databasePath)"]
        if let today = invocation.arguments.values["today"] { inherited.append("--today=\(today)") }
        MCPServer(inherited: inherited).serve()
        return 0
    }
}
