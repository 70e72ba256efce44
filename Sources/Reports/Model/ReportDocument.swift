/// What every report becomes before rendering: a title, typed header facts, a summary, and
/// sections of text, tables, field lists and charts. Each report model builds one; each renderer
/// renders any of them. Values stay typed (`Value`) until a renderer formats them.
public struct ReportDocument: Sendable {
    /// The report's name in JSON (`week`, `gates`, ...).
    public let report: String
    public let title: String
    public let facts: [Fact]
    /// The few numbers that say how things stand (HTML shows them as tiles); may be empty.
    public let summary: [Fact]
    public var sections: [ReportSection]

    /// A named value. `absent` is what people read when the value is null ("unknown (no start
    /// date ...)"); programs read null.
    public struct Fact: Sendable {
        public let id: String
        public let label: String
        public let value: Value
        public let absent: String?
        public let tone: Tone?
        /// In the JSON only: a value the page's text already says (the forecast's seed and runs).
        public let dataOnly: Bool

        public init(_ id: String, _ label: String, _ value: Value, absent: String? = nil, tone: Tone? = nil, dataOnly: Bool = false) {
            self.id = id
            self.label = label
            self.value = value
            self.absent = absent
            self.tone = tone ?? value.tone
            self.dataOnly = dataOnly
        }

        public var text: String { value == .null ? absent ?? "" : value.text }
    }

    public init(report: String, title: String, facts: [Fact], summary: [Fact] = [], sections: [ReportSection]) {
        self.report = report
        self.title = title
        self.facts = facts
        self.summary = summary
        self.sections = sections
    }

    /// The JSON schema version of every report document (`planq schema --reports`).
    public static let schemaVersion = 2
}

public struct ReportSection: Sendable {
    public let id: String
    public let title: String
    public var blocks: [ReportBlock]

    public init(id: String, title: String, blocks: [ReportBlock]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

public enum ReportBlock: Sendable {
    case text(String)
    case table(ReportTable)
    case chart(ReportChart)
    /// Named values that belong together (a forecast): a list for people, one object in JSON.
    case fields(id: String, [ReportDocument.Fact])
    /// What a section says when it has nothing to show.
    case empty(String)
}

public struct ReportTable: Sendable {
    public let id: String
    public let columns: [Column]
    public let rows: [[Cell]]
    /// What JSON carries under `id`.
    public let data: Data
    /// What people read when there are no rows (JSON still carries an empty array).
    public let empty: String?

    public enum Data: Sendable {
        /// Each row as an object keyed by column id.
        case rows
        /// The listing objects the rows show (tasks, gates, ...), richer than the columns.
        case objects([Value])
        /// Display only: the same facts are in JSON elsewhere.
        case hidden
    }

    public struct Column: Sendable {
        public let id: String
        public let title: String
        public init(_ id: String, _ title: String) {
            self.id = id
            self.title = title
        }
    }

    /// A cell's value and the tone renderers may show (the value's own unless stated).
    public struct Cell: Sendable, ExpressibleByStringLiteral {
        public let value: Value
        public let tone: Tone?
        public init(_ value: Value, tone: Tone? = nil) {
            self.value = value
            self.tone = tone ?? value.tone
        }
        public init(_ text: String) { self.init(.string(text)) }
        public init(stringLiteral value: String) { self.init(.string(value)) }
    }

    public init(id: String, columns: [Column], rows: [[Cell]], data: Data = .rows, empty: String? = nil) {
        self.id = id
        self.columns = columns
        self.rows = rows
        self.data = data
        self.empty = empty
    }

    /// Whether a column holds quantities (renderers right-align it).
    public func isNumeric(column index: Int) -> Bool {
        let values = rows.map { $0[index].value }.filter { $0 != .null }
        return !values.isEmpty && values.allSatisfy(\.isNumber)
    }
}

/// A line chart of one or more series over integer x values (weeks). A series has points only
/// where something was measured: renderers break or mark it, never fill the gaps.
public struct ReportChart: Sendable {
    public struct Series: Sendable {
        public let id: String
        public let name: String
        public let points: [(x: Int, y: Int)]
        public init(name: String, points: [(x: Int, y: Int)]) {
            self.id = name.lowercased().split(separator: " ").joined(separator: "_")
            self.name = name
            self.points = points.sorted { $0.x < $1.x }
        }

        public func y(at x: Int) -> Int? { points.first { $0.x == x }?.y }
    }

    public let id: String
    public let title: String
    public let xLabel: String
    public let yLabel: String
    public let series: [Series]
    public let kind: Kind
    /// Labelled x positions drawn over the plot (a histogram's P50, P85 and P95).
    public let markers: [Marker]

    public struct Marker: Sendable, Equatable {
        public let x: Int
        public let label: String
        public init(x: Int, label: String) {
            self.x = x
            self.label = label
        }
    }

    /// Lines for series over time; bars for counts per x (a histogram).
    public enum Kind: String, Sendable {
        case lines, bars
    }

    public init(id: String, title: String, xLabel: String, yLabel: String, series: [Series], kind: Kind = .lines, markers: [Marker] = []) {
        self.markers = markers
        self.id = id
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.kind = kind
    }

    /// Every x any series has a point at, in order.
    public var xs: [Int] { Array(Set(series.flatMap { $0.points.map(\.x) })).sorted() }

    /// The chart as a table: one row per x, one column per series; blank where a series has no point.
    public var table: ReportTable {
        let columns = [ReportTable.Column("x", xLabel)] + series.map { ReportTable.Column($0.id, $0.name) }
        let rows: [[ReportTable.Cell]] = xs.map { x in
            [ReportTable.Cell(.int(x))] + series.map { ReportTable.Cell(Value($0.y(at: x))) }
        }
        return ReportTable(id: id + "_data", columns: columns, rows: rows, data: .hidden)
    }

    /// The chart as JSON: its axes and each series' points.
    public var json: Value {
        .object([("x_label", .string(xLabel)), ("y_label", .string(yLabel)),
                 ("series", .array(series.map { series in
                     .object([("id", .string(series.id)), ("name", .string(series.name)),
                              ("points", .array(series.points.map { .object([("x", .int($0.x)), ("y", .int($0.y))]) }))])
                 }))])
    }
}
