import CCmark
import Foundation

/// The only user of cmark-gfm: parses Markdown with the table, tasklist and strikethrough
/// extensions, converts the C tree into `Node` values with source lines, and frees it.
public enum CmarkDocument {
    /// Parses `markdown` into a document node. cmark accepts any input, so this cannot fail.
    public static func parse(_ markdown: String) -> Node {
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        var text = markdown
        for extensionPointer in Extensions.shared.all {
            cmark_parser_attach_syntax_extension(parser, extensionPointer)
        }
        // Block parsing (feed: about two thirds of a parse) runs on every core. cmark-gfm adds and
        // removes the extensions' special inline characters (`~`, `|`) in a process-wide table
        // inside cmark_parser_finish, where inlines are parsed: two finishes at once drop each
        // other's strikethrough (CmarkConcurrencyTests reproduces it), so only finish is
        // serialized. Converting the finished tree (read-only) runs in parallel too.
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let root: OpaquePointer? = Extensions.shared.serialized { cmark_parser_finish(parser) }
        guard let root else { return Node(kind: .document, line: 1) }
        defer { cmark_node_free(root) }
        var converter = Converter()
        return converter.block(root)
    }

    /// Runs `body` while no parse can finish: for a test that races cmark on purpose.
    static func holdingFinishLock(_ body: () -> Void) {
        Extensions.shared.serialized(body)
    }

    /// The version of the linked library, for `--version`.
    public static var libraryVersion: String { String(cString: cmark_version_string()) }
}

/// The extension handles, looked up once. cmark's registry is process-global and immutable
/// after registration, so sharing the pointers is safe.
private final class Extensions: @unchecked Sendable {
    static let shared = Extensions()
    let all: [OpaquePointer]
    private let lock = NSLock()

    func serialized<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
        let names: [String] = ["table", "tasklist", "strikethrough"]
        all = names.compactMap { name in name.withCString { cmark_find_syntax_extension($0) } }
    }
}

/// Walks the C tree once. Extension node types are numbered at run time, so they are
/// recognized by their type string, cached per type number.
private struct Converter {
    private var extensionKinds: [UInt32: String] = [:]

    /// cmark-gfm loses the position of a paragraph a table starts right below (`**Gate:**` then
    /// `| a | b |`), and gives the table the paragraph's first line instead: so the paragraph
    /// starts where that table says it does; before another block, it ends on the line above it.
    static func lineOfUnplaced(_ node: OpaquePointer, lines: Int) -> Int {
        if let next = cmark_node_next(node), cmark_node_get_start_line(next) > 0 {
            let start = Int(cmark_node_get_start_line(next))
            let isTable = cmark_node_get_type_string(next).map { String(cString: $0) } == "table"
            return isTable ? start : max(1, start - lines)
        }
        if let previous = cmark_node_previous(node), cmark_node_get_end_line(previous) > 0 {
            return Int(cmark_node_get_end_line(previous)) + 2
        }
        return max(1, Int(cmark_node_get_start_line(cmark_node_parent(node))))
    }

    mutating func block(_ node: OpaquePointer) -> Node {
        let kind = self.kind(of: node)
        var line = Int(cmark_node_get_start_line(node))
        switch kind {
        case .paragraph, .heading, .tableCell:
            let spans = inlines(of: node)
            if line == 0 { line = Self.lineOfUnplaced(node, lines: spans.lines.count) }
            return Node(kind: kind, line: line, spans: spans)
        case .codeBlock, .htmlBlock:
            return Node(kind: kind, line: line, literal: literal(node))
        default:
            var children: [Node] = []
            var child = cmark_node_first_child(node)
            while let current = child {
                children.append(block(current))
                child = cmark_node_next(current)
            }
            return Node(kind: kind, line: line, children: children)
        }
    }

    private mutating func kind(of node: OpaquePointer) -> Node.Kind {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM:
            // The tasklist extension keeps the item type and marks the node as its own.
            guard cmark_node_get_syntax_extension(node) != nil else { return .item(taskMarker: nil) }
            return .item(taskMarker: cmark_gfm_extensions_get_tasklist_item_checked(node) ? .checked : .unchecked)
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .codeBlock(info: info)
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        default: break
        }
        switch extensionKind(node, type: type) {
        case "table": return .table
        case "table_header", "table_row":
            return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell": return .tableCell
        case "tasklist":
            return .item(taskMarker: cmark_gfm_extensions_get_tasklist_item_checked(node) ? .checked : .unchecked)
        case let other: return .other(other)
        }
    }

    private mutating func extensionKind(_ node: OpaquePointer, type: cmark_node_type) -> String {
        if let known = extensionKinds[type.rawValue] { return known }
        let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? "unknown"
        extensionKinds[type.rawValue] = name
        return name
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Flattens a block's inline children into styled spans.
    private mutating func inlines(of node: OpaquePointer) -> [Span] {
        var spans: [Span] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            appendInline(current, style: [], into: &spans)
            child = cmark_node_next(current)
        }
        return spans
    }

    private mutating func appendInline(_ node: OpaquePointer, style: Span.Style, into spans: inout [Span]) {
        let type = cmark_node_get_type(node)
        var childStyle = style
        switch type {
        case CMARK_NODE_TEXT:
            append(literal(node), style, into: &spans)
            return
        case CMARK_NODE_CODE:
            append(literal(node), style.union(.code), into: &spans)
            return
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            spans.append(Span("\n", .lineBreak))
            return
        case CMARK_NODE_HTML_INLINE:
            // `<br>` inside table cells separates items; other inline HTML carries no text.
            let html = literal(node).lowercased()
            if html.hasPrefix("<br") { spans.append(Span("\n", [.lineBreak, .htmlBreak])) }
            return
        case CMARK_NODE_STRONG: childStyle.insert(.strong)
        case CMARK_NODE_EMPH: childStyle.insert(.emphasis)
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE: childStyle.insert(.link)
        default:
            if extensionKind(node, type: type) == "strikethrough" { childStyle.insert(.strikethrough) }
        }
        var child = cmark_node_first_child(node)
        while let current = child {
            appendInline(current, style: childStyle, into: &spans)
            child = cmark_node_next(current)
        }
    }

    /// Adjacent text with the same style is merged so titles read as one run.
    private func append(_ text: String, _ style: Span.Style, into spans: inout [Span]) {
        if let last = spans.last, last.style == style, !style.contains(.lineBreak) {
            spans[spans.count - 1].text += text
        } else {
            spans.append(Span(text, style))
        }
    }
}
