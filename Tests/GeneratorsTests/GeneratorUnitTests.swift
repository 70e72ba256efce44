import Foundation
import Testing
@testable import Markdown
import PlanModel
@testable import Reports
@testable import Generators

@Suite struct TemplateTests {
    let names: Set<String> = ["title", "drivers", "note"]

    @Test func valuesSectionsAndCommentsRender() throws {
        let template = try Template("""
            {{! documentation
            over two lines }}
            # {{ title }}

            {{#drivers}}
            - _a driver_
            {{/drivers}}
            {{note}}
            End {{note}}.

            """, name: "t.md", placeholders: names)
        #expect(template.render(["title": "Ship"]) == "# Ship\n\n- _a driver_\nEnd .\n")
        #expect(template.render(["title": "Ship", "drivers": "- Risk: slow", "note": "n"]) == "# Ship\n\n- Risk: slow\nn\nEnd n.\n")
    }

    @Test func mistakesNameTheTemplateLineAndPlaceholder() {
        #expect(throws: TemplateError(template: "t.md", line: 2, message: "unknown placeholder `{{owner}}` (known: drivers, note, title)")) {
            try Template("# {{title}}\n{{owner}}\n", name: "t.md", placeholders: names)
        }
        #expect(throws: TemplateError(template: "t.md", line: 1, message: "`{{#drivers}}` is never closed with `{{/drivers}}`")) {
            try Template("{{#drivers}}\nprompt\n", name: "t.md", placeholders: names)
        }
        #expect(throws: TemplateError(template: "t.md", line: 2, message: "`{{/note}}` closes nothing: `{{#drivers}}` from line 1 is open")) {
            try Template("{{#drivers}}\n{{/note}}\n", name: "t.md", placeholders: names)
        }
        #expect(throws: TemplateError(template: "t.md", line: 1, message: "`{{` is never closed with `}}`")) {
            try Template("# {{title\n", name: "t.md", placeholders: names)
        }
    }

    @Test func theBuiltInTemplatesAreTheFilesInTemplatesAndParse() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        #expect(try String(contentsOf: folder.appendingPathComponent("adr.md"), encoding: .utf8) == BuiltinTemplates.adr, "run `make templates`")
        #expect(try String(contentsOf: folder.appendingPathComponent("runbook.md"), encoding: .utf8) == BuiltinTemplates.runbook, "run `make templates`")
        let adr = try Template(BuiltinTemplates.adr, name: "adr.md", placeholders: TemplateSource.adrPlaceholders)
        let rendered = adr.render(["title": "T", "date": "2026-03-18", "status": "proposed", "number": "0001"])
        #expect(rendered.hasPrefix("---\nstatus: proposed\ndate: 2026-03-18\ndecision-makers: \n---\n\n# T\n\n## Context and Problem Statement\n"))
        for section in ["## Decision Drivers", "## Considered Options", "## Decision Outcome", "### Consequences", "### Confirmation",
                        "## Pros and Cons of the Options", "## More Information"] {
            #expect(rendered.contains("\(section)\n\n"), "\(section)")
        }
        #expect(!rendered.contains("{{") && !rendered.contains("\n\n\n"))
        #expect(try String(contentsOf: folder.appendingPathComponent("adr-nygard.md"), encoding: .utf8) == BuiltinTemplates.adrNygard, "run `make templates`")
        let nygard = try Template(BuiltinTemplates.adrNygard, name: "adr-nygard.md", placeholders: TemplateSource.nygardPlaceholders)
        let record = nygard.render(["title": "Use Kafka", "ordinal": "3", "date": "2026-03-18", "status_word": "Proposed"])
        #expect(record.hasPrefix("# 3. Use Kafka\n\nDate: 2026-03-18\n\n## Status\n\nProposed\n\n## Context\n\n"), "\(record)")
        #expect(record.contains("\n## Decision\n\n") && record.contains("\n## Consequences\n\n") && !record.contains("\n\n\n"))
        // planq reads back what it wrote: an adr-tools record with its status section.
        let read = ADRFolder.read(record, number: 3, path: "doc/adr/0003-use-kafka.md")
        #expect(read.title == "Use Kafka" && read.status == "Proposed" && read.date == "2026-03-18")
    }
}

@Suite struct SlugTests {
    @Test func slugsAreLowercaseASCIIAndNeverPaths() {
        #expect(Slug.make("Use Step Functions for orchestration") == "use-step-functions-for-orchestration")
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(Slug.make("a\u{0}b/c\\d") == "a-b-c-d")
        #expect(Slug.make("Café déjà vu — Größe") == "cafe-deja-vu-grosse")
        #expect(Slug.make("Don't panic") == "dont-panic")
        #expect(Slug.make("✨ / ..") == "")
        let long = Slug.make(String(repeating: "abcdefgh ", count: 50))
        #expect(long.count <= Slug.maximumLength && !long.hasSuffix("-") && long.hasPrefix("abcdefgh-abcdefgh"))
        #expect(Slug.make(String(repeating: "x", count: 500)).count == 60)
    }
}

