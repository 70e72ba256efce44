import Foundation
import Testing
@testable import Reports

/// Issue 13, bug 7: CSV cells starting `=`, `+`, `-`, `@`, tab or CR reached a spreadsheet as
/// formulas; they get the OWASP `'` prefix (numbers stay numbers), in listings and reports.
@Suite struct CSVFormulaTests {
    @Test func csvListingsAndReportsEscapeFormulas() throws {
        let planq = try Planq()
        let docs = planq.directory.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try "# Orbit Tracker\n\n## Week 1\n\n- [ ] =HYPERLINK(\"http://example.invalid\",\"open me\")\n- [ ] @SUM(A1:A9)\n"
            .write(to: docs.appendingPathComponent("tracker.md"), atomically: false, encoding: .utf8)
        try planq.run(["import", docs.path])
        let csv = try planq.run(["tasks", "--format", "csv"]).stdout
        #expect(csv.contains(",\"'=HYPERLINK(") && csv.contains(",'@SUM(A1:A9),"), "\(csv)")
        #expect(!csv.contains(",=HYPERLINK") && !csv.contains(",@SUM"))
    }

    @Test func csvNeverHandsASpreadsheetAFormula() {
        #expect(CSVRenderer.cell(.string("=HYPERLINK(\"http://x\")")) == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVRenderer.cell(.string("+1 more")) == "'+1 more")
        #expect(CSVRenderer.cell(.string("-30%")) == "'-30%")
        #expect(CSVRenderer.cell(.string("@owner")) == "'@owner")
        #expect(CSVRenderer.cell(.string("\tx")) == "'\tx")
        #expect(CSVRenderer.cell(.int(-3)) == "-3")
        #expect(CSVRenderer.cell(.decimal(-0.5)) == "-0.5")
        #expect(CSVRenderer.cell(.string("plain")) == "plain")
    }
}
