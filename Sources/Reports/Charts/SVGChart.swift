/// A line chart drawn as inline SVG elements (through `HTMLDocument`, so every text is escaped):
/// axes with labels and gridlines, one line per run of consecutive points (a week without a
/// point breaks the line), a marker on every point, a legend, and a `<title>` for screen readers.
/// A bar chart (a histogram) draws one bar per point in a slot per x instead.
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
        let bars = chart.kind == .bars
        let slot = plotWidth / (last - first + 1)
        func x(_ value: Int) -> Int {
            if bars { return left + (value - first) * slot + slot / 2 }
            return left + (last == first ? plotWidth / 2 : (value - first) * plotWidth / (last - first))
        }
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
            if bars {
                html.add("rect", to: svg, attributes(["class": "series-\(style(index)) bar", "x": legendX + 6, "y": 10, "width": 12, "height": 12]))
            } else {
                html.add("line", to: svg, attributes(["class": "series-\(style(index))", "x1": legendX, "y1": 16, "x2": legendX + 24, "y2": 16]))
            }
            html.add("text", to: svg, text: series.name, attributes(["class": "label", "x": legendX + 30, "y": 20]))
            legendX += 40 + series.name.count * 7
        }
        // Bars take the accent colour; lines go muted (dashed), accent, good.
        func style(_ index: Int) -> Int { bars ? 1 : index % 3 }
        for (index, series) in chart.series.enumerated() {
            let group = html.add("g", to: svg, [("class", "series-\(style(index))")])
            html.add("title", to: group, text: series.name)
            if bars {
                let barWidth = max(1, slot * 4 / 5)
                for point in series.points {
                    let bar = html.add("rect", to: group, attributes(["class": "bar", "x": x(point.x) - barWidth / 2, "y": y(point.y),
                                                                      "width": barWidth, "height": top + plotHeight - y(point.y)]))
                    html.add("title", to: bar, text: "\(chart.xLabel.lowercased()) \(point.x): \(point.y) \(chart.yLabel.lowercased())")
                }
                continue
            }
            for run in runs(of: series, over: xs) where run.count > 1 {
                html.add("polyline", to: group, [("points", run.map { "\(x($0.x)),\(y($0.y))" }.joined(separator: " "))])
            }
            for point in series.points {
                let marker = html.add("circle", to: group, attributes(["cx": x(point.x), "cy": y(point.y), "r": 3.5]))
                html.add("title", to: marker, text: "\(series.name), \(chart.xLabel.lowercased()) \(point.x): \(point.y)")
            }
        }
        addMarkers(chart, to: svg, in: html, x: x, top: top, bottom: top + plotHeight)
    }

    /// A dashed rule with its label above the plot at each marker's x.
    private static func addMarkers(_ chart: ReportChart, to svg: HTMLElement, in html: HTMLDocument, x: (Int) -> Int, top: Int, bottom: Int) {
        for marker in chart.markers where chart.xs.contains(marker.x) {
            html.add("line", to: svg, [("class", "marker"), ("x1", "\(x(marker.x))"), ("y1", "\(top - 4)"), ("x2", "\(x(marker.x))"), ("y2", "\(bottom)")])
            html.add("text", to: svg, text: marker.label, [("class", "label marker-label"), ("x", "\(x(marker.x))"), ("y", "\(top - 8)"), ("text-anchor", "middle")])
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
