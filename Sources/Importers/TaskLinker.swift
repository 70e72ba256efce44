import PlanModel

/// Links the mentions of one project's documents into tasks: the same task in a tracker and
/// the plan it was made from (or a summary's next steps) is one task. Mentions link when they
/// are in the same week and their titles are similar, or when two documents' task tables for
/// a week have as many rows and line up (a tracker copied from a plan, titles reworded).
/// Mentions from one document never link to each other, nor do Kiro specs to anything.
public enum TaskLinker {
    public struct Input: Sendable {
        public let origin: LinkedMention.Origin
        public let documentID: Int64
        public let documentPath: String
        public let documentKind: DocumentKind
        public let item: TaskItem

        public init(origin: LinkedMention.Origin, documentID: Int64, documentPath: String, documentKind: DocumentKind, item: TaskItem) {
            self.origin = origin
            self.documentID = documentID
            self.documentPath = documentPath
            self.documentKind = documentKind
            self.item = item
        }
    }

    /// Similar enough to be the same task in the same week.
    static let sameWeekThreshold = 0.6
    /// Without a week, only near-identical titles link.
    static let noWeekThreshold = 0.85
    /// Two tables line up when at least one aligned pair is at least this similar.
    static let alignmentThreshold = 0.5

    public static func link(_ inputs: [Input]) -> (tasks: [LinkedTask], mentions: [LinkedMention]) {
        // Each document's place among the paths, so that sorting compares numbers, not paths.
        var pathOfDocument: [Int64: String] = [:]
        for input in inputs where pathOfDocument[input.documentID] == nil { pathOfDocument[input.documentID] = input.documentPath }
        // Paths equal as Strings (one in NFC, one in NFD) are two documents, in byte order.
        let documents = pathOfDocument.sorted { a, b in
            a.value != b.value ? a.value < b.value : a.value.utf8.lexicographicallyPrecedes(b.value.utf8)
        }
        let rankOfDocument = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.key, $0) })
        // Sort keys in arrays of numbers: a comparison that read two `Input`s copied (retained and
        // released) every field of both.
        let pathRank = inputs.map { rankOfDocument[$0.documentID]! }
        let authority = inputs.map(\.documentKind.authority)
        let line = inputs.map(\.item.line)
        let order = inputs.indices.sorted { a, b in
            if authority[a] != authority[b] { return authority[a] < authority[b] }
            if pathRank[a] != pathRank[b] { return pathRank[a] < pathRank[b] }
            return line[a] < line[b]
        }
        // Paths equal as Strings share a class: tasks are listed by path class, then line.
        var pathClassOfRank: [Int] = []
        pathClassOfRank.reserveCapacity(documents.count)
        for (rank, document) in documents.enumerated() {
            pathClassOfRank.append(rank == 0 ? 0 : pathClassOfRank[rank - 1] + (document.value != documents[rank - 1].value ? 1 : 0))
        }
        let pathClass = pathRank.map { pathClassOfRank[$0] }
        var tokens = LazyTokens(inputs.map(\.item.title), numbersMustAgree: true)
        var groups: [[Int]] = []          // input indexes, primary first
        var groupOf = [Int](repeating: -1, count: inputs.count)
        var reasons = [LinkReason?](repeating: nil, count: inputs.count)
        // The last document that gave each group a mention: a document's mentions are linked
        // together (they are contiguous in `order`), so a group it already gave one to is the
        // group whose last document it is. A group takes one mention of a document.
        var lastDocument: [Int64] = []
        var groupsByWeek: [Int: [Int]] = [:]
        var groupsByKey: [String: [Int]] = [:]
        // A group seen among this mention's candidates already: `seenBy[group] == index`.
        var seenBy: [Int] = []
        // Week → title word → groups whose primary title has it. A title is compared only with
        // the groups found under its rarest words: any group at least `threshold` similar must
        // share one of them (the prefix filter of set-similarity joins), so linking stays
        // near-linear in a project's size instead of comparing every pair.
        var groupsByWord: [WeekWord: [Int]] = [:]
        // Titles naming numbers link only to titles naming the same numbers, or none: those with
        // numbers are found under one of their numbers, those without under their words.
        var numberlessByWord: [WeekWord: [Int]] = [:]
        var groupsByNumber: [WeekWord: [Int]] = [:]
        for index in inputs.indices { _ = tokens.tokens(index) }
        var frequency = [Int](repeating: 0, count: tokens.vocabulary.count)
        var wordCount = 0
        for index in inputs.indices {
            let words = tokens.tokens(index).words
            wordCount += words.count
            for word in words { frequency[Int(word)] += 1 }
        }
        // No posting list holds more keys than the titles have words: room for them once, not
        // rehashed as they grow.
        groupsByWord.reserveCapacity(wordCount)
        numberlessByWord.reserveCapacity(wordCount)
        // Tables already grouped, by week: (document, table line) → rows' group indexes.
        var tablesByWeek: [Int: [(document: Int64, rows: [Int])]] = [:]

        var position = 0
        while position < order.count {
            // One document at a time, so its tables can be aligned as a whole.
            let document = inputs[order[position]].documentID
            var end = position
            while end < order.count, inputs[order[end]].documentID == document { end += 1 }
            let members = Array(order[position..<end])
            position = end
            let linkable = inputs[members[0]].documentKind != .kiroTasks
            // Groups this document opens are indexed when it is done: its own mentions never link
            // to each other, so they need not be candidates (a 100,000-item list stays linear).
            var opened: [Int] = []

            // Row-order alignment of this document's tables with earlier documents' tables.
            var tables: [Int: [Int]] = [:]   // table line → input indexes in row order
            for index in members where inputs[index].item.table != nil { tables[inputs[index].item.table!, default: []].append(index) }
            var newTables: [(week: Int, rows: [Int])] = []
            for (_, rows) in tables.sorted(by: { $0.key < $1.key }) {
                guard let week = inputs[rows[0]].item.week, rows.allSatisfy({ inputs[$0].item.week == week }) else { continue }
                newTables.append((week, rows))
                guard linkable, let candidates = tablesByWeek[week] else { continue }
                for candidate in candidates where candidate.rows.count == rows.count && candidate.document != document {
                    let groupsFree = candidate.rows.allSatisfy { lastDocument[$0] != document }
                    let similar = zip(rows, candidate.rows).contains { pair in
                        tokens.similarity(pair.0, groups[pair.1][0]) >= alignmentThreshold
                    }
                    guard groupsFree, similar else { continue }
                    for (row, (index, group)) in zip(rows, candidate.rows).enumerated() where groupOf[index] < 0 {
                        reasons[index] = .tableRow(row: row, week: week, path: inputs[groups[group][0]].documentPath)
                        groups[group].append(index)
                        groupOf[index] = group
                        lastDocument[group] = document
                    }
                    break
                }
            }

            for index in members where groupOf[index] < 0 {
                let week = inputs[index].item.week
                var best: (group: Int, score: Double)?
                if linkable {
                    let threshold = week == nil ? noWeekThreshold : sameWeekThreshold
                    // Candidates: groups of the same week, and (a task carried to another week)
                    // groups whose title is exactly this one.
                    var candidates: [Int]
                    let title = tokens.tokens(index)
                    let words = title.words
                    if words.isEmpty {
                        candidates = groupsByWeek[week ?? -1] ?? []
                    } else {
                        let needed = max(1, Int((threshold * Double(words.count) / (2 - threshold) - 1e-9).rounded(.up)))
                        let rarest = words.sorted { (frequency[Int($0)], $0) < (frequency[Int($1)], $1) }.prefix(max(1, words.count - needed + 1))
                        candidates = []
                        func collect(_ postings: [Int]?) {
                            for group in postings ?? [] where seenBy[group] != index {
                                seenBy[group] = index
                                candidates.append(group)
                            }
                        }
                        if let number = title.numbers.first {
                            collect(groupsByNumber[WeekWord(week, number)])
                            for word in rarest { collect(numberlessByWord[WeekWord(week, word)]) }
                        } else {
                            for word in rarest { collect(groupsByWord[WeekWord(week, word)]) }
                        }
                    }
                    if week != nil { candidates += groupsByKey[tokens.key(index)] ?? [] }
                    for group in candidates where lastDocument[group] != document {
                        let primary = groups[group][0]
                        guard inputs[primary].documentKind != .kiroTasks else { continue }
                        if inputs[primary].item.week != week {
                            guard inputs[primary].item.week != nil, tokens.key(index) == tokens.key(primary) else { continue }
                        }
                        let score = tokens.similarity(index, primary)
                        if score >= threshold, score > (best?.score ?? 0) || (score == best?.score && group < best!.group) { best = (group, score) }
                    }
                }
                if let best {
                    let primaryWeek = inputs[groups[best.group][0]].item.week
                    reasons[index] = primaryWeek != week ? .carried(fromWeek: primaryWeek)
                        : .similar(percent: Int((best.score * 100).rounded()), week: week)
                    groups[best.group].append(index)
                    groupOf[index] = best.group
                    lastDocument[best.group] = document
                } else {
                    groups.append([index])
                    groupOf[index] = groups.count - 1
                    lastDocument.append(document)
                    seenBy.append(-1)
                    opened.append(groups.count - 1)
                }
            }
            for group in opened {
                let index = groups[group][0], week = inputs[index].item.week
                let title = tokens.tokens(index)
                groupsByWeek[week ?? -1, default: []].append(group)
                for word in title.words { groupsByWord[WeekWord(week, word), default: []].append(group) }
                if title.numbers.isEmpty {
                    for word in title.words { numberlessByWord[WeekWord(week, word), default: []].append(group) }
                } else {
                    for number in title.numbers { groupsByNumber[WeekWord(week, number), default: []].append(group) }
                }
                if week != nil { groupsByKey[tokens.key(index), default: []].append(group) }
            }
            for table in newTables {
                tablesByWeek[table.week, default: []].append((document, table.rows.map { groupOf[$0] }))
            }
        }
        return build(groups: groups, groupOf: groupOf, reasons: reasons, inputs: inputs, pathClass: pathClass, line: line, tokens: &tokens)
    }

    /// A week (or none) and a title word, as one posting list's key.
    private struct WeekWord: Hashable {
        let week: Int
        let word: TitleTokens.Word

        init(_ week: Int?, _ word: TitleTokens.Word) {
            self.week = week ?? -1
            self.word = word
        }
    }

    private static func build(groups: [[Int]], groupOf: [Int], reasons: [LinkReason?], inputs: [Input], pathClass: [Int], line: [Int],
                              tokens: inout LazyTokens) -> (tasks: [LinkedTask], mentions: [LinkedMention]) {
        // Tasks in document order of their primary mention (paths as Strings, then lines), for
        // stable ids and listings.
        let ordered = groups.indices.sorted { a, b in
            let x = groups[a][0], y = groups[b][0]
            return pathClass[x] != pathClass[y] ? pathClass[x] < pathClass[y] : line[x] < line[y]
        }
        var taskIndexOfGroup = [Int](repeating: 0, count: groups.count)
        for (taskIndex, group) in ordered.enumerated() { taskIndexOfGroup[group] = taskIndex }

        var tasks: [LinkedTask] = ordered.map { group in
            let primary = groups[group][0]
            return LinkedTask(key: "", item: merge(groups[group], of: inputs),
                              source: SourceRef(path: inputs[primary].documentPath, line: line[primary]), parentKey: nil)
        }
        assignKeys(&tasks, keys: ordered.map { tokens.key(groups[$0][0]) })

        // Parents: the primary mention's parent line, in the same document (mentions by line
        // only of the documents where a primary names one).
        let withParents = Set(ordered.lazy.map { groups[$0][0] }.filter { inputs[$0].item.parentLine != nil }.map { inputs[$0].documentID })
        var byLine: [Int64: [Int: Int]] = [:]
        for (index, input) in inputs.enumerated() where withParents.contains(input.documentID) {
            byLine[input.documentID, default: [:]][input.item.line] = index
        }
        for (taskIndex, group) in ordered.enumerated() {
            let primary = groups[group][0]
            guard let parentLine = inputs[primary].item.parentLine, let parent = byLine[inputs[primary].documentID]?[parentLine] else { continue }
            let parentTask = taskIndexOfGroup[groupOf[parent]]
            if parentTask != taskIndex { tasks[taskIndex].parentKey = tasks[parentTask].key }
        }
        let mentions = inputs.indices.map { LinkedMention(origin: inputs[$0].origin, taskIndex: taskIndexOfGroup[groupOf[$0]], reason: reasons[$0]) }
        return (tasks, mentions)
    }

    /// The task's facts: the primary (most authoritative) mention's, filled in from the others.
    /// A plan row's `planned` gives way to any checkbox's state.
    static func merge(_ members: [Int], of inputs: [Input]) -> TaskItem {
        var merged = inputs[members[0]].item
        for other in members.dropFirst().lazy.map({ inputs[$0].item }) {
            if other.status.evidence > merged.status.evidence, merged.status == .planned { merged.status = other.status }
            if merged.owners.isEmpty { merged.owners = other.owners }
            merged.phase = merged.phase ?? other.phase
            merged.due = merged.due ?? other.due
            merged.doneOn = merged.doneOn ?? other.doneOn
            merged.timeline = merged.timeline ?? other.timeline
            merged.milestone = merged.milestone || other.milestone
            if merged.requirements.isEmpty { merged.requirements = other.requirements }
            if merged.details.isEmpty { merged.details = other.details }
        }
        return merged
    }

    /// Keys are normalized titles; repeated titles are told apart by week, then by order. A
    /// title no other task has is its key as it is (a suffixed key holds `@` or `#`, which no
    /// title's words do, so it cannot be another's title): only repeated ones are counted again.
    private static func assignKeys(_ tasks: inout [LinkedTask], keys: [String]) {
        let bases = keys.map { $0.isEmpty ? "untitled" : $0 }
        var firstWith: [String: Int] = [:]
        firstWith.reserveCapacity(bases.count)
        var repeated = [Bool](repeating: false, count: bases.count)
        for (index, base) in bases.enumerated() {
            if let first = firstWith[base] {
                repeated[first] = true
                repeated[index] = true
            } else {
                firstWith[base] = index
            }
        }
        var used: [String: Int] = [:]
        for index in tasks.indices {
            guard repeated[index] else {
                tasks[index].key = bases[index]
                continue
            }
            let key = bases[index] + " @w" + (tasks[index].item.week.map(String.init) ?? "-")
            let seen = used[key, default: 0]
            used[key] = seen + 1
            tasks[index].key = seen == 0 ? key : key + " #\(seen + 1)"
        }
    }
}

