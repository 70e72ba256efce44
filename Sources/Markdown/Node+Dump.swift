extension Node {
    /// An indented outline of the tree with lines, for tests and `--debug` output.
    public func dump(indent: Int = 0) -> String {
        var line = String(repeating: "  ", count: indent) + "\(label) @\(self.line)"
        if !spans.isEmpty { line += " \"\(text)\"" }
        var out = [line]
        for child in children { out.append(child.dump(indent: indent + 1)) }
        return out.joined(separator: "\n")
    }

    private var label: String {
        switch kind {
        case .document: return "document"
        case .blockQuote: return "blockQuote"
        case .list(let ordered): return ordered ? "orderedList" : "list"
        case .item(let marker):
            switch marker {
            case .none: return "item"
            case .unchecked: return "item[ ]"
            case .checked: return "item[x]"
            }
        case .codeBlock(let info): return info.isEmpty ? "codeBlock" : "codeBlock(\(info))"
        case .htmlBlock: return "htmlBlock"
        case .paragraph: return "paragraph"
        case .heading(let level): return "heading\(level)"
        case .thematicBreak: return "thematicBreak"
        case .table: return "table"
        case .tableRow(let header): return header ? "tableHeader" : "tableRow"
        case .tableCell: return "cell"
        case .other(let name): return name
        }
    }
}
