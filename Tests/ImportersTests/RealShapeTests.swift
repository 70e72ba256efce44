import Foundation
import Testing
import PlanModel
@testable import Importers

/// The layouts real teams write registers, runbooks, gates and KPIs in, and the decoys that
/// look like them: matrices, legends, scale tables, template checkboxes, summary tables.
@Suite struct RiskLayoutTests {
    @Test func oneRiskPerIdAcrossTables() {
        let risks = recognize("""
            ## Register
            | ID | Description | Likelihood | Impact |
            |----|-------------|------------|--------|
            | R-01 | Vendor lock-in | Low | High |
            | R-02 | Slow reviews | High | Low |

            ## Causes and consequences
            | ID | Cause | Consequence |
            |----|-------|-------------|
            | R-01 | One supplier | Price hikes |

            ## Mitigations
            | Risk ID | Mitigation | Owner |
            |---------|------------|-------|
            | R-01 | Second supplier | Ana |
            | R-02 | Pairing | Ben |
            """).risks
        #expect(risks.map(\.title) == ["Vendor lock-in", "Slow reviews"])
        #expect(risks.map(\.identifier) == ["R-01", "R-02"])
        #expect(risks.map(\.line) == [4, 5])
        #expect(risks.map(\.mitigation) == ["Second supplier", "Pairing"])
        #expect(risks.map(\.owner) == ["Ana", "Ben"])
        #expect(risks.map(\.severity) == [.high, .low])
    }

    @Test func oneTablePerCategoryAndSeverityFromALevelColumnOrScore() {
        let risks = recognize("""
            ## Technical risks
            | Level | Risk | Mitigation |
            |-------|------|------------|
            | P0 | Data loss | Backups |
            ## Product risks
            | Risk | Risk Score | Impact |
            |------|------------|--------|
            | Churn | 7/10 | Low |
            | Pricing | Medium (40%) | High |
            | Adoption | P×I = 12 | |
            """).risks
        #expect(risks.map(\.title) == ["Data loss", "Churn", "Pricing", "Adoption"])
        #expect(risks.map(\.level) == ["P0", "high", "medium", "medium"])
        #expect(risks.map(\.severity) == [.high, .high, .medium, .medium])
    }

    @Test func matricesScalesLegendsAndSummariesAddNoRisks() {
        let text = """
            ## Risk matrix
            | Likelihood \\ Impact | Low | Medium | High |
            |---|---|---|---|
            | High | R2 | | R1 |
            | Low | | R3 | |

            ## Risk levels
            - P0: data loss or outage
            - P1: core feature broken

            ## Scale
            | Level | Meaning |
            |-------|---------|
            | High | act this week |
            | Low | watch |

            ## Risks
            | ID | Risk | Impact |
            |----|------|--------|
            | R1 | Vendor lock-in | High |
            | R2 | Slow reviews | Low |

            ## Summary
            | Risk | Status |
            |------|--------|
            | Vendor lock-in | Open |
            """
        let findings = recognize(text)
        #expect(findings.risks.map(\.title) == ["Vendor lock-in", "Slow reviews"])
        #expect(findings.risks[0].status == "Open")
        let notes = diagnostics(text).filter { $0.severity == .note }
        #expect(notes.contains { $0.line == 2 && $0.message.contains("risk matrix") })
        #expect(notes.contains { $0.line == 8 && $0.message.contains("risk levels") })
    }

    @Test func raidTablesGiveNotesOfTheirKinds() {
        let findings = recognize("""
            ## Risks
            | ID | Risk Description | Impact | Owner |
            |----|------------------|--------|-------|
            | R-001 | Proxy breaks assets | High | Ana |
            ## Issues
            | ID | Issue Description | Severity | Target Resolution |
            |----|-------------------|----------|-------------------|
            | I-001 | Docs page 404 | Low | 2026-08-10 |
            ## Assumptions
            | ID | Assumption | Owner |
            |----|------------|-------|
            | A-001 | Shapefiles are complete | Ben |
            """)
        #expect(findings.risks.map(\.title) == ["Proxy breaks assets"])
        #expect(findings.metrics.isEmpty)
        #expect(findings.notes.map(\.kind) == [.issue, .assumption])
        #expect(findings.notes.map(\.line) == [8, 12])
    }

