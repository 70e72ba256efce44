import Foundation

/// A tool the MCP server offers: a reading command of the command line, its options as the
/// input schema, run in this process with its output kept. One code path answers the command
/// line and the AI pair, so both see the same numbers.
struct MCPTool {
    /// A named argument that becomes a positional one on the command line.
    struct Positional {
        let name: String
        let schema: [String: Any]
        let required: Bool
    }

    let name: String
    let title: String
    let description: String
    let command: any Command
    let positional: [Positional]
    /// Options of the command not offered (they write files or only matter to a terminal).
    var hidden: Set<String> = []
    /// Options whose schema is not the one their placeholder gives (`week` may be `current`).
    var schemas: [String: [String: Any]] = [:]
    /// The key a JSON array of results is kept under in `structuredContent` (an object).
    let resultKey: String

    static var weekOrCurrent: [String: Any] { ["type": ["integer", "string"], "description": "a week number, or \"current\" (each project's week as of today)"] }

    static var all: [MCPTool] { [
        MCPTool(name: "status", title: "Where each project stands", description: "Per project: progress, current week, next gate, open high risks, metrics missed.",
                command: StatusCommand(), positional: [], resultKey: "projects"),
        MCPTool(name: "tasks", title: "Tasks", description: "Tasks with status, week, phase, owners and source (path:line), filtered.",
                command: TasksCommand(), positional: [], schemas: ["week": weekOrCurrent], resultKey: "tasks"),
        MCPTool(name: "gates", title: "Gates", description: "Go/no-go gates and checkpoints with their criteria met, open tasks and verdict (passed, ready, at-risk, not-due).",
                command: GatesCommand(), positional: [], resultKey: "gates"),
        MCPTool(name: "risks", title: "Risk register", description: "Risks with severity, likelihood, impact, mitigation, contingency, owner and source.",
                command: RisksCommand(), positional: [], resultKey: "risks"),
        MCPTool(name: "metrics", title: "Success metrics", description: "Success metrics with target, actual and status (met, missed, pending).",
                command: MetricsCommand(), positional: [], resultKey: "metrics"),
        MCPTool(name: "notes", title: "Notes", description: "Decisions, lessons, blockers and other notes from the plans.",
                command: NotesCommand(), positional: [], resultKey: "notes"),
        MCPTool(name: "report", title: "A report", description: "A report as JSON (structured) and as JSON or Markdown text: week (the weekly checkpoint review; give week), burndown (with the Monte Carlo forecast), gates, risks, metrics, retro.",
                command: ReportCommand(), positional: [
                    Positional(name: "report", schema: ["type": "string", "enum": ["week", "burndown", "gates", "risks", "metrics", "retro"],
                                                        "description": "which report"], required: true),
                    Positional(name: "week", schema: weekOrCurrent, required: false),
                ], resultKey: "report"),
        MCPTool(name: "search", title: "Search", description: "Full-text search over everything imported, best matches first.",
                command: SearchCommand(), positional: [
                    Positional(name: "text", schema: ["type": "string", "description": "what to look for"], required: true),
                ], resultKey: "matches"),
        MCPTool(name: "query", title: "Read-only SQL", description: "One read-only SQL statement on the knowledge base (`planq schema` describes its tables), with a time and a row limit; writing is refused.",
                command: QueryCommand(), positional: [
                    Positional(name: "sql", schema: ["type": "string", "description": "one SELECT (or WITH ... SELECT) statement"], required: true),
                ], resultKey: "rows"),
        MCPTool(name: "check", title: "Disagreements", description: "Where documents disagree (a task done in one and open in another, a gate passed with unmet criteria, a metric marked met that misses its target).",
                command: CheckCommand(), positional: [], resultKey: "disagreements"),
    ] }

    static func named(_ name: String) -> MCPTool? { all.first { $0.name == name } }

    /// The options offered: the command's, then `today`, never those in `hidden`.
    var options: [OptionSpec] { (command.options + [OptionSpec.today]).filter { !hidden.contains($0.name) } }

    var definition: [String: Any] {
        var properties: [String: Any] = [:]
        for parameter in positional { properties[parameter.name] = parameter.schema }
        for option in options { properties[option.name] = schemas[option.name] ?? Self.schema(of: option) }
        if command is ReportCommand {
            properties["format"] = ["type": "string", "enum": ["json", "md"], "description": "the text copy's format (default json)"]
        }
        return [
            "name": name, "title": title, "description": description,
            "inputSchema": ["type": "object", "properties": properties, "required": positional.filter(\.required).map(\.name),
                            "additionalProperties": false] as [String: Any],
            "annotations": ["readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false],
        ]
    }

    /// An option's JSON schema from its placeholder: N is an integer, no placeholder a flag.
    static func schema(of option: OptionSpec) -> [String: Any] {
        switch option.value {
        case nil: return ["type": "boolean", "description": option.help]
        case "N": return ["type": "integer", "minimum": 0, "description": option.help]
        case "DATE": return ["type": "string", "format": "date", "description": option.help]
        default: return ["type": "string", "description": option.help]
        }
    }

    /// The command line the arguments stand for; a wrong name or type is an invalid-params failure.
    func commandLine(_ arguments: [String: Any], format: String) throws -> [String] {
        let known = Set(positional.map(\.name) + options.map(\.name) + (command is ReportCommand ? ["format"] : []))
        if let unknown = arguments.keys.sorted().first(where: { !known.contains($0) }) {
            throw JSONRPC.Failure(code: JSONRPC.Failure.invalidParams, message: "\(name) takes no argument '\(unknown)' (it takes \(known.sorted().joined(separator: ", ")))")
        }
        var line = ["--format=\(format)"]
        for option in options {
            guard let value = arguments[option.name] else { continue }
            if option.value == nil {
                guard let number = value as? NSNumber, Self.isBoolean(number) else { throw invalid(option.name, "true or false") }
                if number.boolValue { line.append("--\(option.name)") }
            } else {
                line.append("--\(option.name)=\(try text(value, option.name))")
            }
        }
        var positionals: [String] = []
        for parameter in positional {
            guard let value = arguments[parameter.name] else {
                if parameter.required { throw JSONRPC.Failure(code: JSONRPC.Failure.invalidParams, message: "\(name) needs '\(parameter.name)'") }
                continue
            }
            positionals.append(try text(value, parameter.name))
        }
        return line + ["--"] + positionals
    }

    private func text(_ value: Any, _ argument: String) throws -> String {
        if let string = value as? String { return string }
        if let number = value as? NSNumber, !Self.isBoolean(number) {
            guard let integer = Int(exactly: number.doubleValue) else { throw invalid(argument, "a whole number") }
            return String(integer)
        }
        throw invalid(argument, "a string or a number")
    }

    /// JSON's true and false, told from 1 and 0 (both arrive as NSNumber).
    static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    private func invalid(_ argument: String, _ expected: String) -> JSONRPC.Failure {
        JSONRPC.Failure(code: JSONRPC.Failure.invalidParams, message: "\(name): '\(argument)' must be \(expected)")
    }
}
