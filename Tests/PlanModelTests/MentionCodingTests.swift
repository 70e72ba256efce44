import Testing
@testable import PlanModel

/// A stored mention's list fields read back as they were recognized: the byte readers give what
/// splitting the `Character`s gives (the rule they replace), in every script and odd spacing.
@Suite struct MentionCodingTests {
    static let texts = ["REQ-1, REQ-2", " a ,, b ,\t", ",", "", "  ", "x", "Größe, prüfen", "a,\u{301}b", "one\ntwo\n\nthree\n",
                        "crlf\r\nline", "\r\n", "日本, 語", "tab\u{0B}\u{0C}, end ", "🚀,🚀 , "]

    @Test func listsSplitAtCommasAndTrimLikeCharacters() {
        for text in Self.texts {
            let characters = text.split(separator: ",").map { String($0).trimmingWhitespace() }
            #expect(MentionCoding.list(text) == characters, "\(text.debugDescription)")
        }
        #expect(MentionCoding.list(" a ,, b ,\t") == ["a", "b", ""])
        #expect(MentionCoding.list(nil).isEmpty)
    }

    @Test func detailsSplitAtLineFeedsLikeCharacters() {
        for text in Self.texts {
            #expect(MentionCoding.lines(text) == text.split(separator: "\n").map(String.init), "\(text.debugDescription)")
        }
        // `\r\n` is one Character: not a line feed to split at.
        #expect(MentionCoding.lines("crlf\r\nline") == ["crlf\r\nline"])
    }

    @Test func ownersRoundTripWithTheirActions() {
        let owners = [OwnerAction(name: "Ana", action: "Review"), OwnerAction(name: "Bo", action: nil),
                      OwnerAction(name: "Zoë", action: "a\u{1F}b"), OwnerAction(name: "", action: nil)]
        #expect(MentionCoding.owners(MentionCoding.encode(owners: owners)) == owners)
        #expect(MentionCoding.owners("\u{1E}Ana\u{1F}\u{1E}\u{1E}") == [OwnerAction(name: "Ana", action: nil)])
        #expect(MentionCoding.owners(nil).isEmpty)
    }
}

/// A task's fingerprint is the digest of its fields as stored (lists joined as `MentionCoding`
/// writes them), so that knowledge bases written before keep telling unchanged tasks apart.
@Suite struct FingerprintTests {
    /// The fingerprint as the stored encodings give it.
    private func reference(_ task: LinkedTask) -> String {
        var hash = ContentHash()
        let item = task.item
        for number in [item.week, item.phase, item.day, item.sprint] { hash.add(number.map(String.init) ?? "") }
        for text in [item.title, item.status.rawValue, item.timeline ?? "", item.due ?? "", item.doneOn ?? "", item.number ?? "",
                     item.milestone ? "m" : "", item.optional ? "o" : "", task.source.path, task.parentKey ?? "",
                     MentionCoding.encode(owners: item.owners) ?? "", MentionCoding.encode(list: item.requirements) ?? "",
                     MentionCoding.encode(lines: item.details) ?? ""] {
            hash.add(text)
        }
        return hash.hex + "@" + String(task.source.line)
    }

    @Test func aFingerprintDigestsTheFieldsAsStored() {
        let tasks = [
            LinkedTask(key: "a", item: TaskItem(line: 3, title: "Ship", status: .open), source: SourceRef(path: "a.md", line: 3), parentKey: nil),
            LinkedTask(key: "b", item: TaskItem(line: 12, title: "Höhe prüfen", status: .done, week: -2, phase: 10, day: 0, sprint: 123_456_789,
                                                 timeline: "W1", due: "2026-01-02", milestone: true, optional: true, number: "1.2",
                                                 requirements: ["1.1", "2.3"], details: ["first", "second"],
                                                 owners: [OwnerAction(name: "Ann", action: "Build"), OwnerAction(name: "Bo", action: nil)]),
                       source: SourceRef(path: "plans/b.md", line: 12), parentKey: "a"),
        ]
        for task in tasks { #expect(KnowledgeBase.fingerprint(task) == reference(task)) }
        #expect(KnowledgeBase.fingerprint(tasks[0]) != KnowledgeBase.fingerprint(tasks[1]))
    }
}
