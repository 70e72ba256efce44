/// Deferred work as one list: a tracker's deferred task and the plan's scope cut for the same
/// work are one item. A scope-cut note is dropped when its words match a deferred task's (Dice
/// coefficient of the two word sets >= 0.6, or one title's words contain the other's).
public enum DeferredItems {
    public struct Item: Equatable, Sendable {
        public let text: String
        public let source: SourceRef
        public let isTask: Bool
    }

    public static func merge(tasks: [Task], notes: [Note]) -> [Item] {
        let deferredTasks = tasks.filter { $0.status == .deferred }
        let taskWords = deferredTasks.map { words($0.title) }
        var items = deferredTasks.map { Item(text: $0.title, source: $0.source, isTask: true) }
        for note in notes where note.item.kind == .deferred {
            let mine = words(note.item.text)
            if taskWords.contains(where: { same(mine, $0) }) { continue }
            items.append(Item(text: note.item.text, source: note.source, isTask: false))
        }
        return items
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count > 2 || $0.first?.isNumber == true })
    }

    static func same(_ a: Set<String>, _ b: Set<String>) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        if a.isSubset(of: b) || b.isSubset(of: a) { return min(a.count, b.count) >= 2 }
        return Double(2 * a.intersection(b).count) / Double(a.count + b.count) >= 0.6
    }
}
