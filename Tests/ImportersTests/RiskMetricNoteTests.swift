import Testing
import PlanModel
@testable import Importers

@Suite struct RiskRecognizerTests {
    @Test func riskTablesWithLikelihoodAndImpact() {
        let risks = recognize("""
            ## Risks
            | Risk | Likelihood | Impact | Mitigation | Contingency | Owner |
            |------|------------|--------|------------|-------------|-------|
            | Vendor API changes | High | High | Pin the version | Fork the client | Ana |
            | Slow reviews | Low | Medium | Pair early | - | |
            """).risks
        #expect(risks.map(\.title) == ["Vendor API changes", "Slow reviews"])
        // Without a severity column the impact decides: a low-likelihood, medium-impact risk is medium.
        #expect(risks.map(\.severity) == [.high, .medium])
        #expect(risks[0].mitigation == "Pin the version")
        #expect(risks[0].contingency == "Fork the client")
        #expect(risks[0].owner == "Ana")
        #expect(risks[1].contingency == nil)
    }

    @Test func riskListsTakeTheirSeverityFromTheHeadingAndNoneIsNoRisk() {
        let risks = recognize("""
            ## Risk Assessment
            ### Medium Risk ⚠️
            - Scripts could break
              - **Mitigation**: run both pipelines side by side
            ### High Risk 🚫
            - None identified at this stage
            ### High Risk Areas
            1. **Auth** - blocks every feature
            """).risks
        #expect(risks.map(\.title) == ["Scripts could break", "Auth"])
        #expect(risks.map(\.severity) == [.medium, .high])
        #expect(risks[0].mitigation == "run both pipelines side by side")
        #expect(risks[1].impact == "blocks every feature")
    }

    @Test func checkboxesUnderARiskHeadingStayTasks() {
        let findings = recognize("## Risks\n- [ ] Review the vendor contract\n")
        #expect(findings.risks.isEmpty)
        #expect(findings.tasks.map(\.title) == ["Review the vendor contract"])
    }
}

@Suite struct MetricRecognizerTests {
    @Test func metricTablesWithActualsStatusesAndADisagreement() {
        let markdown = """
            ## Success Metrics (Week 3)
            | KPI | Goal | Current | Status |
            |-----|------|---------|--------|
            | p95 latency | < 500ms | 420ms | ✅ |
            | Coverage | 85% | 61% | ✅ |
            | Uptime | 99.9% | ______ | |
            """
        let metrics = recognize(markdown).metrics
        #expect(metrics.map(\.name) == ["p95 latency", "Coverage", "Uptime"])
        #expect(metrics.map(\.status) == [.met, .missed, .pending])
        #expect(metrics.map(\.week) == [3, 3, 3])
        #expect(diagnostics(markdown).map(\.description) == [
            "docs/plan.md:5: warning: metric \"Coverage\" is stated met but computes missed (target 85%, actual 61%)",
        ])
    }

    @Test func metricsInProse() {
        let metrics = recognize("""
            - ⚠️ Has only 55.92% code coverage (target: 85%)
            - ✅ Has 99.6% unit test pass rate (807/810 tests)
            - Deployed 3 services last week
            - [ ] Monday: 25% - monitor latency
            """).metrics
        #expect(metrics.map(\.name) == ["code coverage", "unit test pass rate"])
        #expect(metrics.map(\.actual) == ["55.92%", "99.6%"])
        #expect(metrics.map(\.target) == ["85%", nil])
        #expect(metrics.map(\.status) == [.missed, .unknown])
    }

    @Test func metricsInProseTakeTheWeekTheyAreWrittenIn() {
        let metrics = recognize("""
            # Plan
            ## Week 2
            Served at\u{00A0}180ms p95 latency (target: 200ms)
            ## Week 5
            - 💡 Reached\t97.5% availability
            - Shipped 4 fixes in 2 days
            - Q3's numbers are in
            """).metrics
        #expect(metrics.map(\.name) == ["p95 latency", "availability"])
        #expect(metrics.map(\.actual) == ["180ms", "97.5%"])
        #expect(metrics.map(\.week) == [2, 5])
    }
}

@Suite struct NoteRecognizerTests {
    @Test func notesByHeadingLabelAndLeadBullet() {
        let notes = recognize("""
            # Week 4 Summary - Nimbus
            - Shipped the importer
            - Key decisions:
              - Store events as JSON
            ## Lessons Learned
            ### What Went Well
            1. Pairing on reviews
            ### What to Improve
            1. Start load tests earlier
            ## Blockers
            - None

            **Deferred to Later:**
            - Dark mode

            **Must Have:**
            - Login

            ## Next Steps
            - Plan week 5
            """).notes
        #expect(notes.map(\.kind) == [.decision, .wentWell, .toImprove, .deferred, .nextStep])
        #expect(notes.map(\.text) == ["Store events as JSON", "Pairing on reviews", "Start load tests earlier", "Dark mode", "Plan week 5"])
        #expect(notes.allSatisfy { $0.week == 4 })
    }
}
