/// One self-contained HTML file: inline stylesheet, inline SVG charts each followed by its data
/// table, no scripts, no external requests. Built as a libxml2 tree by `HTMLDocument`.
public enum HTMLRenderer {
    public static func render(_ report: ReportDocument) -> String {
        let html = HTMLDocument(title: report.title)
        html.add("style", to: html.head, text: Stylesheet.css)
        let main = html.add("main", to: html.body)
        html.add("h1", to: main, text: report.title)
        if !report.facts.isEmpty {
            let facts = html.add("dl", to: main, [("class", "facts")])
            for fact in report.facts {
                html.add("dt", to: facts, text: fact.label)
                html.add("dd", to: facts, text: fact.value)
            }
        }
        for section in report.sections {
            let element = html.add("section", to: main, [("id", section.id)])
            html.add("h2", to: element, text: section.title)
            for block in section.blocks {
                switch block {
                case .text(let text): html.add("p", to: element, text: text)
                case .empty(let text): html.add("p", to: element, text: text, [("class", "empty")])
                case .items(let items):
                    let list = html.add("ul", to: element)
                    for item in items { html.add("li", to: list, text: item) }
                case .table(let table): add(table, to: element, in: html)
                case .chart(let chart):
                    let figure = html.add("figure", to: element)
                    SVGChart.add(chart, to: figure, in: html)
                    add(chart.table, to: element, in: html)
                }
            }
        }
        return html.serialize()
    }

    static func add(_ table: ReportTable, to parent: HTMLElement, in html: HTMLDocument) {
        let element = html.add("table", to: parent, [("id", table.id)])
        let head = html.add("tr", to: html.add("thead", to: element))
        for column in table.columns { html.add("th", to: head, text: column.title, [("scope", "col")]) }
        let body = html.add("tbody", to: element)
        for row in table.rows {
            let line = html.add("tr", to: body)
            for cell in row {
                html.add("td", to: line, text: cell.text, cell.tone.map { [("class", $0.rawValue)] } ?? [])
            }
        }
    }
}
