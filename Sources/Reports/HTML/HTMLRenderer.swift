/// One self-contained HTML file: inline stylesheet, inline SVG charts each followed by its data
/// table, no scripts, no external requests. Built as a libxml2 tree by `HTMLDocument`. Verdicts,
/// severities and statuses are badges; quantities are right-aligned; sources link to the
/// document line when `links` says where the page will be.
public enum HTMLRenderer {
    /// Where a page sits in a report site: the shared stylesheet instead of an inline one, a
    /// breadcrumb trail and a navigation bar, every link relative to the page.
    public struct SitePage: Sendable {
        public struct Link: Sendable {
            public let text: String
            public let href: String?
            public let current: Bool
            public init(_ text: String, _ href: String?, current: Bool = false) {
                self.text = text
                self.href = href
                self.current = current
            }
        }

        public let stylesheet: String
        public let breadcrumbs: [Link]
        public let navigation: [Link]

        public init(stylesheet: String, breadcrumbs: [Link], navigation: [Link]) {
            self.stylesheet = stylesheet
            self.breadcrumbs = breadcrumbs
            self.navigation = navigation
        }
    }

    public static func render(_ report: ReportDocument, links: SourceLinks? = nil, page: SitePage? = nil) -> String {
        let html = HTMLDocument(title: report.title)
        if let page {
            html.add("link", to: html.head, [("rel", "stylesheet"), ("href", page.stylesheet)])
            addNavigation(page, to: html.body, in: html)
        } else {
            html.add("style", to: html.head, text: Stylesheet.css)
        }
        let main = html.add("main", to: html.body)
        html.add("h1", to: main, text: report.title)
        if !report.facts.isEmpty { addFacts(report.facts, to: main, in: html, class: "facts") }
        if !report.summary.isEmpty {
            let tiles = html.add("ul", to: main, [("class", "tiles"), ("aria-label", "Summary")])
            for fact in report.summary {
                let tile = html.add("li", to: tiles, fact.tone.map { [("class", $0.rawValue)] } ?? [])
                html.add("span", to: tile, text: fact.text, [("class", "tile-value")])
                html.add("span", to: tile, text: fact.label, [("class", "tile-label")])
            }
        }
        for section in report.sections {
            let element = html.add("section", to: main, [("id", section.id)])
            html.add("h2", to: element, text: section.title)
            for block in section.blocks {
                switch block {
                case .text(let text): html.add("p", to: element, text: text)
                case .empty(let text): html.add("p", to: element, text: text, [("class", "empty")])
                case .fields(_, let facts): addFacts(facts.filter { !$0.dataOnly }, to: element, in: html, class: "fields")
                case .table(let table): add(table, to: element, in: html, links: links)
                case .chart(let chart) where chart.series.isEmpty: break
                case .chart(let chart):
                    let figure = html.add("figure", to: element)
                    SVGChart.add(chart, to: figure, in: html)
                    add(chart.table, to: element, in: html, links: links)
                }
            }
        }
        return html.serialize()
    }

    static func addNavigation(_ page: SitePage, to body: HTMLElement, in html: HTMLDocument) {
        let header = html.add("header", to: body, [("class", "site")])
        let trail = html.add("nav", to: header, [("class", "breadcrumbs"), ("aria-label", "Breadcrumbs")])
        for (index, crumb) in page.breadcrumbs.enumerated() {
            if index > 0 { html.add("span", to: trail, text: "›", [("class", "separator"), ("aria-hidden", "true")]) }
            if let href = crumb.href, !crumb.current {
                html.add("a", to: trail, text: crumb.text, [("href", href)])
            } else {
                html.add("span", to: trail, text: crumb.text, crumb.current ? [("aria-current", "page")] : [])
            }
        }
        guard !page.navigation.isEmpty else { return }
        let bar = html.add("ul", to: html.add("nav", to: header, [("class", "pages"), ("aria-label", "Pages")]))
        for link in page.navigation {
            let item = html.add("li", to: bar)
            if let href = link.href {
                html.add("a", to: item, text: link.text, [("href", href)] + (link.current ? [("aria-current", "page")] : []))
            } else {
                html.add("span", to: item, text: link.text)
            }
        }
    }

    static func addFacts(_ facts: [ReportDocument.Fact], to parent: HTMLElement, in html: HTMLDocument, class name: String) {
        let list = html.add("dl", to: parent, [("class", name)])
        for fact in facts {
            html.add("dt", to: list, text: fact.label)
            html.add("dd", to: list, text: fact.text)
        }
    }

    static func add(_ table: ReportTable, to parent: HTMLElement, in html: HTMLDocument, links: SourceLinks?) {
        if table.rows.isEmpty, let empty = table.empty {
            html.add("p", to: parent, text: empty, [("class", "empty")])
            return
        }
        // The wrapper scrolls a wide table inside itself, so a narrow window keeps the page still.
        let scroller = html.add("div", to: parent, [("class", "scroll")])
        let element = html.add("table", to: scroller, [("id", table.id)])
        let numeric = table.columns.indices.map { table.isNumeric(column: $0) }
        let head = html.add("tr", to: html.add("thead", to: element))
        for (index, column) in table.columns.enumerated() {
            html.add("th", to: head, text: column.title, [("scope", "col")] + (numeric[index] ? [("class", "num")] : []))
        }
        let body = html.add("tbody", to: element)
        for row in table.rows {
            let line = html.add("tr", to: body)
            for (index, cell) in row.enumerated() {
                if numeric[index] {
                    html.add("td", to: line, text: cell.value.text, [("class", "num")])
                    continue
                }
                switch cell.value {
                case .label(let label):
                    let td = html.add("td", to: line)
                    html.add("span", to: td, text: label.label, [("class", "badge " + (cell.tone?.rawValue ?? "plain"))])
                case .link(let text, let href):
                    html.add("a", to: html.add("td", to: line), text: text, [("href", href)])
                case .source(let source):
                    let td = html.add("td", to: line, [("class", "source")])
                    if let links {
                        html.add("a", to: td, text: source.description, [("href", links.target(source))])
                    } else {
                        html.addText(source.description, to: td)
                    }
                default:
                    html.add("td", to: line, text: cell.value.text, cell.tone.map { [("class", $0.rawValue)] } ?? [])
                }
            }
        }
    }
}
