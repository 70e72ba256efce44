import Foundation
import PlanModel

/// The words planq reads in column headers, field labels, headings, level cells and status
/// cells, in every language it supports: English, German, French, Spanish, Portuguese, Italian,
/// Dutch, Norwegian / Swedish / Danish, Polish, Chinese (simplified and traditional), Japanese
/// and Korean. One table, so that supporting a language means adding its words here and
/// nowhere else; every recognizer asks this table what a header or label means.
///
/// Matching (see `Vocabulary.term(of:)`): a header is lowercased, stripped of Markdown
/// emphasis, emoji, a trailing colon (`:` or full-width `：`) and any parenthesised part
/// (`Responsable (R)`, `Statut (à compléter)`). A whole-header phrase match wins (`risk owner`
/// is an owner column, `target date` a due date); otherwise each word is looked up and the
/// most specific term wins (`Mitigation Plan` → mitigation, `Risk Score` → score): attribute
/// terms (owner, status, dates, likelihood...) outrank subject terms (risk, task, issue...),
/// which only name the column when nothing more specific does. Words written in Chinese,
/// Japanese or Korean match anywhere in the header (`风险描述`, `작업 내용`); others match
/// whole words, and a German compound matches by its head (`Risikobeschreibung`).
enum Vocabulary {
    /// The words of a header, for terms written inside longer ones.
    static let headerWordSeparators = ScalarSplit.Separators(" ", "/", "-", ",")

    /// What a column header, field label or heading word means.
    enum Term: String, CaseIterable, Sendable {
        // Attributes, most specific first: the order is the precedence.
        case doneDate, due, owner, status, mitigation, contingency, likelihood, impact, severity, score
        case identifier, target, actual, baseline, week, day, sprint, phase, estimate, category
        case description
        // Subjects: what a row or section is about.
        case risk, issue, assumption, dependency, decision, keyResult, metric, task, step, milestone, gate, objective

        /// The note kind a RAID entry of this subject is (issues, assumptions, dependencies, decisions).
        var raidNoteKind: NoteItem.Kind? {
            switch self {
            case .issue: return .issue
            case .assumption: return .assumption
            case .dependency: return .dependency
            case .decision: return .decision
            default: return nil
            }
        }
    }

