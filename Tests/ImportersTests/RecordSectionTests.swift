import Testing
import PlanModel
@testable import Importers

/// Items written as sections: a heading or bold line opens one item, labelled fields follow.
@Suite struct RecordSectionTests {
    @Test func perRiskSectionsAreOneRiskEachWithTheirFields() {
        let findings = recognize("""
            # Vega - Risk Register

            ## High Priority Risks

            ### R1: Vendor API changes
            **Probability:** High
            **Impact:** Medium
            **Owner:** Ana
            - **Mitigation:** pin the client version
              and watch the changelog
            - Severity legend: High = act now

            ### R2: Slow reviews
            - **Likelihood:** Low
            - **Impact:** Low
            - **Risk Score:** 3/10
            """)
        #expect(findings.risks.map(\.title) == ["Vendor API changes", "Slow reviews"])
        #expect(findings.risks.map(\.line) == [5, 13])
        let first = findings.risks[0]
        #expect(first.likelihood == "High" && first.impact == "Medium" && first.owner == "Ana")
        #expect(first.mitigation == "pin the client version and watch the changelog")
        #expect(first.identifier == "R1")
        // The band heading names the level; the score's scale places R2.
        #expect(first.severity == .high)
        #expect(findings.risks[1].severity == .low && findings.risks[1].level == "low")
        #expect(findings.notes.isEmpty)
    }

    @Test func raidEntriesOnlyRisksAreRisks() {
        let findings = recognize("""
            # Vega RAID Log

            ### Vendor lock-in
            Type: Risk  Status: Closed  Owner: Ana

            ### Staging is down
            Type: Issue  Status: Open

            ### Budget holds until Q3
            Type: Assumption

            ### Needs the SSO team
            Type: Dependency
            """)
        #expect(findings.risks.map(\.title) == ["Vendor lock-in"])
        #expect(findings.risks[0].status == "Closed" && findings.risks[0].owner == "Ana")
        #expect(findings.risks[0].line == 3)
        #expect(findings.notes.map(\.kind) == [.issue, .assumption, .dependency])
        #expect(findings.notes.map(\.line) == [6, 9, 12])
    }

    @Test func perTaskSectionsReadStatusAndOwner() {
        let findings = recognize("""
            # Vega - Sprint 2 Backlog

            ## Tasks

            ### Task 1.2: Wire the login form
            **Status:** Done
            **Owner:** Ana, Ben

            ### Task 1.3: Cache the session
            - Status: In progress
            - Assignee: Ben

            ### Tarea #4
            - Descripción: Borrar una tarea.
            - Responsable: Santiago y Salomé
            - Estado: Hecho
            """)
        #expect(findings.tasks.map(\.title) == ["Wire the login form", "Cache the session", "Tarea #4: Borrar una tarea."])
        #expect(findings.tasks.map(\.status) == [.done, .inProgress, .done])
        #expect(findings.tasks.map(\.line) == [5, 9, 13])
        #expect(findings.tasks[0].owners.map(\.name) == ["Ana", "Ben"])
        #expect(findings.tasks[2].owners.map(\.name) == ["Santiago", "Salomé"])
        #expect(findings.tasks.allSatisfy { $0.sprint == 2 || $0.sprint == nil })
    }

    @Test func aTaskHeadingOverCheckboxesGroupsThem() {
        let findings = recognize("""
            ### Task 2: Payments
            **Owner:** Ana
            - [ ] Stripe keys
            - [x] Webhook
            """)
        #expect(findings.tasks.map(\.title) == ["Stripe keys", "Webhook"])
    }

    @Test func keyResultsAsBoldLinesWithBaselineAndTarget() {
        let findings = recognize("""
            ## Objective 1: Faster answers

            ### Key Results

            **KR1: Cut report turnaround**
            - Baseline: 2 days
            - Target: 4 hours
            - Owner: Ops

            **KR2: Grow weekly users from 125k to 200k**
            - Current: 140k
            """)
        #expect(findings.metrics.map(\.name) == ["Cut report turnaround", "Grow weekly users from 125k to 200k"])
        #expect(findings.metrics.map(\.line) == [5, 10])
        #expect(findings.metrics[0].baseline == "2 days" && findings.metrics[0].target == "4 hours")
        #expect(findings.metrics[1].baseline == "125k" && findings.metrics[1].target == "200k" && findings.metrics[1].actual == "140k")
        #expect(findings.tasks.isEmpty && findings.risks.isEmpty)
    }

    @Test func keyResultsAsLabelsListsAndFieldTables() {
        let findings = recognize("""
            # Vega OKRs 2027
            **Key Result:** grow paid teams from 40 to 60 (current is 48)

            ## 🎯 Key Results
            - Ship the importer in three languages
            - Reduce churn from 5% to 3%

            ### KR3: Faster imports
            | Field | Value |
            |-------|-------|
            | Target | 1 s |
            | Current | 3 s |
            """)
        #expect(findings.metrics.map(\.name) == ["grow paid teams from 40 to 60 (current is 48)", "Ship the importer in three languages",
                                                 "Reduce churn from 5% to 3%", "Faster imports"])
        #expect(findings.metrics[0].target == "60" && findings.metrics[0].actual == "48" && findings.metrics[0].baseline == "40")
        #expect(findings.metrics[2].target == "3%")
        #expect(findings.metrics[3].target == "1 s" && findings.metrics[3].actual == "3 s")
    }

    /// `R1` in a spec is a requirement; `Key Results` in a paper are findings.
    @Test func requirementsAndFindingsAreNoRisksOrMetrics() {
        let findings = recognize("""
            # Watch History PRD
            ## Requirements
            ### R1: Movie watch toggle
            **States:** watched, unwatched
            **Owner:** Ana
            | ID | Description | Priority |
            |----|-------------|----------|
            | R2 | Episode progress | High |
            ## Key Results
            - Returns beat the index by 4.1%
            **Key Result:** Net annualized real return = 4.1%
            """)
        #expect(findings.risks.isEmpty)
        #expect(findings.metrics.filter { $0.name.contains("Returns") || $0.name.contains("annualized") }.isEmpty)
    }

    @Test func aSectionWithoutFieldsIsNoRecord() {
        let findings = recognize("""
            ## Risks
            ### Risk 1: Vendor lock-in
            We depend on one vendor for everything.
            ### Phase 2: Build
            **Status:** In progress
            """)
        #expect(findings.risks.isEmpty)
        #expect(findings.tasks.isEmpty)
    }
}
