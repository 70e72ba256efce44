import Testing
import PlanModel
@testable import Importers

@Suite struct GateListsTests {
    @Test func gateLabelsClaimTheirCheckboxes() {
        let findings = recognize("""
            ## Phase 1: Base (Weeks 1-2)
            ### Week 1: Start
            - [ ] a task

            **Week 1 Gate:** the demo runs
            - [x] Gate passed

            **Phase 1 Gate (End Week 2):**
            - [ ] criterion one
            - [x] criterion two

            **Rollback if:**
            - [ ] errors > 1%

            **Final Gate:**
            - [ ] all done
            """)
        #expect(findings.tasks.map(\.title) == ["a task"])
        #expect(findings.gates.map(\.kind) == [.week, .phase, .rollback, .final])
        #expect(findings.gates[0].criteria.map(\.text) == ["the demo runs"])
        #expect(findings.gates[0].checkbox == true)
        #expect(findings.gates[1].week == 2)
        #expect(findings.gates[1].phase == 1)
        #expect(findings.gates[1].criteria.map(\.checked) == [false, true])
        #expect(findings.gates.map(\.checkboxCount) == [1, 2, 1, 1])
    }

    @Test func goAndDelayHeadingsAreGates() {
        let findings = recognize("""
            ### GO to Production If:
            - ✅ Auth works
            - ✅ Errors < 1%

            ### DELAY Production If:
            - ❌ Data loss
            """)
        // One go gate: the GO list is its criteria, the DELAY list its conditions.
        #expect(findings.gates.map(\.kind) == [.go])
        #expect(findings.gates[0].criteria.map(\.text) == ["Auth works", "Errors < 1%", "Data loss"])
        #expect(findings.gates[0].criteria.map(\.role) == [.criterion, .criterion, .condition])
        #expect(findings.gates[0].criteria.map(\.status) == [.unknown, .unknown, .unknown])
        #expect(findings.tasks.isEmpty)
    }

    @Test func aGateLabelWithoutAListIsAGateWithOneCriterion() {
        let findings = recognize("""
            #### Week 1: Start
            | Task | You Do |
            |------|--------|
            | Draft | Write |

            **Exit Criteria:** the demo runs end to end
            """)
        #expect(findings.gates.count == 1)
        #expect(findings.gates[0].kind == .exit)
        #expect(findings.gates[0].week == 1)
        #expect(findings.gates[0].criteria.map(\.text) == ["the demo runs end to end"])
    }

    @Test func checkpointTablesGiveOneCheckpointPerRow() {
        let findings = recognize("""
            | Week | Key Question | Go/No-Go Decision |
            |------|--------------|-------------------|
            | 1 | Does the prototype work? | Continue / Rethink |
            | 4 | Is staging green? | Ship / Fix |
            """)
        #expect(findings.gates.map(\.kind) == [.checkpoint, .checkpoint])
        #expect(findings.gates.map(\.week) == [1, 4])
        #expect(findings.gates.map(\.title) == ["Does the prototype work?", "Is staging green?"])
        #expect(findings.gates.map(\.decision) == ["Continue / Rethink", "Ship / Fix"])
        #expect(findings.tasks.isEmpty)
    }

    @Test func kiroCheckpointsCloseTheTasksSinceThePreviousOne() {
        let findings = recognize("""
            - [x] 1. First
            - [x] 2. Checkpoint - one
            - [ ] 3. Second
            - [ ] 4. Third
            - [ ] 5. Checkpoint - two
            """)
        #expect(findings.gates.map(\.scopeFromLine) == [0, 2])
        #expect(findings.gates.map(\.line) == [2, 5])
        #expect(findings.gates[0].checkbox == true)
    }

    @Test(arguments: [
        ("Week 3 Gate", GateItem.Kind.week), ("Phase 2 Gate (End Week 7)", .phase), ("Final Gate", .final),
        ("Exit Criteria", .exit), ("Week 1 Exit Criteria", .exit), ("Rollback if", .rollback),
        ("Rollback Triggers (revert immediately if)", .rollback), ("GO to Production If", .go), ("DELAY Production If", .noGo),
    ])
    func gatePatterns(text: String, kind: GateItem.Kind) {
        #expect(GatePattern(text)?.kind == kind)
    }

    @Test(arguments: ["API Gateway setup", "Rollback procedure", "Go live", "Phase 2: Core"])
    func notGates(text: String) {
        #expect(GatePattern(text) == nil)
    }
}