@Suite struct ADRRecordTests {
    @Test func recordsReadMADRFrontMatterMADRTwoAndADRToolsShapes() {
        let madr = ADRFolder.read("---\nstatus: \"superseded by [ADR-0009](0009-x.md)\"\ndate: 2026-01-02\n---\n\n# Use X\n",
                                  number: 3, path: "d/0003-use-x.md")
        #expect(madr.title == "Use X" && madr.date == "2026-01-02" && madr.supersededBy == 9)
        #expect(madr.statusLine == .frontMatter(1))
        let madr2 = ADRFolder.read("# 5. Reports\r\n\r\n- Status: Accepted\r\n- Date: 2026-11-22\r\n", number: 5, path: "d/0005-r.md")
        #expect(madr2.title == "Reports" && madr2.status == "Accepted" && madr2.date == "2026-11-22")
        #expect(madr2.statusLine == .labelled(2, prefix: "- Status: "))
        let tools = ADRFolder.read("# 1. Record decisions\n\nDate: 2024-05-01\n\n## Status\n\nAccepted\n", number: 1, path: "d/0001-r.md")
        #expect(tools.status == "Accepted" && tools.date == "2024-05-01" && tools.statusLine == .section(6))
        let bare = ADRFolder.read("Just text\n", number: 2, path: "d/0002-notes.md")
        #expect(bare.title == "0002-notes" && !bare.hasStatusLine)
        #expect(ADRFolder.number(of: "0012-x.md") == 12 && ADRFolder.number(of: "notes.md") == nil && ADRFolder.number(of: "0012.md") == nil)
    }

    @Test func markingSupersededChangesOnlyTheStatusLineKeepingLineEndings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planq-adr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("0001-old.md")
        try "# Old\r\n\r\n* **Status:** Accepted\r\n* Date: 2026-01-01\r\nbody without newline".write(to: file, atomically: false, encoding: .utf8)
        let record = try ADRFolder(path: folder.path).record(1)
        try ADRFolder(path: folder.path).markSuperseded(record, by: 2, fileName: "0002-new.md")
        #expect(try String(contentsOf: file, encoding: .utf8)
                == "# Old\r\n\r\n* **Status:** Superseded by [ADR-0002](0002-new.md)\r\n* Date: 2026-01-01\r\nbody without newline")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["0001-old.md"]) // no temporary file left
        #expect(throws: GeneratorError("\(file.path) already exists; planq never overwrites a file")) {
            try GeneratedFile.create(file.path, contents: "x")
        }
    }
}

@Suite struct SourceLinkTests {
    @Test func linksAreRelativeToTheGeneratedFilesFolder() {
        let links = SourceLinks(folder: "docs/adr", workingDirectory: "/repo")
        #expect(links.link(SourceRef(path: "docs/plan.md", line: 4)) == "[docs/plan.md:4](../plan.md#L4)")
        #expect(links.link(SourceRef(path: "/repo/my plans/a (1).md", line: 2)) == "[/repo/my plans/a (1).md:2](../../my%20plans/a%20%281%29.md#L2)")
        #expect(links.link(SourceRef(path: "/elsewhere/x.md", line: 1)) == "[/elsewhere/x.md:1](../../../elsewhere/x.md#L1)")
        #expect(fence(for: "echo ```") == "````")
    }
}

@Suite struct RunbookContentTests {
    static let project = Project(id: 1, key: "orbit", name: "Orbit", startDate: nil, documents: 1)

    static func task(_ title: String, _ status: TaskStatus, owners: [String]) -> PlanModel.Task {
        PlanModel.Task(id: 1, project: "Orbit", title: title, status: status, week: 2, phase: nil,
                       owners: owners.map { OwnerAction(name: $0, action: nil) }, due: nil, doneOn: nil,
                       source: SourceRef(path: "docs/plan.md", line: 3), milestone: false, optional: false, number: nil,
                       parentID: nil, requirements: [], timeline: nil, mentions: [])
    }

    @Test func escalationNamesPeopleNotTheAIPairOrAPronoun() {
        let tasks = [Self.task("Cut over", .open, owners: ["You + Claude Code", "Dana"]), Self.task("Drain queues", .done, owners: ["Dana", "Copilot"]),
                     Self.task("Page on-call", .open, owners: ["Priya"])]
        let contacts = Contacts.of(tasks, project: Self.project)
        #expect(contacts.map(\.name) == ["Dana", "Priya"])
        #expect(contacts.first?.tasks == 2 && contacts.first?.open == 1)
        #expect(Contacts.isWorkingModel("Claude") && Contacts.isWorkingModel("ChatGPT") && !Contacts.isWorkingModel("Claudia"))
    }
}

@Suite struct GeneratedTextTests {
    @Test func documentTextInARecordIsEscapedByTheRenderersEscaper() {
        let draft = ADRDraft(title: "[x](javascript:alert(1)) <img src=x>", date: "2026-03-18", status: "proposed", facts: nil)
        let values = draft.values(number: 7, links: SourceLinks(folder: "/repo/docs/adr", workingDirectory: "/repo"))
        #expect(values["title"] == MarkdownRenderer.inline("[x](javascript:alert(1)) <img src=x>"))
        #expect(values["title"] == "\\[x\\](javascript:alert(1)) &lt;img src=x>")
    }
}