    /// Words per term. Lowercase; CJK words match inside a header.
    ///
    /// RAID subjects other than risks are notes of their kind (`raidNoteKind`).
    static let words: [Term: [String]] = [
        .doneDate: [
            "done on", "completed on", "completion date", "date completed", "finished on", "erledigt am",
            "abgeschlossen am", "fecha de finalización", "fecha de cierre", "date de fin", "data de conclusão",
            "data di completamento", "afgerond op", "完成日期", "完成時間", "完成日", "完了日", "완료일",
        ],
        .due: [
            "due", "due date", "date", "deadline", "target date", "target resolution", "eta", "by when", "when",
            "fällig", "fälligkeit", "termin", "frist", "échéance", "date limite", "fecha límite", "fecha",
            "vencimiento", "prazo", "data limite", "scadenza", "deadline", "uiterste datum", "frist", "termin",
            "forfallsdato", "termin realizacji", "截止日期", "截止", "期限", "期日", "納期", "기한", "마감",
        ],
        .owner: [
            "owner", "owners", "assignee", "assignees", "assigned to", "assigned", "responsible", "who", "lead",
            "dri", "developer", "accountable", "risk owner", "task owner", "action owner",
            "verantwortlich", "verantwortlicher", "verantwortliche", "zuständig", "bearbeiter", "zuständigkeit",
            "responsable", "responsables", "porteur", "pilote", "encargado", "asignado", "asignado a",
            "responsável", "responsáveis", "dono", "atribuído a", "responsabile", "incaricato", "assegnato a",
            "eigenaar", "verantwoordelijke", "toegewezen aan", "ansvarig", "ansvarlig", "ägare", "eier", "ejer",
            "odpowiedzialny", "odpowiedzialna", "osoba odpowiedzialna", "właściciel", "wykonawca",
            "wer", "qui", "quién", "quem", "chi", "vem", "kto", "谁", "誰",
            "负责人", "負責人", "负责", "負責", "责任人", "責任人", "担当者", "担当", "責任者", "담당자", "담당", "책임자",
        ],
        .status: [
            "status", "state", "done", "complete", "progress", "result status", "current status",
            "stand", "zustand", "statut", "état", "avancement", "estado", "situación", "situação", "stato",
            "avanzamento", "toestand", "voortgang", "tilstand", "läge", "stan", "postęp",
            "状态", "狀態", "进度", "進度", "当前状态", "当前状况", "進捗", "状況", "ステータス", "状態", "상태", "진행", "진행 상황",
        ],
        .mitigation: [
            "mitigation", "mitigations", "mitigation plan", "mitigation strategy", "response", "countermeasure",
            "countermeasures", "treatment", "action plan", "strategy", "gegenmaßnahme", "gegenmaßnahmen",
            "gegenmassnahme", "gegenmassnahmen", "maßnahme", "maßnahmen", "massnahme", "massnahmen", "minderung",
            "mitigation", "atténuation", "parade", "mesure", "mesures", "mitigación", "mitigacion", "estrategia",
            "respuesta", "plan de mitigación", "mitigação", "mitigacao", "resposta", "mitigazione",
            "contromisura", "contromisure", "beheersmaatregel", "maatregel", "maatregelen", "åtgärd", "åtgärder",
            "tiltak", "tiltag", "działania", "łagodzenie", "przeciwdziałanie", "应对措施", "應對措施", "缓解措施",
            "緩解措施", "应对", "應對", "对策", "對策", "建议", "建議", "措施", "対策", "軽減策", "緩和策", "대응", "대응 방안",
            "완화", "대책",
        ],
        .contingency: [
            "contingency", "contingency plan", "fallback", "plan b", "backup plan", "notlösung", "notfallplan",
            "ausweichplan", "plan de secours", "plan de contingence", "contingencia", "plan de contingencia",
            "contingência", "plano de contingência", "piano di emergenza", "noodplan", "reservplan", "beredskapsplan",
            "plan awaryjny", "应急预案", "應急預案", "应急", "應急", "备用方案", "備用方案", "代替案", "コンティンジェンシー",
            "비상 계획", "대안",
        ],
        .likelihood: [
            "likelihood", "probability", "prob", "chance", "wahrscheinlichkeit", "eintrittswahrscheinlichkeit",
            "probabilité", "vraisemblance", "probabilidad", "probabilidade", "probabilità", "waarschijnlijkheid",
            "kans", "sannolikhet", "sannsynlighet", "sandsynlighed", "prawdopodobieństwo", "概率", "機率", "可能性",
            "发生概率", "発生確率", "確率", "가능성", "확률", "발생 가능성",
        ],
        .impact: [
            "impact", "consequence", "consequences", "effect", "auswirkung", "auswirkungen", "schaden", "folgen",
            "impact", "conséquence", "conséquences", "impacto", "consecuencia", "consequência", "impatto",
            "conseguenza", "gevolg", "gevolgen", "impact", "påverkan", "konsekvens", "konsekvenser", "virkning",
            "wpływ", "skutek", "skutki", "影响", "影響", "后果", "後果", "影響度", "영향", "영향도",
        ],
        .severity: [
            "severity", "level", "risk level", "rating", "criticality", "priority", "prio", "rag", "schwere",
            "schweregrad", "stufe", "risikostufe", "kritikalität", "gravité", "niveau", "criticité", "severidad",
            "nivel", "gravedad", "criticidad", "severidade", "nível", "gravidade", "gravità", "livello",
            "criticità", "ernst", "ernstigheid", "niveau", "allvarlighet", "nivå", "alvorlighet", "alvorlighed",
            "waga", "poziom", "krytyczność", "严重程度", "嚴重程度", "严重性", "嚴重性", "等级", "等級", "级别", "級別",
            "风险等级", "風險等級", "優先度", "重要度", "深刻度", "レベル", "심각도", "등급", "수준", "우선순위",
        ],
        .score: [
            "score", "risk score", "rpn", "exposure", "p×i", "p x i", "pxi", "p*i", "bewertung", "punkte",
            "risikowert", "note", "puntuación", "puntaje", "pontuação", "punteggio", "punten", "poäng", "wynik",
            "评分", "評分", "分值", "得分", "スコア", "점수",
        ],
        .identifier: [
            "id", "#", "no", "no.", "nr", "nr.", "n°", "ref", "key", "code", "risk id", "issue key", "nummer",
            "número", "numéro", "numero", "código", "编号", "編號", "序号", "序號", "番号", "번호",
        ],
        .target: [
            "target", "goal", "planned", "threshold", "sla", "expected", "target value", "objective", "desired",
            "ziel", "zielwert", "sollwert", "soll", "cible", "objectif", "valeur cible", "objetivo", "meta",
            "valor objetivo", "alvo", "obiettivo", "valore target", "doel", "streefwaarde", "mål", "målvärde",
            "cel", "wartość docelowa", "目标", "目標", "目标值", "目標値", "목표", "목표치",
        ],
        .actual: [
            "actual", "achieved", "current", "result", "measured", "value", "now", "ist", "istwert", "aktuell",
            "erreicht", "réel", "actuel", "atteint", "valeur actuelle", "actual", "real", "logrado", "alcanzado",
            "atual", "alcançado", "attuale", "raggiunto", "werkelijk", "huidig", "faktisk", "nuvarande",
            "nåværende", "aktualnie", "obecnie", "rzeczywista", "实际", "實際", "当前", "當前", "现状", "現況",
            "実績", "現在", "현재", "실적",
        ],
        .baseline: [
            "baseline", "starting point", "from", "before", "ausgangswert", "basis", "référence", "línea base",
            "línea de base", "linha de base", "base di partenza", "uitgangswaarde", "utgångsläge",
            "wartość bazowa", "基线", "基線", "ベースライン", "기준선", "기준",
        ],
        .week: ["week", "weeks", "woche", "kw", "semaine", "semana", "settimana", "vecka", "uke", "uge", "tydzień", "周", "週", "주차"],
        .day: ["day", "days", "tag", "jour", "día", "dia", "giorno", "dag", "dzień", "天", "日目", "일차"],
        .sprint: ["sprint", "iteration", "iteración", "itération", "iteração", "スプリント", "스프린트", "冲刺", "迭代"],
        .phase: [
            "phase", "stage", "fase", "etapa", "étape", "etappe", "stufe", "etap", "faza", "阶段", "階段",
            "フェーズ", "段階", "단계", "페이즈",
        ],
        .estimate: [
            "estimate", "estimation", "effort", "points", "story points", "size", "hours", "schätzung", "aufwand",
            "estimación", "esfuerzo", "estimativa", "esforço", "stima", "schatting", "uppskattning", "estymacja",
            "工作量", "估算", "見積", "工数", "추정", "공수",
        ],
        .category: [
            "category", "type", "kind", "area", "kategorie", "art", "bereich", "catégorie", "categoría", "tipo",
            "categoria", "categorie", "kategori", "kategoria", "类别", "類別", "类型", "類型", "分类", "分類",
            "カテゴリ", "種別", "分類", "유형", "분류", "구분",
        ],
        .description: [
            "description", "details", "detail", "summary", "name", "title", "what", "content", "beschreibung",
            "bezeichnung", "inhalt", "titel", "descriptif", "intitulé", "libellé", "contenu", "descripción",
            "detalle", "nombre", "título", "descrição", "nome", "descrizione", "titolo", "beschrijving", "omschrijving",
            "naam", "beskrivning", "beskrivelse", "opis", "nazwa", "描述", "说明", "說明", "内容", "內容", "名称",
            "名稱", "説明", "概要", "名前", "件名", "설명", "내용", "이름", "제목",
        ],
        .risk: [
            "risk", "risks", "risk description", "risk item", "threat", "risiko", "risiken", "risque", "risques",
            "riesgo", "riesgos", "risco", "riscos", "rischio", "rischi", "risico", "risico's", "risk",
            "risiko", "risici", "ryzyko", "zagrożenie", "风险", "風險", "风险项", "リスク", "위험", "리스크",
            "hazard", "hazards", "gefahr", "gefährdung", "danger", "peligro", "perigo", "pericolo", "危险", "危険", "ハザード",
        ],
        .issue: [
            "issue", "issues", "problem", "problems", "problème", "problèmes", "problema", "problemas",
            "probleem", "problem", "problemy", "问题", "問題", "課題", "이슈", "문제",
        ],
        .assumption: [
            "assumption", "assumptions", "annahme", "annahmen", "hypothèse", "hypothèses", "supuesto", "supuestos",
            "premissa", "premissas", "ipotesi", "aanname", "antagande", "antakelse", "antagelse", "założenie",
            "假设", "假設", "前提", "가정",
        ],
        .dependency: [
            "dependency", "dependencies", "depends on", "abhängigkeit", "abhängigkeiten", "dépendance", "dépendances",
            "dependencia", "dependencias", "dependência", "dependências", "dipendenza", "dipendenze",
            "afhankelijkheid", "beroende", "avhengighet", "afhængighed", "zależność", "依赖", "依賴", "依存", "의존성",
        ],
        .decision: [
            "decision", "decisions", "entscheidung", "entscheidungen", "décision", "décisions", "decisión",
            "decisiones", "decisão", "decisões", "decisione", "decisioni", "besluit", "beslut", "beslutning",
            "decyzja", "决策", "決策", "决定", "決定", "결정",
        ],
        .keyResult: [
            "key result", "key results", "kr", "schlüsselergebnis", "résultat clé", "résultats clés",
            "resultado clave", "resultados clave", "resultado-chave", "resultados-chave", "risultato chiave",
            "kernresultaat", "nyckelresultat", "kluczowy rezultat", "关键结果", "關鍵結果", "主要な結果", "핵심 결과",
        ],
        .metric: [
            "metric", "metrics", "kpi", "kpis", "measure", "indicator", "criterion", "success criteria", "kennzahl",
            "kennzahlen", "metrik", "indicateur", "métrique", "mesure", "métrica", "métricas", "indicador",
            "metrica", "indicatore", "meetwaarde", "indicator", "mått", "nøkkeltall", "miernik", "wskaźnik",
            "metryka", "指标", "指標", "度量", "メトリクス", "지표", "측정 항목",
        ],
        .task: [
            "task", "tasks", "todo", "to do", "to-do", "action", "actions", "action item", "action items",
            "deliverable", "deliverables", "work item", "work items", "activity", "activities", "item", "items",
            "story", "user story", "backlog item", "backlog-element", "aufgabe", "aufgaben", "arbeitspaket",
            "tâche", "tâches", "livrable", "tarea", "tareas", "actividad", "entregable", "tarefa", "tarefas",
            "atividade", "entrega", "attività", "compito", "taak", "taken", "uppgift", "uppgifter", "oppgave",
            "opgave", "zadanie", "zadania", "任务", "任務", "工作", "事项", "事項", "待办", "タスク", "作業", "作業内容",
            "작업", "작업 내용", "과제", "할 일", "görev",
        ],
        .step: ["step", "steps", "schritt", "étape", "paso", "passo", "stap", "steg", "trin", "krok", "步骤", "步驟", "手順", "단계"],
        .milestone: [
            "milestone", "milestones", "meilenstein", "jalon", "hito", "hitos", "marco", "pietra miliare",
            "mijlpaal", "milstolpe", "milepæl", "kamień milowy", "里程碑", "マイルストーン", "마일스톤",
        ],
        .gate: ["gate", "quality gate", "tor", "porte", "puerta", "portão", "cancello", "poort", "grind", "bramka", "关口", "門", "ゲート", "게이트"],
        .objective: ["objective", "objectives", "ziel", "objectif", "objetivo", "obiettivo", "doelstelling", "mål", "cel", "目标", "目標", "목표"],
    ]

