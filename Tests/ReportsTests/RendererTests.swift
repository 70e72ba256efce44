import Foundation
import Testing
import PlanModel
@testable import Reports

@Suite struct RendererTests {
    let document = ReportDocument(report: "sample", title: "Nimbus <b>review</b>", facts: [.init("week", "Week", .int(3)),
                                                                                      .init("current_week", "Current week", .null, absent: "unknown")],
                                  summary: [.init("done", "Done", .share(0.75))], sections: [
        ReportSection(id: "tasks", title: "Tasks", blocks: [
            .table(ReportTable(id: "tasks", columns: [.init("task", "Task"), .init("status", "Status"), .init("n", "N"), .init("share", "Share")],
                               rows: [["<script>alert(1)</script>", ReportTable.Cell(.label(TaskStatus.inProgress)), ReportTable.Cell(.int(12)), ReportTable.Cell(.share(0.75))],
                                      ["[click](javascript:alert(1)) | pipe", ReportTable.Cell(.label(TaskStatus.done)), ReportTable.Cell(.null), ReportTable.Cell(.share(1))]])),
            .text("**not bold**"),
        ]),
        ReportSection(id: "chart", title: "Backlog", blocks: [.chart(ReportChart(id: "backlog", title: "Left", xLabel: "Week", yLabel: "Tasks",
            series: [.init(name: "Planned remaining", points: [(1, 4), (2, 2), (3, 1)]), .init(name: "Actual remaining", points: [(1, 4), (3, 2)])]))]),
        ReportSection(id: "empty", title: "Notes", blocks: [.empty("Nothing.")]),
    ])

    @Test func htmlIsOneSelfContainedDocumentWithInertText() {
        let html = HTMLRenderer.render(document)
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(HTMLDocument.elements(named: "script", in: html).isEmpty)
        #expect(HTMLDocument.elements(named: "a", in: html).isEmpty)
        #expect(!html.contains("href="))
        #expect(!html.contains("<link"))
        #expect(HTMLDocument.texts(of: "td", in: html).first == "<script>alert(1)</script>")
        #expect(HTMLDocument.texts(of: "h1", in: html) == ["Nimbus <b>review</b>"])
        #expect(HTMLDocument.texts(of: "th", in: html).prefix(4) == ["Task", "Status", "N", "Share"])
        #expect(HTMLDocument.texts(of: "title", in: html).contains("Left"))
        #expect(HTMLDocument.elements(named: "table", in: html).map { $0.attributes["id"] } == ["tasks", "backlog_data"])
        #expect(HTMLDocument.texts(of: "style", in: html).first == Stylesheet.css)
    }

    @Test func htmlShowsLabelsAsBadgesNumbersRightAlignedAndSummaryTiles() {
        let html = HTMLRenderer.render(document)
        let badges = HTMLDocument.elements(named: "span", in: html).filter { $0.attributes["class"]?.hasPrefix("badge") == true }
        #expect(badges.map(\.text) == ["in progress", "done"])
        #expect(badges.map { $0.attributes["class"] } == ["badge warn", "badge good"])
        let cells = HTMLDocument.elements(named: "td", in: html)
        #expect(cells[2].attributes["class"] == "num" && cells[2].text == "12")
        #expect(cells[3].text == "75%")
        #expect(HTMLDocument.texts(of: "dd", in: html) == ["3", "unknown"])
        #expect(HTMLDocument.texts(of: "span", in: html).prefix(2) == ["75%", "Done"])
        #expect(HTMLDocument.elements(named: "div", in: html).filter { $0.attributes["class"] == "scroll" }.count == 2)
    }

    @Test func htmlChartsBreakLinesAtMissingWeeksAndMarkEveryPoint() {
        let html = HTMLRenderer.render(document)
        // Planned: one line through 3 points; actual: points at weeks 1 and 3, no line over week 2.
        #expect(HTMLDocument.elements(named: "polyline", in: html).count == 1)
        #expect(HTMLDocument.elements(named: "circle", in: html).count == 5)
        #expect(HTMLDocument.texts(of: "text", in: html).contains("Tasks"))
    }

    @Test func markdownEscapesDocumentTextAndDrawsOnlyCompleteSeriesInMermaid() {
        let markdown = MarkdownRenderer.render(document)
        #expect(markdown.contains("| &lt;script>alert(1)&lt;/script> | in progress | 12 | 75% |"), "no tag can open without its <")
        #expect(MarkdownRenderer.inline("> quoted") == "&gt; quoted" && MarkdownRenderer.inline("a > b") == "a > b", "only a leading > is a quote")
        #expect(markdown.contains("| \\[click\\](javascript:alert(1)) \\| pipe | done |  | 100% |"))
        #expect(markdown.contains("|---|---|---:|---:|"))
        #expect(markdown.contains("\\*\\*not bold\\*\\*"))
        #expect(markdown.contains("**Current week:** unknown"))
        #expect(markdown.contains("**Summary:** Done: 75%"))
        #expect(markdown.contains("```mermaid\nxychart-beta"))
        #expect(markdown.contains("    line [4, 2, 1]"))
        #expect(!markdown.contains("    line [4, 4, 2]"), "a gap is never filled")
        #expect(markdown.contains("Actual remaining (1, 3)"))
        #expect(markdown.contains("| 2 | 2 |  |"))
        #expect(markdown.contains("_Nothing._"))
    }

    @Test func jsonCarriesTypedValues() throws {
        let json = JSONRenderer.render(document)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["report"] as? String == "sample")
        #expect(object["schema_version"] as? Int == 2)
        #expect(object["week"] as? Int == 3)
        #expect(object["current_week"] is NSNull)
        #expect((object["summary"] as? [String: Any])?["done"] as? Double == 0.75)
        let sections = try #require(object["sections"] as? [[String: Any]])
        let rows = try #require(sections[0]["tasks"] as? [[String: Any]])
        #expect(rows[0]["n"] as? Int == 12)
        #expect(rows[0]["status"] as? String == "in_progress")
        #expect(rows[0]["share"] as? Double == 0.75)
        #expect(rows[1]["n"] is NSNull)
        let chart = try #require(sections[1]["backlog"] as? [String: Any])
        let series = try #require(chart["series"] as? [[String: Any]])
        #expect((series[1]["points"] as? [[String: Int]]) == [["x": 1, "y": 4], ["x": 3, "y": 2]])
    }

    @Test func csvIsTheFirstTableInPlainValues() {
        #expect(CSVRenderer.render(document) == "task,status,n,share\n<script>alert(1)</script>,in_progress,12,0.75\n[click](javascript:alert(1)) | pipe,done,,1\n")
    }

    @Test func theCompiledStylesheetIsTheTemplate() throws {
        let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates/report.css")
        #expect(try String(contentsOf: template, encoding: .utf8) == Stylesheet.css, "run `make templates`")
    }
}