/// Title tokens computed on first use: most mentions are never compared with anything. The
/// words of every title are interned in one `TitleVocabulary`, so that a word is hashed as text
/// once and compared, counted and indexed as a number after that.
struct LazyTokens {
    private let titles: [String]
    private var cache: [TitleTokens?]
    private var keys: [String?]
    private(set) var vocabulary = TitleVocabulary()
    /// Tasks: `Migrate shard 2` and `Migrate shard 3` are two. Risks and metrics carried from
    /// summary to summary rename their windows (`Production issues Week 4-5`) and stay one.
    private let numbersMustAgree: Bool

    init(_ titles: [String], numbersMustAgree: Bool = false) {
        self.numbersMustAgree = numbersMustAgree
        self.titles = titles
        cache = Array(repeating: nil, count: titles.count)
        keys = Array(repeating: nil, count: titles.count)
    }

    mutating func tokens(_ index: Int) -> TitleTokens {
        if let known = cache[index] { return known }
        let made = TitleTokens(titles[index], vocabulary: &vocabulary)
        cache[index] = made
        return made
    }

    mutating func key(_ index: Int) -> String {
        if let known = cache[index] { return known.key }
        if let known = keys[index] { return known }
        let made = TitleTokens.key(of: titles[index])
        keys[index] = made
        return made
    }