    /// Heading and label words that announce notes, checked in this order (a "lessons learned"
    /// heading is lessons, not "learned" anything else).
    static let noteHeadings: [(NoteItem.Kind, [String])] = [
        (.blocker, ["blocker", "impediment", "blockers", "blockiert", "blocker", "hindernisse", "bloqueur", "bloquants", "bloqueador",
                    "bloqueadores", "impedimento", "bloccanti", "blokkade", "blokkering", "blokady", "阻塞", "障碍", "障礙", "ブロッカー",
                    "阻害要因", "차단", "블로커", "장애물"]),
        (.wentWell, ["went well", "wins", "successes", "what worked", "lief gut", "was lief gut", "ce qui a bien marché", "qué salió bien",
                     "lo que salió bien", "o que correu bem", "o que deu certo", "cosa è andato bene", "ging goed", "gick bra", "gikk bra",
                     "gik godt", "co poszło dobrze", "做得好", "良かった点", "잘한 점"]),
        (.toImprove, ["to improve", "could be improved", "didn't go well", "did not go well", "went wrong", "challenges", "verbessert",
                      "verbesserung", "à améliorer", "a mejorar", "por mejorar", "a melhorar", "da migliorare", "kan beter", "förbättra",
                      "forbedre", "do poprawy", "待改进", "待改進", "改善点", "개선할 점"]),
        (.lesson, ["lessons", "learned", "insights", "learnings", "erkenntnisse", "gelernt", "lektionen", "leçons", "enseignements",
                   "lecciones", "aprendizajes", "lições", "aprendizados", "lezioni", "geleerde lessen", "lärdomar", "lærdom", "erfaringer",
                   "wnioski", "经验教训", "經驗教訓", "教训", "学び", "教訓", "振り返り", "교훈", "배운 점"]),
        (.decision, ["decision", "entscheidung", "décision", "decisión", "decisiones", "decisão", "decisões", "decisione", "besluit",
                     "beslut", "beslutning", "decyzj", "决策", "決策", "决定", "決定事項", "결정"]),
        (.deferred, ["deferred", "scope cut", "out of scope", "post-launch", "verschoben", "zurückgestellt", "außerhalb des umfangs",
                     "reporté", "hors périmètre", "aplazado", "fuera de alcance", "adiado", "fora do escopo", "rinviato", "fuori ambito",
                     "uitgesteld", "buiten scope", "utanför", "odłożone", "暂缓", "暫緩", "暂不处理", "延期", "見送り", "보류"]),
        (.nextStep, ["next step", "next session", "follow-up", "follow up", "nächste schritte", "prochaines étapes", "próximos pasos",
                     "próximos passos", "prossimi passi", "volgende stappen", "nästa steg", "neste steg", "næste skridt", "następne kroki",
                     "下一步", "后续", "後續", "次にやること", "次のステップ", "今後", "다음 단계", "향후"]),
    ]

