/// A line chart drawn as inline SVG elements (through `HTMLDocument`, so every text is escaped):
/// axes with labels and gridlines, one line per run of consecutive points (a week without a
/// point breaks the line), a marker on every point, a legend, and a `<title>` for screen readers.
enum SVGChart {
    static let width = 640, height = 300, left = 52, right = 16, top = 40, bottom = 44

    static func add(_ chart: ReportChart, to parent: HTMLElement, in html: HTMLDocument) {
        let svg = html.add("svg", to: parent, [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(width) \(height)"),
                                               ("role", "img"), ("aria-labelledby", chart.id + "_title")])
        html.add("title", to: svg, text: chart.title, [("id", chart.id + "_title")])
        let xs = chart.xs
        guard let first = xs.first, let last = xs.last else { return }
        let step = tickStep(for: chart.series.flatMap { $0.points.map(\.y) }.max() ?? 1)
        let maximum = max(step, ((chart.series.flatMap { $0.points.map(\.y) }.max() ?? 1) + step - 1) / step * step)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ value: Int) -> Int { left + (last == first ? plotWidth / 2 : (value - first) * plotWidth / (last - first)) }
        func y(_ value: Int) -> Int { top + plotHeight - value * plotHeight / maximum }
        func attributes(_ pairs: KeyValuePairs<String, Any>) -> [(String, String)] { pairs.map { ($0.key, "\($0.value)") } }

        // Gridlines and y labels at round steps; x labels at every week (every other when crowded).
        for tick in stride(from: 0, through: maximum, by: step) {
            html.add("line", to: svg, attributes(["class": tick == 0 ? "axis" : "grid", "x1": left, "y1": y(tick), "x2": left + plotWidth, "y2": y(tick)]))
            html.add("text", to: svg, text: String(tick), attributes(["class": "label", "x": left - 6, "y": y(tick) + 4, "text-anchor": "end"]))
        }
        html.add("line", to: svg, attributes(["class": "axis", "x1": left, "y1": top, "x2": left, "y2": top + plotHeight]))
        let every = max(1, (xs.count + 15) / 16)
        for (index, value) in xs.enumerated() where index % every == 0 || value == last {
            html.add("text", to: svg, text: String(value), attributes(["class": "label", "x": x(value), "y": top + plotHeight + 16, "text-anchor": "middle"]))
        }
        html.add("text", to: svg, text: chart.xLabel, attributes(["class": "label axis-title", "x": left + plotWidth / 2, "y": height - 6, "text-anchor": "middle"]))
        html.add("text", to: svg, text: chart.yLabel,
                 attributes(["class": "label axis-title", "x": 14, "y": top + plotHeight / 2, "text-anchor": "middle",
                             "transform": "rotate(-90 14 \(top + plotHeight / 2))"]))
        // Legend: a short stroke in each series' style, then its name.
        var legendX = left
        for (index, series) in chart.series.enumerated() {
            html.add("line", to: svg, attributes(["class": "series-\(index % 3)", "x1": legendX, "y1": 16, "x2": legendX + 24, "y2": 16]))
            html.add("text", to: svg, text: series.name, attributes(["class": "label", "x": legendX + 30, "y": 20]))
            legendX += 40 + series.name.count * 7
        }
        for (index, series) in chart.series.enumerated() {
            let group = html.add("g", to: svg, [("class", "series-\(index % 3)")])
            html.add("title", to: group, text: series.name)
            for run in runs(of: series, over: xs) where run.count > 1 {
                html.add("polyline", to: group, [("points", run.map { "\(x($0.x)),\(y($0.y))" }.joined(separator: " "))])
            }
            for point in series.points {
                let marker = html.add("circle", to: group, attributes(["cx": x(point.x), "cy": y(point.y), "r": 3.5]))
                html.add("title", to: marker, text: "\(series.name), \(chart.xLabel.lowercased()) \(point.x): \(point.y)")
            }
        }
    }

    /// The series' points cut where the chart has an x the series has no point at.
    static func runs(of series: ReportChart.Series, over xs: [Int]) -> [[(x: Int, y: Int)]] {
        var runs: [[(x: Int, y: Int)]] = [], current: [(x: Int, y: Int)] = []
        for x in xs {
            if let y = series.y(at: x) {
                current.append((x, y))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// A round gridline step giving three to six lines up to `maximum`.
    static func tickStep(for maximum: Int) -> Int {
        let target = max(1, maximum / 4)
        var magnitude = 1
        while magnitude * 10 <= target { magnitude *= 10 }
        for factor in [1, 2, 5, 10] where magnitude * factor >= target { return magnitude * factor }
        return magnitude * 10
    }
}
