/// Which tasks a listing wants. Nil fields do not filter.
public struct TaskFilter: Sendable {
    public var projectIDs: [Int64]?
    public var week: Int?
    public var phase: Int?
    public var owner: String?
    public var status: TaskStatus?

    public init(projectIDs: [Int64]? = nil, week: Int? = nil, phase: Int? = nil, owner: String? = nil, status: TaskStatus? = nil) {
        self.projectIDs = projectIDs
        self.week = week
        self.phase = phase
        self.owner = owner
        self.status = status
    }
}

/// One project's numbers for `planq status`.
public struct ProjectStatus: Sendable {
    /// What status shows of the next gate, kept with the project's summary.
    public struct NextGate: Sendable, Equatable {
        public let id: Int64
        public let kind: GateItem.Kind
        public let title: String
        public let week: Int?
        public let scopeTotal: Int
        public let scopeOpen: Int

        /// Its verdict as of `currentWeek`: never passed (it was chosen as the first that is not).
        public func verdict(currentWeek: Int?) -> GateVerdict {
            GateVerdict.of(passed: nil, criteria: [], scopeTotal: scopeTotal, scopeOpen: scopeOpen, week: week, currentWeek: currentWeek)
        }
    }

    public let project: Project
    public let counts: [TaskStatus: Int]
    public let owners: [(name: String, tasks: Int)]
    public let weeks: ClosedRange<Int>?
    public let highRisks: Int
    public let metricsMissed: Int
    /// The first gate, in week order, neither marked passed nor with every criterion met.
    public let nextGate: NextGate?

    /// Tasks that count toward completion: all but cancelled and deferred ones.
    public var scheduled: Int {
        counts.filter { $0.key != .cancelled && $0.key != .deferred }.values.reduce(0, +)
    }
    public var done: Int { counts[.done] ?? 0 }
}

extension KnowledgeBase {
    /// The week ranges of a project's phases, from every document's phase headings.
    public func phaseRanges(projectKey: String) throws -> [(number: Int, weeks: ClosedRange<Int>)] {
        try database.rows("""
            SELECT DISTINCT ph.number, ph.first_week, coalesce(ph.last_week, ph.first_week)
            FROM phases ph JOIN projects p ON p.id = ph.project_id
            WHERE p.key = ? AND ph.first_week IS NOT NULL ORDER BY ph.number
            """, [.text(projectKey)]).compactMap { row in
            guard let number = row[0].int, let first = row[1].int, let last = row[2].int, first <= last else { return nil }
            return (number, first...last)
        }
    }

    public func projects() throws -> [Project] {
        try database.rows("""
            SELECT p.id, p.key, p.name, p.start_date, (SELECT count(*) FROM documents d WHERE d.project_id = p.id), s.start_date
            FROM projects p LEFT JOIN project_settings s ON s.project_key = p.key ORDER BY p.name COLLATE NOCASE, p.key
            """).map { row in
            Project(id: Int64(row[0].int ?? 0), key: row[1].string ?? "", name: row[2].string ?? "",
                    startDate: row[3].string, documents: row[4].int ?? 0, recordedStartDate: row[5].string)
        }
    }

    /// Records a project's start date for when its documents leave it blank (`planq project set`).
    public func recordStartDate(projectKey: String, startDate: String?, today: String) throws {
        try database.run("""
            INSERT INTO project_settings(project_key, start_date, updated_on) VALUES (?, ?, ?)
            ON CONFLICT(project_key) DO UPDATE SET start_date = excluded.start_date, updated_on = excluded.updated_on
            """, [.text(projectKey), SQLValue(startDate), .text(today)])
    }

    /// Projects whose key or name starts with `match`, case-insensitively; an exact key or
    /// name wins over prefixes.
    public func projects(matching match: String) throws -> [Project] {
        let needle = match.lowercased()
        let all = try projects()
        let exact = all.filter { $0.key == needle || $0.name.lowercased() == needle }
        if !exact.isEmpty { return exact }
        return all.filter { $0.key.hasPrefix(needle) || $0.name.lowercased().hasPrefix(needle) }
    }