    /// `Type:`, `Typ:`, `Tipo:`, `类型：`: the label a RAID entry states its kind with.
    static func isTypeLabel(_ key: String) -> Bool {
        guard key.count <= 16 else { return false }
        return ["type", "typ", "tipo", "type d'entrée", "类型", "類型", "種別", "유형"].contains(normalize(key))
    }

    /// Words that join two names or two subjects (`Ana and Ben`, `Risiken und Maßnahmen`).
    static let conjunctions = [" and ", " y ", " und ", " et ", " e ", " en ", " och ", " og ", " i ", " oraz ", " 및 "]

    /// Phrase → term, exact whole-header matches, built once.
    private static let phrases: [String: Term] = {
        var result: [String: Term] = [:]
        // Later terms do not overwrite earlier (more specific) ones.
        for term in Term.allCases {
            for word in words[term] ?? [] where result[word] == nil { result[word] = term }
        }
        return result
    }()

    /// CJK words, matched inside a header, longest first.
    private static let cjkWords: [(String, Term)] = {
        var result: [(String, Term)] = []
        for term in Term.allCases {
            for word in words[term] ?? [] where word.unicodeScalars.contains(where: isCJK) { result.append((word, term)) }
        }
        return result.sorted { $0.0.count > $1.0.count }
    }()

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x3040...0x30FF).contains(scalar.value) || (0x3400...0x9FFF).contains(scalar.value)
            || (0xAC00...0xD7AF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
    }

    /// A header or label as the table matches it: lowercase, no emphasis, emoji, trailing
    /// colon or parenthesised part.
    static func normalize(_ text: String) -> String {
        // The same header is asked about for several terms (`mentions(_:_:)` per term).
        normalizedCache.value(text) { computeNormalized(text) }
    }

    /// Its answers are asked for again right away (the same header, term after term), not
    /// across documents as the other caches' are: a few thousand entries hold what is reused
    /// (100,000 held 16 MB more on the large bench corpus).
    private static let normalizedCache = Cache<String, String>(limit: 4_096)

    private static func computeNormalized(_ text: String) -> String {
        // By scalar: brackets and markup are single scalars, and comparing scalars is cheap. The
        // kept ones are gathered as UTF-8 bytes (appending to a scalar view cost 300
        // instructions a scalar).
        var result: [UInt8] = []
        let lower = TextPatterns.lowercased(TextPatterns.clean(text))
        result.reserveCapacity(lower.utf8.count)
        var depth = 0
        for scalar in lower.unicodeScalars {
            switch scalar {
            case "(", "（", "[": depth += 1
            case ")", "）", "]": depth = max(0, depth - 1)
            case "*", "_", "`", "\\": continue
            default:
                guard depth == 0, !isDecoration(scalar) else { continue }
                if scalar.isASCII { result.append(UInt8(scalar.value)) } else { result.append(contentsOf: scalar.utf8) }
            }
        }
        return TextPatterns.clean(String(decoding: result, as: UTF8.self)).trimming(" :：-–—.")
    }

    /// Emoji and pictographs that decorate headers (`📊 Métrica`).
    static func isDecoration(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x2190 && scalar.value <= 0x2BFF || scalar.value >= 0x1F000 || scalar.value == 0xFE0F || scalar.value == 0x200D
    }

    /// Headers and labels repeat across documents (`Status`, `Owner`): answers are cached,
    /// process-wide, behind a lock (documents are recognized in parallel).
    final class Cache<Key: Hashable, Value>: @unchecked Sendable {
        private var entries: [Key: Value] = [:]
        private let lock = NSLock()
        /// Past this many entries the cache starts again empty: memory stays bounded on any corpus.
        private let limit: Int

        init(limit: Int = 100_000) { self.limit = limit }

        func value(_ key: Key, _ compute: () -> Value) -> Value {
            lock.lock()
            if let known = entries[key] {
                lock.unlock()
                return known
            }
            lock.unlock()
            let value = compute()
            lock.lock()
            if entries.count > limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
            lock.unlock()
            return value
        }
    }

    private static let termCache = Cache<String, Term?>()
    private struct MentionKey: Hashable { let text: String; let term: Term }
    private static let mentionCache = Cache<MentionKey, Bool>()

    /// The term a header or label names, or nil.
    static func term(of header: String) -> Term? {
        termCache.value(header) { computeTerm(of: header) }
    }

    private static func computeTerm(of header: String) -> Term? {
        let name = normalize(header)
        guard !name.isEmpty else { return nil }
        if let exact = phrases[name] { return exact }
        var best: Term?
        func consider(_ term: Term) {
            if let current = best, precedence(current) <= precedence(term) { return }
            best = term
        }
        if name.unicodeScalars.contains(where: isCJK) {
            for (word, term) in cjkWords where name.utf8Contains(word) { consider(term) }
        }
        let parts = ScalarSplit.split(name, on: Self.headerWordSeparators).map(String.init)
        for part in parts {
            if let term = phrases[part] { consider(term) }
        }
        // Adjacent word pairs (`key result`, `due date` inside longer headers).
        if parts.count > 2 {
            for index in 0..<(parts.count - 1) {
                if let term = phrases[parts[index] + " " + parts[index + 1]] { consider(term) }
            }
        }
        // German compounds: `Risikobeschreibung`, `Eintrittswahrscheinlichkeit`.
        if best == nil || best == .description, parts.count == 1, name.count > 8 {
            for (word, term) in compoundWords where name.hasSuffix(word) { consider(term) }
            // `Risikobeschreibung`: a subject's description is that subject.
            if best == .description || best == nil {
                for (word, term) in compoundWords where [.risk, .task, .metric].contains(term) && name.hasPrefix(word) { best = term }
            }
        }
        // A subject with a naming word (`Risk Description`, `Task Name`) is that subject.
        if best == .description, let subject = parts.compactMap({ phrases[$0] }).first(where: isSubject) { return subject }
        return best
    }

    /// The one-word terms of five letters or more, in `words`' order: the ends and starts of
    /// German compounds (`Risikobeschreibung`).
    private static let compoundWords: [(String, Term)] = words.flatMap { term, list in
        list.filter { $0.count >= 5 && !$0.contains(" ") }.map { ($0, term) }
    }

    static func isSubject(_ term: Term) -> Bool { precedence(term) > precedence(.description) }

    private static func precedence(_ term: Term) -> Int { Term.allCases.firstIndex(of: term)! }

    /// Whether `text` is one of `term`'s words (whole, after normalizing).
    static func means(_ text: String, _ term: Term) -> Bool { self.term(of: text) == term }

    /// Whether `text` contains one of `term`'s words: as a whole word, or anywhere for CJK.
    static func mentions(_ text: String, _ term: Term) -> Bool {
        mentionCache.value(MentionKey(text: text, term: term)) { computeMentions(text, term) }
    }

    /// Each term's words, split by how they match: whole words, phrases (bytes), CJK (bytes).
    private struct MentionWords {
        var words: Set<String> = []
        var phrases: [[UInt8]] = []
        var cjk: [[UInt8]] = []
    }

    private static let mentionWords: [Term: MentionWords] = {
        var result: [Term: MentionWords] = [:]
        for (term, list) in words {
            var entry = MentionWords()
            for word in list {
                if word.unicodeScalars.contains(where: isCJK) {
                    entry.cjk.append(Array(word.utf8))
                } else if word.contains(" ") {
                    entry.phrases.append(Array(word.utf8))
                } else {
                    entry.words.insert(word)
                }
            }
            result[term] = entry
        }
        return result
    }()

    private static func computeMentions(_ text: String, _ term: Term) -> Bool {
        guard let entry = mentionWords[term] else { return false }
        let name = normalize(text)
        let bytes = Array(name.utf8)
        if bytes.contains(where: { $0 >= 0xE3 }), entry.cjk.contains(where: { TextPatterns.findAnywhere($0, in: bytes) != nil }) {
            return true
        }
        if entry.phrases.contains(where: { TextPatterns.find($0, in: bytes) != nil }) { return true }
        return TextPatterns.words(in: name, keeping: UInt8(ascii: "'")).contains { entry.words.contains(String($0)) }
    }
}

