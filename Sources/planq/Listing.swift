import Reports
import Foundation

/// Rows of a listing, with the columns a table shows. JSON and CSV show every field.
struct Listing {
    let fields: [String]
    let tableColumns: [String]
    /// Each row's values by column: `fields` first, then the table's own columns.
    let rows: [[Value]]
    /// Where `fields` and `tableColumns` are in a row.
    let fieldPositions: [Int]
    let tablePositions: [Int]

    init(fields: [String], tableColumns: [String]? = nil, rows: [[(String, Value)]]) {
        self.fields = fields
        let tableColumns = tableColumns ?? fields
        self.tableColumns = tableColumns
        // Thousands of rows are common (`status` of every project, `tasks`): each is an array
        // placed by one index, not a dictionary of its own.
        var index: [String: Int] = [:]
        for name in fields + tableColumns where index[name] == nil { index[name] = index.count }
        fieldPositions = fields.map { index[$0]! }
        tablePositions = tableColumns.map { index[$0]! }
        let width = index.count
        self.rows = rows.map { pairs in
            var row = [Value](repeating: .null, count: width)
            var set = [Bool](repeating: false, count: width)
            for (name, value) in pairs {
                guard let position = index[name], !set[position] else { continue }
                row[position] = value
                set[position] = true
            }
            return row
        }
    }
}

/// One emitter for every listing: aligned table on a terminal (fitted to its width, coloured when
/// `--color` says so), Markdown table otherwise, JSON, CSV.
enum Emit {
    static func listing(_ listing: Listing, format: Settings.Format, to output: Output) {
        switch format {
        case .json, .html: // html never reaches a listing: CLI.main refuses it as a usage error
            // The array's JSON, row by row, written on in chunks: thousands of rows are common.
            // Each field's key, with the line break and indentation before it, is made once.
            guard !listing.rows.isEmpty else { return output.line("[]") }
            let keys = listing.fields.enumerated().map { index, field in
                var key = Array((index == 0 ? "\n    " : ",\n    ").utf8)
                Value.quote(field, into: &key)
                key.append(contentsOf: ": ".utf8)
                return key
            }
            var chunk = Array("[\n".utf8)
            chunk.reserveCapacity(1 << 17)
            for (index, row) in listing.rows.enumerated() {
                chunk.append(contentsOf: (index == 0 ? "  {" : ",\n  {").utf8)
                for (key, position) in zip(keys, listing.fieldPositions) {
                    chunk.append(contentsOf: key)
                    row[position].write(json: &chunk, indent: 2, level: 2)
                }
                chunk.append(contentsOf: (keys.isEmpty ? "}" : "\n  }").utf8)
                if chunk.count >= 1 << 16 {
                    output.write(bytes: chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            chunk.append(contentsOf: "\n]\n".utf8)
            output.write(bytes: chunk)
        case .csv:
            output.line(listing.fields.map(CSVRenderer.field).joined(separator: ","))
            for row in listing.rows {
                output.line(listing.fieldPositions.map { CSVRenderer.cell(row[$0]) }.joined(separator: ","))
            }
        case .md:
            let values = listing.rows.map { row in listing.tablePositions.map { row[$0] } }
            output.write(table(header: listing.tableColumns, rows: values.map { $0.map(\.text) }, markdown: !output.isTerminal,
                               tones: output.color ? values.map { $0.map(\.tone) } : nil,
                               width: output.isTerminal ? output.terminalWidth : nil))
        }
    }

    /// A table padded to column widths; as Markdown it keeps the pipes and the delimiter row.
    /// `tones` colours cells (ANSI); `width` shrinks the widest text columns, with an ellipsis, until
    /// the table fits.
    static func table(header: [String], rows: [[String]], markdown: Bool, tones: [[Tone?]]? = nil, width: Int? = nil) -> String {
        let escape: (String) -> String = { cell in
            markdown && cell.utf8.contains(UInt8(ascii: "|")) ? cell.replacingOccurrences(of: "|", with: "\\|") : cell
        }
        let all = [header] + rows.map { $0.map(escape) }
        // Each cell measured once: thousands of rows are common (`status` of every project).
        let cellWidths = all.map { $0.map(displayWidth) }
        var widths = [Int](repeating: markdown ? 3 : 0, count: header.count)
        for row in cellWidths { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell) } }
        if let width, !markdown { widths = fitted(widths, into: width, header: header) }
        let blanks = String(repeating: " ", count: widths.max() ?? 0)
        func render(_ row: [String], measured: [Int], tones: [Tone?]?) -> String {
            var line = ""
            for (index, cell) in row.enumerated() {
                if index > 0 { line += markdown ? " | " : "  " }
                var text = cell, used = measured[index]
                if used > widths[index] {
                    text = truncated(cell, to: widths[index])
                    used = displayWidth(text)
                }
                line += tones?[index].map { Colour.wrap(text, $0) } ?? text
                // Padding cut from one run of spaces: no string made per cell.
                line += blanks.prefix(max(0, widths[index] - used))
            }
            if markdown { return "| " + line + " |" }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        var lines = [render(all[0], measured: cellWidths[0], tones: nil)]
        if markdown {
            lines.append("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
        } else {
            lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        }
        for index in rows.indices {
            lines.append(render(all[index + 1], measured: cellWidths[index + 1], tones: tones?[index]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Column widths that fit `total` terminal columns: the widest column gives way first, down
    /// to its header's width (at least 6); when nothing more can give, the table stays wider.
    static func fitted(_ widths: [Int], into total: Int, header: [String]) -> [Int] {
        var widths = widths
        let floor = header.map { max(6, displayWidth($0)) }
        while widths.reduce(0, +) + 2 * (widths.count - 1) > total {
            // One column at a time, so the wide ones end up even rather than one cut to nothing.
            guard let widest = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        return widths
    }

    /// `text` cut to `width` terminal columns, the last one an ellipsis.
    static func truncated(_ text: String, to width: Int) -> String {
        var result = "", used = 0
        for character in text {
            let size = displayWidth(String(character))
            if used + size > width - 1 { break }
            result.append(character)
            used += size
        }
        return result + "…"
    }
    /// Terminal columns: wide East Asian characters and emoji take two.
    static func displayWidth(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        return text.unicodeScalars.reduce(0) { width, scalar in
            let value = scalar.value
            if value == 0xFE0F || value == 0x200D || (0x300...0x36F).contains(value) { return width }
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value) || (0x20000...0x3FFFD).contains(value)
            return width + (wide ? 2 : 1)
        }
    }

}

/// ANSI colours for tones: one mapping, used by every coloured table.
enum Colour {
    static func wrap(_ text: String, _ tone: Tone) -> String {
        let code: String
        switch tone {
        case .good: code = "32"
        case .bad: code = "31"
        case .warn: code = "33"
        case .muted: code = "2"
        }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }
}
