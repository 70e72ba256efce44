/// What every report becomes before rendering: a title, header facts and sections of text, item
/// lists, tables and charts. Each report model builds one; each renderer renders any of them.
public struct ReportDocument: Sendable {
    /// The report's name in JSON (`week`, `gates`, ...).
    public let report: String
    public let title: String
    public let facts: [Fact]
    public var sections: [ReportSection]

    public struct Fact: Sendable {
        public let id: String
        public let label: String
        public let value: String

        public init(_ id: String, _ label: String, _ value: String) {
            self.id = id
            self.label = label
            self.value = value
        }
    }

    public init(report: String, title: String, facts: [Fact], sections: [ReportSection]) {
        self.report = report
        self.title = title
        self.facts = facts
        self.sections = sections
    }

    /// The JSON schema version of every report document.
    public static let schemaVersion = 1
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
    case items([String])
    case table(ReportTable)
    case chart(ReportChart)
    /// What a section says when it has nothing to show.
    case empty(String)
}

public struct ReportTable: Sendable {
    public let id: String
    public let columns: [Column]
    public let rows: [[Cell]]

    public struct Column: Sendable {
        public let id: String
        public let title: String
        public init(_ id: String, _ title: String) {
            self.id = id
            self.title = title
        }
    }

    /// A cell's text, and a tone renderers may show (HTML colours it; Markdown keeps the text).
    public struct Cell: Sendable, ExpressibleByStringLiteral {
        public enum Tone: String, Sendable { case good, bad, warn, muted }
        public let text: String
        public let tone: Tone?
        public init(_ text: String, tone: Tone? = nil) {
            self.text = text
            self.tone = tone
        }
        public init(stringLiteral value: String) { self.init(value) }
    }

    public init(id: String, columns: [Column], rows: [[Cell]]) {
        self.id = id
        self.columns = columns
        self.rows = rows
    }
}

/// A line chart of one or more series over integer x values (weeks).
public struct ReportChart: Sendable {
    public struct Series: Sendable {
        public let name: String
        public let points: [(x: Int, y: Int)]
        public init(name: String, points: [(x: Int, y: Int)]) {
            self.name = name
            self.points = points
        }
    }

    public let id: String
    public let title: String
    public let xLabel: String
    public let yLabel: String
    public let series: [Series]

    public init(id: String, title: String, xLabel: String, yLabel: String, series: [Series]) {
        self.id = id
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    /// The chart as a table: one row per x, one column per series.
    public var table: ReportTable {
        let xs = Array(Set(series.flatMap { $0.points.map(\.x) })).sorted()
        let columns = [ReportTable.Column("x", xLabel)] + series.map { ReportTable.Column($0.name.lowercased().split(separator: " ").joined(separator: "_"), $0.name) }
        let rows: [[ReportTable.Cell]] = xs.map { x in
            [ReportTable.Cell(String(x))] + series.map { serie in ReportTable.Cell(serie.points.first { $0.x == x }.map { String($0.y) } ?? "") }
        }
        return ReportTable(id: id + "_data", columns: columns, rows: rows)
    }
}