    mutating func similarity(_ a: Int, _ b: Int) -> Double {
        tokens(a).similarity(to: tokens(b), numbersMustAgree: numbersMustAgree)
    }
}

/// The distinct words of the titles one linker compares, each with a number and what
/// `TitleTokens` needs to know of it, worked out once per word instead of once per title.
struct TitleVocabulary {
    struct Facts {
        let isStopword: Bool
        let isRelation: Bool
        let isNegation: Bool
        let isNumber: Bool
        /// The word without a plural `s`, as compared (stopwords are not compared).
        var stem: TitleTokens.Word = 0

        init(_ word: String, isNumber: Bool) {
            let special = TitleTokens.specialWords[word] ?? []
            isStopword = special.contains(.stopword)
            isRelation = special.contains(.relation)
            isNegation = special.contains(.negation)
            self.isNumber = isNumber
        }
    }

    /// ASCII words (most) are found by their bytes in an open-addressing table: no `String` is
    /// made or hashed for a word seen before. Other words by `String`, whose equality is Unicode's
    /// (`é` precomposed or not is one word), as before.
    private var arena: [UInt8] = []
    private var spans: [(start: Int, count: Int)] = []
    private var slots = [Int32](repeating: -1, count: 256)
    private var asciiWords = 0
    private var otherIDs: [String: TitleTokens.Word] = [:]
    private(set) var words: [Facts] = []
    /// The words `TitleTokens` looks for by place: the move's ends, the two halves of `don't`.
    private(set) var from: TitleTokens.Word = 0, to: TitleTokens.Word = 0, don: TitleTokens.Word = 0, t: TitleTokens.Word = 0

