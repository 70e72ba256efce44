import Testing
import PlanModel
@testable import Importers

/// One risk register and one task table per supported language: the vocabulary reads their
/// column headers, level words and status words.
@Suite struct VocabularyTests {
    struct Language: CustomTestStringConvertible, Sendable {
        let name: String
        /// Risk, Likelihood, Impact, Mitigation, Owner headers.
        let riskHeaders: [String]
        /// High and low in that language.
        let levels: (high: String, low: String)
        /// Task, Owner, Status headers.
        let taskHeaders: [String]
        /// Done and in-progress words.
        let statuses: (done: String, inProgress: String)
        var testDescription: String { name }
    }

    static let languages: [Language] = [
        Language(name: "English", riskHeaders: ["Risk", "Likelihood", "Impact", "Mitigation", "Owner"], levels: ("High", "Low"),
                 taskHeaders: ["Task", "Owner", "Status"], statuses: ("Done", "In progress")),
        Language(name: "German", riskHeaders: ["Risiko", "Wahrscheinlichkeit", "Auswirkung", "Gegenmaßnahme", "Verantwortlich"],
                 levels: ("Hoch", "Niedrig"), taskHeaders: ["Aufgabe", "Verantwortlicher", "Status"], statuses: ("Erledigt", "In Arbeit")),
        Language(name: "French", riskHeaders: ["Risque", "Probabilité", "Impact", "Mesures", "Responsable"], levels: ("Élevé", "Faible"),
                 taskHeaders: ["Tâche", "Responsable", "Statut"], statuses: ("Terminé", "En cours")),
        Language(name: "Spanish", riskHeaders: ["Riesgo", "Probabilidad", "Impacto", "Mitigación", "Responsable"], levels: ("Alto", "Bajo"),
                 taskHeaders: ["Tarea", "Responsable", "Estado"], statuses: ("Hecho", "En progreso")),
        Language(name: "Portuguese", riskHeaders: ["Risco", "Probabilidade", "Impacto", "Mitigação", "Responsável"], levels: ("Alto", "Baixo"),
                 taskHeaders: ["Tarefa", "Responsável", "Status"], statuses: ("Concluído", "Em andamento")),
        Language(name: "Italian", riskHeaders: ["Rischio", "Probabilità", "Impatto", "Mitigazione", "Responsabile"], levels: ("Alto", "Basso"),
                 taskHeaders: ["Attività", "Responsabile", "Stato"], statuses: ("Completato", "In corso")),
        Language(name: "Dutch", riskHeaders: ["Risico", "Kans", "Impact", "Maatregel", "Eigenaar"], levels: ("Hoog", "Laag"),
                 taskHeaders: ["Taak", "Eigenaar", "Status"], statuses: ("Afgerond", "Bezig")),
        Language(name: "Swedish", riskHeaders: ["Risk", "Sannolikhet", "Konsekvens", "Åtgärd", "Ansvarig"], levels: ("Hög", "Låg"),
                 taskHeaders: ["Uppgift", "Ansvarig", "Status"], statuses: ("Klar", "Pågår")),
        Language(name: "Norwegian", riskHeaders: ["Risiko", "Sannsynlighet", "Konsekvens", "Tiltak", "Ansvarlig"], levels: ("Høy", "Lav"),
                 taskHeaders: ["Oppgave", "Ansvarlig", "Status"], statuses: ("Ferdig", "I gang")),
        Language(name: "Danish", riskHeaders: ["Risiko", "Sandsynlighed", "Konsekvens", "Tiltag", "Ansvarlig"], levels: ("Høj", "Lav"),
                 taskHeaders: ["Opgave", "Ansvarlig", "Status"], statuses: ("Færdig", "I gang")),
        Language(name: "Polish", riskHeaders: ["Ryzyko", "Prawdopodobieństwo", "Wpływ", "Działania", "Odpowiedzialny"], levels: ("Wysoki", "Niski"),
                 taskHeaders: ["Zadanie", "Odpowiedzialny", "Status"], statuses: ("Gotowe", "W trakcie")),
        Language(name: "Chinese (simplified)", riskHeaders: ["风险", "概率", "影响", "应对措施", "负责人"], levels: ("高", "低"),
                 taskHeaders: ["任务", "负责人", "状态"], statuses: ("已完成", "进行中")),
        Language(name: "Chinese (traditional)", riskHeaders: ["風險", "機率", "影響", "應對措施", "負責人"], levels: ("高", "低"),
                 taskHeaders: ["任務", "負責人", "狀態"], statuses: ("完成", "進行中")),
        Language(name: "Japanese", riskHeaders: ["リスク", "発生確率", "影響度", "対策", "担当者"], levels: ("高", "低"),
                 taskHeaders: ["タスク", "担当者", "進捗"], statuses: ("完了", "対応中")),
        Language(name: "Korean", riskHeaders: ["위험", "가능성", "영향", "대응 방안", "담당자"], levels: ("높음", "낮음"),
                 taskHeaders: ["작업", "담당자", "상태"], statuses: ("완료", "진행 중")),
    ]

