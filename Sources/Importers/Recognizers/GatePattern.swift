import PlanModel

/// Reads a gate from a label or heading: `Week 1 Gate:`, `Phase 1 Gate (End Week 3):`,
/// `Final Gate:`, `Exit Criteria:`, `Rollback if:`, `Rollback Triggers (revert immediately if):`,
/// `GO to Production If:`, `DELAY Production If:`. Kiro checkpoints are items, see `isCheckpoint`.
struct GatePattern: Equatable {
    let kind: GateItem.Kind
    let week: Int?
    let phase: Int?
    /// A named go/no-go decision (`GO/NO-GO Cutover Plan`, `Sprint 1 Go/No-Go`): one gate per
    /// document and sprint, phase or week, however often the document names it.
    var isDecision = false
    /// `Success Criteria` closes a sprint, phase or milestone only when it sits under one.
    var needsSchedule = false

    /// Exit and success criteria in the supported languages.
    static let exitPhrases = ["exit criteria", "austrittskriterien", "abschlusskriterien", "critères de sortie", "criterios de salida",
                              "critérios de saída", "criteri di uscita", "exitcriteria", "afslutningskriterier", "kryteria wyjścia",
                              "出口标准", "准出标准", "退出标准", "完了条件", "終了条件", "종료 기준", "완료 기준"]
    static let successPhrases = ["success criteria", "erfolgskriterien", "critères de succès", "criterios de éxito", "critérios de sucesso",
                                 "criteri di successo", "succescriteria", "framgångskriterier", "suksesskriterier", "kryteria sukcesu",
                                 "成功标准", "成功標準", "成功基準", "성공 기준",
                                 "definition of done", "definición de hecho", "definición de terminado", "définition de fini",
                                 "définition de terminé", "definição de pronto", "definizione di fatto", "完成的定义", "完成定义",
                                 "完了の定義", "완료 정의"]

    /// Whether the gate this pattern names applies where it stands.
    func applies(in context: DocumentContext) -> Bool {
        !needsSchedule || context.sprint != nil || context.phase != nil || context.week != nil
            || context.headingPath.contains { Vocabulary.mentions($0, .milestone) }
    }

    /// Words one of which every gate label or heading contains: a cheap first test.
    private static let cues: [TextPatterns.Keyword] = (["g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9", "g0", "gate", "criteria", "rollback", "revert", " if", "no-go", "nogo", "no go", "kriterien", "critères",
                                           "criterios", "critérios", "criteri", "kryteria", "标准", "標準", "条件", "基準", "기준",
                                           "definition", "definición", "définition", "definição", "definizione", "定义", "定義", "정의"]).map(TextPatterns.Keyword.init)

    /// `go/no-go`, `go-no-go`, `go / no-go`, `go or no-go`, `go/nogo`.
    static func namesDecision(_ lower: String) -> Bool {
        // Spaces dropped by bytes where the scalars are the characters; otherwise as characters.
        let squeezed = ScalarSplit.scalarsAreCharacters(lower)
            ? lower.utf8.filter { $0 != 0x20 } : Array(lower.filter { $0 != " " }.utf8)
        return decisionSpellings.contains { TextPatterns.findAnywhere($0, in: squeezed) != nil }
    }

    /// The go/no-go spellings, spaces dropped, as UTF-8.
    private static let decisionSpellings: [[UInt8]] = ["go/no-go", "go-no-go", "go/nogo", "go-nogo", "goorno-go", "go/no go", "go–no-go", "go–no–go"]
        .map { Array($0.filter { $0 != " " }.utf8) }

    init?(_ text: String) {
        let bytes = TextPatterns.lowerBytes(text)
        let present = ByteSet(bytes)
        guard Self.cues.contains(where: { $0.occurs(in: bytes, holding: present) }) else { return nil }
        let lower = String(text.lowercased().drop { !$0.isLetter })
        let words = ScalarSplit.split(lower, where: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "/" }).map(String.init)
        guard let first = words.first else { return nil }
        // `Gate Decision Matrix`, `Gate legend`: a picture of the options, not a gate.
        if words.contains(where: { ["matrix", "legend", "template", "scale", "matrice", "matriz"].contains($0) }) { return nil }
        // `Gate Review Date:`, `Gate Owner:` are fields about a gate, not one.
        if words.contains(where: { $0 == "gate" || $0 == "gates" }), let term = Vocabulary.term(of: text),
           [.due, .doneDate, .owner, .status].contains(term) { return nil }
        let stated = TextPatterns.number(after: ["week"], in: lower)?.first
        let phase = TextPatterns.number(after: ["phase"], in: lower)?.first
        let hasGateWord = words.contains { $0 == "gate" || $0 == "gates" }
        let conditional = words.contains("if")
        // `Days to Go/No-Go:` counts down to the decision; it is not one.
        if Self.namesDecision(lower), !conditional, !["days", "day", "time", "countdown", "until", "before", "after", "post"].contains(first) {
            kind = .go
            isDecision = true
        } else if first == "rollback" || first == "revert" || lower.hasPrefix("must rollback") || TextPatterns.contains(lower, "rollback trigger") {
            guard conditional || TextPatterns.contains(lower, "trigger") || TextPatterns.contains(lower, "criteria") else { return nil }
            kind = .rollback
        } else if first == "go" || first == "go/no-go", conditional {
            kind = .go
        } else if ["delay", "no-go", "stop", "abort"].contains(first), conditional {
            kind = .noGo
        } else if Self.exitPhrases.contains(where: { TextPatterns.contains(lower, $0) }) {
            kind = .exit
        } else if Self.successPhrases.contains(where: { lower.utf8.starts(with: $0.utf8) || lower.utf8.suffix($0.utf8.count).elementsEqual($0.utf8) }) {
            kind = .exit
            needsSchedule = true
        } else if first.count >= 2, first.first == "g", first.dropFirst().allSatisfy(\.isNumber), words.count > 1 || text.hasSuffix(":") {
            // `G1 — Design review`, `### G2: Launch readiness`: a numbered stage gate.
            kind = .phase
            self.week = stated
            self.phase = phase ?? Int(first.dropFirst())
            return
        } else if first == "gate", words.count > 1, let number = Int(words[1].hasPrefix("g") ? String(words[1].dropFirst()) : words[1]) {
            // `GATE G1 — Pre-cutover checks`, `Gate 2: Beta`: the gate of that number.
            kind = .phase
            self.week = stated
            self.phase = phase ?? number
            return
        } else if hasGateWord, first == "final" {
            kind = .final
        } else if hasGateWord, first == "phase" {
            kind = .phase
        } else if hasGateWord, first == "week" || first == "gate" {
            kind = .week
        } else {
            return nil
        }
        self.week = stated
        self.phase = phase
    }

    /// Kiro `Checkpoint` items (`5. Checkpoint - Verify ...`, `Final checkpoint - ...`,
    /// `Checkpoint: ...`): gates, not tasks.
    static func isCheckpoint(_ title: String) -> Bool {
        TextPatterns.hasPrefixIgnoringCase(title, "checkpoint") || TextPatterns.hasPrefixIgnoringCase(title, "final checkpoint")
    }
}
