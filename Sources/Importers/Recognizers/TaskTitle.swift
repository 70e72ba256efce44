import Markdown
import PlanModel

/// A task title read from inline spans: markup stripped for display, and what the markup
/// and markers say (bold milestone, strikethrough, Kiro number, Obsidian dates, `@owner`).
struct TaskTitle {
    var text: String
    var number: String?
    var milestone = false
    var struck = false
    var due: String?
    var doneOn: String?
    var doneMarker = false
    var inProgressMarker = false
    var mentions: [String] = []

    init(spans: [Span]) {
        let firstLine = spans.firstLogicalLine
        var text = TextPatterns.clean(firstLine.plainText)
        if let numbered = TextPatterns.leadingNumber(text) {
            number = numbered.number
            text = numbered.rest
        }
        // Markers are all outside ASCII: most titles skip every check below.
        if text.utf8.contains(where: { $0 >= 0x80 }) {
            if let found = TextPatterns.extractDate(after: "📅", in: text) { due = found.date; text = found.rest }
            if let found = TextPatterns.extractDate(after: "✅", in: text) { doneOn = found.date; text = found.rest }
            for marker: Character in ["⏳", "🛫", "➕"] {
                if let found = TextPatterns.extractDate(after: marker, in: text) { text = found.rest }
            }
            doneMarker = TextPatterns.contains(text, "✅") || TextPatterns.contains(text, "✔")
            inProgressMarker = TextPatterns.contains(text, "🚧")
        }
        mentions = TextPatterns.mentions(in: text)
        // `@name` at the end of a title assigns the task; it is not part of the title.
        while !mentions.isEmpty, let space = text.lastIndex(of: " "), text[text.index(after: space)...].hasPrefix("@"),
              mentions.contains(String(text[text.index(space, offsetBy: 2)...])) {
            text = String(text[..<space]).trimmingWhitespace()
        }
        self.text = Self.trimDecorations(text)
        // A bold (or struck) title: the styled text is the whole title once numbers, dates and
        // markers are set aside.
        milestone = Self.styledText(firstLine, .strong) == self.text && !self.text.isEmpty
        struck = Self.styledText(firstLine, .strikethrough) == self.text && !self.text.isEmpty
    }

    private static func styledText(_ spans: [Span], _ style: Span.Style) -> String? {
        guard spans.contains(where: { $0.style.contains(style) }) else { return nil }
        var text = TextPatterns.clean(spans.filter { $0.style.contains(style) }.plainText)
        if let numbered = TextPatterns.leadingNumber(text) { text = numbered.rest }
        return trimDecorations(text)
    }


    /// Status emoji and markers at either end are decoration, not title.
    static func trimDecorations(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80, first != 0x20, last != 0x20 {
            return text
        }
        var scalars = Substring(text).unicodeScalars[...]
        func isDecoration(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.value == 0xFE0F || scalar.value == 0x200D || scalar.properties.isWhitespace { return true }
            return scalar.properties.isEmoji && scalar.value > 0xFF && !(0x2190...0x21FF).contains(scalar.value)
        }
        while let first = scalars.first, isDecoration(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, isDecoration(last) { scalars = scalars.dropLast() }
        return TextPatterns.clean(String(String.UnicodeScalarView(scalars)))
    }

    /// Applies the markers to a status read from a checkbox or a status cell.
    func status(from base: TaskStatus, deferred: Bool) -> TaskStatus {
        if struck { return .cancelled }
        var status = base
        if status == .open || status == .planned {
            if doneOn != nil { status = .done } else if inProgressMarker { status = .inProgress }
        }
        if deferred, status != .done, status != .cancelled { status = .deferred }
        return status
    }
}

/// A checkbox at the start of an item or cell: `[ ]`, `[x]`, `[X]`, `[/]`, `[-]`, and Kiro's
/// optional `[ ]*`. cmark's tasklist extension reads the first two kinds in lists; the rest,
/// and checkboxes cmark leaves as text (in table cells, in block quotes), are read here.
struct CheckboxPrefix {
    let status: TaskStatus
    let optional: Bool
    let rest: [Span]

    /// Reads `[c]` (and with `requireListMarker`, `- [c]` as written in table cells).
    init?(_ spans: [Span], requireListMarker: Bool = false) {
        guard let first = spans.first, !first.style.contains(.code) else { return nil }
        // Most cells and items open with no box: their first byte after spaces rules them out
        // before any character is read (a byte other than the marker's cannot start it).
        guard let lead = first.text.utf8.first(where: { $0 != 0x20 }),
              requireListMarker ? lead == 0x2D || lead == 0x2A || lead == 0x2B : lead == 0x5B else { return nil }
        var text = Substring(first.text.drop { $0 == " " })
        if requireListMarker {
            guard let marker = text.first, "-*+".contains(marker) else { return nil }
            text = text.dropFirst().drop { $0 == " " }
        }
        // `[`, the box's character, `]`: looked at one by one (counting a title's characters
        // took longer than reading the rest of it).
        guard text.first == "[", let box = text.dropFirst().first, text.dropFirst(2).first == "]" else { return nil }
        switch box {
        case " ": status = .open
        case "x", "X": status = .done
        case "/", "-": status = .inProgress
        default: return nil
        }
        text = text.dropFirst(3)
        optional = text.first == "*"
        if optional { text = text.dropFirst() }
        guard text.isEmpty || text.first == " " || text.first == "\t" else { return nil }
        var rest = spans
        rest[0].text = String(text.drop { $0 == " " || $0 == "\t" })
        if rest[0].text.isEmpty { rest.removeFirst() }
        self.rest = rest
    }

    /// The checkbox opening a list item, and the item's first-paragraph spans, whether cmark's
    /// tasklist extension marked the item or the box is still text.
    static func of(item: Node) -> (box: CheckboxPrefix?, spans: [Span]) {
        let paragraph = item.children.first
        let spans = paragraph?.isParagraph == true ? paragraph!.spans : []
        if case .item(let marker?) = item.kind { return (CheckboxPrefix(marker: marker, spans: spans), spans) }
        return (CheckboxPrefix(spans), spans)
    }

    /// An item cmark already marked: its text may still carry Kiro's optional `*`.
    init(marker: Node.TaskMarker, spans: [Span]) {
        status = marker == .checked ? .done : .open
        var rest = spans
        if let first = rest.first, first.text.hasPrefix("*"), !first.style.contains(.code) {
            optional = true
            rest[0].text = String(first.text.dropFirst().drop { $0 == " " })
            if rest[0].text.isEmpty { rest.removeFirst() }
        } else {
            optional = false
        }
        self.rest = rest
    }
}
