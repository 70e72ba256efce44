import PlanModel

/// The report JSON, described: every report's fields, its sections' data and the objects they
/// hold, with types. `planq schema --reports` prints it; a test checks every report's JSON
/// against it, both ways (nothing undocumented, nothing documented missing).
///
/// Types: `string`, `integer`, `number`, `date` (YYYY-MM-DD), `source` (`path:line`), an enum
/// (`task-status`, `verdict`, `severity`, `metric-status`, `criterion-status`, `gate-kind`,
/// `note-kind`) or an object below; `T[]` is an array, `T?` may be null.
public enum ReportSchema {
    public struct Field: Sendable {
        public let name: String
        public let type: String
        public let meaning: String
        /// Whether the key may be absent (not only null).
        public let optional: Bool
        public init(_ name: String, _ type: String, _ meaning: String, optional: Bool = false) {
            self.name = name
            self.type = type
            self.meaning = meaning
            self.optional = optional
        }
    }

    public struct Shape: Sendable {
        public let name: String
        public let meaning: String
        public let fields: [Field]
    }

    public struct Section: Sendable {
        public let id: String
        public let fields: [Field]
        /// Whether the section may be absent (the week review's checkpoint question).
        public var optional = false
    }

    public struct Report: Sendable {
        public let name: String
        public let meaning: String
        public let facts: [Field]
        public let summary: [Field]
        public let sections: [Section]
    }

    /// Enum type names and the values each may take.
    public static let enums: [String: [String]] = [
        "task-status": TaskStatus.allCases.map(\.rawValue), "verdict": GateVerdict.allCases.map(\.rawValue),
        "severity": RiskItem.Severity.allCases.map(\.rawValue), "metric-status": MetricStatus.allCases.map(\.rawValue),
        "criterion-status": ["met", "unmet", "unknown"], "gate-kind": GateItem.Kind.allCases.map(\.rawValue),
        "note-kind": NoteItem.Kind.allCases.map(\.rawValue), "gate-role": ["closing", "overdue"],
    ]

    static let project = Field("project", "string", "the project's display name")
    static let asOf = Field("as_of", "date", "the day the report is as of (--today)")
    static let currentWeek = Field("current_week", "integer?", "the week the as-of day falls in; null without a start date (0: not started)")

