import Testing
import PlanModel
@testable import Importers

@Suite struct TaskTableTests {
    @Test func checkboxCellsWithOwnerColumnsAndActions() {
        let tasks = recognize("""
            ## Phase 1: Start (Weeks 1-2)
            ### Week 1: Kickoff
            | Task | Robin | Ana |
            |------|-------|-----|
            | - [x] Write charter | Draft | Review |
            | - [ ] **Pick vendor** | - | Sign contract |
            """).tasks
        #expect(tasks.map(\.title) == ["Write charter", "Pick vendor"])
        #expect(tasks.map(\.status) == [.done, .open])
        #expect(tasks.map(\.week) == [1, 1])
        #expect(tasks.map(\.phase) == [1, 1])
        #expect(tasks[1].milestone)
        #expect(tasks[0].owners == [OwnerAction(name: "Robin", action: "Draft"), OwnerAction(name: "Ana", action: "Review")])
        // A `-` cell means that owner has nothing to do for the task.
        #expect(tasks[1].owners == [OwnerAction(name: "Ana", action: "Sign contract")])
        #expect(tasks.map(\.row) == [0, 1])
    }

    @Test func planRowsWithoutCheckboxesArePlannedAndActorHeadersNameOwners() {
        let tasks = recognize("""
            #### Week 3: Build
            | Task | Bot Does | You Do | Notes |
            |------|----------|--------|-------|
            | Wire the API | Write code | Test it | tricky |
            """).tasks
        #expect(tasks.map(\.status) == [.planned])
        #expect(tasks[0].owners == [OwnerAction(name: "Bot", action: "Write code"), OwnerAction(name: "You", action: "Test it")])
        #expect(!tasks[0].checkbox)
    }

    @Test func statusAndOwnerColumns() {
        let tasks = recognize("""
            | Deliverable | Status | Owner |
            |-------------|--------|-------|
            | Login page | ✅ Done | Kim, Jo |
            | Audit log | In progress | @pat |
            | Export | [ ] Pending | |
            """).tasks
        #expect(tasks.map(\.status) == [.done, .inProgress, .open])
        #expect(tasks[0].owners.map(\.name) == ["Kim", "Jo"])
        #expect(tasks[1].owners.map(\.name) == ["pat"])
    }

    @Test func tablesThatAreNotTaskTablesAreIgnored() {
        let tasks = recognize("""
            | Metric | Target | Actual |
            |--------|--------|--------|
            | Latency | < 500ms | ____ |

            | Day | Traffic | You Do |
            |-----|---------|--------|
            | Monday | 0% | Smoke test |
            """).tasks
        #expect(tasks.isEmpty)
    }
}
