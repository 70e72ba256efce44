import Reports
import Foundation
import PlanModel

/// What every command gets: its parsed arguments, resolved settings and output.
struct Invocation {
    let arguments: ParsedArguments
    let settings: Settings
    let output: Output
    /// Where every line for standard error goes, counted: the exit code reads it.
    let diagnostics: Diagnostics
    /// Whether nothing may write the knowledge base (the MCP server's commands).
    var readOnly = false

    func openKnowledgeBase(readOnly: Bool = true) throws -> KnowledgeBase {
        if !readOnly, self.readOnly { throw CommandFailure("this session only reads the knowledge base") }
        return try KnowledgeBase(path: settings.databasePath, mode: readOnly ? .readOnly : .readWrite)
    }

    /// `--start`, checked: the start date for projects whose documents leave it blank.
    func startDate() throws -> String? {
        guard let text = arguments.values["start"] else { return nil }
        guard let date = CalendarDate(text) else { throw UsageError(message: "--start needs a date as YYYY-MM-DD, got '\(text)'") }
        return date.description
    }

    /// `--runs` and `--seed` for the forecast, checked.
    func forecastSettings() throws -> MonteCarloForecast.Settings {
        let runs = try arguments.int("runs") ?? MonteCarloForecast.Settings.standard.runs
        guard (1...MonteCarloForecast.Settings.maximumRuns).contains(runs) else {
            throw UsageError(message: "--runs needs a number from 1 to \(MonteCarloForecast.Settings.maximumRuns), got \(runs)")
        }
        let seed = try arguments.int("seed").map(UInt64.init) ?? MonteCarloForecast.Settings.defaultSeed
        return MonteCarloForecast.Settings(runs: runs, seed: seed)
    }

    /// The projects `--project` selects, or nil for all; an unmatched name is an error.
    func selectedProjects(in knowledgeBase: KnowledgeBase) throws -> [Project]? {
        guard let match = arguments.values["project"] else { return nil }
        let projects = try knowledgeBase.projects(matching: match)
        if projects.isEmpty {
            throw CommandFailure("no project matches '\(match)'" + Self.naming(try knowledgeBase.projects().map(\.name)))
        }
        return projects
    }

    /// ` (projects: A, B, C)` for an error about a project name, or "" when there are none.
    static func naming(_ projects: [String]) -> String {
        projects.isEmpty ? "" : " (projects: \(listing(projects)))"
    }

    /// Project names for an error message: the first dozen only, since a knowledge base may hold thousands.
    static func listing(_ projects: [String], shown: Int = 12) -> String {
        let listed = projects.prefix(shown).joined(separator: ", ")
        return projects.count > shown ? listed + ", and \(projects.count - shown) more (`planq status` lists them)" : listed
    }
}

extension Invocation {
    /// What `parsed` asks of `command`: settings resolved and its format checked. `capture`
    /// keeps the output for the caller (the MCP server) instead of writing it.
    init(_ command: any Command, _ parsed: ParsedArguments, capture: Bool = false, readOnly: Bool = false) throws {
        let settings = try Settings(parsed)
        if !command.formats.contains(settings.format) {
            let formats = command.formats.map(\.rawValue).joined(separator: ", ")
            throw UsageError(message: settings.format == .html && command.formats.contains(.csv)
                ? "html is a report format (planq report ... --html); \(command.name) prints \(formats)"
                : "\(command.name) prints \(formats), not \(settings.format.rawValue)")
        }
        let output = capture ? Output(capturing: ()) : Output(path: command.ownsOutputPath(parsed) ? nil : settings.outputPath, color: settings.color)
        self.init(arguments: parsed, settings: settings, output: output,
                  diagnostics: Diagnostics(quiet: settings.quiet || capture, verbose: settings.verbose && !capture), readOnly: readOnly)
    }
}

/// A command: its name, one-line summary, usage, options and what it runs.
protocol Command: Sendable {
    var name: String { get }
    var summary: String { get }
    var arguments: String { get }
    var options: [OptionSpec] { get }
    var details: String { get }
    /// The `--format`s the command prints; any other is refused as a usage error, never ignored.
    var formats: [Settings.Format] { get }
    /// Whether `-o FILE` names a file the command writes itself (a generator), not where its
    /// standard output goes.
    var ownsOutputPath: Bool { get }
    /// `ownsOutputPath` for one command line (`report site -o DIR` writes a folder itself).
    func ownsOutputPath(_ arguments: ParsedArguments) -> Bool
    func run(_ invocation: Invocation) throws -> Int32
}

extension Command {
    var details: String { "" }
    var formats: [Settings.Format] { [.md, .json, .csv] }
    var ownsOutputPath: Bool { false }
    func ownsOutputPath(_ arguments: ParsedArguments) -> Bool { ownsOutputPath }
    var usage: String {
        let own = options.map(\.usage).joined(separator: " ")
        return ["usage: planq \(name)", arguments, own, "[global options]"].filter { !$0.isEmpty }.joined(separator: " ")
    }

    var help: String {
        var lines = [usage, "", summary]
        if !details.isEmpty { lines += ["", details] }
        func describe(_ specs: [OptionSpec]) -> [String] {
            specs.map { spec in
                var flag = (spec.short.map { "-\($0), " } ?? "    ") + "--\(spec.name)"
                if let value = spec.value { flag += " \(value)" }
                return "  " + flag.padding(toLength: 24, withPad: " ", startingAt: 0) + " " + spec.help
            }
        }
        if !options.isEmpty { lines += ["", "Options:"] + describe(options) }
        lines += ["", "Formats (--format): " + formats.map(\.rawValue).joined(separator: ", ") + "; any other is refused."]
        lines += ["", "Global options:"] + describe(OptionSpec.global)
        return lines.joined(separator: "\n")
    }
}

