import PlanModel
import Foundation

/// One command-line option: its names, whether it takes a value, and its help line.
/// Every option lives in one table; `--help` is generated from it.
struct OptionSpec: Sendable {
    let name: String          // long name without dashes
    let short: Character?
    let value: String?        // placeholder when the option takes a value
    let help: String

    static let db = OptionSpec(name: "db", short: nil, value: "FILE", help: "knowledge base file (default .planq/planq.db here or in a parent folder, or $PLANQ_DB)")
    static let format = OptionSpec(name: "format", short: nil, value: "FMT", help: "md, json or csv (md: aligned on a terminal, Markdown otherwise); reports also html")
    static let output = OptionSpec(name: "output", short: "o", value: "FILE", help: "write the output to FILE instead of standard output")
    static let today = OptionSpec(name: "today", short: nil, value: "DATE", help: "the date to report as of, YYYY-MM-DD (or $PLANQ_TODAY)")
    static let color = OptionSpec(name: "color", short: nil, value: "WHEN", help: "auto, always or never (NO_COLOR is honoured)")
    static let quiet = OptionSpec(name: "quiet", short: "q", value: nil, help: "print no progress or summary")
    static let verbose = OptionSpec(name: "verbose", short: "v", value: nil, help: "print more detail on standard error")
    static let help = OptionSpec(name: "help", short: "h", value: nil, help: "show this help")
    static let version = OptionSpec(name: "version", short: nil, value: nil, help: "print planq's version")

    static let html = OptionSpec(name: "html", short: nil, value: nil, help: "short for --format html (reports)")
    static let global: [OptionSpec] = [db, format, html, output, today, color, quiet, verbose, help]

    static let project = OptionSpec(name: "project", short: "p", value: "P", help: "only projects whose key or name starts with P")
    static let week = OptionSpec(name: "week", short: "w", value: "N", help: "only tasks scheduled in week N")
    static let phase = OptionSpec(name: "phase", short: nil, value: "N", help: "only tasks in phase N")
    static let owner = OptionSpec(name: "owner", short: nil, value: "NAME", help: "only tasks owned by NAME (case-insensitive)")
    static let status = OptionSpec(name: "status", short: "s", value: "S", help: "only tasks with status S: open, done, in_progress, cancelled, deferred, planned")
    static let kind = OptionSpec(name: "kind", short: "k", value: "K", help: "only gates of kind K: week, phase, final, exit, checkpoint, go, no-go, rollback")
    static let verdict = OptionSpec(name: "verdict", short: nil, value: "V", help: "only gates with verdict V: passed, ready, at-risk, not-due")
    static let severity = OptionSpec(name: "severity", short: nil, value: "S", help: "only risks of severity S: high, medium, low, unknown")
    static let metricStatus = OptionSpec(name: "status", short: "s", value: "S", help: "only metrics with status S: met, missed, pending, unknown")
    static let noteKind = OptionSpec(name: "kind", short: "k", value: "K", help: "only notes of kind K: blocker, went-well, to-improve, lesson, decision, deferred, next-step")
    static let start = OptionSpec(name: "start", short: nil, value: "DATE", help: "the project's start date, YYYY-MM-DD, when its documents leave it blank")
    static let runs = OptionSpec(name: "runs", short: nil, value: "N", help: "Monte Carlo runs of the forecast (default 10000, at most 1000000)")
    static let seed = OptionSpec(name: "seed", short: nil, value: "N", help: "the forecast's random seed (default 7): the same seed gives the same report")
    static let force = OptionSpec(name: "force", short: nil, value: nil, help: "report site: write into a folder that holds other files (they are kept)")
    static let history = OptionSpec(name: "history", short: nil, value: nil, help: "first replay the documents' git history, each commit at its date (for the burndown)")
    static let searchKind = OptionSpec(name: "kind", short: "k", value: "K", help: "only items of kind K: task, gate, risk, metric, note")
    static let supersedes = OptionSpec(name: "supersedes", short: nil, value: "N", help: "the new record supersedes record N (its status line is updated)")
    static let adrDir = OptionSpec(name: "dir", short: nil, value: "DIR", help: "the ADR folder (default: .adr-dir, docs/adr, docs/decisions, doc/adr)")
    static let adrStatus = OptionSpec(name: "status", short: "s", value: "S", help: "the new record's status (default proposed)")
    static let fromNote = OptionSpec(name: "from-note", short: nil, value: "ID", help: "make the record from decision note ID (planq notes --kind decision)")
    static let reports = OptionSpec(name: "reports", short: nil, value: nil, help: "describe the report JSON (schema_version 2) instead of the tables")
    static let rebuild = OptionSpec(name: "rebuild", short: nil, value: nil, help: "drop everything imported before and import from scratch")

    /// The same option with a help line that names what it filters on this command.
    func helping(_ help: String) -> OptionSpec { OptionSpec(name: name, short: short, value: value, help: help) }