// MARK: - Levels

/// A risk level as a document names it: words in any supported language, RAG colours, or
/// codes (`P0`, `S1`), which are kept as written.
struct RiskLevel: Equatable {
    /// `critical`, `high`, `medium-high`, `medium`, `low-medium`, `low`, or a code as written.
    let name: String
    let severity: RiskItem.Severity

    static let critical: [String] = [
        "critical", "severe", "blocker", "showstopper", "kritisch", "sehr hoch", "critique", "très élevé", "crítico",
        "crítica", "muy alto", "muy alta", "altíssimo", "critico", "critica", "molto alto", "kritiek", "zeer hoog",
        "kritisk", "mycket hög", "svært høy", "krytyczny", "krytyczne", "krytyczna", "严重", "嚴重", "致命", "极高",
        "極高", "重大", "深刻", "치명", "심각", "매우 높음",
    ]
    static let high: [String] = [
        "high", "major", "hoch", "groß", "gross", "élevé", "élevée", "haut", "haute", "fort", "forte", "grave", "alto", "alta",
        "elevado", "elevada", "grande", "hoog", "groot", "hög", "høy", "høj", "stor", "wysoki", "wysoka", "wysokie",
        "duży", "高", "大", "높음", "높은", "상", "큼",
    ]
    static let medium: [String] = [
        "medium", "moderate", "mid", "med", "mittel", "mittlere", "mittlerer", "mäßig", "moyen", "moyenne", "modéré",
        "modérée", "medio", "media", "moderado", "moderada", "médio", "média", "gemiddeld", "middel", "matig",
        "medel", "måttlig", "middels", "mellem", "średni", "średnia", "średnie", "umiarkowany", "中", "中等", "中度",
        "普通", "보통", "중간", "중",
    ]
    static let low: [String] = [
        "low", "minor", "small", "niedrig", "gering", "klein", "faible", "bas", "basse", "petit", "bajo", "baja",
        "menor", "baixo", "baixa", "pequeno", "basso", "bassa", "laag", "klein", "låg", "liten", "lav", "lille",
        "niski", "niska", "niskie", "mały", "低", "小", "낮음", "낮은", "하", "작음",
    ]

