/// Week numbers as titles and headings write them in every supported language.
enum WeekWords {
    /// `Week 3`, `Weeks 1-2`, `Woche 3`, `KW 12`, `Semana 2`, `第3周`, `第1-2周`, `第2週`, `3주차`.
    static func week(in text: String) -> Int? {
        let lower = text.lowercased()
        if let found = TextPatterns.number(after: Vocabulary.words[.week]!.filter { !$0.unicodeScalars.contains(where: Vocabulary.isCJK) }, in: lower) {
            return found.first
        }
        // CJK: the number sits between 第 and 周/週, or before 주차 / 週目.
        let characters = Array(lower)
        for (index, character) in characters.enumerated() where character == "第" {
            let digits = characters[(index + 1)...].prefix { $0.isASCII && $0.isNumber }
            guard let value = Int(String(digits)) else { continue }
            let rest = characters[(index + 1 + digits.count)...].drop { $0 == "-" || $0 == "–" || $0 == "~" || $0.isNumber || $0 == " " }
            if let unit = rest.first, unit == "周" || unit == "週" { return value }
        }
        for marker in ["주차", "週目"] {
            if let range = lower.utf8Range(of: marker) {
                let before = lower[..<range.lowerBound].reversed().drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
                if let value = Int(String(before.reversed())) { return value }
            }
        }
        return nil
    }
}
