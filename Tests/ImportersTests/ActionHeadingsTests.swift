import Testing
import PlanModel
@testable import Importers

@Suite struct ActionHeadingsTests {
    @Test func priorityOrderedHeadingsAreTasksWithTheirTimeline() {
        let tasks = recognize("""
            # Action Plan - Orbit API

            ## What to Do (Priority Order)

            ### 1. Smoke Test (TODAY - 1 hour)
            Run the script.

            ### 2. Staging Deploy (TOMORROW - 3 hours)
            #### Step 1: Create the service
            Some detail.

            ### 3. Load Test (DAY 3-4)

            ### 4. Release (WEEK 2)

            ### 5. Cleanup ✅
            """).tasks
        #expect(tasks.map(\.title) == ["Smoke Test", "Staging Deploy", "Load Test", "Release", "Cleanup"])
        #expect(tasks.map(\.timeline) == ["TODAY - 1 hour", "TOMORROW - 3 hours", "DAY 3-4", "WEEK 2", "What to Do (Priority Order)"])
        #expect(tasks.map(\.week) == [1, 1, 1, 2, nil])
        #expect(tasks.map(\.status) == [.open, .open, .open, .open, .done])
        #expect(tasks.map(\.line) == [5, 8, 12, 14, 16])
        #expect(tasks.allSatisfy { !$0.checkbox })
    }

    @Test func numberedHeadingsThatGroupCheckboxesAreNotTasks() {
        let tasks = recognize("""
            ## Next Steps for Week 2

            ### 1. Containers (Priority 1)
            - [ ] Update the script

            ## Objectives Completed

            ### 1. Branch Created ✅
            - Created it
            """).tasks
        #expect(tasks.map(\.title) == ["Update the script"])
        #expect(tasks.map(\.week) == [2])
    }
}
