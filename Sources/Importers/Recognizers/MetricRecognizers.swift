import Markdown
import PlanModel

/// Metric tables: a `Metric` (or `Criterion`, `KPI`) column and a `Target` (or `Planned`, `Goal`)
/// column, with `Actual` / `Achieved` / `Current`, `Measurement` and `Status` when present. A
/// stated status that disagrees with the computed one is reported.
struct MetricTable: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.kind == .table, let header = node.children.first else { return false }
        let columns = TableColumns(header)
        // A target column, and a metric column (else the first column, when it names things).
        guard let target = columns.first(.target),
              let name = columns.first(.metric) ?? columns.first(.keyResult)
                ?? (target > 0 && [nil, .description].contains(columns.terms[0]) && columns.headers[0] != ""
                    && (columns.has(.actual) || columns.has(.status)) ? 0 : nil),
              name != target else { return false }
        let actual = columns.first(.actual)
        let baseline = columns.first(.baseline)
        let measurement = columns.headers.firstIndex { ["measurement", "how measured", "source", "tool"].contains($0.lowercased()) }
        let status = columns.first(.status)
        for row in node.children.dropFirst() {
            let cells = row.children.map { TextPatterns.clean($0.text) }
            func cell(_ index: Int?) -> String? {
                guard let index, index < cells.count else { return nil }
                let text = cells[index]
                return text.isEmpty ? nil : text
            }
            guard let metricName = cell(name).map(TaskTitle.trimDecorations), !TextPatterns.isBlank(metricName) else { continue }
            // `🟢/🟡/🔴` in a status cell is the template's legend, not a stated status.
            let stated = cell(status).flatMap { StatusVocabulary.isLegend($0) ? nil : $0 }
            var metric = MetricItem(line: row.line, name: metricName, target: cell(target), actual: cell(actual),
                                    stated: stated, measurement: cell(measurement), week: context.week)
            metric.baseline = cell(baseline)
            Self.checkStatedStatus(metric, into: &found)
            found.document.metrics.append(metric)
        }
        return true
    }

    static func checkStatedStatus(_ metric: MetricItem, into found: inout Findings) {
        guard let stated = metric.stated.flatMap(MetricStatus.stated) else { return }
        let computed = metric.status
        guard [.met, .missed].contains(stated), [.met, .missed].contains(computed), stated != computed else { return }
        found.warn(metric.line, "metric \"\(metric.name)\" is stated \(stated.rawValue) but computes \(computed.rawValue) "
                   + "(target \(metric.target ?? "-"), actual \(metric.actual ?? "-"))")
    }
}

/// Metrics stated in prose: `55.92% code coverage (target: 85%)`, `99.6% unit test pass rate`.
enum InlineMetrics {
    static let measures = ["coverage", "pass rate", "uptime", "availability", "error rate", "success rate", "accuracy", "latency"]

    static func read(_ line: [Span], lineNumber: Int, week: @autoclosure () -> Int?) -> MetricItem? {
        let plain = line.plainText
        // Most lines of prose hold no measurement at all: seen in their bytes, before any Character work.
        guard mayHoldMeasurement(plain) else { return nil }
        let text = TaskTitle.trimDecorations(TextPatterns.clean(plain))
        // Find the first number: the actual, with the words after it the metric's name.
        // In plain ASCII a number starts at a digit byte; elsewhere any Character may be one (`½`, `٣`).
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        guard let start = ascii ? text.utf8.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) : text.firstIndex(where: { $0.isNumber })
        else { return nil }
        let fromNumber = text[start...]
        let number = fromNumber.prefix { !$0.isWhitespace }
        guard number.hasSuffix("%") || number.hasSuffix("ms") || number.hasSuffix("s"),
              Quantity.parse(String(number)) != nil else { return nil }
        var rest = fromNumber.dropFirst(number.count).trimming(" ")
        var target: String?
        if let open = rest.utf8Range(of: "(target") {
            let inner = rest[open.upperBound...].prefix { $0 != ")" }.trimming(" :")
            target = inner.isEmpty ? nil : inner
            rest = String(rest[..<open.lowerBound])
        } else if let open = rest.firstIndex(of: "(") {
            rest = String(rest[..<open])
        }
        let name = rest.trimming(" ,.;:")
        guard let first = name.first, first.isLetter else { return nil }
        let lower = name.lowercased()
        guard target != nil || measures.contains(where: { TextPatterns.contains(lower, $0) }), !name.isEmpty, name.count <= 60 else { return nil }
        return MetricItem(line: lineNumber, name: name, target: target, actual: String(number), week: week())
    }

    /// Whether some run of the text without spaces holds a number and then a `%` or an `s` (`55.92%`,
    /// `200ms`): what the actual `read` takes must be. A necessary condition only, read from bytes:
    /// a byte above ASCII may be a number (`½`) or not a space, so it counts as both.
    static func mayHoldMeasurement(_ text: String) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var numberInRun = false
            for byte in bytes {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    numberInRun = false
                } else if (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 {
                    numberInRun = true
                } else if numberInRun, byte == UInt8(ascii: "%") || byte == UInt8(ascii: "s") {
                    return true
                }
            }
            return false
        }
        var text = text
        return text.withUTF8(scan)
    }

    /// Every paragraph line in the document, wherever it is: prose metrics sit in bullets too.
    static func collect(_ nodes: [Node], week: (Node) -> Int?, into found: inout Findings) {
        for node in nodes {
            switch node.kind {
            case .codeBlock, .htmlBlock, .table: continue
            case .item where CheckboxPrefix.of(item: node).box != nil:
                continue // a task's words (`Wednesday: 25% - monitor latency`) are not a measurement
            case .paragraph:
                for (offset, line) in node.spans.lines.enumerated() {
                    // The week is looked up only for a line that holds a metric (few do).
                    if let metric = read(line, lineNumber: node.line + offset, week: week(node)) { found.document.metrics.append(metric) }
                }
            default:
                collect(node.children, week: week, into: &found)
            }
        }
    }
}
