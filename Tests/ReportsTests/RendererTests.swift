import Foundation
import Testing
@testable import Reports

@Suite struct RendererTests {
    let document = ReportDocument(report: "sample", title: "Nimbus <b>review</b>", facts: [.init("week", "Week", "3")], sections: [
        ReportSection(id: "tasks", title: "Tasks", blocks: [
            .table(ReportTable(id: "tasks", columns: [.init("task", "Task"), .init("status", "Status"), .init("n", "N")],
                               rows: [["<script>alert(1)</script>", ReportTable.Cell("done", tone: .good), "12"],
                                      ["[click](javascript:alert(1)) | pipe", "open", ""]])),
            .items(["**not bold**"]),
        ]),
        ReportSection(id: "chart", title: "Backlog", blocks: [.chart(ReportChart(id: "backlog", title: "Left", xLabel: "Week", yLabel: "Tasks",
            series: [.init(name: "Planned remaining", points: [(1, 4), (2, 2)])]))]),
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
        #expect(HTMLDocument.texts(of: "th", in: html).prefix(3) == ["Task", "Status", "N"])
        #expect(HTMLDocument.elements(named: "td", in: html)[1].attributes["class"] == "good")
        #expect(HTMLDocument.texts(of: "title", in: html).contains("Left"))
        #expect(HTMLDocument.elements(named: "polyline", in: html).count == 1)
        #expect(HTMLDocument.elements(named: "table", in: html).map { $0.attributes["id"] } == ["tasks", "backlog_data"])
        #expect(HTMLDocument.texts(of: "style", in: html).first == Stylesheet.css)
    }

    @Test func markdownEscapesDocumentTextAndDrawsMermaid() {
        let markdown = MarkdownRenderer.render(document)
        #expect(markdown.contains("| &lt;script&gt;alert(1)&lt;/script&gt; | done | 12 |"))
        #expect(markdown.contains("| \\[click\\](javascript:alert(1)) \\| pipe | open |  |"))
        #expect(markdown.contains("- \\*\\*not bold\\*\\*"))
        #expect(markdown.contains("```mermaid\nxychart-beta"))
        #expect(markdown.contains("| 1 | 4 |"))
        #expect(markdown.contains("_Nothing._"))
    }

    @Test func jsonCarriesReportAndSchemaVersionAndTypedCells() throws {
        let json = JSONRenderer.render(document)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["report"] as? String == "sample")
        #expect(object["schema_version"] as? Int == 1)
        #expect(object["week"] as? String == "3")
        let sections = try #require(object["sections"] as? [[String: Any]])
        let rows = try #require(sections[0]["tasks"] as? [[String: Any]])
        #expect(rows[0]["n"] as? Int == 12)
        #expect(rows[1]["n"] is NSNull)
    }

    @Test func csvIsTheFirstTable() {
        #expect(CSVRenderer.render(document) == "task,status,n\n<script>alert(1)</script>,done,12\n[click](javascript:alert(1)) | pipe,open,\n")
    }

    @Test func theCompiledStylesheetIsTheTemplate() throws {
        let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates/report.css")
        #expect(try String(contentsOf: template, encoding: .utf8) == Stylesheet.css, "run `make templates`")
    }
}