    @Test func headingsOverRisksAndMitigationsListRisks() {
        let risks = recognize("""
            ## Risiken und Maßnahmen
            - Lieferant fällt aus (Hoch)
            ## リスクと対策
            - 文字化け再発
            ## Risk Mitigation Strategies
            - Pair on every migration
            """).risks
        #expect(risks.map(\.title) == ["Lieferant fällt aus", "文字化け再発"])
        #expect(risks.map(\.severity) == [.high, .unknown])
    }

    @Test func aRAIDLogInOneTableWithATypeColumn() {
        let findings = recognize("""
            | ID | Type | Description | Owner | Status |
            |----|------|-------------|-------|--------|
            | 1 | Risk | Vendor may raise prices | Ana | Open |
            | 2 | Issue | Staging is down | Ben | Open |
            | 3 | Assumption | Budget holds | Ana | |
            | 4 | Dependency | SSO team delivers SAML | Ben | |
            """)
        #expect(findings.risks.map(\.title) == ["Vendor may raise prices"])
        #expect(findings.risks.first?.owner == "Ana" && findings.risks.first?.status == "Open" && findings.risks.first?.line == 3)
        #expect(findings.notes.map(\.kind) == [.issue, .assumption, .dependency])
        #expect(findings.tasks.isEmpty)
    }

    @Test func inlineRiskLevels() {
        let risks = recognize("""
            ## Risks
            - Vendor lock-in (P: high, I: medium)
            - Slow reviews (Likelihood: low; Impact: low)
            - Scope creep (High)
            """).risks
        #expect(risks.map(\.title) == ["Vendor lock-in", "Slow reviews", "Scope creep"])
        #expect(risks.map(\.likelihood) == ["high", "low", nil])
        #expect(risks.map(\.impact) == ["medium", "low", nil])
        #expect(risks.map(\.severity) == [.medium, .low, .high])
    }
}

@Suite struct TaskLayoutTests {
    @Test func runbookStepsWithAnOwnerColumnAreTasks() {
        let tasks = recognize("""
            ## Cutover steps
            | # | Step | Owner | Duration |
            |---|------|-------|----------|
            | 1 | Freeze writes | Ana | 5 min |
            | 2 | Snapshot the database | Ben | 10 min |

            | # | Description | Responsible |
            |---|-------------|-------------|
            | 3 | Switch DNS | Ana |
            """).tasks
        #expect(tasks.map(\.title) == ["Freeze writes", "Snapshot the database", "Switch DNS"])
        #expect(tasks.map(\.status) == [.planned, .planned, .planned])
        #expect(tasks.map { $0.owners.map(\.name) } == [["Ana"], ["Ben"], ["Ana"]])
        #expect(tasks.map(\.line) == [4, 5, 9])
    }

    @Test func countTablesDecisionTablesAndPlaceholdersAreNoTasks() {
        let tasks = recognize("""
            | Phase | Total tasks | Done |
            |-------|-------------|------|
            | 1 | 20 | 17 |

            | Severity | Action | Time to act |
            |----------|--------|-------------|
            | Critical | Roll back | 2 min |

            | ID | Task | Owner | Status |
            |----|------|-------|--------|
            | — | (not started) | — | — |

            | Action | Owner | Due | Status |
            |--------|-------|-----|--------|
            | … | … | … | ☐ |
            """).tasks
        #expect(tasks.isEmpty)
    }

    @Test func doneTablesByCompletionDate() {
        let tasks = recognize("""
            ## Done
            | ID | Content | Done on |
            |----|---------|---------|
            | 4-1 | Situation model | 2026-05-23 |
            | 4-2 | Idle manager | |
            """).tasks
        #expect(tasks.map(\.status) == [.done, .planned])
    }

    @Test func taskListsUnderATaskHeading() {
        let tasks = recognize("""
            #### 具体任务
            1. **硬件连接与调试** (第1-2周)
               - 连接摄像头模块
            2. **摄像头驱动开发** (第3-4周)

            #### Tasks
            - Write the parser
            - Wire the CLI (Week 2)

            ## Post-GO Actions
            - Tag the release
            """).tasks
        #expect(tasks.map(\.title) == ["硬件连接与调试", "摄像头驱动开发", "Write the parser", "Wire the CLI (Week 2)"])
        #expect(tasks.map(\.week) == [1, 3, nil, 2])
    }

