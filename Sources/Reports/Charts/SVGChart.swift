/// A line chart drawn as inline SVG elements (through `HTMLDocument`, so every text is escaped):
/// axes, one polyline per series, a `<title>` naming the chart for screen readers.
enum SVGChart {
    static let width = 640, height = 280, left = 44, right = 16, top = 36, bottom = 36

    static func add(_ chart: ReportChart, to parent: HTMLElement, in html: HTMLDocument) {
        let svg = html.add("svg", to: parent, [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(width) \(height)"),
                                               ("role", "img"), ("aria-labelledby", chart.id + "_title")])
        html.add("title", to: svg, text: chart.title, [("id", chart.id + "_title")])
        let xs = Array(Set(chart.series.flatMap { $0.points.map(\.x) })).sorted()
        guard let first = xs.first, let last = xs.last else { return }
        let maximum = max(1, chart.series.flatMap { $0.points.map(\.y) }.max() ?? 1)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ value: Int) -> Int { left + (last == first ? plotWidth / 2 : (value - first) * plotWidth / (last - first)) }
        func y(_ value: Int) -> Int { top + plotHeight - value * plotHeight / maximum }
        html.add("line", to: svg, [("class", "axis"), ("x1", "\(left)"), ("y1", "\(top + plotHeight)"), ("x2", "\(left + plotWidth)"), ("y2", "\(top + plotHeight)")])
        html.add("line", to: svg, [("class", "axis"), ("x1", "\(left)"), ("y1", "\(top)"), ("x2", "\(left)"), ("y2", "\(top + plotHeight)")])
        for value in xs {
            html.add("text", to: svg, text: String(value), [("class", "label"), ("x", "\(x(value))"), ("y", "\(height - bottom + 16)"), ("text-anchor", "middle")])
        }
        html.add("text", to: svg, text: String(maximum), [("class", "label"), ("x", "\(left - 6)"), ("y", "\(top + 4)"), ("text-anchor", "end")])
        html.add("text", to: svg, text: "0", [("class", "label"), ("x", "\(left - 6)"), ("y", "\(top + plotHeight + 4)"), ("text-anchor", "end")])
        html.add("text", to: svg, text: chart.xLabel, [("class", "label"), ("x", "\(left + plotWidth / 2)"), ("y", "\(height - 4)"), ("text-anchor", "middle")])
        // Legend: a short stroke in each series' style, then its name.
        var legendX = left
        for (index, series) in chart.series.enumerated() {
            html.add("line", to: svg, [("class", "series-\(index % 3)"), ("x1", "\(legendX)"), ("y1", "14"), ("x2", "\(legendX + 24)"), ("y2", "14")])
            html.add("text", to: svg, text: series.name, [("class", "label"), ("x", "\(legendX + 30)"), ("y", "18")])
            legendX += 40 + series.name.count * 7
        }
        for (index, series) in chart.series.enumerated() {
            let points = series.points.sorted { $0.x < $1.x }.map { "\(x($0.x)),\(y($0.y))" }.joined(separator: " ")
            let line = html.add("polyline", to: svg, [("class", "series-\(index % 3)"), ("points", points)])
            html.add("title", to: line, text: series.name)
        }
    }
}