    @Test(arguments: languages)
    func riskRegisters(_ language: Language) {
        let h = language.riskHeaders
        let risks = recognize("""
            | \(h.joined(separator: " | ")) |
            |---|---|---|---|---|
            | Vendor lock-in | \(language.levels.low) | \(language.levels.high) | Two vendors | Ana |
            | Slow reviews | \(language.levels.high) | \(language.levels.low) | Pairing | Ben |
            """).risks
        #expect(risks.map(\.title) == ["Vendor lock-in", "Slow reviews"])
        #expect(risks.map(\.line) == [3, 4])
        // Severity follows the impact where no overall level is given.
        #expect(risks.map(\.severity) == [.high, .low])
        #expect(risks.map(\.mitigation) == ["Two vendors", "Pairing"])
        #expect(risks.map(\.owner) == ["Ana", "Ben"])
    }

    @Test(arguments: languages)
    func taskTables(_ language: Language) {
        let h = language.taskHeaders
        let tasks = recognize("""
            | \(h.joined(separator: " | ")) |
            |---|---|---|
            | Write the importer | Ana | \(language.statuses.done) |
            | Review the schema | Ben | \(language.statuses.inProgress) |
            | Plan the launch | Ana | |
            """).tasks
        #expect(tasks.map(\.title) == ["Write the importer", "Review the schema", "Plan the launch"])
        #expect(tasks.map(\.status) == [.done, .inProgress, .planned])
        #expect(tasks.map { $0.owners.map(\.name) } == [["Ana"], ["Ben"], ["Ana"]])
        #expect(tasks.map(\.line) == [3, 4, 5])
    }

    @Test(arguments: [
        ("## Week 3", 3), ("## Woche 3: Tests", 3), ("### KW 12-13", 12), ("## Semana 2", 2), ("## Semaine 4 — bilan", 4),
        ("## Settimana 5", 5), ("## 第3周 测试", 3), ("## 第2週", 2), ("## 3주차", 3), ("## Sprint 2 (KW 5-6)", 5),
        ("### Week 4 (Mar 3 - Mar 9) ###", 4), ("## Tydzień 6", 6), ("## Vecka 7", 7), ("## Uke 8", 8), ("## Uge 9", 9), ("## Week 10 (nl)", 10),
    ])
    func weekHeadings(heading: String, week: Int) {
        let tasks = recognize("\(heading)\n- [ ] Something\n").tasks
        #expect(tasks.first?.week == week, "\(heading)")
    }

    @Test(arguments: ["## END OF DAY 1", "## Review after Phase 3", "## Bis Woche 4 fertig", "## Before week 2"])
    func deadlinesNameNoWeekOrPhase(heading: String) {
        let tasks = recognize("\(heading)\n- [ ] Something\n").tasks
        #expect(tasks.first?.week == nil && tasks.first?.phase == nil, "\(heading)")
    }

    @Test(arguments: [
        ("✅", TaskStatus.done), ("🚧 WIP", .inProgress), ("⏳", .open), ("❌", .open), ("🟢", .done), ("🟡", .inProgress),
        ("🔴 Red", .open), ("[x]", .done), ("Hecho", .done), ("完了", .done), ("一部", .inProgress), ("未着手", .open),
        ("✅ 완료", .done), ("⬜ 예정", .open), ("[ ]", .open), ("[/]", .inProgress), ("[-]", .inProgress), ("Abgebrochen", .cancelled), ("Reporté", .deferred), ("En espera", .open),
    ])
    func statusWords(text: String, status: TaskStatus) {
        #expect(StatusVocabulary.status(of: text) == status, "\(text)")
    }