    @Test func issueExportsPastedAsLines() {
        let tasks = recognize("""
            Story Points - Issue key - Summary - Assignee
            3 - VEGA-41 - Connect the add button - ana
            5 - VEGA-24 - Profile page - FE - ben
            """).tasks
        #expect(tasks.map(\.title) == ["Connect the add button", "Profile page - FE"])
        #expect(tasks.map { $0.owners.map(\.name) } == [["ana"], ["ben"]])
        #expect(tasks.map(\.line) == [2, 3])
    }

    @Test func aTemplateCheckboxInInlineCodeIsNoTask() {
        let tasks = recognize("""
            ## How to use
            - Write `- [ ]` for an open task and `- [x]` for a done one
            - `[ ]` marks an open item in the template
            """).tasks
        #expect(tasks.isEmpty)
    }

    @Test func aStatusLegendIsNoClaim() {
        let text = """
            # Vega - Week 1 Summary
            **Status**: ⚪ Not Started | 🟡 In Progress | 🟢 Complete
            ## Week 1
            - [ ] Open work
            """
        #expect(recognize(text).notes.filter { $0.kind == .status }.isEmpty)
        #expect(diagnostics(text).contains { $0.severity == .note && $0.line == 2 && $0.message.contains("legend") })
    }
}

@Suite struct GateAndMetricLayoutTests {
    @Test func namedGatesWithCriteriaTablesAndDecisionBoxes() {
        let findings = recognize("""
            # Vega Cutover Runbook

            ## GATE G1 — Pre-cutover checks
            | Check | Owner | Status |
            |-------|-------|--------|
            | Backups verified | Ana | ✅ Done |
            | Rollback rehearsed | Ben | Pending |

            ### Decision
            - [x] GO
            - [ ] ROLLBACK
            """)
        #expect(findings.gates.count == 1)
        let gate = findings.gates[0]
        #expect(gate.title == "GATE G1 — Pre-cutover checks" && gate.line == 3)
        #expect(gate.kind == .phase && gate.phase == 1)
        #expect(gate.criteria.map(\.text) == ["Backups verified", "Rollback rehearsed"])
        #expect(gate.criteria.map(\.status) == [.met, .unmet])
        #expect(gate.decision == "GO" && gate.checkboxCount == 2)
        #expect(findings.tasks.isEmpty)
    }

    @Test func numberedStageGates() {
        let gates = recognize("""
            ### G2: Launch readiness
            - [ ] Load test passed
            ### Gate 3 - Hypercare exit
            - [x] No P1 incidents for a week
            """).gates
        #expect(gates.map(\.kind) == [.phase, .phase])
        #expect(gates.map(\.phase) == [2, 3])
        #expect(gates.map { $0.criteria.count } == [1, 1])
    }

    @Test func goNoGoDecisionsAreOneGatePerDocumentAndSprint() {
        let findings = recognize("""
            # Sprint 1 GO/NO-GO Review
            **Gate Review Date:** 2026-06-03
            ## Deliverables
            - [ ] Ship the importer
            ## GO/NO-GO Decision
            Decided at the review.
            """)
        #expect(findings.gates.map(\.title) == ["Sprint 1 GO/NO-GO Review"])
        #expect(findings.gates[0].kind == .go)
        #expect(findings.tasks.map(\.title) == ["Ship the importer"])
    }

    @Test func aDefinitionOfDoneInsideAGoNoGoDocumentIsItsCriteria() {
        let gates = recognize("""
            # Sprint 1 GO/NO-GO Criteria
            **Gate Review Date:** 2026-06-03
            ## Definition of Done
            A ticket is closed when all of these hold:
            - ✅ Build passes with no warnings
            - ✅ Docs updated
            ## Deliverables
            - [ ] Ship the importer
            """).gates
        #expect(gates.count == 1)
        #expect(gates.first?.kind == .go && gates.first?.line == 1)
        #expect(gates.first?.criteria.map(\.text) == ["Build passes with no warnings", "Docs updated"])
        #expect(gates.first?.criteria.allSatisfy { $0.role == .criterion && $0.status == .unknown } == true)
    }