    init() {
        from = id(of: "from")
        to = id(of: "to")
        don = id(of: "don")
        t = id(of: "t")
    }

    var count: Int { words.count }

    mutating func id(of word: String) -> TitleTokens.Word {
        var word = word
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.withUTF8 { self.id(ofASCII: $0) } }
        if let known = otherIDs[word] { return known }
        let id = TitleTokens.Word(words.count)
        otherIDs[word] = id
        spans.append((0, 0))
        words.append(Facts(word, isNumber: word.allSatisfy(\.isNumber)))
        let plural = word.utf8.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss")
        words[Int(id)].stem = plural ? self.id(of: String(word.dropLast())) : id
        return id
    }

    /// The id of an ASCII word, given as its bytes.
    mutating func id(ofASCII bytes: UnsafeBufferPointer<UInt8>) -> TitleTokens.Word {
        let mask = slots.count - 1
        var slot = Self.slot(of: bytes, mask: mask)
        while slots[slot] >= 0 {
            let known = Int(slots[slot])
            let span = spans[known]
            if span.count == bytes.count, arena.withUnsafeBufferPointer({ arena in
                (0..<span.count).allSatisfy { arena[span.start + $0] == bytes[$0] }
            }) {
                return TitleTokens.Word(known)
            }
            slot = (slot + 1) & mask
        }
        let id = TitleTokens.Word(words.count)
        slots[slot] = Int32(id)
        spans.append((arena.count, bytes.count))
        arena.append(contentsOf: bytes)
        asciiWords += 1
        if asciiWords * 2 > slots.count { growSlots() }
        words.append(Facts(String(decoding: bytes, as: UTF8.self),
                           isNumber: bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }))
        let plural = bytes.count > 3 && bytes[bytes.count - 1] == UInt8(ascii: "s") && bytes[bytes.count - 2] != UInt8(ascii: "s")
        words[Int(id)].stem = plural ? self.id(ofASCII: UnsafeBufferPointer(rebasing: bytes.dropLast())) : id
        return id
    }

    /// Where a word's search starts: its hash, folded, in a table of `mask + 1` slots.
    private static func slot(of bytes: UnsafeBufferPointer<UInt8>, mask: Int) -> Int {
        var hash = ContentHash()
        hash.add(bytes)
        return Int(truncatingIfNeeded: hash.number ^ (hash.number >> 29)) & mask
    }

    /// Doubles the table, placing every ASCII word again.
    private mutating func growSlots() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        arena.withUnsafeBufferPointer { arena in
            for (id, span) in spans.enumerated() where span.count > 0 { // not a placeholder of another word
                var slot = Self.slot(of: UnsafeBufferPointer(rebasing: arena[span.start..<(span.start + span.count)]), mask: mask)
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(id)
            }
        }
    }

    subscript(id: TitleTokens.Word) -> Facts { words[Int(id)] }
}