    /// The level a cell or field starts with (`Crítico — quebra de confiança`, `3 (High)`,
    /// `🔴 High`, `中风险`, `P0`), or nil.
    init?(_ text: String) {
        let cleaned = TextPatterns.clean(text)
        let lower = cleaned.lowercased()
        guard !lower.isEmpty else { return nil }
        // Codes: P0-P4, S1-S4, as written.
        if let first = lower.first, first == "p" || first == "s", lower.count >= 2 {
            let digits = lower.dropFirst().prefix { $0.isNumber }
            let after = lower.dropFirst(1 + digits.count).first
            if digits.count == 1, after == nil || !(after!.isLetter || after!.isNumber), let value = Int(digits) {
                let code = String(cleaned.prefix(1 + digits.count)).uppercased()
                let severity: RiskItem.Severity = value <= 1 ? .high : value == 2 ? .medium : .low
                self.init(name: code, severity: first == "p" ? severity : (value <= 2 ? .high : value == 3 ? .medium : .low))
                return
            }
        }
        // RAG colours and symbols (a text beginning with an ASCII character begins with neither
        // a marker nor a decoration).
        for (marker, level) in [("🔴", "high"), ("🟠", "medium"), ("🟡", "medium"), ("🟢", "low"), ("⚠", "medium"), ("🚫", "high")]
        where (lower.utf8.first ?? 0) >= 0x80
            && (lower.hasPrefix(marker) || (lower.unicodeScalars.first.map(Vocabulary.isDecoration) == true && TextPatterns.contains(lower, marker))) {
            self.init(word: level)
            return
        }
        for (word, level) in [("red", "high"), ("amber", "medium"), ("green", "low"), ("rot", "high"), ("gelb", "medium"), ("grün", "low")]
        where lower == word {
            self.init(word: level)
            return
        }
        // `3 (High)`, `Medium (40%)`: the words, wherever the first level word is.
        let words = Self.words(lower)
        guard let index = words.firstIndex(where: { Self.level(of: $0) != nil }) else {
            // CJK level characters lead the cell: `高风险`, `中`, `低い`.
            if let first = lower.unicodeScalars.first, Vocabulary.isCJK(first) || (0xAC00...0xD7AF).contains(first.value) {
                for (list, level) in [(Self.critical, "critical"), (Self.high, "high"), (Self.medium, "medium"), (Self.low, "low")] {
                    if list.contains(where: { $0.unicodeScalars.first.map(Vocabulary.isCJK) == true && lower.hasPrefix($0) }) {
                        self.init(word: level)
                        return
                    }
                }
            }
            return nil
        }
        // Only near the start: `Crítico — ...` is a level; a sentence mentioning "high" is not.
        guard index <= 2 else { return nil }
        let first = Self.level(of: words[index])!
        // `Médio-alto`, `Medium-High`, `Baixa-média`: two levels joined.
        if index + 1 < words.count, let second = Self.level(of: words[index + 1]), second != first,
           Self.joined(lower, words[index], words[index + 1]) {
            let ordered = [first, second].sorted { Self.rank($0) > Self.rank($1) }
            let name = ordered[0] == "critical" ? "critical" : "\(ordered[1])-\(ordered[0])"
            self.init(name: name, severity: Self.severity(ordered[0]) == .high && ordered[1] != "low" ? .medium : Self.severity(ordered[1]))
            return
        }
        self.init(word: first)
    }

