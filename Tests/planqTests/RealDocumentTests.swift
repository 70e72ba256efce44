import Foundation
import Testing

/// Real-world shapes end to end, through the binary.
@Suite struct RealDocumentTests {
    /// A tracker's deferred task and the plan's scope cut for the same work are one item in the
    /// retrospective; a register with a generic title joins the project its folder names.
    @Test func oneItemPerThingAndAGenericRegisterJoinsItsProject() throws {
        let planq = try Planq()
        let docs = planq.directory.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try """
            # Vega - Task Tracker
            ## Week 1
            - [x] Import the register
            ## Deferred
            - [ ] Offline mode for the field app
            """.write(to: docs.appendingPathComponent("tracker.md"), atomically: false, encoding: .utf8)
        try """
            # Vega - Implementation Plan
            ## Scope Cuts
            - Offline mode for the field app (moved to v2)
            - Dark theme
            """.write(to: docs.appendingPathComponent("plan.md"), atomically: false, encoding: .utf8)
        try """
            # Risk Register
            | ID | Risiko | Auswirkung | Gegenmaßnahme |
            |----|--------|------------|---------------|
            | R1 | Lieferant fällt aus | Hoch | Zweiter Lieferant |
            """.write(to: docs.appendingPathComponent("risk-register.md"), atomically: false, encoding: .utf8)
        #expect(try planq.run(["import", "docs"], in: planq.directory).status == 0)

        let projects = try planq.run(["projects", "--format", "csv"], in: planq.directory)
        #expect(projects.stdout.split(separator: "\n").count == 2, "\(projects.stdout)")
        #expect(projects.stdout.contains("vega,Vega,3,"))

        let risks = try planq.run(["risks", "--format", "json"], in: planq.directory)
        let register = try #require(try JSONSerialization.jsonObject(with: Data(risks.stdout.utf8)) as? [[String: Any]])
        #expect(register.count == 1)
        #expect(register.first?["project"] as? String == "Vega")
        #expect(register.first?["severity"] as? String == "high")
        #expect(register.first?["level"] as? String == "high")
        #expect(register.first?["identifier"] as? String == "R1")
        #expect(register.first?["source"] as? String == "docs/risk-register.md:4")

        let retro = try planq.run(["report", "retro", "--today", "2026-03-18"], in: planq.directory)
        let deferred = retro.stdout.components(separatedBy: "## Deferred items and scope cuts").last ?? ""
        let section = deferred.components(separatedBy: "\n## ").first ?? ""
        #expect(section.components(separatedBy: "Offline mode for the field app").count == 2, "\(section)")
        #expect(section.contains("Dark theme"))
    }

    /// `-v` says what was set aside: a matrix is not a register.
    @Test func verboseImportNamesWhatItSetAside() throws {
        let planq = try Planq()
        let file = planq.directory.appendingPathComponent("risks.md")
        try """
            # Vega Risks
            ## Risk matrix
            | Likelihood \\ Impact | Low | High |
            |---|---|---|
            | High | R2 | R1 |
            """.write(to: file, atomically: false, encoding: .utf8)
        let quiet = try planq.run(["import", "risks.md"], in: planq.directory)
        #expect(!quiet.stderr.contains("risk matrix"))
        let verbose = try planq.run(["import", "--rebuild", "-v", "risks.md"], in: planq.directory)
        #expect(verbose.stderr.contains("risks.md:3: note: table looks like a risk matrix, not a register"))
        #expect(try planq.run(["risks", "--format", "csv"], in: planq.directory).stdout.split(separator: "\n").count == 1)
    }
}