/// A title's words for comparison: lowercased, punctuation dropped, common words and plural
/// `s` removed. `API refactor: extract job logic` ≈ `Extract job logic from API`. Words are
/// numbers of the `TitleVocabulary` the tokens were made with; tokens of two vocabularies
/// do not compare.
struct TitleTokens {
    typealias Word = Int32

    /// The compared words' stems, each once, in ascending order.
    let words: [Word]
    let key: String
    /// Whether the title says not to (`Do not deploy on Friday`).
    let negated: Bool
    /// The words after `from` and `to`: `from staging to prod` is another task than `from prod to staging`.
    let source: Word?
    let destination: Word?
    /// The numbers it names, each once, ascending: `Migrate shard 2` is another task than `Migrate shard 3`.
    let numbers: [Word]
    /// The words either side of each relation word: `Replace Redis with Kafka` is another task
    /// than `Replace Kafka with Redis`, while `Database backup` is `Backup database`.
    let relations: [Relation]

    struct Relation: Equatable {
        let word: Word
        let left: Word
        let right: Word
    }

    /// Words whose two sides cannot be swapped without saying something else. `and`/`or` are
    /// not among them: `Write tests and docs` is `Write docs and tests`.
    static let relationWords: Set<String> = ["to", "into", "onto", "from", "with", "before", "after", "over", "than", "instead",
                                             "vs", "versus", "then", "nach", "vor", "von", "zu", "vers", "avant", "après", "antes",
                                             "después", "desde", "hasta"]