    public static let objects: [Shape] = [
        Shape(name: "task", meaning: "a task, as `planq tasks --format json` has it", fields: [
            Field("id", "integer", "the task's id"), project, Field("title", "string", "the task"),
            Field("status", "task-status", "its status"), Field("week", "integer?", "the week it is scheduled in"),
            Field("phase", "integer?", "its phase"), Field("owners", "owner[]", "who does what"),
            Field("due", "string?", "its due date: YYYY-MM-DD when it reads as a date, else as written"),
            Field("done_on", "string?", "when it was done, likewise"),
            Field("source", "source", "where it is written"),
        ]),
        Shape(name: "owner", meaning: "an owner of a task and their part", fields: [
            Field("name", "string", "the owner"), Field("action", "string?", "what they do, when the plan says"),
        ]),
        Shape(name: "gate", meaning: "a gate, as `planq gates --format json` has it; reports add `open` (and the week review `role`)", fields: [
            Field("id", "integer", "the gate's id"), project, Field("kind", "gate-kind", "its kind"), Field("title", "string", "the gate"),
            Field("week", "integer?", "the week it closes"), Field("phase", "integer?", "the phase it closes"),
            Field("verdict", "verdict", "passed, ready, at-risk or not-due as of the report's day"),
            Field("evidence", "string", "why it has that verdict, in one clause"),
            Field("criteria", "criterion[]", "its criteria"), Field("criteria_met", "integer", "how many criteria are met"),
            Field("conditions", "criterion[]", "go/no-go or rollback conditions"),
            Field("tasks", "integer", "tasks in its scope"), Field("open_tasks", "integer", "of those, not done or cancelled"),
            Field("decision", "string?", "a checkpoint's recorded decision"), Field("source", "source", "where it is written"),
            Field("role", "gate-role", "week review only: closing (it closes the week or its phase) or overdue (an earlier gate at risk)", optional: true),
            Field("open", "task[]", "reports only: the open tasks in its scope", optional: true),
        ]),
        Shape(name: "criterion", meaning: "a gate criterion or condition", fields: [
            Field("text", "string", "the criterion"), Field("status", "criterion-status", "met, unmet or unknown"),
        ]),
        Shape(name: "risk", meaning: "a risk, as `planq risks --format json` has it", fields: [
            Field("id", "integer", "the risk's id"), project, Field("title", "string", "the risk"),
            Field("severity", "severity", "high, medium, low or unknown"), Field("level", "string?", "the level as written (P1, Critical, 7/10)"),
            Field("likelihood", "string?", "as written"), Field("impact", "string?", "as written"), Field("mitigation", "string?", "as written"),
            Field("contingency", "string?", "as written"), Field("owner", "string?", "as written"), Field("status", "string?", "as written"),
            Field("identifier", "string?", "its id in the document (R1, RISK-003)"), Field("week", "integer?", "the week it is tied to"),
            Field("source", "source", "where it is written"),
        ]),
        Shape(name: "metric", meaning: "a success metric, as `planq metrics --format json` has it", fields: [
            Field("id", "integer", "the metric's id"), project, Field("name", "string", "the metric"),
            Field("target", "string?", "as written"), Field("actual", "string?", "as written"), Field("baseline", "string?", "as written"),
            Field("status", "metric-status", "met, missed, pending or unknown, computed from target and actual"),
            Field("stated_status", "string?", "the status the document states"), Field("week", "integer?", "the week it is measured in"),
            Field("source", "source", "where it is written"),
        ]),
        Shape(name: "note", meaning: "a note, as `planq notes --format json` has it", fields: [
            Field("id", "integer", "the note's id"), project, Field("kind", "note-kind", "blocker, lesson, decision, ..."),
            Field("text", "string", "the note"), Field("week", "integer?", "the week it is tagged with"), Field("source", "source", "where it is written"),
        ]),
        Shape(name: "chart", meaning: "a line chart: series of points, only where something was measured", fields: [
            Field("x_label", "string", "Week, or Import when imports are numbered"), Field("y_label", "string", "Tasks"),
            Field("series", "series[]", "the lines"),
        ]),
        Shape(name: "series", meaning: "one line of a chart", fields: [
            Field("id", "string", "planned_remaining, actual_remaining or done"), Field("name", "string", "its name"),
            Field("points", "point[]", "its points, by x"),
        ]),
        Shape(name: "point", meaning: "a point of a series", fields: [Field("x", "integer", "the week (or import)"), Field("y", "integer", "tasks")]),
        Shape(name: "change", meaning: "what the latest import changed in a task", fields: [
            Field("change", "string", "added, removed or status"), Field("task", "string", "the task"), Field("week", "integer?", "its week"),
            Field("from", "task-status?", "its status before"), Field("to", "task-status?", "its status after (null when removed)"),
        ]),
        Shape(name: "disagreement", meaning: "two documents saying different things", fields: [
            Field("source", "source", "where"), Field("message", "string", "what disagrees"),
        ]),
        Shape(name: "scope-row", meaning: "the actual line at one week", fields: [
            Field("week", "integer", "the week (or import number)"), Field("date", "date", "the import's day"),
            Field("added", "integer", "tasks added"), Field("removed", "integer", "tasks removed"),
            Field("remaining", "integer", "tasks remaining"), Field("done", "integer", "tasks done"),
        ]),
        Shape(name: "forecast", meaning: "the finish at the pace so far (nulls until two weeks of imports show work done), and by Monte Carlo over the recorded weeks (nulls until three weeks)", fields: [
            Field("velocity", "number?", "tasks done per week"), Field("remaining", "integer?", "tasks remaining at the last import"),
            Field("end_week", "integer?", "the week the remaining work ends at that pace"), Field("planned_end_week", "integer?", "the plan's last week"),
            Field("weeks_late", "integer?", "end_week - planned_end_week (negative: ahead)"),
            Field("method", "string", "monte_carlo: each run draws a recorded week's net change in remaining work (done, added, removed) per week until none is left"),
            Field("runs", "integer?", "runs simulated (--runs, default 10,000); null when none ran"),
            Field("seed", "integer", "the random seed (--seed): the same history and seed give the same numbers"),
            Field("weeks_of_history", "integer", "recorded weeks drawn from (an import after a gap of k weeks counts k)"),
            Field("p50_week", "integer?", "the week half the runs have finished by"), Field("p85_week", "integer?", "85% of the runs"),
            Field("p95_week", "integer?", "95% of the runs"),
            Field("p50_date", "date?", "the last day of p50_week (null without a start date)"), Field("p85_date", "date?", "the last day of p85_week"),
            Field("p95_date", "date?", "the last day of p95_week"),
            Field("on_time_probability", "number?", "the share of runs finishing by planned_end_week (0.62)"),
            Field("unfinished_runs", "integer?", "runs not finished within 520 weeks (their percentiles are null)"),
        ]),
        Shape(name: "week-row", meaning: "delivered against planned in one week", fields: [
            Field("week", "integer", "the week"), Field("planned", "integer", "tasks scheduled"), Field("done", "integer", "done"),
            Field("cancelled", "integer", "cancelled"), Field("delivered", "number", "done / planned (0.75)"),
        ]),
        Shape(name: "owner-row", meaning: "one owner's tasks", fields: [
            Field("owner", "string", "the owner"), Field("tasks", "integer", "tasks owned"), Field("done", "integer", "done"),
        ]),
        Shape(name: "gate-counts", meaning: "gates by verdict", fields: [
            Field("passed", "integer", ""), Field("ready", "integer", ""), Field("at_risk", "integer", ""), Field("not_due", "integer", ""),
        ]),
        Shape(name: "deferred-row", meaning: "a deferred task or scope cut, once", fields: [
            Field("item", "string", "what was deferred"), Field("kind", "string", "task or note"), Field("source", "source", "where"),
        ]),
        Shape(name: "scope-changes", meaning: "scope changes over every import", fields: [
            Field("imports", "integer", "imports recorded"), Field("added", "integer", "tasks added after the first"), Field("removed", "integer", "tasks removed"),
        ]),
    ]

