import Foundation
import Testing
import PlanModel
@testable import Importers

/// The gate acceptance checks of the gates, risks and metrics issue that this increment covers.
@Suite(.enabled(if: Shared.available, "needs ../shared/seeds"), .serialized)
struct SeedGateTests {
    @Test func afirgenHasFifteenCheckpointGatesWithCriteriaAndTheTasksTheyClose() throws {
        let knowledgeBase = try SeedTests.importSeeds()
        let afirgen = try SeedTests.project(knowledgeBase, "afirgen")
        let gates = try knowledgeBase.gates(projectIDs: [afirgen.id])
        #expect(gates.count == 15)
        #expect(gates.allSatisfy { $0.kind == .checkpoint && !$0.criteria.isEmpty && $0.scopeTotal > 0 })
        #expect(gates.last?.title == "54. Final checkpoint - Production readiness review")
        let first = try #require(gates.first)
        #expect(first.title == "5. Checkpoint - Verify all bug fixes")
        #expect(first.verdict(currentWeek: nil) == .passed)
        #expect(first.scopeTotal == 8) // tasks 1, 2, 2.1, 2.2, 3, 3.1, 3.2 and 4
        #expect(gates.dropFirst().allSatisfy { $0.verdict(currentWeek: nil) == .notDue })
    }

    @Test func paviGatesAreLinkedAcrossTrackerAndPlanAndEachAppearsOnce() throws {
        let knowledgeBase = try SeedTests.importSeeds()
        let pavi = try SeedTests.project(knowledgeBase, "pavi")
        let gates = try knowledgeBase.gates(projectIDs: [pavi.id])
        let phase2 = try #require(gates.first { $0.kind == .phase && $0.phase == 2 })
        #expect(phase2.week == 7)
        #expect(phase2.criteria.map(\.text) == ["All E2E tests pass", "p95 < 500ms", "100 successful pipeline runs", "Costs within +/- 20%"])
        #expect(phase2.scopeTotal == 16)
        let mentions = try knowledgeBase.database.scalar("SELECT count(*) FROM gate_mentions WHERE gate_id = ?", [.integer(phase2.id)])?.int
        #expect(mentions == 2)
        #expect(gates.filter { $0.kind == .week && $0.week == 1 }.count == 1)
        #expect(gates.filter { $0.kind == .phase }.map(\.phase) == [1, 2, 3])
        #expect(gates.filter { $0.kind == .final }.map(\.week) == [12])
        #expect(gates.filter { $0.kind == .rollback }.map(\.week) == [9])
        let checkpoints = gates.filter { $0.kind == .checkpoint }
        #expect(checkpoints.map(\.week) == [1, 3, 7, 9, 12])
        #expect(checkpoints.first?.title == "Does Step Functions POC work?")
        #expect(checkpoints.first?.decision == "Continue / Evaluate alternatives")
    }

    @Test func clarityHasOneGoGateWithFiveCriteriaAndFiveDelayConditions() throws {
        let knowledgeBase = try SeedTests.importSeeds()
        let clarity = try SeedTests.project(knowledgeBase, "clarity")
        let gates = try knowledgeBase.gates(projectIDs: [clarity.id])
        #expect(gates.map(\.kind) == [.go])
        #expect(gates[0].criteria.filter { $0.role == .criterion }.count == 5)
        #expect(gates[0].criteria.filter { $0.role == .condition }.count == 5)
    }
}

@Suite struct GateVerdictTests {
    @Test(arguments: [
        (true, [], 3, 3, 5, 9, GateVerdict.passed),
        (nil, [.met, .met], 3, 3, 5, 9, .passed),
        (false, [.met, .unmet], 3, 0, 5, 2, .ready),
        (nil, [.unknown], 3, 1, 5, 5, .atRisk),
        (nil, [.unknown], 3, 1, 5, 9, .atRisk),
        (nil, [.unknown], 3, 1, 5, 4, .notDue),
        (nil, [.unknown], 3, 1, 5, nil, .notDue),
        (nil, [], 0, 0, nil, 9, .notDue),
    ] as [(Bool?, [GateItem.CriterionStatus], Int, Int, Int?, Int?, GateVerdict)])
    func verdicts(passed: Bool?, criteria: [GateItem.CriterionStatus], total: Int, open: Int, week: Int?, current: Int?, expected: GateVerdict) {
        #expect(GateVerdict.of(passed: passed, criteria: criteria, scopeTotal: total, scopeOpen: open, week: week, currentWeek: current) == expected)
    }
}

@Suite(.enabled(if: Shared.available, "needs ../shared/seeds"), .serialized)
struct SeedRiskMetricTests {
    @Test func paviRisksFromThePlanAndTheSummary() throws {
        let knowledgeBase = try SeedTests.importSeeds()
        let pavi = try SeedTests.project(knowledgeBase, "pavi")
        let risks = try knowledgeBase.risks(projectIDs: [pavi.id])
        let poc = try #require(risks.first { $0.item.title == "Step Functions POC fails Week 1" })
        #expect(poc.item.mitigation == "Spike isolated, quick fail")
        #expect(poc.item.contingency?.contains("Nextflow") == true)
        let scripts = try #require(risks.first { $0.item.title.hasPrefix("Container script modifications") })
        #expect(scripts.item.severity == .medium)
        #expect(scripts.item.mitigation?.contains("parallel Nextflow") == true)
        #expect(!risks.contains { $0.item.title.lowercased().hasPrefix("none") })
        #expect(risks.filter { $0.item.severity == .high }.isEmpty)
    }

    @Test func paviMetricsLinkTrackerAndPlanAndReadTheSummarysActuals() throws {
        let knowledgeBase = try SeedTests.importSeeds()
        let pavi = try SeedTests.project(knowledgeBase, "pavi")
        let metrics = try knowledgeBase.metrics(projectIDs: [pavi.id])
        let latency = metrics.filter { $0.item.name == "API response time (p95)" }
        #expect(latency.count == 1)
        #expect(latency.first?.status == .pending)
        #expect(latency.first?.item.measurement == "CloudWatch metrics")
        let week1 = metrics.filter { $0.item.week == 1 }
        #expect(week1.count == 5)
        #expect(week1.allSatisfy { $0.status == .met && $0.item.stated == "✅" })
    }

    @Test func clarityRisksAndMetrics() throws {
        let knowledgeBase = try SeedTests.importSeeds()
        let clarity = try SeedTests.project(knowledgeBase, "clarity")
        #expect(try knowledgeBase.risks(projectIDs: [clarity.id], severity: .high).map(\.item.title)
                == ["Cognito Integration", "DynamoDB Schema", "Gemini API Costs", "PAT Model Loading"])
        let metrics = try knowledgeBase.metrics(projectIDs: [clarity.id])
        let coverage = try #require(metrics.first { $0.item.name == "code coverage" })
        #expect(coverage.item.actual == "55.92%")
        #expect(coverage.item.target == "85%")
        #expect(coverage.status == .missed)
        #expect(metrics.first { $0.item.name == "unit test pass rate" }?.item.actual == "99.6%")
    }
}
