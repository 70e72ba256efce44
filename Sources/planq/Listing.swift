import Reports

/// Rows of a listing, with the columns a table shows. JSON and CSV show every field.
struct Listing {
    let fields: [String]
    let tableColumns: [String]
    let rows: [[String: Value]]

    init(fields: [String], tableColumns: [String]? = nil, rows: [[(String, Value)]]) {
        self.fields = fields
        self.tableColumns = tableColumns ?? fields
        self.rows = rows.map { Dictionary($0, uniquingKeysWith: { first, _ in first }) }
    }
}

/// One emitter for every listing: aligned table on a terminal, Markdown table otherwise, JSON, CSV.
enum Emit {
    static func listing(_ listing: Listing, format: Settings.Format, to output: Output) {
        switch format {
        case .json, .html: // html never reaches a listing: CLI.main refuses it as a usage error
            let array = Value.array(listing.rows.map { row in .object(listing.fields.map { ($0, row[$0] ?? .null) }) })
            output.line(array.json(indent: 2))
        case .csv:
            output.line(listing.fields.map(CSVRenderer.field).joined(separator: ","))
            for row in listing.rows {
                output.line(listing.fields.map { CSVRenderer.field(row[$0]?.csv ?? "") }.joined(separator: ","))
            }
        case .md:
            let cells = listing.rows.map { row in listing.tableColumns.map { row[$0]?.text ?? "" } }
            output.write(table(header: listing.tableColumns, rows: cells, markdown: !output.isTerminal))
        }
    }

    /// A table padded to column widths; as Markdown it keeps the pipes and the delimiter row.
    static func table(header: [String], rows: [[String]], markdown: Bool) -> String {
        let escape: (String) -> String = { markdown ? $0.replacingOccurrences(of: "|", with: "\\|") : $0 }
        let all = [header] + rows.map { $0.map(escape) }
        var widths = [Int](repeating: markdown ? 3 : 0, count: header.count)
        for row in all { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) } }
        func render(_ row: [String]) -> String {
            let padded = row.enumerated().map { index, cell in cell + String(repeating: " ", count: widths[index] - displayWidth(cell)) }
            if markdown { return "| " + padded.joined(separator: " | ") + " |" }
            var line = padded.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        var lines = [render(header)]
        if markdown {
            lines.append("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
        } else {
            lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        }
        lines += rows.map { render($0.map(escape)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Terminal columns: wide East Asian characters and emoji take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let value = scalar.value
            if value == 0xFE0F || value == 0x200D || (0x300...0x36F).contains(value) { return width }
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value) || (0x20000...0x3FFFD).contains(value)
            return width + (wide ? 2 : 1)
        }
    }

}