    public static let reports: [Report] = [
        Report(name: "week", meaning: "`planq report week N`: the weekly checkpoint review", facts: [
            project, Field("week", "integer", "the week reviewed"), asOf, Field("start_date", "date?", "the project's start date"),
            currentWeek, Field("first_week", "integer", "the plan's first week"), Field("last_week", "integer", "the plan's last week"),
        ], summary: [
            Field("tasks_done", "integer", "the week's tasks done"), Field("tasks_planned", "integer", "the week's tasks"),
            Field("gate_verdict", "verdict?", "the verdict of the gate closing the week; null when none does"),
            Field("open_high_risks", "integer", "high risks not marked closed"), Field("metrics_missed", "integer", "metrics missed"),
        ], sections: [
            Section(id: "tasks", fields: [Field("tasks", "task[]", "the week's tasks")]),
            Section(id: "gates", fields: [Field("gates", "gate[]", "gates closing the week or its phase, then overdue ones", optional: true)]),
            Section(id: "checkpoint", fields: [Field("checkpoints", "gate[]", "the week's checkpoint questions and decisions")], optional: true),
            Section(id: "backlog", fields: [Field("backlog", "chart", "the burndown's lines through the week")]),
            forecastSection,
            Section(id: "risks", fields: [Field("risks", "risk[]", "the risk register")]),
            Section(id: "metrics", fields: [Field("metrics", "metric[]", "the success metrics")]),
            Section(id: "notes", fields: [Field("notes", "note[]", "notes tagged with the week or the one before")]),
            Section(id: "changes", fields: [Field("changes", "change[]", "what the latest import changed")]),
            Section(id: "disagreements", fields: [Field("disagreements", "disagreement[]", "where documents disagree")]),
        ]),
        Report(name: "burndown", meaning: "`planq report burndown`", facts: [
            project, asOf, Field("start_date", "date?", "the project's start date"), Field("planned_end_week", "integer?", "the plan's last week"),
        ], summary: [], sections: [
            Section(id: "burndown", fields: [Field("burndown", "chart", "planned remaining, actual remaining, done")]),
            Section(id: "scope", fields: [Field("scope", "scope-row[]", "the actual line with scope changes")]),
            forecastSection,
        ]),
        Report(name: "gates", meaning: "`planq report gates`", facts: [project, asOf, currentWeek], summary: [], sections: [
            Section(id: "gates", fields: [Field("gates", "gate[]", "every gate, with its open tasks")]),
        ]),
        Report(name: "risks", meaning: "`planq report risks`", facts: [project, asOf, currentWeek], summary: [], sections: [
            Section(id: "risks", fields: [Field("risks", "risk[]", "the risk register")]),
        ]),
        Report(name: "metrics", meaning: "`planq report metrics`", facts: [project, asOf, currentWeek], summary: [], sections: [
            Section(id: "metrics", fields: [Field("metrics", "metric[]", "the success metrics")]),
        ]),
        Report(name: "retro", meaning: "`planq report retro`: the retrospective", facts: [project, asOf], summary: [
            Field("tasks_done", "integer", "tasks done"), Field("tasks_planned", "integer", "tasks scheduled (deferred aside)"),
            Field("delivered", "number", "done / planned"), Field("gates_passed", "integer", "gates passed"),
            Field("metrics_missed", "integer", "metrics missed"),
        ], sections: [
            Section(id: "weeks", fields: [Field("weeks", "week-row[]", "per week")]),
            Section(id: "owners", fields: [Field("owners", "owner-row[]", "per owner")]),
            Section(id: "gates", fields: [Field("gate_counts", "gate-counts", "gates by verdict", optional: true), Field("gates", "gate[]", "every gate")]),
            Section(id: "metrics", fields: [Field("metrics", "metric[]", "the success metrics")]),
            Section(id: "lessons", fields: [Field("lessons", "note[]", "went well, to improve, lessons")]),
            Section(id: "deferred", fields: [Field("deferred", "deferred-row[]", "deferred tasks and scope cuts")]),
            Section(id: "scope", fields: [Field("scope_changes", "scope-changes", "scope changes")]),
            forecastSection,
        ]),
    ]