    @Test func successCriteriaCloseTheSprintTheySitUnder() {
        let findings = recognize("""
            ## Sprint 3
            ### Success Criteria
            - [ ] p95 under 200 ms
            - [x] No open P0 bugs

            ## About
            ### Success Criteria
            - Users like it

            ## Sprint 4
            **Definition of Done:**
            - [ ] Reviewed by a second engineer
            """)
        #expect(findings.gates.count == 2)
        #expect(findings.gates.map(\.kind) == [.exit, .exit])
        #expect(findings.gates[0].criteria.map(\.status) == [.unmet, .met])
        #expect(findings.gates[1].criteria.map(\.text) == ["Reviewed by a second engineer"])
        #expect(findings.tasks.isEmpty)
    }

    @Test func aKPITemplateRowIsPendingAndItsLegendIsNoStatedStatus() {
        let text = """
            | KPI | Phase 1 Actual | Target | Status |
            |-----|----------------|--------|--------|
            | Admin Satisfaction | ___/5 | >4/5 | 🟢/🟡/🔴 |
            | Ticket backlog | 12 | <10 | In progress / blocked |
            """
        let metrics = recognize(text).metrics
        #expect(metrics.map(\.stated) == [nil, "In progress / blocked"])
        #expect(metrics[0].status == .pending)
        #expect(diagnostics(text).filter { $0.severity == .warning }.isEmpty)
    }

    @Test func kpiTablesInOtherLanguagesWithEmojiStatus() {
        let metrics = recognize("""
            | **Métrica** | **Objetivo** | **Actual** | **Estado** |
            |---|---|---|---|
            | Documentos convertidos | 15 | 1 | 🔄 7% |
            | Validaciones | 13 | 13 | ✅ |

            | Metric | V1 Current | V2 Expected |
            |--------|------------|-------------|
            | P95 latency | 98ms | <100ms |
            """).metrics
        #expect(metrics.map(\.name) == ["Documentos convertidos", "Validaciones", "P95 latency"])
        #expect(metrics.map(\.target) == ["15", "13", "<100ms"])
        #expect(metrics.map(\.actual) == ["1", "13", "98ms"])
        #expect(metrics[1].stated == "✅")
        #expect(metrics.map(\.status) == [.missed, .met, .met])
    }
}

/// `planq import ../shared/corpus`: no project is named after a file, and no project holds
/// documents of two repositories (the corpus names each file `kind__owner__repo__name.md`).
@Suite(.enabled(if: Shared.corpusAvailable, "needs ../shared/corpus"))
struct CorpusProjectTests {
    @Test func projectsAreNeitherFilesNorMixedRepositories() throws {
        let folder = try temporaryDirectory()
        let knowledgeBase = try KnowledgeBase(path: folder.appendingPathComponent("kb.db").path)
        _ = try Importer(knowledgeBase: knowledgeBase, report: { _ in }).run(.init(paths: [Shared.corpus.path]))
        let files = try FileManager.default.contentsOfDirectory(atPath: Shared.corpus.path).filter { $0.hasSuffix(".md") }
        let stems = Set(files.map { ($0 as NSString).deletingPathExtension.lowercased() })
        let rows = try knowledgeBase.query("""
            SELECT p.key, p.name, d.path FROM documents d JOIN projects p ON p.id = d.project_id ORDER BY p.key, d.path
            """, limit: 100_000, timeout: 60).rows
        var repositories: [String: Set<String>] = [:]
        for row in rows {
            let key = row[0].string ?? "", name = row[1].string ?? "", path = row[2].string ?? ""
            #expect(!stems.contains(name.lowercased()) && !stems.contains(key), "project named after a file: \(name)")
            #expect(!name.contains("__") && name.count <= 40, "project name: \(name)")
            let parts = ((path as NSString).lastPathComponent as NSString).deletingPathExtension.components(separatedBy: "__")
            if parts.count >= 3 { repositories[key, default: []].insert(parts[1] + "/" + parts[2]) }
        }
        for (key, repos) in repositories {
            #expect(repos.count == 1, "project \(key) mixes \(repos.sorted())")
        }
        #expect(repositories.count >= 60)
    }
}
