import Foundation

/// A Markdown block as the recognizers see it: a Swift value with its source line,
/// converted once from cmark's tree by `CmarkDocument`. Inline content is flattened
/// into styled spans, which is all a recognizer needs (text, bold, strike, code).
public final class Node {
    public enum Kind: Equatable, Sendable {
        case document
        case blockQuote
        case list(ordered: Bool)
        /// A list item; `taskMarker` is set when cmark's tasklist extension saw `[ ]`/`[x]`.
        case item(taskMarker: TaskMarker?)
        case codeBlock(info: String)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table
        case tableRow(isHeader: Bool)
        case tableCell
        /// Anything else cmark produces (footnotes, future extensions): kept, never fatal.
        case other(String)
    }

    public enum TaskMarker: Equatable, Sendable { case unchecked, checked }

    public let kind: Kind
    /// 1-based line where the node starts in the original file.
    public let line: Int
    public internal(set) var children: [Node]
    /// Inline content of paragraphs, headings and table cells.
    public internal(set) var spans: [Span]
    /// Literal text of code and HTML blocks.
    public let literal: String

    init(kind: Kind, line: Int, children: [Node] = [], spans: [Span] = [], literal: String = "") {
        self.kind = kind
        self.line = line
        self.children = children
        self.spans = spans
        self.literal = literal
    }

    /// The plain text of the node's own inline content (markup stripped).
    public var text: String {
        var result = ""
        for span in spans { result += span.text }
        return result
    }


    public var isHeading: Bool { if case .heading = kind { return true }; return false }
    public var headingLevel: Int? { if case .heading(let level) = kind { return level }; return nil }
    public var isList: Bool { if case .list = kind { return true }; return false }
    public var isParagraph: Bool { kind == .paragraph }
}

/// A run of inline text with the styles around it.
public struct Span: Equatable, Sendable {
    public struct Style: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let strong = Style(rawValue: 1)
        public static let emphasis = Style(rawValue: 2)
        public static let strikethrough = Style(rawValue: 4)
        public static let code = Style(rawValue: 8)
        public static let link = Style(rawValue: 16)
        /// A soft or hard line break inside a paragraph.
        public static let lineBreak = Style(rawValue: 32)
        /// With `lineBreak`: an HTML `<br>`, a break written inside one source line.
        public static let htmlBreak = Style(rawValue: 64)
    }

    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = []) {
        self.text = text
        self.style = style
    }
}

extension Array where Element == Span {
    /// The spans split at line breaks: one array per source line of a paragraph.
    public var lines: [[Span]] {
        // Most blocks are one line: the spans as they are, without copying them.
        guard contains(where: { $0.style.contains(.lineBreak) }) else { return [self] }
        var result: [[Span]] = [[]]
        for span in self {
            if span.style.contains(.lineBreak) { result.append([]) } else { result[result.count - 1].append(span) }
        }
        return result
    }

    /// The first line, continued across `<br>` breaks (`Write the API<br>and its tests` is one
    /// title), unless what follows a break starts a list item (`- a<br>- b` lists two things).
    public var firstLogicalLine: [Span] {
        let lines = self.lines
        guard lines.count > 1 else { return lines.first ?? [] }
        var breaks: [Bool] = [] // whether each break is a <br>
        for span in self where span.style.contains(.lineBreak) { breaks.append(span.style.contains(.htmlBreak)) }
        var result = lines[0]
        for index in 1..<lines.count {
            guard breaks[index - 1] else { break }
            let next = lines[index].plainText.trimmingCharacters(in: .whitespaces)
            if next.isEmpty || next.hasPrefix("- ") || next.hasPrefix("* ") || next.hasPrefix("• ") || next.hasPrefix("+ ")
                || next.first.map({ $0.isNumber }) == true && next.drop(while: \.isNumber).hasPrefix(". ") { break }
            result.append(Span(" "))
            result += lines[index]
        }
        return result
    }

    public var plainText: String { reduce(into: "") { $0 += $1.text } }
}