    private init(word: String) { self.init(name: word, severity: Self.severity(word)) }

    /// A level written after a title (`Scope Creep 🟢 LOW`, `Vendor lock-in (High)`): the level and
    /// the title without it.
    static func trailing(in title: String) -> (level: RiskLevel, rest: String)? {
        var words = ScalarSplit.split(title, on: ScalarSplit.spaces).map(String.init)
        var level: RiskLevel?
        while let last = words.last, words.count > 1 {
            let bare = last.trimming("()[]*_,:")
            if let found = RiskLevel(bare), bare.count <= 12, level == nil || bare.unicodeScalars.allSatisfy(Vocabulary.isDecoration) {
                level = level ?? found
                words.removeLast()
            } else if bare.unicodeScalars.allSatisfy(Vocabulary.isDecoration) {
                words.removeLast()
            } else {
                break
            }
        }
        guard let level else { return nil }
        return (level, words.joined(separator: " ").trimming(" -–—:"))
    }

    init(name: String, severity: RiskItem.Severity) {
        self.name = name
        self.severity = severity
    }

    private static func words(_ lower: String) -> [String] {
        TextPatterns.words(in: lower, digits: false).map(String.init)
    }

    private static func joined(_ text: String, _ first: String, _ second: String) -> Bool {
        TextPatterns.contains(text, first + "-" + second) || TextPatterns.contains(text, first + "/" + second)
            || TextPatterns.contains(text, first + " to " + second)
    }

    static func level(of word: String) -> String? {
        // `very high`, `sehr hoch` are read as their last word; `higher` is no level.
        levelOfWord[word]
    }

    /// Each level word and its level (a word in two lists keeps the higher level, as the lists are read).
    private static let levelOfWord: [String: String] = {
        var result: [String: String] = [:]
        for (words, level) in [(critical, "critical"), (high, "high"), (medium, "medium"), (low, "low")] {
            for word in words where result[word] == nil { result[word] = level }
        }
        return result
    }()

    private static func rank(_ level: String) -> Int {
        ["low": 1, "medium": 2, "high": 3, "critical": 4][level] ?? 0
    }

    private static func severity(_ level: String) -> RiskItem.Severity {
        switch level {
        case "critical", "high": return .high
        case "medium": return .medium
        case "low": return .low
        default: return .unknown
        }
    }

    /// A score with its scale: `7/10`, `P×I = 12`, `12 (of 25)`, `40%`. A bare number without a
    /// scale (`5`) says nothing: scales differ between documents.
    static func fromScore(_ text: String) -> RiskLevel? {
        let lower = TextPatterns.clean(text).lowercased()
        let numbers = lower.split { !($0.isNumber || $0 == ".") }.compactMap { Double($0) }
        guard let value = numbers.first else { return nil }
        var scale: Double?
        if TextPatterns.contains(lower, "/"), numbers.count >= 2 { scale = numbers[1] }
        if lower.hasSuffix("%"), numbers.count == 1 { scale = 100 }
        if TextPatterns.contains(lower, "×") || TextPatterns.contains(lower, "x") || TextPatterns.contains(lower, "*") {
            // A product of likelihood and impact: on a 1-5 scale (max 25) once it exceeds 9, else
            // on a 1-3 scale (max 9); `P×I = 12` and `3 x 4` are medium.
            let product = numbers.count >= 3 ? numbers[2] : numbers.count == 2 ? numbers[0] * numbers[1] : numbers[0]
            if !TextPatterns.contains(lower, "/") { return fromScore("\(product)/\(product > 9 ? 25 : 9)") }
        }
        guard let scale, scale > 0 else { return nil }
        let ratio = value / scale
        let level = ratio >= 0.6 ? "high" : ratio >= 0.35 ? "medium" : "low"
        return RiskLevel(word: level)
    }
}

// MARK: - Statuses

/// Status words a task, risk or workstream cell states, in every supported language, with the
/// emoji and RAG colours teams use.
enum StatusVocabulary {
    /// What separates the statuses of a legend.
    static let listSeparators = ScalarSplit.Separators("|", "/", ",", "·", "｜")

