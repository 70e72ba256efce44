/// A project as the knowledge base knows it: documents whose titles share a leading word.
public struct Project: Equatable, Sendable {
    public let id: Int64
    public let key: String
    public let name: String
    /// `YYYY-MM-DD`: the start date a document states, else the one `planq project set` recorded.
    public let startDate: String?
    /// The start date `planq project set` recorded, whether or not a document states one.
    public let recordedStartDate: String?
    public let documents: Int

    /// Where `startDate` comes from: "document", "recorded" or nil.
    public var startDateSource: String? {
        documentStartDate != nil ? "document" : recordedStartDate != nil ? "recorded" : nil
    }

    /// The start date the documents state.
    public let documentStartDate: String?

    /// The 1-based week `today` falls in, counted from `start` (or the project's own start date);
    /// 0 before the start, nil without a start date.
    public func currentWeek(today: String, start: String? = nil) -> Int? {
        guard let first = (start ?? startDate).flatMap(CalendarDate.init), let day = CalendarDate(today) else { return nil }
        return day.week(since: first)
    }

    public init(id: Int64, key: String, name: String, startDate: String?, documents: Int, recordedStartDate: String? = nil) {
        self.id = id
        self.key = key
        self.name = name
        documentStartDate = startDate
        self.startDate = startDate ?? recordedStartDate
        self.recordedStartDate = recordedStartDate
        self.documents = documents
    }
}

/// A phase heading's facts (`Phase 2: Core Migration (Weeks 4-7)`).
public struct PhaseItem: Equatable, Codable, Sendable {
    /// The phase's number as written (`2`, `3.1`).
    public let label: String
    public let number: Int
    public let title: String
    public let firstWeek: Int?
    public let lastWeek: Int?
    public let line: Int

    public init(label: String, number: Int, title: String, firstWeek: Int?, lastWeek: Int?, line: Int) {
        self.label = label
        self.number = number
        self.title = title
        self.firstWeek = firstWeek
        self.lastWeek = lastWeek
        self.line = line
    }
}

extension Project {
    /// The name a project is shown by, from the names its documents state: the words every one
    /// starts with (`PAVI Overhaul`, `PAVI Technology Stack Overhaul` → `PAVI`), else the shortest.
    public static func displayName(_ names: [String]) -> String {
        let split = names.map { $0.split(separator: " ").map(String.init) }
        guard let first = split.first else { return "" }
        var common: [String] = []
        for (index, word) in first.enumerated() {
            guard split.allSatisfy({ $0.count > index && $0[index].lowercased() == word.lowercased() }) else { break }
            common.append(word)
        }
        if !common.isEmpty { return common.joined(separator: " ") }
        return names.min { $0.count != $1.count ? $0.count < $1.count : $0 < $1 } ?? first.joined(separator: " ")
    }
}