    @Test(arguments: [
        ("Crítico — quebra de confiança", "critical", RiskItem.Severity.high), ("Médio-alto — abandono", "medium-high", .medium),
        ("3 (High) — formulas compound", "high", .high), ("中风险", "medium", .medium), ("高风险", "high", .high),
        ("P0", "P0", .high), ("P2", "P2", .medium), ("🔴 High", "high", .high), ("Amber", "medium", .medium),
        ("Niedrig", "low", .low), ("Baixa-média", "low-medium", .low),
    ])
    func levelWords(text: String, name: String, severity: RiskItem.Severity) {
        let level = RiskLevel(text)
        #expect(level?.name == name && level?.severity == severity, "\(text) -> \(String(describing: level))")
    }

    @Test(arguments: [("7/10", "high"), ("P×I = 12", "medium"), ("2 x 1", "low"), ("40%", "medium"), ("3 × 3", "high")])
    func scoresWithAScale(text: String, level: String) {
        #expect(RiskLevel.fromScore(text)?.name == level, "\(text)")
    }

    @Test func aBareScoreSaysNothing() {
        #expect(RiskLevel.fromScore("5") == nil)
    }

    @Test func fullWidthPunctuationIsPunctuation() {
        #expect(Vocabulary.term(of: "负责人：") == .owner)
        #expect(Vocabulary.term(of: "状态（当前）") == .status)
        let findings = recognize("""
            ### 任务 1：登录页面
            - 状态：已完成
            - 负责人：小王
            """)
        #expect(findings.tasks.map(\.title) == ["登录页面"])
        #expect(findings.tasks.first?.status == .done)
        #expect(findings.tasks.first?.owners.map(\.name) == ["小王"])
    }

    @Test(arguments: [
        ("### ❌ Bloqueadores:", NoteItem.Kind.blocker), ("## Lecciones aprendidas", .lesson), ("## Erkenntnisse", .lesson),
        ("## Was lief gut?", .wentWell), ("## À améliorer", .toImprove), ("## Próximos pasos", .nextStep),
        ("## 暂不处理但需记住", .deferred), ("## 决策", .decision), ("## 次にやること（優先順）", .nextStep), ("## 다음 단계", .nextStep),
    ])
    func noteHeadings(heading: String, kind: NoteItem.Kind) {
        let notes = recognize("\(heading)\n- Keep the importer small\n").notes
        #expect(notes.map(\.kind) == [kind], "\(heading)")
    }

    @Test func emptyListsTemplatePromptsAndTitleWordsGiveNoNotes() {
        let notes = recognize("""
            ## Bloqueadores
            - Ninguno identificado
            ## ブロッカー
            - なし
            ## Was lief gut?
            - [Effizientes Arbeiten]
            # 구조 결정 알고리즘 개발
            - 논문 제출
            """).notes
        #expect(notes.isEmpty)
    }

    @Test func headerPrecedence() {
        #expect(Vocabulary.term(of: "Risk Owner") == .owner)
        #expect(Vocabulary.term(of: "Risk Description") == .risk)
        #expect(Vocabulary.term(of: "Mitigation Plan") == .mitigation)
        #expect(Vocabulary.term(of: "Target Resolution") == .due)
        #expect(Vocabulary.term(of: "V2 Expected") == .target)
        #expect(Vocabulary.term(of: "**Risikobeschreibung**") == .risk)
        #expect(Vocabulary.term(of: "Eintrittswahrscheinlichkeit") == .likelihood)
    }
}

/// Headers are matched after `Vocabulary.normalize`, which lowercases plain ASCII byte by byte
/// and everything else as the standard library does: the same words either way.
@Suite struct HeaderNormalizingTests {
    @Test(arguments: ["RISK Register", "Mitigation Plan", "ÄNDERUNGEN", "İstanbul Rollout", "ΣΤΌΧΟΣ", "Owner/Lead", ""])
    func lowercasingMatchesTheStandardLibrarys(_ text: String) {
        #expect(TextPatterns.lowercased(text) == text.lowercased())
    }

