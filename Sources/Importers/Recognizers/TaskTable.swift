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
               let stated = StatusWords.status(of: cells[status].text) {
                base = stated
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

/// Which columns of a table hold the title, status, week and owners.
struct TaskTableColumns {
    let title: Int
    let status: Int?
    let week: Int?
    let ownerNames: [Int]
    let ownerActions: [(Int, String)]

    static let titleHeaders: Set<String> = [
        "task", "tasks", "todo", "to do", "to-do", "action", "actions", "action item", "action items",
        "deliverable", "deliverables", "work item", "work items", "activity", "activities", "item",
        "items", "任务", "tarea", "attività", "aufgabe", "tâche", "uppgift", "görev",
    ]

    init?(header: [String], rows: [Node]) {
        let names = header.map { TextPatterns.clean($0).lowercased().trimming(" *:") }
        let checkboxFirst = rows.contains { row in
            row.children.first.map { CheckboxPrefix($0.spans, requireListMarker: true) != nil } ?? false
        }
        if checkboxFirst {
            title = 0
        } else if let index = names.prefix(2).firstIndex(where: { Self.titleHeaders.contains($0) }) {
            title = index
        } else {
            return nil
        }
        var status: Int?
        var week: Int?
        var ownerNames: [Int] = []
        var ownerActions: [(Int, String)] = []
        for (index, name) in names.enumerated() where index != title {
            if ["status", "state", "done", "complete", "progress", "状态"].contains(name) {
                if status == nil { status = index }
            } else if name == "week" {
                week = index
            } else if Owners.isOwnerNameHeader(name) {
                ownerNames.append(index)
            } else if index > title, checkboxFirst || Owners.namesAnActor(name), let owner = Owners.name(fromHeader: header[index]) {
                // Plan tables name their owner columns (`You Do`); a tracker's checkbox table
                // keeps its non-metadata columns as owners (`| - [ ] task | Claude | You |`).
                ownerActions.append((index, owner))
            }
        }
        self.status = status
        self.week = week
        self.ownerNames = ownerNames
        self.ownerActions = ownerActions
    }
}

/// Status cells: `[x]`, `✅ Done`, `In progress`, `☐`, `Pending`.
enum StatusWords {
    static func status(of text: String) -> TaskStatus? {
        let cleaned = TextPatterns.clean(text)
        let lower = cleaned.lowercased()
        if lower.isEmpty { return nil }
        func has(_ marker: String) -> Bool { TextPatterns.contains(lower, marker) }
        if lower.hasPrefix("[x]") || has("✅") || has("✔") || has("☑") || has("☒") { return .done }
        if ["done", "complete", "completed", "finished", "closed", "shipped", "merged", "passed"].contains(where: { lower.hasPrefix($0) }) { return .done }
        if lower.hasPrefix("[/]") || lower.hasPrefix("[-]") || has("🚧") || has("🟡") || has("🔄") { return .inProgress }
        if ["in progress", "in-progress", "wip", "ongoing", "started", "active", "partial"].contains(where: { lower.hasPrefix($0) }) { return .inProgress }
        if lower.hasPrefix("[ ]") || has("☐") || has("⬜") || has("⏳") { return .open }
        if ["todo", "to do", "pending", "open", "not started", "blocked", "planned", "ready"].contains(where: { lower.hasPrefix($0) }) { return .open }
        if ["cancelled", "canceled", "dropped", "won't do", "wontfix"].contains(where: { lower.hasPrefix($0) }) { return .cancelled }
        if lower.hasPrefix("deferred") || lower.hasPrefix("postponed") { return .deferred }
        return nil
    }
}
