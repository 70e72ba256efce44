import Markdown
import PlanModel

/// Task tables: a `Task` (or `Action`, `Deliverable`, ...) column, or checkboxes written in the
/// first cells (`| - [ ] Review PRD | Write CDK | Deploy |`). Rows with a checkbox take its
/// state; rows without one are `planned`, unless a Status column says more. The other columns
/// are owners: an `Owner`/`Assignee` column names them; any other person-like column is an
/// owner whose cell is that owner's action (`-` or blank: no action).
struct TaskTable: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.kind == .table, let header = node.children.first,
              header.kind == .tableRow(isHeader: true) else { return false }
        let rows = Array(node.children.dropFirst())
        guard let columns = TaskTableColumns(header: header.children.map(\.text), rows: rows) else { return false }
        for (index, row) in rows.enumerated() {
            let cells = row.children
            guard columns.title < cells.count else { continue }
            let titleCell = cells[columns.title]
            let box = CheckboxPrefix(titleCell.spans, requireListMarker: true)
            let title = TaskTitle(spans: box?.rest ?? titleCell.spans)
            guard box != nil || (!title.text.isEmpty && !TextPatterns.isBlank(title.text)) else { continue }
            if box == nil, Self.isPlaceholderRow(title.text, cells: cells, titleColumn: columns.title) {
                found.note(row.line, "row looks like a placeholder, not a task")
                continue
            }
            if title.text.isEmpty {
                found.warn(row.line, "checkbox without a title; recorded as an untitled task")
            }
            if GatePattern.isCheckpoint(title.text), box != nil {
                found.add(GateItem(line: row.line, kind: .checkpoint, title: title.text, week: context.week,
                                   phase: context.phase?.number, checkbox: box?.status == .done))
                continue
            }
            var base = box?.status ?? .planned
            if box == nil, let status = columns.status, status < cells.count,
               let stated = StatusVocabulary.status(of: cells[status].text) {
                base = stated
            } else if box == nil, let column = columns.doneDate, column < cells.count, !TextPatterns.isBlank(cells[column].text) {
                base = .done
            }
            var week = context.week
            if let column = columns.week, column < cells.count,
               let stated = TextPatterns.number(after: ["week"], in: "week " + cells[column].text)?.first {
                week = stated
            }
            var owners: [OwnerAction] = []
            for column in columns.ownerNames where column < cells.count {
                owners += Owners.names(in: cells[column].text).map { OwnerAction(name: $0, action: nil) }
            }
            for (column, name) in columns.ownerActions where column < cells.count {
                let action = TextPatterns.clean(cells[column].text)
                if !TextPatterns.isBlank(action) { owners.append(OwnerAction(name: name, action: action)) }
            }
            owners += title.mentions.map { OwnerAction(name: $0, action: nil) }
            let task = TaskItem(line: row.line, title: title.text.isEmpty ? "(untitled)" : title.text,
                                status: title.status(from: base, deferred: context.deferred),
                                week: week, phase: context.phase?.number, day: context.day,
                                sprint: context.sprint, due: title.due, doneOn: title.doneOn,
                                milestone: title.milestone, optional: box?.optional ?? false,
                                number: title.number,
                                owners: Owners.merge(owners, section: context.sectionOwner?.name),
                                table: node.line, row: index, checkbox: box != nil)
            found.add(task)
        }
        return true
    }
}

extension TaskTable {
    /// `| — | (not started) | — | — |`: a remark in parentheses where a title belongs, with
    /// every other cell blank, is how an empty table says it is empty.
    static func isPlaceholderRow(_ title: String, cells: [Node], titleColumn: Int) -> Bool {
        let wrapped = (title.hasPrefix("(") && title.hasSuffix(")")) || (title.hasPrefix("（") && title.hasSuffix("）"))
        guard wrapped else { return false }
        return cells.indices.allSatisfy { $0 == titleColumn || TextPatterns.isBlank(cells[$0].text) }
    }
}

/// Which columns of a table hold the title, status, week and owners. The title is a Task /
/// Step / Action / Deliverable column (in any supported language) among the first three, or
/// a Description / Content column right after an ID column when the table also says who or
/// what state (`| ID | 内容 | 完了日 |`). A done-date column marks filled rows done.
struct TaskTableColumns {
    let title: Int
    let status: Int?
    let week: Int?
    let doneDate: Int?
    let ownerNames: [Int]
    let ownerActions: [(Int, String)]

    /// Subjects that make the table something else: risk, metric, issue... registers.
    private static let otherSubjects: Set<Vocabulary.Term> = [.risk, .issue, .assumption, .dependency, .metric, .keyResult, .decision]

    init?(header: [String], rows: [Node]) {
        let terms = header.map(Vocabulary.term(of:))
        let checkboxFirst = rows.contains { row in
            row.children.first.map { CheckboxPrefix($0.spans, requireListMarker: true) != nil } ?? false
        }
        if checkboxFirst {
            title = 0
        } else if terms.contains(where: { $0.map(Self.otherSubjects.contains) ?? false }) {
            return nil
        } else if let index = terms.prefix(3).firstIndex(where: { $0 == .task || $0 == .step }),
                  terms[..<index].allSatisfy({ [.identifier, .week, .day, .phase, .sprint, nil].contains($0) }) {
            title = index
        } else if let index = terms.prefix(2).firstIndex(of: .description), index == 0 || terms[0] == .identifier || terms[0] == .day,
                  terms.contains(where: { [.owner, .status, .doneDate, .due].contains($0) }) {
            title = index
        } else {
            return nil
        }
        // Checkboxes make the rows tasks whatever their titles look like; otherwise:
        if !checkboxFirst {
            let titleColumn = title
            // `| 阶段1 | 20 | 17 |` under `总任务数` (number of tasks): a count column, not titles.
            let numeric = rows.filter { row in
                titleColumn < row.children.count
                    && TextPatterns.clean(row.children[titleColumn].text).allSatisfy { $0.isNumber || "*.,% ".contains($0) }
            }.count
            if numeric * 2 > rows.count { return nil }
            // `| Week 1 | - Choose idea<br>- Read docs |`: cells holding lists are a schedule, not one task each.
            let listed = rows.filter { row in
                titleColumn < row.children.count && TextPatterns.clean(row.children[titleColumn].text).hasPrefix("- ")
            }.count
            if listed * 2 > rows.count { return nil }
        }
        let names = header.map { TextPatterns.clean($0).lowercased().trimming(" *:") }
        var status: Int?
        var week: Int?
        var doneDate: Int?
        var ownerNames: [Int] = []
        var ownerActions: [(Int, String)] = []
        for (index, name) in names.enumerated() where index != title {
            let term = terms[index]
            if term == .status {
                if status == nil { status = index }
            } else if term == .week {
                week = index
            } else if term == .doneDate {
                doneDate = index
            } else if term == .owner {
                ownerNames.append(index)
            } else if term == nil, index > title, checkboxFirst || Owners.namesAnActor(name), let owner = Owners.name(fromHeader: header[index]) {
                // Plan tables name their owner columns (`You Do`); a tracker's checkbox table
                // keeps its non-metadata columns as owners (`| - [ ] task | Claude | You |`).
                ownerActions.append((index, owner))
            }
        }
        self.status = status
        self.week = week
        self.doneDate = doneDate
        self.ownerNames = ownerNames
        self.ownerActions = ownerActions
    }
}