    static let done: [String] = [
        "done", "complete", "completed", "finished", "closed", "shipped", "merged", "passed", "resolved", "delivered",
        "erledigt", "fertig", "abgeschlossen", "geschlossen", "gelöst", "umgesetzt", "terminé", "terminée", "fait",
        "fini", "clos", "clôturé", "réalisé", "livré", "résolu", "hecho", "terminado", "terminada", "completado",
        "completada", "cerrado", "cerrada", "finalizado", "finalizada", "resuelto", "feito", "concluído", "concluída",
        "concluido", "finalizado", "fechado", "resolvido", "entregue", "completato", "completata", "fatto", "chiuso",
        "concluso", "risolto", "gereed", "klaar", "afgerond", "voltooid", "gesloten", "opgelost", "klar", "färdig",
        "avslutad", "ferdig", "fullført", "færdig", "afsluttet", "gotowe", "gotowy", "zakończone", "ukończone",
        "zrobione", "zamknięte", "完成", "已完成", "完了", "完了済み", "済", "済み", "已解决", "已解決", "已关闭", "已關閉",
        "완료", "종료", "해결",
    ]
    static let inProgress: [String] = [
        "in progress", "in-progress", "wip", "ongoing", "started", "active", "partial", "partially", "doing",
        "in arbeit", "in bearbeitung", "läuft", "begonnen", "teilweise", "en cours", "commencé", "partiel",
        "en progreso", "en curso", "en proceso", "iniciado", "parcial", "em andamento", "em progresso", "em curso",
        "in corso", "avviato", "parziale", "bezig", "in uitvoering", "onderhanden", "pågår", "påbörjad", "pågående",
        "igang", "i gang", "w toku", "w trakcie", "rozpoczęte", "进行中", "進行中", "处理中", "處理中", "部分完成",
        "一部", "対応中", "作業中", "진행중", "진행 중", "부분",
    ]
    static let blocked: [String] = [
        "blocked", "on hold", "stuck", "blockiert", "gesperrt", "bloqué", "bloquée", "en attente", "bloqueado",
        "bloqueada", "en espera", "bloccato", "in attesa", "geblokkeerd", "blockerad", "blokkert", "blokeret",
        "zablokowane", "wstrzymane", "阻塞", "受阻", "被阻塞", "ブロック", "保留", "차단", "보류",
    ]
    static let open: [String] = [
        "todo", "to do", "pending", "open", "not started", "planned", "ready", "new", "backlog", "next",
        "offen", "geplant", "ausstehend", "nicht begonnen", "neu", "à faire", "a faire", "ouvert", "prévu",
        "planifié", "non commencé", "pendiente", "por hacer", "abierto", "planificado", "planificada", "no iniciado",
        "pendente", "a fazer", "aberto", "planejado", "não iniciado", "da fare", "aperto", "pianificato",
        "non iniziato", "te doen", "gepland", "niet gestart", "att göra", "planerad", "ej påbörjad", "å gjøre",
        "planlagt", "ikke startet", "do zrobienia", "otwarte", "zaplanowane", "nierozpoczęte", "待办", "待辦",
        "未开始", "未開始", "计划中", "計劃中", "待处理", "未着手", "未対応", "予定", "未完了", "未達", "예정", "대기",
        "미착수", "시작 전",
    ]
    static let cancelled: [String] = [
        "cancelled", "canceled", "dropped", "won't do", "wontfix", "abandoned", "abgebrochen", "gestrichen",
        "verworfen", "annulé", "abandonné", "cancelado", "cancelada", "descartado", "annullato", "geannuleerd",
        "avbruten", "kansellert", "annulleret", "anulowane", "已取消", "取消", "中止", "キャンセル", "취소",
    ]
    static let deferred: [String] = [
        "deferred", "postponed", "later", "verschoben", "zurückgestellt", "reporté", "différé", "aplazado",
        "pospuesto", "adiado", "rinviato", "uitgesteld", "uppskjuten", "utsatt", "udskudt", "odłożone", "延期", "推迟",
        "延後", "見送り", "연기",
    ]

    /// The status a cell or field states, or nil. `[x]`, ✅, 🚧, ⬜ and RAG colours count.
    static func status(of text: String) -> TaskStatus? {
        let cleaned = TextPatterns.clean(text)
        // Checkbox marks written in a status cell: `[ ]`, `[/]`, `[-]` (`[x]` below).
        if cleaned.hasPrefix("[ ]") { return .open }
        if cleaned.hasPrefix("[/]") || cleaned.hasPrefix("[-]") { return .inProgress }
        let lower = cleaned.lowercased().trimming(" []*_`")
        if lower.isEmpty { return nil }
        func has(_ marker: String) -> Bool { TextPatterns.contains(lower, marker) }
        if text.hasPrefix("[x]") || text.hasPrefix("[X]") || has("✅") || has("✔") || has("☑") || has("☒") || has("🟢") { return .done }
        if has("🚧") || has("🔄") || has("🟡") || has("🟠") || has("⏩") || has("▶") { return .inProgress }
        // Blocked work is open work: the knowledge base has no separate state for it.
        if has("❌") || has("🚫") || has("⛔") { return has("cancel") ? .cancelled : .open }
        if has("🔴") { return .open }
        if has("⬜") || has("☐") || has("⏳") || has("📋") || has("⚪") || has("🔲") { return .open }
        let plain = Vocabulary.normalize(lower)
        for (list, status) in [(cancelled, TaskStatus.cancelled), (deferred, .deferred), (blocked, .open),
                               (inProgress, .inProgress), (done, .done), (open, .open)] {
            if list.contains(where: { starts(plain, with: $0) }) { return status }
        }
        return nil
    }

    /// Whether `text` starts with `word` as a whole word (CJK words need no boundary).
    private static func starts(_ text: String, with word: String) -> Bool {
        guard text.hasPrefix(word) else { return false }
        if word.unicodeScalars.contains(where: Vocabulary.isCJK) { return true }
        guard let next = text.dropFirst(word.count).first else { return true }
        return !next.isLetter
    }

    /// Whether a line lists several statuses (`⚪ Not Started | 🟡 In Progress | 🟢 Complete`,
    /// `⬜ 예정 / ✅ 완료`): a legend, not a claim.
    static func isLegend(_ text: String) -> Bool {
        let parts = ScalarSplit.split(text, on: Self.listSeparators)
        guard parts.count >= 2 else { return false }
        let stated = parts.filter { status(of: String($0)) != nil }
        // Three statuses side by side, or two written as symbols (`⬜ 예정 / ✅ 완료`); `In progress /
        // blocked` is one status with a remark.
        if stated.count >= 3 { return true }
        return stated.count == 2 && stated.allSatisfy { part in
            part.trimming(" ").unicodeScalars.first.map { Vocabulary.isDecoration($0) || $0 == "[" } ?? false
        }
    }
}
