import Testing
import PlanModel
@testable import Importers

@Suite struct ProjectTitleTests {
    @Test(arguments: [
        ("Orion Overhaul - Task Tracker", "Orion Overhaul"),
        ("Week 1 Completion Summary - Orion Overhaul", "Orion Overhaul"),
        ("Orion Platform Overhaul - 3-Month Implementation Plan", "Orion Platform Overhaul"),
        ("Implementation Plan: Orion Sync Service", "Orion Sync Service"),
        ("Professional Action Plan - Orion Backend", "Orion Backend"),
    ])
    func projectNameFromTitle(title: String, name: String) {
        #expect(ProjectTitle.projectName(title: title, frontMatter: [:], path: "docs/x.md") == name)
        #expect(ProjectKey.key(for: name) == "orion")
    }

    @Test func genericTitlesFallBackToTheFileOrFolder() {
        #expect(ProjectTitle.projectName(title: "Implementation Plan", frontMatter: [:], path: ".kiro/specs/billing/tasks.md") == "billing")
        #expect(ProjectTitle.projectName(title: "Phase Tracker", frontMatter: [:], path: "docs/phase-tracker.md") == "phase-tracker")
        #expect(ProjectTitle.projectName(title: "Whatever", frontMatter: ["project": "Atlas"], path: "a.md") == "Atlas")
    }

    @Test func displayNameIsTheWordsEveryDocumentShares() {
        #expect(ProjectKey.displayName(["Orion Overhaul", "Orion Platform Overhaul", "Orion Overhaul"]) == "Orion")
        #expect(ProjectKey.displayName(["Orion Backend"]) == "Orion Backend")
    }

    @Test func documentKinds() {
        #expect(recognize("# Orion - Task Tracker\n- [ ] a\n").kind == .tracker)
        #expect(recognize("# Week 2 Summary - Orion\n").kind == .summary)
        #expect(recognize("# Action Plan - Orion\n").kind == .actionPlan)
        #expect(recognize("# Orion - Implementation Plan\n").kind == .plan)
    }
}
