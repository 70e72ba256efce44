import Testing
@testable import Importers

@Suite struct HeadingContextTests {
    @Test(arguments: [
        ("Phase 2: Core Migration (Weeks 4-7)", 2, nil, 4, 7),
        ("PHASE 1: Foundation (Weeks 1–3)", 1, nil, 1, 3),
        ("Week 5: Pipeline", nil, 5, nil, nil),
        ("Next Steps for Week 2", nil, 2, nil, nil),
        ("## 阶段3：消息", 3, nil, nil, nil),
        ("Success Metrics (Week 12)", nil, 12, nil, nil),
        ("Week-by-Week Plan", nil, nil, nil, nil),
    ] as [(String, Int?, Int?, Int?, Int?)])
    func headingFacts(text: String, phase: Int?, week: Int?, firstWeek: Int?, lastWeek: Int?) {
        let facts = HeadingFacts(heading: text)
        #expect(facts.phase?.number == phase)
        #expect(facts.week == week)
        #expect(facts.phase?.firstWeek == firstWeek)
        #expect(facts.phase?.lastWeek == lastWeek)
    }

    @Test func sprintsDaysAndRelativeDays() {
        #expect(HeadingFacts(heading: "Sprint 3: Polish").sprint == 3)
        #expect(HeadingFacts(heading: "Day 3-4: QA").day == 3)
        #expect(HeadingFacts(heading: "RIGHT NOW (Today)").timeline == "today")
        #expect(HeadingFacts(heading: "Tomorrow").day == 2)
        #expect(HeadingFacts(heading: "Deferred Items (Post-Launch)").deferred)
    }

    @Test func tasksTakeTheWeekAndPhaseOfTheHeadingsAbove() {
        let tasks = recognize("""
            ## Phase 1: One (Weeks 1-2)
            ### Week 2: B
            - [ ] in week two
            ## Phase 2: Two (Weeks 3-4)
            - [ ] in phase two only
            ## Notes
            - [ ] nowhere
            """).tasks
        #expect(tasks.map(\.week) == [2, nil, nil])
        #expect(tasks.map(\.phase) == [1, 2, nil])
    }

    @Test func weekHeadingsOutsidePhasesTakeThePhaseWhoseWeeksIncludeThem() {
        let tasks = recognize("""
            ## Phase 2: Later (Weeks 3-4)
            Overview only.
            ## Week 4: Work
            - [ ] task
            """).tasks
        #expect(tasks[0].week == 4)
        #expect(tasks[0].phase == 2)
    }
}
