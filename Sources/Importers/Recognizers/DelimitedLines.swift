import Markdown
import PlanModel

/// Issue exports pasted as text: a header line naming columns, separated by ` - ` or tabs
/// (`Story Points - Issue key - Summary - Assignee`), then one line per task in the same
/// shape. The header must name a title column (Summary, Task, Title ...) and at least one
/// other column the vocabulary knows; a title that itself contains the separator keeps it
/// (the columns before the title and after it are counted from each end).
enum DelimitedLines {
    static let separators = [" - ", "\t", " | "]

    static func recognize(_ paragraph: Node, context: DocumentContext, into found: inout Findings) -> Bool {
        let lines = paragraph.spans.lines.map { TextPatterns.clean($0.plainText) }
        guard lines.count >= 3, let header = lines.first else { return false }
        for separator in separators {
            let names = header.components(separatedBy: separator).map { $0.trimming(" ") }
            guard names.count >= 3 else { continue }
            let terms = names.map(Vocabulary.term(of:))
            guard let title = terms.firstIndex(where: { $0 == .task || $0 == .description }),
                  terms.enumerated().filter({ $0.offset != title && $0.element != nil }).count >= 2 else { continue }
            let owner = terms.firstIndex(of: .owner), status = terms.firstIndex(of: .status)
            let trailing = names.count - title - 1
            var tasks: [TaskItem] = []
            for (offset, line) in lines.enumerated().dropFirst() {
                let parts = line.components(separatedBy: separator).map { $0.trimming(" ") }
                guard parts.count >= names.count else { return false }
                // Columns before the title from the start, after it from the end.
                func cell(_ column: Int?) -> String? {
                    guard let column, column != title else { return nil }
                    let value = column < title ? parts[column] : parts[parts.count - (names.count - column)]
                    return TextPatterns.isBlank(value) ? nil : value
                }
                let text = parts[title..<(parts.count - trailing)].joined(separator: separator).trimming(" \"")
                guard !text.isEmpty else { return false }
                let stated = cell(status).flatMap(StatusVocabulary.status(of:)) ?? .planned
                tasks.append(TaskItem(line: paragraph.line + offset, title: text, status: stated, week: context.week,
                                      phase: context.phase?.number, day: context.day, sprint: context.sprint,
                                      owners: Owners.merge((cell(owner).map(Owners.names(in:)) ?? []).map { OwnerAction(name: $0, action: nil) },
                                                           section: context.sectionOwner?.name),
                                      table: paragraph.line, row: offset - 1))
            }
            for task in tasks { found.add(task) }
            return true
        }
        return false
    }
}