    static let negations: Set<String> = ["not", "no", "never", "without", "dont", "cannot", "nicht", "kein", "keine", "nie", "pas", "jamais",
                                         "sin", "nunca", "não", "nao", "senza", "niet", "geen", "inte", "ikke", "nie"]

    static let stopwords: Set<String> = ["a", "an", "the", "to", "for", "of", "and", "or", "in", "on", "with", "from", "by", "at", "into", "all", "any"]

    struct Special: OptionSet {
        let rawValue: UInt8
        static let stopword = Special(rawValue: 1)
        static let relation = Special(rawValue: 2)
        static let negation = Special(rawValue: 4)
    }

    /// The three lists by word: a new word is looked up once, not in each list.
    static let specialWords: [String: Special] = {
        var special: [String: Special] = [:]
        for word in stopwords { special[word, default: []].insert(.stopword) }
        for word in relationWords { special[word, default: []].insert(.relation) }
        for word in negations { special[word, default: []].insert(.negation) }
        return special
    }()

    init(_ title: String, vocabulary: inout TitleVocabulary) {
        let key = Self.key(of: title)
        self.key = key
        // The key's words are the title's: no word holds a space.
        var ids: [Word] = []
        ids.reserveCapacity(8)
        key.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: " ") {
                if end > start {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    ids.append(word.allSatisfy { $0 < 0x80 } ? vocabulary.id(ofASCII: word)
                               : vocabulary.id(of: String(decoding: word, as: UTF8.self)))
                }
                start = end + 1
            }
        } ?? { ids = key.split(separator: " ").map { vocabulary.id(of: String($0)) } }()
        let don = vocabulary.don, t = vocabulary.t
        negated = ids.contains { vocabulary[$0].isNegation } || zip(ids, ids.dropFirst()).contains { $0 == don && $1 == t }
        func after(_ word: Word) -> Word? { ids.firstIndex(of: word).flatMap { $0 + 1 < ids.count ? ids[$0 + 1] : nil } }
        source = after(vocabulary.from)
        destination = after(vocabulary.to)
        numbers = Self.ascendingOnce(ids.filter { vocabulary[$0].isNumber })
        relations = Self.relations(in: ids, vocabulary: vocabulary)
        words = Self.ascendingOnce(ids.compactMap { vocabulary[$0].isStopword ? nil : vocabulary[$0].stem })
    }

    private static func ascendingOnce(_ words: consuming [Word]) -> [Word] {
        guard words.count > 1 else { return words }
        // Sorted where it is: the caller's array is a temporary, not copied again.
        var sorted = consume words
        sorted.sort()
        var kept = 1
        for index in 1..<sorted.count where sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// Each relation word with the nearest content word on its left and on its right.
    private static func relations(in all: [Word], vocabulary: TitleVocabulary) -> [Relation] {
        var found: [Relation] = []
        func isContent(_ word: Word) -> Bool { !vocabulary[word].isStopword && !vocabulary[word].isRelation }
        for (index, word) in all.enumerated() where vocabulary[word].isRelation {
            let left = all[..<index].last(where: isContent)
            let right = all[(index + 1)...].first(where: isContent)
            if let left, let right, left != right { found.append(Relation(word: word, left: left, right: right)) }
        }
        return found
    }

    /// The title's words, lowercased, punctuation dropped.
    static func words(of title: String) -> [String] {
        TextPatterns.words(in: TextPatterns.lowercased(title), keeping: UInt8(ascii: "_")).map(String.init)
    }

    /// The title's words joined by single spaces: `words(of:)` in one pass over the bytes of
    /// an ASCII title (every linked title is made into its key, and most are ASCII).
    static func key(of title: String) -> String {
        if case let ascii?? = title.utf8.withContiguousStorageIfAvailable(asciiKey) { return ascii }
        return words(of: title).joined(separator: " ")
    }

    /// nil unless `bytes` are ASCII. The key is written straight into the string's storage (it is
    /// never longer than the title): every linked title is made into its key.
    private static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { key in
            var count = 0
            var inWord = false
            for byte in bytes {
                let lower = byte | 0x20
                let kept: UInt8
                if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") {
                    kept = lower
                } else if (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") {
                    kept = byte
                } else {
                    inWord = false
                    continue
                }
                // A space only between words: a title's separators never outnumber its bytes.
                if !inWord && count > 0 {
                    key[count] = UInt8(ascii: " ")
                    count += 1
                }
                key[count] = kept
                count += 1
                inWord = true
            }
            return count
        }
    }

    /// Whether the two say opposite or different things with the same words: one negated and the
    /// other not, the same move in the other direction, the two sides of a relation swapped, or (`numbersMustAgree`) other numbers
    /// (`Migrate shard 2` and `Migrate shard 3`; a title without numbers may still be either).
    func contradicts(_ other: TitleTokens, numbersMustAgree: Bool = false) -> Bool {
        if negated != other.negated { return true }
        if let source, let destination, source != destination, source == other.destination, destination == other.source { return true }
        for relation in relations where other.relations.contains(Relation(word: relation.word, left: relation.right, right: relation.left)) {
            return true
        }
        if numbersMustAgree, !numbers.isEmpty, !other.numbers.isEmpty, numbers != other.numbers { return true }
        return false
    }

    /// Dice coefficient of the two word sets; 0 when they contradict each other.
    func similarity(to other: TitleTokens, numbersMustAgree: Bool = false) -> Double {
        if contradicts(other, numbersMustAgree: numbersMustAgree) { return 0 }
        guard !words.isEmpty, !other.words.isEmpty else { return key == other.key ? 1 : 0 }
        var shared = 0, a = 0, b = 0
        while a < words.count, b < other.words.count {
            if words[a] == other.words[b] {
                shared += 1; a += 1; b += 1
            } else if words[a] < other.words[b] {
                a += 1
            } else {
                b += 1
            }
        }
        return 2 * Double(shared) / Double(words.count + other.words.count)
    }
}