    public func tasks(_ filter: TaskFilter = TaskFilter()) throws -> [Task] {
        var conditions: [String] = []
        var values: [SQLValue] = []
        if let ids = filter.projectIDs {
            conditions.append("t.project_id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))")
            values += ids.map { .integer($0) }
        }
        if let week = filter.week { conditions.append("t.week = ?"); values.append(.integer(Int64(week))) }
        if let phase = filter.phase { conditions.append("t.phase = ?"); values.append(.integer(Int64(phase))) }
        if let status = filter.status { conditions.append("t.status = ?"); values.append(.text(status.rawValue)) }
        if let owner = filter.owner {
            conditions.append("t.id IN (SELECT o2.task_id FROM task_owners o2 JOIN owners n2 ON n2.id = o2.owner_id WHERE n2.name = ? COLLATE NOCASE)")
            values.append(.text(owner))
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try database.rows("""
            SELECT t.id, p.name, t.title, t.status, t.week, t.phase, t.due, t.done_on, t.source_path, t.source_line,
                   t.milestone, t.optional, t.number, t.parent_id, t.requirements, t.timeline
            FROM tasks t JOIN projects p ON p.id = t.project_id
            \(whereClause)
            ORDER BY p.name COLLATE NOCASE, t.week IS NULL, t.week, t.source_path, t.source_line, t.id
            """, values)
        // Owners and mentions of the same selection (not of every task in the knowledge base).
        let selection = "SELECT t.id FROM tasks t JOIN projects p ON p.id = t.project_id \(whereClause)"
        let owners = rows.isEmpty ? [:] : try owners(ofTasksIn: selection, values)
        let mentions = rows.isEmpty ? [:] : try mentions(ofTasksIn: selection, values)
        return rows.map { row in
            let id = Int64(row[0].int ?? 0)
            return Task(id: id, project: row[1].string ?? "", title: row[2].string ?? "",
                        status: TaskStatus(rawValue: row[3].string ?? "") ?? .open, week: row[4].int, phase: row[5].int,
                        owners: owners[id] ?? [], due: row[6].string, doneOn: row[7].string,
                        source: SourceRef(path: row[8].string ?? "", line: row[9].int ?? 0),
                        milestone: row[10].int == 1, optional: row[11].int == 1, number: row[12].string,
                        parentID: row[13].int.map(Int64.init), requirements: MentionCoding.list(row[14].string),
                        timeline: row[15].string, mentions: mentions[id] ?? [])
        }
    }

    private func owners(ofTasksIn selection: String, _ values: [SQLValue]) throws -> [Int64: [OwnerAction]] {
        var result: [Int64: [OwnerAction]] = [:]
        for row in try database.rows("""
            SELECT o.task_id, n.name, o.action FROM task_owners o JOIN owners n ON n.id = o.owner_id
            WHERE o.task_id IN (\(selection)) ORDER BY o.task_id, o.position
            """, values) {
            let id = Int64(row[0].int ?? 0)
            result[id, default: []].append(OwnerAction(name: row[1].string ?? "", action: row[2].string))
        }
        return result
    }

    private func mentions(ofTasksIn selection: String, _ values: [SQLValue]) throws -> [Int64: [SourceRef]] {
        var result: [Int64: [SourceRef]] = [:]
        for row in try database.rows("""
            SELECT m.task_id, d.path, m.line FROM task_mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.task_id IN (\(selection)) ORDER BY m.task_id, d.path, m.line
            """, values) {
            result[Int64(row[0].int ?? 0), default: []].append(SourceRef(path: row[1].string ?? "", line: row[2].int ?? 0))
        }
        return result
    }

    public func owners(projectIDs: [Int64]? = nil) throws -> [OwnerSummary] {
        var clause = ""
        var values: [SQLValue] = []
        if let ids = projectIDs {
            clause = "WHERE t.project_id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))"
            values = ids.map { .integer($0) }
        }
        let rows = try database.rows("""
            SELECT n.name, group_concat(DISTINCT p.name), count(*),
                   sum(t.status IN ('open', 'in_progress', 'planned')), sum(t.status = 'done')
            FROM task_owners o JOIN owners n ON n.id = o.owner_id JOIN tasks t ON t.id = o.task_id
            JOIN projects p ON p.id = t.project_id \(clause)
            GROUP BY n.id ORDER BY count(*) DESC, n.name COLLATE NOCASE
            """, values)
        return rows.map { row in
            let projects = (row[1].string ?? "").split(separator: ",").map(String.init).sorted()
            return OwnerSummary(name: row[0].string ?? "", projects: projects, tasks: row[2].int ?? 0,
                                open: row[3].int ?? 0, done: row[4].int ?? 0)
        }
    }

    /// Each project's numbers, as the import that last changed it settled them
    /// (`project_summaries`): one indexed read, however many tasks the projects hold.
    public func status(projects: [Project]) throws -> [ProjectStatus] {
        var summaries: [Int64: Row] = [:]
        for row in try database.rows("""
            SELECT project_id, open, done, in_progress, planned, cancelled, deferred, first_week, last_week, owners,
                   high_risks, metrics_missed, next_gate_id, next_gate_kind, next_gate_title, next_gate_week,
                   next_gate_scope_total, next_gate_scope_open FROM project_summaries
            """) {
            summaries[Int64(row[0].int ?? 0)] = row
        }
        return projects.map { project in
            guard let row = summaries[project.id] else {
                return ProjectStatus(project: project, counts: [:], owners: [], weeks: nil, highRisks: 0, metricsMissed: 0, nextGate: nil)
            }
            let statuses: [TaskStatus] = [.open, .done, .inProgress, .planned, .cancelled, .deferred]
            var counts: [TaskStatus: Int] = [:]
            for (offset, status) in statuses.enumerated() where (row[1 + offset].int ?? 0) > 0 { counts[status] = row[1 + offset].int }
            var weeks: ClosedRange<Int>?
            if let low = row[7].int, let high = row[8].int, low <= high { weeks = low...high }
            var next: ProjectStatus.NextGate?
            if let id = row[12].int, let kind = GateItem.Kind(rawValue: row[13].string ?? "") {
                next = ProjectStatus.NextGate(id: Int64(id), kind: kind, title: row[14].string ?? "", week: row[15].int,
                                              scopeTotal: row[16].int ?? 0, scopeOpen: row[17].int ?? 0)
            }
            return ProjectStatus(project: project, counts: counts, owners: SummaryCoding.owners(row[9].string), weeks: weeks,
                                 highRisks: row[10].int ?? 0, metricsMissed: row[11].int ?? 0, nextGate: next)
        }
    }

    /// Settles what `status` shows of one project, after its tasks, gates, risks and metrics are written.
    func refreshSummary(projectID id: Int64, tasks: [LinkedTask], gates: [WrittenGate]) throws {
        // Counts, weeks and the next gate come from what was just written; owners are counted by
        // their rows (a spelling folds into the one stored), risks and metrics as listings merge them.
        var counts: [String: Int] = [:]
        var span: (first: Int, last: Int)?
        for task in tasks {
            counts[task.item.status.rawValue, default: 0] += 1
            guard let week = task.item.week else { continue }
            span = (min(span?.first ?? week, week), max(span?.last ?? week, week))
        }
        let owners = try ownerCounts(projectID: id)
        let (highRisks, missed) = try highRiskAndMissedMetricCounts(projectID: id)
        let next = gates.filter { !$0.isPassed }.min(by: WrittenGate.inListingOrder)
        let statuses: [TaskStatus] = [.open, .done, .inProgress, .planned, .cancelled, .deferred]
        try database.run("""
            INSERT OR REPLACE INTO project_summaries(project_id, open, done, in_progress, planned, cancelled, deferred,
                first_week, last_week, owners, high_risks, metrics_missed, next_gate_id, next_gate_kind, next_gate_title,
                next_gate_week, next_gate_scope_total, next_gate_scope_open)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(id)] + statuses.map { .integer(Int64(counts[$0.rawValue] ?? 0)) }
                + [SQLValue(span?.first), SQLValue(span?.last), SQLValue(SummaryCoding.encode(owners)),
                   .integer(Int64(highRisks)), .integer(Int64(missed)), SQLValue(next?.id), SQLValue(next?.gate.item.kind.rawValue),
                   SQLValue(next?.gate.item.title), SQLValue(next?.gate.item.week), SQLValue(next?.scopeTotal),
                   SQLValue(next?.scopeOpen)])
    }

    /// How many of the project's tasks each owner has, most first, then by name as SQLite's
    /// `NOCASE` orders it (ASCII letters folded; owners are one per case-folded name, so no two
    /// tie). Counted here from the owner rows rather than grouped and sorted in a temporary
    /// B-tree, once per project written.
    func ownerCounts(projectID id: Int64) throws -> [(name: String, tasks: Int)] {
        var counts: [Int64: (name: String, tasks: Int)] = [:]
        try database.forEachRow("""
            SELECT o.owner_id, n.name FROM tasks t JOIN task_owners o ON o.task_id = t.id JOIN owners n ON n.id = o.owner_id
            WHERE t.project_id = ?
            """, [.integer(id)]) { row in
            let owner = row.int64(0)
            counts[owner] = (counts[owner]?.name ?? row.text(1) ?? "", (counts[owner]?.tasks ?? 0) + 1)
        }
        func folded(_ name: String) -> [UInt8] { name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
        return counts.values.map { (name: $0.name, tasks: $0.tasks, folded: folded($0.name)) }
            .sorted { $0.tasks != $1.tasks ? $0.tasks > $1.tasks : $0.folded.lexicographicallyPrecedes($1.folded) }
            .map { (name: $0.name, tasks: $0.tasks) }
    }

    /// Runs a read-only SQL statement for `planq query`: statements that would write are refused.
    /// The result of `planq query`: at most `limit` rows, and whether more were left unread.
    public struct QueryResult: Sendable {
        public let columns: [String]
        public let rows: [[SQLValue]]
        public let truncated: Bool
    }

    public enum QueryError: Error, CustomStringConvertible {
        /// More than one statement: the text after the first.
        case extraStatement(String)
        /// Still running after the time limit.
        case timedOut(Double)
        /// Nothing but spaces or comments.
        case noStatement

        public var description: String {
            switch self {
            case .noStatement: return "query needs an SQL statement (planq schema lists the tables)"
            case .extraStatement(let rest): return "query takes one statement; remove what follows it: `\(rest.prefix(60))`"
            case .timedOut(let seconds):
                let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
                return "the query ran longer than \(shown) s and was stopped (--timeout S allows longer)"
            }
        }
    }

    /// Runs one read-only statement: at most `limit` rows are read (memory stays bounded) and
    /// it is stopped after `timeout` seconds.
    public func query(_ sql: String, limit: Int, timeout: Double) throws -> QueryResult {
        let statement: Statement
        do {
            statement = try database.prepare(sql)
        } catch let error as SQLiteError where error.code == 21 {
            throw QueryError.noStatement
        }
        if let rest = statement.rest { throw QueryError.extraStatement(rest) }
        guard statement.isReadOnly else {
            throw SQLiteError(code: 8, message: "planq query is read-only; the statement would change the knowledge base", sql: sql)
        }
        do {
            return try database.withTimeLimit(seconds: timeout) {
                var rows: [[SQLValue]] = []
                while rows.count < limit, let row = try statement.next() { rows.append(row.values) }
                let truncated = try rows.count == limit && statement.next() != nil
                return QueryResult(columns: statement.columnNames, rows: rows, truncated: truncated)
            }
        } catch let error as SQLiteError where error.isInterrupt {
            throw QueryError.timedOut(timeout)
        }
    }
}

/// Owners and their task counts in one text column, as `MentionCoding` stores lists.
enum SummaryCoding {
    static func encode(_ owners: [(name: String, tasks: Int)]) -> String? {
        owners.isEmpty ? nil : owners.map { $0.name + "\u{1F}" + String($0.tasks) }.joined(separator: "\u{1E}")
    }

    static func owners(_ text: String?) -> [(name: String, tasks: Int)] {
        guard let text else { return [] }
        // Split by byte: the separators are ASCII, and `status` decodes thousands of these.
        return text.utf8.split(separator: 0x1E).compactMap { pair in
            guard let unit = pair.firstIndex(of: 0x1F),
                  let tasks = Int(Substring(pair[pair.index(after: unit)...])) else { return nil }
            return (String(Substring(pair[..<unit])), tasks)
        }
    }
}