    /// The burndown's, the week review's and the retro's forecast.
    static let forecastSection = Section(id: "forecast", fields: [
        Field("forecast_runs", "chart", "runs finishing in each week (a histogram; absent until three weeks of history)", optional: true),
        Field("forecast", "forecast", "the forecast"),
    ])

    /// Every report's common fields.
    public static let document: [Field] = [
        Field("report", "string", "the report's name"), Field("schema_version", "integer", "\(ReportDocument.schemaVersion): this description's version"),
        Field("title", "string", "the report's title"),
    ]

    /// The description as Markdown.
    public static var markdown: String {
        func table(_ fields: [Field]) -> [String] {
            ["| field | type | meaning |", "|---|---|---|"] + fields.map { "| `\($0.name)`\($0.optional ? " (may be absent)" : "") | `\($0.type)` | \($0.meaning) |" }
        }
        var lines = ["# planq report JSON, schema version \(ReportDocument.schemaVersion)", "",
                     "Every report (`planq report ... --format json`) is one object: the fields below, then the report's facts, "
                     + "`summary` (when the report has one) and `sections`: an array of `{id, title, text?, ...}` where `text` is an "
                     + "array of sentences and the other keys are the section's data. Values are typed: counts are integers, shares "
                     + "numbers (0.75), dates `YYYY-MM-DD`, enums their raw values; `T[]` is an array, `T?` may be null.", ""]
        lines += table(document) + [""]
        for report in reports {
            lines += ["## \(report.name)", "", report.meaning + ".", "", "Facts:", ""] + table(report.facts) + [""]
            if !report.summary.isEmpty { lines += ["`summary`:", ""] + table(report.summary) + [""] }
            for section in report.sections {
                lines += ["Section `\(section.id)`\(section.optional ? " (only when there is one)" : ""):", ""] + table(section.fields) + [""]
            }
        }
        lines += ["## Objects", ""]
        for shape in objects { lines += ["### \(shape.name)", "", shape.meaning.prefix(1).uppercased() + shape.meaning.dropFirst() + ".", ""] + table(shape.fields) + [""] }
        lines += ["Enums: " + enums.keys.sorted().map { "`\($0)` (\(enums[$0]!.joined(separator: ", ")))" }.joined(separator: "; ") + "."]
        return lines.joined(separator: "\n") + "\n"
    }
}
