import PlanModel

/// What a heading says about the schedule of the items under it: `Phase 2: Core Migration
/// (Weeks 4-7)`, `Week 5: ...`, `Sprint 3`, `Day 3-4`, `TODAY`, `Deferred Items`.
struct HeadingFacts: Equatable {
    var phase: PhaseLabel?
    var week: Int?
    var day: Int?
    var sprint: Int?
    /// `TODAY`, `TOMORROW`, `RIGHT NOW`: a relative day, kept as written.
    var timeline: String?
    var deferred = false
    /// The gate this heading introduces (`### GO to Production If:`), read once per heading.
    var gate: GatePattern?

    struct PhaseLabel: Equatable {
        let label: String
        let number: Int
        let title: String
        let firstWeek: Int?
        let lastWeek: Int?
    }

    // Schedule words in every supported language (see `Vocabulary`); CJK weeks (`第3周`, `3주차`)
    // are read by `WeekWords`.
    static let phaseWords = ["phase", "fase", "stage", "etapa", "etap", "etappe", "faza", "阶段", "階段", "フェーズ", "段階", "단계"]
    static let weekWords = ["week", "semaine", "woche", "semana", "settimana", "vecka", "uke", "uge", "tydzień", "kw"]
    static let sprintWords = ["sprint", "iteration", "iteración", "itération", "スプリント", "스프린트", "冲刺", "迭代"]
    static let dayWords = ["day", "jour", "tag", "dia", "día", "giorno", "dag", "dzień"]
    /// `END OF DAY 1`, `after Phase 3`, `bis Woche 4`: a deadline named by a schedule word, not
    /// the week or phase the section is in.
    static let deadlineWords = ["end of", "after", "before", "until", "by", "post", "pre", "nach", "bis", "vor", "ende", "fin de",
                                "après", "avant", "después de", "antes de", "hasta", "após", "antes", "dopo", "prima", "na", "voor"]

    private static let deadlineKeywords = deadlineWords.map { TextPatterns.Keyword($0 + " ") }
    private static let weekKeywords = weekWords.map(TextPatterns.Keyword.init)
    private static let sprintKeywords = sprintWords.map(TextPatterns.Keyword.init)
    private static let dayKeywords = dayWords.map(TextPatterns.Keyword.init)

    /// Headings repeat within and across documents (`### Week 3`, `## Risks`): read each once,
    /// process-wide.
    init(heading text: String) {
        self = Self.known.value(text) { HeadingFacts(reading: text) }
    }

    private static let known = Vocabulary.Cache<String, HeadingFacts>()

    private init(reading text: String) {
        var bytes = TextPatterns.lowerBytes(text)
        var present = ByteSet(bytes)
        if Self.deadlineKeywords.contains(where: { $0.occurs(in: bytes, holding: present) }) {
            bytes = TextPatterns.lowerBytes(Self.withoutDeadlines(text))
            present = ByteSet(bytes)
        }
        if startsWithKeyword(bytes, Self.phaseWords), let phase = TextPatterns.label(after: Self.phaseWords, inLower: bytes) {
            let weeks = TextPatterns.number(after: ["week"], inLower: bytes)
            self.phase = PhaseLabel(label: phase.label, number: phase.number, title: TextPatterns.clean(text),
                                    firstWeek: weeks?.first, lastWeek: weeks?.last ?? weeks?.first)
        } else if let week = TextPatterns.number(after: Self.weekKeywords, inLower: bytes, holding: present) {
            self.week = week.first
        } else if bytes.contains(where: { $0 >= 0xE3 }), let week = WeekWords.week(in: String(decoding: bytes, as: UTF8.self)) {
            self.week = week
        }
        if let sprint = TextPatterns.number(after: Self.sprintKeywords, inLower: bytes, holding: present) { self.sprint = sprint.first }
        if phase == nil, let day = TextPatterns.number(after: Self.dayKeywords, inLower: bytes, holding: present) { self.day = day.first }
        self.timeline = Self.relativeDay(bytes)
        if timeline != nil, day == nil { day = timeline == "tomorrow" ? 2 : 1 }
        self.gate = GatePattern(text)
        self.deferred = TextPatterns.findAnywhere(Array("deferred".utf8), in: bytes) != nil
            || TextPatterns.findAnywhere(Array("out of scope".utf8), in: bytes) != nil
    }