/// Every command, in the order `planq --help` lists them.
enum CommandRegistry {
    static let all: [any Command] = [
        ImportCommand(), StatusCommand(), TasksCommand(), GatesCommand(), RisksCommand(), MetricsCommand(), NotesCommand(),
        ReportCommand(), CheckCommand(), SearchCommand(), OwnersCommand(), ProjectsCommand(), ProjectCommand(),
        NewCommand(), ADRsCommand(), QueryCommand(), SchemaCommand(), WatchCommand(), MCPCommand(), CompletionsCommand(), ManCommand(),
    ]

    static func command(named name: String) -> (any Command)? { all.first { $0.name == name } }

    static var usage: String { "usage: planq COMMAND [options]   (planq --help lists the commands)" }

    static var help: String {
        var lines = [
            "planq — plans in Markdown, answers from SQLite",
            "",
            "usage: planq COMMAND [options]",
            "",
            "Commands:",
        ]
        for command in all { lines.append("  " + command.name.padding(toLength: 13, withPad: " ", startingAt: 0) + command.summary) }
        lines += [
            "",
            "Global options:",
        ] + OptionSpec.global.map { spec in
            var flag = (spec.short.map { "-\($0), " } ?? "    ") + "--\(spec.name)"
            if let value = spec.value { flag += " \(value)" }
            return "  " + flag.padding(toLength: 24, withPad: " ", startingAt: 0) + " " + spec.help
        } + [
            "      --version                print planq's version",
            "",
            "Exit codes: 0 ok, 1 failure (cause on standard error), 2 usage error, 3 import landed but some",
            "files could not be read (each named on standard error),",
            "141 when the reader of standard output went away (a closed pipe: nothing more is written).",
            "Run `planq COMMAND --help` for a command's options.",
        ]
        return lines.joined(separator: "\n")
    }
}

/// Runs the command line and returns the exit code: the only logic `main.swift` calls.
enum CLI {
    static let version = "0.1.0"

    /// The index of the command name: the first argument that is neither a global option
    /// nor a global option's value.
    static func commandPosition(in arguments: [String]) -> Int? {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("-"), argument.count > 1 else { return index }
            let name = argument.hasPrefix("--") ? String(argument.dropFirst(2).prefix { $0 != "=" }) : nil
            let spec = OptionSpec.global.first { $0.name == name || (name == nil && argument.count == 2 && $0.short == argument.last) }
            index += (spec?.value != nil && !argument.contains("=")) ? 2 : 1
        }
        return nil
    }

    static func main(_ argv: [String]) -> Int32 {
        signal(SIGPIPE, SIG_IGN) // a closed pipe becomes EPIPE, which Output reports by its exit code
        signal(SIGXFSZ, SIG_IGN) // a file size limit becomes EFBIG, reported like a full disk
        let arguments = Array(argv.dropFirst())
        // Until the options are read: usage errors are always shown.
        let early = Diagnostics(quiet: false, verbose: false)
        if arguments.isEmpty {
            early.failure(CommandRegistry.usage)
            return 2
        }
        if arguments == ["--version"] || arguments == ["version"] {
            print("planq \(version) (SQLite \(Database.libraryVersion))")
            return 0
        }
        if arguments.first == "--help" || arguments.first == "-h" || arguments.first == "help" {
            if arguments.count > 1, let command = CommandRegistry.command(named: arguments[1]) {
                print(command.help)
            } else {
                print(CommandRegistry.help)
            }
            return 0
        }
        // Global options may come before the command: `planq --db x.db import docs/`.
        guard let position = commandPosition(in: arguments) else {
            early.failure("planq: error: no command given")
            early.failure(CommandRegistry.usage)
            return 2
        }
        guard let command = CommandRegistry.command(named: arguments[position]) else {
            let suggestion = Suggestion.nearest(to: arguments[position], among: CommandRegistry.all.map(\.name))
            early.failure("planq: error: unknown command '\(arguments[position])'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
            early.failure(CommandRegistry.usage)
            return 2
        }
        var rest = arguments
        rest.remove(at: position)
        let invocation: Invocation
        do {
            let parsed = try ParsedArguments(rest, specs: command.options + OptionSpec.global + [OptionSpec.version])
            if parsed.flags.contains("help") {
                print(command.help)
                return 0
            }
            if parsed.flags.contains("version") {
                print("planq \(version)")
                return 0
            }
            invocation = try Invocation(command, parsed)
        } catch {
            early.failure("planq \(command.name): error: \(error)")
            early.failure(command.usage)
            return 2
        }
        let diagnostics = invocation.diagnostics
        do {
            let code = try command.run(invocation)
            try invocation.output.flush()
            return diagnostics.exitCode(after: code)
        } catch Output.Closed.pipe {
            return Output.Closed.exitCode
        } catch let error as UsageError {
            diagnostics.failure("planq \(command.name): error: \(error)")
            diagnostics.failure(command.usage)
            return 2
        } catch {
            diagnostics.failure("planq \(command.name): error: \(error)")
            return 1
        }
    }
}
