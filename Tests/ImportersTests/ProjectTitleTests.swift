import Testing
import PlanModel
@testable import Importers

@Suite struct ProjectTitleTests {
    @Test(arguments: [
        ("Orion Overhaul - Task Tracker", "Orion Overhaul"),
        ("Week 1 Completion Summary - Orion Overhaul", "Orion Overhaul"),
        ("Orion Platform Overhaul - 3-Month Implementation Plan", "Orion Platform Overhaul"),
        ("Implementation Plan: Orion Sync Service", "Orion Sync"),
        ("Professional Action Plan - Orion Backend", "Orion Backend"),
    ])
    func projectNameFromTitle(title: String, name: String) {
        let found = ProjectTitle.projectName(title: title, frontMatter: [:], path: "docs/x.md")
        #expect(found.name == name && found.stated)
        #expect(ProjectKey.key(for: name) == "orion")
    }

    /// Titles made of document-kind, technical and common words, in any language, name no project.
    @Test(arguments: [
        "Risk Register", "# Risiken", "Riscos", "RAID Log", "Sprint Backlog", "PostgreSQL Migration", "Rollback Procedures",
        "Use ISO 8601 Format for Dates", "AI Task Tracker", "MATRIZ DE RIESGOS PMO CONSOLIDADA v1.0", "风险清单",
        "Progreso Semanal", "Harmonogram Projektu", "Feature Flags Runbook",
    ])
    func genericTitlesNameNoProject(title: String) {
        #expect(ProjectTitle.fromTitle(title) == nil, "\(title) -> \(ProjectTitle.fromTitle(title) ?? "")")
    }

    @Test func displayNamesStayShort() {
        #expect(ProjectTitle.fromTitle("Farmers Market Platform - Deployment Runbook") == "Farmers Market")
        #expect(ProjectTitle.fromTitle("Risk Log — Holding Cabinet (Proofer)") == "Holding Cabinet")
        #expect(ProjectTitle.fromTitle("(Legacy) YTV2 PostgreSQL Migration Cutover") == "YTV2 PostgreSQL Migration")
        #expect(ProjectTitle.fromTitle("Progreso Semanal - TM01") == "TM01")
    }

    @Test func genericTitlesFallBackToTheNearestNamedFolder() {
        let kiro = ProjectTitle.projectName(title: "Implementation Plan", frontMatter: [:], path: ".kiro/specs/billing/tasks.md")
        #expect(kiro.name == "billing" && !kiro.stated)
        let loose = ProjectTitle.projectName(title: "Phase Tracker", frontMatter: [:], path: "/docs/phase-tracker.md")
        #expect(loose.name == "Phase Tracker" && !loose.stated)
        let stated = ProjectTitle.projectName(title: "Whatever", frontMatter: ["project": "Atlas"], path: "a.md")
        #expect(stated.name == "Atlas" && stated.stated)
    }

    /// A document that names no project joins the one project its folder's documents name; a
    /// folder of several projects' documents is a collection, whose untitled documents stay apart.
    @Test func foldersPlaceDocumentsThatNameNoProject() {
        let index = ProjectFolders.Index(stated: [
            "/repo/atlas/docs/tracker.md": ("atlas", "Atlas"),
            "/mixed/orion-plan.md": ("orion", "Orion"), "/mixed/vega-plan.md": ("vega", "Vega"),
        ])
        #expect(index.place("/repo/atlas/docs/risk-register.md", title: "Risk Register") == .init(key: "atlas", name: "Atlas"))
        #expect(index.place("/work/flengine/docs/risiken.md", title: "Risiken") == .init(key: "flengine", name: "flengine"))
        let first = index.place("/mixed/risiken.md", title: "Risiken"), second = index.place("/mixed/risks.md", title: "Risiken")
        #expect(first.name == "Risiken" && second.name == "Risiken")
        #expect(first.key != second.key)
        #expect(!first.key.contains("mixed"))
    }

    @Test func displayNameIsTheWordsEveryDocumentShares() {
        #expect(Project.displayName(["Orion Overhaul", "Orion Platform Overhaul", "Orion Overhaul"]) == "Orion")
        #expect(Project.displayName(["Orion Backend"]) == "Orion Backend")
    }

    @Test func documentKinds() {
        #expect(recognize("# Orion - Task Tracker\n- [ ] a\n").kind == .tracker)
        #expect(recognize("# Week 2 Summary - Orion\n").kind == .summary)
        #expect(recognize("# Action Plan - Orion\n").kind == .actionPlan)
        #expect(recognize("# Orion - Implementation Plan\n").kind == .plan)
    }
}
