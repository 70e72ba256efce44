import Testing
import PlanModel
@testable import Importers

@Suite struct CheckboxTasksTests {
    @Test func readsEveryCheckboxStatus() {
        let tasks = recognize("""
            # Nimbus Tracker

            - [ ] open
            - [x] done lower
            - [X] done upper
            * [/] slash in progress
            - [-] dash in progress
            - [ ] ~~struck out~~
            - [ ] building 🚧
            1. [ ] ordered
            """).tasks
        #expect(tasks.map(\.title) == ["open", "done lower", "done upper", "slash in progress", "dash in progress",
                                       "struck out", "building", "ordered"])
        #expect(tasks.map(\.status) == [.open, .done, .done, .inProgress, .inProgress, .cancelled, .inProgress, .open])
        #expect(tasks.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10])
        #expect(tasks.allSatisfy { $0.checkbox })
    }

    @Test func plainBulletsAreNotTasksButTheirNestedCheckboxesAre() {
        let tasks = recognize("""
            - Backend
              - [ ] nested under a plain bullet
            - just a note
            """).tasks
        #expect(tasks.map(\.title) == ["nested under a plain bullet"])
        #expect(tasks[0].parentLine == nil)
    }

    @Test func checkboxesInCodeAndHTMLCommentsAreNotTasks() {
        let tasks = recognize("""
            ```
            - [ ] in a fence
            ```

            <!--
            - [ ] in a comment
            -->

            > - [ ] in a quote
            """).tasks
        #expect(tasks.map(\.title) == ["in a quote"])
        #expect(tasks.map(\.line) == [9])
    }

    @Test func kiroNumberedTasksWithParentsOptionalAndRequirements() {
        let findings = recognize("""
            # Implementation Plan: Nimbus Sync

            ### Phase 2: Storage

            - [x] 2. Build the store
              - [x] 2.1 Write the schema
                - Create tables
                - _Requirements: 3.1, 3.4_
              - [ ]* 2.2 Property test for the schema
                - **Property 4: Round trip**
                - **Validates: Requirements 3.1**
            - [ ] 3. Checkpoint - Verify storage
              - Ensure all tests pass
            """, path: "specs/sync/tasks.md")
        #expect(findings.kind == .kiroTasks)
        #expect(findings.tasks.map(\.number) == ["2", "2.1", "2.2"])
        #expect(findings.tasks.map(\.title) == ["Build the store", "Write the schema", "Property test for the schema"])
        #expect(findings.tasks.map(\.parentLine) == [nil, 5, 5])
        #expect(findings.tasks.map(\.optional) == [false, false, true])
        #expect(findings.tasks[1].requirements == ["3.1", "3.4"])
        #expect(findings.tasks[2].details == ["Property 4: Round trip", "Validates: Requirements 3.1"])
        #expect(findings.tasks.allSatisfy { $0.phase == 2 })
        // The checkpoint is a gate, not a task.
        #expect(findings.gates.map(\.kind) == [.checkpoint])
        #expect(findings.gates[0].criteria.map(\.text) == ["Ensure all tests pass"])
        #expect(findings.gates[0].checkbox == false)
    }

    @Test func flatKiroNumberingFindsParentsByNumber() {
        let tasks = recognize("""
            - [x] 1. Parent
            - [x] 1.1 Child one
            - [ ] 1.2 Child two
            """).tasks
        #expect(tasks.map(\.parentLine) == [nil, 1, 1])
    }

    @Test func obsidianDatesMilestonesAndMentions() {
        let tasks = recognize("""
            - [ ] **Ship beta** 📅 2026-05-01
            - [x] Write notes ✅ 2026-04-20
            - [ ] Review copy @maria
            - [ ] Email ops@example.com about access
            """).tasks
        #expect(tasks[0].title == "Ship beta")
        #expect(tasks[0].milestone)
        #expect(tasks[0].due == "2026-05-01")
        #expect(tasks[1].doneOn == "2026-04-20")
        #expect(tasks[1].title == "Write notes")
        #expect(tasks[2].title == "Review copy")
        #expect(tasks[2].owners == [OwnerAction(name: "maria", action: nil)])
        #expect(tasks[3].owners.isEmpty)
    }

    @Test func deferredSectionsDeferOpenTasks() {
        let tasks = recognize("""
            ## Week 2: Build
            - [ ] build it

            ## Deferred Items
            - [ ] later
            - [x] already done anyway
            """).tasks
        #expect(tasks.map(\.status) == [.open, .deferred, .done])
        #expect(tasks.map(\.week) == [2, nil, nil])
    }

    @Test func ownerLinesAndSectionOwners() {
        let tasks = recognize("""
            ## Week 1: Setup
            **Owner:** Sam

            - [ ] provision
            - [ ] configure
              - Owner: Lee
            """).tasks
        #expect(tasks.map(\.owners) == [[OwnerAction(name: "Sam", action: nil)], [OwnerAction(name: "Lee", action: nil)]])
    }

    @Test func anUntitledCheckboxIsKeptWithAWarning() {
        let markdown = "# T\n\n- [ ]\n- [ ] real\n"
        #expect(recognize(markdown).tasks.map(\.title) == ["(untitled)", "real"])
        #expect(diagnostics(markdown).map(\.description) == ["docs/plan.md:3: warning: checkbox without a title; recorded as an untitled task"])
    }
}