    /// The heading with every deadline phrase (`end of day 1`, `after phase 3`) blanked out.
    static func withoutDeadlines(_ text: String) -> String {
        let lower = text.lowercased()
        var words = ScalarSplit.split(lower, on: ScalarSplit.spaces).map(String.init)
        let schedule = phaseWords + weekWords + sprintWords + dayWords
        var index = 0
        while index < words.count {
            let next = index + 1 < words.count ? words[index + 1] : ""
            let afterOf = index + 2 < words.count ? words[index + 2] : ""
            func isSchedule(_ word: String) -> Bool { schedule.contains { word.hasPrefix($0) } }
            if ["end", "fin"].contains(words[index]), ["of", "de"].contains(next), isSchedule(afterOf) {
                words.replaceSubrange(index...(index + 2), with: ["·", "·", "·"])
                if index + 3 < words.count { words[index + 3] = "·" }
            } else if deadlineWords.contains(words[index]), isSchedule(next) {
                words[index + 1] = "·"
                if index + 2 < words.count { words[index + 2] = "·" }
            }
            index += 1
        }
        return words.joined(separator: " ")
    }

    /// Phase headings name the phase first (`Phase 2: ...`, `### PHASE 1: ...`, `## 阶段1：...`),
    /// perhaps after a number or emoji; a phase mentioned later (`Tasks for phase 2`) is not one.
    private func startsWithKeyword(_ bytes: [UInt8], _ words: [String]) -> Bool {
        // Skip leading numbering, punctuation and emoji (any non-letter ASCII, any non-CJK lead).
        var start = 0
        while start < bytes.count {
            let byte = bytes[start]
            if (byte >= 0x61 && byte <= 0x7A) || byte >= 0xE4 && byte <= 0xE9 { break }
            start += 1
        }
        let rest = bytes[start...]
        return words.contains { rest.starts(with: $0.utf8) }
    }

    private static func relativeDay(_ bytes: [UInt8]) -> String? {
        for (word, meaning) in [("right now", "today"), ("today", "today"), ("tonight", "today"), ("tomorrow", "tomorrow")] {
            let key = Array(word.utf8)
            if let start = TextPatterns.find(key, in: bytes) {
                let end = start + key.count
                if end == bytes.count || !((bytes[end] | 0x20) >= 0x61 && (bytes[end] | 0x20) <= 0x7A) { return meaning }
            }
        }
        return nil
    }
}

/// Where a node sits in its document: the headings above it (and what they say about weeks,
/// phases and days), the bold label right before it, and a section owner.
public struct DocumentContext {
    struct Frame {
        let level: Int
        let line: Int
        let text: String
        let facts: HeadingFacts
    }

    private(set) var frames: [Frame] = []
    /// A bold label paragraph (`**Week 1 Gate:** ...`, `**Rollback if:**`) that applies to the
    /// next block only.
    var label: Label?
    /// Whether the block being read is the first one after a heading.
    var afterHeading = false
    /// `**Owner:** Name` in a section: the owner of the section's tasks.
    var sectionOwner: (name: String, level: Int)?

    struct Label {
        let text: String
        let value: String
        let line: Int
        /// The gate this label opened (index into the document's gates), whose criteria the
        /// list right after it adds to.
        var gate: Int?
    }

    mutating func enter(heading text: String, level: Int, line: Int) {
        frames.removeAll { $0.level >= level }
        if let owner = sectionOwner, owner.level >= level { sectionOwner = nil }
        frames.append(Frame(level: level, line: line, text: text, facts: HeadingFacts(heading: text)))
        label = nil
        afterHeading = true
    }

    var headingText: String? { frames.last?.text }
    /// The headings above, outermost first.
    var headingPath: [String] { frames.map(\.text) }
    var headingGate: GatePattern? { frames.last?.facts.gate }
    var headingLevel: Int { frames.last?.level ?? 0 }

    var phase: HeadingFacts.PhaseLabel? { frames.last { $0.facts.phase != nil }?.facts.phase }

    /// The week of the innermost heading that states one; days count into weeks when no
    /// heading says which week (`DAY 3-4` in a plan without week headings is week 1).
    var week: Int? {
        for frame in frames.reversed() {
            if let week = frame.facts.week { return week }
        }
        if let day { return (day - 1) / 7 + 1 }
        return nil
    }

    var day: Int? { frames.last { $0.facts.day != nil }?.facts.day }
    var sprint: Int? { frames.last { $0.facts.sprint != nil }?.facts.sprint }
    var deferred: Bool { frames.contains { $0.facts.deferred } }
    var parentHeadingText: String? { frames.count >= 2 ? frames[frames.count - 2].text : nil }
}