    var usage: String {
        let flag = "--\(name)" + (value.map { " \($0)" } ?? "")
        return "[\(flag)]"
    }
}

/// A usage error: printed with the command's usage line, exit code 2.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The parsed command line: option values by long name, and positional arguments.
struct ParsedArguments {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positional: [String] = []

    /// Parses `arguments` against `specs`. `--name=value`, `--name value`, `-x value` and
    /// `--` (everything after it is positional) are accepted.
    init(_ arguments: [String], specs: [OptionSpec]) throws {
        var index = 0
        func spec(named name: String) throws -> OptionSpec {
            guard let spec = specs.first(where: { $0.name == name }) else {
                let suggestion = Suggestion.nearest(to: name, among: specs.map(\.name))
                throw UsageError(message: "unknown option --\(name)" + (suggestion.map { "; did you mean --\($0)?" } ?? ""))
            }
            return spec
        }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                positional += arguments[index...]
                break
            }
            var found: OptionSpec?
            var inline: String?
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    found = try spec(named: String(body[..<equals]))
                    inline = String(body[body.index(after: equals)...])
                } else {
                    found = try spec(named: String(body))
                }
            } else if argument.hasPrefix("-"), argument.count == 2, let letter = argument.last, !letter.isNumber {
                guard let match = specs.first(where: { $0.short == letter }) else { throw UsageError(message: "unknown option \(argument)") }
                found = match
            } else {
                positional.append(argument)
                continue
            }
            guard let option = found else { continue }
            if option.value != nil {
                if let inline {
                    values[option.name] = inline
                } else if index < arguments.count {
                    values[option.name] = arguments[index]
                    index += 1
                } else {
                    throw UsageError(message: "option --\(option.name) needs a value (\(option.value!))")
                }
            } else {
                if inline != nil { throw UsageError(message: "option --\(option.name) takes no value") }
                flags.insert(option.name)
            }
        }
    }

    /// An option whose value must be one of a type's raw values; `noun` names it in the error.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ noun: String, as type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = values[name] else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(message: "unknown \(noun) '\(text)' (\(allowed))")
        }
        return value
    }

    func int(_ name: String) throws -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text), value >= 0 else { throw UsageError(message: "--\(name) needs a number, got '\(text)'") }
        return value
    }
}

/// Settings that come from options, the environment and defaults, resolved in one place.
struct Settings {
    enum Format: String { case md, json, csv, html }

    let databasePath: String
    /// The project root: document paths are stored relative to it.
    let root: ProjectRoot
    let format: Format
    let outputPath: String?
    let today: String
    let quiet: Bool
    let verbose: Bool
    let color: Bool

    init(_ arguments: ParsedArguments, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        root = ProjectRoot.locate(database: arguments.values["db"] ?? environment["PLANQ_DB"].flatMap { $0.isEmpty ? nil : $0 })
        databasePath = root.database
        let formatText = arguments.flags.contains("html") ? "html" : arguments.values["format"] ?? "md"
        guard let format = Format(rawValue: formatText) else {
            throw UsageError(message: "unknown format '\(formatText)' (md, json, csv; html for reports)")
        }
        self.format = format
        outputPath = arguments.values["output"]
        let todayText = arguments.values["today"] ?? environment["PLANQ_TODAY"].flatMap { $0.isEmpty ? nil : $0 }
        if let todayText {
            guard let date = CalendarDate(todayText) else { throw UsageError(message: "--today needs a date as YYYY-MM-DD, got '\(todayText)'") }
            today = date.description
        } else {
            today = CalendarDate.today().description
        }
        quiet = arguments.flags.contains("quiet")
        verbose = arguments.flags.contains("verbose")
        switch arguments.values["color"] ?? "auto" {
        case "always": color = true
        case "never": color = false
        case "auto": color = environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1 && arguments.values["output"] == nil
        case let other: throw UsageError(message: "--color takes auto, always or never, got '\(other)'")
        }
    }
}

/// The nearest known word to a mistyped one (`taks` → `tasks`), for "did you mean" hints: within
/// two edits (one for short words), or the only word it is a prefix of.
enum Suggestion {
    static func nearest(to typed: String, among words: [String]) -> String? {
        let typed = typed.lowercased()
        let limit = typed.count <= 3 ? 1 : 2
        let scored = words.map { ($0, distance(typed, $0)) }.filter { $0.1 <= limit }
        if let best = scored.min(by: { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }) { return best.0 }
        let prefixed = words.filter { $0.hasPrefix(typed) }
        return typed.count >= 2 && prefixed.count == 1 ? prefixed[0] : nil
    }

    /// Edit distance with adjacent swaps (Damerau-Levenshtein, optimal string alignment).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1) }
            }
        }
        return rows[a.count][b.count]
    }
}