    /// Every scalar of the scripts planning documents are written in and beyond (Latin to CJK,
    /// Deseret, Adlam), in runs of 64 after an ASCII letter, lowers as the standard library
    /// lowers it.
    @Test func everyScalarLowersAsTheStandardLibrarysDoes() {
        var mismatches: [String] = []
        for start in stride(from: 0x80, to: 0x20000, by: 64) {
            let scalars = (start..<(start + 64)).compactMap(Unicode.Scalar.init)
            var text = "A"
            text.unicodeScalars.append(contentsOf: scalars)
            if TextPatterns.lowercased(text) != text.lowercased() { mismatches.append(String(start, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "runs lowered differently from U+\(mismatches.prefix(5))")
    }

    /// `ScalarSplit` takes scalars for characters where each scalar stands alone: every such
    /// scalar, next to every other kind of them and to ASCII, is a character of its own.
    @Test func scalarsThatStandAloneAreCharacters() {
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0x20)...0xFFFF where ScalarSplit.standsAlone(value) {
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        var forward = String.UnicodeScalarView(), interleaved = String.UnicodeScalarView()
        forward.append(contentsOf: scalars)
        for (index, scalar) in scalars.reversed().enumerated() {
            interleaved.append(scalar)
            if index % 3 == 0 { interleaved.append("a") }
        }
        for view in [forward, interleaved] {
            #expect(String(view).count == view.count)
        }
    }

    @Test(arguments: ["Risk 1: Data Loss / Vendor-Lock, Timing", "Größe/Ämter 3 – Überblick ✅", "  Owner &  Lead ; QA ", "",
                      "計画、第2段階，リスク", "Résumé\u{301} café", "a\r\nb c", "👩‍💻 Dev, Ops", "Один, два / три"])
    func scalarSplitGivesTheStandardLibrarysParts(_ text: String) {
        let separators: [(Character) -> Bool] = [
            { $0 == " " }, { $0 == " " || $0 == "/" || $0 == "-" || $0 == "," }, { !$0.isLetter && !$0.isNumber },
            { $0 == "," || $0 == "，" || $0 == "、" },
        ]
        for isSeparator in separators {
            for maxSplits in [0, 1, Int.max] {
                #expect(ScalarSplit.split(text, maxSplits: maxSplits, where: isSeparator)
                        == text.split(maxSplits: maxSplits, whereSeparator: isSeparator))
            }
        }
    }

    /// Separator sets split where characters equal to theirs are, canonical equivalents too
    /// (U+037E is `;`, U+0387 is `·`), whether the text takes the scalar path or not.
    @Test(arguments: ["Risk 1: Data Loss / Vendor-Lock, Timing", "Ann \u{37E} Ben; Cy", "ja\u{387}nein · vielleicht | egal",
                      "計画、第2段階，リスク", "Résumé\u{301} café, ok", "a\r\nb c", "  Owner &  Lead ; QA ", ""])
    func separatorSetsSplitLikeTheirCharacters(_ text: String) {
        let sets: [[Character]] = [[" "], [" ", "/", "-", ","], [",", ";", "/", "，"], ["|", "/", ",", "·", "｜"], [",", "，", "、"]]
        for characters in sets {
            let separators = ScalarSplit.Separators(characters)
            for maxSplits in [0, 1, Int.max] {
                #expect(ScalarSplit.split(text, maxSplits: maxSplits, on: separators)
                        == text.split(maxSplits: maxSplits, whereSeparator: characters.contains), "\(characters)")
            }
        }
    }

    @Test(arguments: ["risk 1: data loss during migration", "owner's sign-off (2x)", "größe/ämter 3", "  ", "r-01_x", "計画 第2段階",
                     "Migrate the API — v2 → v3, ½ done", "x² naïve³ Ⅻ", "e\u{301}clair ok"])
    func wordsAreTheLetterAndDigitRunsSplitWouldGive(_ text: String) {
        let expected = text.split { !$0.isLetter && !$0.isNumber && $0 != "'" }
        #expect(TextPatterns.words(in: text, keeping: UInt8(ascii: "'")) == expected)
        #expect(TextPatterns.words(in: text) == text.split { !$0.isLetter && !$0.isNumber })
        #expect(TextPatterns.words(in: text, digits: false) == text.split { !$0.isLetter })
    }

    @Test func aHeaderLosesEmphasisDecorationsBracketsAndTrailingColon() {
        #expect(Vocabulary.normalize("**📊 Métrica (KPI)**:") == "métrica")
        #expect(Vocabulary.normalize("  Risk   Level [1-5] ") == "risk level")
        #expect(Vocabulary.normalize("`Owner`（担当）") == "owner")
    }
}
