import PlanModel

/// The tasks a gate closes: a Kiro checkpoint's since the previous checkpoint in its document;
/// a week (exit, rollback, checkpoint-row) gate's week; a phase gate's phase; a final gate's
/// whole project. Deferred tasks are outside every scope; go/no-go lists have none. Worked out
/// from the linked project in memory, so a re-import compares it with what is stored instead of
/// asking SQLite again for every gate.
enum GateScopes {
    /// One scope per gate, in order: its tasks and how many of them are still open.
    static func of(_ gates: [LinkedGate], tasks: [LinkedTask], inputs: [TaskLinker.Input],
                   mentions: [LinkedMention]) -> [GateScope] {
        // Each document's task mentions by line, for checkpoints.
        var linesByDocument: [Int64: [(line: Int, task: Int)]] = [:]
        for (input, mention) in zip(inputs, mentions) {
            linesByDocument[input.documentID, default: []].append((input.item.line, mention.taskIndex))
        }
        let scheduled = tasks.indices.filter { tasks[$0].item.status != .deferred }
        return gates.map { gate in
            let members = taskIndexes(of: gate, tasks: tasks, scheduled: scheduled, lines: linesByDocument[gate.documentID] ?? [])
            let open = members.filter { ![.done, .cancelled].contains(tasks[$0].item.status) }.count
            return GateScope(tasks: members, open: open)
        }
    }

    private static func taskIndexes(of gate: LinkedGate, tasks: [LinkedTask], scheduled: [Int],
                                    lines: [(line: Int, task: Int)]) -> [Int] {
        let item = gate.item
        switch item.kind {
        case .checkpoint where item.scopeFromLine != nil:
            let from = item.scopeFromLine!, to = gate.source.line
            var seen = Set<Int>()
            return lines.filter { $0.line > from && $0.line < to }.map(\.task).filter { seen.insert($0).inserted }
        case .phase where item.phase != nil:
            return scheduled.filter { tasks[$0].item.phase == item.phase }
        case .final:
            return scheduled
        case .week, .exit, .rollback, .checkpoint, .phase:
            guard let week = item.week else { return [] }
            return scheduled.filter { tasks[$0].item.week == week }
        case .go, .noGo:
            return []
        }
    }
}
